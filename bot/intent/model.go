package intent

import (
	"math"
	"strings"
	"sync"
	"unicode"
)

// Options tune training and the fallback. Zero values take the defaults.
type Options struct {
	Epochs       int     // passes over the examples (default 20)
	LearningRate float64 // initial step (default 5)
	L2           float64 // weight decay per example (default 1e-6)
	// MinConfidence is the least probability of a non-question intent;
	// below it the message goes to the search (default 0.4).
	MinConfidence float64
	// MinMargin is the least lead of the best intent over the runner-up;
	// a closer call goes to the search (default 0.05; at 0.1 some
	// shuffles left help, clinic or medical_advice below 90%
	// cross-validated, right calls sent to the search: docs/performance.md
	// and README, "Cross-validated accuracy per intent").
	MinMargin float64
	// CharWeight scales character n-grams against word features (default 1).
	CharWeight float64
	// VecWeight scales the averaged word vector against the other
	// features (default 5; negative: none).
	VecWeight float64
	// Balance weighs an intent's examples by (mean count / its count)^Balance:
	// 1 makes every intent count alike however many examples it has, a
	// negative value counts every example alike (default 0.5).
	Balance float64
	// Seed starts the shuffle of the examples before each pass (0: the
	// default seed). Another seed gives another, equally good model: the
	// spread of cross-validation over seeds is how much an edit must move
	// it to mean anything.
	Seed uint64
	// Vocabulary holds the articles' words (see Vocabulary); nil means the
	// articles compiled into the binary.
	Vocabulary map[string]bool
}

func (o Options) withDefaults() Options {
	if o.Epochs == 0 {
		o.Epochs = 20
	}
	if o.LearningRate == 0 {
		o.LearningRate = 5
	}
	if o.L2 == 0 {
		o.L2 = 1e-6
	}
	if o.MinConfidence == 0 {
		o.MinConfidence = 0.4
	}
	if o.Vocabulary == nil {
		o.Vocabulary = embeddedVocabulary()
	}
	if o.Balance == 0 {
		o.Balance = 0.5
	}
	if o.CharWeight == 0 {
		o.CharWeight = 1
	}
	if o.VecWeight == 0 {
		o.VecWeight = 5
	}
	if o.MinMargin == 0 {
		o.MinMargin = 0.05
	}
	return o
}

// settled is the error below which an example's step is skipped: most
// examples are learned after a few passes, and skipping them makes training
// several times faster with the same decisions.
const settled = 1e-3

// Classifier is a trained multinomial logistic regression. It is safe for
// concurrent use.
type Classifier struct {
	classes []string
	feat    *featurizer
	rows    *table    // feature hash -> row of weights
	weights []float32 // rows x len(classes)
	bias    []float32
	opts    Options
	lookups map[string][]string // concept -> entries, as trained
	pool    sync.Pool           // *[]feature
}

// Prediction is what Classify decided, and how sure it was.
type Prediction struct {
	// Intent is the decision after the fallback: Question when the
	// classifier was unsure.
	Intent string
	// Best is the most probable intent, before the fallback.
	Best string
	// Confidence is Best's probability; Margin its lead over the runner-up.
	Confidence, Margin float64
	RunnerUp           string
}

