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
		{"can ketamine help migraines?", bot.IntentQuestion},
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
