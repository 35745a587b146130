package index

import (
	"bufio"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/infusionbot/infusionbot/internal/lexicon"
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
	// Unanswerable marks a question the articles were asked and do not
	// answer (no passage): a query close to it is likely not answered
	// either ("what's the difference between esketamine and ketamine" is
	// close to "esketamine vs ketamine whats the difference", not to "what's
	// the difference between lidocaine and ketamine"). It counts only while
	// the knowledge lacks one of its words (unanswerableHere): a clinic's
	// own article on what it asks makes it answerable.
	Unanswerable bool `json:"unanswerable,omitempty"`
}

// Examples are a bank of example questions, analysed once (on first use)
// for every index opened with them.
type Examples struct {
	// Weight is how much the neighbours count in a passage's score.
	Weight float64
	// MaxWordShare and MaxGramShare leave out of the similarities the
	// words and grams more than this share of the questions hold; set
	// before the first search.
	MaxWordShare, MaxGramShare float64
	list                       []Example

	once sync.Once
	// questions are the distinct example texts, each with its examples
	// (one per passage answering it: the items of one list, say).
	questions []exampleQuestion
	words     featureSpace
	grams     featureSpace
	// acc holds *[]float32, one similarity per question, for a query to
	// sum into (cleared before it goes back).
	acc sync.Pool
}

type exampleQuestion struct {
	text     string
	examples []int
	// words are the question's words, text-speak spelled out: which of
	// a query's words the knowledge lacks it holds (vouched).
	words []string
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
	// knnMaxWordShare and knnMaxGramShare: a word or gram more than this
	// share of the example questions hold ("#how", "what") is left out of
	// the similarities (examplesgen -max-word-share, -max-gram-share).
	// None is: leaving out words and grams over 0.2 or 0.1 saves 3–10 µs
	// of a search's ~20 µs for the neighbours (fewer postings read, most
	// of them out of cache after bleve's search) but ranks fewer right
	// passages first leaving one file out: 698 of 1,060 for none, 697 for
	// 0.2 and 0.2, 695 for 0.2 and 0.1, 686 for 0.1 and 0.1.
	knnMaxWordShare = 1.0
	knnMaxGramShare = 1.0
	// knnMinQuestionsToDrop is the fewest questions a bank needs for any
	// to be left out: in a handful, every word is common.
	knnMinQuestionsToDrop = 50
	// knnWeight and knnCoverPower weigh the support in a passage's score
	// (search.go).
	knnWeight     = 2.0
	knnCoverPower = 0.5
)

// NewExamples makes a bank of examples, counted at the default weight.
func NewExamples(list []Example) *Examples {
	return &Examples{Weight: knnWeight, MaxWordShare: knnMaxWordShare, MaxGramShare: knnMaxGramShare, list: list}
}

// Without is a bank of e's examples but those of the named sets (their
// Set field), at e's weight and shares: a question of a set is ranked by a
// bank that does not hold it (training on the set, say). (Shares of 0 would
// count no word or gram of a bank of knnMinQuestionsToDrop questions or
// more: no neighbours at all.)
func (e *Examples) Without(sets ...string) *Examples {
	var list []Example
	for _, ex := range e.list {
		if !slices.Contains(sets, ex.Set) {
			list = append(list, ex)
		}
	}
	return &Examples{Weight: e.Weight, MaxWordShare: e.MaxWordShare, MaxGramShare: e.MaxGramShare, list: list}
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
		if e.Passage == "" && !e.Unanswerable || strings.TrimSpace(e.Text) == "" {
			return nil, fmt.Errorf("examples line %d: no passage or no text", n)
		}
		list = append(list, e)
	}
	return NewExamples(list), sc.Err()
}

// defaultExamples are parsed on first use (by Open's goroutine, off the
// start's path), not when the program starts.
var defaultExamples = sync.OnceValue(func() *Examples { return mustParseExamples(ParseExamples(examplesText)) })

func mustParseExamples(e *Examples, err error) *Examples {
	if err != nil {
		panic(err)
	}
	return e
}

// DefaultExamples are the committed example questions (examples.jsonl).
func DefaultExamples() *Examples { return defaultExamples() }

// Len is how many examples the bank holds.
func (e *Examples) Len() int {
	if e == nil {
		return 0
	}
	return len(e.list)
}

