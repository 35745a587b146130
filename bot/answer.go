package bot

import (
	"context"
	"strings"

	"github.com/infusionbot/infusionbot/bot/answerability"
)

// AnswerConfig tunes how answers are chosen from a ranking. The defaults
// were measured on the development cases (see README).
type AnswerConfig struct {
	// MinCoverage is the share of the question's weight a passage must hold
	// to be quoted beside the best one, or offered as a choice.
	MinCoverage float64
	// Lead picks the passage among the best ranked that answers the
	// question, or reports false when none does; nil: the embedded
	// answerability model (package answerability).
	Lead func(answerability.Input) (int, bool)
	// RelativeScore is how close to the best passage's score another passage
	// must be to be quoted as well.
	RelativeScore float64
	// MaxQuotes is the most passages one answer quotes.
	MaxQuotes int
	// MaxListItems is the most list items quoted from one list.
	MaxListItems int
	// Candidates is how many passages are ranked.
	Candidates int
}

func (c AnswerConfig) withDefaults() AnswerConfig {
	if c.MinCoverage == 0 {
		c.MinCoverage = 0.65
	}
	if c.RelativeScore == 0 {
		c.RelativeScore = 0.6
	}
	if c.MaxQuotes == 0 {
		c.MaxQuotes = 3
	}
	if c.MaxListItems == 0 {
		c.MaxListItems = 6
	}
	if c.Candidates == 0 {
		c.Candidates = 20
	}
	if c.Lead == nil {
		c.Lead = answerability.Default().Lead
	}
	return c
}

// quote is one cited piece of an answer.
type quote struct {
	p       Passage
	snippet string // verbatim source text
	show    string // how the body shows it (a table row with its header)
	score   float64
	list    bool
}

// answerQuestion searches the articles and builds a cited answer, or says
// that the articles don't cover the question.
func (rt *Router) answerQuestion(ctx context.Context, s Searcher, question string) (Reply, error) {
	res, err := s.Search(ctx, question, rt.answer.Candidates)
	if err != nil {
		return Reply{}, err
	}
	return rt.answerFrom(s, res), nil
}

// answerFrom builds the answer from a ranking, or says that the articles
// don't cover the question.
func (rt *Router) answerFrom(s Searcher, res SearchResult) Reply {
	if !anyKnown(res.Terms) {
		return Reply{Intent: IntentOutOfScope, Body: rt.replies.Get("out_of_scope")}
	}
	// The answerability model picks the passage that leads, the best ranked
	// that answers (answerable.go), or says none does.
	lead, ok := 0, false
	if len(res.Hits) > 0 {
		lead, ok = rt.answer.Lead(answerabilityInput(res))
	}
	if !ok {
		return rt.notFound()
	}
	res.Hits = leadWith(res.Hits, lead)
	return rt.compose(rt.quotes(s, res))
}

// Thresholds for answering a clinic question (hours, parking, costs) from
// the articles instead of with the clinic's contact details: the clinic
// wrote an article whose heading is about it ("## Parking").
const (
	clinicMinCoverage        = 0.8
	clinicMinHeadingCoverage = 0.5
)

// answerClinicQuestion answers a clinic question from an article of the
// clinic's own that is plainly about it, or reports false.
func (rt *Router) answerClinicQuestion(ctx context.Context, s Searcher, question string) (Reply, bool, error) {
	res, err := s.Search(ctx, question, rt.answer.Candidates)
	if err != nil || len(res.Hits) == 0 {
		return Reply{}, false, err
	}
	top := res.Hits[0]
	if top.Coverage < clinicMinCoverage || top.HeadingCoverage < clinicMinHeadingCoverage {
		return Reply{}, false, nil
	}
	r := rt.compose(rt.quotes(s, res))
	r.Intent = IntentClinic
	return r, true, nil
}

