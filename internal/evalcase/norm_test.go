package evalcase

import (
	"os"
	"strings"
	"testing"
)

func TestNormMatchesTheScorer(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The session usually lasts 1\u20134 hours", "the session usually lasts 1-4 hours"},
		{"  **Rapid Onset:**\n\tMany  patients ", "rapid onset: many patients"},
		{"patient\u2019s \u201cfirst\u201d `dose`", `patient's "first" dose`},
		{"", ""},
	} {
		if got := Norm(c.in); got != c.want {
			t.Errorf("Norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadSkipsBlankLinesAndNamesTheBadOne(t *testing.T) {
	path := t.TempDir() + "/cases.jsonl"
	if err := os.WriteFile(path, []byte("\ufeff{\"id\":\"a\"}\n\n{\"id\":\"b\"}\n{bad\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	type c struct{ ID string }
	if _, err := Read[c](path); err == nil || !strings.Contains(err.Error(), "cases.jsonl:4") {
		t.Fatalf("Read of a bad line 4: error %v, want one naming cases.jsonl:4", err)
	}
	if err := os.WriteFile(path, []byte("\ufeff{\"id\":\"a\"}\n\n{\"id\":\"b\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := Read[c](path)
	if err != nil || len(got) != 2 || got[0].ID != "a" || got[1].ID != "b" {
		t.Fatalf("Read = %v, %v; want [a b]", got, err)
	}
}
