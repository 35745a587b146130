package index

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed synonyms.txt
var defaultSynonyms string

// Synonyms maps a patient's words to the words the articles use.
type Synonyms struct {
	// expand maps a word or phrase (lower-case words joined by single spaces)
	// to its alternatives.
	expand map[string][]string
	// longest is the most words any key has.
	longest int
	// replace marks keys whose own words are not searched, only their alternatives.
	replace map[string]bool
}

// DefaultSynonyms is the embedded synonyms.txt.
func DefaultSynonyms() *Synonyms {
	s, err := ParseSynonyms(defaultSynonyms)
	if err != nil {
		panic("index: embedded synonyms.txt: " + err.Error())
	}
	return s
}

// ParseSynonyms reads the synonym table format of synonyms.txt:
//
//	a, b, c          a, b and c all mean the same: each finds the others
//	x, y -> a, b     a patient's x or y finds a and b (not the other way)
//	x => a, b        x finds a and b instead of itself
//
// Blank lines and lines starting with # are ignored.
func ParseSynonyms(text string) (*Synonyms, error) {
	s := &Synonyms{expand: map[string][]string{}, replace: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		from, to, oneWay := strings.Cut(line, "->")
		replace := false
		if !oneWay {
			from, to, replace = strings.Cut(line, "=>")
			oneWay = replace
		}
		lhs := splitTerms(from)
		rhs := splitTerms(to)
		if len(lhs) == 0 || (oneWay && len(rhs) == 0) || (!oneWay && len(lhs) < 2) {
			return nil, fmt.Errorf("synonyms.txt:%d: want \"a, b, c\" or \"a, b -> c, d\"", n)
		}
		if !oneWay {
			rhs = lhs
		}
		for _, k := range lhs {
			if replace {
				s.replace[k] = true
			}
			for _, v := range rhs {
				if v != k {
					s.add(k, v)
				}
			}
		}
	}
	return s, sc.Err()
}

func splitTerms(list string) []string {
	var out []string
	for _, t := range strings.Split(list, ",") {
		if w := strings.Join(words(t), " "); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func (s *Synonyms) add(k, v string) {
	for _, have := range s.expand[k] {
		if have == v {
			return
		}
	}
	s.expand[k] = append(s.expand[k], v)
	if n := strings.Count(k, " ") + 1; n > s.longest {
		s.longest = n
	}
}

// Replaces reports whether a word or phrase is searched only through its alternatives.
func (s *Synonyms) Replaces(phrase string) bool { return s.replace[phrase] }

// Lookup returns the alternatives of a word or phrase.
func (s *Synonyms) Lookup(phrase string) []string { return s.expand[phrase] }
