// Package trainset turns labelled question sets into answerability
// training examples: every question is asked of the bot over the built-in
// articles, and each time the bot would decide whether to answer, the
// features of that decision are kept with whether its top passage holds the
// case's evidence.
package trainset

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"github.com/infusionbot/infusionbot/internal/evalcase"
	"os"
	"path/filepath"
	"strings"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/answerability"
	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/knowledge"
)

// Case is one conversation of a question set.
type Case struct {
	// Set names the file the case is from.
	Set string
	// Kind is the case's kind ("answer", "unanswerable", "out_of_scope",
	// "not_emergency", ...), or "offtopic" for a line of an off-topic set
	// ({"text"} lines: health questions the articles don't cover).
	Kind     string
	Turns    []string
	Evidence []string
	// Floor is true for a case of a set the test suite holds to floors.
	Floor bool
}

// Load reads a JSON Lines question set. With half 1 or 2 only the odd or
// even lines are kept (an off-topic set is trained on one half and checked
// on the other); 0 keeps all.
func Load(path string, half int) ([]Case, error) {
	return load(Set{Path: path, Half: half})
}

func load(set Set) ([]Case, error) {
	path, half := set.Path, set.Half
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		n++
		if half != 0 && n%2 != half%2 {
			continue
		}
		var v struct {
			Kind     string   `json:"kind"`
			Turns    []string `json:"turns"`
			Evidence []string `json:"evidence"`
			Text     string   `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", path, n, err)
		}
		c := Case{Set: path, Kind: v.Kind, Turns: v.Turns, Evidence: v.Evidence, Floor: set.Floor}
		if v.Kind == "" {
			c.Kind, c.Turns = "offtopic", []string{v.Text}
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// LoadSets reads the sets.
func LoadSets(sets []Set) ([]Case, error) {
	var out []Case
	for _, s := range sets {
		cs, err := load(s)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// Decision is one labelled decision of the bot.
type Decision struct {
	Case Case
	// Inputs are what the bot decided on, per place of the ranking it led
	// with (the top answerability.MaxLead); nil when the last turn never
	// came to the decision (a rule or an intent answered it), or for a
	// place the ranking did not fill.
	Inputs []*answerability.Input
	// Lacking are the words of each input the articles lack, as its
	// passage sees them.
	Lacking [][]answerability.Lacking
	// Right is true, per passage, when the answer it leads holds the
	// case's evidence.
	Right []bool
	// Intent is the intent of the reply to the last turn (when the bot
	// led with the top passage).
	Intent bot.Intent
}

// Answerable reports whether a case is one the bot should answer.
func (c Case) Answerable() bool {
	return (c.Kind == "answer" || c.Kind == "not_emergency") && len(c.Evidence) > 0
}

// Collect asks the bot every case, over the built-in articles, and returns
// the decision on each case's last turn. Each case is asked once per
// place of the ranking, the bot answering with the passage at that place
// every time, so that what each would quote can be checked.
//
// A case of a file the nearest-neighbour bank holds examples of
// (index.Example.Set: the file's name without .jsonl) is ranked by an
// index whose bank leaves that file's examples out, as a question nobody
// wrote an example for is at run time: with them, each question would
// find its own twin.
func Collect(ctx context.Context, cases []Case) ([]Decision, error) {
	return CollectPlaces(ctx, cases, answerability.MaxLead)
}

// CollectPlaces is Collect asking each case once for each of the top n
// places of the ranking (Collect's is answerability.MaxLead).
func CollectPlaces(ctx context.Context, cases []Case, n int) ([]Decision, error) {
	docs, err := knowledge.Load(knowledge.Default())
	if err != nil {
		return nil, err
	}
	bank := index.DefaultExamples()
	indexes := map[string]*index.Index{}
	defer func() {
		for _, ix := range indexes {
			ix.Close()
		}
	}()
	// key[i] names the bank case i is ranked by: "" for the whole bank,
	// else the set left out of it.
	key := make([]string, len(cases))
	for i, c := range cases {
		set := strings.TrimSuffix(filepath.Base(c.Set), ".jsonl")
		banked := bank
		if without := bank.Without(set); without.Len() < bank.Len() {
			key[i], banked = set, without
		}
		if _, ok := indexes[key[i]]; ok {
			continue
		}
		ix, err := index.Open(ctx, docs, index.Options{Examples: banked})
		if err != nil {
			return nil, err
		}
		indexes[key[i]] = ix
	}
	out := make([]Decision, len(cases))
	for i, c := range cases {
		out[i] = Decision{Case: c, Right: make([]bool, n)}
	}
	for lead := 0; lead < n; lead++ {
		var last *answerability.Input
		record := func(in answerability.Input) (int, bool) {
			last = &in
			return lead, lead < len(in.Hits)
		}
		routers := map[string]*bot.Router{}
		for k, ix := range indexes {
			rt, err := bot.NewRouter(index.Searcher{Index: ix}, bot.RouterConfig{Answer: bot.AnswerConfig{Lead: record}})
			if err != nil {
				return nil, err
			}
			routers[k] = rt
		}
		for i, c := range cases {
			rt := routers[key[i]]
			var r bot.Reply
			for _, t := range c.Turns {
				last = nil
				r, err = rt.Handle(ctx, bot.Message{Platform: "train", Conversation: fmt.Sprintf("case%d", i), User: "u", Text: t})
				if err != nil {
					return nil, err
				}
			}
			d := &out[i]
			if lead == 0 {
				d.Intent = r.Intent
			}
			if last == nil {
				continue
			}
			if d.Inputs == nil {
				d.Inputs = make([]*answerability.Input, n)
				d.Lacking = make([][]answerability.Lacking, n)
			}
			if lead >= len(last.Hits) {
				continue
			}
			d.Inputs[lead] = last
			d.Lacking[lead] = answerability.LackingWords(*last, lead)
			d.Right[lead] = r.Answered && len(r.Citations) > 0 && holdsEvidence(r.Citations[0].Snippet, c.Evidence)
		}
	}
	return out, nil
}

// holdsEvidence reports whether a quote holds one of the evidence strings,
// compared as the project's scorer compares them (shared/eval/norm.py).
func holdsEvidence(snippet string, evidence []string) bool {
	s := evalcase.Norm(snippet)
	for _, e := range evidence {
		if e := evalcase.Norm(e); e != "" && strings.Contains(s, e) {
			return true
		}
	}
	return false
}
