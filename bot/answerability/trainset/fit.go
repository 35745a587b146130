package trainset

import (
	"fmt"
	"io"
	"slices"

	"github.com/infusionbot/infusionbot/bot/answerability"
)

// How much an example counts in training. A wrong top passage the bot
// would quote with confidence is the worst outcome, so it counts twice; the
// off-topic set is large and easy, so each of its questions counts half.
var (
	weightWrongTop     = 1.0
	weightOffTopic     = 0.5
	weightUnanswerable = 4.0
	ridge              = 1.0
)

// The limits the threshold is chosen under, on the training data.
const (
	maxOffTopicAnswered     = 0.02
	maxUnanswerableAnswered = 0.10
)

// Examples are the decisions as training examples: an answerable case
// whose top passage holds its evidence is a positive; one whose top
// passage does not, an unanswerable, out-of-scope or off-topic question a
// negative. Other kinds (medical advice, small talk, ...) that reached the
// decision are left out: what the bot should do there is not answering
// from the articles at all, which the intents decide.
func Examples(ds []Decision) []answerability.Example {
	var out []answerability.Example
	for _, d := range ds {
		for i, f := range d.Features {
			if f == nil {
				continue
			}
			switch c := d.Case; {
			case c.Answerable():
				w := 1.0
				if !d.Right[i] {
					w = weightWrongTop
				}
				out = append(out, answerability.Example{Features: f, Answers: d.Right[i], Weight: w})
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

// Measure counts what m at threshold t decides on ds. A case that never
// came to the decision is not answered.
func Measure(m *answerability.Model, t float64, ds []Decision) Figures {
	var f Figures
	for _, d := range ds {
		ans, right := false, false
		for i, x := range d.Features {
			if x != nil && m.Prob(x) >= t {
				ans, right = true, d.Right[i]
				break
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

// Fit trains the model on the decisions and chooses its threshold: of the
// thresholds that keep off-topic questions answered at most 2% of the
// time and unanswerable ones at most 10%, the one with the most right
// answers less wrong ones (the highest such, on a tie). Progress and the
// figures go to log.
func Fit(ds []Decision, log io.Writer) (*answerability.Model, Figures) {
	m := answerability.Train(Examples(ds), answerability.TrainOptions{L2: ridge})
	var ps []float64
	for _, d := range ds {
		for _, x := range d.Features {
			if x != nil {
				ps = append(ps, m.Prob(x))
			}
		}
	}
	slices.Sort(ps)
	ps = slices.Compact(ps)
	best, bestGain, found := 1.0, 0, false
	var bestFig Figures
	for i := len(ps) - 1; i >= 0; i-- {
		f := Measure(m, ps[i], ds)
		if f.FloorAnswered > 0 || float64(f.OffTopicAns) > maxOffTopicAnswered*float64(f.OffTopic) ||
			float64(f.UnanswerableAns) > maxUnanswerableAnswered*float64(f.Unanswerable) {
			continue
		}
		if g := f.Right - f.Wrong; !found || g > bestGain {
			best, bestGain, bestFig, found = ps[i], g, f, true
		}
	}
	// Halfway to the next probability below, so a feature vector a hair
	// off a training one decides the same.
	for i, p := range ps {
		if p == best && i > 0 {
			best = (p + ps[i-1]) / 2
			break
		}
	}
	m.Threshold = best
	fmt.Fprintf(log, "threshold %.4f: %s\n", best, bestFig)
	return m, bestFig
}
