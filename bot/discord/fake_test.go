package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/infusionbot/infusionbot/bot"
)

// IDs used by the fake. They are distinctive so that the log check can
// look for them.
const (
	testToken   = "TEST-TOKEN-s3cr3t"
	botUserID   = "900000000000000001"
	appID       = "900000000000000002"
	userID      = "777000111"
	channelID   = "555000222"
	dmChannelID = "555000333"
	guildID     = "444000111"
)

// fakeDiscord is a local stand-in for Discord: an httptest server serving
// the REST API (recording every request) and, at /ws, a websocket gateway.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	mu          sync.Mutex
	reqs        []restReq
	conns       []*fakeConn // every gateway connection that reached READY/RESUMED
	all         []*fakeConn // every gateway connection, for cleanup
	identifies  []identifyPayload
	resumes     int
	seq         int
	closeCode   int                      // close every connection with this code after IDENTIFY/RESUME
	silentConns int                      // the first n connections never ACK heartbeats
	hangHello   int                      // the first n connections never send HELLO
	hangGateway bool                     // GET /gateway never answers
	heartbeatMs int                      // the HELLO heartbeat interval
	limits      map[string]int           // path prefix → how many 429s to answer before succeeding
	retryAfter  float64                  // the 429s' retry_after, in seconds
	holds       map[string]chan struct{} // path prefix → requests wait until it is closed
}

type restReq struct {
	Method string
	Path   string
	Query  string
	Body   []byte
}

func (r restReq) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("%s %s: body is not a JSON object: %v: %s", r.Method, r.Path, err, r.Body)
	}
	return m
}

type identifyPayload struct {
	Token   string  `json:"token"`
	Intents int     `json:"intents"`
	Shard   *[2]int `json:"shard"`
}

type fakeConn struct {
	c  *websocket.Conn
	mu sync.Mutex
}

func (c *fakeConn) write(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.c.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.c.WriteJSON(v)
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, heartbeatMs: 10000, limits: map[string]int{}, holds: map[string]chan struct{}{}, retryAfter: 0.05}
	mux := http.NewServeMux()
	mux.HandleFunc("/ws/", f.serveGateway)
	mux.HandleFunc("/ws", f.serveGateway)
	mux.HandleFunc("/", f.serveREST)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		f.mu.Lock()
		for _, c := range f.all {
			_ = c.c.UnderlyingConn().Close()
		}
		f.mu.Unlock()
		f.srv.Close()
	})
	return f
}

