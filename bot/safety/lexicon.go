package safety

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// Class is what a concept is a sign of.
type Class string

// The classes of red flags.
const (
	Emergency Class = "emergency"
	Crisis    Class = "crisis"
)

// Concept is one red flag of the lexicon: a sign that fires on its own
// (term), or a combination of word groups (body, sign, …) that must all be
// found with at most Window other words between them, in any order.
type Concept struct {
	Name   string
	Class  Class
	File   string
	Line   int
	Window int
	// General is whether the concept can be asked about in general
	// ("what is suicidal ideation?"); one that cannot ("no point being
	// alive") is a report however it is put. Emergencies can, crises
	// cannot unless their concept says "general: yes".
	General bool
	// Urgent marks a medical danger under way (an overdose swallowed,
	// someone at the edge of a drop): reported, it is an emergency even
	// beside a crisis, unless put as an intention ("thinking of").
	Urgent bool
	// IntendedCrisis marks an urgent concept whose act, put as an
	// intention ("thinking about overdosing", "going to swallow them
	// all"), is a crisis, not an emergency under way.
	IntendedCrisis bool
	// Considered marks an intended-crisis act of taking a whole supply:
	// put as the writer's own possibility ("if I took everything in my
	// cabinet", "what if I just swallowed the bottle") it is thought of,
	// an intention too. Not an overdose by mistake: "what if I accidentally
	// took a double dose" asks about an accident.
	Considered bool
	// Delirium marks an urgent danger of a mind not its own (high,
	// hallucinating, delirious): crisis words beside it are the
	// delirium's, and the message is an emergency, not a crisis too.
	Delirium bool
	Examples []string // messages that must escalate to Class (tested)
	Counters []string // messages that must not (tested)
	alone    []term
	groups   [][]term
	unless   []term
	except   []term
}

// term is a sequence of adjacent words.
type term []int // word ids

// word is one word of the lexicon: whole ("chest"), a stem ("swell*"), or a
// class of tokens ("#highbp", a blood pressure reading of 180/120 or more;
// "#lowglucose", a blood sugar under 70 mg/dL; "#fastpulse", 130 a minute
// or more; "#slowpulse", under 40; "#lowoxygen", an oxygen saturation of
// 50–89%; "#many", a count of ten or more; "#count", any number;
// "#weight", a body weight: "60kg", "130 lbs", "9 stone").
type word struct {
	text   string
	prefix bool
	class  string
}

// groupKeys are the names of word groups a concept combines; their names
// are only for the reader (body part, sign, act, ...).
var groupKeys = map[string]bool{
	"body": true, "sign": true, "act": true, "object": true, "means": true,
	"who": true, "with": true, "when": true, "intent": true, "ask": true,
}

// lexicon is the parsed concepts and their words.
type lexicon struct {
	concepts []*Concept
	words    []word
	ids      map[word]int
	defines  map[string][]term // "@pills" -> its terms
}

func (lx *lexicon) wordID(w word) int {
	if id, ok := lx.ids[w]; ok {
		return id
	}
	id := len(lx.words)
	lx.words = append(lx.words, w)
	lx.ids[w] = id
	return id
}

// parseTerms reads "a b | c* d | e" into terms.
func (lx *lexicon) parseTerms(val string) ([]term, error) {
	var out []term
	for _, alt := range strings.Split(val, "|") {
		if name := strings.TrimSpace(alt); strings.HasPrefix(name, "@") {
			ts, ok := lx.defines[name]
			if !ok {
				return nil, fmt.Errorf("%s is not defined", name)
			}
			out = append(out, ts...)
			continue
		}
		var t term
		var plain []string // words tokenized together, so "i am" joins as "im" does in messages
		flush := func() {
			for _, tk := range tokenize(strings.Join(plain, " ")) {
				t = append(t, lx.wordID(word{text: tk.text}))
			}
			plain = plain[:0]
		}
		for _, f := range strings.Fields(alt) {
			switch {
			case strings.HasPrefix(f, "#"):
				if f != "#highbp" && f != "#lowglucose" && f != "#fastpulse" && f != "#many" && f != "#count" && f != "#slowpulse" && f != "#lowoxygen" && f != "#weight" {
					return nil, fmt.Errorf("unknown word class %q", f)
				}
				flush()
				t = append(t, lx.wordID(word{class: f}))
			case strings.HasSuffix(f, "*"):
				flush()
				ts := tokenize(strings.TrimSuffix(f, "*"))
				if len(ts) == 0 {
					return nil, fmt.Errorf("empty stem in %q", alt)
				}
				for i, tk := range ts {
					t = append(t, lx.wordID(word{text: tk.text, prefix: i == len(ts)-1}))
				}
			default:
				plain = append(plain, f)
			}
		}
		flush()
		if len(t) == 0 {
			return nil, fmt.Errorf("empty alternative in %q", val)
		}
		out = append(out, t)
	}
	return out, nil
}

