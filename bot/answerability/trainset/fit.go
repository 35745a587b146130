package trainset

import (
	"fmt"
	"io"
	"slices"

	"github.com/infusionbot/infusionbot/bot/answerability"
)

// How much an example counts in training. The off-topic set is large and
// easy, so each of its questions counts half; an unanswerable question is
// rare in the sets and what the bot must not answer, so it counts four
// times.
var (
	weightWrongTop     = 1.0
	weightOffTopic     = 0.5
	weightUnanswerable = 4.0
	ridge              = 1.0
)

// ruleCoverage is the coverage rule the bot answered by before the model
// (bot.AnswerConfig's old MinCoverage): a passage holding that much of the
// question still leads, and the model learns which of the questions the
// rule leaves unanswered are answered all the same.
const ruleCoverage = 0.65

// ruleLeads are where the rule leads for each decision, -1 where it does
// not.
func ruleLeads(ds []Decision) []int {
	out := make([]int, len(ds))
	for i, d := range ds {
		out[i] = -1
		for _, in := range d.Inputs {
			if in != nil {
				out[i] = answerability.RuleLead(*in, ruleCoverage)
				break
			}
		}
	}
	return out
}

// The limits the threshold is chosen under, on the training data.
const (
	maxOffTopicAnswered     = 0.02
	maxUnanswerableAnswered = 0.10
)

// paramGrid are the feature parameters tried: where a lacking word starts
// to count (about rank 300 to 8,000), how much further on it counts fully,
// and how much a near word in the passage takes off.
func paramGrid() []answerability.Params {
	var out []answerability.Params
	for _, common := range []float64{0.45, 0.5, 0.55, 0.6, 0.65, 0.7} {
		for _, span := range []float64{0.1, 0.2, 0.3} {
			for _, bridged := range []float64{0.25, 0.5, 1} {
				out = append(out, answerability.Params{CommonRarity: common, RareRarity: common + span, BridgedShare: bridged, BridgedCosine: 0.45})
			}
		}
	}
	return out
}

// features are the decisions' feature vectors under p, per decision and
// place (nil where the decision or the place is missing).
func features(ds []Decision, p answerability.Params) [][][]float64 {
	out := make([][][]float64, len(ds))
	for i, d := range ds {
		if d.Inputs == nil {
			continue
		}
		out[i] = make([][]float64, len(d.Inputs))
		for j, in := range d.Inputs {
			if in != nil {
				out[i][j] = answerability.FeaturesWith(*in, j, d.Lacking[j], p)
			}
		}
	}
	return out
}

// Examples are the decisions as training examples: an answerable case
// whose passage leads an answer holding its evidence is a positive; one
// whose passage does not, an unanswerable, out-of-scope or off-topic
// question a negative. Other kinds (medical advice, small talk, ...) that
// reached the decision are left out: what the bot should do there is not
// answering from the articles at all, which the intents decide.
func examples(ds []Decision, rules []int, fs [][][]float64) []answerability.Example {
	var out []answerability.Example
	for i, d := range ds {
		if rules[i] >= 0 {
			continue // the rule answers it
		}
		for j, f := range fs[i] {
			if f == nil {
				continue
			}
			switch c := d.Case; {
			case c.Answerable():
				w := 1.0
				if !d.Right[j] {
					w = weightWrongTop
				}
				out = append(out, answerability.Example{Features: f, Answers: d.Right[j], Weight: w})
			case c.Kind == "unanswerable" || c.Kind == "out_of_scope":
				out = append(out, answerability.Example{Features: f, Weight: weightUnanswerable})
			case c.Kind == "offtopic":
				out = append(out, answerability.Example{Features: f, Weight: weightOffTopic})
			}
		}
	}
	return out
}

// Figures are what a model and threshold do on a set of decisions.
type Figures struct {
	Answerable, Right, Wrong      int // answerable cases; answered from the right, the wrong passage
	Unanswerable, UnanswerableAns int
	OffTopic, OffTopicAns         int
	OutOfScope, OutOfScopeAns     int
	// FloorAnswered counts unanswerable questions of the floor sets answered.
	FloorAnswered int
}

// Measure counts what m decides on ds, at its threshold.
func Measure(m *answerability.Model, ds []Decision) Figures {
	return measure(probs(m, features(ds, m.Params)), m.Threshold, ds, ruleLeads(ds))
}

func probs(m *answerability.Model, fs [][][]float64) [][]float64 {
	out := make([][]float64, len(fs))
	for i, per := range fs {
		for _, f := range per {
			p := -1.0 // no passage at this place
			if f != nil {
				p = m.Prob(f)
			}
			out[i] = append(out[i], p)
		}
	}
	return out
}

