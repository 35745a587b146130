package index

import (
	"context"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/knowledge"
)

// sampleDocs is a small article with each kind of structure.
func sampleDocs() []knowledge.Document {
	return []knowledge.Document{{
		Path: "care/lidocaine", Title: "Lidocaine Infusions", Source: "Test Clinic",
		Sections: []knowledge.Section{
			{Heading: "Lidocaine Infusions", Anchor: "lidocaine-infusions", Level: 1, Blocks: []knowledge.Block{
				{Kind: knowledge.Paragraph, Text: "Lidocaine infusions use a local anesthetic delivered intravenously. They can calm nerve pain."},
			}},
			{Heading: "Potential Side Effects", Anchor: "potential-side-effects", Level: 2, Parents: []string{"Lidocaine Infusions"}, Blocks: []knowledge.Block{
				{Kind: knowledge.Paragraph, Text: "While lidocaine infusions are generally safe, patients may experience:"},
				{Kind: knowledge.ListItem, Text: "Mild dizziness or lightheadedness."},
				{Kind: knowledge.ListItem, Text: "Temporary nausea."},
				{Kind: knowledge.Paragraph, Text: "These effects are typically short-lived."},
			}},
			{Heading: "Compared", Anchor: "compared", Level: 2, Blocks: []knowledge.Block{
				{Kind: knowledge.TableRow, Header: []string{"Feature", "Lidocaine"}, Cells: []string{"Typical Session Time", "30–60 minutes"}, Text: "Typical Session Time | 30–60 minutes"},
			}},
		},
	}}
}

