// Package featurehash hashes the features of a message for the linear
// models (bot/intent, bot/safety): FNV-1a, 32 bits, chained by value, so a
// feature such as "bigram: stop + <medicine>" is hashed without building
// its string and without allocating.
package featurehash

// Hash is an FNV-1a hash in progress.
type Hash uint32

// New starts a hash with kind, so that features of different kinds that
// happen to spell the same never share a weight.
func New(kind byte) Hash { return Hash(2166136261).Byte(kind) }

// Byte adds one byte.
func (h Hash) Byte(c byte) Hash { return (h ^ Hash(c)) * 16777619 }

// Str adds the bytes of s.
func (h Hash) Str(s string) Hash {
	for i := 0; i < len(s); i++ {
		h = h.Byte(s[i])
	}
	return h
}
