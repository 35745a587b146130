package store_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/store"
	"github.com/infusionbot/infusionbot/store/sqlite"
)

var now = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

// answering replies as a router would: "answered" questions are answered.
var answering = bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
	switch {
	case strings.Contains(m.Text, "chest pain"):
		return bot.Reply{Intent: bot.IntentEmergency, Body: "call 911"}, nil
	case strings.Contains(m.Text, "answered"):
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "quote [1]", Citations: []bot.Citation{{ID: "doc#sec"}}}, nil
	}
	return bot.Reply{Intent: bot.IntentQuestion, Body: "not found"}, nil
})

func newRecorder(t *testing.T, keepText bool, st store.Store, log *bytes.Buffer) *store.Recorder {
	t.Helper()
	if st == nil {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), sqlite.FileName))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		st = db
	}
	h, err := store.NewHasher([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	if log == nil {
		log = &bytes.Buffer{}
	}
	return store.NewRecorder(store.RecorderConfig{Store: st, Hasher: h, KeepText: keepText, Now: func() time.Time { return now },
		Logger: slog.New(slog.NewTextHandler(log, nil))})
}

func TestRecorderStoresUnansweredQuestionsRedacted(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder(t, true, nil, nil)
	h := rec.Middleware(answering)
	msgs := []bot.Message{
		{Platform: "telegram", Conversation: "telegram:1", User: "424242", Text: "I'm jo@example.com, born 02/03/1961, call 555-201-3344: can I drive after?"},
		{Platform: "telegram", Conversation: "telegram:1", User: "424242", Text: "this is answered"},
		{Platform: "discord", Conversation: "discord:2", User: "77", Text: "I have chest pain"},
	}
	for _, m := range msgs {
		if _, err := h.Handle(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := flushed(rec).Review(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("stored %d events for review, want the unanswered one only: %+v", len(evs), evs)
	}
	e := evs[0]
	if want := "I'm [email], born [date], call [phone]: can I drive after?"; e.Text != want {
		t.Errorf("stored text %q, want %q", e.Text, want)
	}
	if e.User == "" || strings.Contains(e.User, "424242") || e.Platform != "telegram" || e.Intent != "question" || !e.Time.Equal(now) {
		t.Errorf("stored event %+v", e)
	}
	c, _ := flushed(rec).Count(ctx, time.Time{})
	if c.Questions != 2 || c.Unanswered != 1 {
		t.Errorf("counts %+v, want 2 questions (the emergency is none), 1 unanswered", c)
	}
}

func TestRecorderWithoutTextKeepsCounts(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder(t, false, nil, nil)
	rec.Middleware(answering).Handle(ctx, bot.Message{Platform: "http", User: "u", Text: "can I drive after?"})
	rec.Rated(ctx, bot.Message{Platform: "http", Conversation: "http:u", User: "u"}, bot.FeedbackNotHelpful)
	if evs, _ := flushed(rec).Review(ctx); len(evs) != 0 {
		t.Errorf("without text, review has %+v", evs)
	}
	c, _ := flushed(rec).Count(ctx, time.Time{})
	if c.Unanswered != 1 || c.NotHelpful != 1 || c.Questions != 1 {
		t.Errorf("without text, counts = %+v", c)
	}
}

func TestRatingKeepsTheQuestionRated(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder(t, true, nil, nil)
	m := bot.Message{Platform: "telegram", Conversation: "telegram:9", User: "9", Text: "is this answered well?"}
	rec.Middleware(answering).Handle(ctx, m)
	rec.Rated(ctx, m, bot.FeedbackNotHelpful)
	rec.Rated(ctx, bot.Message{Platform: "telegram", Conversation: "telegram:10", User: "10"}, bot.FeedbackHelpful)
	evs, _ := flushed(rec).Review(ctx)
	if len(evs) != 1 || evs[0].Kind != store.KindNotHelpful || evs[0].Text != m.Text || evs[0].Passage != "doc#sec" {
		t.Errorf("review after a not-helpful rating = %+v", evs)
	}
	c, _ := flushed(rec).Count(ctx, time.Time{})
	if c.Helpful != 1 || c.NotHelpful != 1 {
		t.Errorf("counts %+v", c)
	}
}

func TestKeyedHash(t *testing.T) {
	a, _ := store.NewHasher([]byte("key one, sixteen bytes or more"))
	b, _ := store.NewHasher([]byte("key two, sixteen bytes or more"))
	if a.Hash("telegram", "123") != a.Hash("telegram", "123") {
		t.Error("the same user hashes differently")
	}
	if a.Hash("telegram", "123") == b.Hash("telegram", "123") {
		t.Error("another key gives the same hash: the hash is not keyed")
	}
	if a.Hash("telegram", "123") == a.Hash("discord", "123") || a.Hash("telegram", "123") == a.Hash("telegram", "124") {
		t.Error("different users share a hash")
	}
	if _, err := store.NewHasher([]byte("short")); err == nil {
		t.Error("a short key was accepted")
	}

	dir := t.TempDir()
	k1, err := store.LoadKey("", dir)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, store.KeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("generated key file: %v, mode %v; want 0600", err, fi.Mode())
	}
	k2, _ := store.LoadKey("", dir)
	if !bytes.Equal(k1, k2) || len(k1) < 16 {
		t.Errorf("the key changed across restarts or is short: %x, %x", k1, k2)
	}
	if k, _ := store.LoadKey("a secret from the environment", dir); string(k) != "a secret from the environment" {
		t.Errorf("STORE_ID_KEY not used: %q", k)
	}
}

// failing is a store whose disk became read-only.
type failing struct{ store.Store }

var errReadOnly = errors.New("attempt to write a readonly database (8)")

func (failing) Add(context.Context, store.Event) (int64, error)      { return 0, errReadOnly }
func (failing) CountQuestion(context.Context, time.Time, bool) error { return errReadOnly }
func (failing) Sweep(context.Context, time.Time) (int64, error)      { return 0, errReadOnly }

func TestFailingStoreNeverFailsAReply(t *testing.T) {
	var log bytes.Buffer
	rec := newRecorder(t, true, failing{store.Broken(errReadOnly)}, &log)
	h := rec.Middleware(answering)
	for range 3 {
		r, err := h.Handle(context.Background(), bot.Message{Platform: "telegram", User: "5551234", Text: "secret question text"})
		if err != nil || r.Body != "not found" {
			t.Fatalf("with a failing store the reply is %+v, %v", r, err)
		}
	}
	rec.Flush(context.Background())
	if p := rec.Problem(); !strings.Contains(p, "readonly") {
		t.Errorf("Problem() = %q, want the store's error", p)
	}
	if strings.Count(log.String(), "recording failed") != 1 {
		t.Errorf("the failure is not logged exactly once:\n%s", log.String())
	}
	if strings.Contains(log.String(), "secret question") || strings.Contains(log.String(), "5551234") {
		t.Errorf("the log holds message text or a user id:\n%s", log.String())
	}
}

func TestSweepUsesRetention(t *testing.T) {
	ctx := context.Background()
	db, _ := sqlite.Open(ctx, filepath.Join(t.TempDir(), sqlite.FileName))
	defer db.Close()
	h, _ := store.NewHasher(make([]byte, 32))
	clock := now
	rec := store.NewRecorder(store.RecorderConfig{Store: db, Hasher: h, KeepText: true, Retention: 48 * time.Hour, Now: func() time.Time { return clock }})
	rec.Middleware(answering).Handle(ctx, bot.Message{Text: "q one", Time: now})
	clock = now.Add(47 * time.Hour)
	if n, _ := rec.Sweep(ctx); n != 0 {
		t.Errorf("swept %d rows within the retention", n)
	}
	clock = now.Add(72 * time.Hour)
	if n, err := rec.Sweep(ctx); n == 0 || err != nil {
		t.Errorf("past the retention, swept %d rows, %v", n, err)
	}
	if evs, _ := db.Review(ctx); len(evs) != 0 {
		t.Errorf("after the sweep %+v remain", evs)
	}
}

func TestChoiceIsRecorded(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder(t, true, nil, nil)
	rec.Chose(ctx, bot.Message{Platform: "discord", Conversation: "discord:1/2", User: "1"}, "doc#section/3")
	c, _ := flushed(rec).Count(ctx, time.Time{})
	if c.Choices != 1 {
		t.Errorf("counts %+v, want one choice", c)
	}
}

func TestPickedChoiceIsRecorded(t *testing.T) {
	ctx := context.Background()
	rec := newRecorder(t, true, nil, nil)
	offer := bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "Did you mean: 1. … 2. …",
		Citations: []bot.Citation{{ID: "ketamine#side-effects"}, {ID: "lidocaine#side-effects"}},
		Choices:   []bot.Choice{{Label: "Ketamine — Side effects", Text: "1"}, {Label: "Lidocaine — Side effects", Text: "2"}}}
	pick := bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "quote [1]", Citations: []bot.Citation{{ID: "lidocaine#side-effects"}}}
	var next bot.Reply
	h := rec.Middleware(bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) { return next, nil }))
	m := bot.Message{Platform: "telegram", Conversation: "telegram:5", User: "5"}
	next, m.Text = offer, "side effects?"
	h.Handle(ctx, m)
	next, m.Text = pick, "2"
	h.Handle(ctx, m)
	next, m.Text = pick, "2" // no offer this time: no choice
	h.Handle(ctx, m)
	c, _ := flushed(rec).Count(ctx, time.Time{})
	if c.Choices != 1 {
		t.Errorf("counts %+v, want the one choice picked", c)
	}
}

// flushed waits for the recorder's queued writes and returns its store.
func flushed(r *store.Recorder) store.Store {
	r.Flush(context.Background())
	return r.Store()
}

// stalled is a store whose disk hangs until released.
type stalled struct {
	store.Store
	release chan struct{}
}

func (s stalled) CountQuestion(ctx context.Context, at time.Time, answered bool) error {
	<-s.release
	return s.Store.CountQuestion(ctx, at, answered)
}

func TestAStalledDiskNeverDelaysAReply(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	st := stalled{Store: db, release: make(chan struct{})}
	rec := newRecorder(t, true, st, nil)
	h := rec.Middleware(answering)
	// Every reply comes back while the disk hangs: the writes wait in the queue.
	for range 5 {
		if r, err := h.Handle(ctx, bot.Message{Platform: "http", User: "u", Text: "this is answered"}); err != nil || !r.Answered {
			t.Fatalf("reply %+v, %v", r, err)
		}
	}
	close(st.release)
	c, _ := flushed(rec).Count(ctx, time.Time{})
	if c.Questions != 5 {
		t.Errorf("after the disk came back, %d questions counted, want 5", c.Questions)
	}
	if err := rec.Close(); err != nil {
		t.Error(err)
	}
}
