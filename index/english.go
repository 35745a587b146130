package index

import (
	"math"
	"strings"

	"github.com/infusionbot/infusionbot/internal/lexicon"
)

// What English at large says about a word the articles lack
// (internal/lexicon: frequency ranks from GloVe, the wamerican dictionary).
var (
	// A word the articles lack weighs by how rare it is in English. One
	// rarer than rank absentFullRank ("pacemaker", "pregnancy") is what
	// makes a question one the articles don't answer: it weighs as much as
	// a word held by no passage can. One at least as frequent as rank
	// absentFloorRank ("just", "later", but also "children", "return")
	// says less about what a question asks them: it keeps absentMinShare of
	// that weight. In between, by the logarithm of its rank (a word's
	// information, after Zipf's law). Chosen on the development, tuning and
	// regression cases (docs/retrieval.md).
	absentFloorRank = 500
	absentFullRank  = 10000
	absentMinShare  = 0.6
)

// absentWeight is the share of full weight a word the articles lack keeps.
func absentWeight(w string) float64 {
	return rarityShare(w, absentFloorRank, absentFullRank, absentMinShare)
}

// rarityShare ramps with how rare w is in English: minShare at frequency
// rank floorRank or more frequent, 1 from fullRank (and for a word with no
// rank, rarer than any that has one), by the logarithm of the rank between.
func rarityShare(w string, floorRank, fullRank int, minShare float64) float64 {
	r := lexicon.Rank(w)
	if r == 0 {
		return 1
	}
	f := (math.Log(float64(r)) - math.Log(float64(floorRank))) /
		(math.Log(float64(fullRank)) - math.Log(float64(floorRank)))
	return min(1, max(minShare, f))
}

// isEnglishWord reports whether w is a real English word, which is never
// "corrected" into another ("awake" is not a typo of "aware").
func isEnglishWord(w string) bool {
	return lexicon.IsDictionaryWord(w)
}

// dropG restores a dropped final g ("sittin" -> "sitting") when that makes
// a dictionary word of a word that is none.
func dropG(w string) string {
	if len(w) > 4 && w[len(w)-2:] == "in" && !isEnglishWord(w) && isEnglishWord(w+"g") {
		return w + "g"
	}
	return w
}

// englishCorrectionMaxLen bounds the words corrected towards English: a
// longer one is most often a name or a term (one edit from a dictionary
// word by chance), and its hundreds of candidates would cost a message
// more than the rest of its analysis.
const englishCorrectionMaxLen = 6

// englishCorrection returns the English word a person meant by w, which is
// neither a word of the knowledge nor one of English nor one edit from a
// word of the knowledge: a contraction typed without its apostrophe
// ("isnt", "im") as the stop word it is, else the most frequent dictionary
// word one edit away (keeping the first letter: "giv" is "give"), so that
// an everyday word typed short weighs as the everyday word, not as a rare
// word the articles lack. w itself when there is none.
func englishCorrection(w string) string {
	if isStopWord(w) || strings.ContainsAny(w, "'’") {
		return w
	}
	for k := 1; k <= 2 && k < len(w); k++ {
		if c := w[:len(w)-k] + "'" + w[len(w)-k:]; isStopWord(c) {
			return c
		}
	}
	if len(w) > englishCorrectionMaxLen || lexicon.Rank(w) > 0 {
		// A word English text uses often enough to rank is one of its
		// own, a name or an abbreviation ("fda", "lyme", "nah"), not a
		// typo of another.
		return w
	}
	best, bestRank := w, 0
	try := func(c string) {
		if c == "" || c[0] != w[0] || !isEnglishWord(c) {
			return
		}
		if r := lexicon.Rank(c); r > 0 && r <= englishCorrectionMaxRank && (bestRank == 0 || r < bestRank) {
			best, bestRank = c, r
		}
	}
	// A letter left out only: a letter changed, added or swapped turns
	// abbreviations and names into everyday words ("ocd" old, "ect" eat,
	// "oxy" ox, "picc" pick, "ket" key).
	for i := 0; i <= len(w); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			try(w[:i] + string(c) + w[i:])
		}
	}
	return best
}

// englishCorrectionMaxRank bounds the English word a typo is read as: the
// everyday words a person types short ("giv"); a rarer one a letter away
// ("crohns" crowns) is more often another word than the one meant.
const englishCorrectionMaxRank = 3000
