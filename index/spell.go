package index

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/infusionbot/infusionbot/internal/derivation"
	"github.com/infusionbot/infusionbot/internal/lexicon"
)

// vocabulary is the set of words the passages use, for typo correction.
type vocabulary struct {
	count map[string]int
	// byLen buckets words by length so a correction only compares words
	// whose length is within the edit distance.
	byLen map[int][]string
}

func newVocabulary() *vocabulary {
	return &vocabulary{count: map[string]int{}, byLen: map[int][]string{}}
}

func (v *vocabulary) add(text string) {
	for _, w := range words(text) {
		if v.count[w] == 0 {
			n := len([]rune(w))
			v.byLen[n] = append(v.byLen[n], w)
		}
		v.count[w]++
	}
}

func (v *vocabulary) has(w string) bool { return v.count[w] > 0 }

// correct returns the vocabulary word closest to an unknown word w, which
// the caller knows is no English word (a real word is never corrected into
// another): within one edit for words of 3 to 9 letters, two for longer
// ones; a word of under five letters keeps its first letter ("watr" is
// "water"); ties go to the more frequent word. It returns "" when nothing
// is close enough, and w itself when w is known or too short to correct.
func (v *vocabulary) correct(w string) string {
	r := []rune(w)
	if v.has(w) || len(r) < 3 {
		return w
	}
	// Two edits only for long words: "invented" is two edits from
	// "inserted", but a real word of ten letters rarely is from another.
	maxDist := 1
	if len(r) >= 10 {
		maxDist = 2
	}
	best, bestDist, bestCount := "", maxDist+1, 0
	for n := len(r) - maxDist; n <= len(r)+maxDist; n++ {
		for _, cand := range v.byLen[n] {
			if len(r) < 5 && cand[0] != w[0] {
				continue
			}
			d := editDistance(r, []rune(cand), maxDist)
			if d < bestDist || (d == bestDist && v.count[cand] > bestCount) {
				best, bestDist, bestCount = cand, d, v.count[cand]
			}
		}
	}
	if bestDist > maxDist {
		return ""
	}
	return best
}

// editDistance is the optimal string alignment distance (Levenshtein with
// adjacent transpositions), giving up with limit+1 once it must exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

//go:embed textspeak.txt
var textSpeakFile string

//go:embed people.txt
var peopleFile string

// textSpeak maps a short form of chat to the words it stands for, none for
// chat that says nothing ("lol"); read from textspeak.txt.
var textSpeak = mustParse(parseTextSpeak(textSpeakFile))

// people are the words for someone a question is asked for ("mum",
// "husband"); read from people.txt.
var people = parseWordList(peopleFile)

// mustParse panics on an error in an embedded file: a programming error
// the package's tests catch.
func mustParse[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// parseTextSpeak reads lines "short = what it stands for"; "#" starts a
// comment. The short form is one word as words() splits text.
func parseTextSpeak(text string) (map[string][]string, error) {
	m := map[string][]string{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		short, full, ok := strings.Cut(line, "=")
		short = strings.TrimSpace(short)
		if ws := words(short); !ok || len(ws) != 1 || ws[0] != short {
			return nil, fmt.Errorf("textspeak.txt:%d: want \"short = what it stands for\", got %q", i+1, line)
		}
		if _, dup := m[short]; dup {
			return nil, fmt.Errorf("textspeak.txt:%d: %q given twice", i+1, short)
		}
		m[short] = words(full)
	}
	return m, nil
}

// parseWordList reads one word a line; "#" starts a comment.
func parseWordList(text string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// spellOut replaces text-speak words with what they stand for and leaves
// out chat that says nothing. A word in capitals (nil: none) is an
// abbreviation: it keeps its letters where the text-speak would make it a
// word that says nothing ("IM" is no "I'm"), and is spelled out where it
// stands for words that say something ("PT", physical therapy).
func spellOut(ws []string, capitals map[string]bool) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if full, ok := textSpeak[w]; ok && !(capitals[w] && onlyStopWords(full)) {
			out = append(out, full...)
			continue
		}
		out = append(out, w)
	}
	return out
}

