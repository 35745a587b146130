package safety

import "strings"

// RealWordNeighbours returns the words of dict (one a line) that a typo
// match would take for a lexicon word without being one: the content of
// realwords.txt, spelled as messages are tokenized ("child's" -> "childs").
// Words with capitals (names) are skipped.
func (d *Detector) RealWordNeighbours(dict string) []string {
	m := d.concepts
	// The lexicon's words by first letter and length, so each dictionary
	// word is compared only with those it could be a typo of.
	type key struct {
		first byte
		n     int
	}
	plain, stems := map[key][]word{}, map[byte][]word{}
	for _, id := range m.fuzzyIDs() {
		w := m.lx.words[id]
		if w.prefix {
			stems[w.text[0]] = append(stems[w.text[0]], w)
		} else {
			k := key{w.text[0], len(w.text)}
			plain[k] = append(plain[k], w)
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(dict, "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.ToLower(w) != w {
			continue
		}
		w = strings.ReplaceAll(w, "'", "")
		if !isLetters(w) {
			continue
		}
		if seen[w] || m.known[w] || len(w) < 3 {
			continue
		}
		near := len(m.doubled(w, nil)) > 0
		if len(w) < 4 && !near {
			continue
		}
		for n := len(w) - 2; n <= len(w)+2 && !near; n++ {
			for _, lw := range plain[key{w[0], n}] {
				if nearWord(w, lw.text) {
					near = true
					break
				}
			}
		}
		for _, lw := range stems[w[0]] {
			if near {
				break
			}
			near = !strings.HasPrefix(w, lw.text) && nearPrefix(w, lw.text)
		}
		if near {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// isLetters reports whether w is made of the letters a to z only.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}
