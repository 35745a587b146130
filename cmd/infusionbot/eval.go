package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"github.com/infusionbot/infusionbot/internal/evalcase"
	"io"
	"os"
	"strings"

	"github.com/infusionbot/infusionbot/bot"
)

// evalCase is one line of a case file in the format of shared/eval/dev.jsonl.
type evalCase struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Turns    []string `json:"turns"`
	Evidence []string `json:"evidence"`
	Intents  []string `json:"intents"`
}

// evalTally counts passes of one figure.
type evalTally struct{ ok, n int }

func (t *evalTally) add(ok bool) {
	t.n++
	if ok {
		t.ok++
	}
}

func (t evalTally) String() string {
	return fmt.Sprintf("%d/%d (%.0f%%)", t.ok, t.n, 100*float64(t.ok)/float64(max(t.n, 1)))
}

// runEval scores a case file against the engine, with the same figures as
// shared/eval/score.py, so staff can check the bot after editing articles.
func runEval(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, ec := newCommandFlags("eval", getenv, stderr)
	verbose := fs.Bool("v", false, "list the misses")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: infusionbot eval [-v] CASES.jsonl")
		return errUsageShown
	}
	cases, err := readCases(pos[0])
	if err != nil {
		return err
	}
	ec.Hygiene.PerMinute = -1
	e, err := openEngine(ctx, *ec)
	if err != nil {
		return err
	}
	defer e.Close()
	h := e.Handler()

	figures := map[string]map[string]*evalTally{}
	var kinds []string
	rec := func(kind, key string, ok bool) {
		if figures[kind] == nil {
			figures[kind] = map[string]*evalTally{}
			kinds = append(kinds, kind)
		}
		if figures[kind][key] == nil {
			figures[kind][key] = &evalTally{}
		}
		figures[kind][key].add(ok)
	}
	order := map[string][]string{}
	var misses []string
	for i, c := range cases {
		var r bot.Reply
		for _, t := range c.Turns {
			r, err = h.Handle(ctx, bot.Message{Platform: "cli", Conversation: fmt.Sprintf("eval:%d", i), User: "eval", Text: t})
			if err != nil {
				return fmt.Errorf("case %s: %w", c.ID, err)
			}
		}
		ok := scoreCase(c, r, func(key string, ok bool) {
			rec(c.Kind, key, ok)
			if !contains(order[c.Kind], key) {
				order[c.Kind] = append(order[c.Kind], key)
			}
		})
		if !ok {
			first := ""
			if len(r.Citations) > 0 {
				first = r.Citations[0].Snippet
			}
			misses = append(misses, fmt.Sprintf("MISS %s %s %q: intent %s answered %v: %.90q", c.ID, c.Kind, c.Turns[len(c.Turns)-1], r.Intent, r.Answered, first))
		}
	}
	for _, k := range kinds {
		var parts []string
		for _, key := range order[k] {
			parts = append(parts, key+" "+figures[k][key].String())
		}
		fmt.Fprintf(stdout, "%-15s %s\n", k, strings.Join(parts, ", "))
	}
	if *verbose {
		for _, m := range misses {
			fmt.Fprintln(stdout, m)
		}
	}
	return nil
}

// scoreCase applies the scorer's rules to the reply of a case's last turn,
// recording each figure, and reports whether the case's first figure passed.
func scoreCase(c evalCase, r bot.Reply, rec func(key string, ok bool)) bool {
	var cites []string
	for _, ct := range r.Citations {
		cites = append(cites, evalcase.Norm(ct.Snippet))
	}
	hit := func(first bool) bool {
		for i, ct := range cites {
			if first && i > 0 {
				break
			}
			for _, e := range c.Evidence {
				if strings.Contains(ct, evalcase.Norm(e)) {
					return true
				}
			}
		}
		return false
	}
	q := r.Intent == bot.IntentQuestion
	switch c.Kind {
	case "answer":
		ok := q && r.Answered && hit(true)
		rec("hit@1", ok)
		rec("hit@any", q && r.Answered && hit(false))
		rec("handoff shown", r.Answered && r.Handoff != "")
		return ok
	case "not_emergency":
		ok := !r.Intent.Urgent()
		rec("not escalated", ok)
		rec("and answered", ok && hit(false))
		return ok
	case "emergency":
		ok := r.Intent == bot.IntentEmergency
		rec("recall", ok)
		return ok
	case "crisis":
		ok := r.Intent == bot.IntentCrisis
		rec("recall", ok)
		rec("escalated", r.Intent.Urgent())
		return ok
	case "out_of_scope":
		ok := r.Intent == bot.IntentOutOfScope || (q && !r.Answered)
		rec("ok", ok)
		return ok
	case "unanswerable":
		ok := !(q && r.Answered)
		rec("no false answer", ok)
		return ok
	case "smalltalk":
		ok := contains(c.Intents, string(r.Intent))
		rec("ok", ok)
		return ok
	default:
		ok := string(r.Intent) == c.Kind
		rec("ok", ok)
		return ok
	}
}

func readCases(path string) ([]evalCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []evalCase
	in := bufio.NewReader(f)
	skipBOM(in)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c evalCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		if len(c.Turns) == 0 {
			return nil, fmt.Errorf("%s:%d: case has no turns", path, n)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, n+1, err)
	}
	return cases, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
