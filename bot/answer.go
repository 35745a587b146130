package bot

import (
	"context"
	"sort"
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
	// lead is the lead-in line quoted over a single list item, "" otherwise.
	lead string
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
		q := rt.quoteFrom(s, h, res.Hits)
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
		for k, have := range quotes {
			if q.lead != "" && have.lead == q.lead && have.p.Cite == q.p.Cite {
				// Another item of a list already quoted joins it under
				// the one lead-in line.
				used[h.ID] = true
				quotes[k].snippet += "\n- " + h.Text
				quotes[k].show = quotes[k].snippet
				return
			}
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
// list; another item with the line that leads into its list, which says
// what the item is one of ("… side effects may include:" over "- Mild
// nausea or vomiting."); other hits by their best sentences.
func (rt *Router) quoteFor(s Searcher, h SearchHit) quote {
	return rt.quoteFrom(s, h, nil)
}

// quoteFrom is quoteFor with the ranking the hit came from, whose matches
// choose which items of a long list are quoted (nil: the first ones).
func (rt *Router) quoteFrom(s Searcher, h SearchHit, hits []SearchHit) quote {
	q := quote{p: h.Passage, snippet: h.Snippet, show: h.Snippet, score: h.Score}
	wholeList := h.LeadsList || (h.Kind == "item" && (h.TextCoverage < 0.5*h.Coverage || h.HeadingCoverage >= listHeadingCoverage))
	if wholeList {
		items := s.List(h.Passage)
		if len(items) > 0 {
			q.snippet = listQuote(items[0].Lead, rt.listItems(items, h, hits))
			q.show, q.list = q.snippet, true
			return q
		}
	}
	if h.Kind == "item" && h.Lead != "" && q.snippet == h.Text {
		q.snippet = listQuote(h.Lead, []Passage{h.Passage})
		q.show, q.lead = q.snippet, h.Lead
	}
	if h.Kind == "row" && h.Lead != "" {
		q.show = h.Lead + "\n" + h.Text
	}
	return q
}

// listQuote is a list's lead-in line, when it has one, over the items.
func listQuote(lead string, items []Passage) string {
	var b strings.Builder
	b.WriteString(lead)
	for _, it := range items {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("- " + it.Text)
	}
	return b.String()
}

// listItems are the items of a list an answer quotes, in the list's order:
// all of them up to MaxListItems; of a longer list the hit itself and the
// items that hold most of the question's words (TextCoverage in the
// ranking), then the first ones, so that the item holding the answer is
// not cut off for being seventh.
func (rt *Router) listItems(items []Passage, h SearchHit, hits []SearchHit) []Passage {
	n := rt.answer.MaxListItems
	if len(items) <= n {
		return items
	}
	cov := map[string]float64{}
	for _, o := range hits {
		if o.Kind == "item" {
			cov[o.ID] = o.TextCoverage
		}
	}
	cov[h.ID] = 2 // the hit itself, above any match
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cov[items[order[a]].ID] > cov[items[order[b]].ID] })
	keep := order[:n]
	sort.Ints(keep)
	out := make([]Passage, 0, n)
	for _, i := range keep {
		out = append(out, items[i])
	}
	return out
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
