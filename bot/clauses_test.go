package bot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

// TestSmallTalkAroundAQuestion sends messages that wrap a question (or a
// request) in a greeting or thanks and checks that the question is what
// gets answered, with its citation, and the small talk a word of its own.
func TestSmallTalkAroundAQuestion(t *testing.T) {
	tests := []struct {
		name   string
		turns  []string // the last one is checked
		intent bot.Intent
		want   string // in the reply a person reads
		ack    string // how the reply starts
	}{
		{name: "thanks before a question",
			turns:  []string{"thanks, what are the side effects of lidocaine?"},
			intent: bot.IntentQuestion, want: "dizziness", ack: "You're welcome!"},
		{name: "a greeting before a question without a question mark",
			turns:  []string{"hello! how long does a ketamine infusion take"},
			intent: bot.IntentQuestion, want: "1–4 hours", ack: "Hello!"},
		{name: "thanks after a question",
			turns:  []string{"what conditions can lidocaine treat? thank you!"},
			intent: bot.IntentQuestion, want: "Diabetic Neuropathy", ack: "You're welcome!"},
		{name: "a question set off by a dash",
			turns:  []string{"hi again - can i drive home after"},
			intent: bot.IntentQuestion, want: "plan for a ride home", ack: "Hello!"},
		{name: "thanks run into a question joined by so",
			turns:  []string{"awesome thanks so can ketamine help with fibromyalgia"},
			intent: bot.IntentQuestion, want: "fibromyalgia", ack: "You're welcome!"},
		{name: "a follow-up after thanks leans on the last question",
			turns:  []string{"how long does a lidocaine infusion take?", "great thanks. and for ketamine?"},
			intent: bot.IntentQuestion, want: "1–4 hours", ack: "You're welcome!"},
		{name: "a bare how after thanks asks how about the last question",
			turns:  []string{"does ketamine help depression?", "thank you, how?"},
			intent: bot.IntentQuestion, want: "improve mood", ack: "You're welcome!"},
		{name: "a greeting run into a question",
			turns:  []string{"hey what are the risks of iv therapy"},
			intent: bot.IntentQuestion, want: "Injection Site Reactions", ack: "Hello!"},
		{name: "an off-topic question after a greeting is told what the bot is for",
			turns:  []string{"hi, who won the football last night?"},
			intent: bot.IntentOutOfScope, want: "only help with questions about infusion therapy", ack: "Hello!"},
		{name: "a request for a person after thanks",
			turns:  []string{"thank you! can i speak to a real person"},
			intent: bot.IntentHuman, ack: "You're welcome!"},
		{name: "personal advice after a greeting",
			turns:  []string{"hi, should i skip my pregabalin on infusion day"},
			intent: bot.IntentMedicalAdvice, ack: "Hello!"},
	}
	rt := newTestRouter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r bot.Reply
			for _, turn := range tt.turns {
				r = ask(t, rt, tt.name, turn)
			}
			last := tt.turns[len(tt.turns)-1]
			if r.Intent != tt.intent {
				t.Fatalf("%q: intent %s, want %s:\n%s", last, r.Intent, tt.intent, r.Text())
			}
			if tt.intent == bot.IntentQuestion && (!r.Answered || len(r.Citations) == 0) {
				t.Fatalf("%q: no cited answer:\n%s", last, r.Text())
			}
			if !strings.Contains(r.Text(), tt.want) || !strings.HasPrefix(r.Body, tt.ack) {
				t.Errorf("%q: want %q in a reply starting %q:\n%s", last, tt.want, tt.ack, r.Text())
			}
		})
	}
}

// TestSmallTalkAloneKeepsItsReply: messages of small talk only, however many
// clauses, get a canned reply for one of what they say, and nothing asked
// of the articles.
func TestSmallTalkAloneKeepsItsReply(t *testing.T) {
	tests := []struct {
		text string
		want []bot.Intent // any of them
	}{
		{"thanks, bye!", []bot.Intent{bot.IntentThanks, bot.IntentGoodbye}},
		{"hi there, good evening", []bot.Intent{bot.IntentGreeting}},
		{"cheers, that was helpful", []bot.Intent{bot.IntentThanks}},
		{"thanks so much, i will", []bot.Intent{bot.IntentThanks}},
		{"ok thank you, will do", []bot.Intent{bot.IntentThanks}},
		{"hello, what can you do?", []bot.Intent{bot.IntentGreeting, bot.IntentHelp}},
		{"great, thank you. have a nice evening", []bot.Intent{bot.IntentThanks, bot.IntentGoodbye}},
	}
	rt := newTestRouter(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := ask(t, rt, tt.text, tt.text)
			if !slices.Contains(tt.want, r.Intent) || r.Answered {
				t.Errorf("%q: intent %s (answered %v), want one of %v:\n%s", tt.text, r.Intent, r.Answered, tt.want, r.Text())
			}
		})
	}
}

// TestSafetyReadsTheWholeMixedMessage: thanks before an emergency is no
// small talk to acknowledge; the emergency guidance is all there is.
func TestSafetyReadsTheWholeMixedMessage(t *testing.T) {
	rt := newTestRouter(t)
	r := ask(t, rt, "mixed safety", "thanks, my chest is crushing and i can't breathe")
	if r.Intent != bot.IntentEmergency || strings.Contains(r.Body, "welcome") {
		t.Errorf("intent %s, want emergency guidance alone:\n%s", r.Intent, r.Text())
	}
}