// plainWords is what a person's text asks, in words as the knowledge would
// say them: text-speak spelled out, and without the people it is asked for
// ("my mum's session" asks about a session) and the numbers the knowledge
// does not hold ("pain for 10 years").
func (ix *Index) plainWords(text string) []string {
	ws := spellOut(words(text), capitals(text))
	out := ws[:0]
	for _, w := range ws {
		if (isPerson(w) || isNumber(w)) && !ix.knows(w) {
			// "my mum's session", "for 10 years": who asks and the numbers
			// of a story say nothing the knowledge could answer, unless it
			// holds them itself.
			continue
		}
		out = append(out, w)
	}
	return out
}

// onlyStopWords reports whether ws are all stop words; true for none.
func onlyStopWords(ws []string) bool {
	for _, w := range ws {
		if !isStopWord(w) {
			return false
		}
	}
	return true
}

// capitals are the words (lower-cased) of a text typed in capitals where
// the text has small letters too: "IV vs IM" writes an abbreviation, not
// text-speak ("im" for "I'm"). A text all in capitals tells nothing.
func capitals(text string) map[string]bool {
	if !strings.ContainsFunc(text, unicode.IsLower) {
		return nil
	}
	var out map[string]bool
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(f) > 1 && !strings.ContainsFunc(f, unicode.IsLower) && strings.ContainsFunc(f, unicode.IsUpper) {
			if out == nil {
				out = map[string]bool{}
			}
			out[strings.ToLower(f)] = true
		}
	}
	return out
}

// isPerson reports whether w names someone a question is asked for, in
// the singular, plural or possessive ("mum", "mums", "mum's").
func isPerson(w string) bool {
	if people[w] {
		return true
	}
	for _, end := range []string{"'s", "s'", "s"} {
		if b, ok := strings.CutSuffix(w, end); ok && people[b] {
			return true
		}
	}
	return false
}

// fixTypo returns the word a person meant by w: w itself when the
// knowledge knows it or it is an English word (never "corrected" into
// another: "awake" is not "aware"), else the nearest word of the
// knowledge, else the knowledge's word it is cut short from ("lido"),
// else w with a dropped final g restored ("sittin"), else, unless it is an
// abbreviation (no vowel: "hpv"), the English word it is one edit from.
func (ix *Index) fixTypo(w string) string {
	if ix.knows(w) {
		return w
	}
	if b, ok := cutPossessive(w); ok {
		return ix.fixTypo(b) // "my son's crps", "nothing's working": the word, not a rarer one
	}
	if n := ix.derivedNoun(w); n != "" {
		return n // before English: "infected" is a word, and the articles say "infection"
	}
	if isEnglishWord(w) {
		return w
	}
	if len([]rune(w)) < 3 {
		if sw := stopWordOfConsonants(w); sw != "" {
			return sw // "cn", "hw"
		}
		return w
	}
	if c := ix.vocab.correct(w); c != "" {
		return c
	}
	if c := ix.vocab.unabbreviate(w); c != "" {
		return c
	}
	if g := dropG(w); g != w {
		return g
	}
	if c := collapseRepeats(w); c != w && (ix.knows(c) || isEnglishWord(c)) {
		return c // "sooo", "pleease": a letter held down
	}
	if !strings.ContainsAny(w, "aeiouy") {
		// "btw", "hpv": letters standing for words, not a word typed
		// wrong ("bow", "hip"), unless they are the consonants of a
		// little word typed without its vowels ("cn", "frm", "shld").
		if sw := stopWordOfConsonants(w); sw != "" {
			return sw
		}
		return w
	}
	return englishCorrection(w)
}

