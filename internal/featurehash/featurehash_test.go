package featurehash

import (
	"fmt"
	"hash/fnv"
	"testing"
)

// The chained hash is the standard FNV-1a of the kind byte and the text:
// the committed models' buckets depend on it.
func TestHashIsFNV1a(t *testing.T) {
	for _, tc := range []struct {
		kind byte
		text string
	}{{'w', "ketamine"}, {'b', "stop ketamine"}, {'g', ""}, {'e', "\x00\xff"}} {
		std := fnv.New32a()
		std.Write(append([]byte{tc.kind}, tc.text...))
		if got, want := uint32(New(tc.kind).Str(tc.text)), std.Sum32(); got != want {
			t.Errorf("New(%q).Str(%q) = %d, want %d", tc.kind, tc.text, got, want)
		}
	}
}

func ExampleHash() {
	word := New('w').Str("stop")
	pair := New('b').Str("stop").Byte(' ').Str("ketamine")
	fmt.Println(word != pair, uint32(New('w').Str("stop")) == uint32(word))
	// Output: true true
}
