package handoff

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/store"
	"github.com/infusionbot/infusionbot/store/sqlite"
)

// core answers like the router: /human is the human intent, "breathe" an emergency.
var core = bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
	switch {
	case m.Text == bot.CommandCareTeam:
		return bot.Reply{Intent: bot.IntentHuman, Body: "Call the clinic at 555-0100."}, nil
	case strings.Contains(m.Text, "breathe"):
		return bot.Reply{Intent: bot.IntentEmergency, Body: "Call 911 now."}, nil
	}
	return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "An answer to: " + m.Text}, nil
})

type staffChannel struct {
	mu    sync.Mutex
	posts []string
}

func (s *staffChannel) IsStaff(c string) bool { return c == "test:staff" }
func (s *staffChannel) StaffConfigured() bool { return true }
func (s *staffChannel) PostStaff(ctx context.Context, text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.posts = append(s.posts, text)
	return nil
}

func newDesk(t *testing.T) *Desk {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h, _ := store.NewHasher(make([]byte, 32))
	return New(Config{Recorder: store.NewRecorder(store.RecorderConfig{Store: db, Hasher: h}), Clinic: bot.DefaultClinic()})
}

func TestWithoutStaffChannelTheContactDetailsStay(t *testing.T) {
	d := newDesk(t)
	r, _ := d.Middleware(core).Handle(context.Background(), bot.Message{Platform: "test", Conversation: "test:1", Text: bot.CommandCareTeam})
	if r.Body != "Call the clinic at 555-0100." {
		t.Errorf("without a staff channel /human got %q", r.Body)
	}
}

func TestEmergencyWhileAskingConsentIsAnswered(t *testing.T) {
	d := newDesk(t)
	staff := &staffChannel{}
	d.Attach(staff)
	h := d.Middleware(core)
	m := bot.Message{Platform: "test", Conversation: "test:1", User: "1"}
	m.Text = bot.CommandCareTeam
	if r, _ := h.Handle(context.Background(), m); !strings.Contains(r.Body, "May I share") {
		t.Fatalf("consent not asked: %q", r.Body)
	}
	m.Text = "I can't breathe"
	if r, _ := h.Handle(context.Background(), m); r.Intent != bot.IntentEmergency {
		t.Errorf("an emergency while consent was asked got %+v", r)
	}
	m.Text = "yes"
	if r, _ := h.Handle(context.Background(), m); r.Intent != bot.IntentQuestion {
		t.Errorf("a yes after the offer was dropped opened a ticket: %+v", r)
	}
	if len(staff.posts) != 0 {
		t.Errorf("staff got %q", staff.posts)
	}
}

func TestConsentAnswers(t *testing.T) {
	for text, want := range map[string]answer{
		"yes": agreed, "Yes!": agreed, "ok": agreed, "yes please": agreed,
		"no": declined, "No thanks.": declined, "don't share": declined,
		"yes, but what about side effects?": unclear, "maybe": unclear, "": unclear,
	} {
		if got := consent(text); got != want {
			t.Errorf("consent(%q) = %v, want %v", text, got, want)
		}
	}
}
