package index

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/knowledge"
)

func TestShortFormsAreReadAsTheKnowledgesWords(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		typed string
		want  []string
	}{
		// Text-speak from textspeak.txt.
		{"how many mins is a lidocaine session thru the drip", []string{"minutes", "lidocaine", "session", "drip"}},
		// A knowledge word cut short.
		{"how long is a lido session", []string{"how long", "lidocaine", "session"}},
		// Chat that says nothing is left out.
		{"lol does lidocaine cause nausea tbh", []string{"lidocaine", "cause", "nausea"}},
		// Little words typed without their vowels are those words.
		{"cn lidocaine cause nausea frm the drip", []string{"lidocaine", "cause", "nausea", "drip"}},
		// A letter held down.
		{"does lidocaine cause nauseaaa", []string{"lidocaine", "cause", "nausea"}},
	}
	for _, tt := range tests {
		if got := termWords(ix.Analyze(tt.typed)); !slices.Equal(got, tt.want) {
			t.Errorf("%q analysed as %q, want %q", tt.typed, got, tt.want)
		}
	}
}

func TestThePeopleAQuestionIsAskedForAreLeftOut(t *testing.T) {
	ix := openSample(t)
	for _, q := range []string{"how long is my mum's lidocaine session", "how long is my mums lidocaine session", "how long is a lidocaine session for my husband"} {
		if got, want := termWords(ix.Analyze(q)), []string{"how long", "lidocaine", "session"}; !slices.Equal(got, want) {
			t.Errorf("%q analysed as %q, want %q", q, got, want)
		}
	}
	// A child is no adult: the word stays and weighs as a word the
	// articles lack.
	if got := termWords(ix.Analyze("can my son have lidocaine")); !slices.Contains(got, "son") {
		t.Errorf("\"son\" left out of %q", got)
	}
	// Knowledge that speaks of them keeps them.
	docs := sampleDocs()
	docs[0].Sections[0].Blocks = append(docs[0].Sections[0].Blocks, knowledge.Block{
		Kind: knowledge.Paragraph, Text: "Your husband may drive you home after the infusion."})
	own, err := Open(t.Context(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	if got := termWords(own.Analyze("can my husband drive me home")); !slices.Contains(got, "husband") {
		t.Errorf("\"husband\" left out of %q, though the knowledge speaks of husbands", got)
	}
}

func TestAbbreviationsAreNotCorrectedIntoEnglishWords(t *testing.T) {
	ix := openSample(t)
	// "hpv" is one edit from "hip", "btw" from "bow": letters standing for
	// words are no word typed wrong.
	for _, q := range []string{"can lidocaine treat hpv", "can lidocaine treat ms", "5 mg of lidocaine"} {
		for _, term := range ix.Analyze(q) {
			if term.Corrected != "" {
				t.Errorf("%q: %q corrected to %q", q, term.Word, term.Corrected)
			}
		}
	}
	res, err := ix.Search(t.Context(), "can lidocaine treat hpv", 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.Coverage > 0.5 {
			t.Errorf("%s covers %.2f of a question about hpv, which no passage holds", h.ID, h.Coverage)
		}
	}
}

func TestUnabbreviate(t *testing.T) {
	v := newVocabulary()
	v.add("lidocaine lidocaine lid ketamine chemotherapy chemo")
	for w, want := range map[string]string{
		"lido":  "lidocaine",
		"keta":  "ketamine",
		"chem":  "chemotherapy", // "chemo" is only one letter longer
		"ket":   "",             // too short to say which word
		"lidoc": "lidocaine",
		"zzzz":  "",
	} {
		if got := v.unabbreviate(w); got != want {
			t.Errorf("unabbreviate(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestTextSpeakFileIsWellFormed(t *testing.T) {
	m, err := parseTextSpeak(textSpeakFile)
	if err != nil {
		t.Fatal(err)
	}
	for short, full := range m {
		if people[short] {
			t.Errorf("%q is both text-speak and a person", short)
		}
		for _, w := range full {
			if _, ok := m[w]; ok {
				t.Errorf("%q stands for %q, itself text-speak", short, w)
			}
		}
	}
	for _, bad := range []string{"u you", "= you", "two words = x", "u = you\nu = your"} {
		if _, err := parseTextSpeak(bad); err == nil {
			t.Errorf("parseTextSpeak(%q) accepted", bad)
		}
	}
}

func FuzzParseTextSpeak(f *testing.F) {
	f.Add(textSpeakFile)
	f.Add("u = you\n# c\nlol =\n")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := parseTextSpeak(text)
		if err != nil {
			return
		}
		// What it read, written back, reads the same.
		var b strings.Builder
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if ws := words(k); len(ws) != 1 || ws[0] != k {
				t.Fatalf("short form %q is not one word", k)
			}
			b.WriteString(k + " = " + strings.Join(m[k], " ") + "\n")
		}
		again, err := parseTextSpeak(b.String())
		if err != nil {
			t.Fatalf("written back: %v", err)
		}
		if !maps.EqualFunc(m, again, slices.Equal) {
			t.Fatalf("read %v, written back and read %v", m, again)
		}
	})
}

func TestCapitalsAreAnAbbreviationNotTextSpeak(t *testing.T) {
	ix := openSample(t)
	// "im" is text-speak for "I'm", left out as a stop word; "IM" among
	// small letters is intramuscular, a word the articles lack.
	if got := termWords(ix.Analyze("is lidocaine given IV or IM")); !slices.Contains(got, "im") {
		t.Errorf("IM left out of %q", got)
	}
	if got := termWords(ix.Analyze("im worried about lidocaine")); slices.Contains(got, "im") {
		t.Errorf("im kept in %q", got)
	}
	if got := termWords(ix.Analyze("IM WORRIED ABOUT LIDOCAINE")); slices.Contains(got, "im") {
		t.Errorf("im kept in %q: a message all in capitals says nothing by them", got)
	}
	// An abbreviation that stands for words that say something is spelled
	// out in capitals too.
	if got := termWords(ix.Analyze("ive tried PT and pills")); !slices.Contains(got, "physical therapy") && !slices.Contains(got, "physical") {
		t.Errorf("PT not spelled out in %q", got)
	}
}

func TestNumbersTheKnowledgeLacksAreLeftOut(t *testing.T) {
	ix := openSample(t)
	got := termWords(ix.Analyze("i have had nerve pain for 10 years, is a lidocaine session 30 minutes"))
	if slices.Contains(got, "10") {
		t.Errorf("10, which no passage holds, kept in %q", got)
	}
	if !slices.Contains(got, "30") {
		t.Errorf("30, which the session time row holds, left out of %q", got)
	}
}

// A verb the knowledge lacks reaches the noun it names the same event by
// (internal/derivation); a word that can be read as a noun does not.
func TestVerbsReachTheKnowledgesNouns(t *testing.T) {
	docs := sampleDocs()
	docs[0].Sections[0].Blocks = append(docs[0].Sections[0].Blocks, knowledge.Block{
		Kind: knowledge.Paragraph, Text: "Infection and irritation at the site are rare. Oral medications have limitations."})
	ix, err := Open(t.Context(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][]string{
		"can the site get infected":        {"site", "infection"},
		"does lidocaine irritate the site": {"lidocaine", "irritation", "site"},
	} {
		terms := ix.Analyze(q)
		if got := termWords(terms); !slices.Equal(got, want) {
			t.Errorf("%q analysed as %q, want %q", q, got, want)
			continue
		}
		for _, v := range terms {
			if !v.Known {
				t.Errorf("%q: %q is a word the knowledge lacks", q, v.Word)
			}
		}
	}
	for _, term := range ix.Analyze("is there an age limit") {
		if term.Word == "limit" && term.Corrected != "" {
			t.Errorf("\"limit\", a noun here, read as %q", term.Corrected)
		}
	}
}

// A possessive is its word: "son's" weighs as "son", not as a word no
// English text uses.
func TestPossessivesAreTheirWord(t *testing.T) {
	ix := openSample(t)
	for _, term := range ix.Analyze("is lidocaine used for my son's nerve pain") {
		if term.Word == "son's" && term.Corrected != "son" {
			t.Errorf("son's read as %q, want son", term.Corrected)
		}
	}
	for w, want := range map[string]string{"son's": "son", "parents'": "parents", "its": "", "'s": ""} {
		if got, _ := cutPossessive(w); got != want {
			t.Errorf("cutPossessive(%q) = %q, want %q", w, got, want)
		}
	}
}
