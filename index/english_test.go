package index

import (
	"slices"
	"testing"

	"github.com/infusionbot/infusionbot/knowledge"
)

// termWords lists the words (corrected where corrected) the analysis keeps.
func termWords(ts []Term) []string {
	var out []string
	for _, t := range ts {
		w := t.Word
		if t.Corrected != "" {
			w = t.Corrected
		}
		out = append(out, w)
	}
	return out
}

func TestEnglishWordsAreNeverCorrected(t *testing.T) {
	ix := openSample(t)
	// "aware" is one edit from "awake", and the sample knowledge holds
	// neither: a real word is what the person meant.
	for _, w := range []string{"awake", "nauseous"} {
		terms := ix.Analyze("lidocaine " + w)
		for _, term := range terms {
			if term.Word == w && term.Corrected != "" {
				t.Errorf("the English word %q was corrected to %q", w, term.Corrected)
			}
		}
	}
	// A word that is none is corrected towards the knowledge's words, short
	// ones too.
	for typed, want := range map[string]string{"lidocane": "lidocaine", "nausia": "nausea", "nausa": "nausea", "sittin": "sitting"} {
		got := termWords(ix.Analyze(typed))
		if !slices.Contains(got, want) {
			t.Errorf("%q analysed as %q, want %q among them", typed, got, want)
		}
	}
}

func TestTextSpeakIsSpelledOut(t *testing.T) {
	ix := openSample(t)
	got := termWords(ix.Analyze("wat r the side efects of lidocane pls thx"))
	want := []string{"side effects", "lidocaine"}
	if !slices.Equal(got, want) {
		t.Errorf("terms %q, want %q", got, want)
	}
}

func TestCommonWordsTheArticlesLackWeighLittle(t *testing.T) {
	if a, b := absentWeight("quick"), absentWeight("pacemaker"); a >= b || b != 1 {
		t.Errorf("absentWeight(quick) = %.2f, absentWeight(pacemaker) = %.2f: want the rarer word full weight, the common one less", a, b)
	}
}

func TestRareWordsTheArticlesLackCountAgainstEveryPassage(t *testing.T) {
	ix := openSample(t)
	for _, q := range []string{"can I have lidocaine with a pacemaker", "lidocaine during pregnancy"} {
		res, err := ix.Search(t.Context(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Coverage > 0.5 {
				t.Errorf("%q: %s covers %.2f of it, though no passage holds its rare word", q, h.ID, h.Coverage)
			}
		}
	}
}

func TestMeaningBreaksTiesBetweenPassagesHoldingTheWords(t *testing.T) {
	ix := openSample(t)
	// Both side-effect items hold "lidocaine" through their headings; the
	// one whose words mean what is asked (feeling faint ~ dizziness) wins.
	near, far := ix.passageVector(2), ix.passageVector(3)
	q := ix.queryVector(ix.Analyze("lightheaded dizzy lidocaine"))
	if near == nil || far == nil || q == nil {
		t.Fatal("no vectors for the sample's words")
	}
	if dot(q, near) <= dot(q, far) {
		t.Errorf("cos(question, dizziness item) = %.2f not above cos(question, nausea item) = %.2f", dot(q, near), dot(q, far))
	}
}

func TestDerivationsOfAnotherMeaningAreNotTheWord(t *testing.T) {
	docs := sampleDocs()
	docs[0].Sections[0].Blocks = append(docs[0].Sections[0].Blocks, knowledge.Block{
		Kind: knowledge.Paragraph, Text: "Infusions are given in a clinical setting; the nurse is calming and relieving worries."})
	ix, err := Open(t.Context(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		word  string
		known bool
	}{
		{"infusion", true}, // "infusions"
		{"calm", true},     // "calming"
		{"relieve", true},  // "relieving"
		{"nurses", true},   // "nurse"
		{"clinic", false},  // only "clinical": another word, the same stem
	}
	for _, tt := range tests {
		if got := ix.knownStem(tt.word); got != tt.known {
			t.Errorf("knownStem(%q) = %v, want %v", tt.word, got, tt.known)
		}
	}
}

// A word that is neither the knowledge's nor English, and no typo of a
// knowledge word, is read as the English word one edit away, so an
// everyday word typed short does not weigh as a rare word the articles
// lack; a contraction without its apostrophe is the stop word it is.
func TestEverydayWordsTypedShortAreTheEnglishWord(t *testing.T) {
	for typed, want := range map[string]string{
		"giv":        "give",
		"isnt":       "isn't",
		"im":         "i'm",
		"what's":     "what's",     // a stop word already
		"lidocainee": "lidocainee", // long: a name or a term
		// Only a letter left out: changing, adding or swapping one makes
		// everyday words of abbreviations and names.
		"ocd":    "ocd", // not "old"
		"ect":    "ect", // not "eat"
		"oxy":    "oxy", // not "ox"
		"crohns": "crohns",
		// A word English text uses is its own word.
		"lyme": "lyme", // not "lime"
		"fda":  "fda",
	} {
		if got := englishCorrection(typed); got != want {
			t.Errorf("englishCorrection(%q) = %q, want %q", typed, got, want)
		}
	}
	ix := openSample(t)
	for _, q := range []string{"do they giv lidocaine", "isnt lidocaine safe"} {
		for _, term := range ix.Analyze(q) {
			if !term.Known {
				t.Errorf("%q: %q kept as a word the articles lack (weight %.1f)", q, term.Word, term.Weight)
			}
		}
	}
	// A rare word typed wrong stays rare: the question stays unanswerable.
	for _, term := range ix.Analyze("is lidocaine safe with a pacemker") {
		if term.Word == "pacemker" && term.Weight < ix.idf(0)*0.99 {
			t.Errorf("pacemker weighs %.2f, want the full weight of an absent word %.2f", term.Weight, ix.idf(0))
		}
	}
}