// measure counts the decisions at threshold t, given each decision's
// probabilities per place: the first place at t or above leads. A case
// that never came to the decision is not answered.
func measure(ps [][]float64, t float64, ds []Decision, rules []int) Figures {
	var f Figures
	for i, d := range ds {
		ans, right := false, false
		if j := rules[i]; j >= 0 {
			// Beyond the places asked, what it quotes is not known: count
			// it wrong.
			ans, right = true, j < len(d.Right) && d.Right[j]
		} else {
			for j, p := range ps[i] {
				if p >= t {
					ans, right = true, d.Right[j]
					break
				}
			}
		}
		switch c := d.Case; {
		case c.Answerable():
			f.Answerable++
			if ans && right {
				f.Right++
			} else if ans {
				f.Wrong++
			}
		case c.Kind == "unanswerable":
			f.Unanswerable++
			f.UnanswerableAns += b2i(ans)
			if c.Floor {
				f.FloorAnswered += b2i(ans)
			}
		case c.Kind == "offtopic":
			f.OffTopic++
			f.OffTopicAns += b2i(ans)
		case c.Kind == "out_of_scope":
			f.OutOfScope++
			f.OutOfScopeAns += b2i(ans)
		}
	}
	return f
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (f Figures) String() string {
	return fmt.Sprintf("hit@1 %d/%d (%.1f%%), wrong %d; unanswerable answered %d/%d (%.1f%%, %d of the floor sets); off-topic answered %d/%d (%.1f%%); out of scope answered %d/%d",
		f.Right, f.Answerable, pct(f.Right, f.Answerable), f.Wrong,
		f.UnanswerableAns, f.Unanswerable, pct(f.UnanswerableAns, f.Unanswerable), f.FloorAnswered,
		f.OffTopicAns, f.OffTopic, pct(f.OffTopicAns, f.OffTopic), f.OutOfScopeAns, f.OutOfScope)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Fit trains the model on the decisions: for each feature parameters of
// the grid, a logistic regression and its threshold; the best of them
// wins. A threshold must leave every unanswerable question of the floor
// sets unanswered, and answer at most 2% of the off-topic questions and
// 10% of the unanswerable ones; of those, the one with the most right
// answers less wrong ones is chosen (the highest on a tie). The figures
// of the winner go to log.
func Fit(ds []Decision, log io.Writer) (*answerability.Model, Figures) {
	var best *answerability.Model
	var bestFig Figures
	bestGain := 0
	rules := ruleLeads(ds)
	for _, p := range paramGrid() {
		fs := features(ds, p)
		m := answerability.Train(examples(ds, rules, fs), answerability.TrainOptions{L2: ridge})
		m.Params, m.MinCoverage = p, ruleCoverage
		t, fig, ok := chooseThreshold(probs(m, fs), ds, rules)
		if !ok {
			continue
		}
		m.Threshold = t
		if g := fig.Right - fig.Wrong; best == nil || g > bestGain {
			best, bestFig, bestGain = m, fig, g
		}
	}
	if best == nil {
		panic("trainset: no threshold keeps the limits")
	}
	fmt.Fprintf(log, "params %+v, threshold %.4f: %s\n", best.Params, best.Threshold, bestFig)
	return best, bestFig
}

// withinLimits reports whether figures keep the limits a threshold is
// chosen under.
func withinLimits(f Figures) bool {
	return f.FloorAnswered == 0 && float64(f.OffTopicAns) <= maxOffTopicAnswered*float64(f.OffTopic) &&
		float64(f.UnanswerableAns) <= maxUnanswerableAnswered*float64(f.Unanswerable)
}

// chooseThreshold picks the threshold for the probabilities ps, reporting
// false when none keeps the limits.
func chooseThreshold(ps [][]float64, ds []Decision, rules []int) (float64, Figures, bool) {
	var all []float64
	for i, per := range ps {
		if rules[i] >= 0 {
			continue
		}
		for _, p := range per {
			if p >= 0 {
				all = append(all, p)
			}
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	best, bestGain, found := 1.0, 0, false
	var bestFig Figures
	for i := len(all) - 1; i >= 0; i-- {
		f := measure(ps, all[i], ds, rules)
		if !withinLimits(f) {
			continue
		}
		if g := f.Right - f.Wrong; !found || g > bestGain {
			best, bestGain, bestFig, found = all[i], g, f, true
		}
	}
	// Halfway to the next probability below, so a feature vector a hair
	// off a training one decides the same.
	if i, ok := slices.BinarySearch(all, best); ok && i > 0 {
		best = (best + all[i-1]) / 2
	}
	return best, bestFig, found
}
