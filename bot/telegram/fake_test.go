package telegram

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/internal/testwait"
)

const (
	testToken  = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz0123"
	botID      = 999
	botName    = "InfusionBot"
	testSecret = "s3cret_-Token-0123"
)

// apiCall is one request the fake Bot API received.
type apiCall struct {
	Method string
	Params url.Values
	At     time.Time
}

// injection is a canned failure for the next call of a method.
type injection struct {
	status int
	body   string
	drop   bool // close the connection without answering
}

// fakeAPI is an httptest fake of the Telegram Bot API, enough for the
// adapter: getMe, getUpdates (long poll honouring timeout and the request
// context), sendMessage, sendChatAction, answerCallbackQuery,
// setMyCommands, setWebhook, deleteWebhook. It records every call.
type fakeAPI struct {
	t   *testing.T
	srv *httptest.Server

	mu      sync.Mutex
	calls   []apiCall
	updates []json.RawMessage // pending, with ids
	ids     []int
	nextID  int
	msgID   int
	changed chan struct{}
	inject  map[string][]injection
}

func newFakeAPI(t *testing.T) *fakeAPI {
	f := &fakeAPI{t: t, nextID: 100, msgID: 1, changed: make(chan struct{}), inject: map[string][]injection{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) URL() string { return f.srv.URL }

// failNext makes the next n calls of method fail with inj.
func (f *fakeAPI) failNext(method string, n int, inj injection) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for range n {
		f.inject[method] = append(f.inject[method], inj)
	}
}

func tooMany(retryAfter int) injection {
	return injection{status: 429, body: fmt.Sprintf(`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after %d","parameters":{"retry_after":%d}}`, retryAfter, retryAfter)}
}

func apiFail(code int, desc string) injection {
	return injection{status: code, body: fmt.Sprintf(`{"ok":false,"error_code":%d,"description":%q}`, code, desc)}
}

var dropConn = injection{drop: true}

// push queues an update (its update_id is set here) and returns the id.
func (f *fakeAPI) push(u map[string]any) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := f.nextID
	f.nextID++
	u["update_id"] = id
	b, err := json.Marshal(u)
	if err != nil {
		f.t.Fatal(err)
	}
	f.updates = append(f.updates, b)
	f.ids = append(f.ids, id)
	close(f.changed)
	f.changed = make(chan struct{})
	return id
}

// pending reports the updates not yet acknowledged.
func (f *fakeAPI) pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.updates)
}

func (f *fakeAPI) callsOf(method string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// sent returns the texts of the sendMessage calls to chat.
func (f *fakeAPI) sent(chat int64) []apiCall {
	var out []apiCall
	for _, c := range f.callsOf("sendMessage") {
		if c.Params.Get("chat_id") == strconv.FormatInt(chat, 10) {
			out = append(out, c)
		}
	}
	return out
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	tok, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		writeJSON(w, 404, `{"ok":false,"error_code":404,"description":"Not Found"}`)
		return
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, 400, `{"ok":false,"error_code":400,"description":"Bad Request"}`)
		return
	}
	f.mu.Lock()
	f.calls = append(f.calls, apiCall{Method: method, Params: r.PostForm, At: time.Now()})
	var inj *injection
	if q := f.inject[method]; len(q) > 0 {
		inj = &q[0]
		f.inject[method] = q[1:]
	}
	f.mu.Unlock()

	if tok != testToken {
		writeJSON(w, 401, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
		return
	}
	if inj != nil {
		if inj.drop {
			hj, ok := w.(http.Hijacker)
			if !ok {
				f.t.Error("fake: cannot hijack")
				return
			}
			conn, _, err := hj.Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		writeJSON(w, inj.status, inj.body)
		return
	}
	switch method {
	case "getMe":
		writeJSON(w, 200, fmt.Sprintf(`{"ok":true,"result":{"id":%d,"is_bot":true,"first_name":"Infusion","username":%q}}`, botID, botName))
	case "getUpdates":
		f.getUpdates(w, r)
	case "sendMessage":
		f.mu.Lock()
		f.msgID++
		id := f.msgID
		f.mu.Unlock()
		chat, _ := strconv.ParseInt(r.PostForm.Get("chat_id"), 10, 64)
		res, _ := json.Marshal(map[string]any{"message_id": id, "date": time.Now().Unix(),
			"chat": map[string]any{"id": chat, "type": "private"}, "text": r.PostForm.Get("text")})
		writeJSON(w, 200, `{"ok":true,"result":`+string(res)+`}`)
	case "sendChatAction", "answerCallbackQuery", "setMyCommands", "setWebhook", "deleteWebhook", "editMessageReplyMarkup":
		writeJSON(w, 200, `{"ok":true,"result":true}`)
	default:
		writeJSON(w, 404, `{"ok":false,"error_code":404,"description":"Not Found: method not found"}`)
	}
}

func (f *fakeAPI) getUpdates(w http.ResponseWriter, r *http.Request) {
	offset, _ := strconv.Atoi(r.PostForm.Get("offset"))
	timeout, _ := strconv.Atoi(r.PostForm.Get("timeout"))
	limit, _ := strconv.Atoi(r.PostForm.Get("limit"))
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		// Updates below the offset are confirmed: forget them.
		for len(f.ids) > 0 && offset > 0 && f.ids[0] < offset {
			f.ids, f.updates = f.ids[1:], f.updates[1:]
		}
		if len(f.updates) > 0 {
			n := len(f.updates)
			if limit <= 0 || limit > 100 {
				limit = 100 // as Telegram: at most 100 updates a call
			}
			if limit < n {
				n = limit
			}
			body := `{"ok":true,"result":[` + string(joinRaw(f.updates[:n])) + `]}`
			f.mu.Unlock()
			writeJSON(w, 200, body)
			return
		}
		ch := f.changed
		f.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			writeJSON(w, 200, `{"ok":true,"result":[]}`)
			return
		case <-r.Context().Done():
			return
		}
	}
}

func joinRaw(rs []json.RawMessage) []byte {
	var b []byte
	for i, r := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, r...)
	}
	return b
}

// Update builders.

func privateChat(id int64) map[string]any { return map[string]any{"id": id, "type": "private"} }
func groupChat(id int64) map[string]any {
	return map[string]any{"id": id, "type": "supergroup", "title": "Clinic group"}
}
func user(id int64) map[string]any {
	return map[string]any{"id": id, "is_bot": false, "first_name": "Pat"}
}

func textMessage(chat map[string]any, from int64, text string) map[string]any {
	m := map[string]any{"message_id": 10, "date": time.Now().Unix(), "chat": chat, "from": user(from), "text": text}
	if strings.HasPrefix(text, "/") {
		n := len(text)
		if i := strings.IndexByte(text, ' '); i >= 0 {
			n = i
		}
		m["entities"] = []any{map[string]any{"type": "bot_command", "offset": 0, "length": n}}
	}
	return map[string]any{"message": m}
}

func callback(chat map[string]any, from int64, id, data string) map[string]any {
	return map[string]any{"callback_query": map[string]any{
		"id": id, "from": user(from), "chat_instance": "ci", "data": data,
		"message": map[string]any{"message_id": 11, "date": time.Now().Unix(), "chat": chat,
			"from": map[string]any{"id": botID, "is_bot": true, "first_name": "Infusion", "username": botName}, "text": "an answer"},
	}}
}

// waitFor polls cond until it holds or the test's patience runs out.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testwait.For(t, what, 5*time.Millisecond, cond)
}

// patience is when a test gives up waiting (testwait.Patience).
func patience(t *testing.T) time.Time { return testwait.Patience(t) }
