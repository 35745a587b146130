package index

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/knowledge"
)

// topicSet is what the articles are about, found in their structure, so
// that a clinic's own article carries follow-up questions the day it is
// added: no list of names is compiled in.
//
//   - The subject of a heading: the rarer words of a heading that its
//     sub-headings repeat ("Lidocaine Infusions" over "Benefits of Lidocaine
//     Infusions"), and of a title that the article's text repeats ("IV Iron").
//   - The slot in which parallel headings differ ("Benefits of Lidocaine
//     Infusions", "Benefits of Ketamine Infusions"): lidocaine and ketamine
//     are topics of one kind, and what the headings share is an aspect.
//   - The labels of a list ("- Fibromyalgia: …", "- Depression"): topics of
//     one kind.
//   - An abbreviation the text defines ("Complex Regional Pain Syndrome
//     (CRPS)"): one topic with two names.
//   - A rare word the text repeats in one article and hardly elsewhere.
type topicSet struct {
	// byKey maps a topic's stems, joined by spaces, to it.
	byKey map[string]*topicEntry
	// longest is the most stems of one key.
	longest int
	// stems are those of every key; words the words of the topics' names,
	// to correct typos towards.
	stems map[string]bool
	words []string
	// subjectKind is the kind of the headings' subjects (lidocaine and
	// ketamine in "Benefits of Lidocaine Infusions", "Benefits of Ketamine
	// Infusions"; an article's own title subject): what a section is
	// about, as opposed to the aspect it tells (subject.go).
	subjectKind int
}

type topicEntry struct {
	name string // as the articles spell it, lower case
	kind int    // topics of one kind share it
}

// Thresholds of what counts as a topic.
const (
	// A stem in the text of more than this share of passages ("infusion",
	// "pain") says what every article is about: it names no topic.
	topicMaxShare = 0.25
	// A rare word is a topic when one section uses it this often, and
	// nearly all its uses are in one article.
	topicMinRepeats = 3
	topicMinOneDoc  = 0.75
	// A rare word is in at most this share of passages.
	topicRareShare = 0.05
	// A list item is a label when it, or the words before its colon, is this short.
	topicMaxLabelWords = 6
)

// Topics returns the knowledge's topics that text names, in order. Words
// are stemmed as the index stems them, a typo is corrected towards the
// topics' own words ("lidocane" names lidocaine) and a word the synonym
// table knows is read as its synonyms too: a lighter analysis than a
// query's, since every message is read for its topics.
func (s Searcher) Topics(text string) []bot.Topic {
	ts := s.topics()
	if len(ts.byKey) == 0 {
		return nil
	}
	type token struct {
		word string
		alts [][]string // stems per reading, the word's own first
	}
	var toks []token
	for _, w := range words(text) {
		if isStopWord(w) {
			continue
		}
		st := stems(w)
		if len(st) != 1 {
			continue
		}
		tok := token{word: w, alts: [][]string{st}}
		if !ts.stems[st[0]] {
			if !s.vocab.has(w) {
				if c := ts.correct(w); c != "" {
					tok.alts = [][]string{stems(c)}
				}
			}
			for _, alt := range s.syn.Lookup(w) {
				if ast := stems(alt); len(ast) > 0 {
					tok.alts = append(tok.alts, ast)
				}
			}
		}
		toks = append(toks, tok)
	}
	var out []bot.Topic
	for i := 0; i < len(toks); {
		matched := 0
		// The longest run of words that names a topic, by their own
		// readings; a single word by any of its readings.
		for n := min(len(toks)-i, ts.longest); n >= 1 && matched == 0; n-- {
			cands := toks[i].alts
			if n > 1 {
				var st []string
				for _, t := range toks[i : i+n] {
					st = append(st, t.alts[0]...)
				}
				cands = [][]string{st}
			}
			for _, st := range cands {
				if e, ok := ts.byKey[strings.Join(st, " ")]; ok {
					span := toks[i].word
					for _, t := range toks[i+1 : i+n] {
						span += " " + t.word
					}
					out = append(out, bot.Topic{Name: e.name, Words: span, Kind: e.kind})
					matched = n
					break
				}
			}
		}
		i += max(matched, 1)
	}
	return out
}

