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
	// KNN is the passage's support from the example questions closest to
	// the question: near the closest one's similarity when the top
	// neighbours agree on it, 0 when none points at it.
	KNN float64
}

// Input is a question as analysed and the passages ranked for it, best
// first.
type Input struct {
	Terms []Term
	Hits  []Hit
	// KNNTop is the similarity (0-1) of the example question closest to
	// the question, 0 when none is close (or there are no examples: a
	// clinic's own articles).
	KNNTop float64
	// KNNUnanswerable is the similarity (0-1) of the closest example
	// question the articles were asked and did not answer, 0 when none is.
	KNNUnanswerable float64
}

// featureNames name the features in the order Features returns them. None
// names a word or an article: every feature is a share, a count or a
// score, so that the model holds on a clinic's own article and on a large
// knowledge base as on the five it was trained with.
var featureNames = []string{
	"coverage",         // share of the question the passage holds, lacking words weighed by rarity (Params)
	"full_coverage",    // ... every lacking word at its full weight, as the searcher counts it
	"text_coverage",    // ... in its own words
	"heading_coverage", // ... in its headings
	"missed_rare",      // weight (relative) of the rarest known word the passage lacks
	"rare_unbridged",   // share of the question's weight on rare lacking words with no near word in the passage
	"rank",             // the passage's place in the ranking (0 for the top)
	"score_ratio",      // its score relative to the top passage's
	"knn_top",          // similarity of the closest example question (any passage's)
	"knn_support",      // the passage's support from the closest example questions
	"knn_first",        // 1 when the passage has the most support of the ranking, 0 else (or none has any)
	"terms",            // how many terms the question has (a tenth each, at most 1)
	"lacking_share",    // share of the question's weight on words the articles lack
	"next_ratio",       // the next passage's score relative to this one's (0 for none)
	"knn_unanswerable", // similarity of the closest example question the articles do not answer
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

// Params say how much a word the articles lack counts against a passage,
// by its English rarity (0 the commonest word, 1 rarer than any ranked):
// nothing up to CommonRarity, fully from RareRarity, linearly between;
// BridgedShare of that when the passage holds a word near it by meaning
// (a word vector at cosine BridgedCosine or more). They are chosen with the
// model, on the training data (./gen).
type Params struct {
	CommonRarity, RareRarity, BridgedShare, BridgedCosine float64
}

// lackWeight is the share of its weight a lacking word of rarity r keeps,
// at cosine b from its nearest passage word.
func (p Params) lackWeight(r, b float64) float64 {
	d := min(1, max(0, (r-p.CommonRarity)/max(1e-9, p.RareRarity-p.CommonRarity)))
	if b >= p.BridgedCosine {
		d *= p.BridgedShare
	}
	return d
}

// rarestRank is about the size of the frequency list (GloVe's 400,000).
const rarestRank = 400000

// Lacking is a word of the question the articles lack, as one passage
// sees it.
type Lacking struct {
	Weight float64
	// Rarity is its English rarity (0 the commonest word, 1 unranked).
	Rarity float64
	// Bridge is the cosine of its nearest word in the passage.
	Bridge float64
}

// LackingWords are the words of the question the articles lack, seen
// from the passage ranked i: the costly part of Features, which does not
// depend on Params.
func LackingWords(in Input, i int) []Lacking {
	var out []Lacking
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
			passage = passageVectors(in.Hits[i])
		}
		out = append(out, Lacking{Weight: t.Weight, Rarity: r, Bridge: nearest(t.Word, passage)})
	}
	return out
}

// Features describes whether the passage ranked i of in answers its
// question, for Model.Prob; nil when there is none.
func Features(in Input, i int, p Params) []float64 {
	if i >= len(in.Hits) {
		return nil
	}
	return FeaturesWith(in, i, LackingWords(in, i), p)
}

// FeaturesWith is Features with the lacking words already found.
func FeaturesWith(in Input, i int, lacking []Lacking, p Params) []float64 {
	hit := in.Hits[i]
	var total, known, maxKnown float64
	for _, t := range in.Terms {
		total += t.Weight
		if t.Known {
			known += t.Weight
			maxKnown = max(maxKnown, t.Weight)
		}
	}
	missedRare := 0.0
	for k, t := range in.Terms {
		if t.Known && maxKnown > 0 {
			missedRare = max(missedRare, (1-termMatch(hit, k))*t.Weight/maxKnown)
		}
	}
	var counted, rareUnbridged float64
	for _, l := range lacking {
		counted += p.lackWeight(l.Rarity, l.Bridge) * l.Weight
		if l.Bridge < p.BridgedCosine && l.Rarity >= p.RareRarity {
			rareUnbridged += share(l.Weight, total)
		}
	}
	// The searcher's coverages share the held weight out over every term's
	// full weight; here a lacking word counts only by its rarity.
	rescale := 1.0
	if known+counted > 0 {
		rescale = total / (known + counted)
	}
	adj := func(c float64) float64 { return min(1, c*rescale) }
	ratio := 1.0
	if s0 := in.Hits[0].Score; s0 > 0 {
		ratio = hit.Score / s0
	}
	knnFirst := 0.0
	if hit.KNN > 0 {
		knnFirst = 1
		for _, h := range in.Hits {
			if h.KNN > hit.KNN {
				knnFirst = 0
				break
			}
		}
	}
	next := 0.0
	if i+1 < len(in.Hits) && hit.Score > 0 {
		next = in.Hits[i+1].Score / hit.Score
	}
	return []float64{
		adj(hit.Coverage), hit.Coverage, adj(hit.TextCoverage), adj(hit.HeadingCoverage),
		missedRare, rareUnbridged, float64(i), ratio,
		in.KNNTop, hit.KNN, knnFirst,
		min(1, float64(len(in.Terms))/10), share(total-known, total), next,
		in.KNNUnanswerable,
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
