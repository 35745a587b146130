package main

import (
	"io"
	"net/http"
	"os"
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

	resp, err := http.Post(base+"/v1/messages", "application/json", strings.NewReader(`{"user":"p1","text":"How long does a ketamine infusion take?"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"answered":true`) {
		t.Errorf("with a corrupt store, POST /v1/messages = %d %s", resp.StatusCode, body)
	}
	resp, err = http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
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
