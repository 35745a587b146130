package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// cliWriteFiles writes files (slash paths relative to dir) into dir.
func cliWriteFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var cliIndexReady = regexp.MustCompile(`^index ready at (.+): (\d+) documents, (\d+) passages \((.+)\)\n$`)

// cliIndex runs `index` with args and returns the index's path and counts.
func cliIndex(t *testing.T, args ...string) (path string, docs, passages int) {
	t.Helper()
	out, stderr, err := cliRun(t, "", append([]string{"index"}, args...)...)
	if err != nil {
		t.Fatalf("index %q: %v (stderr %q)", args, err, stderr)
	}
	m := cliIndexReady.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("index printed %q, want one line \"index ready at PATH: N documents, M passages (TIME)\"", out)
	}
	docs, _ = strconv.Atoi(m[2])
	passages, _ = strconv.Atoi(m[3])
	return m[1], docs, passages
}

// TestIndexBuildAndReuse: `index --index DIR` builds into DIR and says how
// many passages; a second run reuses the same folder instead of
// rebuilding; other commands answer from it; other knowledge gets its own.
func TestIndexBuildAndReuse(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "idx") // not there yet: index makes it
	path, docs, passages := cliIndex(t, "--index", dir)
	if filepath.Dir(path) != dir {
		t.Errorf("index at %s, want inside %s", path, dir)
	}
	if docs != 5 || passages < 20 {
		t.Errorf("%d documents, %d passages; want the 5 articles cut into passages", docs, passages)
	}
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		t.Fatalf("index folder %s: %v", path, err)
	}
	// A rebuild would replace the folder and lose this file.
	marker := filepath.Join(path, "cli-test-marker")
	if err := os.WriteFile(marker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	path2, docs2, passages2 := cliIndex(t, "--index", dir)
	if path2 != path || docs2 != docs || passages2 != passages {
		t.Errorf("second run: %s, %d, %d; want the same %s, %d, %d", path2, docs2, passages2, path, docs, passages)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Errorf("second run rebuilt the index instead of reusing it: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("index folder holds %q, want only %s", names, filepath.Base(path))
	}

	// ask and search answer from the persistent index as from a fresh one.
	out, _, err := cliRun(t, cliLine("u", "What are lidocaine infusions?")+"\n", "ask", "--index", dir, "--json")
	if err != nil {
		t.Fatal(err)
	}
	cliCheckGrounded(t, cliDecodeReply(t, strings.TrimSpace(out)), cliArticles(t, cliEmbeddedArticles))
	const q = "ketamine side effects"
	onDisk, _, err1 := cliRun(t, "", "search", "--json", "--index", dir, q)
	inMem, _, err2 := cliRun(t, "", "search", "--json", q)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	a, b := cliDecodeSearch(t, strings.TrimSpace(onDisk)), cliDecodeSearch(t, strings.TrimSpace(inMem))
	if len(a.Hits) == 0 || len(a.Hits) != len(b.Hits) {
		t.Fatalf("persistent index: %d hits, in memory %d", len(a.Hits), len(b.Hits))
	}
	// Passages of equal score may come in any order here (TestSearchRankingStable
	// holds the order): compare the hits with their scores as sets.
	if ka, kb := cliHitSet(a), cliHitSet(b); ka != kb {
		t.Errorf("persistent index ranks\n%s\nin memory\n%s", ka, kb)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Errorf("ask or search rebuilt the index: %v", err)
	}

	// Other knowledge is indexed beside it and replaces it.
	kb := t.TempDir()
	cliWriteFiles(t, kb, map[string]string{"magnesium-notes.md": cliMagnesium})
	path3, docs3, _ := cliIndex(t, "--knowledge", kb, "--index", dir)
	if path3 == path || filepath.Dir(path3) != dir || docs3 != 1 {
		t.Errorf("other knowledge: index at %s with %d documents, want a new folder in %s with 1", path3, docs3, dir)
	}

	if _, stderr, err := cliRun(t, "", "index"); !errors.Is(err, errUsageShown) || !strings.Contains(stderr, "--index") {
		t.Errorf("index without --index: %v, %q; want the usage error", err, stderr)
	}
}

const cliMagnesium = `---
title: Magnesium Infusions at Our Clinic
source: test clinic handout
reviewed: 2026-01-15
---

# Magnesium Infusions at Our Clinic

## How Long Does a Magnesium Infusion Take?

A magnesium infusion at our clinic usually takes about 45 minutes and is given through a small cannula in the forearm.

## Side Effects of Magnesium Infusions

- Some patients feel a brief warm flushing of the face during a magnesium infusion.
- A few notice a metallic taste that fades within the hour.
`

// TestCustomKnowledge: --knowledge DIR answers from that folder's articles
// only, citing them by their path in it; README and "_" drafts are never
// quoted.
func TestCustomKnowledge(t *testing.T) {
	t.Parallel()
	kb := t.TempDir()
	cliWriteFiles(t, kb, map[string]string{
		"magnesium-notes.md": cliMagnesium,
		"handouts/after-your-visit.md": `---
title: After Your Magnesium Infusion
source: test clinic handout
---

## Drinking Water After a Magnesium Infusion

Drink several glasses of water during the rest of the day after a magnesium infusion, so your kidneys can clear the extra magnesium.
`,
		"README.md":           "# Notes for staff\n\nA zebra infusion takes exactly 99 minutes.\n",
		"_draft-zebra.md":     "---\ntitle: Zebra Infusions\n---\n\n## How Long Does a Zebra Infusion Take?\n\nA zebra infusion takes exactly 77 minutes.\n",
		".hidden/zebra.md":    "---\ntitle: Zebra Infusions\n---\n\n## How Long Does a Zebra Infusion Take?\n\nA zebra infusion takes exactly 55 minutes.\n",
		"notes/_old/zebra.md": "---\ntitle: Zebra Infusions\n---\n\n## How Long Does a Zebra Infusion Take?\n\nA zebra infusion takes exactly 33 minutes.\n",
	})
	articles := cliArticles(t, kb)
	tests := []struct {
		text  string
		cites string // "" means not answered; else a citation id starts with it and ...
		quote string // ... a cited snippet holds this
	}{
		{"How long does a magnesium infusion take?", "magnesium-notes#", "45 minutes"},
		{"What are the side effects of magnesium infusions?", "magnesium-notes#", "flushing"},
		{"Should I drink water after my magnesium infusion?", "handouts/after-your-visit#", "glasses of water"},
		{"What are lidocaine infusions?", "", ""},
		{"How long does a zebra infusion take?", "", ""},
	}
	var in strings.Builder
	for i, tc := range tests {
		in.WriteString(cliLine("u"+strconv.Itoa(i), tc.text) + "\n")
	}
	in.WriteString(cliLine("s", "/sources") + "\n")
	out, stderr, err := cliRun(t, in.String(), "ask", "--knowledge", kb, "--json")
	if err != nil {
		t.Fatalf("ask --knowledge: %v (stderr %q)", err, stderr)
	}
	lines := cliLines(t, out)
	if len(lines) != len(tests)+1 {
		t.Fatalf("%d output lines for %d input lines:\n%s", len(lines), len(tests)+1, out)
	}
	for i, tc := range tests {
		r := cliDecodeReply(t, lines[i])
		for _, n := range []string{"99", "77", "55", "33"} {
			if strings.Contains(r.Text, n+" minutes") {
				t.Errorf("%q: quotes a README or draft: %q", tc.text, r.Text)
			}
		}
		if tc.cites == "" {
			if r.Answered || len(r.Citations) != 0 {
				t.Errorf("%q: answered from %+v; the folder has no article on it", tc.text, r.Citations)
			}
			continue
		}
		cliCheckGrounded(t, r, articles)
		found := false
		for _, c := range r.Citations {
			found = found || strings.HasPrefix(c.ID, tc.cites) && strings.Contains(c.Snippet, tc.quote)
		}
		if !found {
			t.Errorf("%q: no citation of %s... quoting %q: %+v", tc.text, tc.cites, tc.quote, r.Citations)
		}
	}
	src := cliDecodeReply(t, lines[len(tests)])
	for _, title := range []string{"Magnesium Infusions at Our Clinic", "After Your Magnesium Infusion"} {
		if !strings.Contains(src.Text, title) {
			t.Errorf("/sources does not list %q: %q", title, src.Text)
		}
	}
	if strings.Contains(src.Text, "Zebra") || strings.Contains(src.Text, "Lidocaine") {
		t.Errorf("/sources lists articles not in the folder: %q", src.Text)
	}
}

// TestBrokenKnowledge: a broken article stops every command that loads the
// knowledge with an error naming the file and line, as "path:line:".
func TestBrokenKnowledge(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		want  []string // the error holds each of these
	}{
		{
			name: "table row with a cell too many",
			files: map[string]string{"good.md": cliMagnesium, "table.md": `---
title: Session Times
---

## Session Times

| Infusion | Time |
|---|---|
| Lidocaine | 30–60 minutes |
| Ketamine | 1–4 hours | extra |
`},
			want: []string{"table.md:10:", "table row"},
		},
		{
			name:  "unterminated front matter",
			files: map[string]string{"good.md": cliMagnesium, "open.md": "---\ntitle: Open\nsource: x\n\n## Heading\n\nSome text about infusions that is long enough.\n"},
			want:  []string{"open.md:1:", "front matter"},
		},
		{
			name:  "misspelt front matter key in a subfolder",
			files: map[string]string{"good.md": cliMagnesium, "sub/typo.md": "---\ntitle: Typo\nreviewd: 2025-01-01\n---\n\n## Heading\n\nSome text about infusions.\n"},
			want:  []string{"sub/typo.md:3:", "reviewd"},
		},
		{
			name: "two broken files, both reported",
			files: map[string]string{
				"a.md": "---\ntitle: A\n\nText.\n",
				"b.md": "---\ntitle: B\n---\n\n## H\n\n| x | y |\n|---|---|\n| 1 |\n",
			},
			want: []string{"a.md:1:", "b.md:9:"},
		},
		{
			name:  "no articles",
			files: map[string]string{"README.md": "# nothing here\n\nJust notes.\n"},
			want:  nil, // any error
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			kb := t.TempDir()
			cliWriteFiles(t, kb, tc.files)
			for _, args := range [][]string{
				{"ask", "--knowledge", kb, "--json"},
				{"ask", "--knowledge", kb, "What are lidocaine infusions?"},
				{"index", "--knowledge", kb, "--index", t.TempDir()},
				{"search", "--knowledge", kb, "lidocaine"},
				{"repl", "--knowledge", kb},
			} {
				out, _, err := cliRun(t, cliLine("u", "What are lidocaine infusions?")+"\n", args...)
				if err == nil {
					t.Errorf("%s: no error, printed %q", args[0], out)
					continue
				}
				if errors.Is(err, errUsageShown) {
					t.Errorf("%s: %v, a usage error: the problem would not be printed", args[0], err)
				}
				for _, w := range tc.want {
					if !strings.Contains(filepath.ToSlash(err.Error()), w) {
						t.Errorf("%s: error %q does not mention %q", args[0], err, w)
					}
				}
				if out != "" {
					t.Errorf("%s: printed %q despite the error", args[0], out)
				}
			}
		})
	}
	if _, _, err := cliRun(t, "", "ask", "--knowledge", filepath.Join(t.TempDir(), "missing"), "hi"); err == nil {
		t.Errorf("ask --knowledge on a missing folder: no error")
	}
}
