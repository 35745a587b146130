package index

// Alternative questions are wordings that staff linked to the passage that
// answers them (infusionbot review link), because the article answers them
// in other words. A passage holds its questions' words as words of its own
// (coverage, typo correction and weights know them), and a question asked
// close to one of them finds that passage first even when bleve, which
// indexes only the articles, would not retrieve it.

// questionMatchCoverage is how much of a person's question (by weight) an
// alternative question must hold for its passage to be answered from; and
// questionMatchShare how much of the alternative question's own terms the
// person's question must hold, so that "what should I wear?" is not the
// linked "how soon does the wooziness wear off?".
const (
	questionMatchCoverage = 0.65
	questionMatchShare    = 0.5
)

// altQuestion is one alternative question of a passage.
type altQuestion struct {
	passage int
	text    string
	stems   map[string]struct{}
	terms   [][]string // the stems of each of its own terms, as typed
}

// addQuestions attaches alternative questions (passage id → questions) to
// their passages and returns the ids of passages the index does not have.
// Their words join the vocabulary and the document frequencies (so they are
// known, and not "corrected" into other words), but not the passage's own
// words: only a question close to an alternative question reaches it.
func (ix *Index) addQuestions(qs map[string][]string) (unknown []string) {
	for id, list := range qs {
		i, ok := ix.byID[id]
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		counted := map[string]bool{}
		for _, q := range list {
			set := stemSet(q)
			if len(set) == 0 {
				continue
			}
			ix.vocab.add(q)
			for s := range set {
				if _, had := ix.stemSets[i][s]; !had && !counted[s] {
					counted[s] = true
					ix.df[s]++
				}
			}
			ix.questions = append(ix.questions, altQuestion{passage: i, text: q, stems: set})
		}
	}
	// Analysed once every question's words are known, so none is "corrected".
	for k, q := range ix.questions {
		for _, t := range ix.Analyze(q.text) {
			if len(t.stems) > 0 {
				ix.questions[k].terms = append(ix.questions[k].terms, t.stems[0])
			}
		}
	}
	return unknown
}

// questionMatches returns, per passage, how much of the query's weight its
// closest alternative question holds, for those that hold enough.
func (ix *Index) questionMatches(terms []Term) map[int]float64 {
	if len(ix.questions) == 0 {
		return nil
	}
	asked := map[string]struct{}{} // the question's stems, synonyms included
	for _, t := range terms {
		for _, st := range t.stems {
			for k, s := range st {
				asked[s] = struct{}{}
				if k > 0 {
					asked[bigramKey(st[k-1], s)] = struct{}{}
				}
			}
		}
	}
	var out map[int]float64
	for _, q := range ix.questions {
		c := weightedCoverage(q.stems, terms)
		if c < questionMatchCoverage || len(q.terms) == 0 {
			continue
		}
		held := 0
		for _, st := range q.terms {
			if holdsStems(asked, st) {
				held++
			}
		}
		if float64(held) < questionMatchShare*float64(len(q.terms)) {
			continue
		}
		if out == nil {
			out = map[int]float64{}
		}
		out[q.passage] = max(out[q.passage], c)
	}
	return out
}

// UnknownQuestionPassages lists the passage ids that alternative questions
// were linked to but the knowledge no longer has (an article was edited):
// their questions are ignored until linked again.
func (ix *Index) UnknownQuestionPassages() []string { return ix.unknownQuestions }
