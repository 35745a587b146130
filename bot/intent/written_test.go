package intent

import (
	"strings"
	"testing"
)

func TestAddJSONL(t *testing.T) {
	base := func() *Data {
		return &Data{Examples: []Example{{Intent: "greeting", Text: "hello there", Line: 3}}}
	}
	tests := []struct {
		name, text string
		excluded   map[string]bool
		wantErr    string
		want       []string // texts added, in order
	}{
		{name: "added", text: `{"id": "a", "intent": "thanks", "text": "cheers mate"}` + "\n" + `{"id": "b", "intent": "clinic", "text": "do u take insurance"}`,
			want: []string{"cheers mate", "do u take insurance"}},
		{name: "same words, same intent: nothing new", text: `{"id": "a", "intent": "greeting", "text": "Hello, there!"}`},
		{name: "same words, other intent", text: `{"id": "a", "intent": "thanks", "text": "hello there"}`,
			wantErr: `w.jsonl:1: "hello there" is thanks here and greeting at line 3`},
		{name: "unknown intent", text: `{"id": "a", "intent": "weather", "text": "rain?"}`, wantErr: `w.jsonl:1: unknown intent "weather"`},
		{name: "not json", text: "\n{oops", wantErr: "w.jsonl:2:"},
		{name: "excluded", text: `{"id": "a", "intent": "thanks", "text": "ta"}` + "\n" + `{"id": "b", "intent": "thanks", "text": "ty"}`,
			excluded: map[string]bool{"a": true}, want: []string{"ty"}},
		{name: "excluded id not in the file", text: `{"id": "a", "intent": "thanks", "text": "ta"}`,
			excluded: map[string]bool{"z": true}, wantErr: "excluded id z is not in the file", want: []string{"ta"}},
		{name: "no letters", text: `{"id": "a", "intent": "greeting", "text": "👋"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			err := d.AddJSONL("w.jsonl", tt.text, tt.excluded)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Examples[1:] {
				got = append(got, e.Text)
				if e.File != "w.jsonl" {
					t.Errorf("%q: file %q, want w.jsonl", e.Text, e.File)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("added %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExcludedIDsNeedAReason(t *testing.T) {
	ids, err := ExcludedIDs("# comment\nit-1 aftercare in general\n\nit-2  prep\n")
	if err != nil || !ids["it-1"] || !ids["it-2"] || len(ids) != 2 {
		t.Fatalf("%v, %v; want it-1 and it-2", ids, err)
	}
	if _, err := ExcludedIDs("it-3\n"); err == nil || !strings.Contains(err.Error(), "line 1: it-3 is left out without a reason") {
		t.Errorf("no reason: %v", err)
	}
}

// TestDefaultDataHoldsTheWrittenExamples: the bot learns from the examples
// written blind as well as from examples.txt, and leaves out the excluded ones.
func TestDefaultDataHoldsTheWrittenExamples(t *testing.T) {
	d := DefaultData()
	byText := map[string]Example{}
	for _, e := range d.Examples {
		byText[e.Text] = e
	}
	for _, tt := range []struct {
		text, intent string
		in           bool
	}{
		{"can i smoke weed after ketamine lol", "medical_advice", true},
		{"do u take BUPA", "clinic", true},
		{"can i fly the day after ketamine", "", false}, // it-0193, excluded: aftercare in general
	} {
		e, ok := byText[tt.text]
		switch {
		case ok != tt.in:
			t.Errorf("%q in the data: %v, want %v", tt.text, ok, tt.in)
		case ok && (e.Intent != tt.intent || e.File != "training/intent_train.jsonl"):
			t.Errorf("%q: %s from %q, want %s from training/intent_train.jsonl", tt.text, e.Intent, e.File, tt.intent)
		}
	}
}
