package safety_test

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot/safety"
	"github.com/infusionbot/infusionbot/bot/safety/internal/trainset"
)

// TestModelUpToDate fails when the training messages or options changed
// since model.bin was generated: run go generate ./bot/safety/.
func TestModelUpToDate(t *testing.T) {
	ss, err := trainset.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("model.bin.sum")
	if err != nil {
		t.Fatal(err)
	}
	if got := trainset.Digest(ss, trainset.Options); strings.TrimSpace(string(want)) != strings.TrimSpace(fmtHex(got)) {
		t.Errorf("model.bin was trained on other messages (digest %s, now %s): run go generate ./bot/safety/", strings.TrimSpace(string(want)), fmtHex(got))
	}
	if _, ok := safety.Decode(readModel(t)); !ok {
		t.Fatal("model.bin is not a model")
	}
}

func fmtHex(x uint64) string { return fmt.Sprintf("%016x", x) }

func readModel(t *testing.T) string {
	b, err := os.ReadFile("model.bin")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEncodeDecode: the written model scores as the trained one did, but
// for the int8 rounding of its weights.
func TestEncodeDecode(t *testing.T) {
	var ms []safety.Labelled
	for _, e := range []struct {
		text  string
		class safety.Class
	}{
		{"my chest hurts", safety.Emergency}, {"he collapsed on the floor", safety.Emergency},
		{"i want to die", safety.Crisis}, {"i am going to end it tonight", safety.Crisis},
		{"how long is an infusion", ""}, {"hello there", ""},
	} {
		ms = append(ms, safety.Labelled{Message: safety.Featurize(e.text), Class: e.class, Weight: 1})
	}
	tr := safety.Train(ms, safety.TrainOptions{Epochs: 30, LearningRate: 0.5, DenseWeight: 1})
	m, ok := safety.Decode(string(tr.Encode(0.7)))
	if !ok {
		t.Fatal("Decode refused what Encode wrote")
	}
	if m.Threshold() != float64(float32(0.7)) {
		t.Errorf("threshold %v, want 0.7", m.Threshold())
	}
	for _, e := range ms {
		a1, b1 := tr.Probabilities(e.Message)
		a2, b2 := m.Probabilities(e.Message)
		if math.Abs(a1-a2) > 0.02 || math.Abs(b1-b2) > 0.02 {
			t.Errorf("trained %.3f/%.3f, decoded %.3f/%.3f", a1, b1, a2, b2)
		}
	}
	if _, ok := safety.Decode(""); ok {
		t.Error("Decode took an empty file for a model")
	}
}

// TestLearnedWidensLexicon: wordings the lexicon has no concept for (these
// were written for this test, in no training file) are escalated by the
// classifier; the same red flags asked about in general stay questions.
func TestLearnedWidensLexicon(t *testing.T) {
	d := safety.Default()
	lexiconOnly := d.WithModel(nil)
	for _, c := range []struct {
		text  string
		class safety.Class
	}{
		{"dad is making gurgling sounds and his eyes are half open, we cant get through to him", safety.Emergency},
		{"her legs gave way and now she is mumbling and drowsy", safety.Emergency},
		{"my baby is floppy and won't feed", safety.Emergency},
		{"the cramps in my belly are unbearable and i'm sweating and pale", safety.Emergency},
		{"i've been picturing the railway line near my house a lot", safety.Crisis},
	} {
		if f := lexiconOnly.Check(c.text); f.Escalate() {
			t.Errorf("%q: the lexicon alone escalates it (%s); the case shows nothing of the classifier", c.text, f.Concept)
		}
		if f := d.Check(c.text); !f.Escalate() || f.Class != c.class {
			t.Errorf("%q: %+v, want a reported %s", c.text, f, c.class)
		}
	}
	for _, text := range []string{
		"what does it mean when a baby is floppy?",
		"can an infusion cause belly cramps and sweating?",
		"how long is a ketamine infusion?",
	} {
		if f := d.Check(text); f.Escalate() {
			t.Errorf("%q escalated (%s), want a question", text, f.Concept)
		}
	}
}

// TestExamplesWithoutModel: every example of the lexicon is escalated by
// the lexicon alone, so the classifier never hides a concept that no longer
// fires (the router tests run both together).
func TestExamplesWithoutModel(t *testing.T) {
	d := safety.Default().WithModel(nil)
	for _, c := range d.Concepts() {
		for _, e := range c.Examples {
			f := d.Check(e)
			if !f.Escalate() || !f.Answers(c.Class) {
				t.Errorf("%s:%d %q: %+v without the classifier, want a reported %s", c.File, c.Line, e, f, c.Class)
			}
		}
	}
}
