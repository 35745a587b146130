package index

import (
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Term is one meaningful word or phrase of a query, after typo correction
// and synonym expansion.
type Term struct {
	// Word is what the person typed, lower-cased.
	Word string `json:"word"`
	// Corrected is the vocabulary word used for a typo ("" when none was needed).
	Corrected string `json:"corrected,omitempty"`
	// Alternatives are Word (or Corrected) and its synonyms.
	Alternatives []string `json:"alternatives"`
	// Known is true when some alternative occurs in the knowledge.
	Known bool `json:"known"`
	// Weight is the term's inverse document frequency: rare words weigh more.
	Weight float64 `json:"weight"`
	// Focus marks what the person asks about doing ("can I work …?"):
	// text without it does not answer the question, whatever else it holds.
	Focus bool `json:"focus,omitempty"`

	stems  [][]string // per alternative
	credit []float64  // per alternative, how much a match counts (nil: by position)
	// bridged marks a word the articles lack whose alternatives are its
	// thesaurus synonyms: they rank passages, they do not cover the word.
	bridged bool
	df      int // passages holding the most common alternative
}

// fillerWords carry no topic in a patient's question, though they are not
// English stop words.
var fillerWords = map[string]bool{
	"tell": true, "know": true, "please": true, "explain": true, "like": true,
	"get": true, "much": true, "many": true, "also": true, "anything": true,
	"something": true, "thing": true, "things": true, "really": true, "would": true,
	"could": true, "want": true, "wondering": true, "question": true, "questions": true,
	"hi": true, "hello": true, "hey": true, "thanks": true, "thank": true, "ok": true,
	"okay": true, "us": true, "one": true, "someone": true, "anyone": true, "say": true,
	"mean": true, "means": true, "exactly": true, "kind": true, "kinds": true, "type": true,
	"types": true, "info": true, "information": true, "let": true, "well": true, "way": true,
	"usually": true, "typically": true, "generally": true, "normally": true, "common": true,
	"can": true, "will": true, "may": true, "might": true, "must": true, "shall": true,
	"go": true, "take": true, "takes": true, "last": true, "lasts": true,
	"used": true, "use": true, "make": true, "makes": true, "made": true,
	// Everyday words that say nothing about the topic: left in, a word the
	// articles lack would count against every passage.
	"good": true, "bad": true, "able": true, "feel": true, "feeling": true,
	"right": true, "fine": true, "sure": true, "lot": true, "lots": true,
	"bit": true, "little": true, "yes": true, "no": true,

	"ever": true, "always": true, "never": true, "even": true, "still": true,
	"getting": true, "gets": true, "got": true, "give": true, "gives": true, "along": true, "time": true, "times": true, "going": true, "actually": true, "maybe": true, "whether": true,
}

// weakWords are verbs a question leans on ("how does X work", "can X
// help"): they count, but half as much as the topic words around them.
var weakWords = map[string]bool{
	"work": true, "works": true, "working": true, "help": true, "helps": true, "helping": true,
	"happen": true, "happens": true, "cause": true, "causes": true, "caused": true,
	"consider": true, "considering": true, "recommend": true, "recommended": true,
}

// afterPerson reports whether the word at i has the person as its subject
// ("can I work the next day?"): there the verb is what they ask about, not
// a verb the question leans on ("can it help?").
func afterPerson(ws []string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch ws[j] {
		case "i", "we":
			return true
		case "to", "be", "able", "go", "going", "want", "need", "have", "can", "could",
			"will", "would", "should", "may", "might", "still", "back":
			continue // "will I be able to go back to work"
		}
		return false
	}
	return false
}

// Analyze turns a person's text into query terms. Nothing in the text is
// interpreted as query syntax: it is only split into words.
func (ix *Index) Analyze(text string) []Term {
	typed := ix.plainWords(text)
	// Typos are corrected first, so that a phrase typed wrong ("side
	// efects") is still the phrase.
	ws := make([]string, len(typed))
	for i, w := range typed {
		ws[i] = ix.fixTypo(w)
	}
	var terms []Term
	for i := 0; i < len(ws); {
		// The longest synonym phrase starting here wins.
		matched := 0
		for n := min(ix.syn.longest, len(ws)-i); n >= 2; n-- {
			phrase := strings.Join(ws[i:i+n], " ")
			if alts := ix.syn.Lookup(phrase); alts != nil {
				terms = append(terms, ix.newTerm(phrase, "", alts))
				matched = n
				break
			}
		}
		if matched > 0 {
			i += matched
			continue
		}
		w, base := typed[i], ws[i]
		i++
		if isStopWord(base) || fillerWords[base] || len([]rune(base)) < 2 {
			continue
		}
		corrected := ""
		if base != w {
			corrected = base
		}
		if !ix.knows(base) {
			// A word the articles lack: a common word says nothing; a
			// rare one is what the question asks about.
			if f := absentWeight(base); f > 0 {
				if t, ok := ix.thesaurusTerm(w, corrected, base, f*ix.idf(0)); ok {
					terms = append(terms, t)
				} else {
					terms = append(terms, Term{Word: w, Corrected: corrected, Alternatives: []string{base}, Weight: f * ix.idf(0)})
				}
			}
			continue
		}
		var t Term
		switch {
		case weakWords[base] && afterPerson(ws, i-1):
			// The word as typed: "can I work" is not "does it work"
			// (relief), and it is what they ask about.
			t = ix.newTerm(w, corrected, nil)
			t.Focus = true
		case weakWords[base]:
			t = ix.newTerm(w, corrected, ix.syn.Lookup(base))
			t.Weight /= 2
		default:
			t = ix.newTerm(w, corrected, ix.syn.Lookup(base))
		}
		terms = append(terms, t)
	}
	return dedupeTerms(ix.distinctCorrections(terms))
}

