package index

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Learned word associations: how a patient's word ("drip", "sick", "long")
// tends to be answered by text holding another ("infusion", "nausea",
// "hour"). They are learned from blind-written questions paired with the
// sentences that answer them (go generate: assocgen), as pointwise mutual
// information between a question's stems and its answers' stems (and
// headings), and re-rank bleve's candidates: a passage holding what the
// question's words are usually answered with moves up. They never count as
// coverage, so whether the bot answers is not theirs to change.
//
//go:generate go run ./assocgen -root .. -o assoc.txt

//go:embed assoc.txt
var assocText string

// Associations map a question stem to the answer stems it is associated
// with, each with its strength (> 0).
type Associations struct {
	// Weight is how much the associations count in a passage's score,
	// chosen with them by cross-validation (assocgen).
	Weight float64
	by     map[string][]assocTarget
}

type assocTarget struct {
	stem   string
	weight float64
}

// Which candidates the associations order (rank.go): those within
// assocSlack of the best coverage, when the best holds assocMinCoverage of
// the question, the share the answer decision answers from
// (bot.AnswerConfig.MinCoverage). Chosen with assocgen -v: with no such
// limits passage@1 rose most (qa_final2 82 -> 100/135) but unanswerable
// questions with a rare word the articles lack ("pregnancy", "age limit")
// were answered from the passage their other words are associated with.
const (
	assocSlack       = 0.1
	assocMinCoverage = 0.65
)

var assocTopicShare = 0.03

var defaultAssociations = mustParse(ParseAssociations(assocText))

// DefaultAssociations are the associations learned from the committed
// training questions (assoc.txt).
func DefaultAssociations() *Associations { return defaultAssociations }

// ParseAssociations reads the format Encode writes: one question stem a
// line, a tab, then space-separated stem:weight pairs.
func ParseAssociations(text string) (*Associations, error) {
	a := &Associations{by: map[string][]assocTarget{}}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if w, ok := strings.CutPrefix(line, "#weight "); ok {
			x, err := strconv.ParseFloat(w, 64)
			if err != nil {
				return nil, fmt.Errorf("associations line %d: %v", n+1, err)
			}
			a.Weight = x
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		src, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("associations line %d: no tab", n+1)
		}
		for _, f := range strings.Fields(rest) {
			s, w, ok := strings.Cut(f, ":")
			x, err := strconv.ParseFloat(w, 64)
			if !ok || err != nil || x <= 0 {
				return nil, fmt.Errorf("associations line %d: bad pair %q", n+1, f)
			}
			a.by[src] = append(a.by[src], assocTarget{s, x})
		}
	}
	return a, nil
}

