package intent

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

//go:generate go run ./internal/spentgen -root ../.. -o training/spent.jsonl
//go:generate go run ./gen -o model.bin

// embeddedModel is the classifier trained on examples.txt with the default
// options, written by ./gen.
//
//go:embed model.bin
var embeddedModel string

// modelMagic starts a model file; the digit is the format's version.
const modelMagic = "IBI2"

// Encode writes c compactly: each weight row as int8 with one scale per row
// (rows sorted by feature hash, so the same classifier gives the same
// bytes), with the lookup tables and feature scales the features need. The
// articles' vocabulary is not part of it: Decode is given the one to read
// messages against.
func (c *Classifier) Encode() []byte {
	k := len(c.classes)
	var b []byte
	str := func(s string) { b = append(b, byte(len(s))); b = append(b, s...) }
	u32 := func(x uint32) { b = binary.LittleEndian.AppendUint32(b, x) }
	f32 := func(x float32) { u32(math.Float32bits(x)) }
	b = append(b, modelMagic...)
	u32(uint32(k))
	for _, in := range c.classes {
		str(in)
	}
	f32(float32(c.opts.CharWeight))
	f32(float32(c.opts.VecWeight))
	for _, x := range c.bias {
		f32(x)
	}
	concepts := make([]string, 0, len(c.lookups))
	for name := range c.lookups {
		concepts = append(concepts, name)
	}
	slices.Sort(concepts)
	u32(uint32(len(concepts)))
	for _, name := range concepts {
		str(name)
		u32(uint32(len(c.lookups[name])))
		for _, e := range c.lookups[name] {
			str(e)
		}
	}
	type slot struct {
		key uint32
		row int32
	}
	var slots []slot
	for i, key := range c.rows.keys {
		if key != 0 {
			slots = append(slots, slot{key, c.rows.rows[i]})
		}
	}
	slices.SortFunc(slots, func(x, y slot) int { return int(int64(x.key) - int64(y.key)) })
	u32(uint32(len(slots)))
	for _, s := range slots {
		row := c.weights[int(s.row)*k : int(s.row)*k+k]
		var m float32
		for _, w := range row {
			m = max(m, float32(math.Abs(float64(w))))
		}
		scale := m / 127
		u32(s.key)
		f32(scale)
		for _, w := range row {
			q := 0.0
			if scale > 0 {
				q = math.Round(float64(w / scale))
			}
			b = append(b, byte(int8(q)))
		}
	}
	return b
}

// Decode reads a classifier Encode wrote; vocab is the articles' words
// (see Vocabulary) messages are read against.
func Decode(data string, vocab map[string]bool) (*Classifier, error) {
	errShort := errors.New("model file cut short")
	at := 0
	need := func(n int) bool { return at+n <= len(data) }
	u32 := func() uint32 {
		if !need(4) {
			return 0
		}
		at += 4
		return binary.LittleEndian.Uint32([]byte(data[at-4 : at]))
	}
	f32 := func() float32 { return math.Float32frombits(u32()) }
	str := func() string {
		if !need(1) || !need(1+int(data[at])) {
			at = len(data) + 1
			return ""
		}
		n := int(data[at])
		at += 1 + n
		return data[at-n : at]
	}
	if !strings.HasPrefix(data, modelMagic) {
		return nil, errors.New("not an intent model (" + modelMagic + ")")
	}
	at = len(modelMagic)
	k := int(u32())
	if k != len(Intents) {
		return nil, fmt.Errorf("model has %d intents, want %d", k, len(Intents))
	}
	for _, in := range Intents {
		if got := str(); got != in {
			return nil, fmt.Errorf("model's intents differ from %s", strings.Join(Intents, ", "))
		}
	}
	opts := Options{CharWeight: float64(f32()), VecWeight: float64(f32()), Vocabulary: vocab}
	opts = opts.withDefaults()
	c := &Classifier{classes: Intents, opts: opts, lookups: map[string][]string{}, bias: make([]float32, k)}
	for j := range c.bias {
		c.bias[j] = f32()
	}
	for n := u32(); n > 0 && at <= len(data); n-- {
		name := str()
		for m := u32(); m > 0 && at <= len(data); m-- {
			c.lookups[name] = append(c.lookups[name], str())
		}
	}
	rows := int(u32())
	if !need(rows * (8 + k)) {
		return nil, errShort
	}
	c.rows = newTable(rows)
	c.weights = make([]float32, rows*k)
	for r := range rows {
		c.rows.put(u32(), int32(r))
		scale := f32()
		for j := range k {
			c.weights[r*k+j] = float32(int8(data[at+j])) * scale
		}
		at += k
	}
	if at != len(data) {
		return nil, errShort
	}
	c.feat = newFeaturizer(c.lookups, float32(opts.CharWeight), float32(opts.VecWeight), vocab)
	c.pool.New = func() any { s := make([]feature, 0, 256); return &s }
	return c, nil
}
