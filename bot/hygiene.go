package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/infusionbot/infusionbot/internal/keyedlimit"
)

// HygieneConfig sets the limits of Hygiene. The zero value means the defaults.
type HygieneConfig struct {
	// MaxChars is the longest message, in characters after cleaning, that is
	// answered (default 2000). A longer one gets a polite "too long" reply:
	// it is never truncated silently, since the question may be at the end.
	MaxChars int
	// PerMinute and Burst make the flood limit per person (Platform+User):
	// a token bucket refilled at PerMinute messages a minute holding up to
	// Burst (defaults 10 and 5). A negative PerMinute turns it off.
	PerMinute float64
	Burst     int
	// MaxUsers bounds the flood limiter's memory (default 10,000 people):
	// people whose bucket has refilled are forgotten, and beyond MaxUsers the
	// least recently seen is.
	MaxUsers int
	// Unlimited lists platforms the flood limit does not apply to; nil means
	// "cli" and "repl" (staff at a terminal, the batch protocol).
	Unlimited []string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Replies of Hygiene. They carry intent help: they are guidance, not errors.
const (
	HygieneEmptyReply = "I didn't catch a question there. Ask me something about IV lidocaine or ketamine infusions — for example: \"How long does a ketamine infusion take?\""
	HygieneSlowReply  = "You're sending messages quickly — please wait a moment before the next one. If this is an emergency, call your local emergency number now."
)

// hygieneLongReply is the reply to an over-long message.
func hygieneLongReply(max int) string {
	return "Your message is too long for me (more than " + strconv.Itoa(max) +
		" characters). Please ask one question at a time, in a sentence or two."
}

// hygieneSafetyFactor bounds how much of an over-long message the inner
// handler still reads to look for an emergency or crisis.
const hygieneSafetyFactor = 4

// Hygiene returns middleware every front end should put first: it cleans the
// text (invalid UTF-8 and control characters removed, tabs made spaces, line
// ends normalised, white space trimmed), answers empty and over-long messages
// with guidance, and limits how fast one person can send messages.
//
// Urgent messages are never held back: when a person is over the flood limit
// or the message is too long, the inner handler still sees it (an over-long
// one cut to a few times MaxChars), and a reply of an urgent intent
// (Intent.Urgent) is passed through instead of the guidance.
func Hygiene(cfg HygieneConfig) Middleware {
	if cfg.MaxChars <= 0 {
		cfg.MaxChars = 2000
	}
	if cfg.PerMinute == 0 {
		cfg.PerMinute = 10
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 5
	}
	if cfg.Unlimited == nil {
		cfg.Unlimited = []string{"cli", "repl"}
	}
	lim := keyedlimit.New(cfg.PerMinute/60, cfg.Burst, cfg.MaxUsers, cfg.Now)
	exempt := make(map[string]bool, len(cfg.Unlimited))
	for _, p := range cfg.Unlimited {
		exempt[p] = true
	}
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, m Message) (Reply, error) {
			m.Text = CleanText(m.Text)
			if m.Text == "" {
				return Reply{Intent: IntentHelp, Body: HygieneEmptyReply}, nil
			}
			if n := utf8.RuneCountInString(m.Text); n > cfg.MaxChars {
				probe := m
				probe.Text = cutRunes(m.Text, hygieneSafetyFactor*cfg.MaxChars)
				return urgentOr(withoutMemory(ctx), next, probe, Reply{Intent: IntentHelp, Body: hygieneLongReply(cfg.MaxChars)})
			}
			if !exempt[m.Platform] {
				if ok, _ := lim.Allow(m.Platform + "\x00" + m.User); !ok {
					return urgentOr(withoutMemory(ctx), next, m, Reply{Intent: IntentHelp, Body: HygieneSlowReply})
				}
			}
			return next.Handle(ctx, m)
		})
	}
}

// noMemoryKey marks the context of a message read only for urgency: the
// person got guidance instead of an answer, so a follow-up must not lean
// on it (and an over-long one must not be kept in full).
type noMemoryKey struct{}

func withoutMemory(ctx context.Context) context.Context {
	return context.WithValue(ctx, noMemoryKey{}, true)
}

// remembers reports whether the conversation may remember this message.
func remembers(ctx context.Context) bool { return ctx.Value(noMemoryKey{}) == nil }

// urgentOr asks next about m and returns its reply only when it is urgent;
// otherwise it returns guidance.
func urgentOr(ctx context.Context, next Handler, m Message, guidance Reply) (Reply, error) {
	r, err := next.Handle(ctx, m)
	if err == nil && r.Intent.Urgent() {
		return r, nil
	}
	return guidance, nil
}

// CleanText makes a message's text safe to match and show: invalid UTF-8,
// control characters and invisible format characters (bidi overrides,
// zero-width spaces, byte-order marks) are removed, except the zero-width
// joiner that emoji need; tabs and unusual spaces become spaces; CR LF and
// lone CR become LF; more than one blank line is folded into one; spaces at
// line ends and white space around the whole text are trimmed.
func CleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0 // newlines pending, written before the next visible rune
	spaces := 0   // spaces pending
	started := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size <= 1 {
			continue // invalid byte
		}
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // CR LF: the LF follows
			}
			newlines++
			spaces = 0
			continue
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			newlines++
			spaces = 0 // trailing spaces of a line are dropped
			continue
		case r == '\t' || unicode.IsSpace(r):
			spaces++
			continue
		case r == '\u200d': // zero-width joiner: part of emoji sequences
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) ||
			r == '\ufffd' || r >= 0xfff0 && r <= 0xffff:
			continue
		}
		if started {
			switch {
			case newlines > 1:
				b.WriteString("\n\n")
			case newlines == 1:
				b.WriteByte('\n')
			case spaces > 0:
				b.WriteByte(' ')
			}
		}
		newlines, spaces, started = 0, 0, true
		b.WriteRune(r)
	}
	return b.String()
}

// cutRunes returns the first n runes of s.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