// parse reads one lexicon file in the format described at its top.
func (lx *lexicon) parse(name, text string) error {
	var class Class
	var cur *Concept
	groupIndex := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			class = Class(strings.TrimSpace(line[1 : len(line)-1]))
			if class != Emergency && class != Crisis {
				return fmt.Errorf("%s:%d: unknown section [%s]", name, n, class)
			}
			cur = nil
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("%s:%d: want \"key: value\"", name, n)
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if key == "define" {
			macro, list, ok := strings.Cut(val, "=")
			macro = strings.TrimSpace(macro)
			if !ok || !strings.HasPrefix(macro, "@") || strings.ContainsAny(macro, " |") {
				return fmt.Errorf("%s:%d: want \"define: @name = word | word\"", name, n)
			}
			ts, err := lx.parseTerms(list)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", name, n, err)
			}
			if lx.defines == nil {
				lx.defines = map[string][]term{}
			}
			lx.defines[macro] = append(lx.defines[macro], ts...)
			continue
		}
		if class == "" {
			return fmt.Errorf("%s:%d: %s before any [section]", name, n, key)
		}
		if key == "concept" {
			cur = &Concept{Name: val, Class: class, File: name, Line: n, Window: 6, General: class == Emergency}
			lx.concepts = append(lx.concepts, cur)
			groupIndex = map[string]int{}
			continue
		}
		if cur == nil {
			return fmt.Errorf("%s:%d: %s before any concept:", name, n, key)
		}
		switch {
		case key == "example":
			cur.Examples = append(cur.Examples, val)
		case key == "counter":
			cur.Counters = append(cur.Counters, val)
		case key == "general":
			if val != "yes" && val != "no" {
				return fmt.Errorf("%s:%d: general wants yes or no", name, n)
			}
			cur.General = val == "yes"
		case key == "urgent":
			if val != "yes" && val != "no" {
				return fmt.Errorf("%s:%d: urgent wants yes or no", name, n)
			}
			cur.Urgent = val == "yes"
		case key == "delirium":
			if val != "yes" && val != "no" {
				return fmt.Errorf("%s:%d: delirium wants yes or no", name, n)
			}
			cur.Delirium = val == "yes"
		case key == "intended":
			if val != "crisis" {
				return fmt.Errorf("%s:%d: intended wants crisis", name, n)
			}
			cur.IntendedCrisis = true
		case key == "considered":
			if val != "yes" && val != "no" {
				return fmt.Errorf("%s:%d: considered wants yes or no", name, n)
			}
			cur.Considered = val == "yes"
		case key == "window":
			w, err := strconv.Atoi(val)
			if err != nil || w < 1 {
				return fmt.Errorf("%s:%d: window wants a number of words", name, n)
			}
			cur.Window = w
		case key == "term" || key == "unless" || key == "except" || groupKeys[key]:
			ts, err := lx.parseTerms(val)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", name, n, err)
			}
			switch key {
			case "term":
				cur.alone = append(cur.alone, ts...)
			case "unless":
				cur.unless = append(cur.unless, ts...)
			case "except":
				cur.except = append(cur.except, ts...)
			default:
				i, ok := groupIndex[key]
				if !ok {
					i = len(cur.groups)
					groupIndex[key] = i
					cur.groups = append(cur.groups, nil)
				}
				cur.groups[i] = append(cur.groups[i], ts...)
			}
		default:
			return fmt.Errorf("%s:%d: unknown key %q", name, n, key)
		}
	}
	for _, c := range lx.concepts {
		if c.File != name {
			continue
		}
		if len(c.alone) == 0 && len(c.groups) < 2 {
			return fmt.Errorf("%s:%d: concept %q needs a term, or two word groups to combine", name, c.Line, c.Name)
		}
		if len(c.Examples) == 0 {
			return fmt.Errorf("%s:%d: concept %q has no example", name, c.Line, c.Name)
		}
	}
	return sc.Err()
}
