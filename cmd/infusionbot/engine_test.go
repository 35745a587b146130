package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

const reloadArticle = `---
title: Clinic Notes
source: Test Clinic
---

# Clinic Notes

## Parking

Free parking for infusion patients is behind the building, next to the pharmacy.
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
