package safety

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestTurnsBounds: the store keeps a conversation's last maxTurns turns,
// each cut to maxTurnBytes at a character boundary, forgets a
// conversation after its time to live and the least recently spoken one
// beyond its limit.
func TestTurnsBounds(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	ts := NewTurns(time.Minute, 2, func() time.Time { return now })
	ts.add("a", "one")
	ts.add("a", "two")
	ts.add("a", "three")
	if got := ts.earlier("a"); strings.Join(got, "|") != "two|three" {
		t.Errorf("kept %q, want the last %d turns", got, maxTurns)
	}
	long := strings.Repeat("é", maxTurnBytes) // two bytes each
	ts.add("b", long)
	if got := ts.earlier("b"); len(got) != 1 || len(got[0]) > maxTurnBytes || !utf8.ValidString(got[0]) || !strings.HasSuffix(long, got[0]) {
		t.Errorf("long turn kept as %d bytes (valid %v), want its end, at most %d bytes", len(got[0]), utf8.ValidString(got[0]), maxTurnBytes)
	}
	ts.add("c", "x") // over the limit of 2: a, the least recently spoken, goes
	if ts.earlier("a") != nil || ts.earlier("c") == nil || ts.Len() != 2 {
		t.Errorf("limit: a kept %v, c kept %v, %d conversations", ts.earlier("a"), ts.earlier("c"), ts.Len())
	}
	now = now.Add(time.Minute)
	if ts.Len() != 0 {
		t.Errorf("%d conversations outlived the time to live", ts.Len())
	}
}
