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
	Bias      float64
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

// Lead returns the passage an answer should lead with, the first of the
// top MaxLead in ranking order that the model says answers at its
// threshold, and false when none does: the articles don't cover the
// question.
func (m *Model) Lead(in Input) (int, bool) {
	for i := 0; i < min(MaxLead, len(in.Hits)); i++ {
		if m.Prob(FeaturesAt(in, i)) >= m.Threshold {
			return i, true
		}
	}
	return 0, false
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

// Encode writes the model as text: a threshold and a bias line, then one
// line per feature (name, mean, scale, weight), in Features' order.
func (m *Model) Encode() string {
	var b strings.Builder
	b.WriteString("# Answerability model (logistic regression), written by go generate ./bot/answerability; do not edit.\n")
	b.WriteString("# feature mean scale weight\n")
	fmt.Fprintf(&b, "threshold %s\nbias %s\n", num(m.Threshold), num(m.Bias))
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
		case f[0] == "bias" && len(vals) == 1:
			m.Bias = vals[0]
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
