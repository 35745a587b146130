package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/knowledge"
)

// answerer is a fake core: it records the message and replies with a cited answer.
type answerer struct {
	mu   sync.Mutex
	last bot.Message
}

func (a *answerer) Handle(_ context.Context, m bot.Message) (bot.Reply, error) {
	a.mu.Lock()
	a.last = m
	a.mu.Unlock()
	switch m.Text {
	case "user-safe failure":
		return bot.Reply{}, &bot.Error{User: "The answers are being updated; please try again in a minute.", Op: "search", Err: errors.New("open /srv/index/store: too many open files")}
	case "internal failure":
		return bot.Reply{}, errors.New("open /srv/index/store: permission denied")
	case "panic":
		panic("nil map in /srv/bot/router.go")
	}
	return bot.Reply{
		Intent: bot.IntentQuestion, Answered: true,
		Body: "Ketamine infusions usually last about 40 minutes. [1]",
		Citations: []bot.Citation{{ID: "lidocaine-and-ketamine#ketamine", Title: "Infusion Therapy", Section: "Ketamine",
			Source: "MS Pain & Migraine", Snippet: "usually last about 40 minutes", Score: 4.25}},
		Handoff: "Please talk to your provider about whether this is right for you.",
	}, nil
}

func post(t *testing.T, h http.Handler, body string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/v1/messages", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		if v == "" {
			r.Header.Del(k)
		} else {
			r.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

func errorText(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var e ErrorResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
		t.Fatalf("status %d body %q is not a JSON error", rec.Code, rec.Body.String())
	}
	return e.Error
}

func TestMessageReply(t *testing.T) {
	a := &answerer{}
	s := New(Config{Handler: a})
	rec := post(t, s, `{"user": "u1", "text": "How long is a ketamine infusion?"}`, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q", ct)
	}
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if want := []string{"answered", "citations", "handoff", "intent", "text", "user"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("fields %v, want %v", keys, want)
	}
	want := map[string]any{
		"user": "u1", "intent": "question", "answered": true,
		"text": "Ketamine infusions usually last about 40 minutes. [1]\n\nSources:\n[1] Infusion Therapy — Ketamine\n\nPlease talk to your provider about whether this is right for you.",
		"citations": []any{map[string]any{"id": "lidocaine-and-ketamine#ketamine", "title": "Infusion Therapy", "section": "Ketamine",
			"source": "MS Pain & Migraine", "snippet": "usually last about 40 minutes", "score": 4.25}},
		"handoff": "Please talk to your provider about whether this is right for you.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("reply\n%v\nwant\n%v", got, want)
	}
	if strings.Contains(rec.Body.String(), `\u0026`) {
		t.Error("& is escaped; the protocol writes plain JSON")
	}
	a.mu.Lock()
	m := a.last
	a.mu.Unlock()
	if m.Platform != "http" || m.Conversation != "http:u1" || m.User != "u1" || m.Text != "How long is a ketamine infusion?" {
		t.Fatalf("handler got %+v", m)
	}
}

func TestNoCitationsIsEmptyList(t *testing.T) {
	s := New(Config{Handler: bot.HandlerFunc(func(context.Context, bot.Message) (bot.Reply, error) {
		return bot.Reply{Intent: bot.IntentGreeting, Body: "Hello!"}, nil
	})})
	rec := post(t, s, `{"user":"u","text":"hi"}`, nil)
	if !strings.Contains(rec.Body.String(), `"citations":[]`) || !strings.Contains(rec.Body.String(), `"handoff":""`) {
		t.Fatalf("body %s: want citations [] and handoff \"\"", rec.Body)
	}
}

