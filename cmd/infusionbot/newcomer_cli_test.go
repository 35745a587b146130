package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeArticles makes a knowledge folder from path -> content.
func writeArticles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const ironArticle = "---\ntitle: IV Iron Infusions\nsource: Example Clinic\n---\n# IV Iron Infusions\n\n## Who Needs Iron Infusions\n\nIron infusions treat iron deficiency anemia when iron tablets do not work or cannot be absorbed.\n"

// searchIDs runs `search --json` and returns the passage ids ranked.
func searchIDs(t *testing.T, args ...string) []string {
	t.Helper()
	out, stderr, err := cliRun(t, "", append([]string{"search", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("search: %v (%s)", err, stderr)
	}
	var ids []string
	for _, line := range cliLines(t, out) {
		var v struct {
			Hits []struct {
				ID string `json:"id"`
			} `json:"hits"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		for _, h := range v.Hits {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

// TestAddKnowledgeKeepsTheBuiltInArticles: a clinic adding one article of
// its own gets answers from it and from the five built-in ones, while
// --knowledge replaces them (and says so in its help).
func TestAddKnowledgeKeepsTheBuiltInArticles(t *testing.T) {
	dir := writeArticles(t, map[string]string{"iron.md": ironArticle})

	out, _, err := cliRun(t, "", "ask", "--add-knowledge", dir, "who needs iron infusions?")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "iron deficiency anemia") {
		t.Errorf("the added article was not answered from:\n%s", out)
	}
	out, _, err = cliRun(t, "", "ask", "--add-knowledge", dir, "how long does a ketamine infusion take?")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Sources:") {
		t.Errorf("with an added folder the built-in articles no longer answer:\n%s", out)
	}

	out, _, err = cliRun(t, "", "ask", "--knowledge", dir, "how long does a ketamine infusion take?")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "Sources:") {
		t.Errorf("--knowledge should replace the built-in articles, yet ketamine was answered:\n%s", out)
	}
	_, stderr, _ := cliRun(t, "", "ask", "--help")
	if !strings.Contains(stderr, "INSTEAD OF the built-in") || !strings.Contains(stderr, "IN ADDITION TO the built-in") {
		t.Errorf("ask --help does not say which flag replaces and which adds:\n%s", stderr)
	}
	if _, _, err := cliRun(t, "", "ask", "--knowledge", dir, "--add-knowledge", dir, "hi"); err == nil {
		t.Error("--knowledge and --add-knowledge together were accepted")
	}
	clash := writeArticles(t, map[string]string{"lidocaine-and-ketamine.md": ironArticle})
	if _, _, err := cliRun(t, "", "ask", "--add-knowledge", clash, "hi"); err == nil || !strings.Contains(err.Error(), "lidocaine-and-ketamine") {
		t.Errorf("an added article with a built-in article's path gave %v, want an error naming it", err)
	}
}

// TestKnowledgeFolderWarnings: drafts and files that are not articles are
// left out with a warning naming each, and a folder that does not exist is
// named in the error.
func TestKnowledgeFolderWarnings(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"iron.md":       ironArticle,
		"drafts/nad.md": "---\ntitle: NAD\n---\nNAD infusions are unreviewed here.\n",
		"pending.md":    "---\ntitle: Pending\ndraft: true\n---\nPending review.\n",
		"leaflet.pdf":   "%PDF-1.4",
	})
	_, stderr, err := cliRun(t, "", "ask", "--knowledge", dir, "who needs iron infusions?")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"skipped drafts/: drafts folder", "skipped pending.md: draft", "skipped leaflet.pdf: not an article (.pdf"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, id := range searchIDs(t, "--knowledge", dir, "-k", "50", "nad infusions unreviewed pending review") {
		if strings.HasPrefix(id, "drafts/") || strings.HasPrefix(id, "pending") {
			t.Errorf("a draft was searched: %s", id)
		}
	}

	missing := filepath.Join(t.TempDir(), "nope")
	_, _, err = cliRun(t, "", "ask", "--knowledge", missing, "hi")
	if err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "no such folder") {
		t.Errorf("--knowledge %s gave %v, want an error naming the folder", missing, err)
	}
}

// TestFlagsAfterTheQuery: `search "how long" -k 1` shows one passage, as
// written, instead of searching for "how long -k 1".
func TestFlagsAfterTheQuery(t *testing.T) {
	if got := searchIDs(t, "how long does a session take", "-k", "1"); len(got) != 1 {
		t.Errorf("search QUERY -k 1 gave %d passages, want 1", len(got))
	}
	out, _, err := cliRun(t, "", "ask", "--", "-what is ketamine")
	if err != nil || out == "" {
		t.Errorf("ask -- \"-what...\" failed: %v", err)
	}
}

// TestHelpExitsZeroEverywhere: asking for help is not a mistake, for any
// subcommand.
func TestHelpExitsZeroEverywhere(t *testing.T) {
	for _, cmd := range []string{"repl", "ask", "search", "index", "eval", "serve", "train"} {
		_, stderr, err := cliRun(t, "", cmd, "--help")
		if err != nil {
			t.Errorf("%s --help: %v, want success", cmd, err)
		}
		if !strings.Contains(stderr, "-knowledge") {
			t.Errorf("%s --help printed no flags:\n%s", cmd, stderr)
		}
		if code := exitCode(errHelpShown); code != 0 {
			t.Errorf("exit code %d for help", code)
		}
	}
	if _, _, err := cliRun(t, "", "ask", "--nope", "hi"); err == nil || exitCode(err) != 2 {
		t.Errorf("an unknown flag gave %v, want a usage error (exit 2)", err)
	}
}
