package index

import (
	"context"
	"strings"
	"unicode"

	"github.com/infusionbot/infusionbot/bot"
)

// Searcher adapts an Index to the bot's Searcher interface.
type Searcher struct{ *Index }

var _ bot.Searcher = Searcher{}

// Search ranks passages and picks each one's best sentences for the query.
func (s Searcher) Search(ctx context.Context, text string, k int) (bot.SearchResult, error) {
	res, err := s.Index.Search(ctx, text, k)
	out := bot.SearchResult{KNNTop: res.KNNTop, KNNUnanswerable: res.KNNUnanswerable}
	for _, t := range res.Terms {
		out.Terms = append(out.Terms, bot.SearchTerm{Word: t.Word, Corrected: t.Corrected, Known: t.Known, Weight: t.Weight})
	}
	if err != nil {
		return out, err
	}
	for _, h := range res.Hits {
		i := s.byID[h.ID]
		out.Hits = append(out.Hits, bot.SearchHit{
			Passage:         s.botPassage(h.Passage),
			Score:           h.Score,
			Coverage:        h.Coverage,
			TextCoverage:    weightedCoverage(s.fieldSets[i].text, res.Terms), // the stems of h.Text
			HeadingCoverage: s.headingCoverage(h.Passage, res.Terms),
			TermMatch:       s.termMatches(i, res.Terms),
			Snippet:         s.bestSpan(i, res.Terms, res.asked),
			KNN:             h.KNN,
		})
	}
	return out, nil
}

func (s Searcher) botPassage(p Passage) bot.Passage {
	return bot.Passage{
		ID: p.ID, Cite: p.CitationID(), DocPath: p.DocPath, Title: p.Title, Source: p.Source,
		Section: p.Section, Headings: p.Headings, Kind: string(p.Kind), Text: p.Text, Lead: p.Lead,
		LeadsList: s.leadsList(p),
	}
}

// leadsList reports whether p is the paragraph that introduces a list.
func (s Searcher) leadsList(p Passage) bool {
	if p.Kind != KindParagraph || !strings.HasSuffix(p.Text, ":") {
		return false
	}
	i := s.byID[p.ID]
	return i+1 < len(s.passages) && s.passages[i+1].Kind == KindListItem &&
		s.passages[i+1].Lead == p.Text && s.passages[i+1].DocPath == p.DocPath
}

// List returns the items of p's list or table, or of the list p introduces.
func (s Searcher) List(bp bot.Passage) []bot.Passage {
	i, ok := s.byID[bp.ID]
	if !ok {
		return nil
	}
	p := s.passages[i]
	if p.Kind == KindParagraph {
		if !s.leadsList(p) {
			return nil
		}
		p = s.passages[i+1]
		i++
	}
	start, end := i, i
	same := func(q Passage) bool {
		return q.DocPath == p.DocPath && q.Anchor == p.Anchor && q.Group == p.Group && q.Kind == p.Kind
	}
	for start > 0 && same(s.passages[start-1]) {
		start--
	}
	for end+1 < len(s.passages) && same(s.passages[end+1]) {
		end++
	}
	var out []bot.Passage
	for _, q := range s.passages[start : end+1] {
		out = append(out, s.botPassage(q))
	}
	return out
}

// Sources lists the documents.
func (s Searcher) Sources() []bot.Source {
	var out []bot.Source
	for _, d := range s.docs {
		out = append(out, bot.Source{Path: d.Path, Title: d.Title, Source: d.Source, Published: d.Published})
	}
	return out
}

// termMatches is, per term, how well passage i's fields hold it.
func (s Searcher) termMatches(i int, terms []Term) []float64 {
	out := make([]float64, len(terms))
	for k, t := range terms {
		out[k] = fieldMatch(s.fieldSets[i], t)
	}
	return out
}

// headingCoverage is the weighted share of terms the passage's heading
// path (its own heading and those above it) holds.
func (s Searcher) headingCoverage(p Passage, terms []Term) float64 {
	fs := s.fieldSets[s.byID[p.ID]]
	set := map[string]struct{}{}
	for k := range fs.heading {
		set[k] = struct{}{}
	}
	for k := range fs.parents {
		set[k] = struct{}{}
	}
	return weightedCoverage(set, terms)
}

// stemSet is the set of text's stems and of its adjacent stem pairs
// (bigramKey), so that a multi-word term ("nerve pain") matches the words
// side by side, not scattered ("nerve signals … pain").
func stemSet(text string) map[string]struct{} {
	set := map[string]struct{}{}
	st := stems(text)
	for i, s := range st {
		set[s] = struct{}{}
		if i > 0 {
			set[bigramKey(st[i-1], s)] = struct{}{}
		}
	}
	return set
}

// bigramKey is the set key of two adjacent stems (stems hold no spaces).
func bigramKey(a, b string) string { return a + " " + b }

// holdsStems reports whether set holds a term's stems: a single stem, or
// every adjacent pair of a multi-word one.
func holdsStems(set map[string]struct{}, st []string) bool {
	if len(st) == 1 {
		_, ok := set[st[0]]
		return ok
	}
	for i := 1; i < len(st); i++ {
		if _, ok := set[bigramKey(st[i-1], st[i])]; !ok {
			return false
		}
	}
	return len(st) > 0
}

