package index

import (
	"github.com/infusionbot/infusionbot/internal/lexicon"
	"github.com/infusionbot/infusionbot/internal/thesaurus"
)

// A word the articles lack may still be theirs in other words: WordNet's
// synonyms of it (internal/thesaurus) that the articles hold become its
// alternatives, credited less than the word itself would be, and the more
// the two words' vectors agree, the more (the table holds only pairs that
// agree at least 0.25).
var (
	// thesaurusMinSimilarity is the least agreement a synonym needs here.
	thesaurusMinSimilarity = 0.35
	// thesaurusCredit is what a synonym found in a passage counts, at most.
	thesaurusCredit = 0.7
	// thesaurusMax is how many synonyms one word may bring.
	thesaurusMax = 3
	// thesaurusMinRank keeps the everyday words of English ("put", "goes",
	// "point", "just") out: their synsets hold every sense they have, and
	// what they bridge to ("place", "work", "precisely") is rarely what the
	// question means. A word rarer than this rank says what it means.
	thesaurusMinRank = 2000
)

// thesaurusTerm is the term for a word the articles lack, with weight w,
// ranked through its synonyms they hold; ok is false when they hold none.
//
// It still counts as a word the articles lack for everything but ranking
// (Known false; coverage, which decides whether the bot answers, does not
// count its synonyms): a synonym is evidence of which passage is meant,
// not that the articles answer ("cure" is not "therapeutic").
func (ix *Index) thesaurusTerm(typed, corrected, base string, w float64) (Term, bool) {
	if r := lexicon.Rank(base); thesaurusMax <= 0 || (r > 0 && r < thesaurusMinRank) {
		return Term{}, false
	}
	var alts []string
	var credit []float64
	for _, s := range thesaurus.Lookup(base) {
		if s.Similarity < thesaurusMinSimilarity || len(alts) == thesaurusMax {
			break // best first
		}
		st := stems(s.Word)
		if len(st) == 0 || ix.phraseDF(st) == 0 || (len(st) == 1 && !ix.knows(s.Word)) {
			continue
		}
		alts = append(alts, s.Word)
		credit = append(credit, thesaurusCredit*s.Similarity)
	}
	if len(alts) == 0 {
		return Term{}, false
	}
	t := ix.newTerm(typed, corrected, alts)
	t.Alternatives, t.stems = t.Alternatives[1:], t.stems[1:] // the word itself is nowhere
	if len(t.stems) != len(credit) {
		return Term{}, false
	}
	t.credit = credit
	t.Known, t.Weight, t.bridged = false, w, true
	return t, true
}
