package intent

import (
	"strings"
	"sync"

	"github.com/infusionbot/infusionbot/knowledge"
)

// Vocabulary is the set of words of some articles. The classifier sees
// which words of a message the articles use: "how long do I boil an egg?"
// names nothing they talk about, "how long does it take?" does.
func Vocabulary(docs []knowledge.Document) map[string]bool {
	v := map[string]bool{}
	add := func(text string) {
		for _, t := range tokens(text) {
			v[t] = true
		}
	}
	for _, d := range docs {
		add(d.Title)
		for _, s := range d.Sections {
			add(s.Heading)
			for _, b := range s.Blocks {
				add(b.Text)
			}
		}
	}
	return v
}

var (
	embeddedVocabOnce sync.Once
	embeddedVocab     map[string]bool
)

// EmbeddedVocabulary is the Vocabulary of the articles compiled into the
// binary (computed once; do not modify it).
func EmbeddedVocabulary() map[string]bool { return embeddedVocabulary() }

func embeddedVocabulary() map[string]bool {
	embeddedVocabOnce.Do(func() {
		docs, _ := knowledge.Load(knowledge.Default()) // the embedded articles are tested to parse
		embeddedVocab = Vocabulary(docs)
	})
	return embeddedVocab
}

// known reports whether the articles use w, or w without a plural "s".
func known(vocab map[string]bool, w string) bool {
	return vocab[w] || (len(w) > 2 && vocab[strings.TrimSuffix(w, "s")]) || vocab[w+"s"]
}
