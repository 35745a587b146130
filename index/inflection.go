package index

import "strings"

// The index matches words by their Porter stems, which also join words of
// different meaning: "clinic" and "clinical", "awake" and "awaken". A word
// the articles lack counts as known only when they hold one of its
// inflections (a plural, a tense: "relieve" for "relieving"), not a
// derivation that means something else.

// inflectionSuffixes are English inflectional endings.
var inflectionSuffixes = []string{"s", "es", "ed", "d", "ing", "er", "ers", "ly"}

// lemmas are the forms w may be an inflection of, w included.
func lemmas(w string) []string {
	out := []string{w}
	for _, suf := range inflectionSuffixes {
		if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 3 {
			out = append(out, base, base+"e")
			if strings.HasSuffix(base, "i") {
				out = append(out, base[:len(base)-1]+"y") // studies -> study
			}
			if n := len(base); n >= 4 && base[n-1] == base[n-2] {
				out = append(out, base[:n-1]) // stopped -> stop
			}
		}
	}
	return out
}

// inflections are the forms of a lemma the articles may hold.
func inflections(lemma string) []string {
	out := []string{lemma}
	stem := strings.TrimSuffix(lemma, "e")
	for _, suf := range inflectionSuffixes {
		out = append(out, lemma+suf, stem+suf)
	}
	if y, ok := strings.CutSuffix(lemma, "y"); ok {
		out = append(out, y+"ies", y+"ied")
	}
	return out
}

// holdsInflection reports whether the vocabulary holds w or a word that is
// an inflection of the same lemma.
func (v *vocabulary) holdsInflection(w string) bool {
	for _, l := range lemmas(w) {
		for _, f := range inflections(l) {
			if v.has(f) {
				return true
			}
		}
	}
	return false
}
