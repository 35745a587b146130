// Package review is the staff's inbox: the questions the bot could not
// answer or whose answer was rated "not helpful", grouped by similarity,
// with the passages that came closest; and the two ways to close a group:
// link it to the passage that answers it (its wordings become alternative
// questions of that passage, see questions.go) or dismiss it with a reason.
package review

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/infusionbot/infusionbot/store"
)

// ErrNotFound is wrapped by errors about an unknown group or passage.
var ErrNotFound = errors.New("not found")

// Candidate is a passage that came close to answering a group.
type Candidate struct {
	ID    string  `json:"id"` // passage id, as in `search --json`
	Score float64 `json:"score"`
}

// Group is similar questions, reviewed together.
type Group struct {
	// ID names the group for link and dismiss: "q" and its first event's
	// id, so it stays the same while questions are added to the group.
	ID         string      `json:"id"`
	Text       string      `json:"text"` // the most frequent wording
	Count      int         `json:"count"`
	FirstSeen  time.Time   `json:"first_seen"`
	LastSeen   time.Time   `json:"last_seen"`
	Candidates []Candidate `json:"candidates"`
	// Wordings are the group's distinct wordings, most frequent first.
	Wordings []string `json:"-"`
	// Events are the ids of the group's events.
	Events []int64 `json:"-"`
}

// Ranker finds the passages closest to a text (the index does).
type Ranker interface {
	Rank(ctx context.Context, text string, k int) ([]Candidate, error)
}

// RankerFunc adapts a function to Ranker.
type RankerFunc func(ctx context.Context, text string, k int) ([]Candidate, error)

// Rank calls f.
func (f RankerFunc) Rank(ctx context.Context, text string, k int) ([]Candidate, error) {
	return f(ctx, text, k)
}

// similarity is the least share of words two questions must share (of
// the words of both, after stop words and stemming) to be grouped.
const similarity = 0.5

// candidatesPerGroup is how many close passages a group shows.
const candidatesPerGroup = 3

// Groups groups events by similar wording, most frequent first (then most
// recent), with each group's closest passages when rank is not nil.
func Groups(ctx context.Context, events []store.Event, rank Ranker) ([]Group, error) {
	sets := make([]map[string]bool, len(events))
	for i, e := range events {
		sets[i] = wordSet(e.Text)
	}
	// Single-link clustering: a question joins every group it is similar
	// to one member of (union-find over the similar pairs).
	parent := make([]int, len(events))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range events {
		for j := 0; j < i; j++ {
			if jaccard(sets[i], sets[j]) >= similarity {
				a, b := find(i), find(j)
				if a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	byRoot := map[int][]store.Event{}
	for i, e := range events {
		r := find(i)
		byRoot[r] = append(byRoot[r], e)
	}
	var groups []Group
	for _, es := range byRoot {
		groups = append(groups, newGroup(es))
	}
	sort.Slice(groups, func(a, b int) bool {
		if groups[a].Count != groups[b].Count {
			return groups[a].Count > groups[b].Count
		}
		if !groups[a].LastSeen.Equal(groups[b].LastSeen) {
			return groups[a].LastSeen.After(groups[b].LastSeen)
		}
		return groups[a].ID < groups[b].ID
	})
	for k := range groups {
		groups[k].Candidates = []Candidate{}
		if rank == nil {
			continue
		}
		cs, err := rank.Rank(ctx, groups[k].Text, candidatesPerGroup)
		if err != nil {
			return nil, fmt.Errorf("review: ranking passages: %w", err)
		}
		if cs != nil {
			groups[k].Candidates = cs
		}
	}
	return groups, nil
}

func newGroup(es []store.Event) Group {
	g := Group{Count: len(es), FirstSeen: es[0].Time, LastSeen: es[0].Time}
	first := es[0].ID
	count := map[string]int{}
	firstAt := map[string]int{}
	for i, e := range es {
		first = min(first, e.ID)
		if e.Time.Before(g.FirstSeen) {
			g.FirstSeen = e.Time
		}
		if e.Time.After(g.LastSeen) {
			g.LastSeen = e.Time
		}
		g.Events = append(g.Events, e.ID)
		w := strings.TrimSpace(e.Text)
		if _, ok := count[w]; !ok {
			firstAt[w] = i
		}
		count[w]++
	}
	for w := range count {
		g.Wordings = append(g.Wordings, w)
	}
	sort.Slice(g.Wordings, func(a, b int) bool {
		wa, wb := g.Wordings[a], g.Wordings[b]
		if count[wa] != count[wb] {
			return count[wa] > count[wb]
		}
		return firstAt[wa] < firstAt[wb]
	})
	g.ID = "q" + strconv.FormatInt(first, 10)
	g.Text = g.Wordings[0]
	return g
}

var (
	analyzerOnce sync.Once
	analyzer     analysis.Analyzer
)

// wordSet is the set of a question's stems, without stop words, as the
// index analyses text.
func wordSet(text string) map[string]bool {
	analyzerOnce.Do(func() {
		m := bleve.NewIndexMapping()
		analyzer = m.AnalyzerNamed(en.AnalyzerName)
	})
	set := map[string]bool{}
	for _, t := range analyzer.Analyze([]byte(text)) {
		set[string(t.Term)] = true
	}
	return set
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}
