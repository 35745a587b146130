package intent

import (
	"fmt"
	"io"
	"strings"
)

// Report is the cross-validated accuracy of a training file: every example
// classified (fallback included) by a classifier trained without it.
type Report struct {
	Folds   int
	Intents []string
	// Confusion[i][j] counts examples of Intents[i] classified as Intents[j].
	Confusion [][]int
	// Misses are the examples classified wrongly.
	Misses []Miss
}

// Miss is one example the cross-validation got wrong.
type Miss struct {
	Example
	Got        string
	Confidence float64
}

// CrossValidate trains folds classifiers, each on all examples but every
// folds-th one of each intent, and classifies the held-out ones.
func CrossValidate(d *Data, folds int, opts Options) Report {
	rep := Report{Folds: folds, Intents: Intents}
	index := map[string]int{}
	for i, in := range Intents {
		index[in] = i
	}
	rep.Confusion = make([][]int, len(Intents))
	for i := range rep.Confusion {
		rep.Confusion[i] = make([]int, len(Intents))
	}
	fold := make([]int, len(d.Examples))
	seen := map[string]int{}
	for i, e := range d.Examples {
		fold[i] = seen[e.Intent] % folds
		seen[e.Intent]++
	}
	for f := 0; f < folds; f++ {
		train := &Data{Lookups: d.Lookups}
		var held []Example
		for i, e := range d.Examples {
			if fold[i] == f {
				held = append(held, e)
			} else {
				train.Examples = append(train.Examples, e)
			}
		}
		c := Train(train, opts)
		for _, e := range held {
			p := c.Classify(e.Text)
			rep.Confusion[index[e.Intent]][index[p.Intent]]++
			if p.Intent != e.Intent {
				rep.Misses = append(rep.Misses, Miss{Example: e, Got: p.Intent, Confidence: p.Confidence})
			}
		}
	}
	return rep
}

// Goal is the cross-validated accuracy every intent should reach: an
// intent below it is told apart too poorly for its canned reply to be
// trusted on unseen messages (the fallback catches only unsure calls).
const Goal = 0.9

// Accuracy is the share of intent's examples classified as intent (its recall).
func (r Report) Accuracy(intent string) float64 {
	for i, in := range r.Intents {
		if in == intent {
			n := 0
			for _, c := range r.Confusion[i] {
				n += c
			}
			if n == 0 {
				return 0
			}
			return float64(r.Confusion[i][i]) / float64(n)
		}
	}
	return 0
}

// Overall is the share of all examples classified right.
func (r Report) Overall() float64 {
	ok, n := 0, 0
	for i := range r.Confusion {
		for j, c := range r.Confusion[i] {
			n += c
			if i == j {
				ok += c
			}
		}
	}
	return float64(ok) / float64(max(n, 1))
}

// Write prints the per-intent accuracy and the confusion matrix; with
// misses, every example classified wrongly, with where it was written.
func (r Report) Write(w io.Writer, misses bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d-fold cross-validation, %.1f%% of examples right\n\n", r.Folds, 100*r.Overall())
	fmt.Fprintf(&b, "%-15s %8s %9s\n", "intent", "examples", "accuracy")
	for i, in := range r.Intents {
		n := 0
		for _, c := range r.Confusion[i] {
			n += c
		}
		mark := ""
		if r.Accuracy(in) < Goal {
			mark = fmt.Sprintf("  below the %.0f%% goal", 100*Goal)
		}
		fmt.Fprintf(&b, "%-15s %8d %8.1f%%%s\n", in, n, 100*r.Accuracy(in), mark)
	}
	b.WriteString("\nconfusion (rows: the example's intent, columns: classified as)\n")
	fmt.Fprintf(&b, "%-15s", "")
	for _, in := range r.Intents {
		fmt.Fprintf(&b, " %6.6s", in)
	}
	b.WriteString("\n")
	for i, in := range r.Intents {
		fmt.Fprintf(&b, "%-15s", in)
		for _, c := range r.Confusion[i] {
			fmt.Fprintf(&b, " %6d", c)
		}
		b.WriteString("\n")
	}
	if misses {
		for _, m := range r.Misses {
			fmt.Fprintf(&b, "%s: %s -> %s (%.2f): %s\n", m.Where(), m.Intent, m.Got, m.Confidence, m.Text)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteSpread prints each intent's cross-validated accuracy over reports
// of the same data trained with other shuffles (Options.Seed): the mean,
// and the lowest and highest. An edit that moves an intent by less than
// this spread has not shown it helps.
func WriteSpread(w io.Writer, reps []Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d shuffles, %d-fold cross-validation each\n\n", len(reps), reps[0].Folds)
	fmt.Fprintf(&b, "%-15s %8s %8s %8s\n", "intent", "mean", "lowest", "highest")
	all := 0.0
	for _, r := range reps {
		all += r.Overall()
	}
	for _, in := range reps[0].Intents {
		sum, lo, hi := 0.0, 1.0, 0.0
		for _, r := range reps {
			a := r.Accuracy(in)
			sum, lo, hi = sum+a, min(lo, a), max(hi, a)
		}
		mean := sum / float64(len(reps))
		mark := ""
		if mean < Goal {
			mark = fmt.Sprintf("  below the %.0f%% goal", 100*Goal)
		}
		fmt.Fprintf(&b, "%-15s %7.1f%% %7.1f%% %7.1f%%%s\n", in, 100*mean, 100*lo, 100*hi, mark)
	}
	fmt.Fprintf(&b, "%-15s %7.1f%%\n", "all examples", 100*all/float64(len(reps)))
	_, err := io.WriteString(w, b.String())
	return err
}
