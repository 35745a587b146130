package intent

import (
	"bytes"
	"testing"

	"github.com/infusionbot/infusionbot/internal/featurehash"
)

// TestCommittedModelMatchesExamples: the model the bot starts with
// (model.bin) is the one examples.txt trains, so an edit to the examples
// is never silently left out. It also holds training deterministic: the
// committed bytes came from another process training the same file.
func TestCommittedModelMatchesExamples(t *testing.T) {
	trained := Train(DefaultData(), Options{Vocabulary: EmbeddedVocabulary()})
	if !bytes.Equal(trained.Encode(), []byte(embeddedModel)) {
		t.Fatal("model.bin is not the model examples.txt trains: run go generate ./bot/intent")
	}
	// And the decoded model decides as the trained one, every example. The
	// weights are stored in 8 bits, so the two may order a near tie
	// differently below the decision (both falling back to question).
	d := DefaultData()
	def := Default()
	for _, e := range d.Examples {
		a, b := trained.Classify(e.Text), def.Classify(e.Text)
		if a.Intent != b.Intent || (a.Best != b.Best && a.Margin >= 0.01) {
			t.Errorf("%s %q: trained %s (best %s, %.3f), decoded %s (best %s, %.3f)", e.Where(), e.Text, a.Intent, a.Best, a.Confidence, b.Intent, b.Best, b.Confidence)
		}
	}
}

func TestDecodeRejectsBrokenModels(t *testing.T) {
	good := embeddedModel
	for name, data := range map[string]string{
		"empty":     "",
		"not model": "hello world",
		"cut short": good[:len(good)/2],
		"trailing":  good + "x",
	} {
		if _, err := Decode(data, nil); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

// TestVocabularyIsTheLoadedArticles: a message is read against the articles
// the bot answers from; with other articles, its words are new or known
// accordingly.
func TestVocabularyIsTheLoadedArticles(t *testing.T) {
	msg := "how long does a lidocaine infusion take"
	builtin := Default()
	other := builtin.WithVocabulary(map[string]bool{"pizza": true, "oven": true})
	var a, b []feature
	a = builtin.feat.features(msg, a)
	b = other.feat.features(msg, b)
	newCount := func(fs []feature) uint32 {
		for _, f := range fs {
			for n := byte('0'); n <= '3'; n++ {
				if f.hash == uint32(featurehash.New(kindNew).Byte(n)) {
					return uint32(n - '0')
				}
			}
		}
		return 99
	}
	if got := newCount(a); got != 0 {
		t.Errorf("built-in articles: %d of %q's words new, want 0", got, msg)
	}
	if got := newCount(b); got < 3 {
		t.Errorf("articles about pizza: %d of %q's words new, want 3 (the most counted)", got, msg)
	}
}
