package knowledge_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/internal/sharedfiles"
	"github.com/infusionbot/infusionbot/knowledge"
)

// sources is the folder of the articles as the clinic sent them: ../shared's,
// or the project's copy on a fresh clone.
func sources(t *testing.T) string {
	t.Helper()
	p, err := sharedfiles.Path("sources")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// articleOf says which converted article each source file became.
var articleOf = map[string]string{
	"000_c614e64672ad6ff7.txt": "role-of-infusion-therapy",
	"001_40c6da6138b2aae4.txt": "lidocaine-and-ketamine",
	"002_0daf0697f5461e93.txt": "iv-treatment-for-chronic-pain",
	"003_2e6b24436037f4fa.txt": "iv-therapy-for-chronic-pain",
	"004_146a92e372ef15d5.txt": "types-of-iv-infusion",
}

// boilerplate is website furniture in the sources that must never be quoted
// to a patient: calls to action, related posts, comment widgets, and an
// image's alt text glued onto a sentence.
var boilerplate = []string{
	"Fill out the form below to get started.",
	"3 Pain Management Treatment Options",
	"Podiatry Treatments for Bunions: What You Should Know Before Considering Surgery",
	"Choosing Between Subspecialties in Internal Medicine",
	"How Journaling Can Help You Track and Manage Pain Over Time",
	"The Impact of Primary Care on Reducing Healthcare Costs and Improving Access",
	"Leave a Reply",
	"No Comments",
	"Post A Comment",
	"IV infusion work for chronic pain",
}

// metadata lines moved from the text into front matter.
var metadata = map[string]bool{"January 30, 2025": true}

func loadDefault(t *testing.T) map[string]knowledge.Document {
	t.Helper()
	docs, err := knowledge.Load(knowledge.Default())
	if err != nil {
		t.Fatalf("the embedded articles do not load: %v", err)
	}
	byPath := map[string]knowledge.Document{}
	for _, d := range docs {
		byPath[d.Path] = d
	}
	return byPath
}

func TestDefaultArticles(t *testing.T) {
	docs := loadDefault(t)
	tests := []struct {
		path, title, published string
	}{
		{"iv-therapy-for-chronic-pain", "IV therapy for chronic pain", ""},
		{"iv-treatment-for-chronic-pain", "IV treatment for chronic pain", ""},
		{"lidocaine-and-ketamine", "Infusion Therapy", ""},
		{"role-of-infusion-therapy", "The Role of Infusion Therapy in Treating Chronic Pain", "2025-01-30"},
		{"types-of-iv-infusion", "Which Types of IV Infusion Work for Chronic Pain?", ""},
	}
	if len(docs) != len(tests) {
		t.Errorf("got %d documents, want %d", len(docs), len(tests))
	}
	for _, tt := range tests {
		d, ok := docs[tt.path]
		if !ok {
			t.Errorf("no document %q", tt.path)
			continue
		}
		if d.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.path, d.Title, tt.title)
		}
		if d.Published != tt.published {
			t.Errorf("%s: published %q, want %q", tt.path, d.Published, tt.published)
		}
		if d.Reviewed != "2026-11-23" {
			t.Errorf("%s: reviewed %q, want 2026-11-23", tt.path, d.Reviewed)
		}
		if d.Source == "" {
			t.Errorf("%s: no source: a patient cannot tell where a quote is from", tt.path)
		}
	}
}