// Encode writes the associations, sorted, in the format ParseAssociations reads.
func (a *Associations) Encode() string {
	var b strings.Builder
	srcs := make([]string, 0, len(a.by))
	for s := range a.by {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	fmt.Fprintf(&b, "#weight %g\n", a.Weight)
	for _, s := range srcs {
		b.WriteString(s)
		b.WriteByte('\t')
		for k, t := range a.by[s] {
			if k > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s:%.3f", t.stem, t.weight)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Len is how many question stems have associations.
func (a *Associations) Len() int {
	if a == nil {
		return 0
	}
	return len(a.by)
}

// questionStems are the stems of what a question asks, as the ranking
// reads it: its terms' own words (typos corrected, spelled out) and the
// everyday words analysis leaves out of the terms ("take", "last",
// "feel"), which say much about what kind of answer is wanted.
func (ix *Index) questionStems(terms []Term, ws []string) []string {
	var out []string
	for _, t := range terms {
		if t.Known && float64(t.df) < assocTopicShare*float64(len(ix.passages)) {
			// A word few passages hold is what the question is about,
			// matched as it is; what it is associated with is those
			// passages' other topics ("opioids" → non-opioid alternative).
			continue
		}
		if len(t.stems) > 0 && !t.bridged {
			out = append(out, t.stems[0]...)
		} else if len(t.Alternatives) > 0 {
			out = append(out, fillerStem(t.Alternatives[0])...)
		}
	}
	for _, w := range ws {
		if fillerWords[w] {
			out = append(out, fillerStem(w)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

var fillerStems sync.Map // word -> []string

// fillerStem is the stems of a word, analysed once.
func fillerStem(w string) []string {
	if v, ok := fillerStems.Load(w); ok {
		return v.([]string)
	}
	st := stems(w)
	if fillerWords[w] {
		fillerStems.Store(w, st) // a bounded set; other words are rare here
	}
	return st
}

// assocQuery is what a question asks for through its associations.
type assocQuery struct {
	targets [][]assocTarget // per question stem with associations
	total   float64         // the sum of each stem's strongest association
}

func (ix *Index) assocQuery(terms []Term, ws []string) assocQuery {
	var q assocQuery
	if ix.assoc.Len() == 0 || ix.assoc.Weight == 0 {
		return q
	}
	for _, s := range ix.questionStems(terms, ws) {
		ts := ix.assoc.by[s]
		if len(ts) == 0 {
			continue
		}
		q.targets = append(q.targets, ts)
		q.total += ts[0].weight // sorted strongest first
	}
	return q
}

// score is the share of the question's associations passage i holds: per
// question stem, its strongest association the passage's text or heading
// holds.
func (q assocQuery) score(fs fieldStems) float64 {
	if q.total == 0 {
		return 0
	}
	var have float64
	for _, ts := range q.targets {
		for _, t := range ts {
			_, inText := fs.text[t.stem]
			_, inHeading := fs.heading[t.stem]
			if inText || inHeading {
				have += t.weight
				break
			}
		}
	}
	return have / q.total
}

// AssocExample is a question and the sentences of the articles that answer it.
type AssocExample struct {
	Question  string
	Sentences []string
}

// AssocParams bound what is learned: a question stem must occur in
// MinSource examples, a pair in MinPair; each stem keeps its MaxTargets
// strongest associations, those of at least MinWeight.
type AssocParams struct {
	MinSource, MinPair, MaxTargets int
	MinWeight                      float64
}

// LearnAssociations learns associations from examples: for each question
// stem and each stem of the answering sentences (and of the headings of
// the passages holding them), the pointwise mutual information of the two
// across examples, times how often the answer stem follows the question
// stem; a stem is not associated with itself (a word the passage holds as
// asked already counts in the coverage).
func (ix *Index) LearnAssociations(exs []AssocExample, p AssocParams) *Associations {
	// The headings of the passages holding each sentence.
	norm := func(s string) string { return " " + strings.Join(words(s), " ") + " " }
	texts := make([]string, len(ix.passages))
	for i, ps := range ix.passages {
		texts[i] = norm(ps.Text)
	}
	var n int
	nq, nw := map[string]int{}, map[string]int{}
	nqw := map[[2]string]int{}
	for _, ex := range exs {
		qs := ix.questionStems(ix.Analyze(ex.Question), spellOut(words(ex.Question), nil))
		if len(qs) == 0 || len(ex.Sentences) == 0 {
			continue
		}
		as := map[string]bool{}
		for _, s := range ex.Sentences {
			for _, st := range stems(s) {
				as[st] = true
			}
			ns := norm(s)
			for i, t := range texts {
				if strings.Contains(t, ns) {
					for st := range ix.fieldSets[i].heading {
						if !strings.Contains(st, " ") {
							as[st] = true
						}
					}
				}
			}
		}
		n++
		for _, q := range qs {
			nq[q]++
		}
		for w := range as {
			nw[w]++
			for _, q := range qs {
				if q != w {
					nqw[[2]string{q, w}]++
				}
			}
		}
	}
	a := &Associations{by: map[string][]assocTarget{}}
	for k, c := range nqw {
		q, w := k[0], k[1]
		if nq[q] < p.MinSource || c < p.MinPair {
			continue
		}
		cond := float64(c) / float64(nq[q])
		lift := cond / (float64(nw[w]+1) / float64(n+1))
		if lift <= 1 {
			continue
		}
		a.by[q] = append(a.by[q], assocTarget{w, cond * math.Log(lift)})
	}
	for q, ts := range a.by {
		sort.Slice(ts, func(i, j int) bool {
			if ts[i].weight != ts[j].weight {
				return ts[i].weight > ts[j].weight
			}
			return ts[i].stem < ts[j].stem
		})
		if len(ts) > p.MaxTargets {
			ts = ts[:p.MaxTargets]
		}
		for i := range ts {
			ts[i].weight = math.Round(ts[i].weight*1000) / 1000
		}
		ts = slices.DeleteFunc(ts, func(t assocTarget) bool { return t.weight <= 0 || t.weight < p.MinWeight })
		if len(ts) == 0 {
			delete(a.by, q)
			continue
		}
		a.by[q] = ts
	}
	return a
}
