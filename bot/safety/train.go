package safety

import "math"

// Labelled is one training message: its input and its class ("" for
// neither), and how much it counts.
type Labelled struct {
	Message
	Class  Class
	Weight float64
}

// TrainOptions tune the classifier's training.
type TrainOptions struct {
	Epochs       int     // passes over the messages
	LearningRate float64 // initial step
	L2           float64 // weight decay per message
	DenseWeight  float64 // the meaning vector against the words; 0 leaves it out
}

// Trained is a classifier's weights before they are quantised and written:
// per bucket and per meaning dimension, the scores of emergency and crisis
// against neither.
type Trained struct {
	Weights [][2]float64
	Dense   [][2]float64
	Bias    [2]float64
	opts    TrainOptions
}

func classIndex(c Class) int {
	switch c {
	case Emergency:
		return 1
	case Crisis:
		return 2
	}
	return 0
}

// Train fits a multinomial logistic regression by stochastic gradient
// descent in a fixed order: the same messages give the same weights.
func Train(ms []Labelled, o TrainOptions) *Trained {
	const k = 3
	w := make([]float64, Buckets*k)
	var dims int
	if o.DenseWeight != 0 {
		for _, m := range ms {
			if m.Meaning != nil {
				dims = len(m.Meaning)
				break
			}
		}
	}
	d := make([]float64, dims*k)
	var b [k]float64
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	rng := uint64(0x9E3779B97F4A7C15)
	step := 0
	var p [k]float64
	for epoch := 0; epoch < o.Epochs; epoch++ {
		for i := len(order) - 1; i > 0; i-- {
			rng ^= rng << 13
			rng ^= rng >> 7
			rng ^= rng << 17
			j := int(rng % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, mi := range order {
			m := ms[mi]
			lr := o.LearningRate / (1 + float64(step)/float64(len(ms)))
			step++
			p = b
			for _, f := range m.Features {
				row := w[int(f.Bucket)*k:]
				for j := range k {
					p[j] += float64(f.Value) * row[j]
				}
			}
			if dims > 0 && m.Meaning != nil {
				for i, x := range m.Meaning {
					for j := range k {
						p[j] += o.DenseWeight * float64(x) * d[i*k+j]
					}
				}
			}
			softmax3(&p)
			y := classIndex(m.Class)
			for j := range k {
				g := p[j]
				if j == y {
					g--
				}
				g *= m.Weight * lr
				b[j] -= g
				for _, f := range m.Features {
					i := int(f.Bucket)*k + j
					w[i] -= g*float64(f.Value) + lr*o.L2*w[i]
				}
				if dims > 0 && m.Meaning != nil {
					for i, x := range m.Meaning {
						d[i*k+j] -= g*o.DenseWeight*float64(x) + lr*o.L2*d[i*k+j]
					}
				}
			}
		}
	}
	t := &Trained{Weights: make([][2]float64, Buckets), Dense: make([][2]float64, dims), opts: o}
	for i := range t.Weights {
		t.Weights[i] = [2]float64{w[i*k+1] - w[i*k], w[i*k+2] - w[i*k]}
	}
	for i := range t.Dense {
		t.Dense[i] = [2]float64{d[i*k+1] - d[i*k], d[i*k+2] - d[i*k]}
	}
	t.Bias = [2]float64{b[1] - b[0], b[2] - b[0]}
	return t
}

func softmax3(p *[3]float64) {
	mx := max(p[0], p[1], p[2])
	var z float64
	for j := range p {
		p[j] = math.Exp(p[j] - mx)
		z += p[j]
	}
	for j := range p {
		p[j] /= z
	}
}

// Probabilities returns the unquantised model's emergency and crisis
// probabilities, for cross-validation.
func (t *Trained) Probabilities(m Message) (emergency, crisis float64) {
	var s [2]float64
	s = t.Bias
	for _, f := range m.Features {
		s[0] += float64(f.Value) * t.Weights[f.Bucket][0]
		s[1] += float64(f.Value) * t.Weights[f.Bucket][1]
	}
	if len(t.Dense) > 0 && m.Meaning != nil {
		for i, x := range m.Meaning {
			s[0] += t.opts.DenseWeight * float64(x) * t.Dense[i][0]
			s[1] += t.opts.DenseWeight * float64(x) * t.Dense[i][1]
		}
	}
	return probs(s[0], s[1])
}

// Encode writes the trained model with its threshold in the layout of
// model.bin.
func (t *Trained) Encode(threshold float64) []byte {
	return Encode(t.Weights, t.Bias, t.Dense, threshold, t.opts.DenseWeight)
}