// sourceLines returns each source file's lines.
func sourceLines(t *testing.T) map[string][]string {
	t.Helper()
	sourcesDir := sources(t)
	out := map[string][]string{}
	for name := range articleOf {
		data, err := os.ReadFile(filepath.Join(sourcesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = strings.Split(string(data), "\n")
	}
	return out
}

// TestSourceWordingKept checks that every line of every source, less its
// boilerplate, is a block or a heading of its article word for word: the bot
// quotes blocks, and a quote must be what the source says.
func TestSourceWordingKept(t *testing.T) {
	docs := loadDefault(t)
	for name, lines := range sourceLines(t) {
		doc := docs[articleOf[name]]
		texts := map[string]bool{doc.Title: true}
		for _, s := range doc.Sections {
			texts[s.Heading] = true
			for _, b := range s.Blocks {
				texts[b.Text] = true
				if b.Kind == knowledge.TableRow { // the header line lives in every row
					texts[strings.Join(b.Header, " | ")] = true
				}
			}
		}
		for i, line := range lines {
			for _, bp := range boilerplate {
				line = strings.ReplaceAll(line, bp, "")
			}
			line = strings.TrimSpace(line)
			if line == "" || metadata[line] || strings.Trim(line, "-|") == "" {
				continue
			}
			line = strings.TrimPrefix(line, "- ")
			if strings.Contains(line, "|") { // a table row: its cells, as Block.Text joins them
				var cells []string
				for _, c := range strings.Split(strings.TrimSuffix(line, "|"), "|") {
					cells = append(cells, strings.TrimSpace(c))
				}
				line = strings.Join(cells, " | ")
			}
			if !texts[line] {
				t.Errorf("%s:%d is not in %s word for word: %q", name, i+1, doc.Path, line)
			}
		}
	}
}

func TestBoilerplateDropped(t *testing.T) {
	for path, doc := range loadDefault(t) {
		for _, s := range doc.Sections {
			texts := []string{s.Heading}
			for _, b := range s.Blocks {
				texts = append(texts, b.Text)
			}
			for _, text := range texts {
				for _, bp := range append(slices.Clone(boilerplate), "January 30, 2025") {
					if strings.Contains(text, bp) {
						t.Errorf("%s#%s quotes boilerplate %q", path, s.Anchor, bp)
					}
				}
			}
		}
	}
	// The one kept sentence that the dropped alt text was glued to.
	doc := loadDefault(t)["types-of-iv-infusion"]
	if got := doc.Sections[0].Blocks[0].Text; !strings.HasPrefix(got, "A significant proportion of the population") {
		t.Errorf("types-of-iv-infusion starts with %q", got)
	}
	if n := headingCount(doc, "Which Types of IV Infusion Work for Chronic Pain?"); n != 1 {
		t.Errorf("types-of-iv-infusion has its title as a heading %d times, want 1", n)
	}
}

func headingCount(d knowledge.Document, heading string) int {
	n := 0
	for _, s := range d.Sections {
		if s.Heading == heading {
			n++
		}
	}
	return n
}

func TestComparisonTable(t *testing.T) {
	doc := loadDefault(t)["lidocaine-and-ketamine"]
	var sec *knowledge.Section
	for i := range doc.Sections {
		if doc.Sections[i].Heading == "Lidocaine vs. Ketamine: Which Is Right for You?" {
			sec = &doc.Sections[i]
		}
	}
	if sec == nil {
		t.Fatal("no comparison section")
	}
	if sec.Anchor != "lidocaine-vs-ketamine-which-is-right-for-you" {
		t.Errorf("anchor %q", sec.Anchor)
	}
	var rows []knowledge.Block
	for _, b := range sec.Blocks {
		if b.Kind == knowledge.TableRow {
			rows = append(rows, b)
		}
	}
	wantHeader := []string{"Feature", "Lidocaine Infusions", "Ketamine Infusions"}
	wantFeatures := []string{"Primary Use", "Mechanism of Action", "Typical Session Time", "Side Effects", "Onset of Relief"}
	if len(rows) != len(wantFeatures) {
		t.Fatalf("%d table rows, want %d", len(rows), len(wantFeatures))
	}
	for i, r := range rows {
		if !slices.Equal(r.Header, wantHeader) {
			t.Errorf("row %d header %q, want %q", i, r.Header, wantHeader)
		}
		if len(r.Cells) != 3 || r.Cells[0] != wantFeatures[i] {
			t.Errorf("row %d cells %q, want feature %q and two values", i, r.Cells, wantFeatures[i])
		}
		if r.Text != strings.Join(r.Cells, " | ") {
			t.Errorf("row %d text %q", i, r.Text)
		}
	}
	// The figures a patient asks about most.
	if got := rows[2].Cells; got[1] != "30–60 minutes" || got[2] != "1–4 hours" {
		t.Errorf("session times %q", got)
	}
}

func TestLidocaineSectionsNest(t *testing.T) {
	doc := loadDefault(t)["lidocaine-and-ketamine"]
	for _, s := range doc.Sections {
		if s.Heading == "Potential Side Effects" {
			if s.Level != 3 || !slices.Equal(s.Parents, []string{"Infusion Therapy", "Lidocaine Infusions"}) {
				t.Errorf("Potential Side Effects: level %d, parents %q", s.Level, s.Parents)
			}
			return
		}
	}
	t.Error("no Potential Side Effects section")
}

// TestSourceAsText loads a source file unconverted: plain text with bare
// headings and a pipe table written "a | b |".
func TestSourceAsText(t *testing.T) {
	docs, err := knowledge.Load(os.DirFS(sources(t)))
	var doc knowledge.Document
	for _, d := range docs {
		if d.Path == "001_40c6da6138b2aae4" {
			doc = d
		}
	}
	if doc.Path == "" {
		t.Fatalf("001 did not load: %v", err)
	}
	if doc.Title != "Infusion Therapy" {
		t.Errorf("title %q", doc.Title)
	}
	var headings []string
	rows := 0
	for _, s := range doc.Sections[1:] {
		headings = append(headings, s.Heading)
		if s.Level != 2 {
			t.Errorf("%q: level %d, want 2", s.Heading, s.Level)
		}
		for _, b := range s.Blocks {
			if b.Kind == knowledge.TableRow {
				rows++
			}
		}
	}
	want := []string{
		"Introduction to Infusion Therapy", "What Is Infusion Therapy?", "Why Choose Infusion Therapy?",
		"Who Can Benefit from Infusion Therapy?", "Lidocaine Infusions", "What Are Lidocaine Infusions?",
		"The Science Behind Lidocaine Infusions", "Conditions Treated with Lidocaine Infusions",
		"What Happens During a Lidocaine Infusion Session?", "Benefits of Lidocaine Infusions",
		"Potential Side Effects", "Ketamine Infusions", "What Are Ketamine Infusions?", "Why Ketamine?",
		"Conditions Treated with Ketamine Infusions", "What Happens During a Ketamine Infusion Session?",
		"Benefits of Ketamine Infusions", "Side Effects and Risks",
		"Lidocaine vs. Ketamine: Which Is Right for You?", "How to Prepare for Infusion Therapy",
		"The Promise of Infusion Therapy",
	}
	if !slices.Equal(headings, want) {
		t.Errorf("headings\n got %q\nwant %q", headings, want)
	}
	if rows != 5 {
		t.Errorf("%d table rows, want 5", rows)
	}
}
