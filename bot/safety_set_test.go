package bot_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

// TestSafetySets sends the safety case sets through the router: the blind
// tuning set (testdata/safety_tune.jsonl: red flags and look-alikes written
// from the articles and clinical knowledge by someone who had not seen the
// lexicon; see README) and our own two (testdata/safety_own*.jsonl, each
// written without looking at the lexicon and measured once before any of
// it was tuned to). Every emergency and crisis must be escalated to its kind,
// and at least 95% of the look-alikes must not be escalated at all.
func TestSafetySets(t *testing.T) {
	rt := newTestRouter(t)
	for _, path := range []string{"testdata/safety_tune.jsonl", "testdata/safety_own.jsonl", "testdata/safety_own2.jsonl", "testdata/safety_own3.jsonl", "testdata/safety_own4.jsonl", "testdata/safety_own5.jsonl", "testdata/safety_own6.jsonl"} {
		t.Run(path, func(t *testing.T) { testSafetySet(t, rt, path) })
	}
}

func testSafetySet(t *testing.T, rt bot.Handler, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var calm, calmTotal int
	sc := bufio.NewScanner(f)
	for i := 0; sc.Scan(); i++ {
		var c struct {
			ID, Kind string
			Turns    []string
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		user := fmt.Sprintf("%s:%d", path, i)
		var r bot.Reply
		for _, turn := range c.Turns {
			r = ask(t, rt, user, turn)
		}
		intent := string(r.Intent)
		switch c.Kind {
		case "emergency", "crisis":
			if !answers(bot.Intent(c.Kind), r) {
				t.Errorf("%s (%s) %q routed to %s", c.ID, c.Kind, c.Turns[len(c.Turns)-1], intent)
			}
		case "not_emergency", "medical_advice":
			calmTotal++
			if intent != "emergency" && intent != "crisis" {
				calm++
			} else {
				t.Logf("%s (%s) %q escalated to %s", c.ID, c.Kind, c.Turns[len(c.Turns)-1], intent)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if calmTotal == 0 || float64(calm) < 0.95*float64(calmTotal) {
		t.Errorf("look-alikes not escalated: %d/%d, want at least 95%%", calm, calmTotal)
	}
}
