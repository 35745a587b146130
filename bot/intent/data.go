package intent

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

//go:embed examples.txt
var defaultExamples string

// writtenExamples are examples written blind under examples.txt's
// labelling policy (training/NOTES.md); excludedWritten names the lines of
// it the policy labels otherwise.
var (
	//go:embed training/intent_train.jsonl
	writtenExamples string
	//go:embed training/excluded.txt
	excludedWritten string
	// writtenExamples2 were written blind in the fourteenth session, on the
	// line between a personal decision (medical_advice) and the same topic
	// asked in general (question): training/README_intent_train2.md.
	//go:embed training/intent_train2.jsonl
	writtenExamples2 string
	// spentExamples are the messages of the spent evaluation sets (written
	// by ./internal/spentgen): written blind, measured on once, now training
	// data.
	//go:embed training/spent.jsonl
	spentExamples string
)

// Question is the intent of a message for the articles' search; it is also
// where an unsure classification falls back to.
const Question = "question"

// Intents are the intents a training file may name.
var Intents = []string{"greeting", "help", "thanks", "goodbye", "human", "clinic", "medical_advice", "out_of_scope", Question}

// Example is one training message and the intent it means.
type Example struct {
	Intent string
	Text   string
	// File and Line say where it was written: File is empty for the
	// training file Parse read, Line counts from 1.
	File string
	Line int
}

// Where is "line N", or "FILE:N" for an example of another file.
func (e Example) Where() string {
	if e.File == "" {
		return fmt.Sprintf("line %d", e.Line)
	}
	return fmt.Sprintf("%s:%d", e.File, e.Line)
}

// Data is a parsed training file: the examples, and lookup tables that
// name concepts (a word list per concept, such as medicines).
type Data struct {
	Examples []Example
	Lookups  map[string][]string
}

// DefaultData is the embedded examples.txt with the examples written
// blind for it (training/intent_train.jsonl, less training/excluded.txt,
// and training/intent_train2.jsonl) and the messages of the spent
// evaluation sets (training/spent.jsonl).
func DefaultData() *Data {
	d, err := Parse("examples.txt", defaultExamples)
	if err != nil {
		panic("intent: embedded " + err.Error())
	}
	excluded, err := ExcludedIDs(excludedWritten)
	if err != nil {
		panic("intent: embedded training/excluded.txt: " + err.Error())
	}
	if err := d.AddJSONL("training/intent_train.jsonl", writtenExamples, excluded); err != nil {
		panic("intent: embedded " + err.Error())
	}
	if err := d.AddJSONL("training/intent_train2.jsonl", writtenExamples2, nil); err != nil {
		panic("intent: embedded " + err.Error())
	}
	if err := d.AddJSONL("training/spent.jsonl", spentExamples, nil); err != nil {
		panic("intent: embedded " + err.Error())
	}
	return d
}

// ExcludedIDs reads a list of example ids, one a line, each followed by
// the reason it is left out; # starts a comment.
func ExcludedIDs(text string) (map[string]bool, error) {
	ids := map[string]bool{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("line %d: %s is left out without a reason", n+1, id)
		}
		ids[id] = true
	}
	return ids, nil
}

// AddJSONL adds the examples of a JSON Lines file, one
// {"id": ..., "intent": ..., "text": ...} a line, but those whose id is
// excluded. An example already in d with the same intent adds nothing; with
// another intent it is an error naming both. A line without letters is
// left out: Classify never reads such a message. Every excluded id must be
// in the file, so the list cannot outlive the lines it names.
func (d *Data) AddJSONL(name, text string, excluded map[string]bool) error {
	known := map[string]bool{}
	for _, in := range Intents {
		known[in] = true
	}
	seen := map[string]Example{}
	for _, e := range d.Examples {
		seen[strings.Join(tokens(e.Text), " ")] = e
	}
	found := map[string]bool{}
	for n, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var r struct{ ID, Intent, Text string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return fmt.Errorf("%s:%d: %v", name, n+1, err)
		}
		if !known[r.Intent] {
			return fmt.Errorf("%s:%d: unknown intent %q", name, n+1, r.Intent)
		}
		if excluded[r.ID] {
			found[r.ID] = true
			continue
		}
		if !strings.ContainsFunc(r.Text, unicode.IsLetter) {
			continue
		}
		e := Example{Intent: r.Intent, Text: r.Text, File: name, Line: n + 1}
		key := strings.Join(tokens(r.Text), " ")
		if prev, dup := seen[key]; dup {
			if prev.Intent != e.Intent {
				return fmt.Errorf("%s:%d: %q is %s here and %s at %s", name, n+1, r.Text, e.Intent, prev.Intent, prev.Where())
			}
			continue
		}
		seen[key] = e
		d.Examples = append(d.Examples, e)
	}
	for id := range excluded {
		if !found[id] {
			return fmt.Errorf("%s: excluded id %s is not in the file", name, id)
		}
	}
	return nil
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
