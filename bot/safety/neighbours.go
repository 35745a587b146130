package safety

import "strings"

// RealWordNeighbours returns the words of dict (one a line) that a typo
// match would take for a lexicon word without being one: the content of
// realwords.txt, spelled as messages are tokenized ("child's" -> "childs").
// Words with capitals (names) are skipped.
func (d *Detector) RealWordNeighbours(dict string) []string {
	m := d.concepts
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(dict, "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.ToLower(w) != w {
			continue
		}
		ts := tokenize(w)
		if len(ts) != 1 {
			continue
		}
		w = ts[0].text
		if seen[w] || m.known[w] {
			continue
		}
		for _, id := range m.fuzzy[w[0]] {
			lw := m.lx.words[id]
			if lw.prefix && strings.HasPrefix(w, lw.text) {
				continue
			}
			if (lw.prefix && nearPrefix(w, lw.text)) || (!lw.prefix && nearWord(w, lw.text)) {
				seen[w] = true
				out = append(out, w)
				break
			}
		}
	}
	return out
}
