package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/infusionbot/infusionbot/review"
	"github.com/infusionbot/infusionbot/store"
	"github.com/infusionbot/infusionbot/store/sqlite"
)

// storeSettings are the store's environment settings (see docs/operations.md).
type storeSettings struct {
	keepText  bool          // STORE_TEXT (default on)
	retention time.Duration // RETENTION (default 30 days)
	key       string        // STORE_ID_KEY: keys the user id hashes
}

func loadStoreSettings(getenv func(string) string) (storeSettings, error) {
	s := storeSettings{keepText: true, retention: 30 * 24 * time.Hour, key: getenv("STORE_ID_KEY")}
	if v := strings.TrimSpace(getenv("STORE_TEXT")); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return s, fmt.Errorf("STORE_TEXT: %q is not 1 or 0", v)
		}
		s.keepText = b
	}
	if v := strings.TrimSpace(getenv("RETENTION")); v != "" {
		d, err := parseRetention(v)
		if err != nil {
			return s, err
		}
		s.retention = d
	}
	return s, nil
}

// parseRetention reads "30d", "12h", "90m" or a bare number of days.
func parseRetention(v string) (time.Duration, error) {
	bad := fmt.Errorf("RETENTION: %q is not a duration like 30d or 72h", v)
	if n, err := strconv.Atoi(strings.TrimSuffix(v, "d")); err == nil {
		if n <= 0 {
			return 0, bad
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, bad
	}
	return d, nil
}

// dataDir is where the store and its key live: --data, DATA_DIR, the
// user's state directory ($XDG_STATE_HOME/infusionbot, else
// ~/.local/state/infusionbot); "" when none is known (no HOME), and the
// bot then records nothing.
func (c engineConfig) dataDir() string {
	switch {
	case c.DataDir != "":
		return c.DataDir
	case c.Getenv("DATA_DIR") != "":
		return c.Getenv("DATA_DIR")
	case c.Getenv("XDG_STATE_HOME") != "":
		return filepath.Join(c.Getenv("XDG_STATE_HOME"), "infusionbot")
	case c.Getenv("HOME") != "":
		return filepath.Join(c.Getenv("HOME"), ".local", "state", "infusionbot")
	}
	return ""
}

// questionsPath is the alternative-questions file: beside the clinic's
// articles (--knowledge DIR or --add-knowledge DIR), in the data directory
// for the built-in articles alone.
func (c engineConfig) questionsPath() string {
	switch {
	case c.KnowledgeDir != "":
		return filepath.Join(c.KnowledgeDir, review.QuestionsFile)
	case c.AddKnowledgeDir != "":
		return filepath.Join(c.AddKnowledgeDir, review.QuestionsFile)
	}
	if d := c.dataDir(); d != "" {
		return filepath.Join(d, review.QuestionsFile)
	}
	return ""
}

// loadQuestions reads the alternative questions for the index.
func (c engineConfig) loadQuestions() (map[string][]string, error) {
	p := c.questionsPath()
	if p == "" {
		return nil, nil
	}
	return review.ReadQuestions(p)
}

// openStore opens the data directory's database and the recorder writing
// to it. On failure the recorder still works, writing to a store that
// fails with the reason, so the bot answers and the log and /readyz say why.
func openStore(ctx context.Context, c engineConfig) (*store.Recorder, error) {
	set, err := loadStoreSettings(c.Getenv)
	if err != nil {
		return nil, err
	}
	cfg := store.RecorderConfig{KeepText: set.keepText, Retention: set.retention, Logger: c.Logger}
	cfg.Hasher, _ = store.NewHasher(make([]byte, 32)) // replaced by the real key below
	dir := c.dataDir()
	if dir == "" {
		cfg.Store = store.Broken(fmt.Errorf("no data directory: set DATA_DIR or --data"))
	} else if key, err := store.LoadKey(set.key, dir); err != nil {
		// Without the key no user can be hashed: record nothing rather
		// than with a key nobody will have again.
		cfg.Store = store.Broken(err)
	} else if db, err := sqlite.Open(ctx, filepath.Join(dir, sqlite.FileName)); err != nil {
		cfg.Store = store.Broken(err)
	} else {
		cfg.Hasher, _ = store.NewHasher(key)
		cfg.Store = db
	}
	rec := store.NewRecorder(cfg)
	if dir != "" {
		c.Logger.Debug("store: data directory", "path", dir, "text", set.keepText, "retention", set.retention.String())
	}
	if err := cfg.Store.Check(ctx); err != nil {
		rec.Failed(err) // logged once, reported by Problem
		return rec, nil
	}
	if n, err := rec.Sweep(ctx); err == nil && n > 0 {
		c.Logger.Info("store: retention sweep", "deleted", n)
	}
	return rec, nil
}

// sweepEvery runs the retention sweep periodically until the returned
// function is called.
func (e *engine) sweepEvery(d time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if n, err := e.rec.Sweep(ctx); err == nil && n > 0 {
					e.cfg.Logger.Info("store: retention sweep", "deleted", n)
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}

// Recorder is what records the bot's misses, ratings and handoffs.
func (e *engine) Recorder() *store.Recorder { return e.rec }

// Warnings lists what works less than it should without stopping the bot
// from answering (a store that cannot record), for /readyz.
func (e *engine) Warnings() []string {
	if p := e.rec.Problem(); p != "" {
		return []string{p}
	}
	return nil
}

// checkStore is serve --check's line on the store: its settings, and
// where it is (whether it records is the engine's Warnings).
func checkStore(c engineConfig) (string, error) {
	set, err := loadStoreSettings(c.Getenv)
	if err != nil {
		return "", err
	}
	dir := c.dataDir()
	if dir == "" {
		return ": no data directory (set DATA_DIR or --data): nothing is recorded", nil
	}
	text := "question text kept (identifiers removed)"
	if !set.keepText {
		text = "counts only (STORE_TEXT=0)"
	}
	keep := set.retention.String()
	if d := set.retention / (24 * time.Hour); d > 0 && set.retention%(24*time.Hour) == 0 {
		keep = strconv.Itoa(int(d)) + " days"
	}
	return fmt.Sprintf(": data directory %s, %s, retention %s", dir, text, keep), nil
}
