package telegram

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/handoff"
	"github.com/infusionbot/infusionbot/store"
	"github.com/infusionbot/infusionbot/store/sqlite"
)

const staffChat = -1001234

// startDesk runs the adapter with a staff chat and the handoff desk in
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

	f := newFakeAPI(t)
	h := &harness{t: t, f: f, core: &fakeCore{}, mon: newRecMonitor(), logBuf: &syncBuffer{}, done: make(chan error, 1)}
	cfg := testConfig(f)
	cfg.Monitor = h.mon
	cfg.Logger = slog.New(slog.NewTextHandler(h.logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg.StaffChatID = staffChat
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
		if h.cancel != nil {
			h.stop()
		}
	})
	return h, rec
}

func TestHandoffWithConsent(t *testing.T) {
	h, rec := startDesk(t)
	h.f.push(textMessage(privateChat(42), 42, "how long does a ketamine infusion take?"))
	h.waitSent(42, 1)
	h.f.push(callback(privateChat(42), 42, "cb1", "fb:care_team"))
	sent := h.waitSent(42, 2)
	if got := sent[1].Params.Get("text"); !strings.Contains(got, "May I share") {
		t.Fatalf("the care-team button got %q, want the consent question", got)
	}
	if len(h.f.sent(staffChat)) != 0 {
		t.Fatalf("something reached the staff chat before consent")
	}
	h.f.push(textMessage(privateChat(42), 42, "yes"))
	staff := h.waitSent(staffChat, 1)
	ticket := staff[0].Params.Get("text")
	for _, want := range []string{"Ticket #1", "how long does a ketamine infusion take?", "A ketamine infusion takes about 40 minutes", "/reply 1"} {
		if !strings.Contains(ticket, want) {
			t.Errorf("the ticket lacks %q:\n%s", want, ticket)
		}
	}
	sent = h.waitSent(42, 3)
	if got := sent[2].Params.Get("text"); !strings.Contains(got, "#1") || !strings.Contains(got, "Mon-Fri 9-5") || !strings.Contains(got, "555-0100") {
		t.Errorf("the person got %q, want the ticket number, hours and phone", got)
	}

	// A staff member answers in the staff group; the person gets it privately.
	h.f.push(textMessage(groupChat(staffChat), 7, "/reply 1 We will call you at 3pm today."))
	sent = h.waitSent(42, 4)
	if got := sent[3].Params.Get("text"); !strings.Contains(got, "We will call you at 3pm today.") || !strings.Contains(got, "ticket #1") {
		t.Errorf("the relayed reply is %q", got)
	}
	staff = h.waitSent(staffChat, 2)
	if got := staff[1].Params.Get("text"); !strings.Contains(got, "Sent to ticket #1") {
		t.Errorf("the staff group got %q, want a confirmation", got)
	}
	for _, m := range h.core.got() {
		if strings.Contains(m.Text, "/reply") || m.Text == "yes" {
			t.Errorf("the core was asked %q: staff commands and consent are the desk's", m.Text)
		}
	}
	tk, err := rec.Store().Ticket(context.Background(), 1)
	if err != nil || !tk.Open || tk.Replies != 1 || tk.Platform != "telegram" {
		t.Errorf("stored ticket %+v, %v: want open and one reply", tk, err)
	}
	// The stored address is sealed: not the chat and user ids as such (a
	// random ciphertext may happen to hold the digits "42", so the test
	// opens it instead of searching it for them).
	if plain, err := rec.Hasher().Unseal(tk.Address); err != nil || !strings.Contains(plain, "42") || strings.Contains(tk.Address, "\n") || tk.Address == plain {
		t.Errorf("stored address %q (opens to %q, %v): want the ids sealed", tk.Address, plain, err)
	}
	if strings.Contains(h.logBuf.String(), "ketamine infusion take") || strings.Contains(h.logBuf.String(), "3pm") {
		t.Errorf("message text reached the log:\n%s", h.logBuf.String())
	}
}

func TestHandoffWithoutConsentSharesNothing(t *testing.T) {
	h, rec := startDesk(t)
	h.f.push(textMessage(privateChat(43), 43, "is lidocaine safe for me?"))
	h.waitSent(43, 1)
	h.f.push(textMessage(privateChat(43), 43, "/human"))
	h.waitSent(43, 2)
	h.f.push(textMessage(privateChat(43), 43, "no"))
	sent := h.waitSent(43, 3)
	if got := sent[2].Params.Get("text"); !strings.Contains(got, "nothing was shared") || !strings.Contains(got, "555-0100") {
		t.Errorf("after no, the person got %q, want contact details", got)
	}
	// A question after the refusal is answered as usual, and still nothing goes to staff.
	h.f.push(textMessage(privateChat(43), 43, "yes"))
	h.waitSent(43, 4)
	if n := len(h.f.sent(staffChat)); n != 0 {
		t.Errorf("%d messages reached the staff chat without consent", n)
	}
	if c, _ := func() (store.Counts, error) {
		rec.Flush(context.Background())
		return rec.Store().Count(context.Background(), time.Time{})
	}(); c.Handoffs != 1 || c.OpenTickets != 0 {
		t.Errorf("counts %+v, want one handoff asked, no ticket", c)
	}
}

func TestStaffReplyToUnknownTicket(t *testing.T) {
	h, _ := startDesk(t)
	h.f.push(textMessage(groupChat(staffChat), 7, "/reply 99 hello"))
	staff := h.waitSent(staffChat, 1)
	if got := staff[0].Params.Get("text"); !strings.Contains(got, "no ticket #99") {
		t.Errorf("reply to an unknown ticket: %q", got)
	}
}

func TestNotHelpfulRatingIsRecordedWithItsQuestion(t *testing.T) {
	h, rec := startDesk(t)
	h.f.push(textMessage(privateChat(44), 44, "what does a lidocaine infusion feel like?"))
	h.waitSent(44, 1)
	h.f.push(callback(privateChat(44), 44, "cb9", "fb:not_helpful"))
	waitFor(t, "the rating recorded", func() bool {
		c, _ := func() (store.Counts, error) {
			rec.Flush(context.Background())
			return rec.Store().Count(context.Background(), time.Time{})
		}()
		return c.NotHelpful == 1
	})
}
