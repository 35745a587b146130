package discord

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/handoff"
	"github.com/infusionbot/infusionbot/store"
	"github.com/infusionbot/infusionbot/store/sqlite"
)

const (
	staffChannelID = "555000999"
	staffUserID    = "777000555"
)

// startDesk runs the adapter with a staff channel and the handoff desk in
// front of the fake core, as serve does.
func startDesk(t *testing.T) (*harness, *store.Recorder) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	hasher, _ := store.NewHasher([]byte("a test key of sixteen bytes or more"))
	rec := store.NewRecorder(store.RecorderConfig{Store: db, Hasher: hasher, KeepText: true})
	desk := handoff.New(handoff.Config{Recorder: rec, Clinic: bot.Clinic{Name: "Test Clinic", Phone: "555-0100", Hours: "Mon-Fri 9-5", EmergencyNumber: "911"}})

	h := &harness{t: t, fake: newFakeDiscord(t), core: &fakeCore{}, mon: newFakeMonitor(), logs: &lockedBuffer{}, done: make(chan error, 1)}
	cfg := testConfig(h.fake, h.mon, h.logs)
	cfg.StaffChannelID = staffChannelID
	cfg.Rater = rec
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	desk.Attach(a)
	h.a = a
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- a.Run(ctx, desk.Middleware(h.core)) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-h.done:
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
		h.checkLog()
	})
	h.fake.waitConns(1)
	return h, rec
}

func mention(text string) string { return "<@" + botUserID + "> " + text }

func content(t *testing.T, r restReq) string {
	t.Helper()
	var m struct {
		Content string `json:"content"`
	}
	decode(t, r, &m)
	return m.Content
}

func TestHandoffWithConsent(t *testing.T) {
	h, rec := startDesk(t)
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8501", guildID, channelID, user(userID, false), mention("how long does a ketamine infusion take?"), user(botUserID, true)))
	h.fake.waitReq("POST", "/api/v9/channels/"+channelID+"/messages")

	h.fake.dispatch("INTERACTION_CREATE", buttonPress("7501", buttonCareTeam))
	edit := h.fake.waitReq("PATCH", "/api/v9/webhooks/")
	if got := content(t, edit); !strings.Contains(got, "May I share") {
		t.Fatalf("the care-team button got %q, want the consent question", got)
	}
	if n := h.fake.count("POST", "/api/v9/channels/"+staffChannelID); n != 0 {
		t.Fatalf("%d messages reached the staff channel before consent", n)
	}

	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8502", guildID, channelID, user(userID, false), mention("yes"), user(botUserID, true)))
	ticket := content(t, h.fake.waitReq("POST", "/api/v9/channels/"+staffChannelID+"/messages"))
	for _, want := range []string{"Ticket #1", "how long does a ketamine infusion take?", "heart rhythm is watched", "/reply 1"} {
		if !strings.Contains(ticket, want) {
			t.Errorf("the ticket lacks %q:\n%s", want, ticket)
		}
	}
	replies := h.fake.waitReqN("POST", "/api/v9/channels/"+channelID+"/messages", 2)
	if got := content(t, replies[1]); !strings.Contains(got, "#1") || !strings.Contains(got, "Mon-Fri 9-5") || !strings.Contains(got, "555-0100") {
		t.Errorf("the person got %q, want the ticket number, hours and phone", got)
	}

	// Staff answer in their channel; the person gets it in a direct message.
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8503", guildID, staffChannelID, user(staffUserID, false), mention("/reply 1 We will call you at 3pm today."), user(botUserID, true)))
	h.fake.waitReq("POST", "/api/v9/users/@me/channels")
	dm := h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	if got := content(t, dm); !strings.Contains(got, "We will call you at 3pm today.") || !strings.Contains(got, "ticket #1") {
		t.Errorf("the relayed reply is %q", got)
	}
	staff := h.fake.waitReqN("POST", "/api/v9/channels/"+staffChannelID+"/messages", 2)
	if got := content(t, staff[1]); !strings.Contains(got, "Sent to ticket #1") {
		t.Errorf("the staff channel got %q", got)
	}
	if tk, err := rec.Store().Ticket(context.Background(), 1); err != nil || tk.Replies != 1 || tk.Platform != "discord" || strings.Contains(tk.Address, userID) {
		t.Errorf("stored ticket %+v, %v", tk, err)
	}
}

func TestHandoffWithoutConsentSharesNothing(t *testing.T) {
	h, _ := startDesk(t)
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8601", "", dmChannelID, user(userID, false), "is lidocaine safe for me?"))
	h.fake.waitReq("POST", "/api/v9/channels/"+dmChannelID+"/messages")
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8602", "", dmChannelID, user(userID, false), bot.CommandCareTeam))
	h.fake.waitReqN("POST", "/api/v9/channels/"+dmChannelID+"/messages", 2)
	h.fake.dispatch("MESSAGE_CREATE", messageCreate("8603", "", dmChannelID, user(userID, false), "no thanks"))
	got := h.fake.waitReqN("POST", "/api/v9/channels/"+dmChannelID+"/messages", 3)
	if c := content(t, got[2]); !strings.Contains(c, "nothing was shared") {
		t.Errorf("after no, the person got %q", c)
	}
	if n := h.fake.count("POST", "/api/v9/channels/"+staffChannelID); n != 0 {
		t.Errorf("%d messages reached the staff channel without consent", n)
	}
}
