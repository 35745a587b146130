package index

// Alternative questions are wordings that staff linked to the passage that
// answers them (infusionbot review link), because the article answers them
// in other words. A passage holds its questions' words as words of its own
// (coverage, typo correction and weights know them), and a question asked
// close to one of them finds that passage first even when bleve, which
// indexes only the articles, would not retrieve it.

// questionMatchCoverage is how much of a person's question (by weight) an
// alternative question must hold for its passage to be answered from.
const questionMatchCoverage = 0.65

// altQuestion is one alternative question of a passage.
type altQuestion struct {
	passage int
	stems   map[string]struct{}
}

// addQuestions attaches alternative questions (passage id → questions) to
// their passages and returns the ids of passages the index does not have.
func (ix *Index) addQuestions(qs map[string][]string) (unknown []string) {
	for id, list := range qs {
		i, ok := ix.byID[id]
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		for _, q := range list {
			set := stemSet(q)
			if len(set) == 0 {
				continue
			}
			ix.vocab.add(q)
			for s := range set {
				if _, had := ix.stemSets[i][s]; !had {
					ix.stemSets[i][s] = struct{}{}
					ix.df[s]++
				}
				ix.fieldSets[i].text[s] = struct{}{}
			}
			ix.questions = append(ix.questions, altQuestion{passage: i, stems: set})
		}
	}
	return unknown
}

// questionMatches returns, per passage, how much of the query's weight its
// closest alternative question holds, for those that hold enough.
func (ix *Index) questionMatches(terms []Term) map[int]float64 {
	var out map[int]float64
	for _, q := range ix.questions {
		c := weightedCoverage(q.stems, terms)
		if c < questionMatchCoverage {
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