func openSample(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(context.Background(), sampleDocs(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestCutFollowsTheDocumentStructure(t *testing.T) {
	ps := Cut(sampleDocs())
	if len(ps) != 6 {
		t.Fatalf("got %d passages, want 6 (2 paragraphs + 2 items + 1 paragraph + 1 row, plus the intro)", len(ps))
	}
	tests := []struct {
		i       int
		kind    Kind
		section string
		lead    string
		cite    string
	}{
		{0, KindParagraph, "Lidocaine Infusions", "", "care/lidocaine#lidocaine-infusions"},
		{2, KindListItem, "Potential Side Effects", "While lidocaine infusions are generally safe, patients may experience:", "care/lidocaine#potential-side-effects"},
		{3, KindListItem, "Potential Side Effects", "While lidocaine infusions are generally safe, patients may experience:", "care/lidocaine#potential-side-effects"},
		{4, KindParagraph, "Potential Side Effects", "", "care/lidocaine#potential-side-effects"},
		{5, KindTableRow, "Compared", "Feature | Lidocaine", "care/lidocaine#compared"},
	}
	for _, tt := range tests {
		p := ps[tt.i]
		if p.Kind != tt.kind || p.Section != tt.section || p.Lead != tt.lead || p.CitationID() != tt.cite {
			t.Errorf("passage %d = %+v, want kind %s section %q lead %q cite %q", tt.i, p, tt.kind, tt.section, tt.lead, tt.cite)
		}
		if p.Position != tt.i {
			t.Errorf("passage %d has position %d", tt.i, p.Position)
		}
	}
	if ps[2].Group != ps[3].Group || ps[2].Group == 0 {
		t.Errorf("items of one list have groups %d and %d", ps[2].Group, ps[3].Group)
	}
	if got := ps[2].Headings; len(got) != 2 || got[0] != "Lidocaine Infusions" {
		t.Errorf("item headings = %q, want the parent heading first", got)
	}
}

func TestSynonymsExpandLayTerms(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		query, alt string
	}{
		{"will the drip hurt", "iv"},
		{"can it make me throw up", "nausea"},
		{"I passed out", "dizziness"},
		{"what is complex regional pain syndrome", "crps"},
		{"how long is a session", "session time"},
	}
	for _, tt := range tests {
		found := false
		for _, term := range ix.Analyze(tt.query) {
			for _, a := range term.Alternatives {
				found = found || a == tt.alt
			}
		}
		if !found {
			t.Errorf("%q: no term expands to %q: %+v", tt.query, tt.alt, ix.Analyze(tt.query))
		}
	}
}

func TestParseSynonymsReportsTheLine(t *testing.T) {
	_, err := ParseSynonyms("a, b\n\nlonely\n")
	if err == nil || !strings.Contains(err.Error(), "synonyms.txt:3:") {
		t.Fatalf("error = %v, want one naming line 3", err)
	}
	s, err := ParseSynonyms("puke -> nausea\niv, intravenous")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Lookup("puke"); len(got) != 1 || got[0] != "nausea" {
		t.Errorf("one-way synonym: %q", got)
	}
	if got := s.Lookup("nausea"); got != nil {
		t.Errorf("one-way synonym went back: %q", got)
	}
	if got := s.Lookup("intravenous"); len(got) != 1 || got[0] != "iv" {
		t.Errorf("two-way synonym: %q", got)
	}
	s, err = ParseSynonyms("painful => discomfort")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Replaces("painful") || s.Replaces("discomfort") {
		t.Error("painful => discomfort: only painful should be replaced by its alternatives")
	}
}

func TestTypoCorrection(t *testing.T) {
	ix := openSample(t)
	tests := []struct{ typed, want string }{
		{"lidocane", "lidocaine"},
		{"lidocaien", "lidocaine"}, // transposition
		{"dizzyness", "dizziness"},
		{"nausia", "nausea"},
		{"xylophone", ""}, // nothing close: left unknown, not forced onto a word
	}
	for _, tt := range tests {
		terms := ix.Analyze(tt.typed)
		if len(terms) != 1 {
			t.Fatalf("%q: %d terms", tt.typed, len(terms))
		}
		if terms[0].Corrected != tt.want {
			t.Errorf("%q corrected to %q, want %q", tt.typed, terms[0].Corrected, tt.want)
		}
		if tt.want == "" && terms[0].Known {
			t.Errorf("%q marked known", tt.typed)
		}
	}
}

func TestSearchRanksHeadingMatchesAndReportsCoverage(t *testing.T) {
	ix := openSample(t)
	res, err := ix.Search(context.Background(), "side effects of lidocaine", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Section != "Potential Side Effects" {
		t.Fatalf("top hit not under the side-effects heading: %+v", res.Hits)
	}
	if res.Hits[0].Coverage < 0.99 {
		t.Errorf("coverage %.2f, want 1: both words are in the passage or its heading", res.Hits[0].Coverage)
	}
	res, _ = ix.Search(context.Background(), "lidocaine penguins", 5)
	if len(res.Hits) > 0 && res.Hits[0].Coverage > 0.5 {
		t.Errorf("an unknown rare word should weigh more than a known one: coverage %.2f", res.Hits[0].Coverage)
	}
}

func TestSentencesKeepEveryCharacter(t *testing.T) {
	text := "Opioids help (e.g., morphine). Lidocaine vs. ketamine differ! Is it safe? Yes."
	ss := sentences(text)
	if strings.Join(ss, "") != text {
		t.Fatalf("sentences lost text: %q", ss)
	}
	if len(ss) != 4 {
		t.Errorf("got %d sentences, want 4: %q", len(ss), ss)
	}
}

func TestPersistentIndexIsReusedAndRebuiltOnChange(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ix, err := Open(ctx, sampleDocs(), Options{Dir: dir, Hash: "aaaa"})
	if err != nil {
		t.Fatal(err)
	}
	first := ix.Path()
	ix.Close()
	ix, err = Open(ctx, sampleDocs(), Options{Dir: dir, Hash: "aaaa"})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Path() != first {
		t.Errorf("same knowledge opened %s, want the existing %s", ix.Path(), first)
	}
	ix.Close()
	ix, err = Open(ctx, sampleDocs(), Options{Dir: dir, Hash: "bbbb"})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Path() == first {
		t.Error("changed knowledge reused the old index")
	}
	res, err := ix.Search(ctx, "nausea", 3)
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("rebuilt index finds nothing: %v", err)
	}
}

// FuzzSearch feeds arbitrary text through analysis and query building: it
// must never fail, whatever query syntax or bytes it holds.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"", "ketamine", `+a -b title:"x" AND *~2 ^3`, "\xff\xfe", "side effects of lidocane?", strings.Repeat("a ", 200), `/.*/ field:[1 TO 2]`} {
		f.Add(s)
	}
	ix := openSample(f)
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := ix.Search(context.Background(), text, 3); err != nil {
			t.Fatalf("Search(%q): %v", text, err)
		}
	})
}

