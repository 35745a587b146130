package index

import (
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

var (
	analyzerOnce sync.Once
	enAnalyzer   analysis.Analyzer
	stopWords    analysis.TokenMap
)

func initAnalysis() {
	analyzerOnce.Do(func() {
		m := newMapping().(*mapping.IndexMappingImpl)
		enAnalyzer = m.AnalyzerNamed(en.AnalyzerName)
		stopWords = analysis.NewTokenMap()
		if err := stopWords.LoadBytes(en.EnglishStopWords); err != nil {
			panic(err) // the library's own list: cannot fail
		}
	})
}

// stems analyses text the way the index does: lower case, no stop words,
// Porter stems.
func stems(text string) []string {
	initAnalysis()
	ts := enAnalyzer.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

// isStopWord reports whether a lower-case word is an English stop word.
func isStopWord(w string) bool {
	initAnalysis()
	_, ok := stopWords[w]
	return ok
}

// words splits text into lower-case words (letters and digits; an
// apostrophe inside a word is kept, so "don't" stays one word).
func words(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, strings.Trim(b.String(), "'"))
			b.Reset()
		}
	}
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case (r == '\'' || r == '’') && b.Len() > 0:
			b.WriteRune('\'')
		default:
			flush()
		}
	}
	flush()
	return out
}
