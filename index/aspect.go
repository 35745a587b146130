package index

import (
	"regexp"
	"slices"
)

// An aspect is what kind of fact a question asks for, whatever its
// subject: "how long" wants a sentence stating a duration, "how often" one
// stating a frequency. A passage whose sentence states that kind of fact
// about the question's words answers it before one that only shares the
// words ("relief often begins within hours" does not say how long a
// session lasts).
type aspect int

const (
	aspectNone aspect = iota
	aspectDuration
	aspectOnset
	aspectFrequency
	aspectCount
	aspectCost
	aspectMechanism
	// aspectStart is what a process begins with: "what happens at the
	// first appointment", "what's the first step".
	aspectStart
)

// unit is a span of time in words.
const unit = `(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)`

// amount is how much of a unit: a number, a range or a vague quantity.
const amount = `(?:\d+(?:\.\d+)?(?:\s*(?:-|–|—|to|or)\s*\d+(?:\.\d+)?)?|a few|few|several|many|a couple of|one|two|three|four|five|six|an?)`

// aspectStatements match a sentence that states an aspect's kind of fact.
var aspectStatements = map[aspect]*regexp.Regexp{
	// "lasts 1–4 hours", "anywhere from 30 minutes to several hours",
	// "for weeks or months", "an extended period"; not "within hours"
	// (when something starts, aspectOnset).
	aspectDuration: regexp.MustCompile(`(?i)(?:\b(?:last(?:s|ed|ing)?|takes?|persists?|for|from|up to|about|around|approximately|typically|usually)\s+(?:anywhere\s+from\s+|between\s+)?` + amount + `\s+` + unit + `\b|\b` + amount + `\s*(?:-|–|to)\s*` + amount + `\s+` + unit + `\b|\b(?:extended|long|short)\s+(?:period|time|duration)|\bduration\b|\blong[- ]lasting\b|\bpersist)`),
	// "within hours", "immediate relief", "right away", "after the first session".
	aspectOnset: regexp.MustCompile(`(?i)\b(?:within\s+(?:` + amount + `\s+)?` + unit + `|immediate(?:ly)?|rapid(?:ly)?|right away|quick(?:ly)?|soon|onset|begins?|starts?|after (?:the |their )?first)\b`),
	// "every two weeks", "weekly sessions", "a series of", "once a month".
	aspectFrequency: regexp.MustCompile(`(?i)\b(?:every|each|per|once|twice|daily|weekly|monthly|yearly|annually|frequency|frequent(?:ly)?|series of|repeat(?:ed)?|regular(?:ly)?|times? (?:a|per) (?:day|week|month|year)|booster|maintenance)\b`),
	// "a series of six infusions", "several sessions", "3 to 5".
	aspectCount: regexp.MustCompile(`(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|multiple|a few|series|number of)\b`),
	// "works by blocking", "by inhibiting", "through the bloodstream".
	aspectMechanism: regexp.MustCompile(`(?i)\b(?:by|through|via)\s+(?:\w+ly\s+)?\w+ing\b|\bworks?\s+by\b|\bmechanisms?\b|\bacts?\s+(?:on|by)\b|\bbecause\b`),
	// "typically begins with a consultation", "the first step is"; not
	// "their first session" (a first thing, not what comes first).
	aspectStart: regexp.MustCompile(`(?i)\b(?:begins?|began|starts?|started|commences?)\s+(?:with|by)\b|\bfirst\s+step\b|\binitial(?:ly)?\b|\bto\s+begin\b`),
	// "$400", "cost", "insurance covers".
	aspectCost: regexp.MustCompile(`(?i)(?:[$€£]\s*\d|\b(?:costs?|price|prices|priced|fees?|insurance|insured|covered|coverage|afford(?:able)?|expensive|pay)\b)`),
}

// questionAspects are the phrases that ask for an aspect, wherever they
// stand in the question ("lidocaine iv, how long am i there").
var questionAspects = []struct {
	words []string
	aspect
}{
	{[]string{"how", "many", "hours"}, aspectDuration},
	{[]string{"how", "many", "minutes"}, aspectDuration},
	{[]string{"how", "many", "times"}, aspectFrequency},
	{[]string{"how", "much", "time"}, aspectDuration},
	{[]string{"how", "much", "does"}, aspectCost},
	{[]string{"how", "much", "is"}, aspectCost},
	{[]string{"how", "much", "will"}, aspectCost},
	{[]string{"how", "long"}, aspectDuration},
	{[]string{"how", "often"}, aspectFrequency},
	{[]string{"how", "frequently"}, aspectFrequency},
	{[]string{"how", "soon"}, aspectOnset},
	{[]string{"how", "quickly"}, aspectOnset},
	{[]string{"how", "quick"}, aspectOnset},
	{[]string{"how", "fast"}, aspectOnset},
	{[]string{"how", "many"}, aspectCount},
}

// askedAspect is the aspect a question's words ask for, aspectNone when
// they ask for none of them.
func askedAspect(ws []string) aspect {
	if mechanismAsked(ws) {
		return aspectMechanism
	}
	for i := range ws {
		for _, q := range questionAspects {
			if i+len(q.words) <= len(ws) && equalWords(ws[i:i+len(q.words)], q.words) {
				return q.aspect
			}
		}
	}
	if slices.Contains(ws, startWord) {
		return aspectStart
	}
	return aspectNone
}

// startWord asks what a process begins with (aspectStart).
const startWord = "first"

// askingWords are, per aspect, the words of the phrases that ask for it
// other than "how" ("long", "often", "first"): a sentence that states the
// aspect holds what they ask, whether or not it repeats them ("typically
// begins with a consultation" answers "what happens first").
var askingWords = func() map[aspect]map[string]bool {
	out := map[aspect]map[string]bool{aspectStart: {startWord: true}}
	for _, q := range questionAspects {
		if out[q.aspect] == nil {
			out[q.aspect] = map[string]bool{}
		}
		for _, w := range q.words {
			if w != "how" {
				out[q.aspect][w] = true
			}
		}
	}
	return out
}()

// mechanismAsked reports whether the words ask how a thing works: "how"
// and an auxiliary whose subject is a thing, not a person ("how does
// lidocaine work", "how do nutrients help"; not "how do I find out").
func mechanismAsked(ws []string) bool {
	for i := 0; i+2 < len(ws); i++ {
		if ws[i] != "how" {
			continue
		}
		switch ws[i+1] {
		case "does", "do", "can", "will", "would", "could":
		default:
			continue
		}
		switch ws[i+2] {
		case "i", "you", "we", "they", "people", "doctors", "one", "someone", "my":
			return false
		}
		return true
	}
	return false
}

// weightAspect rewards a passage by how much of the question the best of
// its sentences stating the asked aspect holds.
var weightAspect = 0.1

// aspectCoverage is the largest share of the terms' weight that one
// sentence of passage i stating aspect a holds, 0 when none states it.
func (ix *Index) aspectCoverage(i int, a aspect, terms []Term) float64 {
	if aspectStatements[a] == nil {
		return 0
	}
	sst := ix.sentenceStems(i)
	best := 0.0
	for k := range sst.sentences {
		if sst.states[k]&(1<<a) != 0 {
			best = max(best, weightedCoverage(sst.stems[k], terms))
		}
	}
	return best
}

// statedAspects is the set of aspects sentence s states, as bits 1<<aspect.
func statedAspects(s string) uint32 {
	var bits uint32
	for a, re := range aspectStatements {
		if re.MatchString(s) {
			bits |= 1 << a
		}
	}
	return bits
}