// collapseRepeats shortens every run of three or more of one letter to
// two, or to one when two make no word ("sooo" -> "so", "pleeease" ->
// "please"); w itself when it has no such run.
func collapseRepeats(w string) string {
	r := []rune(w)
	run := false
	for i := 2; i < len(r); i++ {
		if r[i] == r[i-1] && r[i] == r[i-2] {
			run = true
			break
		}
	}
	if !run {
		return w
	}
	squeeze := func(keep int) string {
		var out []rune
		for i, c := range r {
			n := 0
			for j := len(out) - 1; j >= 0 && out[j] == c; j-- {
				n++
			}
			if i > 0 && n >= keep {
				continue
			}
			out = append(out, c)
		}
		return string(out)
	}
	if two := squeeze(2); isEnglishWord(two) {
		return two
	}
	return squeeze(1)
}

// stopWordOfConsonants returns the stop word or filler word (words that
// say nothing of a topic) whose consonants (y counts as one) are w, typed
// without vowels as chat does ("cn" for "can", "frm" for "from", "shld"
// for "should"); the most frequent when several are, "" when none is.
// Those words are a small closed class, so an abbreviation ("hpv", "mg")
// is never taken for one.
func stopWordOfConsonants(w string) string {
	initAnalysis()
	best, bestRank := "", 0
	try := func(sw string) {
		if len(sw) <= len(w) || consonants(sw) != w {
			return
		}
		r := lexicon.Rank(sw)
		if r == 0 {
			r = 1 << 30 // no rank: rarer than any ranked word
		}
		if best == "" || r < bestRank || (r == bestRank && sw < best) {
			best, bestRank = sw, r
		}
	}
	for sw := range stopWords {
		try(sw)
	}
	for sw := range fillerWords {
		try(sw)
	}
	return best
}

// consonants is w without its vowels a, e, i, o, u.
func consonants(w string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("aeiou", r) {
			return -1
		}
		return r
	}, w)
}

// abbreviationMinLen is the fewest letters of a word cut short that is
// read as the knowledge's word it starts ("lido", "keta", "fibro"): three
// letters begin too many words ("pro", "con").
const abbreviationMinLen = 4

// unabbreviate returns the word of the vocabulary that w, no word of its
// own, is cut short from: the most frequent one that starts with w and is
// at least two letters longer ("lido" for "lidocaine", "chemo" for
// "chemotherapy"); "" when none does.
func (v *vocabulary) unabbreviate(w string) string {
	if len(w) < abbreviationMinLen {
		return ""
	}
	best, bestCount := "", 0
	for n, ws := range v.byLen {
		if n < len([]rune(w))+2 {
			continue
		}
		for _, cand := range ws {
			if c := v.count[cand]; strings.HasPrefix(cand, w) && (c > bestCount || c == bestCount && cand < best) {
				best, bestCount = cand, c
			}
		}
	}
	return best
}

// derivedNoun returns the noun of the knowledge that names what a verb the
// knowledge lacks does ("infected" infection, "irritate" irritation,
// "decides" decision; internal/derivation, from WordNet): the one most
// passages hold, "" when it holds none. A form that can be read as a noun
// has no entry ("limit" in "age limit" is no "limitation").
func (ix *Index) derivedNoun(w string) string {
	best, bestDF := "", 0
	for _, n := range derivation.Nouns(w) {
		st := stems(n)
		if len(st) == 0 || !ix.knows(n) {
			continue
		}
		if d := ix.phraseDF(st); d > bestDF {
			best, bestDF = n, d
		}
	}
	return best
}

// cutPossessive returns w without a final "'s" or "s'" ("son's",
// "nothing's", "parents'"), when it has one and something is left.
func cutPossessive(w string) (string, bool) {
	for _, end := range []string{"'s", "’s"} {
		if b, ok := strings.CutSuffix(w, end); ok && b != "" {
			return b, true
		}
	}
	if b, ok := strings.CutSuffix(w, "'"); ok && strings.HasSuffix(b, "s") {
		return b, true
	}
	return "", false
}
