package discord

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// A "did you mean" reply carries a button per choice (and the care-team
// one); pressing one sends the choice's text to the handler as the
// person's message, in the same conversation, answered in the channel.
func TestChoiceButtons(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil)
	h.fake.waitConns(1)
	h.fake.dispatch("INTERACTION_CREATE", slashCommand("7601", "ask", question("something ambiguous")))
	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7601/messages/@original")
	body := string(edit.Body)
	for _, want := range []string{choicePrefix + "1", choicePrefix + "2", "1. IV Lidocaine Infusion — What to expect", buttonCareTeam} {
		if !strings.Contains(body, want) {
			t.Errorf("the reply lacks %q: %s", want, body)
		}
	}
	if strings.Contains(body, buttonHelpful) {
		t.Errorf("a did-you-mean reply asks for a rating: %s", body)
	}
	h.fake.dispatch("INTERACTION_CREATE", buttonPress("7602", choicePrefix+"2"))
	ack := h.fake.waitReq("POST", "/api/v9/interactions/7602/itok-7602/callback")
	var resp discordgo.InteractionResponse
	decode(t, ack, &resp)
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("ack type %d, want deferred (5)", resp.Type)
	}
	h.fake.waitReq("PATCH", "/api/v9/webhooks/"+appID+"/itok-7602/messages/@original")
	seen := h.core.messages()
	if len(seen) != 2 || seen[1].Text != "2" || seen[1].Conversation != seen[0].Conversation || seen[1].User != seen[0].User {
		t.Errorf("handler saw %+v, want the choice's text \"2\" in the same conversation", seen)
	}
}
