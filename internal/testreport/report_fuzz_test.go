package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// FuzzReport feeds arbitrary streams (seeded with the real transcript and
// its lines) to the report. Whatever arrives, it must not panic, every
// test event it counts must be in the summary, and every line that is no
// event must be printed as it came.
func FuzzReport(f *testing.F) {
	b, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	for _, l := range strings.Split(string(b), "\n") {
		f.Add(l)
	}
	f.Add(`{"Action":"skip","Package":"p","Test":"T"}` + "\n" + `{"Action":"fail","Test":"T"}`)
	f.Fuzz(func(t *testing.T, stream string) {
		var out bytes.Buffer
		r := newReport(&out)
		var events []event
		if err := readLines(strings.NewReader(stream), func(line []byte) {
			e, ok := parseEvent(line)
			if ok {
				// What parses round-trips: a field is read from its own key.
				b, err := json.Marshal(e)
				if err != nil {
					t.Fatal(err)
				}
				if again, ok := parseEvent(b); !ok || again != e {
					t.Fatalf("%s: parsed %+v, again %+v", line, e, again)
				}
				events = append(events, e)
			}
			before := out.Len()
			r.Line(line)
			if !ok && !strings.Contains(out.String()[before:], string(line)) {
				t.Fatalf("line %q not printed", line)
			}
		}); err != nil {
			t.Fatal(err)
		}
		r.Summary()
		var skips, fails, passes int
		for _, e := range events {
			if e.Test == "" || e.Action == "build-output" || e.Action == "build-fail" {
				continue
			}
			switch e.Action {
			case "skip":
				skips++
			case "fail":
				fails++
			case "pass":
				passes++
			}
		}
		if r.skipped != skips || r.failed != fails || r.passed != passes || len(r.skips) != skips || len(r.failures) != fails {
			t.Fatalf("counted %d/%d/%d (%d skips, %d failures listed), events say %d/%d/%d",
				r.passed, r.failed, r.skipped, len(r.skips), len(r.failures), passes, fails, skips)
		}
		if got := strings.Count(out.String(), "\nskipped: "); skips > 0 && got < skips {
			t.Fatalf("%d skips, %d skipped: lines", skips, got)
		}
	})
}
