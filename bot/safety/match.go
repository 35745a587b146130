package safety

import (
	"math/bits"
	"strconv"
)

// matcher finds the words and terms of one lexicon in a message.
type matcher struct {
	lx        *lexicon
	exact     map[string][]int // token -> ids of whole words
	singulars map[string][]int // "tablet" -> ids of "tablets"
	stems     map[string][]int // stem -> ids of stems
	stemLens  []int
	fuzzy     [256][]int // first letter -> ids of words long enough to mistype
	letters   []uint32   // word id -> its letters (letterSet)
	known     map[string]bool
	classes   []int   // ids of token classes (#highbp)
	starts    [][]ref // word id -> the terms starting with it
	typos     bool
}

// ref names one term of a concept: group -1 is a term that fires alone,
// -2 an unless term, -3 an except term.
type ref struct {
	concept, group int
	term           term
}

// occurrence is a term found in the message, tokens [start, end).
type occurrence struct {
	ref
	start, end int
}

func newMatcher(lx *lexicon, typos bool) *matcher {
	m := &matcher{lx: lx, exact: map[string][]int{}, singulars: map[string][]int{}, stems: map[string][]int{}, known: map[string]bool{}, typos: typos}
	lens := map[int]bool{}
	for id, w := range lx.words {
		switch {
		case w.class != "":
			m.classes = append(m.classes, id)
		case w.prefix:
			m.stems[w.text] = append(m.stems[w.text], id)
			if !lens[len(w.text)] {
				lens[len(w.text)] = true
				m.stemLens = append(m.stemLens, len(w.text))
			}
		default:
			m.exact[w.text] = append(m.exact[w.text], id)
			m.known[w.text] = true
			if n := len(w.text); n > 3 && w.text[n-1] == 's' {
				m.singulars[w.text[:n-1]] = append(m.singulars[w.text[:n-1]], id)
			}
		}
		if w.class == "" && maxTypos(len(w.text)) > 0 {
			m.fuzzy[w.text[0]] = append(m.fuzzy[w.text[0]], id)
		}
	}
	m.letters = make([]uint32, len(lx.words))
	for id, w := range lx.words {
		m.letters[id] = letterSet(w.text)
	}
	m.starts = make([][]ref, len(lx.words))
	add := func(ci, g int, ts []term) {
		for _, t := range ts {
			m.starts[t[0]] = append(m.starts[t[0]], ref{concept: ci, group: g, term: t})
		}
	}
	for ci, c := range lx.concepts {
		add(ci, -1, c.alone)
		add(ci, -2, c.unless)
		add(ci, -3, c.except)
		for g, ts := range c.groups {
			add(ci, g, ts)
		}
	}
	return m
}

// fuzzyIDs are the ids of the words a typo can stand for.
func (m *matcher) fuzzyIDs() []int {
	var ids []int
	for _, l := range m.fuzzy {
		ids = append(ids, l...)
	}
	return ids
}

// ids are the lexicon words a token is, or may be a typo of.
func (m *matcher) ids(tok string, buf []int) []int {
	buf = append(buf, m.exact[tok]...)
	for _, n := range m.stemLens {
		if n <= len(tok) {
			buf = append(buf, m.stems[tok[:n]]...)
		}
	}
	// "not" in the lexicon is also the "not" of "isnt", "wont", "cant".
	if negations[tok] {
		buf = append(buf, m.exact["not"]...)
	}
	if m.known[tok] || isNumber(tok) {
		return buf
	}
	// An inflection of a whole word is that word: "airways", "swells";
	// and in the lexicon a singular is its plural: "tablet" for "tablets".
	if m.typos {
		buf = append(buf, m.singulars[tok]...)
	}
	for _, suf := range inflections {
		if len(tok) > len(suf)+2 && tok[len(tok)-len(suf):] == suf {
			buf = append(buf, m.exact[tok[:len(tok)-len(suf)]]...)
		}
	}
	if !m.typos || len(tok) < 3 || realWords[tok] {
		return buf
	}
	if len(tok) <= 4 {
		buf = m.doubled(tok, buf)
		if len(tok) < 4 {
			return buf
		}
	}
	n := len(buf)
	has := letterSet(tok)
	for _, id := range m.fuzzy[tok[0]] {
		w := m.lx.words[id]
		// An edit takes at most one letter of the word away and brings
		// at most one in: a word missing more of the typed letters (or a
		// typed word missing more of the word's) than its typos allow is
		// no match, and the edit distance need not be computed.
		if k := maxTypos(len(w.text)); bits.OnesCount32(m.letters[id]&^has) > k || (!w.prefix && bits.OnesCount32(has&^m.letters[id]) > k) {
			continue
		}
		if w.prefix && len(tok) >= len(w.text) && tok[:len(w.text)] == w.text {
			continue // already a prefix match
		}
		if (w.prefix && nearPrefix(tok, w.text)) || (!w.prefix && nearWord(tok, w.text)) {
			buf = append(buf, id)
		}
	}
	// A typo one letter from an English word that is not in the lexicon is
	// that word mistyped ("consultaton" is "consultation", two letters from
	// "convuls*"), unless it is as near a lexicon word: "convultions" is as
	// near "convuls*" as "convolutions", and a miss costs more.
	if len(buf) > n && nearRealWord(tok) {
		kept := buf[:n]
		for _, id := range buf[n:] {
			if oneEditFrom(tok, m.lx.words[id]) {
				kept = append(kept, id)
			}
		}
		buf = kept
	}
	return buf
}

