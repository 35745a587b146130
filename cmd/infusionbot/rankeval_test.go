package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/internal/sharedfiles"
)

// rankFloor is the least share of single-turn answer cases whose right
// passage the search must rank first, per case set: ranking alone, before
// the bot decides whether to answer. A set the nearest-neighbour bank
// holds examples of (index/examples.jsonl) is ranked by a bank leaving
// that set out, as a question nobody wrote an example for is at run time:
// with its own examples each question finds its twin (qa_final2 87%,
// qa_train 84%), which measures the bank, not the ranking.
var rankFloor = map[string]float64{
	"testdata/regression.jsonl": 0.85,
	"eval/dev.jsonl":            0.8,
	// Ranked with the bank's other sets: 111 of 135 first when the bank
	// took it in; the floor leaves a few points (5 cases) of slack.
	"../../testdata/blind/qa_final2.jsonl": 0.78,
	// Written blind for training (testdata/qa_train), never tuned on by
	// hand: 305 of 540 first when it was added (before the bank); ranked
	// with the bank's other sets, 361 of 540 when the bank took it in; the
	// floor leaves a few points (20 cases) of slack.
	"../../testdata/qa_train/qa_train.jsonl": 0.63,
}

func TestRankFloors(t *testing.T) {
	t.Parallel()
	bank := index.DefaultExamples()
	// indexes are keyed by the set left out of the bank, "" for none.
	indexes := map[string]*index.Index{}
	defer func() {
		for _, ix := range indexes {
			ix.Close()
		}
	}()
	for name, floor := range rankFloor {
		path := name
		var err error
		if strings.HasPrefix(name, "eval/") {
			if path, err = sharedfiles.Path(name); err != nil {
				t.Fatal(err)
			}
		}
		set, banked := strings.TrimSuffix(filepath.Base(name), ".jsonl"), bank
		if without := bank.Without(set); without.Len() < bank.Len() {
			banked = without
		} else {
			set = ""
		}
		ix, ok := indexes[set]
		if !ok {
			if ix, err = (engineConfig{DataDir: t.TempDir(), Examples: banked}).openIndex(context.Background()); err != nil {
				t.Fatal(err)
			}
			indexes[set] = ix
		}
		f := rankFile(t, ix, path)
		if f.at1.n == 0 {
			t.Fatalf("%s: no single-turn answer cases", name)
		}
		heldOut := ""
		if set != "" {
			heldOut = fmt.Sprintf(" (held out of the bank: %d of %d examples)", banked.Len(), bank.Len())
		}
		t.Logf("%s: passage@1 %s, passage@5 %s%s", name, f.at1, f.at5, heldOut)
		if got := float64(f.at1.ok) / float64(f.at1.n); got < floor {
			t.Errorf("%s: right passage first for %s%s, below the floor of %.0f%%\n%s", name, f.at1, heldOut, 100*floor, strings.Join(f.misses, "\n"))
		}
		if f.at5.ok < f.at1.ok {
			t.Errorf("%s: passage@5 %s below passage@1 %s", name, f.at5, f.at1)
		}
	}
}

// TestSearchCases checks the figures `search --cases` prints on a case file
// whose answers a person can check by reading the articles.
func TestSearchCases(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.jsonl")
	lines := []string{
		`{"id":"a","kind":"answer","turns":["how long does a lidocaine infusion take"],"evidence":["30–60 minutes"]}`,
		`{"id":"b","kind":"answer","turns":["how long does a lidocaine infusion take"],"evidence":["no article says this"]}`,
		`{"id":"c","kind":"answer","turns":["tell me about lidocaine","how long?"],"evidence":["30-60 minutes"]}`,
		`{"id":"d","kind":"unanswerable","turns":["what is the dose"],"evidence":[]}`,
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := cliRun(t, "", "search", "--cases", "-v", path)
	if err != nil {
		t.Fatalf("search --cases: %v (stderr %q)", err, stderr)
	}
	// Only the two single-turn answer cases count; one holds evidence no
	// passage has, so it is a miss at every rank.
	for _, want := range []string{"passage@1 1/2 (50%)", "passage@5 1/2 (50%)", "MISS b rank 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "MISS a ") {
		t.Errorf("case a (the right passage is first) listed as a miss:\n%s", out)
	}
}

// TestSearchCasesBankWithout checks that search --cases -bank-without ranks
// a banked set held out, as TestRankFloors does, and refuses a set the bank
// holds no example of.
func TestSearchCasesBankWithout(t *testing.T) {
	t.Parallel()
	path := "../../testdata/blind/qa_final2.jsonl"
	out, stderr, err := cliRun(t, "", "search", "--cases", "-bank-without", "qa_final2", path)
	if err != nil {
		t.Fatalf("search --cases -bank-without: %v (stderr %q)", err, stderr)
	}
	ix, err := engineConfig{DataDir: t.TempDir(), Examples: index.DefaultExamples().Without("qa_final2")}.openIndex(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if want := "passage@1 " + rankFile(t, ix, path).at1.String(); !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if _, _, err := cliRun(t, "", "search", "--cases", "-bank-without", "qa_nosuch", path); err == nil || !strings.Contains(err.Error(), "qa_nosuch") {
		t.Errorf("-bank-without qa_nosuch: err %v, want one naming the set", err)
	}
}

// rankFile ranks the cases of the file at path with ix, as search --cases does.
func rankFile(t *testing.T, ix *index.Index, path string) rankFigures {
	t.Helper()
	cases, err := readCases(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := rankCases(context.Background(), ix, cases)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