// featureSpace is a TF-IDF space: each feature's number, and by number
// its inverse document frequency and its postings (the examples holding
// it, with the weight it has in their unit vector), all postings in one
// array.
type featureSpace struct {
	id       map[string]int32
	idf      []float64
	maxIDF   float64
	postings [][]posting
}

type posting struct {
	question int32
	weight   float32
}

// build analyses the examples, once (Open starts it while bleve indexes,
// so the first question does not pay for it).
func (e *Examples) build() {
	e.once.Do(func() {
		at := map[string]int{}
		var ws, gs [][]feature
		for k, ex := range e.list {
			typed := words(ex.Text)
			key := strings.Join(typed, " ")
			q, ok := at[key]
			if !ok {
				q = len(e.questions)
				at[key] = q
				sp := spellOut(typed, nil)
				e.questions = append(e.questions, exampleQuestion{text: ex.Text, words: sp})
				w, g := questionFeatures(sp)
				ws, gs = append(ws, w), append(gs, g)
			}
			e.questions[q].examples = append(e.questions[q].examples, k)
		}
		e.words = newFeatureSpace(ws, e.MaxWordShare)
		e.grams = newFeatureSpace(gs, e.MaxGramShare)
		n := len(e.questions)
		e.acc = sync.Pool{New: func() any { a := make([]float32, n); return &a }}
	})
}

func newFeatureSpace(docs [][]feature, maxShare float64) featureSpace {
	fs := featureSpace{id: map[string]int32{}}
	var df []int32
	ids := make([][]int32, len(docs))
	total := 0
	for k, d := range docs {
		ids[k] = make([]int32, len(d))
		for j, f := range d {
			id, ok := fs.id[f.name]
			if !ok {
				id = int32(len(df))
				fs.id[f.name] = id
				df = append(df, 0)
			}
			df[id]++
			ids[k][j] = id
			total++
		}
	}
	n := float64(len(docs))
	fs.maxIDF = math.Log(n+1) + 1
	fs.idf = make([]float64, len(df))
	fs.postings = make([][]posting, len(df))
	all := make([]posting, 0, total)
	for id, c := range df {
		if n >= knnMinQuestionsToDrop && float64(c) > maxShare*n {
			continue // idf 0: counted nowhere, no postings
		}
		fs.idf[id] = math.Log((n+1)/float64(c+1)) + 1
		fs.postings[id] = all[len(all) : len(all) : len(all)+int(c)]
		all = all[:len(all)+int(c)]
	}
	for k, d := range docs {
		var norm float64
		for j, f := range d {
			x := f.tf * fs.idf[ids[k][j]]
			norm += x * x
		}
		if norm == 0 {
			continue
		}
		norm = math.Sqrt(norm)
		for j, f := range d {
			id := ids[k][j]
			if fs.idf[id] == 0 {
				continue
			}
			fs.postings[id] = append(fs.postings[id], posting{int32(k), float32(f.tf * fs.idf[id] / norm)})
		}
	}
	return fs
}

// add accumulates, per question, share times the cosine of its vector with
// the query's features q (features the bank lacks count in the query's
// length at the highest weight: a question of words no example has is
// close to none).
func (fs *featureSpace) add(acc []float32, q []feature, share float64) {
	var norm float64
	var buf [64]int32
	ids := buf[:0]
	for _, f := range q {
		idf := fs.maxIDF
		id, ok := fs.id[f.name]
		if ok {
			idf = fs.idf[id]
		} else {
			id = -1
		}
		ids = append(ids, id)
		x := f.tf * idf
		norm += x * x
	}
	if norm == 0 {
		return
	}
	inv := share / math.Sqrt(norm)
	for j, f := range q {
		if ids[j] < 0 || fs.idf[ids[j]] == 0 {
			continue
		}
		ps := fs.postings[ids[j]]
		x := float32(f.tf * fs.idf[ids[j]] * inv)
		for _, p := range ps {
			acc[p.question] += x * p.weight
		}
	}
}

// feature is a word or letter gram of a question and its term frequency.
type feature struct {
	name string
	tf   float64
}

