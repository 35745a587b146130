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
		{"ketamine session length?", "session usually lasts"},
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