// knows reports whether the knowledge holds w, its stem or a synonym of it.
func (ix *Index) knows(w string) bool {
	return ix.vocab.has(w) || ix.syn.Lookup(w) != nil || ix.knownStem(w)
}

// distinctCorrections undoes a correction onto a word the question already
// holds: in "is esketamine the same as ketamine?" esketamine is another
// word, not a typo of ketamine, and the articles don't know it.
func (ix *Index) distinctCorrections(terms []Term) []Term {
	typed := map[string]bool{}
	for _, t := range terms {
		if t.Corrected == "" {
			typed[t.Word] = true
		}
	}
	for i, t := range terms {
		if t.Corrected != "" && typed[t.Corrected] {
			terms[i] = Term{Word: t.Word, Alternatives: []string{t.Word}, Weight: ix.idf(0)}
		}
	}
	return terms
}

func (ix *Index) newTerm(word, corrected string, synonyms []string) Term {
	base := word
	if corrected != "" {
		base = corrected
	}
	t := Term{Word: word, Corrected: corrected}
	df := 0
	alts := append([]string{base}, synonyms...)
	if ix.syn.Replaces(base) {
		alts = synonyms
	}
	for _, alt := range alts {
		st := stems(alt)
		if len(st) == 0 {
			continue
		}
		t.Alternatives = append(t.Alternatives, alt)
		t.stems = append(t.stems, st)
		d := ix.phraseDF(st)
		df = max(df, d)
	}
	t.Known = df > 0
	t.Weight = ix.idf(df)
	t.df = df
	return t
}

// knownStem reports whether a word's stem occurs in the knowledge, as for
// "relieve" when the articles say "relieving": such a word is no typo.
// A word whose stem the articles hold only in a derivation of another
// meaning ("clinic" for "clinical") is not known (inflection.go).
func (ix *Index) knownStem(w string) bool {
	st := stems(w)
	if len(st) == 0 || ix.phraseDF(st) == 0 {
		return false
	}
	return len(st) > 1 || ix.vocab.holdsInflection(w)
}

// phraseDF estimates how many passages hold every stem of a phrase.
func (ix *Index) phraseDF(st []string) int {
	d := math.MaxInt
	for _, s := range st {
		d = min(d, ix.df[s])
	}
	return d
}

func (ix *Index) idf(df int) float64 {
	return math.Log(1 + float64(len(ix.passages))/float64(df+1))
}

func dedupeTerms(ts []Term) []Term {
	seen := map[string]bool{}
	out := ts[:0]
	for _, t := range ts {
		k := strings.Join(t.Alternatives, "|")
		if seen[k] || len(t.Alternatives) == 0 {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// Field boosts: a word in a section heading says more about what a passage
// answers than the same word in its text.
const (
	boostText    = 1.0
	boostHeading = 2.5
	boostContext = 0.6
	boostSynonym = 0.6
)

// buildQuery makes bleve query objects from analysed terms: per term, a
// disjunction of its alternatives over the fields (a phrase query for a
// multi-word alternative, a fuzzy query for a word typed wrong); terms are combined in a disjunction, whose
// coordination factor favours passages that match more of them.
func buildQuery(terms []Term) query.Query {
	var top []query.Query
	for _, t := range terms {
		var alts []query.Query
		for i, alt := range t.Alternatives {
			if i >= len(t.stems) {
				break
			}
			boost := 1.0
			if i > 0 {
				boost = boostSynonym
			}
			if t.credit != nil {
				boost = boostSynonym * t.credit[i]
			}
			for _, f := range []struct {
				name  string
				boost float64
			}{{fieldText, boostText}, {fieldHeading, boostHeading}, {fieldContext, boostContext}} {
				var q query.Query
				if len(t.stems[i]) > 1 {
					pq := bleve.NewMatchPhraseQuery(alt)
					pq.SetField(f.name)
					pq.SetBoost(boost * f.boost)
					q = pq
				} else {
					// The stem is already analysed: a term query spares
					// bleve analysing the word again for every field.
					tq := bleve.NewTermQuery(t.stems[i][0])
					tq.SetField(f.name)
					tq.SetBoost(boost * f.boost)
					q = tq
				}
				alts = append(alts, q)
			}
		}
		if t.Corrected != "" {
			// The word as typed, matched fuzzily against the index's own
			// terms, in case the correction picked the wrong neighbour.
			fq := bleve.NewFuzzyQuery(t.Word)
			fq.SetField(fieldText)
			fq.SetFuzziness(min(2, max(1, len([]rune(t.Word))/5)))
			fq.SetBoost(boostSynonym / 2)
			alts = append(alts, fq)
		}
		if len(alts) > 0 {
			top = append(top, bleve.NewDisjunctionQuery(alts...))
		}
	}
	if len(top) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDisjunctionQuery(top...)
}
