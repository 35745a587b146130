package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAskJSONChoices: a question that fits different things gets a
// "choices" array beside the usual fields, and sending a choice's text as
// the next message answers from that choice's passage.
func TestAskJSONChoices(t *testing.T) {
	t.Parallel()
	first, _, err := cliRun(t, cliLine("p", "what are the side effects?")+"\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	type reply struct {
		Answered  bool `json:"answered"`
		Citations []struct {
			ID string `json:"id"`
		} `json:"citations"`
		Choices []struct {
			Label string `json:"label"`
			Text  string `json:"text"`
		} `json:"choices"`
	}
	var r reply
	if err := json.Unmarshal([]byte(first), &r); err != nil {
		t.Fatal(err)
	}
	if got := cliKeys(t, []byte(strings.TrimSpace(first))); len(got) != 7 {
		t.Errorf("reply fields %v: want the six of the schema and choices", got)
	}
	if len(r.Choices) < 2 || len(r.Citations) != len(r.Choices) {
		t.Fatalf("want choices, one citation each: %.500s", first)
	}
	last := r.Choices[len(r.Choices)-1]
	out, _, err := cliRun(t, cliLine("p", "what are the side effects?")+"\n"+cliLine("p", last.Text)+"\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := cliLines(t, out)
	if len(lines) != 2 {
		t.Fatalf("%d replies for 2 messages", len(lines))
	}
	var picked reply
	if err := json.Unmarshal([]byte(lines[1]), &picked); err != nil {
		t.Fatal(err)
	}
	if !picked.Answered || len(picked.Choices) != 0 || len(picked.Citations) == 0 || picked.Citations[0].ID != r.Citations[len(r.Citations)-1].ID {
		t.Errorf("picking %q (%s) did not answer from its passage %s: %.500s", last.Text, last.Label, r.Citations[len(r.Citations)-1].ID, lines[1])
	}
}
