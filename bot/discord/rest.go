package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// rebaseTransport sends requests for https://discord.com/... to base instead.
type rebaseTransport struct {
	base *url.URL
	next http.RoundTripper
}

func (t *rebaseTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL.String()
	if rest, ok := strings.CutPrefix(u, discordgo.EndpointDiscord); ok {
		nu, err := t.base.Parse(rest)
		if err != nil {
			return nil, err
		}
		req = req.Clone(req.Context())
		req.URL = nu
		req.Host = nu.Host
	}
	return t.next.RoundTrip(req)
}

// httpClient returns the client the session's REST calls go through.
func httpClient(cfg Config) (*http.Client, error) {
	c := cfg.HTTPClient
	if c == nil {
		c = &http.Client{Timeout: 20 * time.Second}
	}
	if cfg.APIBase == "" {
		return c, nil
	}
	base, err := url.Parse(cfg.APIBase)
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, errors.New("discord: the API base must be an absolute URL")
	}
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	cc := *c
	cc.Transport = &rebaseTransport{base: base, next: next}
	return &cc, nil
}

// rest runs one REST call, waiting out 429 responses: discordgo's own retry
// on 429 is unbounded and ignores contexts, so the session has it turned
// off and this retries at most MaxRateLimitRetries times, waiting at most
// MaxRateLimitWait each time, and gives up when ctx ends.
func (a *Adapter) rest(ctx context.Context, call func(opts ...discordgo.RequestOption) error) error {
	ctx = context.WithValue(ctx, ownRequest{}, true)
	for attempt := 0; ; attempt++ {
		err := call(discordgo.WithContext(ctx))
		var rl *discordgo.RateLimitError
		if !errors.As(err, &rl) {
			return err
		}
		a.mon.Error(platform, "rate_limited")
		wait := time.Duration(0)
		if rl.RateLimit != nil && rl.TooManyRequests != nil {
			wait = rl.RetryAfter
		}
		if attempt >= a.cfg.MaxRateLimitRetries || wait > a.cfg.MaxRateLimitWait {
			return fmt.Errorf("rate limited by Discord (gave up after %d retries, retry after %v)", attempt, wait)
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			// The call would be too late (an interaction's acknowledgement
			// counts only within 3 s): give up now rather than after waiting.
			return fmt.Errorf("rate limited by Discord (retry after %v, past the call's deadline)", wait)
		}
		a.log.Warn("discord: rate limited; waiting", "retry_after", wait, "attempt", attempt+1)
		if wait < 10*time.Millisecond {
			wait = 10 * time.Millisecond
		}
		if !sleepCtx(ctx, wait) {
			return ctx.Err()
		}
	}
}

// sleepCtx sleeps for d or until ctx ends; it reports whether it slept fully.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// safeErr describes err for the log without anything it must not hold:
// REST URLs carry channel ids and interaction tokens, response bodies may
// echo text.
func safeErr(err error) string {
	if err == nil {
		return ""
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		s := "HTTP"
		if re.Response != nil {
			s += " " + re.Response.Status
		}
		if re.Message != nil {
			s += fmt.Sprintf(" (code %d: %s)", re.Message.Code, re.Message.Message)
		}
		return s
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		return "rate limited"
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return fmt.Sprintf("gateway closed the connection (%d %s)", ce.Code, ce.Text)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Op + " request failed: " + safeErr(ue.Err)
	}
	s := err.Error()
	// Anything else that quotes a URL is cut before it.
	if i := strings.Index(s, "http"); i >= 0 {
		s = s[:i] + "…"
	}
	return s
}