func TestBadRequests(t *testing.T) {
	s := New(Config{Handler: &answerer{}, MaxBodyBytes: 256})
	tests := []struct {
		name    string
		method  string
		body    string
		ctype   string
		code    int
		mention string
	}{
		{"GET", http.MethodGet, "", "application/json", 405, "POST"},
		{"form content type", http.MethodPost, `user=u&text=hi`, "application/x-www-form-urlencoded", 415, "application/json"},
		{"text content type", http.MethodPost, `{"user":"u","text":"hi"}`, "text/plain", 415, "application/json"},
		{"too large", http.MethodPost, `{"user":"u","text":"` + strings.Repeat("a", 300) + `"}`, "application/json", 413, "256 bytes"},
		{"malformed", http.MethodPost, `{"user":"u","text":`, "application/json", 400, "incomplete"},
		{"not json", http.MethodPost, `hello`, "application/json", 400, "not valid JSON"},
		{"empty body", http.MethodPost, ``, "application/json", 400, "empty"},
		{"array", http.MethodPost, `[{"user":"u","text":"hi"}]`, "application/json", 400, "JSON object"},
		{"unknown field", http.MethodPost, `{"user":"u","message":"hi"}`, "application/json", 400, `"message"`},
		{"missing user", http.MethodPost, `{"text":"hi"}`, "application/json", 400, `"user" is required`},
		{"blank user", http.MethodPost, `{"user":"  ","text":"hi"}`, "application/json", 400, `"user" is required`},
		{"missing text", http.MethodPost, `{"user":"u"}`, "application/json", 400, `"text" is required`},
		{"text not a string", http.MethodPost, `{"user":"u","text":5}`, "application/json", 400, `"text" must be a string`},
		{"not utf-8", http.MethodPost, "{\"user\":\"u\",\"text\":\"caf\xe9\"}", "application/json", 400, "UTF-8"},
		{"two objects", http.MethodPost, `{"user":"u","text":"a"}{"user":"u","text":"b"}`, "application/json", 400, "after the JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "/v1/messages", strings.NewReader(tt.body))
			r.Header.Set("Content-Type", tt.ctype)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, r)
			if rec.Code != tt.code {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.code, rec.Body)
			}
			if msg := errorText(t, rec); !strings.Contains(msg, tt.mention) {
				t.Errorf("error %q does not mention %q", msg, tt.mention)
			}
			if tt.code == 405 && rec.Header().Get("Allow") != "POST" {
				t.Errorf("Allow %q, want POST", rec.Header().Get("Allow"))
			}
		})
	}
	// Without a Content-Type header the body is taken as JSON.
	if rec := post(t, s, `{"user":"u","text":"hi"}`, map[string]string{"Content-Type": ""}); rec.Code != 200 {
		t.Fatalf("no Content-Type: %d", rec.Code)
	}
	if rec := post(t, s, `{"user":"u","text":"hi"}`, map[string]string{"Content-Type": "application/json; charset=utf-8"}); rec.Code != 200 {
		t.Fatalf("charset parameter: %d", rec.Code)
	}
}

func TestHandlerErrorsAreSafe(t *testing.T) {
	s := New(Config{Handler: &answerer{}})
	tests := []struct{ text, want string }{
		{"user-safe failure", "The answers are being updated; please try again in a minute."},
		{"internal failure", bot.DefaultUserError},
		{"panic", bot.DefaultUserError},
	}
	for _, tt := range tests {
		rec := post(t, s, `{"user":"u","text":"`+tt.text+`"}`, nil)
		if rec.Code != http.StatusInternalServerError {
			t.Fatalf("%s: status %d", tt.text, rec.Code)
		}
		if msg := errorText(t, rec); msg != tt.want {
			t.Errorf("%s: error %q, want %q", tt.text, msg, tt.want)
		}
		for _, leak := range []string{"/srv", "goroutine", "permission", "nil map"} {
			if strings.Contains(rec.Body.String(), leak) {
				t.Errorf("%s: body leaks %q: %s", tt.text, leak, rec.Body)
			}
		}
	}
}

const tok = "s3cret-token-0123456789"

func TestAuth(t *testing.T) {
	s := New(Config{Handler: &answerer{}, Token: tok})
	tests := []struct {
		auth string
		code int
	}{
		{"", 401},
		{"Bearer wrong-token", 401},
		{"Bearer " + tok + "x", 401},
		{"Basic " + tok, 401},
		{tok, 401},
		{"Bearer " + tok, 200},
		{"bearer " + tok, 200},
	}
	for _, tt := range tests {
		rec := post(t, s, `{"user":"u","text":"hi"}`, map[string]string{"Authorization": tt.auth})
		if rec.Code != tt.code {
			t.Errorf("Authorization %q: status %d, want %d", tt.auth, rec.Code, tt.code)
		}
		if tt.code == 401 {
			if !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer")
			}
			if strings.Contains(rec.Body.String(), tok) {
				t.Error("the token is echoed")
			}
		}
	}
	// Probes and metrics stay open for the orchestrator.
	for _, path := range []string{"/healthz", "/readyz"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != 200 {
			t.Errorf("%s with a token configured: %d", path, rec.Code)
		}
	}
}