// doubled appends the lexicon words a short token is with one of its
// letters doubled: "kil" is "kill" typed with the doubled letter single, too
// short for an edit distance. (An English word so near one, "fed" for
// "feed", is in realwords.txt and never asked.)
func (m *matcher) doubled(tok string, buf []int) []int {
	if len(tok) > 4 {
		return buf
	}
	var b [5]byte
	for i := 0; i < len(tok); i++ {
		n := copy(b[:], tok[:i+1])
		b[n] = tok[i]
		copy(b[n+1:], tok[i+1:])
		buf = append(buf, m.exact[string(b[:len(tok)+1])]...)
	}
	return buf
}

// negations are the joined negative forms (tokens.go).
var negations = func() map[string]bool {
	m := map[string]bool{}
	for pair, j := range joined {
		if pair[1] == "not" {
			m[j] = true
		}
	}
	return m
}()

// units follow a number that is a dose, not a count.
var units = map[string]bool{"mg": true, "mcg": true, "ml": true, "g": true, "milligrams": true, "units": true, "mgs": true}

// timeUnits follow a number that is a time, not a count of pills: "woozy
// for 20 min" took no 20 of anything.
var timeUnits = map[string]bool{"min": true, "mins": true, "minute": true, "minutes": true, "sec": true, "secs": true,
	"seconds": true, "hour": true, "hours": true, "hr": true, "hrs": true, "day": true, "days": true, "week": true,
	"weeks": true, "month": true, "months": true, "year": true, "years": true, "yrs": true, "percent": true}

// inflections are the endings that make a word's forms.
var inflections = []string{"s", "es", "ed", "d", "ing", "y", "ly"}

// find returns every term of the lexicon found in the words.
func (m *matcher) find(ws []string) []occurrence {
	at := make([][]int, len(ws))
	// Most messages have two or three occurrences a word (a quiet one
	// too: "my", "is" belong to some group): room for them at once.
	found := make([]occurrence, 0, 3*len(ws)+4)
	// One backing array for all words' ids: a slice of it stays valid when
	// a later append moves the array, and most words have none.
	all := make([]int, 0, 2*len(ws))
	for i, w := range ws {
		n := len(all)
		all = m.ids(w, all)
		at[i] = all[n:len(all):len(all)]
	}
	has := func(i, id int) bool {
		for _, x := range at[i] {
			if x == id {
				return true
			}
		}
		return false
	}
	// matchTerm returns the end of t when it starts at i.
	matchTerm := func(t term, i int) (int, bool) {
		for _, id := range t {
			if i >= len(ws) {
				return 0, false
			}
			if w := m.lx.words[id]; w.class != "" {
				n := matchClass(w.class, ws, i)
				if n == 0 {
					return 0, false
				}
				i += n
				continue
			}
			if !has(i, id) {
				return 0, false
			}
			i++
		}
		return i, true
	}
	for i := range ws {
		firsts := at[i]
		if ws[i] != "" && ws[i][0] >= '0' && ws[i][0] <= '9' { // a number, or a figure with its unit ("60kg")
			firsts = append(firsts[:len(firsts):len(firsts)], m.classes...)
		}
		for _, id := range firsts {
			for _, r := range m.starts[id] {
				if end, ok := matchTerm(r.term, i); ok {
					found = append(found, occurrence{ref: r, start: i, end: end})
				}
			}
		}
	}
	return found
}

// hit is a concept found in a message, tokens [start, end).
type hit struct {
	concept    *Concept
	start, end int
}

// concepts combines the occurrences into the concepts they make up.
func (m *matcher) concepts(occ []occurrence) []hit {
	// Most words of a message that names no red flag belong to a group of
	// some concept ("my", "is"): only a concept with a term alone or with
	// every group found can fire, and only those are combined.
	type mark struct {
		concept int
		groups  uint64
		alone   bool
	}
	var buf [16]mark
	marks := buf[:0]
	for _, o := range occ {
		i := 0
		for i < len(marks) && marks[i].concept != o.concept {
			i++
		}
		if i == len(marks) {
			marks = append(marks, mark{concept: o.concept})
		}
		switch {
		case o.group == -1:
			marks[i].alone = true
		case o.group >= 0:
			marks[i].groups |= 1 << o.group
		}
	}
	var hits []hit
	for _, mk := range marks {
		c := m.lx.concepts[mk.concept]
		if !mk.alone && (len(c.groups) == 0 || mk.groups != 1<<len(c.groups)-1) {
			continue
		}
		o := occurrence{ref: ref{concept: mk.concept}}
		var void []occurrence
		groups := make([][]occurrence, len(c.groups))
		var alone []occurrence
		excepted := false
		for _, p := range occ {
			if p.concept != o.concept {
				continue
			}
			switch p.group {
			case -3:
				excepted = true
			case -2:
				void = append(void, p)
			case -1:
				alone = append(alone, p)
			default:
				groups[p.group] = append(groups[p.group], p)
			}
		}
		if excepted {
			continue
		}
		live := func(p occurrence) bool {
			for _, v := range void {
				if p.start < v.end && v.start < p.end {
					return false
				}
			}
			return true
		}
		for _, p := range alone {
			if live(p) {
				hits = append(hits, hit{concept: c, start: p.start, end: p.end})
				break
			}
		}
		if len(c.groups) > 0 {
			if h, ok := combine(c, groups, live); ok {
				hits = append(hits, h)
			}
		}
	}
	return hits
}