func (f *fakeDiscord) set(fn func(f *fakeDiscord)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *fakeDiscord) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := restReq{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: body}
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	limited := false
	for prefix, n := range f.limits {
		if n > 0 && strings.HasPrefix(r.URL.Path, prefix) {
			f.limits[prefix] = n - 1
			limited = true
		}
	}
	retryAfter := f.retryAfter
	hang := f.hangGateway && r.URL.Path == "/api/v9/gateway"
	var hold chan struct{}
	for prefix, c := range f.holds {
		if strings.HasPrefix(r.URL.Path, prefix) {
			hold = c
		}
	}
	f.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-r.Context().Done():
			return
		}
	}
	if hang {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		return
	}

	if r.Header.Get("Authorization") != "Bot "+testToken {
		http.Error(w, `{"message": "401: Unauthorized", "code": 0}`, http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if limited {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprintf(w, `{"message": "You are being rate limited.", "retry_after": %g, "global": false}`, retryAfter)
		return
	}
	p := strings.TrimPrefix(r.URL.Path, "/api/v9")
	switch {
	case r.Method == "GET" && p == "/gateway":
		fmt.Fprintf(w, `{"url": "ws://%s/ws"}`, r.Host)
	case r.Method == "PUT" && strings.HasPrefix(p, "/applications/"):
		w.Write(body)
	case r.Method == "POST" && strings.HasPrefix(p, "/interactions/"):
		w.WriteHeader(http.StatusNoContent)
	case r.Method == "PATCH" && strings.HasPrefix(p, "/webhooks/"):
		fmt.Fprint(w, `{"id": "1001", "channel_id": "`+channelID+`"}`)
	case r.Method == "DELETE" && strings.HasPrefix(p, "/webhooks/"):
		w.WriteHeader(http.StatusNoContent)
	case r.Method == "POST" && strings.HasPrefix(p, "/webhooks/"):
		fmt.Fprint(w, `{"id": "1002", "channel_id": "`+channelID+`"}`)
	case r.Method == "POST" && p == "/users/@me/channels":
		fmt.Fprint(w, `{"id": "`+dmChannelID+`", "type": 1}`)
	case r.Method == "POST" && strings.HasPrefix(p, "/channels/") && strings.HasSuffix(p, "/messages"):
		fmt.Fprint(w, `{"id": "1003", "channel_id": "`+channelID+`"}`)
	default:
		http.Error(w, `{"message": "404: Not Found", "code": 0}`, http.StatusNotFound)
	}
}

var upgrader = websocket.Upgrader{}

type gwPayload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  int             `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

func (f *fakeDiscord) serveGateway(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	fc := &fakeConn{c: c}
	f.mu.Lock()
	f.all = append(f.all, fc)
	n := len(f.all)
	hang := n <= f.hangHello
	silent := n <= f.silentConns
	hb := f.heartbeatMs
	f.mu.Unlock()
	defer c.Close()
	if hang {
		// Accept the socket, say nothing, and wait for the client to give up.
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}
	if fc.write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": hb}}) != nil {
		return
	}
	var p gwPayload
	if _, msg, err := c.ReadMessage(); err != nil || json.Unmarshal(msg, &p) != nil {
		return
	}
	f.mu.Lock()
	code := f.closeCode
	switch p.Op {
	case 2:
		var id identifyPayload
		_ = json.Unmarshal(p.D, &id)
		f.identifies = append(f.identifies, id)
	case 6:
		f.resumes++
	}
	f.mu.Unlock()
	if code != 0 {
		fc.mu.Lock()
		_ = c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, "closed by the fake"))
		fc.mu.Unlock()
		time.Sleep(50 * time.Millisecond)
		return
	}
	switch p.Op {
	case 2:
		f.dispatchOn(fc, "READY", map[string]any{
			"v": 9, "session_id": "session-1",
			"user":        map[string]any{"id": botUserID, "username": "Infusionbot", "bot": true},
			"application": map[string]any{"id": appID},
		})
	case 6:
		f.dispatchOn(fc, "RESUMED", map[string]any{})
	default:
		return
	}
	f.mu.Lock()
	f.conns = append(f.conns, fc)
	f.mu.Unlock()
	for {
		_, msg, err := c.ReadMessage()
		if err != nil {
			return
		}
		if json.Unmarshal(msg, &p) == nil && p.Op == 1 && !silent {
			_ = fc.write(map[string]any{"op": 11})
		}
	}
}

func (f *fakeDiscord) dispatchOn(fc *fakeConn, typ string, d any) {
	f.mu.Lock()
	f.seq++
	s := f.seq
	f.mu.Unlock()
	_ = fc.write(map[string]any{"op": 0, "t": typ, "s": s, "d": d})
}

// waitConns waits until n gateway connections have reached READY or
// RESUMED and returns the last.
func (f *fakeDiscord) waitConns(n int) *fakeConn {
	f.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		if len(f.conns) >= n {
			c := f.conns[len(f.conns)-1]
			f.mu.Unlock()
			return c
		}
		f.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	f.t.Fatalf("gateway connection %d never became ready", n)
	return nil
}

// dispatch sends an event on the newest ready connection.
func (f *fakeDiscord) dispatch(typ string, d any) {
	f.t.Helper()
	f.mu.Lock()
	n := len(f.conns)
	f.mu.Unlock()
	f.dispatchOn(f.waitConns(max(n, 1)), typ, d)
}

func (f *fakeDiscord) requests() []restReq {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]restReq(nil), f.reqs...)
}

// waitReqN waits until n REST requests match method and path prefix, and
// returns them in order.
func (f *fakeDiscord) waitReqN(method, pathPrefix string, n int) []restReq {
	f.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var got []restReq
		for _, r := range f.requests() {
			if r.Method == method && strings.HasPrefix(r.Path, pathPrefix) {
				got = append(got, r)
			}
		}
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("no %d× %s %s within 10 s; got %d; all requests: %v", n, method, pathPrefix, len(got), f.summary())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (f *fakeDiscord) waitReq(method, pathPrefix string) restReq {
	f.t.Helper()
	got := f.waitReqN(method, pathPrefix, 1)
	return got[0]
}

func (f *fakeDiscord) count(method, pathPrefix string) int {
	n := 0
	for _, r := range f.requests() {
		if r.Method == method && strings.HasPrefix(r.Path, pathPrefix) {
			n++
		}
	}
	return n
}

func (f *fakeDiscord) summary() string {
	var b strings.Builder
	for _, r := range f.requests() {
		fmt.Fprintf(&b, "\n  %s %s", r.Method, r.Path)
	}
	return b.String()
}

// drop closes the newest connection's socket without a close frame.
func (f *fakeDiscord) drop() {
	f.mu.Lock()
	c := f.conns[len(f.conns)-1]
	f.mu.Unlock()
	_ = c.c.UnderlyingConn().Close()
}

func (f *fakeDiscord) counts() (identifies, resumes int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.identifies), f.resumes
}

// fakeMonitor records what the adapter reports.
type fakeMonitor struct {
	mu         sync.Mutex
	feedback   map[bot.FeedbackKind]int
	connected  []bool
	reconnects int
	errors     map[string]int
}

func newFakeMonitor() *fakeMonitor {
	return &fakeMonitor{feedback: map[bot.FeedbackKind]int{}, errors: map[string]int{}}
}

func (m *fakeMonitor) Feedback(p string, k bot.FeedbackKind) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if p == "discord" {
		m.feedback[k]++
	}
}

func (m *fakeMonitor) Connected(p string, up bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.connected = append(m.connected, up)
}

func (m *fakeMonitor) Reconnect(string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reconnects++
}

func (m *fakeMonitor) Error(_ string, kind string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.errors[kind]++
}

func (m *fakeMonitor) snapshot() (feedback map[bot.FeedbackKind]int, reconnects int, errs map[string]int, connected []bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	feedback = map[bot.FeedbackKind]int{}
	for k, v := range m.feedback {
		feedback[k] = v
	}
	errs = map[string]int{}
	for k, v := range m.errors {
		errs[k] = v
	}
	return feedback, m.reconnects, errs, append([]bool(nil), m.connected...)
}

// lockedBuffer collects the adapter's log.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// fakeCore is a stand-in for the core: realistic replies chosen by the text.
type fakeCore struct {
	mu    sync.Mutex
	seen  []bot.Message
	delay time.Duration
	gate  chan struct{} // "wait" is answered once it is closed
}

const (
	emergencyBody = "This sounds like a medical emergency. Call 911 now or go to the nearest emergency room."
	careTeamBody  = "You can reach the care team at (555) 010-0199, Monday to Friday 8–5."
	failUserText  = "Sorry, the clinic's articles are unavailable right now. Please try again later."
)

func longBody() string {
	var b strings.Builder
	for i := 0; b.Len() < 2500; i++ {
		fmt.Fprintf(&b, "Paragraph %d. IV lidocaine infusions are given over about an hour while your heart rhythm and blood pressure are watched; most people feel relaxed and some notice a metallic taste or mild numbness around the mouth [1].\n\n", i+1)
	}
	return strings.TrimSpace(b.String())
}

func (c *fakeCore) Handle(ctx context.Context, m bot.Message) (bot.Reply, error) {
	c.mu.Lock()
	c.seen = append(c.seen, m)
	d := c.delay
	c.mu.Unlock()
	if d > 0 {
		time.Sleep(d)
	}
	cites := []bot.Citation{
		{ID: "lidocaine.md#what-to-expect", Title: "IV Lidocaine Infusion", Section: "What to expect", Source: "Clinic handout", Snippet: "Infusions are given over about an hour while your heart rhythm is watched.", Score: 3.2},
		{ID: "ketamine.md#side-effects", Title: "Ketamine Infusion Therapy", Section: "Side effects", Source: "Clinic handout", Snippet: "Some people feel dissociated or dreamy during the infusion.", Score: 2.1},
	}
	handoff := "This is general information from the clinic's articles, not medical advice: please consult your provider about your own care."
	switch t := m.Text; {
	case t == bot.CommandCareTeam:
		return bot.Reply{Intent: bot.IntentHuman, Body: careTeamBody}, nil
	case t == bot.CommandSources:
		return bot.Reply{Intent: bot.IntentHelp, Body: "I answer from: IV Lidocaine Infusion; Ketamine Infusion Therapy."}, nil
	case t == bot.CommandHelp:
		return bot.Reply{Intent: bot.IntentHelp, Body: "Ask me about IV lidocaine or ketamine infusions."}, nil
	case strings.Contains(t, "chest pain"):
		return bot.Reply{Intent: bot.IntentEmergency, Body: emergencyBody, Handoff: "Call 911."}, nil
	case t == "block":
		<-ctx.Done()
		return bot.Reply{}, ctx.Err()
	case t == "wait":
		c.mu.Lock()
		gate := c.gate
		c.mu.Unlock()
		<-gate
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "You waited [1].", Citations: cites[:1], Handoff: handoff}, nil
	case t == "panic":
		panic("the core panicked")
	case strings.Contains(t, "fail"):
		return bot.Reply{}, &bot.Error{User: failUserText, Op: "search", Err: fmt.Errorf("index closed")}
	case strings.Contains(t, "ambiguous"):
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: "Did you mean:\n\n1. IV Lidocaine Infusion — What to expect [1]\n\n2. Ketamine Infusion Therapy — Side effects [2]",
			Citations: cites, Handoff: handoff,
			Choices: []bot.Choice{{Label: "IV Lidocaine Infusion — What to expect", Text: "1"}, {Label: "Ketamine Infusion Therapy — Side effects", Text: "2"}}}, nil
	case strings.Contains(t, "long version"):
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true, Body: longBody(), Citations: cites, Handoff: handoff}, nil
	default:
		return bot.Reply{Intent: bot.IntentQuestion, Answered: true,
			Body:      "You asked: " + t + "\n\nInfusions are given over about an hour while your heart rhythm is watched [1]. Some people feel dissociated or dreamy during the infusion [2].",
			Citations: cites, Handoff: handoff}, nil
	}
}

func (c *fakeCore) messages() []bot.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]bot.Message(nil), c.seen...)
}

// harness runs an adapter against a fake Discord.
type harness struct {
	t      *testing.T
	fake   *fakeDiscord
	core   *fakeCore
	mon    *fakeMonitor
	logs   *lockedBuffer
	a      *Adapter
	cancel context.CancelFunc
	done   chan error
}

func testConfig(f *fakeDiscord, mon bot.Monitor, logs io.Writer) Config {
	return Config{
		Token:            testToken,
		GuildID:          guildID,
		Logger:           slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Monitor:          mon,
		APIBase:          f.srv.URL,
		HTTPClient:       &http.Client{Timeout: 5 * time.Second},
		ReconnectMin:     10 * time.Millisecond,
		ReconnectMax:     100 * time.Millisecond,
		OpenTimeout:      2 * time.Second,
		ShutdownTimeout:  5 * time.Second,
		HeartbeatTimeout: 30 * time.Second,
	}
}

// startHarness starts Run; setup may adjust the fake and the config first.
func startHarness(t *testing.T, setup func(f *fakeDiscord, cfg *Config)) *harness {
	t.Helper()
	h := &harness{t: t, fake: newFakeDiscord(t), core: &fakeCore{}, mon: newFakeMonitor(), logs: &lockedBuffer{}, done: make(chan error, 1)}
	cfg := testConfig(h.fake, h.mon, h.logs)
	if setup != nil {
		setup(h.fake, &cfg)
	}
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.a = a
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- a.Run(ctx, h.core) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-h.done:
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
		h.checkLog()
	})
	return h
}

// stop cancels Run and returns its result and how long it took.
func (h *harness) stop() (error, time.Duration) {
	h.t.Helper()
	start := time.Now()
	h.cancel()
	select {
	case err := <-h.done:
		h.done <- err // for the cleanup
		return err, time.Since(start)
	case <-time.After(10 * time.Second):
		h.t.Fatal("Run did not return within 10 s of cancel")
		return nil, 0
	}
}

// checkLog fails if the log holds anything it must not.
func (h *harness) checkLog() {
	h.t.Helper()
	log := h.logs.String()
	if os.Getenv("DISCORD_TEST_LOGS") != "" {
		h.t.Logf("adapter log:\n%s", log)
	}
	for _, secret := range []string{testToken, userID, channelID, dmChannelID, "lidocaine?", "everyone", "chest pain", "itok-"} {
		if strings.Contains(log, secret) {
			h.t.Errorf("the log contains %q:\n%s", secret, log)
		}
	}
}

// Event payloads.

func user(id string, isBot bool) map[string]any {
	return map[string]any{"id": id, "username": "someone", "bot": isBot}
}

func messageCreate(id, guild, channel string, author map[string]any, content string, mentions ...map[string]any) map[string]any {
	m := map[string]any{
		"id": id, "channel_id": channel, "author": author, "content": content,
		"type": 0, "timestamp": "2026-11-23T01:02:03Z", "mentions": mentions,
	}
	if mentions == nil {
		m["mentions"] = []any{}
	}
	if guild != "" {
		m["guild_id"] = guild
	}
	return m
}

func slashCommand(id, name string, options ...map[string]any) map[string]any {
	data := map[string]any{"id": "3001", "name": name, "type": 1}
	if options != nil {
		data["options"] = options
	}
	return map[string]any{
		"id": id, "application_id": appID, "type": 2, "token": "itok-" + id,
		"channel_id": channelID, "guild_id": guildID,
		"member": map[string]any{"user": user(userID, false)},
		"data":   data,
	}
}

func question(text string) map[string]any {
	return map[string]any{"name": "question", "type": 3, "value": text}
}

func buttonPress(id, customID string) map[string]any {
	return map[string]any{
		"id": id, "application_id": appID, "type": 3, "token": "itok-" + id,
		"channel_id": channelID, "guild_id": guildID,
		"member":  map[string]any{"user": user(userID, false)},
		"message": map[string]any{"id": "1001", "channel_id": channelID},
		"data":    map[string]any{"custom_id": customID, "component_type": 2},
	}
}