func TestRateLimit(t *testing.T) {
	s := New(Config{Handler: &answerer{}, RateLimit: 0.5, RateBurst: 2})
	from := func(ip string) int {
		r := httptest.NewRequest(http.MethodPost, "/v1/messages", strings.NewReader(`{"user":"u","text":"hi"}`))
		r.RemoteAddr = ip + ":40000"
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if rec.Code == 429 {
			ra, err := strconv.Atoi(rec.Header().Get("Retry-After"))
			if err != nil || ra < 1 || ra > 2 {
				t.Errorf("Retry-After %q, want 1-2 seconds", rec.Header().Get("Retry-After"))
			}
			errorText(t, rec)
		}
		return rec.Code
	}
	got := []int{from("10.0.0.1"), from("10.0.0.1"), from("10.0.0.1"), from("10.0.0.2")}
	if want := []int{200, 200, 429, 200}; !reflect.DeepEqual(got, want) {
		t.Fatalf("statuses %v, want %v (burst 2 per client IP)", got, want)
	}

	// With a token, the client is the token, whatever its address: its
	// ceiling is shared by everyone who sends with it.
	s = New(Config{Handler: &answerer{}, Token: tok, ClientRateLimit: 0.5, ClientRateBurst: 2, RateLimit: 0.5, RateBurst: 2})
	var codes []int
	for i, ip := range []string{"10.0.0.1", "10.0.0.2", "10.0.0.3"} {
		r := httptest.NewRequest(http.MethodPost, "/v1/messages", strings.NewReader(`{"user":"u`+strconv.Itoa(i)+`","text":"hi"}`))
		r.RemoteAddr = ip + ":" + strconv.Itoa(40000+i)
		r.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		codes = append(codes, rec.Code)
	}
	if want := []int{200, 200, 429}; !reflect.DeepEqual(codes, want) {
		t.Fatalf("token-keyed statuses %v, want %v", codes, want)
	}
	// Guessing tokens is limited per address too.
	for i := 0; i < 3; i++ {
		rec := post(t, s, `{}`, map[string]string{"Authorization": "Bearer guess" + strconv.Itoa(i)})
		if i == 2 && rec.Code != 429 {
			t.Fatalf("third wrong token from one address: %d, want 429", rec.Code)
		}
	}
}

