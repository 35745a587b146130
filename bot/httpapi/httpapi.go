// Package httpapi is the HTTP front end of infusionbot: health and readiness
// probes, Prometheus metrics, POST /v1/messages speaking the JSON protocol
// of `ask --json`, and POST /admin/reload.
//
//	GET  /healthz        200 "ok" while the process is alive
//	GET  /readyz         200 when ready, else 503 {"status":"not ready","problems":[...]}
//	GET  /metrics        Prometheus text format (when a metrics handler is given)
//	POST /v1/messages    {"user","text"} -> Response; bearer token when configured
//	POST /admin/reload   reload the knowledge; only with a token
//	GET/POST /admin/review…  the staff's review inbox; only with a token (review.go)
//
// Errors are JSON {"error": "..."} with a text safe to show a client: never a
// stack, a path or a library error (the reload endpoint, which only the
// operator can call, is the exception: it shows the article's problem).
package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/logging"
	"github.com/infusionbot/infusionbot/knowledge"
)

// Reloader rebuilds the knowledge in place; on error the old one keeps
// serving and the error reads "path:line: problem" for an article's fault.
type Reloader interface {
	Reload(ctx context.Context) error
}

// Observer receives counts for metrics; *metrics.Registry implements it.
type Observer interface {
	HTTPRequest(route string, code int)
	Reload(err error)
}

// Config configures New. Only Handler is required.
type Config struct {
	// Handler answers messages (platform "http", conversation "http:"+user).
	Handler bot.Handler
	// Token, when not empty, is required as "Authorization: Bearer <token>"
	// by /v1/messages and enables /admin/reload.
	Token string
	// MaxBodyBytes caps a request body (default 64 KiB).
	MaxBodyBytes int64
	// RateLimit is messages per second per person (the "user" of a message,
	// within its client) on /v1/messages, with bursts of RateBurst (default
	// twice the rate). 0 turns it off.
	RateLimit float64
	RateBurst int
	// ClientRateLimit is the ceiling of requests per second per client (the
	// bearer token when one is configured, else the remote IP) on
	// /v1/messages and /admin/reload, with bursts of ClientRateBurst
	// (default twice the rate): many people relayed through one client
	// share it. 0 turns it off.
	ClientRateLimit float64
	ClientRateBurst int
	// TrustedProxies are the addresses of reverse proxies in front of the
	// server: behind one, the client is the address it reports in
	// X-Forwarded-For, not the proxy's own (else everyone shares the
	// proxy's bucket).
	TrustedProxies []netip.Prefix
	// Now is the limits' clock; nil means time.Now.
	Now func() time.Time
	// Ready lists what is not ready ("engine: no index", "telegram: not
	// connected"); nil or an empty list means ready.
	Ready func() []string
	// Warnings lists what works less than it should without making the
	// server unready ("store: …": answering, not recording); /readyz shows them.
	Warnings func() []string
	// Reloader serves /admin/reload (with a Token only).
	Reloader Reloader
	// Review serves /admin/review… (with a Token only; see review.go).
	Review Reviewer
	// Metrics serves /metrics; nil means 404.
	Metrics http.Handler
	// Observer counts requests and reloads; may be nil.
	Observer Observer
	// Logger gets operator detail (errors, panics); never message text.
	Logger *slog.Logger
	// Timeout bounds one answer (default 15s).
	Timeout time.Duration
}

// Server is the HTTP API; it is an http.Handler.
type Server struct {
	cfg      Config
	mux      *http.ServeMux
	limits   limits
	tokenSum [32]byte
	reloadMu sync.Mutex
}

// New returns the API's handler.
func New(cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 64 << 10
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 15 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = logging.Discard()
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), limits: newLimits(cfg)}
	s.tokenSum = sha256.Sum256([]byte(cfg.Token))
	s.route("/healthz", s.healthz, http.MethodGet, http.MethodHead)
	s.route("/readyz", s.readyz, http.MethodGet, http.MethodHead)
	if cfg.Metrics != nil {
		s.route("/metrics", cfg.Metrics.ServeHTTP, http.MethodGet, http.MethodHead)
	}
	s.route("/v1/messages", s.messages, http.MethodPost)
	if cfg.Token != "" && cfg.Reloader != nil {
		s.route("/admin/reload", s.reload, http.MethodPost)
	}
	s.mountReview() // review.go
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.count("other", writeError(w, http.StatusNotFound, "not found"))
	})
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// route mounts h at path for the given methods, answering others with 405.
func (s *Server) route(path string, h http.HandlerFunc, methods ...string) {
	allow := strings.Join(methods, ", ")
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		for _, m := range methods {
			if r.Method == m {
				sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
				h(sw, r)
				s.count(path, sw.code)
				return
			}
		}
		w.Header().Set("Allow", allow)
		s.count(path, writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use "+allow))
	})
}

func (s *Server) count(route string, code int) {
	if s.cfg.Observer != nil {
		s.cfg.Observer.HTTPRequest(route, code)
	}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, "ok\n")
}

