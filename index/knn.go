package index

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
)

// Nearest neighbours: questions people asked, each with the passage that
// answers it (examples.jsonl, written by go generate: examplesgen from the
// spent blind-written sets). A question close to some of them in wording
// is likely answered by their passages, though it shares few words with
// the passage itself ("how long am i sittin there" with "how long does a
// session take"). Questions are compared by TF-IDF cosine over their words
// (the first six letters, a cheap stem) and over their words' letter
// 4-grams (so a typo still shares most of a word); a passage scores by how
// close the top few neighbours pointing at it are (KNNSupport). Examples
// for a passage the knowledge lacks are dropped: a clinic's own articles
// simply get no such signal, and the ranking stays what the words make it.
//
//go:generate go run ./examplesgen -root .. -o examples.jsonl

//go:embed examples.jsonl
var examplesText string

// Example is a question and the passage that answers it.
type Example struct {
	Passage string `json:"passage"`
	Text    string `json:"text"`
	// Set names the file the question came from (examplesgen leaves one
	// out at a time to choose the weight).
	Set string `json:"set,omitempty"`
}

// Examples are a bank of example questions, analysed once (on first use)
// for every index opened with them.
type Examples struct {
	// Weight is how much the neighbours count in a passage's score.
	Weight float64
	list   []Example

	once sync.Once
	// questions are the distinct example texts, each with its examples
	// (one per passage answering it: the items of one list, say).
	questions []exampleQuestion
	words     featureSpace
	grams     featureSpace
}

type exampleQuestion struct {
	text     string
	examples []int
}

// How the neighbour signal is computed and counted, chosen with
// examplesgen -v: passage@1 of each source file's questions, ranked with a
// bank that leaves that file out (1,060 questions); 575 without it.
//
// Counted alike for every question it did best, 739 at weight 1.2 (671,
// 726, 726, 708 at 0.3, 0.8, 2, 4; with 3 or 10 neighbours, the vote
// sharpened, word share 0.3 or 0.7, each at its best weight: 738, 737,
// 742, 734, 733), but it moved plain questions the words already answer to
// another article's passage on the same aspect: the regression set's right
// passage first fell 85% -> 81%, dev's 80% -> 75% (TestRankFloors). So the
// neighbours count by how much of the question the words leave unexplained:
// weight × (1 − best coverage)^knnCoverPower. At power 0.5: 688, 698, 691,
// 681 at weights 1.2, 2, 4, 8; power 1: 680, 689, 699, 686; power 2: 659,
// 668, 683, 695; each keeping the floors. Counting them only for the
// candidates within 0.1, 0.2 or 0.35 of the best coverage (as the
// associations are) did worse: 683, 704, 719 at best, unscaled.
const (
	// knnNeighbours is how many of the closest questions vote.
	knnNeighbours = 5
	// knnPower sharpens the vote towards the closest questions.
	knnPower = 1.0
	// knnWordShare is how much word similarity counts against letter
	// 4-gram similarity.
	knnWordShare = 0.5
	// knnMinSimilarity is the least similarity of a question that votes.
	knnMinSimilarity = 0.1
	// knnWeight and knnCoverPower weigh the support in a passage's score
	// (search.go).
	knnWeight     = 2.0
	knnCoverPower = 0.5
)

// NewExamples makes a bank of examples, counted at the default weight.
func NewExamples(list []Example) *Examples {
	return &Examples{Weight: knnWeight, list: list}
}

// ParseExamples reads JSON Lines of {"passage", "text"} examples.
func ParseExamples(text string) (*Examples, error) {
	var list []Example
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var e Example
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return nil, fmt.Errorf("examples line %d: %v", n, err)
		}
		if e.Passage == "" || strings.TrimSpace(e.Text) == "" {
			return nil, fmt.Errorf("examples line %d: no passage or no text", n)
		}
		list = append(list, e)
	}
	return NewExamples(list), sc.Err()
}

var defaultExamples = mustParseExamples(ParseExamples(examplesText))

func mustParseExamples(e *Examples, err error) *Examples {
	if err != nil {
		panic(err)
	}
	return e
}

// DefaultExamples are the committed example questions (examples.jsonl).
func DefaultExamples() *Examples { return defaultExamples }

// Len is how many examples the bank holds.
func (e *Examples) Len() int {
	if e == nil {
		return 0
	}
	return len(e.list)
}

// featureSpace is a TF-IDF space: each feature's inverse document
// frequency and its postings (the examples holding it, with the weight it
// has in their unit vector).
type featureSpace struct {
	idf      map[string]float64
	maxIDF   float64
	postings map[string][]posting
}

type posting struct {
	question int32
	weight   float32
}

// build analyses the examples, once.
func (e *Examples) build() {
	e.once.Do(func() {
		at := map[string]int{}
		for k, ex := range e.list {
			key := strings.Join(words(ex.Text), " ")
			q, ok := at[key]
			if !ok {
				q = len(e.questions)
				at[key] = q
				e.questions = append(e.questions, exampleQuestion{text: ex.Text})
			}
			e.questions[q].examples = append(e.questions[q].examples, k)
		}
		ws := make([]map[string]float64, len(e.questions))
		gs := make([]map[string]float64, len(e.questions))
		for k, q := range e.questions {
			ws[k], gs[k] = questionFeatures(q.text)
		}
		e.words = newFeatureSpace(ws)
		e.grams = newFeatureSpace(gs)
	})
}

