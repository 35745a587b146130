package bot_test

import (
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/safety"
)

// TestSafetyExamples routes every example and counter-example of the
// red-flag lexicon (bot/safety/redflags.txt, crisis.txt) through the whole
// router: an example must get the emergency or crisis reply, a
// counter-example must not. Each is a conversation of its own: a message
// is read with the turns before it (safety.Turns).
func TestSafetyExamples(t *testing.T) {
	rt := newTestRouter(t)
	for _, c := range safety.Default().Concepts() {
		t.Run(string(c.Class)+"/"+c.Name, func(t *testing.T) {
			want := bot.Intent(c.Class)
			for _, ex := range c.Examples {
				got := ask(t, rt, ex, ex)
				if !answers(want, got) {
					t.Errorf("%q routed to %s, want %s (%s:%d)", ex, got.Intent, want, c.File, c.Line)
				}
			}
			for _, ex := range c.Counters {
				if got := ask(t, rt, ex, ex); got.Intent.Urgent() {
					t.Errorf("counter-example %q routed to %s (%s:%d)", ex, got.Intent, c.File, c.Line)
				}
			}
		})
	}
}

// TestSafetyModes checks what the router does with a red flag by what the
// message does with it.
func TestSafetyModes(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct {
		text     string
		want     bot.Intent
		wantNote string // in the handoff line
	}{
		{"out of nowhere my chest is so tight", bot.IntentEmergency, ""},
		{"can a ketamine infusion give you chest pain?", bot.IntentQuestion, "If this is happening now"},
		{"my uncle had a stroke three years ago, can he have lidocaine?", bot.IntentMedicalAdvice, ""},
		{"what is suicidal ideation?", bot.IntentQuestion, "988"},
		{"how many of these pills would it take to kill me", bot.IntentCrisis, ""},
		{"this migraine is killing me", bot.IntentQuestion, ""},
	}
	for _, tt := range tests {
		got := ask(t, rt, "u", tt.text)
		if got.Intent != tt.want && !(tt.want == bot.IntentQuestion && got.Intent == bot.IntentOutOfScope) {
			t.Errorf("%q routed to %s, want %s", tt.text, got.Intent, tt.want)
		}
		if !strings.Contains(got.Handoff, tt.wantNote) {
			t.Errorf("%q: handoff %q, want it to contain %q", tt.text, got.Handoff, tt.wantNote)
		}
		if tt.wantNote == "" && strings.Contains(got.Handoff, "happening now") {
			t.Errorf("%q: handoff %q has a safety note, want none", tt.text, got.Handoff)
		}
	}
}

// answers reports whether the reply answers a red flag of the intent want
// (safety.Answers: an emergency may come back a crisis with emergency help
// first).
func answers(want bot.Intent, r bot.Reply) bool {
	return safety.Answers(safety.Class(want), safety.Class(r.Intent), emergencyFirst(r.Body))
}

// emergencyFirst reports whether a reply sends the person to emergency help
// before it gives the crisis line.
func emergencyFirst(body string) bool {
	e, c := strings.Index(body, "911"), strings.Index(body, "988")
	return e >= 0 && (c < 0 || e < c)
}
