package answerability

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./gen -o model.txt

// embeddedModel is the model ./gen trained on the tuning sets.
//
//go:embed model.txt
var embeddedModel string

// Model is a logistic regression over Features: the probability that the
// top passage holds the answer, and the least probability to answer at.
type Model struct {
	// Threshold is the least probability the bot answers at, chosen on the
	// training data (see ./gen).
	Threshold float64
	// MinCoverage is the share of a question (every word at its full
	// weight) a passage must hold to lead an answer without the model: the
	// rule the bot answered by before the model, which the model only adds
	// answers to.
	MinCoverage float64
	// Params weigh the words the articles lack in the features.
	Params Params
	// L2 is the ridge penalty it was trained with (chosen with Params by
	// cross-validation, ./gen), for retraining it.
	L2   float64
	Bias float64
	// Mean and Scale standardise each feature before its Weight applies.
	Mean, Scale, Weight []float64
}

// Prob is the probability that the top passage answers, for a feature
// vector from Features; 0 for none.
func (m *Model) Prob(f []float64) float64 {
	if len(f) != len(m.Weight) {
		return 0
	}
	z := m.Bias
	for k, x := range f {
		z += m.Weight[k] * (x - m.Mean[k]) / m.Scale[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// MaxLead bounds the passages considered for leading an answer: the top
// few of the ranking.
const MaxLead = 3

// Lead returns the passage an answer should lead with, and false when
// none answers: the articles don't cover the question. With a passage
// holding MinCoverage of the question, the coverage rule leads (RuleLead:
// that passage, or a better ranked one within LeadMargin of it); without
// one, the
// first of the top MaxLead that the model says answers at its threshold
// (a question whose words the articles lack are everyday ones, said in
// other words).
func (m *Model) Lead(in Input) (int, bool) {
	if i := RuleLead(in, m.MinCoverage); i >= 0 {
		return i, true
	}
	for i := 0; i < min(MaxLead, len(in.Hits)); i++ {
		if m.Prob(Features(in, i, m.Params)) >= m.Threshold {
			return i, true
		}
	}
	return 0, false
}

// LeadMargin is how much less of the question a better ranked passage may
// hold than the first passage holding MinCoverage, and still lead in its
// place: coverage counts every word at its full weight, so a passage about
// the question's subject ("lidocaine": its side effects) can hold a little
// less of it than a passage about something else that shares its everyday
// words (IV therapy's side effects), and the ranking, which weighs the
// words by how much they say, knows better. Chosen by leave-one-file-out
// over the spent question sets (trainset.LeadMarginCV, go run ./gen
// -leadmargin): 0 is the rule before, the first passage holding
// MinCoverage whatever ranks above it.
const LeadMargin = 0.25

// RuleLead is where the coverage rule leads, -1 when no passage holds min
// of the question: the first passage holding min fires the rule, and the
// best ranked passage of the top MaxLead holding no less than LeadMargin
// below it leads (RuleLeadMargin).
func RuleLead(in Input, min float64) int {
	return RuleLeadMargin(in, min, LeadMargin)
}

// RuleLeadMargin is RuleLead with a margin of its own: -1 when no passage
// holds min of the question, else the best ranked passage, of the top
// MaxLead or the first holding min, whose coverage is at most margin below
// that first one's. The margin changes which passage leads, never whether
// the rule answers.
func RuleLeadMargin(in Input, minCoverage, margin float64) int {
	first := -1
	for i, h := range in.Hits {
		if h.Coverage >= minCoverage {
			first = i
			break
		}
	}
	if first < 0 {
		return -1
	}
	for i := 0; i < min(first, MaxLead); i++ {
		if in.Hits[i].Coverage >= in.Hits[first].Coverage-margin {
			return i
		}
	}
	return first
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// Default is the embedded model, decoded once.
func Default() *Model {
	defaultOnce.Do(func() {
		m, err := Decode(embeddedModel)
		if err != nil {
			panic("answerability: model.txt: " + err.Error())
		}
		defaultModel = m
	})
	return defaultModel
}

// Encode writes the model as text: the threshold, the parameters of the
// features and the bias, one a line, then one
// line per feature (name, mean, scale, weight), in Features' order.
func (m *Model) Encode() string {
	var b strings.Builder
	b.WriteString("# Answerability model (logistic regression), written by go generate ./bot/answerability; do not edit.\n")
	b.WriteString("# feature mean scale weight\n")
	fmt.Fprintf(&b, "min_coverage %s\nthreshold %s\n", num(m.MinCoverage), num(m.Threshold))
	fmt.Fprintf(&b, "common_rarity %s\nrare_rarity %s\nbridged_share %s\nbridged_cosine %s\n",
		num(m.Params.CommonRarity), num(m.Params.RareRarity), num(m.Params.BridgedShare), num(m.Params.BridgedCosine))
	fmt.Fprintf(&b, "ridge %s\nbias %s\n", num(m.L2), num(m.Bias))
	for k, name := range featureNames {
		fmt.Fprintf(&b, "%s %s %s %s\n", name, num(m.Mean[k]), num(m.Scale[k]), num(m.Weight[k]))
	}
	return b.String()
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', 6, 64) }

// Decode reads a model Encode wrote. Its features must be Features' own,
// in order: a model for other features would weigh the wrong numbers.
func Decode(text string) (*Model, error) {
	m := &Model{}
	var names []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		vals := make([]float64, len(f)-1)
		for k, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			vals[k] = v
		}
		switch {
		case f[0] == "threshold" && len(vals) == 1:
			m.Threshold = vals[0]
		case f[0] == "ridge" && len(vals) == 1:
			m.L2 = vals[0]
		case f[0] == "bias" && len(vals) == 1:
			m.Bias = vals[0]
		case f[0] == "min_coverage" && len(vals) == 1:
			m.MinCoverage = vals[0]
		case f[0] == "common_rarity" && len(vals) == 1:
			m.Params.CommonRarity = vals[0]
		case f[0] == "rare_rarity" && len(vals) == 1:
			m.Params.RareRarity = vals[0]
		case f[0] == "bridged_share" && len(vals) == 1:
			m.Params.BridgedShare = vals[0]
		case f[0] == "bridged_cosine" && len(vals) == 1:
			m.Params.BridgedCosine = vals[0]
		case len(vals) == 3:
			if vals[1] == 0 {
				return nil, fmt.Errorf("line %d: scale 0", n)
			}
			names = append(names, f[0])
			m.Mean, m.Scale, m.Weight = append(m.Mean, vals[0]), append(m.Scale, vals[1]), append(m.Weight, vals[2])
		default:
			return nil, fmt.Errorf("line %d: want \"name mean scale weight\"", n)
		}
	}
	if !slices.Equal(names, featureNames) {
		return nil, fmt.Errorf("features %v, want %v: run go generate ./bot/answerability", names, featureNames)
	}
	return m, nil
}