// questionFeatures are the word and letter-gram term frequencies of a
// question's words, text-speak spelled out (1 + log of the count). A question has
// few features, so they are counted in slices, not maps; the grams are
// slices of the padded word, not copies.
func questionFeatures(words []string) (ws, gs []feature) {
	ws = make([]feature, 0, len(words))
	n := 0
	for _, w := range words {
		n += len(w) + 2
	}
	gs = make([]feature, 0, n)
	// A long question (a story) counts its grams through a map; a short
	// one, most, by looking through them.
	var seen map[string]int
	if n > 64 {
		seen = make(map[string]int, n)
	}
	// Every word padded ("#word#"), in one string the grams are cut from.
	var b strings.Builder
	b.Grow(n)
	for _, w := range words {
		b.WriteByte('#')
		b.WriteString(w)
		b.WriteByte('#')
	}
	all := b.String()
	end := 0
	for _, w := range words {
		ws = count(ws, stem6(w))
		start := end
		end += len(w) + 2
		padded := all[start:end]
		var buf [32]int
		at := buf[:0] // where each letter starts, and the end
		for i := range padded {
			at = append(at, i)
		}
		at = append(at, len(padded))
		if len(at) <= 5 {
			gs = countIn(gs, seen, padded)
			continue
		}
		for i := 0; i+4 < len(at); i++ {
			gs = countIn(gs, seen, padded[at[i]:at[i+4]])
		}
	}
	for _, fs := range [][]feature{ws, gs} {
		for k := range fs {
			fs[k].tf = 1 + math.Log(fs[k].tf)
		}
	}
	return ws, gs
}

// countIn is count, through seen (each name's place in fs) when not nil.
func countIn(fs []feature, seen map[string]int, name string) []feature {
	if seen == nil {
		return count(fs, name)
	}
	if k, ok := seen[name]; ok {
		fs[k].tf++
		return fs
	}
	seen[name] = len(fs)
	return append(fs, feature{name, 1})
}

// count adds one occurrence of name to fs.
func count(fs []feature, name string) []feature {
	for k := range fs {
		if fs[k].name == name {
			fs[k].tf++
			return fs
		}
	}
	return append(fs, feature{name, 1})
}

// neighbours is an index's view of an example bank: the passage of each
// example, -1 for one the knowledge lacks, and which questions have an
// example about a passage of the knowledge.
type neighbours struct {
	ex      *Examples
	passage []int
	known   []bool
	// unanswerable marks the questions only asked unanswered, and still
	// unanswerable here (unanswerableHere).
	unanswerable []bool
	// used and dropped count the examples about a passage of the
	// knowledge and those about one it lacks.
	used, dropped int
}

// startExamples attaches the bank e (nil: DefaultExamples) in a goroutine,
// which also analyses it: Open calls it before bleve indexes, so both are
// done by the first question, which waits for it otherwise.
func (ix *Index) startExamples(e *Examples) {
	ix.nb = sync.OnceValue(func() *neighbours {
		if e == nil {
			e = DefaultExamples()
		}
		return ix.attachExamples(e)
	})
	go ix.nb()
}

// attachExamples is the bank as this knowledge sees it, nil for no bank
// and without one (only the count dropped) when no example is about one
// of its passages.
func (ix *Index) attachExamples(e *Examples) *neighbours {
	if e == nil || e.Len() == 0 {
		return nil
	}
	nb := &neighbours{ex: e, passage: make([]int, len(e.list))}
	for k, ex := range e.list {
		i, ok := ix.byID[ex.Passage]
		if ex.Unanswerable {
			nb.passage[k] = -1
			continue
		}
		if !ok {
			i = -1
			nb.dropped++
		} else {
			nb.used++
		}
		nb.passage[k] = i
	}
	if nb.used == 0 {
		return &neighbours{dropped: nb.dropped}
	}
	e.build()
	nb.known = make([]bool, len(e.questions))
	nb.unanswerable = make([]bool, len(e.questions))
	for q, eq := range e.questions {
		asked := false
		for _, k := range eq.examples {
			if nb.passage[k] >= 0 {
				nb.known[q] = true
			}
			asked = asked || e.list[k].Unanswerable
		}
		nb.unanswerable[q] = asked && !nb.known[q] && ix.unanswerableHere(eq.words)
	}
	return nb
}

// unanswerableHere reports whether a question asked unanswered holds a
// word this knowledge lacks that English does not use every day (rarer than
// rank knnLackFloorRank, as the neighbours count lacked words): what made
// it unanswerable is still missing. One all of whose words the knowledge
// holds may be answered by an article added since, and says nothing.
func (ix *Index) unanswerableHere(words []string) bool {
	for _, w := range words {
		if len(w) < 3 || isStopWord(w) || ix.knows(w) {
			continue
		}
		if rarityShare(w, knnLackFloorRank, knnLackFullRank, 0) > 0 {
			return true
		}
	}
	return false
}

