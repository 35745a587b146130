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
	// EmergencyFirst is set on a crisis with a medical danger under way
	// ("took the whole bottle, I want to die"; an overdose taken on
	// purpose): Class is Crisis, as the person and the crisis services call
	// it, and the reply gives emergency help first, the crisis line after.
	EmergencyFirst bool
}

// Escalate reports whether the message must get emergency or crisis
// guidance and nothing else.
func (f Finding) Escalate() bool { return f.Class != "" && f.Mode == Report }

// Answers reports whether a reply of class got, with emergency help first or
// not, answers a red flag of class want. An emergency may come back a crisis
// with emergency help first: an overdose taken to die is both, and the
// danger to life is answered first.
func Answers(want, got Class, emergencyFirst bool) bool {
	return got == want || want == Emergency && got == Crisis && emergencyFirst
}

// Answers reports whether the finding answers a red flag of class want (see
// the function Answers).
func (f Finding) Answers(want Class) bool { return Answers(want, f.Class, f.EmergencyFirst) }

// Detector finds red-flag concepts and decides the mode of a message. It is
// safe for concurrent use.
type Detector struct {
	concepts *matcher
	cues     *cues
	model    *Model // nil: the lexicon alone
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

// WithModel returns a copy of the detector that uses m beside the lexicon
// (nil: the lexicon alone).
func (d *Detector) WithModel(m *Model) *Detector {
	c := *d
	c.model = m
	return &c
}

var defaultDetector = func() *Detector {
	d, err := New([]File{
		{"medicines.txt", medicinesText}, {"redflags.txt", redflagsText}, {"crisis.txt", crisisText},
	}, File{"cues.txt", cuesText})
	if err != nil {
		panic(fmt.Sprintf("safety: embedded lexicon: %v", err))
	}
	return d.WithModel(defaultModel)
}()

// Default is the detector of the embedded redflags.txt, crisis.txt and
// cues.txt, with the learned classifier of model.bin beside them.
func Default() *Detector { return defaultDetector }

// Concepts lists the lexicon's concepts, with their examples.
func (d *Detector) Concepts() []*Concept { return d.concepts.lx.concepts }

// Check finds the red flags of a message. Of several, the most urgent
// decides: a report before a history, a history before a question; among
// reports, a medical danger under way (a concept marked urgent: an overdose
// swallowed, someone at the edge of a drop) before a crisis, and a crisis
// before another emergency.
func (d *Detector) Check(text string) Finding {
	f, _ := d.check(text)
	return f
}

// check is Check with the classifier's probability of a red flag (1 when
// the lexicon escalated and the classifier was not asked; 0 without one).
func (d *Detector) check(text string) (Finding, float64) {
	return d.checkTokens(tokenize(text))
}

// checkTokens is check of the tokens of a message.
func (d *Detector) checkTokens(ts []token) (Finding, float64) {
	if len(ts) == 0 {
		return Finding{}, 0
	}
	ws := words(ts)
	hits := d.concepts.concepts(d.concepts.find(ws))
	best, bestRank, emergency, cs, near := d.rank(ts, ws, hits)
	if len(hits) > 0 {
		if rest := cs.deniedPurpose(ts); rest != nil {
			return d.checkTokens(rest)
		}
	}
	if best.Escalate() {
		// A crisis and another emergency reported in the same words ("fell
		// and hit my head, there's blood": an injury, or hurting oneself?):
		// the classifier, which read the whole message, says which. Told
		// apart ("lost feeling in my hands ... all my pills lined up on the
		// table"), each says its own, and the crisis comes first.
		if emergency.Escalate() && best.Class == Crisis && bestRank%3 == 1 && near && d.model != nil {
			if em, cr := d.model.probabilities(ts); em > cr {
				return emergency, 1
			}
		}
		return best, 1
	}
	if d.model == nil {
		return best, 0
	}
	// What the lexicon has no words for, the classifier may recognise; its
	// call is a report only if the message reports something, the same
	// decision as for a concept: a general question stays a question.
	class, p := d.model.classify(ts)
	if class == "" {
		return best, p
	}
	if cs.c == nil {
		cs = d.cues.find(ws)
		if rest := cs.deniedPurpose(ts); rest != nil {
			return d.checkTokens(rest)
		}
	}
	// A history cue ("my drip last week", "had a seizure years ago") does
	// not hold back a classifier that is all but certain: it learned from
	// told histories too, and a sign under way beside a past one is open
	// wording, which escalates.
	if m := wholeMode(cs, ts, class); m == Report || m == History && p >= SureOverHistory {
		return Finding{Class: class, Mode: Report, Concept: learnedConcept}, p
	}
	return best, p
}

// SureOverHistory is the classifier's probability above which its finding
// is a report though a history cue is in the message. Chosen on the
// trainer's held-out folds (go run ./internal/gensafety -report): above
// 0.95 no look-alike or ordinary message told as history lay, and 3 red
// flags the history cue held back did.
const SureOverHistory = 0.95

// rank picks, of the concepts found, the one that decides (see Check),
// with its rank (3 a mode, +2 an urgent danger under way, +1 a crisis), and
// the most urgent emergency reported beside it; and the message's cues
// (none when no concept was found); and whether the words of the two lie
// within a few words of each other.
func (d *Detector) rank(ts []token, ws []string, hits []hit) (best Finding, bestRank int, emergency Finding, cs cueSet, near bool) {
	if len(hits) == 0 {
		return
	}
	cs = d.cues.find(ws)
	emRank, crisis := 0, false
	var bestHit hit
	var emHits []hit // the emergencies reported
	for _, h := range hits {
		if cs.negated(ts, h) {
			continue
		}
		f := Finding{Class: h.concept.Class, Concept: h.concept.Name}
		intended := h.concept.Urgent && cs.intended(h)
		if intended && h.concept.IntendedCrisis {
			// "thinking about overdosing": the intention is the crisis, and
			// its mode a crisis's ("if I took everything in my cabinet,
			// would it be painless?" asks about the writer's own death)
			c := *h.concept
			c.Class = Crisis
			h.concept = &c
			f.Class = Crisis
		}
		f.Mode = cs.mode(ts, h)
		r := int(f.Mode) * 3
		switch {
		case h.concept.Urgent && !intended:
			r += 2
		case f.Class == Crisis:
			r++
		}
		if r > bestRank {
			best, bestRank, bestHit = f, r, h
		}
		if f.Class == Emergency && r > emRank {
			emergency, emRank = f, r
		}
		if f.Class == Emergency && f.Escalate() {
			emHits = append(emHits, h)
		}
		crisis = crisis || f.Class == Crisis && f.Escalate()
	}
	// Out of their mind at the edge of a drop, the person says "jump" in a
	// delirium: an emergency, not a crisis beside it.
	if best.Class == Emergency && best.Escalate() && crisis && !(bestHit.concept != nil && bestHit.concept.Delirium) {
		best.Class, best.EmergencyFirst = Crisis, true
	}
	const gap = 3
	for _, e := range emHits {
		near = near || bestHit.start < e.end+gap && e.start < bestHit.end+gap
	}
	return best, bestRank, emergency, cs, near
}

// BothReported reports whether the lexicon alone finds a crisis and another
// emergency both reported in the message, a crisis first: for the
// trainer's report.
func (d *Detector) BothReported(text string) bool {
	ts := tokenize(text)
	ws := words(ts)
	best, r, em, _, near := d.rank(ts, ws, d.concepts.concepts(d.concepts.find(ws)))
	return best.Escalate() && best.Class == Crisis && r%3 == 1 && em.Escalate() && near
}

// wholeMode is the mode of a red flag of the class that spans the message:
// the classifier's finding, which says what but not where.
func wholeMode(cs cueSet, ts []token, class Class) Mode {
	whole := hit{concept: &Concept{Name: learnedConcept, Class: class, General: true}, start: 0, end: len(ts)}
	return cs.mode(ts, whole)
}

// MessageMode is the mode a finding of the class for the whole message
// gets (the classifier's findings): for the trainer's report.
func (d *Detector) MessageMode(text string, class Class) Mode {
	ts := tokenize(text)
	if len(ts) == 0 {
		return 0
	}
	return wholeMode(d.cues.find(words(ts)), ts, class)
}

// learnedConcept names the classifier's findings.
const learnedConcept = "learned classifier"
