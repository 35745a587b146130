package safety

import (
	_ "embed"
	"fmt"
)

//go:embed redflags.txt
var redflagsText string

//go:embed crisis.txt
var crisisText string

//go:embed cues.txt
var cuesText string

//go:embed medicines.txt
var medicinesText string

// File is one data file of the detector: its name (for errors) and text.
type File struct{ Name, Text string }

// Finding is what the detector found in a message.
type Finding struct {
	Class   Class  // "" when the message names no red flag
	Mode    Mode   // what the message does with it
	Concept string // the concept that decided, for tests and debugging
}

// Escalate reports whether the message must get emergency or crisis
// guidance and nothing else.
func (f Finding) Escalate() bool { return f.Class != "" && f.Mode == Report }

// Detector finds red-flag concepts and decides the mode of a message. It is
// safe for concurrent use.
type Detector struct {
	concepts *matcher
	cues     *cues
}

// New parses lexicon files (in the format of redflags.txt), in order, so
// that a file can use the words another defined before it, and a cue file
// (the format of cues.txt). Errors name the file and line.
func New(lexicons []File, cue File) (*Detector, error) {
	lx := &lexicon{ids: map[word]int{}}
	for _, f := range lexicons {
		if err := lx.parse(f.Name, f.Text); err != nil {
			return nil, err
		}
	}
	c, err := parseCues(cue.Name, cue.Text)
	if err != nil {
		return nil, err
	}
	return &Detector{concepts: newMatcher(lx, true), cues: c}, nil
}

var defaultDetector = func() *Detector {
	d, err := New([]File{
		{"medicines.txt", medicinesText}, {"redflags.txt", redflagsText}, {"crisis.txt", crisisText},
	}, File{"cues.txt", cuesText})
	if err != nil {
		panic(fmt.Sprintf("safety: embedded lexicon: %v", err))
	}
	return d
}()

// Default is the detector of the embedded redflags.txt, crisis.txt and cues.txt.
func Default() *Detector { return defaultDetector }

// Concepts lists the lexicon's concepts, with their examples.
func (d *Detector) Concepts() []*Concept { return d.concepts.lx.concepts }

// Check finds the red flags of a message. Of several, the most urgent
// decides: a reported crisis before a reported emergency, a report before a
// history, a history before a question.
func (d *Detector) Check(text string) Finding {
	ts := tokenize(text)
	if len(ts) == 0 {
		return Finding{}
	}
	ws := words(ts)
	hits := d.concepts.concepts(d.concepts.find(ws))
	if len(hits) == 0 {
		return Finding{}
	}
	cs := d.cues.find(ws)
	var best Finding
	for _, h := range hits {
		f := Finding{Class: h.concept.Class, Mode: cs.mode(ts, h), Concept: h.concept.Name}
		if f.rank() > best.rank() {
			best = f
		}
	}
	return best
}

func (f Finding) rank() int {
	r := int(f.Mode) * 2
	if f.Class == Crisis {
		r++
	}
	return r
}