var _ bot.KindLister = Searcher{}

// TopicsOfKind returns the knowledge's topics of kind, each name once,
// sorted by name.
func (s Searcher) TopicsOfKind(kind int) []bot.Topic {
	seen := map[string]bool{}
	var out []bot.Topic
	for _, e := range s.topics().byKey {
		if e.kind == kind && !seen[e.name] {
			seen[e.name] = true
			out = append(out, bot.Topic{Name: e.name, Words: e.name, Kind: kind})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// correct returns the topic word closest to an unknown word w, as the
// vocabulary corrects a query's words: within one edit for five letters or
// more, two for ten or more; "" when none is that close.
func (ts *topicSet) correct(w string) string {
	r := []rune(w)
	if len(r) < 5 {
		return ""
	}
	maxDist := 1
	if len(r) >= 10 {
		maxDist = 2
	}
	best, bestDist := "", maxDist+1
	for _, cand := range ts.words {
		if d := editDistance(r, []rune(cand), maxDist); d < bestDist {
			best, bestDist = cand, d
		}
	}
	return best
}

var topicSets sync.Map // *Index → *topicSet

func (s Searcher) topics() *topicSet {
	if v, ok := topicSets.Load(s.Index); ok {
		return v.(*topicSet)
	}
	textDF := map[string]int{}
	for _, fs := range s.fieldSets {
		for st := range fs.text {
			textDF[st]++
		}
	}
	v, _ := topicSets.LoadOrStore(s.Index, findTopics(s.docs, textDF, len(s.passages)))
	return v.(*topicSet)
}

// abbreviation finds "Words of a Name (ABBR)" in text.
var abbreviation = regexp.MustCompile(`((?:[A-Za-z][\w'’-]*\s+){1,6})\(([A-Z][A-Za-z]{1,7})\)`)

// findTopics reads the topics off the documents' headings, lists and
// text; df counts the passages whose own text holds a stem.
func findTopics(docs []knowledge.Document, df map[string]int, passages int) *topicSet {
	common := func(st string) bool { return float64(df[st]) > topicMaxShare*float64(passages) }
	ts := &topicSet{byKey: map[string]*topicEntry{}}
	parent := map[int]int{} // union-find over kinds
	var find func(int) int
	find = func(k int) int {
		if p, ok := parent[k]; ok && p != k {
			r := find(p)
			parent[k] = r
			return r
		}
		return k
	}
	kinds := 0
	newKind := func() int { kinds++; parent[kinds] = kinds; return kinds }
	// add records a topic; a topic seen again joins its kinds.
	add := func(st []string, name string, kind int) {
		if len(st) == 0 {
			return
		}
		key := strings.Join(st, " ")
		if e, ok := ts.byKey[key]; ok {
			if a, b := find(e.kind), find(kind); a != b {
				parent[a] = b
			}
			return
		}
		ts.byKey[key] = &topicEntry{name: strings.ToLower(name), kind: kind}
		ts.longest = max(ts.longest, len(st))
	}

	// Headings, as stems with the words they came from.
	type heading struct {
		doc, parent string
		st, ws      []string
	}
	var hs []heading
	for _, d := range docs {
		for _, s := range d.Sections {
			st, ws := stemWords(s.Heading)
			par := ""
			if len(s.Parents) > 0 {
				par = s.Parents[len(s.Parents)-1]
			}
			hs = append(hs, heading{doc: d.Path, parent: par, st: st, ws: ws})
		}
	}
	// Parallel headings differ in one stem. Under different parents they
	// ask the same about different things ("Benefits of Lidocaine
	// Infusions", "Benefits of Ketamine Infusions"): the stem they differ in
	// is a subject, the stems they share are aspects. Under one parent they
	// are most often aspects of one thing ("Benefits of …", "Side effects
	// of …"), unless other headings show them to be subjects.
	type slot struct{ h, pos int } // heading index, stem position
	var subjects []slot
	aspects := map[string]bool{}  // shared by parallel headings
	siblings := map[string]bool{} // where parallel headings under one parent differ
	for i := range hs {
		for j := i + 1; j < len(hs); j++ {
			a, b := hs[i], hs[j]
			if len(a.st) != len(b.st) || len(a.st) < 2 {
				continue
			}
			diff := -1
			for k := range a.st {
				if a.st[k] != b.st[k] {
					if diff >= 0 {
						diff = -2
						break
					}
					diff = k
				}
			}
			if diff < 0 {
				continue
			}
			if a.doc == b.doc && a.parent == b.parent {
				siblings[a.st[diff]], siblings[b.st[diff]] = true, true
				continue
			}
			for k := range a.st {
				if k != diff {
					aspects[a.st[k]] = true
				}
			}
			subjects = append(subjects, slot{i, diff}, slot{j, diff})
		}
	}
	subject := map[string]bool{}
	for _, sl := range subjects {
		if st := hs[sl.h].st[sl.pos]; !aspects[st] {
			subject[st] = true
		}
	}
	for st := range siblings {
		if !subject[st] {
			aspects[st] = true
		}
	}
	// Words a question leans on ("work", "help") or fills with name no
	// topic, wherever they stand.
	generic := map[string]bool{}
	for _, m := range []map[string]bool{weakWords, fillerWords} {
		for w := range m {
			for _, st := range stems(w) {
				generic[st] = true
			}
		}
	}
	topical := func(st string) bool {
		return !common(st) && !aspects[st] && !generic[st] && len(st) > 1 && !isNumber(st)
	}
	kind := newKind() // what headings are about: one kind
	headingKind := kind
	for _, sl := range subjects {
		h := hs[sl.h]
		if st := h.st[sl.pos]; topical(st) {
			add([]string{st}, h.ws[sl.pos], kind)
		}
	}
	// How often each stem occurs: per document, per section, in all.
	perDoc := map[string]map[string]int{}
	perSection := map[string]int{} // the most in one section
	total := map[string]int{}
	surface := map[string]string{}
	for _, d := range docs {
		for _, s := range d.Sections {
			inSection := map[string]int{}
			for _, b := range s.Blocks {
				if strings.Contains(b.Text, "://") {
					continue // a reference, not what the article is about
				}
				st, ws := stemWords(b.Text)
				for k, x := range st {
					if perDoc[x] == nil {
						perDoc[x] = map[string]int{}
					}
					perDoc[x][d.Path]++
					total[x]++
					inSection[x]++
					if surface[x] == "" {
						surface[x] = ws[k]
					}
				}
			}
			for x, n := range inSection {
				perSection[x] = max(perSection[x], n)
			}
		}
	}
	// concentrated: the text repeats x, nearly all in document doc.
	concentrated := func(x, doc string) bool {
		return perDoc[x][doc] >= topicMinRepeats && float64(perDoc[x][doc]) >= topicMinOneDoc*float64(total[x])
	}
	// Subjects of headings: rare stems a heading's sub-headings repeat, or a
	// title's that the article's text repeats, and hardly any other.
	for _, d := range docs {
		for i, s := range d.Sections {
			st, ws := stemWords(s.Heading)
			under, repeats := 0, map[string]int{}
			for _, c := range d.Sections[i+1:] {
				if c.Level <= s.Level {
					break
				}
				under++
				cst, _ := stemWords(c.Heading)
				for _, x := range uniq(cst) {
					repeats[x]++
				}
			}
			for k, x := range st {
				if !topical(x) {
					continue
				}
				if (under > 0 && 2*repeats[x] >= under) || ((s.Heading == d.Title || i == 0 && s.Level == 1) && concentrated(x, d.Path)) {
					add([]string{x}, ws[k], kind)
				}
			}
		}
	}
	// List labels, one kind a list; abbreviations.
	for _, d := range docs {
		for _, s := range d.Sections {
			listKind := 0
			for i, b := range s.Blocks {
				if b.Kind != knowledge.ListItem {
					listKind = 0
					continue
				}
				if listKind == 0 || i == 0 {
					listKind = newKind()
				}
				label := listLabel(b.Text)
				if label == "" {
					continue
				}
				if m := abbreviation.FindStringSubmatch(label); m != nil {
					label = strings.TrimSpace(m[1])
				}
				st, _ := stemWords(label)
				var keep []string
				for _, x := range st {
					if !common(x) && !aspects[x] {
						keep = append(keep, x)
					}
				}
				if len(keep) > 0 {
					add(st, label, listKind)
				}
			}
		}
	}
	for _, d := range docs {
		for _, s := range d.Sections {
			for _, b := range s.Blocks {
				for _, m := range abbreviation.FindAllStringSubmatch(b.Text, -1) {
					abbr := m[2]
					ws := strings.FieldsFunc(m[1], func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
					// The name is as many words before it as the
					// abbreviation has capitals ("Complex Regional Pain
					// Syndrome (CRPS)"), at most the words there are.
					n := 0
					for _, r := range abbr {
						if unicode.IsUpper(r) {
							n++
						}
					}
					if n == 0 || n > len(ws) {
						continue
					}
					name := strings.Join(ws[len(ws)-n:], " ")
					if !initialsMatch(name, abbr) {
						continue
					}
					k := newKind()
					nst, _ := stemWords(name)
					add(nst, name, k)
					ast, _ := stemWords(abbr)
					add(ast, abbr, k)
				}
			}
		}
	}
	// Rare words one section repeats, nearly all in one article.
	rare := make([]string, 0)
	for x, n := range total {
		if perSection[x] < topicMinRepeats || !topical(x) || len(x) < 4 || float64(df[x]) > topicRareShare*float64(passages)+2 {
			continue
		}
		for doc := range perDoc[x] {
			if concentrated(x, doc) && n > 0 {
				rare = append(rare, x)
				break
			}
		}
	}
	sort.Strings(rare) // kinds numbered in a fixed order
	for _, x := range rare {
		if _, ok := ts.byKey[x]; !ok {
			add([]string{x}, surface[x], newKind())
		}
	}
	ts.stems = map[string]bool{}
	ts.subjectKind = find(headingKind)
	seen := map[string]bool{}
	for key, e := range ts.byKey {
		e.kind = find(e.kind)
		for _, st := range strings.Fields(key) {
			ts.stems[st] = true
		}
		for _, w := range words(e.name) {
			if !seen[w] && len(w) >= 4 {
				seen[w] = true
				ts.words = append(ts.words, w)
			}
		}
	}
	sort.Strings(ts.words) // corrections the same from run to run
	return ts
}

// listLabel is the label of a list item: the words before its colon, or
// the whole item when it is short; "" when it has none.
func listLabel(text string) string {
	text = strings.TrimSpace(strings.NewReplacer("**", "", "__", "").Replace(text))
	if i := strings.Index(text, ":"); i > 0 {
		text = text[:i]
	} else {
		text = strings.TrimRight(text, ".")
	}
	if n := len(strings.Fields(text)); n == 0 || n > topicMaxLabelWords {
		return ""
	}
	return text
}

// stemWords analyses text into stems, each with the word it came from
// (stop words dropped, as the index drops them).
func stemWords(text string) (st, ws []string) {
	for _, w := range words(text) {
		s := stems(w)
		if len(s) == 1 {
			st = append(st, s[0])
			ws = append(ws, w)
		}
	}
	return st, ws
}

func initialsMatch(name, abbr string) bool {
	var ini []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		ini = append(ini, unicode.ToUpper([]rune(w)[0]))
	}
	caps := []rune{}
	for _, r := range abbr {
		if unicode.IsUpper(r) {
			caps = append(caps, r)
		}
	}
	if len(caps) == 0 {
		return false
	}
	// The capitals in order among the initials.
	j := 0
	for _, r := range ini {
		if j < len(caps) && r == caps[j] {
			j++
		}
	}
	return j == len(caps) && ini[0] == caps[0]
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
