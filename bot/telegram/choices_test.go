package telegram

import (
	"strings"
	"testing"
)

// A "did you mean" reply carries a button per choice (and the care-team
// one); pressing one sends the choice's text to the handler as the
// person's message, in the same conversation.
func TestChoiceButtons(t *testing.T) {
	t.Parallel()
	h := startHarness(t, nil, nil)
	h.f.push(textMessage(privateChat(42), 7, "ambiguous please"))
	sent := h.waitSent(42, 1)
	var labels, data []string
	for _, b := range buttons(t, sent[0].Params.Get("reply_markup")) {
		labels = append(labels, b.Text)
		if b.CallbackData != nil {
			data = append(data, *b.CallbackData)
		}
	}
	if strings.Join(labels, "|") != "1. Ketamine — How long?|2. Lidocaine — Safety|Talk to the care team" {
		t.Errorf("buttons %q", labels)
	}
	if strings.Join(data, "|") != "choice:1|choice:2|fb:care_team" {
		t.Errorf("callback data %q", data)
	}
	h.f.push(callback(privateChat(42), 7, "cb1", "choice:2"))
	h.waitSent(42, 2)
	waitFor(t, "the press acknowledged", func() bool { return len(h.f.callsOf("answerCallbackQuery")) == 1 })
	got := h.core.got()
	if len(got) != 2 || got[1].Text != "2" || got[1].Conversation != got[0].Conversation || got[1].User != "7" {
		t.Errorf("handler got %+v, want the choice's text \"2\" in the same conversation", got)
	}
}
