package index

import (
	"strings"
	"unicode"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = []string{"e.g.", "i.e.", "vs.", "dr.", "etc.", "approx.", "no.", "st.", "mr.", "mrs.", "ms."}

// sentences splits text into sentences, keeping every character: joining
// the result gives text back.
func sentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '.' && r != '?' && r != '!' {
			continue
		}
		// Closing quotes and brackets belong to the sentence they end.
		j := i + 1
		for j < len(rs) && strings.ContainsRune("\"'”’)]", rs[j]) {
			j++
		}
		if j >= len(rs) || !unicode.IsSpace(rs[j]) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) {
			k++
		}
		if k < len(rs) && !(unicode.IsUpper(rs[k]) || unicode.IsDigit(rs[k]) || strings.ContainsRune("\"“‘(", rs[k])) {
			continue
		}
		if r == '.' && endsWithAbbreviation(string(rs[start:i+1])) {
			continue
		}
		out = append(out, string(rs[start:k]))
		start = k
		i = k - 1
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

func endsWithAbbreviation(s string) bool {
	low := strings.ToLower(s)
	for _, a := range abbreviations {
		if strings.HasSuffix(low, " "+a) || strings.HasSuffix(low, "("+a) || low == a {
			return true
		}
	}
	return false
}
