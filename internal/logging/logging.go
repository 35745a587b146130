// Package logging sets up the process's slog logger with the project's
// privacy rules: user ids are hashed (HashID), configured secrets such as
// bot tokens are replaced by "<redacted>" wherever they appear, and message
// text is logged only when a transcript is explicitly turned on.
package logging

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/infusionbot/infusionbot/bot"
)

// Options configure New. Getenv supplies LOG_LEVEL, LOG_FORMAT, LOG_ID_SALT.
type Options struct {
	// Level overrides LOG_LEVEL when not empty: debug, info, warn or error.
	Level string
	// Format overrides LOG_FORMAT when not empty: json, text or auto
	// (JSON unless the writer is a terminal).
	Format string
	// Secrets are replaced by "<redacted>" in every message and attribute.
	// Empty strings are ignored.
	Secrets []string
}

// MinSaltLength is the shortest LOG_ID_SALT accepted.
const MinSaltLength = 16

// New returns a logger writing to w. LOG_LEVEL (default info) and LOG_FORMAT
// (default auto: text on a terminal, JSON otherwise) come from getenv, and
// LOG_ID_SALT, when set, keys HashID so hashes are stable across restarts.
func New(w io.Writer, getenv func(string) string, opts Options) (*slog.Logger, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	lvl := opts.Level
	if lvl == "" {
		lvl = getenv("LOG_LEVEL")
	}
	level, err := ParseLevel(lvl)
	if err != nil {
		return nil, err
	}
	format := opts.Format
	if format == "" {
		format = getenv("LOG_FORMAT")
	}
	if salt := getenv("LOG_ID_SALT"); salt != "" {
		if len(salt) < MinSaltLength {
			// A short key makes the hashed ids enumerable, and the log's
			// redaction of it would blank every occurrence of its letters.
			return nil, fmt.Errorf("LOG_ID_SALT: too short (%d characters); use at least %d random characters", len(salt), MinSaltLength)
		}
		SetIDSalt(salt)
	}
	ho := &slog.HandlerOptions{Level: level}
	var h slog.Handler
	switch strings.ToLower(format) {
	case "", "auto":
		if IsTerminal(w) {
			h = slog.NewTextHandler(w, ho)
		} else {
			h = slog.NewJSONHandler(w, ho)
		}
	case "json":
		h = slog.NewJSONHandler(w, ho)
	case "text":
		h = slog.NewTextHandler(w, ho)
	default:
		return nil, fmt.Errorf("LOG_FORMAT: %q is not json, text or auto", format)
	}
	return slog.New(Redact(h, opts.Secrets...)), nil
}

// ParseLevel reads a LOG_LEVEL value; "" means info.
func ParseLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return slog.LevelInfo, nil
	case "debug":
		return slog.LevelDebug, nil
	case "info":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, fmt.Errorf("LOG_LEVEL: %q is not debug, info, warn or error", s)
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Discard is a logger that writes nothing.
func Discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

var idKey atomic.Pointer[[]byte]

func init() {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		panic("logging: no randomness for the id key: " + err.Error())
	}
	idKey.Store(&k)
}

// SetIDSalt keys HashID with salt, so the same user hashes the same way
// across restarts and replicas (LOG_ID_SALT). Without it the key is random
// per process.
func SetIDSalt(salt string) {
	k := []byte(salt)
	idKey.Store(&k)
}

// HashID returns a short keyed hash of a user id (HMAC-SHA256, 64 bits, hex),
// to correlate one person's log lines without logging who they are. The
// empty id hashes to "".
func HashID(s string) string {
	if s == "" {
		return ""
	}
	m := hmac.New(sha256.New, *idKey.Load())
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil)[:8])
}

// Transcript returns middleware that logs each message's outcome: platform,
// hashed user, intent, whether it was answered and how long it took, at
// debug level. Only when enabled (TRANSCRIPT=1) does it also log the
// message text, at info level under the message "transcript"; it never logs
// raw user ids.
func Transcript(logger *slog.Logger, enabled bool) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
			start := time.Now()
			r, err := next.Handle(ctx, m)
			level, msg := slog.LevelDebug, "message"
			if enabled {
				level, msg = slog.LevelInfo, "transcript"
			}
			if !logger.Enabled(ctx, level) {
				return r, err
			}
			attrs := []slog.Attr{
				slog.String("platform", m.Platform),
				slog.String("user", HashID(m.Platform+":"+m.User)),
				slog.String("intent", string(r.Intent)),
				slog.Bool("answered", r.Answered),
				slog.Duration("took", time.Since(start)),
			}
			if enabled {
				attrs = append(attrs, slog.String("text", m.Text))
			}
			if err != nil {
				attrs = append(attrs, slog.String("error", err.Error()))
			}
			logger.LogAttrs(ctx, level, msg, attrs...)
			return r, err
		})
	}
}
