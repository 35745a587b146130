package bot

import (
	"strconv"
	"strings"
)

// choiceCloseness is how close in score the second passage must be to the
// best for the question to count as fitting both: further apart, the best
// one is the answer, not a guess.
const choiceCloseness = 0.85

// maxChoices is the most readings one reply offers.
const maxChoices = 3

// Replies used when the replies file a clinic wrote lacks them.
const (
	defaultChoicesLead = "Your question fits more than one thing in the clinic's articles. Did you mean:"
	defaultChoicesPick = "Reply with the number of the one you mean."
)

// choicesFor returns the confident hits that are about different things
// and fit the question about equally well, best first, or nil when the
// best hit is the answer. Different things are passages whose headings
// name different topics (lidocaine's side effects, ketamine's) that the
// question names neither of.
func (rt *Router) choicesFor(s Searcher, res SearchResult, asked []Topic) []SearchHit {
	tf, ok := s.(TopicFinder)
	if !ok {
		return nil
	}
	var hits []SearchHit
	for _, h := range res.Hits {
		if h.Coverage >= rt.answer.MinCoverage {
			hits = append(hits, h)
		}
	}
	if len(hits) < 2 {
		return nil
	}
	top := hits[0]
	topTopics := rt.headingTopics(tf, top.Passage)
	out := []SearchHit{top}
	seen := [][]Topic{topTopics}
	for _, h := range hits[1:] {
		if len(out) >= maxChoices || h.Score < choiceCloseness*top.Score {
			break
		}
		if h.Cite == top.Cite {
			continue
		}
		ts := rt.headingTopics(tf, h.Passage)
		distinct := true
		for _, other := range seen {
			if !differ(ts, other, asked) {
				distinct = false
				break
			}
		}
		if distinct {
			out = append(out, h)
			seen = append(seen, ts)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// differ reports whether two passages' headings say they are about
// different things the question leaves open: different topics of one kind
// (lidocaine's side effects, ketamine's), or, for a question that names no
// topic, a topic one of them names and the other lacks (the side effects
// of infusions, of ketamine). A question naming lidocaine is not asked back
// whether it meant lidocaine, nor "what is CRPS?" whether it meant the
// drug that treats it.
func differ(a, b, asked []Topic) bool {
	for _, pair := range [2][2][]Topic{{a, b}, {b, a}} {
		for _, t := range pair[0] {
			if hasTopic(pair[1], t.Name) || hasKind(asked, t.Kind) {
				continue
			}
			if len(asked) == 0 || hasKind(pair[1], t.Kind) {
				return true
			}
		}
	}
	return false
}

// headingTopics are the topics a passage's headings name, cached per
// passage: the same passages rank for question after question.
func (rt *Router) headingTopics(tf TopicFinder, p Passage) []Topic {
	box := rt.current.Load()
	if v, ok := box.headingTopics.Load(p.Cite); ok {
		return v.([]Topic)
	}
	ts := tf.Topics(strings.Join(p.Headings, "\n"))
	box.headingTopics.Store(p.Cite, ts)
	return ts
}

// offerChoices writes the "did you mean" reply: each reading numbered,
// with its headings and its quote.
func (rt *Router) offerChoices(s Searcher, hits []SearchHit) Reply {
	var b strings.Builder
	b.WriteString(orDefault(rt.replies.Get("choices_lead"), defaultChoicesLead))
	r := Reply{Intent: IntentQuestion, Answered: true, Handoff: rt.replies.Get("handoff")}
	for i, h := range hits {
		q := rt.quoteFor(s, h)
		n := strconv.Itoa(i + 1)
		label := choiceLabel(h.Passage)
		b.WriteString("\n\n" + n + ". " + label + "\n" + q.show + " [" + n + "]")
		r.Citations = append(r.Citations, Citation{
			ID: q.p.Cite, Title: q.p.Title, Section: q.p.Section, Source: q.p.Source,
			Snippet: q.snippet, Score: round2(q.score),
		})
		r.Choices = append(r.Choices, Choice{Label: label, Text: n})
	}
	b.WriteString("\n\n" + orDefault(rt.replies.Get("choices_pick"), defaultChoicesPick))
	r.Body = b.String()
	return r
}

// choiceLabel names what a passage is about: its section under the
// heading above it ("Ketamine Infusions — Side Effects and Risks"), or
// under the article's title.
func choiceLabel(p Passage) string {
	hs := p.Headings
	if len(hs) == 0 {
		if p.Title == p.Section || p.Section == "" {
			return p.Title
		}
		return p.Title + " — " + p.Section
	}
	if len(hs) == 1 {
		if hs[0] == p.Title {
			return p.Title
		}
		return p.Title + " — " + hs[0]
	}
	return hs[len(hs)-2] + " — " + hs[len(hs)-1]
}

// pickedChoice returns the offered passage that text picks by its number
// ("2", "2.", "number 2"), or false.
func pickedChoice(text string, offered []SearchHit) (SearchHit, bool) {
	if len(offered) == 0 {
		return SearchHit{}, false
	}
	norm := strings.TrimPrefix(normalize(text), "number ")
	n, err := strconv.Atoi(norm)
	if err != nil || n < 1 || n > len(offered) {
		return SearchHit{}, false
	}
	return offered[n-1], true
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
