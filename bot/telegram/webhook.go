package telegram

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SecretHeader carries the webhook secret in Telegram's webhook requests.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// WebhookHandler returns the http.Handler that receives Telegram's webhook
// requests; mount it at WebhookPath. It checks the secret header (401 when
// missing, 403 when wrong), accepts only POST (405), bodies up to
// MaxBodyBytes (413) holding one JSON update (400), answers 503 while Run
// is not running or too many updates wait (Telegram then retries), drops
// updates it has already seen, and answers 200 once the update's reply was
// sent (503 when the shutdown cut it off, so that Telegram delivers it
// again). In long-polling mode it answers 404.
func (a *Adapter) WebhookHandler() http.Handler { return http.HandlerFunc(a.serveWebhook) }

func (a *Adapter) serveWebhook(w http.ResponseWriter, r *http.Request) {
	if !a.Webhook() {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := r.Header.Get(SecretHeader)
	if got == "" {
		a.mon.Error(platform, "webhook_rejected")
		http.Error(w, "missing secret token", http.StatusUnauthorized)
		return
	}
	if !secretEqual(got, a.cfg.WebhookSecret) {
		a.mon.Error(platform, "webhook_rejected")
		// Anyone can send these: one line a minute, with the count, so
		// that they cannot flood the log.
		if n, ok := a.rejected.tick(); ok {
			a.log.Warn("telegram: webhook requests with a wrong secret token refused", "count", n)
		}
		http.Error(w, "wrong secret token", http.StatusForbidden)
		return
	}
	if r.ContentLength > a.cfg.MaxBodyBytes {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.cfg.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "could not read the request body", http.StatusBadRequest)
		return
	}
	var u tgbotapi.Update
	if err := json.Unmarshal(data, &u); err != nil || u.UpdateID <= 0 {
		a.mon.Error(platform, "webhook_bad_request")
		http.Error(w, "the body is not a Telegram update", http.StatusBadRequest)
		return
	}

	a.runMu.RLock()
	st := a.state
	if st == nil {
		a.runMu.RUnlock()
		w.Header().Set("Retry-After", "5")
		http.Error(w, "not running", http.StatusServiceUnavailable)
		return
	}
	if a.track.len() >= a.cfg.MaxQueue {
		a.runMu.RUnlock()
		a.mon.Error(platform, "queue_full")
		w.Header().Set("Retry-After", "5")
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	if !a.seen.add(u.UpdateID) {
		a.runMu.RUnlock()
		a.log.Debug("telegram: duplicate webhook update dropped")
		w.WriteHeader(http.StatusOK)
		return
	}
	// Telegram never sends an update again once it got 200 for it: answer
	// only once the reply is sent, and 503 (deliver it again) when the
	// shutdown cut it off.
	sent := make(chan bool, 1)
	a.dispatch(st.ctx, st.h, &u, nil, func() { sent <- st.ctx.Err() == nil })
	a.runMu.RUnlock()
	select {
	case ok := <-sent:
		if !ok {
			a.seen.forget(u.UpdateID)
			w.Header().Set("Retry-After", "5")
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	case <-r.Context().Done():
		// Telegram gave up waiting: it delivers the update again, and the
		// reply on its way makes that a duplicate, dropped above.
	}
}

// everyMinute lets an event through at most once a minute, counting the
// ones held back.
type everyMinute struct {
	mu   sync.Mutex
	now  func() time.Time
	last time.Time
	held int
}

// tick counts one event; ok says whether to report it now, with n the
// events since the last report (this one included).
func (e *everyMinute) tick() (n int, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.held++
	now := e.now()
	if !e.last.IsZero() && now.Sub(e.last) < time.Minute {
		return 0, false
	}
	e.last = now
	n, e.held = e.held, 0
	return n, true
}

// secretEqual compares in constant time (the hashes make it independent of
// the length, too).
func secretEqual(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// recentIDs remembers the last n update ids, to drop webhook deliveries
// Telegram repeats.
type recentIDs struct {
	mu   sync.Mutex
	set  map[int]struct{}
	ring []int
	next int
}

func newRecentIDs(n int) *recentIDs {
	return &recentIDs{set: make(map[int]struct{}, n), ring: make([]int, n)}
}

// forget drops id, so that a delivery of it again is handled.
func (r *recentIDs) forget(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.set, id)
}

// add records id and reports whether it is new.
func (r *recentIDs) add(id int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.set[id]; ok {
		return false
	}
	if old := r.ring[r.next]; old != 0 {
		delete(r.set, old)
	}
	r.ring[r.next] = id
	r.next = (r.next + 1) % len(r.ring)
	r.set[id] = struct{}{}
	return true
}
