package trainset

import (
	"reflect"
	"testing"

	"github.com/infusionbot/infusionbot/bot/answerability"
)

func TestBreakdownSortsLossesByRankingAndDecision(t *testing.T) {
	// A model that answers by the coverage rule alone.
	m := &answerability.Model{Threshold: 2, MinCoverage: 0.65}
	ev := []string{"lasts 1-4 hours"}
	decision := func(cov float64, text string, right bool) Decision {
		in := &answerability.Input{
			Terms: []answerability.Term{{Word: "session", Known: true, Weight: 1}},
			Hits:  []answerability.Hit{{Text: text, Coverage: cov}, {Text: "Ketamine is an anesthetic.", Coverage: 0.1}},
		}
		return Decision{Case: Case{Kind: "answer", Turns: []string{"how long"}, Evidence: ev},
			Inputs: []*answerability.Input{in, in, nil}, Right: []bool{right, false, false}}
	}
	ds := []Decision{
		decision(0.9, "The session lasts 1–4 hours.", true),                 // answered right
		decision(0.4, "The session lasts 1–4 hours.", true),                 // the right passage, abstained
		decision(0.9, "The session lasts 1–4 hours. It is calm.", false),    // the right passage, the wrong sentence quoted
		decision(0.9, "Sessions are calm.", false),                          // the wrong passage answered
		decision(0.4, "Sessions are calm.", false),                          // the wrong passage, abstained
		{Case: Case{Kind: "answer", Turns: []string{"help"}, Evidence: ev}}, // an intent replied
		{Case: Case{Kind: "unanswerable", Turns: []string{"pacemaker?"}}},   // not answerable: not counted
	}
	got := BreakdownOf(m, ds)
	got.Cases = nil
	want := Breakdown{Answerable: 6, Right: 1, TopAbstained: 1, TopWrongQuote: 1, WrongAnswered: 1, WrongAbstained: 1, Undecided: 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("breakdown %+v, want %+v", got, want)
	}
}
