package answerability

import (
	"math"
	"strings"
	"unicode"

	"github.com/infusionbot/infusionbot/internal/lexicon"
)

// Term is one meaningful word or phrase of a question, as the search
// analysed it.
type Term struct {
	// Word is the word the search looked for (the correction of a typo).
	Word string
	// Known is true when the articles hold the word or a synonym of it.
	Known bool
	// Weight is how much the word says about the question (rare words in
	// the articles weigh more; a word they lack weighs by its rarity in
	// English).
	Weight float64
}

// Hit is one ranked passage.
type Hit struct {
	// Text is the passage's words; Headings the headings it sits under.
	Text     string
	Headings []string
	// Score is the ranking's score; higher is better.
	Score float64
	// Coverage, TextCoverage and HeadingCoverage are the weighted shares of
	// the question the passage holds with its headings, in its own words,
	// and in its headings.
	Coverage, TextCoverage, HeadingCoverage float64
	// TermMatch is, per term of the question, how well the passage holds it
	// (1 in its own words, less in a heading, through a synonym, or only in
	// its context; 0 not at all). Nil when the searcher does not tell.
	TermMatch []float64
}

// Input is a question as analysed and the passages ranked for it, best
// first.
type Input struct {
	Terms []Term
	Hits  []Hit
}

// featureNames name the features in the order Features returns them. None
// names a word or an article: every feature is a share, a count or a
// score, so that the model holds on a clinic's own article and on a large
// knowledge base as on the five it was trained with.
var featureNames = []string{
	"coverage",          // weighted share of the question the passage holds
	"adjusted_coverage", // ... with the words the articles lack weighed by English rarity, less when bridged
	"text_coverage",     // ... in its own words
	"heading_coverage",  // ... in its headings
	"missed_rare",       // weight (relative) of the rarest known word the passage lacks
	"unknown_rare",      // share of the question's weight on the rarest words the articles lack
	"rare_unbridged",    // ... on uncommon or rare ones with no near word in the passage
	"unknown_unbridged", // rarity of the rarest lacking word, less by how near a passage word is
	"score",             // the passage's score
	"next_coverage",     // how much of the question the next passage holds
	"rank",              // the passage's place in the ranking (0 for the top)
	"score_ratio",       // its score relative to the top passage's
}

// NumFeatures is the length of a feature vector.
var NumFeatures = len(featureNames)

// FeatureNames returns the features' names in order.
func FeatureNames() []string { return append([]string(nil), featureNames...) }

// rarity is how rare a word is in English, from 0 (the most frequent) to 1
// (rarer than any ranked word), by the logarithm of its frequency rank: a
// word's information, after Zipf's law.
func rarity(w string) float64 {
	r := lexicon.Rank(w)
	if r == 0 {
		return 1
	}
	return min(1, math.Log(float64(r))/math.Log(rarestRank))
}

// rarityBands split the words the articles lack by English rarity: up to
// about rank 1,000 ("put", "visit"), 5,000 ("length", "wear"), 25,000
// ("pregnancy", "perks"), and rarer ("pacemaker", an unranked name).
var rarityBands = []float64{0.53, 0.65, 0.78}

// A word the articles lack counts against a passage by its English
// rarity: nothing up to commonRarity (about rank 1,000), fully from
// rareRarity (about rank 25,000), in between linearly; half as much when
// the passage holds a word near it by meaning.
const (
	commonRarity = 0.53
	rareRarity   = 0.78
)

// bridgedCosine is how near by meaning a passage word must be for a word
// the articles lack to count as said in other words.
const bridgedCosine = 0.45

func band(r float64) int {
	for b, top := range rarityBands {
		if r < top {
			return b
		}
	}
	return len(rarityBands)
}

// rarestRank is about the size of the frequency list (GloVe's 400,000).
const rarestRank = 400000

// Features describes whether the top passage of in answers its question,
// for Model.Prob. It is nil when there is no passage.
func Features(in Input) []float64 { return FeaturesAt(in, 0) }

// FeaturesAt describes whether the passage ranked i answers; nil when
// there is none.
func FeaturesAt(in Input, i int) []float64 {
	if i >= len(in.Hits) {
		return nil
	}
	top := in.Hits[i]
	var total, known, knownHeld, maxKnown float64
	for k, t := range in.Terms {
		total += t.Weight
		if t.Known {
			known += t.Weight
			knownHeld += t.Weight * termMatch(top, k)
			maxKnown = max(maxKnown, t.Weight)
		}
	}
	missedRare := 0.0
	for k, t := range in.Terms {
		if t.Known && maxKnown > 0 {
			missedRare = max(missedRare, (1-termMatch(top, k))*t.Weight/maxKnown)
		}
	}
	var unbridged, rare, rareUnbridged, discounted float64
	var passage [][]float32
	for _, t := range in.Terms {
		if t.Known {
			continue
		}
		r := 0.0
		for _, w := range splitWords(t.Word) {
			r = max(r, rarity(w))
		}
		if passage == nil {
			passage = passageVectors(top)
		}
		b := nearest(t.Word, passage)
		unbridged = max(unbridged, r*(1-max(0, b)))
		if band(r) == len(rarityBands) {
			rare += share(t.Weight, total)
		}
		if band(r) >= 2 && b < bridgedCosine {
			rareUnbridged += share(t.Weight, total)
		}
		d := min(1, max(0, (r-commonRarity)/(rareRarity-commonRarity)))
		if b >= bridgedCosine {
			d /= 2
		}
		discounted += d * t.Weight
	}
	next := 0.0
	if i+1 < len(in.Hits) {
		next = in.Hits[i+1].Coverage
	}
	ratio := 1.0
	if s0 := in.Hits[0].Score; s0 > 0 {
		ratio = top.Score / s0
	}
	return []float64{
		top.Coverage, share(knownHeld, known+discounted), top.TextCoverage, top.HeadingCoverage,
		missedRare, rare, rareUnbridged, unbridged,
		top.Score, next, float64(i), ratio,
	}
}

func share(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// termMatch is how well h holds term i; without per-term matches, its
// coverage stands for each.
func termMatch(h Hit, i int) float64 {
	if h.TermMatch == nil || i >= len(h.TermMatch) {
		return h.Coverage
	}
	return h.TermMatch[i]
}

// passageVectors are the word vectors of a passage's words and headings
// (those with a vector), for finding a question word's nearest neighbour.
func passageVectors(h Hit) [][]float32 {
	text := h.Text + " " + strings.Join(h.Headings, " ")
	seen := map[string]bool{}
	out := [][]float32{}
	for _, w := range splitWords(text) {
		if seen[w] || len(w) < 3 || lexicon.Rank(w) < minNeighbourRank {
			continue
		}
		seen[w] = true
		if v := lexicon.Vector(w); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// minNeighbourRank leaves the most frequent words ("the", "with") out of a
// passage's neighbours: near every word, they would bridge anything.
const minNeighbourRank = 150

// nearest is the best cosine between a word (or a phrase's words) and the
// passage's word vectors; 0 when either has none.
func nearest(word string, passage [][]float32) float64 {
	best := 0.0
	for _, w := range splitWords(word) {
		v := lexicon.Vector(w)
		if v == nil {
			continue
		}
		for _, p := range passage {
			var s float32
			for k := range v {
				s += v[k] * p[k]
			}
			best = max(best, float64(s))
		}
	}
	return best
}

// splitWords lower-cases text and splits it into words of letters and
// digits.
func splitWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
