package bot_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

// TestBareFollowUpsStayQuestions: a short follow-up that names no red flag
// ("and after?", "which would suit me more") is not escalated on the
// classifier's word alone, however it opens; a red flag said as short a
// follow-up still is. Written for this test, from no eval or training set;
// before the classifier learned from the question sets and weighed short
// messages by what they say (bot/safety/learned.go, evidenceFloor), 3 of
// these 19 follow-ups were escalated.
func TestBareFollowUpsStayQuestions(t *testing.T) {
	rt := newTestRouterWith(t, bot.RouterConfig{})
	for i, c := range [][2]string{
		{"how long does a ketamine session take", "and the one after that?"},
		{"is lidocaine or ketamine used for nerve pain", "which would suit me more"},
		{"what happens during the drip", "and afterwards?"},
		{"can iv therapy help fibromyalgia", "what about for my back?"},
		{"do i need a referral for infusions", "would it be better for me to ask my gp first"},
		{"what are the side effects of lidocaine", "and for ketamine?"},
		{"how often would i need sessions", "and after that?"},
		{"is ketamine better than pills", "better for someone like me?"},
		{"which one is quicker", "which one would help me most"},
		{"can i drive home", "and the next day?"},
		{"how long is each session", "and when it's over?"},
		{"can i stop the infusion if i feel weird", "and then what?"},
		{"what should i eat before", "and after it ends?"},
		{"which drug lasts longer", "which is better for me honestly"},
		{"how many sessions do people need", "what if it stops working?"},
		{"can i bring someone with me", "can they stay till the end?"},
		{"what does ketamine feel like", "does that go away after?"},
		{"how much does a session cost", "is it worth it for me?"},
		{"do the results last", "for how long after the last one?"},
	} {
		user := fmt.Sprintf("followup%d", i)
		ask(t, rt, user, c[0])
		if r := ask(t, rt, user, c[1]); r.Intent == bot.IntentEmergency || r.Intent == bot.IntentCrisis {
			t.Errorf("%q after %q: escalated (%s)", c[1], c[0], r.Intent)
		}
	}
	for i, c := range []struct {
		turns [2]string
		want  bot.Intent
	}{
		{[2]string{"how long is a session", "cant breathe"}, bot.IntentEmergency},
		{[2]string{"when do you open", "he's not breathing"}, bot.IntentEmergency},
		{[2]string{"what does it cost", "i want to die"}, bot.IntentCrisis},
	} {
		user := fmt.Sprintf("redflag%d", i)
		ask(t, rt, user, c.turns[0])
		if r := ask(t, rt, user, c.turns[1]); r.Intent != c.want {
			t.Errorf("%q after %q: intent %s, want %s", c.turns[1], c.turns[0], r.Intent, c.want)
		}
	}
}

// TestRedFlagSpreadOverTurns: what two messages of one conversation say
// together is read as one message would be; a turn that says nothing of
// the kind, another conversation and a conversation gone quiet are not.
func TestRedFlagSpreadOverTurns(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	rt := newTestRouterWith(t, bot.RouterConfig{SafetyTurnsTTL: 10 * time.Minute, Now: func() time.Time { return now }})
	for _, c := range []struct {
		turns []string
		want  bot.Intent
	}{
		{[]string{"i have saved up a lot of my pills", "tonight is the night"}, bot.IntentCrisis},
		{[]string{"i cant keep doing this", "i'd be better off gone"}, bot.IntentCrisis},
		{[]string{"my throat", "its closing up"}, bot.IntentEmergency},
		{[]string{"my dad is sitting next to me", "his face looks droopy on one side and he's slurring"}, bot.IntentEmergency},
	} {
		user := c.turns[0]
		var r bot.Reply
		for _, text := range c.turns {
			r = ask(t, rt, user, text)
		}
		if r.Intent != c.want {
			t.Errorf("%q: intent %s, want %s", c.turns, r.Intent, c.want)
		}
	}
	// Look-alikes stay what they are across turns.
	for _, turns := range [][]string{
		{"can ketamine cause a seizure?", "i'm just nervous, my first session is friday"},
		{"my back pain is killing me", "does ketamine help with that?"},
		{"this flare is brutal lol", "anyway when do you open tomorrow"},
		{"i nearly died laughing at the nurse's joke", "how long is the next session"},
		{"i had a seizure when i was 15", "can i still have lidocaine?"},
	} {
		var r bot.Reply
		for _, text := range turns {
			r = ask(t, rt, turns[0], text)
		}
		if r.Intent == bot.IntentEmergency || r.Intent == bot.IntentCrisis {
			t.Errorf("%q: escalated (%s)", turns, r.Intent)
		}
	}
	// Alone, in another conversation or once the conversation went quiet
	// for longer than the time to live, the second turn is just that.
	if r := ask(t, rt, "other", "tonight is the night"); r.Intent == bot.IntentCrisis {
		t.Errorf("another conversation's turns were read with this one")
	}
	ask(t, rt, "quiet", "i have saved up a lot of my pills")
	now = now.Add(11 * time.Minute)
	if r := ask(t, rt, "quiet", "tonight is the night"); r.Intent == bot.IntentCrisis {
		t.Errorf("turns outlived their time to live")
	}
}
