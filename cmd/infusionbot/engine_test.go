package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/httpapi"
)

const reloadArticle = `---
title: Clinic Notes
source: Test Clinic
---

# Clinic Notes

## Parking

Free parking for infusion patients is behind the building, next to the pharmacy.
`

const durationArticle = `---
title: Infusion Notes
source: Test Clinic
---

# Infusion Notes

## Ketamine

A ketamine infusion usually lasts about 40 minutes, with an hour of rest after it.
`

func askEngine(t *testing.T, e *engine, text string) bot.Reply {
	t.Helper()
	r, err := e.Handler().Handle(context.Background(), bot.Message{Platform: "cli", Conversation: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReloadSwapsKnowledgeAndKeepsTheOldOnError edits a clinic's article
// folder under a running engine: a good edit is answered from at once, a
// broken one is reported as path:line and the previous articles keep serving.
func TestReloadSwapsKnowledgeAndKeepsTheOldOnError(t *testing.T) {
	// The clinic's folder: the shipped articles and a note of its own.
	dir := t.TempDir()
	shipped, err := filepath.Glob("../../knowledge/articles/*.md")
	if err != nil || len(shipped) == 0 {
		t.Fatalf("shipped articles not found: %v", err)
	}
	for _, f := range shipped {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(path, []byte(reloadArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := openEngine(context.Background(), engineConfig{KnowledgeDir: dir, IndexDir: filepath.Join(dir, ".index")})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if r := askEngine(t, e, "where is the parking for infusion patients?"); !r.Answered || !strings.HasPrefix(r.Citations[0].ID, "notes#") {
		t.Fatalf("not answered from the clinic's folder:\n%s", r.Text())
	}

	edited := strings.Replace(reloadArticle, "## Parking", "## Wheelchairs\n\nWheelchairs for infusion patients wait at the pharmacy entrance.\n\n## Parking", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := e.Reload(context.Background()); err != nil {
		t.Fatalf("reload of a good edit: %v", err)
	}
	if r := askEngine(t, e, "where are wheelchairs for infusion patients?"); !r.Answered || !strings.Contains(r.Citations[0].Snippet, "Wheelchairs") {
		t.Fatalf("reloaded article not answered from:\n%s", r.Text())
	}

	broken := edited + "\n| a | b |\n|---|---|\n| only one cell |\n"
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	err = e.Reload(context.Background())
	if err == nil || !strings.Contains(err.Error(), "notes.md:") {
		t.Fatalf("reload of a broken article: error %v, want one naming notes.md:line", err)
	}
	if r := askEngine(t, e, "where are wheelchairs for infusion patients?"); !r.Answered {
		t.Fatalf("the previous knowledge stopped serving after a failed reload:\n%s", r.Text())
	}
}

// A reload with the articles unchanged must not open the persistent index
// the engine already holds (its lock would wait on this very process); the
// index a reload replaces is released at once when no message is using it.
func TestReloadOfAnUnchangedPersistentIndex(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte(durationArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := openEngine(context.Background(), engineConfig{KnowledgeDir: dir, IndexDir: filepath.Join(dir, ".index")})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	first := e.Index()
	done := make(chan error, 1)
	go func() { done <- e.Reload(context.Background()) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("reload with the articles unchanged: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("reload with the articles unchanged still waiting after 30 s")
	}
	if r := askEngine(t, e, "how long does a ketamine infusion last?"); !r.Answered {
		t.Fatalf("not answered after the reload:\n%s", r.Text())
	}
	if first.Released() {
		t.Error("the files the new index shares were closed with the old index")
	}

	edited := durationArticle + "\n## Lidocaine\n\nA lidocaine infusion usually lasts about an hour.\n"
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	second := e.Index()
	if err := e.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !second.Released() || !first.Released() {
		t.Errorf("the replaced index is still open after a reload with no message in flight")
	}
	if r := askEngine(t, e, "how long does a ketamine infusion last?"); !r.Answered {
		t.Fatalf("not answered after the second reload:\n%s", r.Text())
	}
}

// A broken article makes /admin/reload answer 422 with the article's
// problem, as documented, through the engine's real error.
func TestAdminReloadOfABrokenArticleIs422(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(path, []byte(durationArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := openEngine(context.Background(), engineConfig{KnowledgeDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if err := os.WriteFile(path, []byte(durationArticle+"\n| a | b |\n|---|---|\n| only one cell |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	api := httpapi.New(httpapi.Config{Handler: e.Handler(), Token: testToken, Reloader: e})
	r := httptest.NewRequest(http.MethodPost, "/admin/reload", nil)
	r.Header.Set("Authorization", "Bearer "+testToken)
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, r)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "notes.md:") {
		t.Fatalf("reload of a broken article: %d %s, want 422 naming notes.md:line", rec.Code, rec.Body)
	}
}