// weightedCoverage is the share of the terms' weight set holds; at most
// focusMissingCoverage when it lacks a focus term.
func weightedCoverage(set map[string]struct{}, terms []Term) float64 {
	return coverageIn(set, set, terms)
}

// coverageIn is weightedCoverage with focus terms looked for in own only.
func coverageIn(set, own map[string]struct{}, terms []Term) float64 {
	return coverageGiven(set, own, terms, nil)
}

// coverageGiven is coverageIn where the terms whose words are in given
// count as held wherever they are looked for.
func coverageGiven(set, own map[string]struct{}, terms []Term, given map[string]bool) float64 {
	var have, total float64
	lacksFocus := false
	for _, t := range terms {
		total += t.Weight
		switch {
		case t.Focus && !given[t.Word] && !holdsTerm(own, t):
			lacksFocus = true
		case given[t.Word] || holdsTerm(set, t):
			have += t.Weight
		}
	}
	if total == 0 {
		return 0
	}
	if lacksFocus {
		return min(have/total, focusMissingCoverage)
	}
	return have / total
}

// focusMissingCoverage caps the coverage of text that lacks what the
// person asks about ("can I work the next day?" is not answered by "you
// may notice improvement over the next few days").
const focusMissingCoverage = 0.5

// bestSpan picks the sentences of a paragraph that answer the query: the
// sentence that holds most of the query's weight, counting the aspect it
// asks about (sentenceScore; the earliest on a tie), with the neighbour
// that holds most of the rest when there is room for it. A sentence that refers back ("This oversight helps …", "These
// effects …") is quoted with the one before it, which says what it refers
// to, and a best sentence followed by one that refers back to it is quoted
// with it ("… (CIDP) represents another condition …. This neurological
// disorder causes …"). Items and rows are quoted whole.
func (ix *Index) bestSpan(pi int, terms []Term, asked aspect) string {
	p := ix.passages[pi]
	if p.Kind != KindParagraph || len(p.Text) <= 220 {
		return p.Text
	}
	sst := ix.sentenceStems(pi)
	ss := sst.sentences
	cov := make([]float64, len(ss))
	score := make([]float64, len(ss))
	best := 0
	for i := range ss {
		if !isQuestionSentence(ss[i]) { // the article's own question answers nothing
			cov[i] = weightedCoverage(sst.stems[i], terms)
			score[i] = sentenceScore(sst, i, terms, asked)
		}
		if score[i] > score[best]+1e-9 {
			best = i
		}
	}
	start, end := best, best+1
	next, prev := -1.0, -1.0
	if end < len(ss) {
		next = cov[end]
	}
	if start > 0 {
		prev = cov[start-1]
	}
	switch {
	case start > 0 && refersBack(ss[best]):
		start--
	case end < len(ss) && refersBack(ss[end]):
		end++
	case next >= 0 && next >= prev && (next > 0 || len(ss[best]) < 100):
		end++
	case prev > 0:
		start--
	}
	if span := strings.Join(ss[start:end], ""); len(span) <= 450 {
		return strings.TrimSpace(span)
	}
	return strings.TrimSpace(ss[best])
}

// weightSentenceAspect is how much stating the aspect a question asks
// about counts for a sentence, beside the share of the question it holds
// (the weighted coverage ranking reads): "how long …" is answered by the
// sentence of a paragraph that states a duration.
var weightSentenceAspect = 0.1

// sentenceScore is how well sentence k of a paragraph answers the terms:
// the share of their weight it holds, where a sentence stating the asked
// aspect holds the words that ask for it (askingWords), and a little more
// for stating it.
func sentenceScore(sst *sentenceStems, k int, terms []Term, asked aspect) float64 {
	set := sst.stems[k]
	if asked == aspectNone || sst.states[k]&(1<<asked) == 0 {
		return weightedCoverage(set, terms)
	}
	s := coverageGiven(set, set, terms, askingWords[asked])
	if s == 0 {
		return 0
	}
	return s + weightSentenceAspect
}

// referringWords open a sentence that refers back to the one before it.
var referringWords = map[string]bool{
	"this": true, "these": true, "that": true, "those": true, "such": true,
	"it": true, "its": true, "they": true, "their": true, "both": true,
}

// refersBack reports whether sentence s opens with a word that refers to
// what the sentence before it said.
func refersBack(s string) bool {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return referringWords[strings.ToLower(s[:end])] // "It’s" opens with "it"
}

// sentenceStems are a paragraph's sentences and the stems of each.
type sentenceStems struct {
	sentences []string
	stems     []map[string]struct{}
	// states holds, per sentence, the aspects it states (bit 1<<aspect),
	// matched once here: the statement patterns are the costly part of
	// ranking by aspect, and the same sentences rank for every question.
	states []uint32
}

// sentenceStems splits passage i into sentences and analyses them, once:
// analysis is the costly part of picking a span, and the same passages
// answer question after question.
func (ix *Index) sentenceStems(i int) *sentenceStems {
	if v, ok := ix.sentenceCache.Load(i); ok {
		return v.(*sentenceStems)
	}
	ss := sentences(ix.passages[i].Text)
	st := &sentenceStems{sentences: ss, stems: make([]map[string]struct{}, len(ss)), states: make([]uint32, len(ss))}
	for k, s := range ss {
		st.stems[k] = stemSet(s)
		st.states[k] = statedAspects(s)
	}
	v, _ := ix.sentenceCache.LoadOrStore(i, st)
	return v.(*sentenceStems)
}
