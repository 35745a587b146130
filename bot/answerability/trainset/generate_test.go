//go:build !race

// Not under -race: asking the bot every training question three times
// takes seconds, and ten times that with the race detector.

package trainset

import (
	"context"
	"io"
	"os"
	"testing"
)

// TestCommittedModelIsTheGeneratorsOutput retrains the model as
// go generate ./bot/answerability does and compares it with model.txt:
// a change to the ranking, the features or the data must come with the
// model it trains.
func TestCommittedModelIsTheGeneratorsOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes seconds")
	}
	sets := Sets("../../..")
	for _, s := range sets {
		if _, err := os.Stat(s.Path); err != nil {
			t.Skipf("training set %s is not beside the repository", s.Path)
		}
	}
	cases, err := LoadSets(sets)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Collect(context.Background(), cases)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := Fit(ds, io.Discard)
	committed, err := os.ReadFile("../model.txt")
	if err != nil {
		t.Fatal(err)
	}
	if m.Encode() != string(committed) {
		t.Error("bot/answerability/model.txt is not what the training sets train: run go generate ./bot/answerability")
	}
}

func TestHoldsEvidenceComparesAsTheScorer(t *testing.T) {
	if !holdsEvidence("The session usually lasts 1–4 hours, with the dose", []string{"Session usually lasts 1-4 hours"}) {
		t.Error("evidence with another dash and case not found")
	}
	if holdsEvidence("Ketamine is a dissociative anesthetic.", []string{"session usually lasts"}) {
		t.Error("evidence found in a quote without it")
	}
}
