package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

func TestRecoverTurnsAPanicIntoAnApology(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	panicky := bot.HandlerFunc(func(context.Context, bot.Message) (bot.Reply, error) { panic("index gone") })
	h := bot.Chain(panicky, bot.Recover(log))
	_, err := h.Handle(context.Background(), bot.Message{Platform: "test", Text: "my private question"})
	if err == nil {
		t.Fatal("a panicking handler returned no error")
	}
	if msg := bot.UserMessage(err); msg != bot.DefaultUserError {
		t.Errorf("user message %q, want the default apology", msg)
	}
	if !strings.Contains(logs.String(), "index gone") {
		t.Errorf("the panic was not logged: %s", logs.String())
	}
	if strings.Contains(logs.String(), "my private question") {
		t.Errorf("the message text was logged: %s", logs.String())
	}

	fine := bot.HandlerFunc(func(context.Context, bot.Message) (bot.Reply, error) { return bot.Reply{Body: "ok"}, nil })
	if r, err := bot.Chain(fine, bot.Recover(log)).Handle(context.Background(), bot.Message{}); err != nil || r.Body != "ok" {
		t.Errorf("without a panic: %+v, %v; want the handler's reply", r, err)
	}
}