// Train fits a classifier to the examples. The same data and options give
// the same classifier, bit for bit.
func Train(d *Data, opts Options) *Classifier {
	opts = opts.withDefaults()
	c := &Classifier{classes: Intents, feat: newFeaturizer(d.Lookups, float32(opts.CharWeight), float32(opts.VecWeight), opts.Vocabulary), opts: opts, lookups: d.Lookups}
	seen := map[uint32]int32{}
	classOf := map[string]int{}
	for i, in := range c.classes {
		classOf[in] = i
	}
	type sample struct {
		rows   []int32
		values []float32
		class  int
		weight float64
	}
	count := make([]int, len(c.classes))
	for _, e := range d.Examples {
		count[classOf[e.Intent]]++
	}
	samples := make([]sample, 0, len(d.Examples))
	for _, e := range d.Examples {
		fs := c.feat.features(e.Text, nil)
		s := sample{class: classOf[e.Intent], weight: 1}
		if opts.Balance > 0 {
			s.weight = math.Pow(float64(len(d.Examples))/float64(len(c.classes)*count[s.class]), opts.Balance)
		}
		for _, f := range normalized(fs) {
			r, ok := seen[f.hash]
			if !ok {
				r = int32(len(seen))
				seen[f.hash] = r
			}
			s.rows = append(s.rows, r)
			s.values = append(s.values, f.value)
		}
		samples = append(samples, s)
	}
	c.rows = newTable(len(seen))
	for h, r := range seen {
		c.rows.put(h, r)
	}
	k := len(c.classes)
	w := make([]float64, len(seen)*k)
	b := make([]float64, k)
	scale := 1.0 // w's true value is scale*w: weight decay without touching every weight
	order := make([]int, len(samples))
	for i := range order {
		order[i] = i
	}
	rng := uint64(0x9E3779B97F4A7C15)
	if opts.Seed != 0 {
		rng = opts.Seed
	}
	probs := make([]float64, k)
	step := 0
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		for i := len(order) - 1; i > 0; i-- { // Fisher-Yates with a fixed xorshift seed
			rng ^= rng << 13
			rng ^= rng >> 7
			rng ^= rng << 17
			j := int(rng % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, si := range order {
			s := samples[si]
			lr := opts.LearningRate / (1 + float64(step)/float64(len(samples)))
			step++
			for j := range probs {
				probs[j] = b[j]
			}
			for n, r := range s.rows {
				v := scale * float64(s.values[n])
				row := w[int(r)*k : int(r)*k+k]
				for j := range probs {
					probs[j] += v * row[j]
				}
			}
			softmax(probs)
			scale *= 1 - lr*opts.L2
			if 1-probs[s.class] < settled {
				continue // learned: the step would change nothing that matters
			}
			for j := range probs {
				g := probs[j]
				if j == s.class {
					g--
				}
				g *= s.weight
				if math.Abs(g) < settled/float64(k) {
					continue
				}
				b[j] -= lr * g
				delta := lr * g / scale
				for n, r := range s.rows {
					w[int(r)*k+j] -= delta * float64(s.values[n])
				}
			}
		}
	}
	c.weights = make([]float32, len(w))
	for i, x := range w {
		c.weights[i] = float32(x * scale)
	}
	c.bias = make([]float32, k)
	for i, x := range b {
		c.bias[i] = float32(x)
	}
	c.pool.New = func() any { s := make([]feature, 0, 256); return &s }
	return c
}

// normalized scales the features to unit length, so long and short
// messages weigh alike, and merges repeats.
func normalized(fs []feature) []feature {
	var sum float64
	for _, f := range fs {
		sum += float64(f.value) * float64(f.value)
	}
	if sum == 0 {
		return fs
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range fs {
		fs[i].value *= inv
	}
	return fs
}

func softmax(x []float64) {
	m := x[0]
	for _, v := range x[1:] {
		m = max(m, v)
	}
	var sum float64
	for i, v := range x {
		x[i] = math.Exp(v - m)
		sum += x[i]
	}
	for i := range x {
		x[i] /= sum
	}
}

// Probabilities returns each intent's probability for text, in the order of Intents.
func (c *Classifier) Probabilities(text string) []float64 {
	bp := c.pool.Get().(*[]feature)
	fs := normalized(c.feat.features(text, (*bp)[:0]))
	k := len(c.classes)
	scores := make([]float64, k)
	for j := range scores {
		scores[j] = float64(c.bias[j])
	}
	for _, f := range fs {
		r, ok := c.rows.get(f.hash)
		if !ok {
			continue
		}
		row := c.weights[int(r)*k : int(r)*k+k]
		for j := range scores {
			scores[j] += float64(f.value * row[j])
		}
	}
	*bp = fs
	c.pool.Put(bp)
	softmax(scores)
	return scores
}

// Classify tells what text is. A non-question intent below MinConfidence,
// or within MinMargin of the runner-up, falls back to Question.
func (c *Classifier) Classify(text string) Prediction {
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		// "2" (picking a numbered choice), "???": no words to learn from;
		// the search and the conversation know what it means.
		return Prediction{Intent: Question, Best: Question, RunnerUp: Question}
	}
	p := c.Probabilities(text)
	best, second := 0, -1
	for j := 1; j < len(p); j++ {
		if p[j] > p[best] {
			best, second = j, best
		} else if second < 0 || p[j] > p[second] {
			second = j
		}
	}
	pr := Prediction{Best: c.classes[best], Confidence: p[best], RunnerUp: c.classes[second], Margin: p[best] - p[second]}
	return pr.decide(c.opts)
}

// decide sets Intent: Best, unless the call is too unsure for anything but
// the search. A close call between two kinds of small talk is no doubt
// about what the message is ("great, thank you. have a nice evening" is
// thanks and goodbye at once): either reply fits, so Best stands.
func (p Prediction) decide(o Options) Prediction {
	p.Intent = p.Best
	close := p.Margin < o.MinMargin && !(smallTalk[p.Best] && smallTalk[p.RunnerUp])
	if p.Best != Question && (p.Confidence < o.MinConfidence || close) {
		p.Intent = Question
	}
	return p
}

// smallTalk are the intents whose canned replies only acknowledge.
var smallTalk = map[string]bool{"greeting": true, "thanks": true, "goodbye": true}

// WithVocabulary is c reading messages against the words of other articles
// (see Vocabulary): a clinic's own knowledge instead of the built-in one.
// The weights are shared, not retrained.
func (c *Classifier) WithVocabulary(vocab map[string]bool) *Classifier {
	opts := c.opts
	opts.Vocabulary = vocab
	out := &Classifier{classes: c.classes, rows: c.rows, weights: c.weights, bias: c.bias, opts: opts, lookups: c.lookups,
		feat: newFeaturizer(c.lookups, float32(opts.CharWeight), float32(opts.VecWeight), vocab)}
	out.pool.New = c.pool.New
	return out
}

var (
	defaultOnce       sync.Once
	defaultClassifier *Classifier
)

// Default is the classifier trained on the embedded examples.txt with the
// default options: the committed model.bin (go generate), decoded once per
// process on first use, so the engine's start pays no training. The test
// TestCommittedModelMatchesExamples fails when model.bin is stale.
func Default() *Classifier {
	defaultOnce.Do(func() {
		c, err := Decode(embeddedModel, embeddedVocabulary())
		if err != nil {
			panic("intent: embedded model.bin: " + err.Error() + " (run go generate ./bot/intent)")
		}
		defaultClassifier = c
	})
	return defaultClassifier
}
