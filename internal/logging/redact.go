package logging

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
)

// Redacted replaces a secret in logs.
const Redacted = "<redacted>"

// Redact wraps h so that every occurrence of a secret, in the message and in
// any attribute (strings, errors, anything formatted, inside groups), is
// replaced by "<redacted>". Empty secrets are ignored; with none, h is
// returned unchanged.
func Redact(h slog.Handler, secrets ...string) slog.Handler {
	var s []string
	for _, x := range secrets {
		if x != "" {
			s = append(s, x)
		}
	}
	if len(s) == 0 {
		return h
	}
	// Longest first, so a secret containing another is replaced whole.
	sort.Slice(s, func(i, j int) bool { return len(s[i]) > len(s[j]) })
	pairs := make([]string, 0, 2*len(s))
	for _, x := range s {
		pairs = append(pairs, x, Redacted)
	}
	return &redactHandler{h: h, secrets: s, r: strings.NewReplacer(pairs...)}
}

type redactHandler struct {
	h       slog.Handler
	secrets []string
	r       *strings.Replacer
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.h.Enabled(ctx, l) }

func (h *redactHandler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.clean(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.h.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := make([]slog.Attr, len(as))
	for i, a := range as {
		c[i] = h.attr(a)
	}
	return &redactHandler{h: h.h.WithAttrs(c), secrets: h.secrets, r: h.r}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{h: h.h.WithGroup(h.clean(name)), secrets: h.secrets, r: h.r}
}

func (h *redactHandler) has(s string) bool {
	for _, x := range h.secrets {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func (h *redactHandler) clean(s string) string {
	if !h.has(s) {
		return s
	}
	return h.r.Replace(s)
}

func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	a.Key = h.clean(a.Key)
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(h.clean(v.String()))
	case slog.KindGroup:
		g := v.Group()
		c := make([]slog.Attr, len(g))
		for i, x := range g {
			c[i] = h.attr(x)
		}
		a.Value = slog.GroupValue(c...)
	case slog.KindAny:
		// Errors, structs, URLs, byte slices: if their text holds a secret,
		// log the cleaned text instead of the value.
		var s string
		switch x := v.Any().(type) {
		case error:
			s = x.Error()
		case []byte:
			s = string(x)
		default:
			s = fmt.Sprintf("%+v", x)
		}
		if h.has(s) {
			a.Value = slog.StringValue(h.r.Replace(s))
		} else {
			a.Value = v
		}
	default:
		a.Value = v
	}
	return a
}