// ExampleCount is how many examples of the bank (Options.Examples) are
// about a passage of this knowledge and so vote, and how many are dropped
// for a passage it lacks (a clinic's own knowledge, say).
func (ix *Index) ExampleCount() (used, dropped int) {
	if ix.nb == nil {
		return 0, 0
	}
	if nb := ix.nb(); nb != nil {
		return nb.used, nb.dropped
	}
	return 0, 0
}

// knnResult is what the neighbours of a question say: per passage, its
// support, the similarity of the closest example, and the bank's weight.
type knnResult struct {
	support []knnSupport
	top     float64
	weight  float64
	// unanswerable is the similarity of the closest question asked
	// unanswered (Example.Unanswerable), discounted as the others are.
	unanswerable float64
}

// knnSupport is a passage's support.
type knnSupport struct {
	passage int
	support float64
}

// neighbour is an example question and its similarity to the query.
type neighbour struct {
	q   int
	sim float64
}

// neighbours finds the example questions closest to the question's words
// (text-speak spelled out, as rerank reads them) and scores
// their passages: the sum of the squared similarities of the top
// neighbours pointing at a passage over the sum of their similarities, so
// a passage the closest questions agree on scores near their similarity,
// one a single distant question points at near nothing. A question that
// several passages answer (a list's items) counts whole for each.
//
// A neighbour counts only as far as it asks what the query asks: the
// query's words the knowledge lacks, weighed by their rarity in English
// (lackedWords), that the neighbour's question does not hold either, take
// their share of the query's weight off its similarity (unvouchedShare). "Is
// lidocaine safe during pregnancy?" is close to "is lidocaine safe?", whose
// passage says nothing of pregnancy; "how long am i sittin there" keeps
// its neighbour "how long will i be sitting there", which holds the lay
// word the articles lack. terms nil counts every neighbour whole.
func (ix *Index) neighbours(spelled []string, terms []Term) knnResult {
	if ix.nb == nil {
		return knnResult{}
	}
	nb := ix.nb()
	if nb == nil || nb.ex == nil || nb.ex.Weight == 0 {
		return knnResult{}
	}
	e := nb.ex
	qw, qg := questionFeatures(spelled)
	p := e.acc.Get().(*[]float32)
	acc := *p
	e.words.add(acc, qw, knnWordShare)
	e.grams.add(acc, qg, 1-knnWordShare)
	// The closest knnNeighbours, best first; of equals, the earlier.
	var best [knnNeighbours]neighbour
	n := 0
	unans := neighbour{q: -1}
	for q, s := range acc {
		if s == 0 {
			continue
		}
		acc[q] = 0
		sim := float64(s)
		if sim >= knnMinSimilarity && nb.unanswerable[q] && sim > unans.sim {
			unans = neighbour{q, sim}
		}
		if sim < knnMinSimilarity || !nb.known[q] || (n == knnNeighbours && sim <= best[n-1].sim) {
			continue
		}
		j := min(n, knnNeighbours-1)
		for j > 0 && best[j-1].sim < sim {
			best[j] = best[j-1]
			j--
		}
		best[j] = neighbour{q, sim}
		n = min(n+1, knnNeighbours)
	}
	e.acc.Put(p)
	lacked, weight := lackedWords(terms)
	// lackDiscount scales a neighbour by how much of the query's lacked
	// weight its question does not vouch for (1 when nothing is lacked).
	lackDiscount := func(q int) float64 {
		if len(lacked) == 0 {
			return 1
		}
		return math.Pow(1-unvouchedShare(lacked, weight, e.questions[q].words), knnLackPower)
	}
	unanswerable := 0.0
	if unans.q >= 0 {
		unanswerable = unans.sim * lackDiscount(unans.q)
	}
	if n == 0 {
		return knnResult{unanswerable: unanswerable}
	}
	top := best[:n]
	if len(lacked) > 0 {
		m := 0
		for _, t := range top {
			t.sim *= lackDiscount(t.q)
			if t.sim >= knnMinSimilarity {
				top[m] = t
				m++
			}
		}
		top = top[:m]
		slices.SortStableFunc(top, func(a, b neighbour) int { return cmp.Compare(b.sim, a.sim) })
		if len(top) == 0 {
			return knnResult{unanswerable: unanswerable}
		}
	}
	res := knnResult{top: top[0].sim, weight: e.Weight, unanswerable: unanswerable}
	var total float64
	for _, t := range top {
		total += t.sim
	}
	for _, t := range top {
		for _, x := range e.questions[t.q].examples {
			i := nb.passage[x]
			if i < 0 {
				continue
			}
			s := math.Pow(t.sim, knnPower) * t.sim / total
			k := slices.IndexFunc(res.support, func(p knnSupport) bool { return p.passage == i })
			if k < 0 {
				res.support = append(res.support, knnSupport{i, s})
			} else {
				res.support[k].support += s
			}
		}
	}
	return res
}

