package trainset

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/infusionbot/infusionbot/bot/answerability"
)

// LeadMargins are the margins answerability.LeadMargin is chosen from.
var LeadMargins = []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4}

// leadRight counts the answerable decisions the coverage rule, at margin,
// leads with a passage holding the evidence. A margin moves the lead, never
// whether the rule answers, so right answers are all there is to weigh. A
// lead beyond the places asked counts wrong.
func leadRight(ds []Decision, minCoverage, margin float64) int {
	n := 0
	for _, d := range ds {
		if !d.Case.Answerable() || d.Inputs == nil || d.Inputs[0] == nil {
			continue
		}
		if j := answerability.RuleLeadMargin(*d.Inputs[0], minCoverage, margin); j >= 0 && j < len(d.Right) && d.Right[j] {
			n++
		}
	}
	return n
}

// bestMargin is the margin of LeadMargins that leads most decisions right,
// the smallest on a tie (the rule as it was, unless the data say
// otherwise).
func bestMargin(ds []Decision, minCoverage float64) float64 {
	best, bestN := LeadMargins[0], -1
	for _, m := range LeadMargins {
		if n := leadRight(ds, minCoverage, m); n > bestN {
			best, bestN = m, n
		}
	}
	return best
}

// LeadMarginCV chooses the margin by leave-one-file-out: each file's
// decisions led at the margin that does best on the other files. It writes
// every margin's right leads per file, the held-out choice and figures, and
// returns the margin that does best on all files.
func LeadMarginCV(w io.Writer, ds []Decision, minCoverage float64) float64 {
	fold, names := folds(ds)
	per := make([][]Decision, len(names))
	for i, d := range ds {
		per[fold[i]] = append(per[fold[i]], d)
	}
	fmt.Fprintf(w, "%-22s", "right leads, margin")
	for _, m := range LeadMargins {
		fmt.Fprintf(w, " %5.2f", m)
	}
	fmt.Fprintf(w, " | held out (margin)\n")
	held, base := 0, 0
	for k, name := range names {
		var others []Decision
		for j := range names {
			if j != k {
				others = append(others, per[j]...)
			}
		}
		m := bestMargin(others, minCoverage)
		fmt.Fprintf(w, "%-22s", filepath.Base(name))
		for _, mm := range LeadMargins {
			fmt.Fprintf(w, " %5d", leadRight(per[k], minCoverage, mm))
		}
		h := leadRight(per[k], minCoverage, m)
		held, base = held+h, base+leadRight(per[k], minCoverage, 0)
		fmt.Fprintf(w, " | %d (%.2f)\n", h, m)
	}
	all := bestMargin(ds, minCoverage)
	fmt.Fprintf(w, "held out: %d right leads, against %d at margin 0; on all files margin %.2f\n", held, base, all)
	return all
}

// LeadMarginSets are the spent question sets the margin is chosen on.
func LeadMarginSets(root string) []Set {
	var out []Set
	for _, s := range []string{"qa_final", "qa_final2", "qa_final3", "qa_final4", "qa_final7", "qa_final8", "qa_final9", "qa_tune"} {
		out = append(out, Set{Path: filepath.Join(root, "testdata/blind", s+".jsonl")})
	}
	return slices.Clip(out)
}
