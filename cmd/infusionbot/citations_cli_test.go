package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestEachSourceListedOnce: two quotes from one section of an article share
// one source number, and every number in the text is a listed source.
func TestEachSourceListedOnce(t *testing.T) {
	first := "An iron infusion session takes about thirty minutes in the infusion chair."
	second := "After each iron infusion session, patients rest for fifteen minutes before going home."
	dir := writeArticles(t, map[string]string{"iron.md": "---\ntitle: IV Iron Infusions\nsource: Example Clinic\n---\n# IV Iron Infusions\n\n" +
		"## Iron Infusion Sessions\n\n" + first + "\n\n" + second + "\n\n" +
		"## Who Needs Iron Infusions\n\nIron infusions treat iron deficiency anemia when iron tablets do not work.\n"})

	out, stderr, err := cliRun(t, cliLine("u", "what is an iron infusion session like?"), "ask", "--json", "--knowledge", dir)
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	r := cliDecodeReply(t, cliLines(t, out)[0])
	if !strings.Contains(r.Text, first) || !strings.Contains(r.Text, second) {
		t.Fatalf("the answer does not quote both sentences of the section, so it tests nothing:\n%s", r.Text)
	}
	seen := map[string]bool{}
	for _, c := range r.Citations {
		if seen[c.ID] {
			t.Errorf("source %s listed twice:\n%s", c.ID, r.Text)
		}
		seen[c.ID] = true
	}
	if len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Snippet, first) || !strings.Contains(r.Citations[0].Snippet, second) {
		t.Errorf("the section's citation does not hold both quotes: %+v", r.Citations)
	}
	for _, m := range regexp.MustCompile(`\[(\d+)\]`).FindAllStringSubmatch(r.Text, -1) {
		var n int
		fmt.Sscan(m[1], &n)
		if n < 1 || n > len(r.Citations) {
			t.Errorf("marker %s has no source (%d listed):\n%s", m[0], len(r.Citations), r.Text)
		}
	}
	if got := strings.Count(r.Text, "] IV Iron Infusions — Iron Infusion Sessions"); got != 1 {
		t.Errorf("the section is listed %d times under Sources, want once:\n%s", got, r.Text)
	}
}
