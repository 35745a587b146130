package answerability

import (
	"strings"
	"testing"
)

func TestEmbeddedModelDecodes(t *testing.T) {
	m := Default()
	if len(m.Weight) != NumFeatures || m.Threshold <= 0 || m.Threshold >= 1 {
		t.Fatalf("embedded model: %d weights, threshold %v", len(m.Weight), m.Threshold)
	}
	back, err := Decode(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if back.Encode() != m.Encode() {
		t.Error("Encode/Decode does not round-trip the embedded model")
	}
}

func TestDecodeRejectsOtherFeatures(t *testing.T) {
	text := strings.Replace(Default().Encode(), "\ncoverage ", "\ncover ", 1)
	if _, err := Decode(text); err == nil {
		t.Error("a model for other features decoded")
	}
	if _, err := Decode("threshold x\n"); err == nil {
		t.Error("a bad number decoded")
	}
}

// A question whose every word the passage holds, but for one it lacks:
// the lacking word decides, by how rare it is in English.
func TestRareLackingWordWeighsMoreThanCommonOne(t *testing.T) {
	in := func(lacking string) Input {
		return Input{
			Terms: []Term{{Word: "ketamine", Known: true, Weight: 2.5}, {Word: "session", Known: true, Weight: 2}, {Word: lacking, Weight: 5}},
			Hits: []Hit{
				{Text: "Infusion Process: The session usually lasts 1–4 hours.", Headings: []string{"Ketamine Infusions"}, Score: 0.6,
					Coverage: 0.5, TextCoverage: 0.2, HeadingCoverage: 0.3, TermMatch: []float64{0.9, 1, 0}},
				{Text: "Ketamine is a dissociative anesthetic.", Score: 0.5, Coverage: 0.3, TermMatch: []float64{1, 0, 0}},
			},
		}
	}
	m := Default()
	common, rare := m.Prob(Features(in("length"), 0, m.Params)), m.Prob(Features(in("pacemaker"), 0, m.Params))
	if common <= rare {
		t.Errorf("P(answers) lacking %q = %.2f, lacking %q = %.2f: the rare word should weigh more", "length", common, "pacemaker", rare)
	}
}

func TestTrainSeparatesASeparableSet(t *testing.T) {
	var ex []Example
	for i := 0; i < 40; i++ {
		f := make([]float64, NumFeatures)
		f[0] = float64(i) / 40 // coverage
		ex = append(ex, Example{Features: f, Answers: i >= 20})
	}
	m := Train(ex, TrainOptions{L2: 0.1})
	lo, hi := make([]float64, NumFeatures), make([]float64, NumFeatures)
	lo[0], hi[0] = 0.1, 0.9
	if m.Prob(lo) >= 0.5 || m.Prob(hi) <= 0.5 {
		t.Errorf("P(0.1) = %.2f, P(0.9) = %.2f", m.Prob(lo), m.Prob(hi))
	}
	if again := Train(ex, TrainOptions{L2: 0.1}); again.Encode() != m.Encode() {
		t.Error("training twice on the same examples gave two models")
	}
}

// The coverage rule's lead: the best ranked passage within LeadMargin of
// the first one holding the least coverage, else that one; and no passage
// holding it, no rule answer, whatever the margin.
func TestRuleLeadRespectsTheRankingWithinItsMargin(t *testing.T) {
	in := func(covs ...float64) Input {
		var hs []Hit
		for _, c := range covs {
			hs = append(hs, Hit{Coverage: c})
		}
		return Input{Hits: hs}
	}
	tests := []struct {
		covs []float64
		want int
	}{
		{[]float64{0.9, 0.7}, 0},                       // the top holds enough: it leads
		{[]float64{0.83 - LeadMargin + 0.01, 0.83}, 0}, // within the margin: the top leads
		{[]float64{0.83 - LeadMargin - 0.01, 0.83}, 1}, // beyond it: the one holding enough
		{[]float64{0.2, 0.6, 0.8}, 1},                  // the best ranked within the margin
		{[]float64{0.6, 0.5, 0.6}, -1},                 // none holds enough: no rule answer
		{[]float64{0.7, 0.1, 0.1, 0.1, 0.7}, 0},        // first holding enough
		{[]float64{0.1, 0.1, 0.1, 0.7, 0.9}, 3},        // below the top MaxLead: the first
		{[]float64{0.1, 0.1, 0.1, 0.6, 0.7}, 4},        // ... which only the top MaxLead can displace
	}
	for _, tt := range tests {
		if got := RuleLead(in(tt.covs...), 0.65); got != tt.want {
			t.Errorf("coverages %v: lead %d, want %d", tt.covs, got, tt.want)
		}
	}
	if got := RuleLeadMargin(in(0.6, 0.83), 0.65, 0); got != 1 {
		t.Errorf("margin 0: lead %d, want 1 (the rule before)", got)
	}
}
