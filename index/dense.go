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
// weightDense was chosen on qa_tune, dev and the regression set (grid 0,
// 0.03, 0.05, 0.07, 0.1, 0.2, 0.3, 0.5; right passage first on 50/69, 20/24
// and 49/57 single-turn questions at 0.05, against 48, 20 and 49 without);
// more than 0.1 let meaning outweigh the words asked.
// Off (0) for now: at 0.03–0.05 a follow-up ("how long does it take?"
// after a ketamine question) quoted the comparison table before the
// ketamine session passage (TestAskJSONConversations).
var weightDense = 0.0

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
