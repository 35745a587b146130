package bot_test

import (
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

// TestFollowUpConversations asks follow-ups as a patient would and checks
// what they are shown: the first quoted section and a phrase of the
// article that answers the follow-up.
func TestFollowUpConversations(t *testing.T) {
	tests := []struct {
		name    string
		turns   []string
		section string // of the first citation
		want    string // in the reply a person reads
	}{
		{name: "which ones picks from the list asked about",
			turns:   []string{"What medications can be given through an infusion?", "which ones are opioids?"},
			section: "Types of Medications Used in Infusion Therapy", want: "morphine"},
		{name: "one of them is one of the side effects asked about",
			turns:   []string{"what are the side effects of IV therapy?", "is fluid overload one of them?"},
			section: "Side effects of IV therapy for chronic pain", want: "Fluid Overload"},
		{name: "they are the treatment, not how long it takes",
			turns:   []string{"how long does a ketamine infusion take?", "what are they used for?"},
			section: "What Are Ketamine Infusions?", want: "mood disorders"},
		{name: "a term of the last answer is explained where it was quoted",
			turns:   []string{"how does lidocaine work?", "what are sodium channels for?"},
			section: "The Science Behind Lidocaine Infusions", want: "transmitting pain signals"},
		{name: "a bare how asks how about the last question",
			turns:   []string{"does ketamine help depression?", "how?"},
			section: "Conditions Treated with Ketamine Infusions", want: "improve mood"},
		{name: "a statement names the topic the next question leans on",
			turns:   []string{"My doctor suggested lidocaine for me.", "what are the side effects?"},
			section: "Potential Side Effects", want: "dizziness"},
		{name: "it is what a statement naming no topic was about",
			turns:   []string{"needles freak me out", "could it give me an infection?"},
			section: "Are there any risks?", want: "infection from the needle"},
		{name: "how much after a question is no thanks",
			turns:   []string{"should I drink water before my infusion?", "how much?"},
			section: "How to Prepare for Infusion Therapy", want: "Drink plenty of water"},
		{name: "a condition in the place of the last one, with its treatment",
			turns:   []string{"can ketamine help with cancer pain?", "and crps, is it used there as well?"},
			section: "Conditions Treated with Ketamine Infusions", want: "CRPS and post-herpetic neuralgia respond well to ketamine"},
		{name: "a risk in the place of the last one",
			turns:   []string{"is phlebitis a risk with infusions", "and infection, how likely is that?"},
			section: "Benefits and Risks of Infusion Therapy", want: "Infection"},
		{name: "which ones goes on in the article answered, not in a near tie elsewhere",
			turns:   []string{"are opioids ever given by IV for pain?", "which ones?"},
			section: "Types of Medications Used in Infusion Therapy", want: "morphine"},
		{name: "and after it's done keeps the session asked about, not just the drug",
			turns:   []string{"what happens before a ketamine session", "and after it's done?"},
			section: "What Happens During a Ketamine Infusion Session?", want: "observed briefly after the treatment"},
		{name: "a bare how fast still weighs the drug alone against the condition asked",
			turns:   []string{"does ketamine help depression", "how fast?"},
			section: "Benefits of Ketamine Infusions", want: "relief within hours"},
		{name: "it set against another drug is still the drug asked about",
			turns:   []string{"what is ketamine?", "is it better than lidocaine?"},
			section: "Lidocaine vs. Ketamine: Which Is Right for You?", want: "Choosing between lidocaine and ketamine"},
		{name: "the other one is the other drug of the two",
			turns:   []string{"what conditions does lidocaine treat", "and the other one?"},
			section: "Conditions Treated with Ketamine Infusions", want: "CRPS and post-herpetic neuralgia respond well to ketamine"},
		{name: "other options ask for more, not for the other drug",
			turns:   []string{"how does lidocaine work", "are there other options?"},
			section: "Benefits of Lidocaine Infusions", want: "Non-Opioid Alternative"},
		{name: "a condition of another kind in the place of the last one",
			turns:   []string{"do infusions work for CIDP", "what about fibromyalgia?"},
			section: "Which Types of IV Infusion Work for Chronic Pain?", want: "fibromyalgia"},
	}
	rt := newTestRouter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user := tt.name
			var r = ask(t, rt, user, tt.turns[0])
			for _, turn := range tt.turns[1:] {
				r = ask(t, rt, user, turn)
			}
			if !r.Answered || len(r.Citations) == 0 {
				t.Fatalf("%q: no answer:\n%s", tt.turns, r.Text())
			}
			if got := r.Citations[0].Section; got != tt.section || !strings.Contains(r.Text(), tt.want) {
				t.Errorf("%q: first citation %q, want %q with %q in:\n%s", tt.turns, got, tt.section, tt.want, r.Text())
			}
		})
	}
}

// TestSmallTalkAfterAQuestionStaysSmallTalk: a conversation that asked
// something before still greets, asks how the bot is and asks for help.
func TestSmallTalkAfterAQuestionStaysSmallTalk(t *testing.T) {
	tests := []struct {
		text string
		want bot.Intent
	}{
		{"hi", bot.IntentGreeting},
		{"how are you?", bot.IntentGreeting},
		{"how do I use this?", bot.IntentHelp},
	}
	rt := newTestRouter(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ask(t, rt, tt.text, "can lidocaine help fibromyalgia?")
			if r := ask(t, rt, tt.text, tt.text); r.Intent != tt.want {
				t.Errorf("%q after a question: intent %s, want %s:\n%s", tt.text, r.Intent, tt.want, r.Text())
			}
		})
	}
}
