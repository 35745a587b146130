package intent

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed examples.txt
var defaultExamples string

// Question is the intent of a message for the articles' search; it is also
// where an unsure classification falls back to.
const Question = "question"

// Intents are the intents a training file may name.
var Intents = []string{"greeting", "help", "thanks", "goodbye", "human", "clinic", "medical_advice", "out_of_scope", Question}

// Example is one training message and the intent it means.
type Example struct {
	Intent string
	Text   string
	Line   int
}

// Data is a parsed training file: the examples, and lookup tables that
// name concepts (a word list per concept, such as medicines).
type Data struct {
	Examples []Example
	Lookups  map[string][]string
}

// DefaultData is the embedded examples.txt.
func DefaultData() *Data {
	d, err := Parse("examples.txt", defaultExamples)
	if err != nil {
		panic("intent: embedded " + err.Error())
	}
	return d
}

// Parse reads a training file in the Markdown style of Rasa NLU:
//
//	## intent: greeting        the examples below mean this intent
//	- hello there              one example a line
//	## lookup: medicine        the entries below name one concept
//	- gabapentin               one word or phrase a line
//	# a comment
//
// Errors name the file and line.
func Parse(name, text string) (*Data, error) {
	d := &Data{Lookups: map[string][]string{}}
	known := map[string]bool{}
	for _, in := range Intents {
		known[in] = true
	}
	var kind, label string
	seen := map[string]Example{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || (strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "##")):
			continue
		case strings.HasPrefix(line, "##"):
			k, v, ok := strings.Cut(strings.TrimSpace(line[2:]), ":")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if !ok || v == "" || (k != "intent" && k != "lookup") {
				return nil, fmt.Errorf("%s:%d: want \"## intent: NAME\" or \"## lookup: NAME\"", name, n)
			}
			if k == "intent" && !known[v] {
				return nil, fmt.Errorf("%s:%d: unknown intent %q (want one of %s)", name, n, v, strings.Join(Intents, ", "))
			}
			kind, label = k, v
		case strings.HasPrefix(line, "- "):
			val := strings.TrimSpace(line[2:])
			if kind == "" {
				return nil, fmt.Errorf("%s:%d: example before any ## intent:", name, n)
			}
			if val == "" {
				continue
			}
			if kind == "lookup" {
				d.Lookups[label] = append(d.Lookups[label], strings.Join(tokens(val), " "))
				continue
			}
			key := strings.Join(tokens(val), " ")
			e := Example{Intent: label, Text: val, Line: n}
			if prev, dup := seen[key]; dup {
				if prev.Intent != label {
					return nil, fmt.Errorf("%s:%d: %q is %s here and %s on line %d", name, n, val, label, prev.Intent, prev.Line)
				}
				continue // the same words again teach nothing
			}
			seen[key] = e
			d.Examples = append(d.Examples, e)
		default:
			return nil, fmt.Errorf("%s:%d: want \"- example\" or \"## intent: NAME\"", name, n)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	count := map[string]int{}
	for _, e := range d.Examples {
		count[e.Intent]++
	}
	for _, in := range Intents {
		if count[in] == 0 {
			return nil, fmt.Errorf("%s: intent %q has no examples", name, in)
		}
	}
	return d, nil
}