// lackedWord is a word of the query the knowledge lacks and how much of
// the query it is: the term's weight times its rarity in English
// (rarityShare over ranks knnLackFloorRank to knnLackFullRank), so an
// everyday word ("coming", "trip") counts little, a rare one ("pregnancy",
// "pacemaker") fully.
type lackedWord struct {
	word   string
	weight float64
	// stem and grams are the word's stem6 and grams4, cut once per query
	// rather than once per neighbour's word; unranked says English has no
	// such word (a typo, mostly).
	stem     string
	grams    []string
	unranked bool
}

// lackedWords are the query's words the knowledge lacks (no alternative
// of the term occurs in it) and the query's total weight.
func lackedWords(terms []Term) ([]lackedWord, float64) {
	var out []lackedWord
	total := 0.0
	for _, t := range terms {
		total += t.Weight
		if t.Known {
			continue
		}
		parts := strings.Fields(t.Word)
		for _, w := range parts {
			if isStopWord(w) {
				continue
			}
			if r := rarityShare(w, knnLackFloorRank, knnLackFullRank, 0); r > 0 {
				out = append(out, lackedWord{
					word: w, weight: t.Weight * r / float64(len(parts)),
					stem: stem6(w), grams: grams4(w), unranked: lexicon.Rank(w) == 0,
				})
			}
		}
	}
	return out, total
}

// How rare in English a word the knowledge lacks must be to count against
// a neighbour that lacks it too: nothing at frequency rank knnLackFloorRank
// or more frequent, fully from knnLackFullRank (and unranked), by the
// logarithm of the rank between (a word's information, after Zipf's law).
//
// The neighbour keeps (1 − that share)^knnLackPower of its similarity.
// Chosen with the answerability model regenerated at each: the regression
// set's unanswerable left unanswered 44, 45, 45, 46, 45 of 50 at powers 1,
// 2, 3, 4, 8 (floor rank 1000; 500 at power 4: 46 but challenge answer
// hit@1 71), challenge answer hit@1 72, 72, 72, 73, 70 of 91 (the model's
// threshold moves with each: these are not smooth in the power).
const (
	knnLackFloorRank = 1000
	knnLackFullRank  = 10000
	knnLackPower     = 3
)

// unvouchedShare is the share of the query's weight on lacked words the
// neighbour's question (its words) does not hold: a word is held when a
// word of the question has its stem (first six letters) or, typed another
// way, at least half its letter 4-grams (gramDice); partly by the share
// it shares below that.
func unvouchedShare(lacked []lackedWord, total float64, words []string) float64 {
	if total <= 0 {
		return 0
	}
	miss := 0.0
	for _, l := range lacked {
		held := 0.0
		for _, w := range words {
			if stem6(w) == l.stem {
				held = 1
				break
			}
			// A word English does not have (a typo, mostly) is held by
			// one sharing half its letter 4-grams or more: the same word
			// typed another way ("spinn", "spin").
			d := gramDice(grams4(w), l.grams)
			if d >= 0.5 && l.unranked {
				held = 1
				break
			}
			held = max(held, d)
		}
		miss += l.weight * (1 - held)
	}
	return min(1, miss/total)
}

// stem6 is a word's first six letters, the cheap stem the similarities use.
func stem6(w string) string {
	n := 0
	for i := range w {
		if n == 6 {
			return w[:i]
		}
		n++
	}
	return w
}

// gramDice is the Dice overlap of two words' padded letter 4-grams
// (grams4).
func gramDice(ga, gb []string) float64 {
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	common := 0
	for _, g := range ga {
		if slices.Contains(gb, g) {
			common++
		}
	}
	return 2 * float64(common) / float64(len(ga)+len(gb))
}

func grams4(w string) []string {
	p := []rune("#" + w + "#")
	if len(p) <= 4 {
		return []string{string(p)}
	}
	out := make([]string, 0, len(p)-3)
	for i := 0; i+4 <= len(p); i++ {
		out = append(out, string(p[i:i+4]))
	}
	return out
}
