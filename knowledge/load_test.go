package knowledge_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/infusionbot/infusionbot/knowledge"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestLoadText(t *testing.T) {
	fsys := fstest.MapFS{"faq.txt": file(`Infusion Basics
Infusion therapy delivers medication into a vein.
How Long Does a Session Take?
A session usually lasts 1–4 hours.
Key takeaways
- Bring a list of your medications.
Some common options include:
- Lidocaine.
Short line without a full stop
`)}
	docs, err := knowledge.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if d.Path != "faq" || d.Title != "Infusion Basics" {
		t.Errorf("path %q title %q", d.Path, d.Title)
	}
	type sec struct {
		heading string
		level   int
		blocks  []string
	}
	want := []sec{
		{"Infusion Basics", 1, []string{"Infusion therapy delivers medication into a vein."}},
		{"How Long Does a Session Take?", 2, []string{"A session usually lasts 1–4 hours."}},
		{"Key takeaways", 2, []string{"- Bring a list of your medications.", "Some common options include:", "- Lidocaine."}},
		{"Short line without a full stop", 2, nil},
	}
	var got []sec
	for _, s := range d.Sections {
		g := sec{heading: s.Heading, level: s.Level}
		for _, b := range s.Blocks {
			text := b.Text
			if b.Kind == knowledge.ListItem {
				text = "- " + text
			}
			g.blocks = append(g.blocks, text)
		}
		got = append(got, g)
	}
	if len(got) != len(want) {
		t.Fatalf("sections\n got %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i].heading != want[i].heading || got[i].level != want[i].level || !slices.Equal(got[i].blocks, want[i].blocks) {
			t.Errorf("section %d\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestLoadMarkdown(t *testing.T) {
	fsys := fstest.MapFS{"care/after.md": file("\ufeff---\r\n" +
		"title: \"After: your infusion\"\r\n" +
		"source: clinic\r\n" +
		"# a note for editors\r\n" +
		"published: ''\r\n" +
		"---\r\n" +
		"Rest today.\r\n" +
		"\r\n" +
		"## Patient’s Checklist ##\r\n" +
		"1. Drink water.\r\n" +
		"* Eat a light meal.\r\n" +
		"\r\n" +
		"<!-- reviewer: check with Dr. K\r\n" +
		"before publishing -->\r\n" +
		"### Driving\r\n" +
		"Do not drive.\r\n" +
		"\r\n" +
		"---\r\n" +
		"## Driving\r\n" +
		"| Drug | Wait \\| hours |\r\n" +
		"| :-- | --: |\r\n" +
		"| Ketamine | 24 |\r\n")}
	docs, err := knowledge.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if d.Path != "care/after" || d.Title != "After: your infusion" || d.Source != "clinic" || d.Published != "" {
		t.Errorf("document %+v", d)
	}
	type sec struct {
		heading, anchor string
		level           int
		parents         []string
		blocks          []string
		line            int
	}
	want := []sec{
		{"After: your infusion", "after-your-infusion", 1, nil, []string{"Rest today."}, 2},
		{"Patient’s Checklist", "patients-checklist", 2, nil, []string{"Drink water.", "Eat a light meal."}, 9},
		{"Driving", "driving", 3, []string{"Patient’s Checklist"}, []string{"Do not drive."}, 15},
		{"Driving", "driving-2", 2, nil, []string{"Ketamine | 24"}, 19},
	}
	if len(d.Sections) != len(want) {
		t.Fatalf("%d sections, want %d: %+v", len(d.Sections), len(want), d.Sections)
	}
	for i, s := range d.Sections {
		var blocks []string
		for _, b := range s.Blocks {
			blocks = append(blocks, b.Text)
		}
		g := sec{s.Heading, s.Anchor, s.Level, s.Parents, blocks, s.Line}
		w := want[i]
		if g.heading != w.heading || g.anchor != w.anchor || g.level != w.level || g.line != w.line ||
			!slices.Equal(g.parents, w.parents) || !slices.Equal(g.blocks, w.blocks) {
			t.Errorf("section %d\n got %+v\nwant %+v", i, g, w)
		}
	}
	row := d.Sections[3].Blocks[0]
	if !slices.Equal(row.Header, []string{"Drug", "Wait | hours"}) || row.Line != 22 {
		t.Errorf("table row %+v", row)
	}
}

func TestLoadSkipsNonArticles(t *testing.T) {
	article := file("---\ntitle: T\n---\nText.\n")
	fsys := fstest.MapFS{
		"README.md":         file("# How to edit\nNot for patients.\n"),
		"sub/readme.txt":    file("Not for patients.\n"),
		"_template.md":      article,
		".draft.md":         article,
		"_drafts/new.md":    article,
		".git/x.md":         article,
		"notes.html":        file("<p>x</p>"),
		"a-b.md":            article,
		"a/b.md":            article,
		"z.txt":             file("Zed\nText.\n"),
		"sub/deeper/one.md": article,
	}
	docs, err := knowledge.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Path)
	}
	if want := []string{"a-b", "a/b", "sub/deeper/one", "z"}; !slices.Equal(paths, want) {
		t.Errorf("paths %q, want %q", paths, want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"front matter not closed",
			map[string]string{"a.md": "---\ntitle: A\nText.\n"},
			[]string{`a.md:1: front matter is not closed: add a "---" line after it`}},
		{"front matter line without colon",
			map[string]string{"a.md": "---\ntitle: A\nreviewed 2026-11-23\n---\nText.\n"},
			[]string{`a.md:3: front matter line has no colon, want "key: value": "reviewed 2026-11-23"`}},
		{"empty title",
			map[string]string{"a.md": "---\ntitle: \"\"\n---\nText.\n"},
			[]string{"a.md:2: empty title"}},
		{"no title in front matter",
			map[string]string{"a.md": "---\nsource: blog\n---\n# Heading\nText.\n"},
			[]string{`a.md:1: front matter has no "title:" line`}},
		{"no title at all",
			map[string]string{"a.md": "## Heading\nText.\n"},
			[]string{`a.md:1: no title: start the file with front matter holding "title: ..." or with a "# " heading`}},
		{"misspelt key and bad date",
			map[string]string{"a.md": "---\ntitle: A\nreviewd: 2026-11-23\npublished: 30/01/2025\n---\nText.\n"},
			[]string{
				`a.md:3: unknown front matter key "reviewd" (want title, source, published, reviewed or draft)`,
				`a.md:4: published: "30/01/2025" is not a date like 2025-01-30`,
			}},
		{"repeated key",
			map[string]string{"a.md": "---\ntitle: A\ntitle: B\n---\nText.\n"},
			[]string{`a.md:3: front matter key "title" repeated (first on line 2)`}},
		{"table row with a missing cell",
			map[string]string{"a.md": "# A\n| x | y | z |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 |\n"},
			[]string{"a.md:5: table row has 2 cells, the header has 3"}},
		{"table separator with a missing cell",
			map[string]string{"a.md": "# A\nx | y | z\n---|---\n1 | 2 | 3\n"},
			[]string{"a.md:3: table separator has 2 cells, the header has 3"}},
		{"not UTF-8",
			map[string]string{"a.md": "# A\nFine.\nCaf\xe9 latte.\n"},
			[]string{"a.md:3: not valid UTF-8 text; save the file as UTF-8"}},
		{"no text",
			map[string]string{"a.md": "---\ntitle: A\n---\n# A\n## B\n"},
			[]string{"a.md:1: no text: the article has no paragraphs, list items or table rows"}},
		{"empty file",
			map[string]string{"a.txt": ""},
			[]string{
				`a.txt:1: no title: start the file with front matter holding "title: ..." or with a "# " heading`,
				"a.txt:1: no text: the article has no paragraphs, list items or table rows",
			}},
		{"text file starting with prose",
			map[string]string{"a.txt": "Infusions help many patients with pain.\nMore text.\n"},
			[]string{`a.txt:1: the first line is not a title (too long, or ends like a sentence): start the file with front matter holding "title: ..."`}},
		{"empty heading",
			map[string]string{"a.md": "# A\n##\nText.\n"},
			[]string{"a.md:2: empty heading"}},
		{"comment not closed",
			map[string]string{"a.md": "# A\nText.\n<!-- draft\nmore\n"},
			[]string{`a.md:3: comment is not closed: add "-->"`}},
		{"two files, one document path",
			map[string]string{"a.md": "# A\nText.\n", "a.txt": "A\nText.\n"},
			[]string{`a.txt:1: same document path "a" as a.md; rename one of them`}},
		{"every problem in every file at once",
			map[string]string{
				"a.md":  "---\ntitle:\n---\nText.\n",
				"ok.md": "# OK\nText.\n",
				"z.md":  "# Z\na | b\n--|--\n1 | 2 | 3\n",
			},
			[]string{"a.md:2: empty title", "z.md:4: table row has 3 cells, the header has 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range tt.files {
				fsys[name] = file(text)
			}
			_, err := knowledge.Load(fsys)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, tt.want) {
				t.Errorf("errors\n got %q\nwant %q", got, tt.want)
			}
			var pe *knowledge.ParseError
			if !errors.As(err, &pe) {
				t.Errorf("%v is not a *ParseError", err)
			}
		})
	}
}

