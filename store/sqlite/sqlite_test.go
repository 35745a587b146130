package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/store"
)

var t0 = time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)

func open(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDataSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", FileName)
	db := open(t, path)
	id, err := db.Add(ctx, store.Event{Kind: store.KindUnanswered, Time: t0, Platform: "telegram", Intent: "question", User: "h1", Text: "can I drive home?"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := db.OpenTicket(ctx, store.Ticket{Time: t0, Platform: "discord", Address: "c/u", User: "h2"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CountQuestion(ctx, t0, false); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = open(t, path)
	evs, err := db.Review(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Event{ID: id, Kind: store.KindUnanswered, Time: t0, Platform: "telegram", Intent: "question", User: "h1", Text: "can I drive home?", Status: store.StatusOpen}
	if len(evs) != 1 || evs[0] != want {
		t.Errorf("after reopening, Review = %+v, want [%+v]", evs, want)
	}
	tk, err := db.Ticket(ctx, n)
	if err != nil || tk.Address != "c/u" || !tk.Open || tk.Platform != "discord" {
		t.Errorf("after reopening, ticket %d = %+v, %v", n, tk, err)
	}
	c, err := db.Count(ctx, t0.Add(-time.Hour))
	if err != nil || c.Questions != 1 || c.Unanswered != 1 || c.OpenTickets != 1 || c.OpenReview != 1 {
		t.Errorf("after reopening, counts = %+v, %v", c, err)
	}
}

func TestTicketNumbersAreNotReused(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), FileName))
	a, _ := db.OpenTicket(ctx, store.Ticket{Time: t0, Platform: "telegram", Address: "1"})
	if _, err := db.Sweep(ctx, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	b, _ := db.OpenTicket(ctx, store.Ticket{Time: t0.Add(2 * time.Hour), Platform: "telegram", Address: "1"})
	if b <= a {
		t.Errorf("ticket after a swept one got number %d, the swept one had %d", b, a)
	}
	if _, err := db.Ticket(ctx, a); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("swept ticket: err = %v, want ErrNotFound", err)
	}
	if err := db.CloseTicket(ctx, b); err != nil {
		t.Fatal(err)
	}
	if tk, _ := db.Ticket(ctx, b); tk.Open {
		t.Errorf("closed ticket is open")
	}
}

func TestSweepDeletesWhatIsPastRetention(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), FileName))
	old, fresh := t0.Add(-31*24*time.Hour), t0.Add(-time.Hour)
	for _, at := range []time.Time{old, fresh} {
		db.Add(ctx, store.Event{Kind: store.KindUnanswered, Time: at, Text: "q " + at.String()})
		db.OpenTicket(ctx, store.Ticket{Time: at, Platform: "telegram", Address: "1"})
		db.CountQuestion(ctx, at, false)
	}
	n, err := db.Sweep(ctx, t0.Add(-30*24*time.Hour))
	if err != nil || n != 3 {
		t.Errorf("Sweep = %d, %v; want 3 rows (event, ticket, day count)", n, err)
	}
	evs, _ := db.Review(ctx)
	if len(evs) != 1 || !evs[0].Time.Equal(fresh) {
		t.Errorf("after the sweep, Review = %+v, want only the fresh event", evs)
	}
	c, _ := db.Count(ctx, time.Time{})
	if c.Questions != 1 || c.OpenTickets != 1 {
		t.Errorf("after the sweep, counts = %+v, want 1 question and 1 ticket", c)
	}
}

func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	// Two handles on one file, as two processes (serve and ask) would have.
	dbs := []*DB{open(t, path), open(t, path)}
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*2)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db := dbs[w%2]
			for i := range each {
				if _, err := db.Add(ctx, store.Event{Kind: store.KindUnanswered, Time: t0.Add(time.Duration(i) * time.Second), Text: "q"}); err != nil {
					errs <- err
				}
				if err := db.CountQuestion(ctx, t0, false); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	c, err := dbs[0].Count(ctx, time.Time{})
	if err != nil || c.Unanswered != writers*each || c.Questions != writers*each {
		t.Errorf("counts = %+v, %v; want %d of each", c, err, writers*each)
	}
}

func TestCorruptFileIsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte(strings.Repeat("this is not a database\n", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "not a readable SQLite database") {
		t.Errorf("Open(corrupt file) = %v, want an error saying it is corrupt", err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	db := open(t, path)
	if _, err := db.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "upgrade infusionbot") {
		t.Errorf("Open(schema 99) = %v, want a refusal", err)
	}
}

func TestResolveClosesEvents(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), FileName))
	a, _ := db.Add(ctx, store.Event{Kind: store.KindUnanswered, Time: t0, Text: "a"})
	b, _ := db.Add(ctx, store.Event{Kind: store.KindNotHelpful, Time: t0, Text: "b"})
	db.Add(ctx, store.Event{Kind: store.KindHandoff, Time: t0})
	if err := db.Resolve(ctx, []int64{a}, store.Resolution{Status: store.StatusLinked, Passage: "doc#x/1"}); err != nil {
		t.Fatal(err)
	}
	evs, _ := db.Review(ctx)
	if len(evs) != 1 || evs[0].ID != b {
		t.Errorf("Review after resolving %d = %+v, want only %d (handoffs are not reviewed)", a, evs, b)
	}
	if err := db.Resolve(ctx, []int64{12345}, store.Resolution{Status: store.StatusDismissed}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Resolve(unknown) = %v", err)
	}
}
