package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// Hit is a passage found for a query.
type Hit struct {
	Passage
	// Score is bleve's relevance score.
	Score float64
	// KNN is the passage's support from the example questions closest to
	// the query (knn.go): near the closest one's similarity when the top
	// neighbours agree on it, 0 when none points at it.
	KNN float64
	// Coverage is the share of the query's weight (rare words weigh more)
	// that the passage, its headings and its context hold: 1 when every
	// term is found, 0 when none is.
	Coverage float64
}

// Result is a ranking with the analysis that produced it.
type Result struct {
	Terms []Term
	Hits  []Hit
	// KNNTop is the similarity (0–1) of the example question closest to
	// the query, 0 when no example is close.
	KNNTop float64
	// KNNUnanswerable is the similarity (0–1) of the closest example
	// question the articles were asked and do not answer, 0 when none is
	// close (knn.go).
	KNNUnanswerable float64
	// asked is the aspect the question asks about (aspect.go), read once
	// for the re-ranking and the quoted sentences alike.
	asked aspect
}

// Search ranks passages for a person's text and returns the best k.
func (ix *Index) Search(ctx context.Context, text string, k int) (Result, error) {
	terms := ix.Analyze(text)
	return ix.SearchTerms(ctx, text, terms, k)
}

// SearchTerms ranks passages for already analysed terms.
func (ix *Index) SearchTerms(ctx context.Context, text string, terms []Term, k int) (Result, error) {
	res := Result{Terms: terms}
	if k <= 0 {
		k = 10
	}
	// bleve ranks the candidates; the ones that hold more of the question
	// (coverage) then move up, since a passage that repeats one common word
	// must not beat one that holds every word of the question.
	req := bleve.NewSearchRequestOptions(buildQuery(ix.retrievalTerms(terms)), max(2*k, 40), 0, false)
	sr, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return res, fmt.Errorf("index: search: %w", err)
	}
	for _, h := range sr.Hits {
		i, ok := ix.byID[h.ID]
		if !ok || isQuestion(ix.passages[i].Text) {
			// An article's own question ("Could IV infusions work for
			// chronic pain?") answers nothing when quoted.
			continue
		}
		res.Hits = append(res.Hits, Hit{Passage: ix.passages[i], Score: h.Score, Coverage: ix.coverage(i, terms)})
	}
	// Passages the closest example questions point at are candidates too,
	// even when bleve, which reads only the articles' words, missed them.
	// The question's words, as typed and with text-speak spelled out, for
	// the neighbours and the re-ranking alike.
	typed := words(text)
	spelled := spellOut(typed, nil)
	kn := ix.neighbours(spelled, terms)
	res.KNNTop, res.KNNUnanswerable = kn.top, kn.unanswerable
	for _, sp := range kn.support {
		i, s := sp.passage, sp.support
		if isQuestion(ix.passages[i].Text) {
			continue
		}
		k := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == ix.passages[i].ID })
		if k < 0 {
			res.Hits = append(res.Hits, Hit{Passage: ix.passages[i], Coverage: ix.coverage(i, terms)})
			k = len(res.Hits) - 1
		}
		res.Hits[k].KNN = s
	}
	asked := ix.questionMatches(terms)
	for i, c := range asked {
		k := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == ix.passages[i].ID })
		if k < 0 {
			res.Hits = append(res.Hits, Hit{Passage: ix.passages[i]})
			k = len(res.Hits) - 1
		}
		res.Hits[k].Coverage = max(ix.coverage(i, terms), c)
	}
	res.asked = askedAspect(spelled)
	ix.rerank(typed, spelled, res.asked, terms, res.Hits)
	// The neighbours count as much as the words leave the question
	// unexplained: a question some passage covers whole is answered by
	// its words (knn.go).
	if kn.support != nil {
		maxCov := 0.0
		for _, h := range res.Hits {
			maxCov = max(maxCov, h.Coverage)
		}
		w := kn.weight * math.Pow(max(0, 1-maxCov), knnCoverPower)
		for k, h := range res.Hits {
			res.Hits[k].Score += w * h.KNN
		}
	}
	// A passage staff linked this question to answers it before any other.
	for k, h := range res.Hits {
		if c, ok := asked[ix.byID[h.ID]]; ok {
			res.Hits[k].Score += 1 + c
		}
	}
	// Ties go to the earlier passage, so a ranking never changes between
	// runs or between an index in memory and one on disk.
	sort.Slice(res.Hits, func(a, b int) bool {
		if res.Hits[a].Score != res.Hits[b].Score {
			return res.Hits[a].Score > res.Hits[b].Score
		}
		return ix.byID[res.Hits[a].ID] < ix.byID[res.Hits[b].ID]
	})
	if len(res.Hits) > k {
		res.Hits = res.Hits[:k]
	}
	return res, nil
}

// On a large knowledge base a word held by most passages ("infusion") makes
// bleve score nearly every passage for nothing: it is left out of retrieval
// when a rarer word remains, and still counts when the candidates are ranked.
const (
	commonTermMinPassages = 2000
	commonTermShare       = 0.25
)

// retrievalTerms are the terms bleve retrieves candidates with.
func (ix *Index) retrievalTerms(terms []Term) []Term {
	n := len(ix.passages)
	if n < commonTermMinPassages {
		return terms
	}
	var rare []Term
	for _, t := range terms {
		if float64(t.df) <= commonTermShare*float64(n) {
			rare = append(rare, t)
		}
	}
	if len(rare) == 0 {
		return terms
	}
	return rare
}

func isQuestion(text string) bool {
	return isQuestionSentence(text)
}

func isQuestionSentence(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, " \"”’)"), "?")
}

// coverage is the weighted share of terms that passage i holds. A focus
// term counts only in the passage's own words: a heading's "work" ("Which
// Types of IV Infusion Work …") is not the work a person goes back to.
func (ix *Index) coverage(i int, terms []Term) float64 {
	return coverageIn(ix.stemSets[i], ix.fieldSets[i].text, terms)
}

// termCredit is how much a set of stems holds t: 1 for the word or a
// synonym of it, a bridged word's similarity for its neighbour, 0 for none.
func termCredit(set map[string]struct{}, t Term) float64 {
	best := 0.0
	for a, st := range t.stems {
		if holdsStems(set, st) {
			if t.credit == nil {
				return 1
			}
			best = max(best, t.credit[a])
		}
	}
	return best
}

// holdsTerm reports whether a set of stems holds some alternative of t.
func holdsTerm(set map[string]struct{}, t Term) bool {
	if t.bridged {
		return false
	}
	for _, st := range t.stems {
		if holdsStems(set, st) {
			return true
		}
	}
	return false
}
