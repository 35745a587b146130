package index

import (
	"math"

	"github.com/infusionbot/infusionbot/internal/lexicon"
)

// Meaning beside words: each passage has a vector, the mean of its words'
// vectors (GloVe, internal/lexicon) weighted by how much each word says
// (lexicon.Information), and the question one of its own words, weighted
// as its terms, those the articles lack included ("perks", "wreck").
// Their cosine re-ranks the candidates bleve found, so that a passage about
// what the question means, not only one holding its words, comes first.
//
// weightDense, times denseShare, was chosen with `infusionbot search
// --cases` (right passage first / in the first five, ignoring abstention)
// on dev, qa_tune, qa_final, qa_final2 and the regression set, 348
// single-turn questions: 235/300 without meaning; 235/302 at 0.2 and 0.3,
// 236/300 at 0.5. Counted for every question alike (no denseShare) it
// gave 236–238 first at 0.02–0.3 but put a benefits bullet ("fewer and
// milder side effects") before the side-effects list for the plainest
// side-effects question; counted at a quarter plus the share, 238/300 with
// that question a hair from flipping. Reciprocal rank fusion of the two
// rankings (score plus w·(k+1)/(k+rank by meaning)) did no better (237–239
// first, 297–302 in the first five for k 2–60, w 0.02–0.1).
var weightDense = 0.3

// passageVector is passage i's unit meaning vector, nil when none of its
// words has a vector. It is computed when a query first ranks the passage
// (start-up and a large knowledge's indexing pay nothing for it) and kept.
func (ix *Index) passageVector(i int) []float32 {
	if v := ix.pvec[i].Load(); v != nil {
		return *v
	}
	p := ix.passages[i]
	acc := make([]float32, lexicon.Dims)
	any := false
	for _, w := range words(p.Text + " " + p.Section) {
		if !isStopWord(w) && lexicon.AddVector(acc, w, float32(lexicon.Information(w))) {
			any = true
		}
	}
	var v []float32
	if any {
		v = normalize(acc)
	}
	ix.pvec[i].Store(&v)
	return v
}

// queryVector is the weighted mean of the vectors of a question's words.
func (ix *Index) queryVector(terms []Term) []float32 {
	acc := make([]float32, lexicon.Dims)
	any := false
	for _, t := range terms {
		w := t.Word
		if t.Corrected != "" {
			w = t.Corrected
		}
		for _, part := range words(w) {
			if isStopWord(part) {
				continue
			}
			if lexicon.AddVector(acc, part, float32(t.Weight)) {
				any = true
			}
		}
	}
	if !any {
		return nil
	}
	return normalize(acc)
}

func normalize(v []float32) []float32 {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return v
	}
	inv := float32(1 / math.Sqrt(n))
	for k := range v {
		v[k] *= inv
	}
	return v
}

func dot(a, b []float32) float64 {
	var s float32
	for k := range a {
		s += a[k] * b[k]
	}
	return float64(s)
}

// denseShare is how much meaning counts for a question: the share of its
// weight in words no passage holds ("perks", "trip", "sitting"). Where
// every word is the articles' own, the words rank better than their
// meaning: "side effects of lidocaine" means the passage listing them, not
// the one saying there are fewer (that ranked first with meaning counted
// for every question at 0.15 and more).
func (ix *Index) denseShare(terms []Term) float64 {
	var total, absent float64
	for _, t := range terms {
		total += t.Weight
		if !t.Known {
			absent += t.Weight
		}
	}
	if total == 0 {
		return 0
	}
	return absent / total
}
