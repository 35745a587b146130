// Package sqlite is the embedded store: a SQLite database in one file,
// through the pure-Go driver modernc.org/sqlite, so the binary stays static
// (CGO off) and nothing needs installing. The schema is migrated in code
// (migrations, PRAGMA user_version) when the file is opened.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/infusionbot/infusionbot/store"
)

// FileName is the database's name in the data directory.
const FileName = "infusionbot.db"

// DB is a store.Store in a SQLite file.
type DB struct {
	db *sql.DB
}

var _ store.Store = (*DB)(nil)

// migrations are applied in order; the database's user_version says how
// many ran. Never edit one that shipped: add the next.
var migrations = []string{
	// 1: events, daily question counts, tickets.
	`CREATE TABLE events (
		id        INTEGER PRIMARY KEY,
		kind      TEXT    NOT NULL,
		at        INTEGER NOT NULL, -- Unix seconds
		platform  TEXT    NOT NULL DEFAULT '',
		intent    TEXT    NOT NULL DEFAULT '',
		user_hash TEXT    NOT NULL DEFAULT '',
		text      TEXT    NOT NULL DEFAULT '',
		passage   TEXT    NOT NULL DEFAULT '',
		status    TEXT    NOT NULL DEFAULT 'open',
		note      TEXT    NOT NULL DEFAULT ''
	);
	CREATE INDEX events_at ON events (at);
	CREATE INDEX events_review ON events (status, kind);
	CREATE TABLE questions (
		day        INTEGER PRIMARY KEY, -- Unix day
		asked      INTEGER NOT NULL DEFAULT 0,
		unanswered INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE tickets (
		number    INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused
		at        INTEGER NOT NULL,
		platform  TEXT    NOT NULL,
		address   TEXT    NOT NULL,
		user_hash TEXT    NOT NULL DEFAULT '',
		open      INTEGER NOT NULL DEFAULT 1,
		replies   INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX tickets_at ON tickets (at);`,
}

// Open opens (creating it and its folder if needed) the database at path
// and brings its schema up to date. A file that is not a database, or a
// schema newer than this binary knows, is an error that says so (without
// the path, which /readyz must not show).
func Open(ctx context.Context, path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// One connection: writes from this process queue in Go rather than
	// fail with SQLITE_BUSY; another process waits for busy_timeout.
	db.SetMaxOpenConns(1)
	s := &DB{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %w", explain(err))
	}
	return s, nil
}

// explain turns SQLite's terse errors into what the operator should do.
func explain(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "not a database"), strings.Contains(msg, "malformed"):
		return fmt.Errorf("the file is not a readable SQLite database (corrupt?): move it aside and a new one is made: %w", err)
	case strings.Contains(msg, "readonly"), strings.Contains(msg, "read-only"), strings.Contains(msg, "unable to open"):
		return fmt.Errorf("cannot write the database (read-only disk or permissions?): %w", err)
	}
	return err
}

func (s *DB) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this infusionbot knows (%d): upgrade infusionbot", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Add implements store.Store.
func (s *DB) Add(ctx context.Context, e store.Event) (int64, error) {
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO events (kind, at, platform, intent, user_hash, text, passage, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
		string(e.Kind), e.Time.Unix(), e.Platform, e.Intent, e.User, e.Text, e.Passage)
	if err != nil {
		return 0, fmt.Errorf("store: add: %w", explain(err))
	}
	return res.LastInsertId()
}

