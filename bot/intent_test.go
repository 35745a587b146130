package bot_test

import (
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

// TestIntentsThroughTheRouter routes messages written for this test (none
// of them in bot/intent/examples.txt) through the whole router: what the
// classifier learned must carry over to other ways of saying the same thing,
// and must leave questions to the search.
func TestIntentsThroughTheRouter(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct {
		text string
		want bot.Intent
	}{
		{"hey there, morning!", bot.IntentGreeting},
		{"what sort of questions can you answer?", bot.IntentHelp},
		{"thanks a million, that was really useful", bot.IntentThanks},
		{"ok that's all i needed, bye for today", bot.IntentGoodbye},
		{"could I chat with a real nurse please", bot.IntentHuman},
		{"how much will a ketamine session cost me?", bot.IntentClinic},
		{"do you take humana insurance", bot.IntentClinic},
		{"should I stop my gabapentin now that I'm getting infusions?", bot.IntentMedicalAdvice},
		{"can I mix my klonopin with the lidocaine drip", bot.IntentMedicalAdvice},
		{"which should I go for with my fibro, ketamine or lidocaine?", bot.IntentMedicalAdvice},
		{"I have a heart condition, is lidocaine ok for me?", bot.IntentMedicalAdvice},
		{"what's a good recipe for banana bread", bot.IntentOutOfScope},
		// Counter-examples: general questions stay questions and are answered.
		// (Not "can ketamine help migraines?": the articles tie migraines to
		// IV therapy, never to ketamine, and the bot says so.)
		{"can infusions help migraines?", bot.IntentQuestion},
		{"hi, what are the side effects of ketamine?", bot.IntentQuestion},
		{"should I wear comfortable clothes to my infusion?", bot.IntentQuestion},
		{"what conditions can lidocaine infusions treat?", bot.IntentQuestion},
		// Safety stays in front: thanks or a greeting never hide an emergency.
		{"thanks, but I can't breathe", bot.IntentEmergency},
		{"hi, I want to end my life", bot.IntentCrisis},
	}
	for _, tt := range tests {
		got := ask(t, rt, "intents", tt.text)
		if got.Intent != tt.want {
			t.Errorf("%q routed to %s, want %s", tt.text, got.Intent, tt.want)
		}
		if tt.want == bot.IntentQuestion && !got.Answered {
			t.Errorf("%q was not answered from the articles", tt.text)
		}
	}
}

// TestUnsureChatYieldsToTheArticles: a question in few words can look like
// chat to the classifier; when it was unsure and the articles answer the
// message, the person gets the answer, not a canned reply. A sure call
// keeps its reply even where a passage happens to hold its words ("help").
func TestUnsureChatYieldsToTheArticles(t *testing.T) {
	rt := newTestRouter(t)
	// Taken for off-topic chat (about 0.6 sure when written): the articles
	// say patients may feel drowsy.
	if r := ask(t, rt, "yield", "does it make you sleepy"); r.Intent != bot.IntentQuestion || !r.Answered {
		t.Errorf("\"does it make you sleepy\": %s, answered %v; want the articles' answer\n%s", r.Intent, r.Answered, r.Text())
	}
	// "hello, how does this work?" is help however unsure the greeting
	// makes the classifier of the whole: the rest, read alone, is sure.
	for _, text := range []string{"help", "what can you help me with?", "hello, how does this work?"} {
		if r := ask(t, rt, "sure", text); r.Intent != bot.IntentHelp {
			t.Errorf("%q: %s, want help\n%s", text, r.Intent, r.Text())
		}
	}
}

// TestAdviceIsADecisionAboutOnesOwnTreatment: a message goes to the
// provider when it asks for a decision about the person's own (or a
// relative's) treatment; whether a treatment helps a condition, or how a
// visit goes, is a question for the articles even said with "my" and "I".
func TestAdviceIsADecisionAboutOnesOwnTreatment(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct {
		text   string
		advice bool
	}{
		{"my shoulder aches all the time, could ketamine do anything for that", false},
		{"can lidocaine infusions help someone with my kind of nerve pain", false},
		{"do people end up needing fewer pain pills after ketamine", false},
		{"am i able to head home as soon as the infusion is over", false},
		{"will i be lying down during the drip", false},
		{"should i stop my cymbalta before the ketamine", true},
		{"my dad has kidney disease, should he put off the lidocaine", true},
		{"can i halve my gabapentin once the infusions start", true},
	}
	for _, tt := range tests {
		r := ask(t, rt, "advice", tt.text)
		if got := r.Intent == bot.IntentMedicalAdvice; got != tt.advice {
			t.Errorf("%q: intent %s, want advice %v", tt.text, r.Intent, tt.advice)
		}
	}
}
