package sharedfiles

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// copied lists every file the project keeps a copy of.
var copied = []string{
	"eval/dev.jsonl", "eval/score.py", "eval/norm.py",
	"sources/000_c614e64672ad6ff7.txt", "sources/001_40c6da6138b2aae4.txt",
	"sources/002_0daf0697f5461e93.txt", "sources/003_2e6b24436037f4fa.txt",
	"sources/004_146a92e372ef15d5.txt",
}

// TestCopyIsCurrent checks that testdata/shared holds the same bytes as
// ../shared, so tests on a fresh clone check what they check beside it.
func TestCopyIsCurrent(t *testing.T) {
	for _, rel := range copied {
		cp, err := Copy(rel)
		if err != nil {
			t.Fatal(err)
		}
		mine, err := os.ReadFile(cp)
		if err != nil {
			t.Fatalf("the project's copy: %v", err)
		}
		orig := Original(rel)
		if orig == "" {
			continue // a fresh clone: the copy is all there is
		}
		theirs, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(mine, theirs) {
			t.Errorf("testdata/shared/%s differs from ../shared/%s: copy it again", rel, rel)
		}
	}
}

func TestPathPrefersShared(t *testing.T) {
	p, err := Path("eval/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := Original("eval/dev.jsonl")
	if want == "" {
		want, _ = Copy("eval/dev.jsonl")
	}
	if filepath.Clean(p) != filepath.Clean(want) {
		t.Errorf("Path = %s, want %s", p, want)
	}
	if _, err := Path("eval/nope.jsonl"); err == nil {
		t.Error("a file in neither place was found")
	}
}
