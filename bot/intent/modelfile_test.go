package intent

import (
	"bytes"
	"math"
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
	// And the decoded model decides as the trained one, every example.
	// The weights are stored in 8 bits (one scale per row), so each score
	// may move by up to quantError; the two may then decide differently
	// only where the trained model's call is that close to a boundary: its
	// top two within that of each other, or its margin or confidence that
	// close to the fallback's bars. Anywhere else a difference is a fault.
	d := DefaultData()
	def := Default()
	o := trained.opts
	near := 0
	for _, e := range d.Examples {
		a, b := trained.Classify(e.Text), def.Classify(e.Text)
		if a.Intent == b.Intent && a.Best == b.Best {
			continue
		}
		// A score moved by at most q moves each probability by at most q/2
		// and a margin by at most q (first order); twice that for slack.
		q := 2 * trained.quantError(e.Text)
		if a.Margin < q || math.Abs(a.Margin-o.MinMargin) < q || math.Abs(a.Confidence-o.MinConfidence) < q/2 {
			near++
			continue
		}
		t.Errorf("%s %q: trained %s (best %s, %.3f, margin %.3f), decoded %s (best %s, %.3f); quantisation moves a score by at most %.4f", e.Where(), e.Text, a.Intent, a.Best, a.Confidence, a.Margin, b.Intent, b.Best, b.Confidence, q/2)
	}
	// Near calls are rare: many would mean the 8 bits lose too much.
	if near > len(d.Examples)/200 {
		t.Errorf("%d of %d examples decided differently by the stored model within quantisation error, want at most 0.5%%", near, len(d.Examples))
	}
	t.Logf("%d of %d examples decided differently within quantisation error of a boundary", near, len(d.Examples))
}

// quantError bounds how far Encode's 8-bit rounding moves any one score of
// text: half a step of each row's scale, times the feature's value.
func (c *Classifier) quantError(text string) float64 {
	fs := normalized(c.feat.features(text, nil))
	k := len(c.classes)
	var e float64
	for _, f := range fs {
		r, ok := c.rows.get(f.hash)
		if !ok {
			continue
		}
		var m float64
		for _, w := range c.weights[int(r)*k : int(r)*k+k] {
			m = max(m, math.Abs(float64(w)))
		}
		e += math.Abs(float64(f.value)) * m / 127 / 2
	}
	return e
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
