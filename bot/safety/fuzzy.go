package safety

import (
	_ "embed"
	"strings"
)

// realwords.txt lists the English words (SCOWL's American English list,
// Debian package wamerican) that are within typing distance of a lexicon
// word without being one: "chess" is near "chest", "paint" near "faint".
// Only these need to be known to keep real words from passing for typos,
// so the list stays small. It is generated:
//
//go:generate go run ./internal/genrealwords -dict /usr/share/dict/american-english -out realwords.txt
//go:embed realwords.txt
var realWordsText string

var realWords = parseWordList(realWordsText)

// realByStart is realWords by first letter and length, to find the real
// words one edit from a typed word.
var realByStart = func() map[[2]int][]string {
	m := map[[2]int][]string{}
	for w := range realWords {
		k := [2]int{int(w[0]), len(w)}
		m[k] = append(m[k], w)
	}
	return m
}()

// nearRealWord reports whether typed is one edit from a word of realWords.
func nearRealWord(typed string) bool {
	for n := len(typed) - 1; n <= len(typed)+1; n++ {
		for _, w := range realByStart[[2]int{int(typed[0]), n}] {
			if distance(typed, w, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

// oneEditFrom reports whether typed is at most one edit from w, or, for a
// stem, starts with a spelling one edit from it.
func oneEditFrom(typed string, w word) bool {
	if !w.prefix {
		d := len(typed) - len(w.text)
		return d <= 1 && d >= -1 && distance(typed, w.text, 1) <= 1
	}
	for n := len(w.text) - 1; n <= len(w.text)+1 && n <= len(typed); n++ {
		if distance(typed[:n], w.text, 1) <= 1 {
			return true
		}
	}
	return false
}

func parseWordList(text string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// maxTypos is how many edits a typed word may be from a lexicon word of n
// letters: none for short words, where one edit makes another word; two
// from six letters on, as in "tounge" for "tongue".
func maxTypos(n int) int {
	switch {
	case n >= 6:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// nearWord reports whether typed is within maxTypos(len(want)) edits of
// want (insertions, deletions, substitutions, swaps of neighbours), with the
// first letter right: people rarely mistype the first letter of a word.
// A word of four letters only matches with two letters swapped ("pian").
func nearWord(typed, want string) bool {
	k := maxTypos(len(want))
	if k == 0 || len(typed) < 4 || typed[0] != want[0] {
		return false
	}
	if len(want) == 4 {
		return len(typed) == 4 && typed != want && swapped(typed, want)
	}
	if d := len(typed) - len(want); d > k || -d > k {
		return false
	}
	return distance(typed, want, k) <= k
}

// nearPrefix reports whether typed starts with a near spelling of the stem
// ("sweling" for "swell*").
func nearPrefix(typed, stem string) bool {
	k := maxTypos(len(stem))
	if k == 0 || len(typed) < len(stem)-k {
		return false
	}
	for n := len(stem) - k; n <= len(stem)+k && n <= len(typed); n++ {
		if nearWord(typed[:n], stem) {
			return true
		}
	}
	return false
}

// swapped reports whether a and b, of one length, differ by two
// neighbouring letters swapped.
func swapped(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// distance is the optimal-string-alignment edit distance of a and b, or
// k+1 once it is known to exceed k.
func distance(a, b string, k int) int {
	if a == b {
		return 0
	}
	var rows [3][32]int
	if len(b) >= len(rows[0]) || len(a) >= len(rows[0]) {
		return k + 1
	}
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