func TestProbes(t *testing.T) {
	var mu sync.Mutex
	problems := []string{"engine: index not loaded", "telegram: not connected"}
	s := New(Config{Handler: &answerer{}, Ready: func() []string { mu.Lock(); defer mu.Unlock(); return problems },
		Metrics: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "x_total 1\n") })})
	get := func(method, path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
		return rec
	}
	if rec := get("GET", "/healthz"); rec.Code != 200 || rec.Body.String() != "ok\n" {
		t.Fatalf("/healthz %d %q", rec.Code, rec.Body)
	}
	if rec := get("HEAD", "/healthz"); rec.Code != 200 {
		t.Fatalf("HEAD /healthz %d", rec.Code)
	}
	if rec := get("POST", "/healthz"); rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Fatalf("POST /healthz %d Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	rec := get("GET", "/readyz")
	var rd Readiness
	json.Unmarshal(rec.Body.Bytes(), &rd)
	if rec.Code != 503 || rd.Status != "not ready" || !reflect.DeepEqual(rd.Problems, problems) {
		t.Fatalf("/readyz while not ready: %d %s", rec.Code, rec.Body)
	}
	mu.Lock()
	problems = nil
	mu.Unlock()
	if rec := get("GET", "/readyz"); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"ready"`) {
		t.Fatalf("/readyz when ready: %d %s", rec.Code, rec.Body)
	}
	if rec := get("GET", "/metrics"); rec.Code != 200 || rec.Body.String() != "x_total 1\n" {
		t.Fatalf("/metrics %d %q", rec.Code, rec.Body)
	}
	if rec := get("GET", "/nope"); rec.Code != 404 {
		t.Fatalf("/nope %d", rec.Code)
	}
	// Without a metrics handler, /metrics is not found.
	rec = httptest.NewRecorder()
	New(Config{Handler: &answerer{}}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 404 {
		t.Fatalf("/metrics without a registry: %d", rec.Code)
	}
}

type fakeReloader struct{ err error }

func (f *fakeReloader) Reload(context.Context) error { return f.err }

type observer struct {
	mu      sync.Mutex
	reloads []string
	codes   map[string]int
}

func (o *observer) HTTPRequest(route string, code int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.codes == nil {
		o.codes = map[string]int{}
	}
	o.codes[route+" "+strconv.Itoa(code)]++
}

func (o *observer) Reload(err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.reloads = append(o.reloads, fmt.Sprint(err))
}

func TestReload(t *testing.T) {
	rl := &fakeReloader{}
	obs := &observer{}
	s := New(Config{Handler: &answerer{}, Token: tok, Reloader: rl, Observer: obs})
	reload := func(auth string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/admin/reload", nil)
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		return rec
	}
	if rec := reload(""); rec.Code != 401 {
		t.Fatalf("reload without the token: %d", rec.Code)
	}
	if rec := reload("Bearer " + tok); rec.Code != 200 || !strings.Contains(rec.Body.String(), "reloaded") {
		t.Fatalf("good reload: %d %s", rec.Code, rec.Body)
	}
	// As the engine wraps it: the folder's name, then every article's problem.
	rl.err = fmt.Errorf("loading /srv/knowledge:\n%w", errors.Join(
		&knowledge.ParseError{Path: "ketamine.md", Line: 12, Msg: "front matter: missing title"}))
	rec := reload("Bearer " + tok)
	if rec.Code != http.StatusUnprocessableEntity || errorText(t, rec) != "loading /srv/knowledge:\nketamine.md:12: front matter: missing title" {
		t.Fatalf("broken article: %d %s", rec.Code, rec.Body)
	}
	rl.err = errors.New("index: disk full")
	if rec := reload("Bearer " + tok); rec.Code != 500 || errorText(t, rec) != "index: disk full" {
		t.Fatalf("other failure: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/admin/reload", nil))
	if rec.Code != 405 {
		t.Fatalf("GET /admin/reload: %d", rec.Code)
	}
	obs.mu.Lock()
	if len(obs.reloads) != 3 || obs.reloads[0] != "<nil>" || obs.codes["/admin/reload 422"] != 1 || obs.codes["/admin/reload 401"] != 1 {
		t.Errorf("observed reloads %v codes %v", obs.reloads, obs.codes)
	}
	obs.mu.Unlock()

	// Without a token there is no admin endpoint at all.
	rec = httptest.NewRecorder()
	New(Config{Handler: &answerer{}, Reloader: rl}).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/admin/reload", nil))
	if rec.Code != 404 {
		t.Fatalf("/admin/reload without API_TOKEN: %d, want 404", rec.Code)
	}
}

// TestShutdownDrainsInFlight starts a real server, begins a slow answer,
// shuts the server down, and checks the answer still arrives while new
// connections are refused.
func TestShutdownDrainsInFlight(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	h := bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
		close(started)
		<-release
		return bot.Reply{Intent: bot.IntentGreeting, Body: "finished"}, nil
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: New(Config{Handler: h})}
	go srv.Serve(ln)
	url := "http://" + ln.Addr().String()

	type result struct {
		code int
		body string
		err  error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := http.Post(url+"/v1/messages", "application/json", strings.NewReader(`{"user":"u","text":"slow"}`))
		if err != nil {
			res <- result{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		res <- result{code: resp.StatusCode, body: string(b)}
	}()
	<-started
	shut := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		shut <- srv.Shutdown(ctx)
	}()
	// The listener closes at once: new requests are refused.
	deadline := time.Now().Add(2 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 100*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections during shutdown")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned (%v) before the in-flight answer finished", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	r := <-res
	if r.err != nil || r.code != 200 || !strings.Contains(r.body, "finished") {
		t.Fatalf("in-flight request: %+v", r)
	}
	if err := <-shut; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
}

func TestConcurrentRequests(t *testing.T) {
	srv := httptest.NewServer(New(Config{Handler: &answerer{}, RateLimit: 0}))
	defer srv.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				resp, err := http.Post(srv.URL+"/v1/messages", "application/json",
					strings.NewReader(fmt.Sprintf(`{"user":"u%d","text":"q%d"}`, g, i)))
				if err != nil {
					errs <- err
					return
				}
				var out Response
				json.NewDecoder(resp.Body).Decode(&out)
				resp.Body.Close()
				if resp.StatusCode != 200 || out.User != fmt.Sprintf("u%d", g) {
					errs <- fmt.Errorf("status %d user %q", resp.StatusCode, out.User)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// BenchmarkMessages measures the HTTP layer alone (a trivial handler) over
// loopback: go test -bench Messages -benchtime 20000x ./bot/httpapi
func BenchmarkMessages(b *testing.B) {
	srv := httptest.NewServer(New(Config{Handler: &answerer{}}))
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
	var n atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			body := fmt.Sprintf(`{"user":"u%d","text":"How long does a ketamine infusion take?"}`, n.Add(1))
			resp, err := client.Post(srv.URL+"/v1/messages", "application/json", strings.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Fatalf("status %d", resp.StatusCode)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "answers/s")
}
