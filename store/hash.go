package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Hasher turns a platform's user id into a keyed hash (HMAC-SHA256): the
// same person gets the same hash, so "3 people asked this" can be told from
// "one person asked 3 times", but without the key nobody can compute the
// hash of a known id and look it up, as they could with a bare hash of an
// enumerable id space (Telegram and Discord ids are integers).
type Hasher struct{ key []byte }

// NewHasher makes a Hasher with the given key, at least 16 bytes.
func NewHasher(key []byte) (*Hasher, error) {
	if len(key) < 16 {
		return nil, errors.New("store: the user id key must be at least 16 bytes")
	}
	return &Hasher{key: append([]byte(nil), key...)}, nil
}

// Hash returns the keyed hash of a user on a platform; "" for no user.
func (h *Hasher) Hash(platform, user string) string {
	if user == "" {
		return ""
	}
	m := hmac.New(sha256.New, h.key)
	m.Write([]byte(platform))
	m.Write([]byte{0})
	m.Write([]byte(user))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// KeyFile is the name of the generated key in the data directory.
const KeyFile = "user-id.key"

// LoadKey returns the user id key: secret when set (STORE_ID_KEY), else
// the key in dir/KeyFile, generated there (32 random bytes, mode 0600) on
// first use.
func LoadKey(secret, dir string) ([]byte, error) {
	if secret != "" {
		if len(secret) < 16 {
			return nil, errors.New("STORE_ID_KEY: must be at least 16 characters")
		}
		return []byte(secret), nil
	}
	path := filepath.Join(dir, KeyFile)
	if b, err := os.ReadFile(path); err == nil {
		key, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(key) < 16 {
			return nil, fmt.Errorf("store: %s is not a key written by infusionbot; remove it to make a new one (old hashes then stop matching)", path)
		}
		return key, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("store: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// O_EXCL: when two processes start at once, one key wins and the
	// other reads it.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return LoadKey("", dir)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	_, werr := f.WriteString(hex.EncodeToString(key) + "\n")
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("store: %w", err)
	}
	return key, nil
}