// TestLoadReturnsGoodDocuments checks that one broken article does not hide
// the others from a caller that chooses to report and go on.
func TestLoadReturnsGoodDocuments(t *testing.T) {
	docs, err := knowledge.Load(fstest.MapFS{"bad.md": file("Text.\n"), "good.md": file("# Good\nText.\n")})
	if err == nil || len(docs) != 1 || docs[0].Path != "good" {
		t.Errorf("docs %+v, err %v", docs, err)
	}
}

func TestHash(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"a.md":      file("# A\nText.\n"),
			"b/c.txt":   file("C\nText.\n"),
			"README.md": file("How to edit."),
		}
	}
	hash := func(fsys fstest.MapFS) string {
		t.Helper()
		h, err := knowledge.Hash(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	orig := hash(base())
	if len(orig) != 64 {
		t.Errorf("hash %q is not hex SHA-256", orig)
	}
	tests := []struct {
		name    string
		edit    func(fstest.MapFS)
		changed bool
	}{
		{"nothing", func(fstest.MapFS) {}, false},
		{"one word", func(m fstest.MapFS) { m["a.md"] = file("# A\nTest.\n") }, true},
		{"renamed", func(m fstest.MapFS) { m["d.md"] = m["a.md"]; delete(m, "a.md") }, true},
		{"added", func(m fstest.MapFS) { m["e.md"] = file("# E\nText.\n") }, true},
		{"removed", func(m fstest.MapFS) { delete(m, "b/c.txt") }, true},
		{"README edited", func(m fstest.MapFS) { m["README.md"] = file("Other.") }, false},
		{"draft added", func(m fstest.MapFS) { m["_draft.md"] = file("# D\nText.\n") }, false},
	}
	for _, tt := range tests {
		m := base()
		tt.edit(m)
		if got := hash(m) != orig; got != tt.changed {
			t.Errorf("%s: hash changed = %v, want %v", tt.name, got, tt.changed)
		}
	}
}

func TestDefaultHash(t *testing.T) {
	h1, err := knowledge.Hash(knowledge.Default())
	if err != nil {
		t.Fatal(err)
	}
	if h2, _ := knowledge.Hash(knowledge.Default()); h1 != h2 {
		t.Errorf("hash of the same knowledge differs: %s, %s", h1, h2)
	}
}

// TestLoadLeavesOutDraftsAndSaysSo: a clinic writing a new article keeps it
// in drafts/ or marks it "draft: true" until it is reviewed; neither may be
// quoted to a patient, and whoever loads the folder is told what was left
// out, a .pdf dropped in by mistake included.
func TestLoadLeavesOutDraftsAndSaysSo(t *testing.T) {
	fsys := fstest.MapFS{
		"iron.md":            file("---\ntitle: IV iron\n---\nIron infusions treat iron deficiency.\n"),
		"iron-faq.md":        file("---\ntitle: IV iron FAQ\ndraft: true\n---\nNot reviewed yet.\n"),
		"reviewed.md":        file("---\ntitle: Reviewed\ndraft: false\n---\nReady.\n"),
		"drafts/nad.md":      file("---\ntitle: NAD\n---\nUnreviewed.\n"),
		"Drafts/old.md":      file("---\ntitle: Old\n---\nUnreviewed.\n"),
		"brochure.pdf":       file("%PDF-1.4"),
		"topics/ketamine.md": file("---\ntitle: Ketamine\n---\nKetamine is an anaesthetic.\n"),
		".DS_Store":          file("x"),
		"_notes/template.md": file("# Template\n"),
	}
	docs, skipped, err := knowledge.LoadReport(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Path)
	}
	if want := []string{"iron", "reviewed", "topics/ketamine"}; !slices.Equal(paths, want) {
		t.Errorf("answered from %q, want %q", paths, want)
	}
	got := map[string]string{}
	for _, s := range skipped {
		got[s.Path] = s.Reason
	}
	want := map[string]string{
		"iron-faq.md":  "draft",
		"drafts/":      "drafts folder",
		"Drafts/":      "drafts folder",
		"brochure.pdf": "not an article (.pdf; only .md and .txt files are read)",
	}
	if len(got) != len(want) {
		t.Errorf("skipped %v, want %v", got, want)
	}
	for p, r := range want {
		if got[p] != r {
			t.Errorf("skipped[%q] = %q, want %q", p, got[p], r)
		}
	}
	if _, err := knowledge.Load(fstest.MapFS{"a.md": file("---\ntitle: A\ndraft: maybe\n---\nText.\n")}); err == nil || !strings.Contains(err.Error(), "a.md:3: draft") {
		t.Errorf("draft: maybe gave %v, want a.md:3 error", err)
	}
}