// quotes picks what an answer quotes: the best passage, and others close
// to it in score from other places.
func (rt *Router) quotes(s Searcher, res SearchResult) []quote {
	cfg := rt.answer
	top := res.Hits[0]
	var quotes []quote
	used := map[string]bool{} // passage ids already quoted
	add := func(h SearchHit) {
		q := rt.quoteFor(s, h)
		ids := []string{h.ID}
		if q.list {
			ids = nil
			for _, p := range s.List(h.Passage) {
				ids = append(ids, p.ID)
			}
			if h.LeadsList {
				ids = append(ids, h.ID)
			}
		}
		for _, id := range ids {
			if used[id] {
				return
			}
		}
		for _, have := range quotes {
			if strings.Contains(have.snippet, q.snippet) || strings.Contains(q.snippet, have.snippet) {
				return
			}
		}
		for _, id := range ids {
			used[id] = true
		}
		quotes = append(quotes, q)
	}
	add(top)
	for _, h := range res.Hits[1:] {
		if len(quotes) >= cfg.MaxQuotes {
			break
		}
		if h.Score < cfg.RelativeScore*top.Score || h.Coverage < cfg.MinCoverage {
			continue
		}
		add(h)
	}
	return quotes
}

// listHeadingCoverage is how much of a question a list's headings must hold
// for the question to be about the whole list ("what are the benefits of
// lidocaine infusions?" under "Benefits of Lidocaine Infusions").
const listHeadingCoverage = 0.75

// quoteFor decides how much of a hit to quote: a list item whose headings
// hold the question, or whose own words barely match it (the question is
// about the list: "what are the side effects?"), is quoted with its whole
// list; other hits by their best sentences.
func (rt *Router) quoteFor(s Searcher, h SearchHit) quote {
	q := quote{p: h.Passage, snippet: h.Snippet, show: h.Snippet, score: h.Score}
	wholeList := h.LeadsList || (h.Kind == "item" && (h.TextCoverage < 0.5*h.Coverage || h.HeadingCoverage >= listHeadingCoverage))
	if wholeList {
		items := s.List(h.Passage)
		if len(items) > 0 {
			lead := items[0].Lead
			var b strings.Builder
			if lead != "" {
				b.WriteString(lead)
			}
			for i, it := range items {
				if i >= rt.answer.MaxListItems {
					break
				}
				if b.Len() > 0 {
					b.WriteString("\n")
				}
				b.WriteString("- " + it.Text)
			}
			q.snippet, q.show, q.list = b.String(), b.String(), true
			return q
		}
	}
	if h.Kind == "row" && h.Lead != "" {
		q.show = h.Lead + "\n" + h.Text
	}
	return q
}

// compose writes the answer: the quotes, each with its citation marker, the
// numbered sources and the handoff line.
func (rt *Router) compose(quotes []quote) Reply {
	var b strings.Builder
	b.WriteString(rt.replies.Get("answer_lead"))
	r := Reply{Intent: IntentQuestion, Answered: true, Handoff: rt.replies.Get("handoff")}
	// Quotes from one section share its number, so each source is listed
	// once; the citation's snippet holds all of its quotes, in body order.
	number := map[string]int{} // citation id -> index in r.Citations
	for _, q := range quotes {
		n, seen := number[q.p.Cite]
		if seen {
			r.Citations[n].Snippet += "\n" + q.snippet
		} else {
			n = len(r.Citations)
			number[q.p.Cite] = n
			r.Citations = append(r.Citations, Citation{
				ID: q.p.Cite, Title: q.p.Title, Section: q.p.Section, Source: q.p.Source,
				Snippet: q.snippet, Score: round2(q.score),
			})
		}
		b.WriteString("\n\n")
		b.WriteString(q.show)
		b.WriteString(" [" + itoa(n+1) + "]")
	}
	r.Body = b.String()
	return r
}

func (rt *Router) notFound() Reply {
	return Reply{Intent: IntentQuestion, Body: rt.replies.Get("not_found"), Handoff: rt.replies.Get("handoff")}
}

// anyKnown reports whether some term occurs in the knowledge.
func anyKnown(terms []SearchTerm) bool {
	for _, t := range terms {
		if t.Known {
			return true
		}
	}
	return false
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }
