package safety

import (
	"cmp"
	_ "embed"
	"math"
	"slices"

	"github.com/infusionbot/infusionbot/internal/featurehash"
	glove "github.com/infusionbot/infusionbot/internal/lexicon"
)

// The learned classifier: beside the lexicon, a multinomial logistic
// regression (emergency, crisis, neither) over hashed word unigrams and
// bigrams, pairs of nearby words, character n-grams (for typos) and the mean
// GloVe vector of the message's words (for words nobody wrote down: "noose"
// near "rope", "gasping" near "breathe"). It is trained by go generate
// (internal/gensafety) from blind-written messages and the lexicon's own
// examples and counter-examples, and read in place from model.bin: nothing
// is decoded at start.
//
// The lexicon says why; the classifier catches the wordings it lacks. A
// message escalates when the lexicon reports a red flag, or when the
// classifier is sure (its threshold was chosen on held-out folds for few
// false alarms) and the same report/question/history decision calls the
// message a report.

//go:generate go run ./internal/gensafety -root ../.. -o model.bin

//go:embed model.bin
var modelBin string

// Buckets is how many hashed features the model has.
const Buckets = 1 << 16

// featureKinds: the first byte hashed, so a word and a bigram that spell
// the same never share a weight.
const (
	kindWord   = 'w'
	kindBigram = 'b'
	kindNear   = 'n' // two words at most three apart, in order
	kindChar   = 'g'
)

// charWeight and nearWeight scale the many character n-grams and word pairs
// against the words, which carry most of the meaning.
const (
	charWeight = 0.35
	nearWeight = 0.5
)

// Feature is one hashed feature of a message and its value.
type Feature struct {
	Bucket uint32
	Value  float32
}

// evidenceFloor: a message whose features' squared length is under it is
// scaled as if it had that much, so that its few features count for what
// they are: two words say less than ten, and "and after?" or "which one
// would be better for me" cannot be as sure a red flag as "my chest is
// tight and heavy and i'm sweating". 30 is about eight words' features
// (each word brings about 3.5: itself, its bigram, its pairs and its
// character pieces). Chosen on the trainer's held-out folds (gensafety
// -grid): at the same recall of red flags, an ordinary message or a
// question set off the classifier about a third as often as with no floor
// (at 0.775: 11 of 4,979 against 29); 20 and 45 did less well.
const evidenceFloor = 30

// features appends the sparse features of the tokens to buf, scaled to unit
// length so that long and short messages weigh alike, but for the shortest
// (evidenceFloor).
func features(ts []token, buf []Feature) []Feature {
	n0 := len(buf)
	add := func(h featurehash.Hash, v float32) { buf = append(buf, Feature{uint32(h) & (Buckets - 1), v}) }
	prev := "^"
	for i, t := range ts {
		add(featurehash.New(kindWord).Str(t.text), 1)
		add(featurehash.New(kindBigram).Str(prev).Byte(' ').Str(t.text), 1)
		for j := i + 2; j < len(ts) && j <= i+3; j++ {
			add(featurehash.New(kindNear).Str(t.text).Byte(' ').Str(ts[j].text), nearWeight)
		}
		prev = t.text
		w := t.text
		// the 3- to 5-letter pieces of " word "
		for a := -1; a+3 <= len(w)+1; a++ {
			h := featurehash.New(kindChar)
			for b := a; b < len(w)+1 && b < a+5; b++ {
				c := byte(' ')
				if b >= 0 && b < len(w) {
					c = w[b]
				}
				h = h.Byte(c)
				if b-a+1 >= 3 {
					add(h, charWeight)
				}
			}
		}
	}
	if len(ts) > 0 {
		add(featurehash.New(kindBigram).Str(prev).Str(" $"), 1)
	}
	// A word said again adds its features again: they are summed into one
	// per bucket before the length is taken, so that the vector really has
	// unit length and a word repeated a few hundred times (a pasted 2 MB
	// line of "lidocaine") weighs as it does said once, not √n times more.
	fs := buf[n0:]
	slices.SortFunc(fs, func(a, b Feature) int { return cmp.Compare(a.Bucket, b.Bucket) })
	m := 0
	for _, f := range fs {
		if m > 0 && fs[m-1].Bucket == f.Bucket {
			fs[m-1].Value += f.Value
			continue
		}
		fs[m] = f
		m++
	}
	buf = buf[:n0+m]
	var sum float64
	for _, f := range buf[n0:] {
		sum += float64(f.Value) * float64(f.Value)
	}
	if sum > 0 {
		inv := float32(1 / math.Sqrt(max(sum, evidenceFloor)))
		for i := n0; i < len(buf); i++ {
			buf[i].Value *= inv
		}
	}
	return buf
}

// meaning adds to dst (glove.Dims long, zeroed) the unit mean vector of
// the words, each weighted by how much it says, and reports whether any
// word had a vector.
func meaning(ts []token, dst []float32) bool {
	any := false
	for _, t := range ts {
		if glove.AddInformedVector(dst, t.text) {
			any = true
		}
	}
	if !any {
		return false
	}
	var sum float64
	for _, x := range dst {
		sum += float64(x) * float64(x)
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range dst {
		dst[i] *= inv
	}
	return true
}

// Message is what the trainer needs of a message: its sparse features and
// its meaning vector (nil when none of its words has one).
type Message struct {
	Features []Feature
	Meaning  []float32
}

// Featurize turns a text into the classifier's input; the trainer uses it
// so that training and use see the same features.
func Featurize(text string) Message {
	ts := tokenize(text)
	m := Message{Features: features(ts, nil)}
	v := make([]float32, glove.Dims)
	if meaning(ts, v) {
		m.Meaning = v
	}
	return m
}

// Model is a trained classifier in the layout of model.bin, read in place:
//
//	"SAF1", buckets u32, dims u32
//	scale[2] f32, bias[2] f32, threshold f32, denseWeight f32
//	dense[dims][2] f32
//	weights[buckets][2] int8 (times scale: emergency, crisis)
//
// Scores are against "neither", whose weights are all zero.
type Model struct {
	data                   string
	buckets, dims          int
	scale, bias            [2]float32
	threshold, denseWeight float32
	dense                  []float32
	weightsOff             int
}

const modelHeader = 12 + 4*6

// Decode reads a model written by Encode; ok is false for a file that is
// not one (an empty model.bin before the first go generate).
func Decode(data string) (*Model, bool) {
	if len(data) < modelHeader || data[:4] != "SAF1" {
		return nil, false
	}
	m := &Model{data: data, buckets: int(u32at(data, 4)), dims: int(u32at(data, 8))}
	f := func(i int) float32 { return math.Float32frombits(u32at(data, 12+4*i)) }
	m.scale = [2]float32{f(0), f(1)}
	m.bias = [2]float32{f(2), f(3)}
	m.threshold, m.denseWeight = f(4), f(5)
	m.dense = make([]float32, 2*m.dims)
	for i := range m.dense {
		m.dense[i] = math.Float32frombits(u32at(data, modelHeader+4*i))
	}
	m.weightsOff = modelHeader + 8*m.dims
	if m.buckets != Buckets || len(data) != m.weightsOff+2*m.buckets || (m.dims != 0 && m.dims != glove.Dims) {
		return nil, false
	}
	return m, true
}

// Encode writes the model; weights are quantised to int8 per class.
func Encode(w [][2]float64, bias [2]float64, dense [][2]float64, threshold, denseWeight float64) []byte {
	var scale [2]float64
	for _, r := range w {
		for j := range 2 {
			scale[j] = max(scale[j], math.Abs(r[j])/127)
		}
	}
	for j := range scale {
		if scale[j] == 0 {
			scale[j] = 1
		}
	}
	out := []byte("SAF1")
	put := func(x uint32) { out = append(out, byte(x), byte(x>>8), byte(x>>16), byte(x>>24)) }
	pf := func(x float64) { put(math.Float32bits(float32(x))) }
	put(uint32(len(w)))
	put(uint32(len(dense)))
	pf(scale[0])
	pf(scale[1])
	pf(bias[0])
	pf(bias[1])
	pf(threshold)
	pf(denseWeight)
	for _, r := range dense {
		pf(r[0])
		pf(r[1])
	}
	for _, r := range w {
		for j := range 2 {
			out = append(out, byte(int8(math.Round(r[j]/scale[j]))))
		}
	}
	return out
}

func u32at(s string, at int) uint32 {
	return uint32(s[at]) | uint32(s[at+1])<<8 | uint32(s[at+2])<<16 | uint32(s[at+3])<<24
}

// Threshold is the least probability of emergency or crisis (together) at
// which the model's call counts.
func (m *Model) Threshold() float64 { return float64(m.threshold) }

// DenseWeight is how much the meaning vector weighs against the words.
func (m *Model) DenseWeight() float64 { return float64(m.denseWeight) }

// scores returns the probabilities of emergency and of crisis.
func (m *Model) scores(fs []Feature, meaning []float32) (em, cr float64) {
	s := [2]float32{m.bias[0], m.bias[1]}
	for _, f := range fs {
		o := m.weightsOff + 2*int(f.Bucket)
		s[0] += f.Value * float32(int8(m.data[o])) * m.scale[0]
		s[1] += f.Value * float32(int8(m.data[o+1])) * m.scale[1]
	}
	if meaning != nil {
		for i, x := range meaning {
			x *= m.denseWeight
			s[0] += x * m.dense[2*i]
			s[1] += x * m.dense[2*i+1]
		}
	}
	return probs(float64(s[0]), float64(s[1]))
}

// probs is the softmax of (0, a, b) without its first value.
func probs(a, b float64) (float64, float64) {
	mx := max(0, a, b)
	z := math.Exp(-mx) + math.Exp(a-mx) + math.Exp(b-mx)
	return math.Exp(a-mx) / z, math.Exp(b-mx) / z
}

// Probabilities returns the model's emergency and crisis probabilities for
// a message.
func (m *Model) Probabilities(msg Message) (emergency, crisis float64) {
	return m.scores(msg.Features, msg.Meaning)
}

// probabilities returns the model's emergency and crisis probabilities for
// the tokens of a message.
func (m *Model) probabilities(ts []token) (em, cr float64) {
	var buf [512]Feature
	fs := features(ts, buf[:0])
	var v []float32
	if m.dims > 0 && m.denseWeight != 0 {
		var vb [128]float32
		v = vb[:m.dims]
		if !meaning(ts, v) {
			v = nil
		}
	}
	return m.scores(fs, v)
}

// classify is the model's call on a message: Emergency or Crisis when sure,
// else "".
func (m *Model) classify(ts []token) (Class, float64) {
	em, cr := m.probabilities(ts)
	if em+cr < float64(m.threshold) {
		return "", em + cr
	}
	if cr > em {
		return Crisis, em + cr
	}
	return Emergency, em + cr
}

var defaultModel, _ = Decode(modelBin)