func TestCommonWordsLeftOutOfRetrievalOnLargeIndexes(t *testing.T) {
	common := Term{Word: "infusion", df: 2700}
	rare := Term{Word: "ketamine", df: 40}
	large := &Index{passages: make([]Passage, 3000)}
	if got := large.retrievalTerms([]Term{common, rare}); len(got) != 1 || got[0].Word != "ketamine" {
		t.Errorf("large index retrieves with %v, want only the rare word", got)
	}
	if got := large.retrievalTerms([]Term{common}); len(got) != 1 {
		t.Errorf("a question of common words only must still retrieve: %v", got)
	}
	small := &Index{passages: make([]Passage, 150)}
	if got := small.retrievalTerms([]Term{common, rare}); len(got) != 2 {
		t.Errorf("small index dropped words: %v", got)
	}
}

func TestDefinitionPatternOnlyForBareWhatIsQuestions(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		q, text string
		want    bool
	}{
		{"What is lidocaine?", "Lidocaine, a local anesthetic, numbs tissue.", true},
		{"what are lidocaine infusions", "Lidocaine infusions use a local anesthetic.", false},
		{"What is lidocaine used for?", "Lidocaine, a local anesthetic, numbs tissue.", false},
		{"How long is lidocaine?", "Lidocaine, a local anesthetic, numbs tissue.", false},
	}
	for _, tt := range tests {
		re := definitionPattern(stripAskingPhrase(words(tt.q)), ix.Analyze(tt.q))
		if got := re != nil && re.MatchString(tt.text); got != tt.want {
			t.Errorf("%q on %q: %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}

func TestACorrectionOntoAWordTheQuestionHoldsIsAnotherWord(t *testing.T) {
	ix := openSample(t)
	for _, term := range ix.Analyze("is lidocaone the same as lidocaine") {
		if term.Word == "lidocaone" && term.Known {
			t.Errorf("lidocaone was taken for a typo of lidocaine, which the question already holds: %+v", term)
		}
	}
}

// A multi-word term or synonym matches its words side by side: "nerve pain"
// is not in a passage that says "nerve signals" and, later, "pain".
func TestMultiWordTermsMatchAdjacentWords(t *testing.T) {
	docs := []knowledge.Document{{
		Path: "care/nerves", Title: "Nerves", Source: "Test Clinic",
		Sections: []knowledge.Section{
			{Heading: "Pathways", Anchor: "pathways", Level: 1, Blocks: []knowledge.Block{
				{Kind: knowledge.Paragraph, Text: "Lidocaine treatments can target nerve signals, which lessens pain for some people."},
			}},
			{Heading: "Conditions", Anchor: "conditions", Level: 1, Blocks: []knowledge.Block{
				{Kind: knowledge.Paragraph, Text: "Lidocaine can reduce nerve pain after surgery."},
			}},
		},
	}}
	ix, err := Open(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), "can lidocaine help nerve pain", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Section != "Conditions" {
		t.Fatalf("top hit %+v, want the passage saying \"nerve pain\"", res.Hits)
	}
	for _, h := range res.Hits[1:] {
		if h.Coverage >= res.Hits[0].Coverage {
			t.Errorf("scattered words %q cover %.2f, as much as the phrase (%.2f)", h.Text, h.Coverage, res.Hits[0].Coverage)
		}
	}
}

// What a person asks about doing ("can I work …?") must be in the passage's
// own words: a heading's "work" in another sense, or the rest of the
// question, does not answer it.
func TestTheActivityAskedAboutMustBeInThePassage(t *testing.T) {
	docs := []knowledge.Document{{
		Path: "care/after", Title: "After", Source: "Test Clinic",
		Sections: []knowledge.Section{
			{Heading: "Which Infusions Work", Anchor: "which-infusions-work", Level: 1, Blocks: []knowledge.Block{
				{Kind: knowledge.Paragraph, Text: "Some patients notice improvement over the next few days after an infusion."},
			}},
		},
	}}
	ix, err := Open(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tc := range []struct {
		q       string
		atLeast float64 // the top hit's coverage is at least this, or
		below   float64 // below this
	}{
		{q: "can I work the day after my infusion?", below: 0.51},
		{q: "will I be able to work the day after an infusion?", below: 0.51},
		{q: "does the infusion work after a day?", atLeast: 0.99},
	} {
		res, err := ix.Search(context.Background(), tc.q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Fatalf("%q: no hit", tc.q)
		}
		c := res.Hits[0].Coverage
		if tc.below > 0 && c >= tc.below || tc.atLeast > 0 && c < tc.atLeast {
			t.Errorf("%q: coverage %.2f, want below %.2f / at least %.2f", tc.q, c, tc.below, tc.atLeast)
		}
	}
}
