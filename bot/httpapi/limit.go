package httpapi

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/infusionbot/infusionbot/internal/keyedlimit"
)

// limits are the HTTP API's rate limits. A clinic's website relays all its
// patients through one token, so the limit that refuses a flood is per
// person (client and "user"); the client's own ceiling is higher, so one
// person's flood never uses up what the others share. Emergencies and
// crises are answered past both (see Server.messages).
type limits struct {
	person  *keyedlimit.Limiter // key: client + "\x00" + user
	client  *keyedlimit.Limiter // key: clientKey
	guesses *keyedlimit.Limiter // wrong or missing tokens, per remote IP
}

func newLimits(cfg Config) limits {
	return limits{
		person:  keyedlimit.New(cfg.RateLimit, burstOf(cfg.RateLimit, cfg.RateBurst), 100_000, cfg.Now),
		client:  keyedlimit.New(cfg.ClientRateLimit, burstOf(cfg.ClientRateLimit, cfg.ClientRateBurst), 10_000, cfg.Now),
		guesses: keyedlimit.New(cfg.RateLimit, burstOf(cfg.RateLimit, cfg.RateBurst), 10_000, cfg.Now),
	}
}

// burstOf is burst, or twice the rate (at least 1) when not set.
func burstOf(rate float64, burst int) int {
	if burst > 0 {
		return burst
	}
	return max(1, int(math.Ceil(2*rate)))
}

// clientKey names who sent an authenticated request: the token when one
// is configured (every caller holding it is one client), else the address.
func (s *Server) clientKey(r *http.Request) string {
	if s.cfg.Token != "" {
		return "token"
	}
	return "ip:" + s.clientIP(r)
}

// tooMany writes a 429 with the seconds to wait.
func tooMany(w http.ResponseWriter, wait time.Duration) {
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
	writeError(w, http.StatusTooManyRequests, "too many requests; retry after the time in Retry-After")
}