// Readiness is the body of /readyz.
type Readiness struct {
	Status   string   `json:"status"` // "ready" or "not ready"
	Problems []string `json:"problems,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	var problems []string
	if s.cfg.Ready != nil {
		problems = s.cfg.Ready()
	}
	var warnings []string
	if s.cfg.Warnings != nil {
		warnings = s.cfg.Warnings()
	}
	w.Header().Set("Cache-Control", "no-store")
	if len(problems) > 0 {
		writeJSON(w, http.StatusServiceUnavailable, Readiness{Status: "not ready", Problems: problems, Warnings: warnings})
		return
	}
	writeJSON(w, http.StatusOK, Readiness{Status: "ready", Warnings: warnings})
}

// authenticate checks the bearer token; it writes the refusal (401, or 429
// for an address that keeps guessing) and returns false when the request
// may not go on.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) bool {
	if s.authorized(r) {
		return true
	}
	if ok, wait := s.limits.guesses.Allow(s.clientIP(r)); !ok {
		tooMany(w, wait)
		return false
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="infusionbot"`)
	writeError(w, http.StatusUnauthorized, "missing or wrong bearer token")
	return false
}

// authorized reports whether the request carries the token (always true
// without one). The comparison takes the same time whatever the token.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	return subtle.ConstantTimeCompare(sum[:], s.tokenSum[:]) == 1
}

// clientIP is the address of the request's sender: the remote address, or,
// when that is a trusted proxy, the nearest address in X-Forwarded-For that
// is not one (the ones before it are the client's word, not the proxy's).
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if len(s.cfg.TrustedProxies) == 0 || !s.trusted(host) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if _, err := netip.ParseAddr(hop); err != nil {
			break // not an address: trust nothing further
		}
		if !s.trusted(hop) {
			return hop
		}
	}
	return host
}

func (s *Server) trusted(addr string) bool {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func (s *Server) messages(w http.ResponseWriter, r *http.Request) {
	if !s.authenticate(w, r) {
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			writeError(w, http.StatusUnsupportedMediaType, "send the message as Content-Type: application/json")
			return
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body is larger than "+strconv.FormatInt(s.cfg.MaxBodyBytes, 10)+" bytes")
			return
		}
		writeError(w, http.StatusBadRequest, "could not read the request body")
		return
	}
	req, err := DecodeRequest(body)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	m := bot.Message{Platform: "http", Conversation: "http:" + req.User, User: req.User, Text: req.Text, Time: time.Now()}
	client := s.clientKey(r)
	ok, wait := s.limits.person.Allow(client + "\x00" + req.User)
	if ok {
		ok, wait = s.limits.client.Allow(client)
	}
	if !ok {
		// Over a limit, the message is still read for an emergency or a
		// crisis: those are answered whoever floods, the rest refused.
		rep, err := s.answer(ctx, m)
		if err == nil && rep.Intent.Urgent() {
			writeJSON(w, http.StatusOK, NewResponse(req.User, rep))
			return
		}
		tooMany(w, wait)
		return
	}
	rep, err := s.answer(ctx, m)
	if err != nil {
		s.cfg.Logger.Error("answer failed", "platform", "http", "user", logging.HashID("http:"+req.User), "err", err)
		writeError(w, http.StatusInternalServerError, bot.UserMessage(err))
		return
	}
	writeJSON(w, http.StatusOK, NewResponse(req.User, rep))
}

// answer calls the handler, turning a panic into an error.
func (s *Server) answer(ctx context.Context, m bot.Message) (rep bot.Reply, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.cfg.Logger.Error("handler panicked", "panic", p, "stack", string(debug.Stack()))
			err = &bot.Error{Op: "answer", Err: errors.New("handler panicked")}
		}
	}()
	return s.cfg.Handler.Handle(ctx, m)
}

// articleProblem reports whether a reload failed for a fault in an
// article: a *knowledge.ParseError anywhere in the error's chain, however
// it was wrapped or joined with others.
func articleProblem(err error) bool {
	var pe *knowledge.ParseError
	return errors.As(err, &pe)
}

// ReloadResult is the body of a successful /admin/reload.
type ReloadResult struct {
	Status string `json:"status"`
}

func (s *Server) reload(w http.ResponseWriter, r *http.Request) {
	if !s.authenticate(w, r) {
		return
	}
	if ok, wait := s.limits.client.Allow(s.clientKey(r)); !ok {
		tooMany(w, wait)
		return
	}
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	err := s.cfg.Reloader.Reload(r.Context())
	if s.cfg.Observer != nil {
		s.cfg.Observer.Reload(err)
	}
	if err != nil {
		s.cfg.Logger.Error("reload failed; the previous knowledge keeps serving", "err", err)
		code := http.StatusInternalServerError
		if articleProblem(err) {
			code = http.StatusUnprocessableEntity
		}
		writeError(w, code, err.Error())
		return
	}
	s.cfg.Logger.Info("knowledge reloaded", "via", "http")
	writeJSON(w, http.StatusOK, ReloadResult{Status: "reloaded"})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	WriteJSON(w, v)
}

func writeError(w http.ResponseWriter, code int, msg string) int {
	writeJSON(w, code, ErrorResponse{Error: msg})
	return code
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
