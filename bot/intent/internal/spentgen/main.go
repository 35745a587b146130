// Command spentgen writes ../../training/spent.jsonl: the last message of
// every case of the spent sets (sources: testdata/qa_train*,
// evalcase.SpentQuestionSets) as an intent example. A set joins those once
// spent, and the model is trained again with it.
//
// Those sets were written blind and measured on once; now spent, they are
// training data. An answer case's message is a `question`; a
// medical_advice, clinic, human or out_of_scope case is that intent; a
// smalltalk case is the intent its writer named; one named two ways
// ("cheers mate": thanks and goodbye) is left out, as an example labelled
// two ways teaches noise. Unanswerable cases are left out (the search
// decides those, not the classifier), and so is a message without
// letters. Answer cases whose message is personal medical advice under the
// labelling policy (leftOutQuestion), and cases of any kind whose message
// falls on a boundary of the policy (leftOutAny), are left out, each with
// its reason. A message met again (lower case, white space folded) is kept
// once; met with another intent, it is an error.
//
// Measuring sets (shared/eval/*, cmd/infusionbot/testdata/regression.jsonl,
// any /work/blind*) are never read: a set is added to sources only once it
// is spent.
//
// Run it with go generate ./bot/intent (before the model is trained).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/infusionbot/infusionbot/internal/evalcase"
)

// sources are the spent labelled sets, under the root, in the order their
// cases are written.
var sources = slices.Concat(evalcase.TrainingQuestionSets, evalcase.SpentQuestionSets)

// kept are the case kinds that are an intent of their own name.
var kept = map[string]bool{"medical_advice": true, "clinic": true, "human": true, "out_of_scope": true}

// leftOutQuestion are answer cases whose message is personal medical advice
// under the labelling policy of examples.txt (one's own choice between
// treatments, or whether one's own condition makes it safe): as `question`
// they would teach the opposite of the policy, so they are left out. Keys
// are the message in lower case.
var leftOutQuestion = map[string]string{
	"should i ask for ketamine or lidocaine":                    "a choice between treatments for oneself",
	"would infusions be better for me?":                         "whether it would suit oneself",
	"which would suit me?":                                      "whether it would suit oneself",
	"which one would be better for me":                          "a choice between treatments for oneself",
	"should i stop my other pain stuff if i start iv":           "stopping one's own medicines",
	"i'm thinking about infusions, what should my next step be": "a decision about one's own treatment",
	"i have a bad heart, is all that fluid ok for me":           "safe with a condition one has",
	"i have a heart condition, is fluid overload a risk for me": "safe with a condition one has",
	"should i do acupuncture instead":                           "a choice between treatments for oneself",
}

// leftOutAny are cases of any kind whose message falls on a boundary of the
// labelling policy (training/README.md, top) and would be labelled either
// way under it: left out, as an example labelled two ways teaches noise.
// Keys are the message in lower case.
var leftOutAny = map[string]string{
	// Health topics the articles don't cover: the set's writer made them
	// out_of_scope, the policy (out_of_scope is not about health) a
	// question the search says it doesn't cover.
	"how is glaucoma treated":                 "health outside the articles: out_of_scope or question",
	"how do i lower my cholesterol with diet": "health outside the articles: out_of_scope or question",
	"what causes cataracts":                   "health outside the articles: out_of_scope or question",
	"what's the treatment for pink eye":       "health outside the articles: out_of_scope or question",
	"what causes psoriasis":                   "health outside the articles: out_of_scope or question",
	"how do i treat athlete's foot":           "health outside the articles: out_of_scope or question",
	"what are the symptoms of chickenpox":     "health outside the articles: out_of_scope or question",
	"is keto good for losing weight":          "health outside the articles: out_of_scope or question",
}

type labelledCase struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Turns   []string `json:"turns"`
	Intents []string `json:"intents"`
}

// example is one line of spent.jsonl.
type example struct{ ID, Intent, Text string }

func main() {
	root := flag.String("root", "../..", "the repository's root")
	out := flag.String("o", "training/spent.jsonl", "file to write")
	flag.Parse()
	if err := run(*root, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "spentgen:", err)
		os.Exit(1)
	}
}

func run(root, out string, log io.Writer) error {
	examples, err := build(root)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	for _, e := range examples {
		fmt.Fprintf(&b, `{"id": %s, "intent": %s, "text": %s}`+"\n", quote(e.ID), quote(e.Intent), quote(e.Text))
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(log, len(examples), "examples")
	return nil
}

// intentOf is the intent a case teaches, or "" when it is left out.
func intentOf(c labelledCase) string {
	switch {
	case c.Kind == "answer":
		return "question"
	case kept[c.Kind]:
		return c.Kind
	case c.Kind == "smalltalk":
		names := map[string]bool{}
		for _, n := range c.Intents {
			names[n] = true
		}
		if len(names) == 1 {
			return c.Intents[0]
		}
	}
	return ""
}

func build(root string) ([]example, error) {
	var examples []example
	seen := map[string]string{}
	for _, src := range sources {
		name := strings.TrimSuffix(filepath.Base(src), ".jsonl")
		f, err := os.Open(filepath.Join(root, src))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
		for n := 1; sc.Scan(); n++ {
			var c labelledCase
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %v", src, n, err)
			}
			intent := intentOf(c)
			if intent == "" {
				continue
			}
			if len(c.Turns) == 0 {
				f.Close()
				return nil, fmt.Errorf("%s:%d: a case without turns", src, n)
			}
			text := strings.TrimFunc(c.Turns[len(c.Turns)-1], isSpace)
			lower := strings.ToLower(text)
			if _, ok := leftOutAny[lower]; ok {
				continue
			}
			if _, ok := leftOutQuestion[lower]; ok && intent == "question" {
				continue
			}
			if !strings.ContainsFunc(text, unicode.IsLetter) {
				continue
			}
			k := strings.Join(strings.FieldsFunc(lower, isSpace), " ")
			if was, ok := seen[k]; ok {
				if was != intent {
					f.Close()
					return nil, fmt.Errorf("%s/%s: %q is %s here and %s before", name, c.ID, text, intent, was)
				}
				continue
			}
			seen[k] = intent
			examples = append(examples, example{name + "/" + c.ID, intent, text})
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", src, err)
		}
	}
	return examples, nil
}

// isSpace is white space as Python's str.isspace has it (the file's format
// was set by a Python script): unicode.IsSpace and the separators
// U+001C..U+001F.
func isSpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// quote writes s as a JSON string the way Python's json.dumps does with
// ensure_ascii=False: only '"', '\\' and control characters escaped.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
