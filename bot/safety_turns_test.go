package bot_test

import (
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

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
