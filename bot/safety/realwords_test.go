package safety_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot/safety"
)

// TestRealWordsUpToDate regenerates realwords.txt where the word list it is
// made from is installed (apt-get install wamerican), so that a lexicon
// edit without `go generate ./bot/safety/` fails here.
func TestRealWordsUpToDate(t *testing.T) {
	dict, err := os.ReadFile("/usr/share/dict/american-english")
	if err != nil {
		t.Skip("no /usr/share/dict/american-english (Debian package wamerican)")
	}
	want := safety.Default().RealWordNeighbours(string(dict))
	slices.Sort(want)
	b, err := os.ReadFile("realwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			got = append(got, l)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("realwords.txt is out of date (%d words, want %d): run go generate ./bot/safety/", len(got), len(want))
	}
}