// CountQuestion implements store.Store.
func (s *DB) CountQuestion(ctx context.Context, at time.Time, answered bool) error {
	un := 0
	if !answered {
		un = 1
	}
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO questions (day, asked, unanswered) VALUES (?, 1, ?)
		 ON CONFLICT (day) DO UPDATE SET asked = asked + 1, unanswered = unanswered + excluded.unanswered`,
		at.Unix()/86400, un)
	if err != nil {
		return fmt.Errorf("store: count: %w", explain(err))
	}
	return nil
}

// Review implements store.Store.
func (s *DB) Review(ctx context.Context) ([]store.Event, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, kind, at, platform, intent, user_hash, text, passage, status, note FROM events
		 WHERE status = 'open' AND kind IN ('unanswered', 'not_helpful') AND text <> '' ORDER BY at, id`)
	if err != nil {
		return nil, fmt.Errorf("store: review: %w", explain(err))
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var e store.Event
		var at int64
		if err := rows.Scan(&e.ID, &e.Kind, &at, &e.Platform, &e.Intent, &e.User, &e.Text, &e.Passage, &e.Status, &e.Note); err != nil {
			return nil, fmt.Errorf("store: review: %w", err)
		}
		e.Time = time.Unix(at, 0).UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// Resolve implements store.Store.
func (s *DB) Resolve(ctx context.Context, ids []int64, r store.Resolution) error {
	if r.Status != store.StatusLinked && r.Status != store.StatusDismissed {
		return fmt.Errorf("store: resolve: status %q is not linked or dismissed", r.Status)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: resolve: %w", explain(err))
	}
	defer tx.Rollback()
	for _, id := range ids {
		res, err := tx.ExecContext(ctx, `UPDATE events SET status = ?, passage = CASE WHEN ? <> '' THEN ? ELSE passage END, note = ? WHERE id = ?`,
			string(r.Status), r.Passage, r.Passage, r.Note, id)
		if err != nil {
			return fmt.Errorf("store: resolve: %w", explain(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("event %d: %w", id, store.ErrNotFound)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: resolve: %w", explain(err))
	}
	return nil
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context, since time.Time) (store.Counts, error) {
	c := store.Counts{Since: since}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*) FROM events WHERE at >= ? GROUP BY kind`, since.Unix())
	if err != nil {
		return c, fmt.Errorf("store: count: %w", explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var n int64
		if err := rows.Scan(&kind, &n); err != nil {
			return c, fmt.Errorf("store: count: %w", err)
		}
		switch store.Kind(kind) {
		case store.KindUnanswered:
			c.Unanswered = n
		case store.KindHelpful:
			c.Helpful = n
		case store.KindNotHelpful:
			c.NotHelpful = n
		case store.KindChoice:
			c.Choices = n
		case store.KindHandoff:
			c.Handoffs = n
		}
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	var unansweredDaily int64
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(sum(asked), 0), coalesce(sum(unanswered), 0) FROM questions WHERE day >= ?`,
		since.Unix()/86400).Scan(&c.Questions, &unansweredDaily)
	if err != nil {
		return c, fmt.Errorf("store: count: %w", err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE status = 'open' AND kind IN ('unanswered', 'not_helpful') AND text <> ''`).Scan(&c.OpenReview)
	if err != nil {
		return c, fmt.Errorf("store: count: %w", err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM tickets WHERE open = 1`).Scan(&c.OpenTickets)
	if err != nil {
		return c, fmt.Errorf("store: count: %w", err)
	}
	return c, nil
}

// OpenTicket implements store.Store.
func (s *DB) OpenTicket(ctx context.Context, t store.Ticket) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO tickets (at, platform, address, user_hash) VALUES (?, ?, ?, ?)`,
		t.Time.Unix(), t.Platform, t.Address, t.User)
	if err != nil {
		return 0, fmt.Errorf("store: ticket: %w", explain(err))
	}
	return res.LastInsertId()
}

// Ticket implements store.Store.
func (s *DB) Ticket(ctx context.Context, number int64) (store.Ticket, error) {
	t := store.Ticket{Number: number}
	var at, open int64
	err := s.db.QueryRowContext(ctx, `SELECT at, platform, address, user_hash, open, replies FROM tickets WHERE number = ?`, number).
		Scan(&at, &t.Platform, &t.Address, &t.User, &open, &t.Replies)
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("ticket %d: %w", number, store.ErrNotFound)
	}
	if err != nil {
		return t, fmt.Errorf("store: ticket: %w", explain(err))
	}
	t.Time, t.Open = time.Unix(at, 0).UTC(), open == 1
	return t, nil
}

// TicketReplied implements store.Store.
func (s *DB) TicketReplied(ctx context.Context, number int64) error {
	return s.updateTicket(ctx, `UPDATE tickets SET replies = replies + 1 WHERE number = ?`, number)
}

// CloseTicket implements store.Store.
func (s *DB) CloseTicket(ctx context.Context, number int64) error {
	return s.updateTicket(ctx, `UPDATE tickets SET open = 0 WHERE number = ?`, number)
}

func (s *DB) updateTicket(ctx context.Context, q string, number int64) error {
	res, err := s.db.ExecContext(ctx, q, number)
	if err != nil {
		return fmt.Errorf("store: ticket: %w", explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("ticket %d: %w", number, store.ErrNotFound)
	}
	return nil
}

// Sweep implements store.Store.
func (s *DB) Sweep(ctx context.Context, before time.Time) (int64, error) {
	var total int64
	for _, q := range []struct {
		sql string
		arg int64
	}{
		{`DELETE FROM events WHERE at < ?`, before.Unix()},
		{`DELETE FROM tickets WHERE at < ?`, before.Unix()},
		{`DELETE FROM questions WHERE day < ?`, before.Unix() / 86400},
	} {
		res, err := s.db.ExecContext(ctx, q.sql, q.arg)
		if err != nil {
			return total, fmt.Errorf("store: sweep: %w", explain(err))
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
}

// Check implements store.Store: it writes and removes nothing, but makes
// SQLite take its write lock, which fails on a read-only file or disk.
func (s *DB) Check(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return explain(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE questions SET asked = asked WHERE day = -1`); err != nil {
		return explain(err)
	}
	return nil
}

// Close implements store.Store.
func (s *DB) Close() error { return s.db.Close() }
