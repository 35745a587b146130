package bot_test

import (
	"strings"
	"testing"
)

// An everyday word the articles happen not to use says nothing about
// whether they answer; a rare one they lack is what they don't cover.
func TestAnswerabilityWeighsLackingWordsByRarity(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct {
		text, quote string // quote "": the bot should say the articles don't cover it
	}{
		{"ketamine session length?", "1–4 hours"}, // ketamine's, in the text or the table
		{"can I have a ketamine infusion if I have a pacemaker?", ""},
		{"is ketamine safe during pregnancy?", ""},
	}
	for _, tt := range tests {
		r := ask(t, rt, "answerability:"+tt.text, tt.text) // each its own conversation
		switch {
		case tt.quote == "" && r.Answered:
			t.Errorf("%q answered (%q), want the articles don't cover it", tt.text, r.Citations[0].Snippet)
		case tt.quote != "" && (!r.Answered || !strings.Contains(r.Citations[0].Snippet, tt.quote)):
			t.Errorf("%q: answered %v, want a first quote holding %q", tt.text, r.Answered, tt.quote)
		}
	}
}

// The passage that leads is the ranking's best one when it holds about as
// much of the question as the first passage holding enough of it: a
// lidocaine question is answered from lidocaine's side effects, not from a
// general IV therapy passage that shares more of its everyday words. The
// ranking does not win when the passage above holds far less of the
// question: "fibro" is answered from the list of conditions it is in.
func TestLeadRespectsTheRanking(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct {
		text, quote, cite string
	}{
		{"can lidocaine mess with your heart rhythm", "irregular heartbeat", "lidocaine-and-ketamine#potential-side-effects"},
		{"Lidocaine for fibro, does it actually help?", "Fibromyalgia", "lidocaine-and-ketamine#conditions-treated-with-lidocaine-infusions"},
	}
	for _, tt := range tests {
		r := ask(t, rt, "lead:"+tt.text, tt.text)
		if !r.Answered || len(r.Citations) == 0 {
			t.Errorf("%q not answered, want a quote from %s", tt.text, tt.cite)
			continue
		}
		if c := r.Citations[0]; !strings.HasPrefix(c.ID, tt.cite) || !strings.Contains(c.Snippet, tt.quote) {
			t.Errorf("%q: first quote %s %q, want %s holding %q", tt.text, c.ID, c.Snippet, tt.cite, tt.quote)
		}
	}
}
