package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeAnswersWithACorruptStoreAndSaysWhy(t *testing.T) {
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "infusionbot.db"), []byte(strings.Repeat("garbage, not SQLite\n", 300)), 0o600); err != nil {
		t.Fatal(err)
	}
	base, logs, stop := startServe(t, map[string]string{"DATA_DIR": data, "RATE_LIMIT": "0"})
	defer stop()

	resp, body := askKetamineDuration(t, base)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"answered":true`) {
		t.Errorf("with a corrupt store, POST /v1/messages = %d %s", resp.StatusCode, body)
	}
	resp, body = httpGetBody(t, base+"/readyz")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "warnings") || !strings.Contains(string(body), "not a readable SQLite database") {
		t.Errorf("/readyz with a corrupt store = %d %s, want ready with the store's problem", resp.StatusCode, body)
	}
	if !strings.Contains(logs.String(), "not a readable SQLite database") {
		t.Errorf("the log does not say why the store fails:\n%s", logs)
	}
	if strings.Contains(logs.String(), "ketamine infusion take") {
		t.Errorf("the log holds message text")
	}
}

func TestServeReviewOverHTTP(t *testing.T) {
	data := t.TempDir()
	base, _, stop := startServe(t, map[string]string{"DATA_DIR": data, "API_TOKEN": testToken, "RATE_LIMIT": "0"})
	defer stop()
	call := func(method, path, token, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	const question = `{"user":"p1","text":"Does the clinic do MRI scans before the infusion?"}`
	const passage = "lidocaine-and-ketamine#how-to-prepare-for-infusion-therapy/55"
	if code, body := call("POST", "/v1/messages", testToken, question); code != 200 || strings.Contains(body, `"answered":true`) {
		t.Fatalf("before linking: %d %s", code, body)
	}
	call("POST", "/v1/messages", testToken, `{"user":"p2","text":"Can I chew gum on the way to the infusion?"}`)

	if code, _ := call("GET", "/admin/review", "", ""); code != 401 {
		t.Errorf("GET /admin/review without the token: %d, want 401", code)
	}
	code, body := call("GET", "/admin/review", testToken, "")
	var list reviewJSON
	if err := json.Unmarshal([]byte(body), &list); code != 200 || err != nil || len(list.Groups) != 2 {
		t.Fatalf("GET /admin/review: %d %s", code, body)
	}
	var drive, lobby string
	for _, g := range list.Groups {
		if strings.Contains(g.Text, "MRI") {
			drive = g.ID
		} else {
			lobby = g.ID
		}
	}
	if code, body := call("POST", "/admin/review/link", testToken, `{"group":"`+drive+`","passage":"no-such#passage/1"}`); code != 404 {
		t.Errorf("link to an unknown passage: %d %s", code, body)
	}
	if code, body := call("POST", "/admin/review/link", testToken, `{"group":"`+drive+`","passage":"`+passage+`"}`); code != 200 || !strings.Contains(body, "linked") {
		t.Fatalf("link: %d %s", code, body)
	}
	// Answered at once: the link reloaded the knowledge.
	if code, body := call("POST", "/v1/messages", testToken, question); code != 200 || !strings.Contains(body, `"answered":true`) || !strings.Contains(body, "medical history") {
		t.Errorf("after linking over HTTP: %d %s", code, body)
	}
	if code, body := call("POST", "/admin/review/dismiss", testToken, `{"group":"`+lobby+`"}`); code != 400 {
		t.Errorf("dismiss without a reason: %d %s", code, body)
	}
	if code, body := call("POST", "/admin/review/dismiss", testToken, `{"group":"`+lobby+`","reason":"front desk"}`); code != 200 {
		t.Errorf("dismiss: %d %s", code, body)
	}
	if code, body := call("GET", "/admin/review", testToken, ""); code != 200 || strings.TrimSpace(body) != `{"groups":[]}` {
		t.Errorf("after link and dismiss, GET /admin/review: %d %s", code, body)
	}
	code, body = call("GET", "/admin/review/summary", testToken, "")
	if code != 200 || !strings.Contains(body, `"questions":3`) || !strings.Contains(body, `"unanswered":2`) {
		t.Errorf("summary: %d %s", code, body)
	}
}

func TestServeMetricsShowTheStore(t *testing.T) {
	data := t.TempDir()
	base, logs, stop := startServe(t, map[string]string{"DATA_DIR": data, "RATE_LIMIT": "0", "METRICS_ADDR": "127.0.0.1:0"})
	defer stop()
	// One question answered, one the articles don't cover (they do say to
	// plan a ride home, so "can I drive myself home?" is answered), one handoff.
	for _, q := range []string{"How long does a ketamine infusion take?", "Can I wear my smartwatch during the infusion?", "human"} {
		resp, err := http.Post(base+"/v1/messages", "application/json", strings.NewReader(`{"user":"p1","text":"`+q+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	resp, err := http.Get(metricsURL(t, logs.String()))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		"infusionbot_store_questions 2", "infusionbot_store_unanswered 1", "infusionbot_store_unanswered_ratio 0.5",
		`infusionbot_store_ratings{kind="not_helpful"} 0`, "infusionbot_store_open_review 1", "infusionbot_store_open_tickets 0", "infusionbot_store_up 1",
		"infusionbot_store_handoffs 1",
	} {
		if !strings.Contains(string(body), want+"\n") {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestServeAnswersOnAReadOnlyDisk mounts a data directory read-only in a
// mount namespace of its own (unshare, as root; skipped elsewhere) and
// runs the server on it in a child process.
func TestServeAnswersOnAReadOnlyDisk(t *testing.T) {
	if dir := os.Getenv("INFUSIONBOT_TEST_READONLY_DIR"); dir != "" {
		serveOnReadOnlyDisk(t, dir)
		return
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and unshare(1) to mount a read-only folder")
	}
	src, dst := t.TempDir(), t.TempDir()
	// A store with data, made while the disk was writable.
	if _, errOut, err := cliRun(t, `{"user":"a","text":"Can I drive myself home afterwards?"}`+"\n", "ask", "--json", "--data", src); err != nil {
		t.Fatalf("ask: %v\n%s", err, errOut)
	}
	cmd := exec.Command(unshare, "-m", "sh", "-c", `mount --bind -o ro "$1" "$2" && exec "$3" -test.run='^TestServeAnswersOnAReadOnlyDisk$' -test.v`,
		"sh", src, dst, os.Args[0])
	cmd.Env = append(os.Environ(), "INFUSIONBOT_TEST_READONLY_DIR="+dst)
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "mount:") && err != nil {
		t.Skipf("cannot mount here: %s", out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Errorf("on a read-only disk (%v):\n%s", err, out)
	}
	t.Logf("child:\n%s", out)
}

func serveOnReadOnlyDisk(t *testing.T, data string) {
	if f, err := os.Create(filepath.Join(data, "probe")); err == nil {
		f.Close()
		t.Fatalf("%s is writable: the mount did not take", data)
	}
	base, logs, stop := startServe(t, map[string]string{"DATA_DIR": data, "RATE_LIMIT": "0"})
	defer stop()
	resp, body := askKetamineDuration(t, base)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"answered":true`) {
		t.Errorf("on a read-only disk, POST /v1/messages = %d %s", resp.StatusCode, body)
	}
	resp, body = httpGetBody(t, base+"/readyz")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "read-only") {
		t.Errorf("/readyz on a read-only disk = %d %s, want ready with the store's problem", resp.StatusCode, body)
	}
	t.Logf("/readyz: %s", body)
	if !strings.Contains(logs.String(), "read-only") {
		t.Errorf("the log does not say why the store fails:\n%s", logs)
	}
}

func TestServeCheckReportsTheStore(t *testing.T) {
	data := t.TempDir()
	check := func(env map[string]string) (string, error) {
		var out strings.Builder
		err := run(t.Context(), []string{"serve", "--check"}, envOf(env), strings.NewReader(""), &out, io.Discard)
		return out.String(), err
	}
	out, err := check(map[string]string{"DATA_DIR": data, "RETENTION": "14d"})
	if err != nil || !strings.Contains(out, "ok    store: data directory "+data+", question text kept (identifiers removed), retention 14 days") {
		t.Errorf("serve --check (%v):\n%s", err, out)
	}
	out, err = check(map[string]string{"DATA_DIR": data, "STORE_TEXT": "maybe"})
	if err == nil || !strings.Contains(out, "FAIL  store") || !strings.Contains(out, "STORE_TEXT") {
		t.Errorf("serve --check with a bad STORE_TEXT (%v):\n%s", err, out)
	}
}

// askKetamineDuration posts a question the articles answer to the API.
func askKetamineDuration(t *testing.T, base string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(base+"/v1/messages", "application/json", strings.NewReader(`{"user":"p1","text":"How long does a ketamine infusion take?"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, body
}

// httpGetBody GETs url and returns the response with its whole body.
func httpGetBody(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, body
}