// combine finds one live occurrence of every group with at most the
// concept's window of other words between them.
func combine(c *Concept, groups [][]occurrence, live func(occurrence) bool) (hit, bool) {
	for _, g := range groups {
		if len(g) == 0 {
			return hit{}, false
		}
	}
	var chosen []occurrence
	var best hit
	found := false
	var walk func(g, lo, hi, words int)
	walk = func(g, lo, hi, words int) {
		if found {
			return
		}
		if g == len(groups) {
			best, found = hit{concept: c, start: lo, end: hi}, true
			return
		}
	next:
		for _, p := range groups[g] {
			if !live(p) {
				continue
			}
			for _, q := range chosen {
				if p.start < q.end && q.start < p.end {
					continue next // one word cannot be two parts of a concept
				}
			}
			nlo, nhi := p.start, p.end
			if g > 0 {
				nlo, nhi = min(lo, p.start), max(hi, p.end)
			}
			if n := words + p.end - p.start; nhi-nlo-n <= c.Window {
				chosen = append(chosen, p)
				walk(g+1, nlo, nhi, n)
				chosen = chosen[:len(chosen)-1]
			}
		}
	}
	walk(0, 0, 0, 0)
	return best, found
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// matchClass returns how many words at i a token class takes, or 0.
func matchClass(class string, ws []string, i int) int {
	switch class {
	case "#highbp":
		// "210/130": a reading at or over 180 systolic or 120 diastolic,
		// the threshold of a hypertensive crisis.
		if i+1 >= len(ws) || !isNumber(ws[i]) || !isNumber(ws[i+1]) {
			return 0
		}
		sys, _ := strconv.Atoi(ws[i])
		dia, _ := strconv.Atoi(ws[i+1])
		if sys <= 300 && dia < sys && dia >= 40 && (sys >= 180 || dia >= 120) {
			return 2
		}
	case "#many":
		// "30 of my pills": ten or more at once, counted, not measured
		// ("10 mg" is a dose).
		n, err := strconv.Atoi(ws[i])
		if err == nil && n >= 10 && n < 1000 && !(i+1 < len(ws) && (units[ws[i+1]] || timeUnits[ws[i+1]])) {
			return 1
		}
	case "#count":
		if isNumber(ws[i]) {
			return 1
		}
	case "#weight":
		// "60kg", "60 kg", "130 lbs", "9 stone": a body's weight, the
		// figure a dose is reckoned by.
		w := ws[i]
		j := 0
		for j < len(w) && w[j] >= '0' && w[j] <= '9' {
			j++
		}
		switch {
		case j == 0:
		case j < len(w) && weightUnits[w[j:]]:
			return 1
		case j == len(w) && i+1 < len(ws) && weightUnits[ws[i+1]]:
			return 2
		}
	case "#fastpulse":
		// A heart rate of 130 or more at rest.
		if n, err := strconv.Atoi(ws[i]); err == nil && n >= 130 && n <= 300 {
			return 1
		}
	case "#slowpulse":
		// A heart rate under 40 a minute (and not a dose: "30 mg").
		if n, err := strconv.Atoi(ws[i]); err == nil && n >= 10 && n < 40 && !(i+1 < len(ws) && units[ws[i+1]]) {
			return 1
		}
	case "#lowoxygen":
		// An oxygen saturation under 90%: 50 to 89 (below 50 is no
		// reading a pulse oximeter gives a conscious patient).
		if n, err := strconv.Atoi(ws[i]); err == nil && n >= 50 && n < 90 {
			return 1
		}
	case "#lowglucose":
		// A reading under 70 mg/dL (3.9 mmol/L) is hypoglycaemia; under
		// 15 is no glucose reading in mg/dL.
		if n, err := strconv.Atoi(ws[i]); err == nil && n >= 15 && n < 70 {
			return 1
		}
	}
	return 0
}

// weightUnits are the units a body weight is given in.
var weightUnits = map[string]bool{"kg": true, "kgs": true, "kilo": true, "kilos": true, "kilograms": true,
	"lb": true, "lbs": true, "pounds": true, "stone": true, "st": true}

// letterSet is the set of letters of a word, one bit each (other bytes
// share the last six bits): a cheap bound on the edits between two words.
func letterSet(w string) uint32 {
	var s uint32
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'a' && c <= 'z' {
			s |= 1 << (c - 'a')
		} else {
			s |= 1 << (26 + c%6)
		}
	}
	return s
}