func newFeatureSpace(docs []map[string]float64) featureSpace {
	df := map[string]int{}
	for _, d := range docs {
		for f := range d {
			df[f]++
		}
	}
	n := float64(len(docs))
	fs := featureSpace{idf: make(map[string]float64, len(df)), postings: make(map[string][]posting, len(df))}
	fs.maxIDF = math.Log(n+1) + 1
	for f, c := range df {
		fs.idf[f] = math.Log((n+1)/float64(c+1)) + 1
	}
	for k, d := range docs {
		var norm float64
		for f, tf := range d {
			x := tf * fs.idf[f]
			norm += x * x
		}
		if norm == 0 {
			continue
		}
		norm = math.Sqrt(norm)
		for f, tf := range d {
			fs.postings[f] = append(fs.postings[f], posting{int32(k), float32(tf * fs.idf[f] / norm)})
		}
	}
	return fs
}

// add accumulates, per question, share times the cosine of its vector with
// the query's features q (features the bank lacks count in the query's
// length at the highest weight: a question of words no example has is
// close to none).
func (fs *featureSpace) add(acc []float32, q map[string]float64, share float64) {
	var norm float64
	for f, tf := range q {
		idf, ok := fs.idf[f]
		if !ok {
			idf = fs.maxIDF
		}
		x := tf * idf
		norm += x * x
	}
	if norm == 0 {
		return
	}
	inv := share / math.Sqrt(norm)
	for f, tf := range q {
		ps := fs.postings[f]
		if len(ps) == 0 {
			continue
		}
		x := float32(tf * fs.idf[f] * inv)
		for _, p := range ps {
			acc[p.question] += x * p.weight
		}
	}
}

// questionFeatures are the word and letter-gram term frequencies of a
// question (1 + log of the count), text-speak spelled out.
func questionFeatures(text string) (ws, gs map[string]float64) {
	ws, gs = map[string]float64{}, map[string]float64{}
	for _, w := range spellOut(words(text), nil) {
		r := []rune(w)
		ws[string(r[:min(6, len(r))])]++
		padded := []rune("#" + w + "#")
		if len(padded) <= 4 {
			gs[string(padded)]++
			continue
		}
		for i := 0; i+4 <= len(padded); i++ {
			gs[string(padded[i:i+4])]++
		}
	}
	for _, m := range []map[string]float64{ws, gs} {
		for f, c := range m {
			m[f] = 1 + math.Log(c)
		}
	}
	return ws, gs
}

// neighbours is an index's view of an example bank: the passage of each
// example, -1 for one the knowledge lacks.
type neighbours struct {
	ex      *Examples
	passage []int
}

func (ix *Index) attachExamples(e *Examples) {
	if e == nil || e.Len() == 0 {
		return
	}
	nb := &neighbours{ex: e, passage: make([]int, len(e.list))}
	known := 0
	for k, ex := range e.list {
		i, ok := ix.byID[ex.Passage]
		if !ok {
			i = -1
		} else {
			known++
		}
		nb.passage[k] = i
	}
	if known > 0 {
		ix.nb = nb
	}
}

// knows reports whether some example of question q is about a passage of
// the knowledge.
func (nb *neighbours) knows(q int) bool {
	for _, k := range nb.ex.questions[q].examples {
		if nb.passage[k] >= 0 {
			return true
		}
	}
	return false
}

// knnResult is what the neighbours of a question say: per passage, its
// support, and the similarity of the closest example.
type knnResult struct {
	support map[int]float64
	top     float64
}

// neighbours finds the example questions closest to text and scores
// their passages: the sum of the squared similarities of the top
// neighbours pointing at a passage over the sum of their similarities, so
// a passage the closest questions agree on scores near their similarity,
// one a single distant question points at near nothing. A question that
// several passages answer (a list's items) counts whole for each.
func (ix *Index) neighbours(text string) knnResult {
	nb := ix.nb
	if nb == nil || nb.ex.Weight == 0 {
		return knnResult{}
	}
	e := nb.ex
	e.build()
	qw, qg := questionFeatures(text)
	acc := make([]float32, len(e.questions))
	e.words.add(acc, qw, knnWordShare)
	e.grams.add(acc, qg, 1-knnWordShare)
	type nn struct {
		k   int
		sim float64
	}
	var top []nn
	for k, s := range acc {
		if float64(s) < knnMinSimilarity || !nb.knows(k) {
			continue
		}
		if len(top) < knnNeighbours || float64(s) > top[len(top)-1].sim {
			top = append(top, nn{k, float64(s)})
			sort.SliceStable(top, func(a, b int) bool { return top[a].sim > top[b].sim })
			if len(top) > knnNeighbours {
				top = top[:knnNeighbours]
			}
		}
	}
	if len(top) == 0 {
		return knnResult{}
	}
	res := knnResult{support: map[int]float64{}, top: top[0].sim}
	var total float64
	for _, n := range top {
		total += n.sim
	}
	for _, n := range top {
		for _, x := range e.questions[n.k].examples {
			if i := nb.passage[x]; i >= 0 {
				res.support[i] += math.Pow(n.sim, knnPower) * n.sim / total
			}
		}
	}
	return res
}
