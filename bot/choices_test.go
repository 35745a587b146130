package bot_test

import (
	"strings"
	"testing"
)

// TestAmbiguousQuestionOffersChoices: "what are the side effects?" with
// nothing before it fits the side effects of more than one thing; the reply
// offers them, numbered, each quoted and cited, and the number picks one.
func TestAmbiguousQuestionOffersChoices(t *testing.T) {
	rt := newTestRouter(t)
	articles := articleText(t)
	r := ask(t, rt, "c", "what are the side effects?")
	if !r.Answered || len(r.Choices) < 2 || len(r.Choices) != len(r.Citations) {
		t.Fatalf("want two or more choices, one citation each:\n%s\n%+v", r.Text(), r.Choices)
	}
	labels := map[string]bool{}
	ketamine := ""
	for i, c := range r.Choices {
		if labels[c.Label] {
			t.Errorf("choice %d repeats the label %q", i+1, c.Label)
		}
		labels[c.Label] = true
		if c.Text != itoa(i+1) || !strings.Contains(r.Body, c.Text+". "+c.Label) {
			t.Errorf("choice %d (%q, picked by %q) is not listed by its number in the body:\n%s", i+1, c.Label, c.Text, r.Body)
		}
		assertVerbatim(t, articles, r.Citations[i].Snippet)
		if strings.Contains(c.Label, "Ketamine") {
			ketamine = c.Text
		}
	}
	if ketamine == "" {
		t.Fatalf("no choice is about ketamine's side effects: %+v", r.Choices)
	}
	picked := ask(t, rt, "c", ketamine)
	if !picked.Answered || len(picked.Choices) != 0 || !strings.Contains(picked.Citations[0].Snippet, "dissociation") {
		t.Fatalf("picking %q did not answer from ketamine's side effects:\n%s", ketamine, picked.Text())
	}
	// The conversation goes on about what was picked.
	if r := ask(t, rt, "c", "how long does it take?"); !r.Answered || !strings.Contains(r.Citations[0].Snippet, "1–4 hours") {
		t.Errorf("after picking ketamine, \"how long does it take?\" was not about ketamine:\n%s", r.Text())
	}
	// A number with no choices pending is an ordinary message.
	if r := ask(t, rt, "c", ketamine); r.Answered && r.Citations[0].Snippet == picked.Citations[0].Snippet {
		t.Errorf("%q picked a choice no longer offered:\n%s", ketamine, r.Text())
	}
}

func TestQuestionNamingItsTopicGetsNoChoices(t *testing.T) {
	rt := newTestRouter(t)
	for _, q := range []string{
		"What are the side effects of lidocaine infusions?",
		"How long does a ketamine infusion last?",
		"what is crps",
	} {
		if r := ask(t, rt, "n", q); len(r.Choices) != 0 {
			t.Errorf("%q names what it asks about, yet was offered choices:\n%s", q, r.Text())
		}
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

// A person may answer "did you mean" in words: "the ketamine one" asks
// the same question about ketamine.
func TestChoiceAnsweredInWords(t *testing.T) {
	rt := newTestRouter(t)
	if r := ask(t, rt, "w", "what are the side effects?"); len(r.Choices) < 2 {
		t.Fatalf("no choices offered:\n%s", r.Text())
	}
	if r := ask(t, rt, "w", "the ketamine one"); !r.Answered || !strings.Contains(r.Citations[0].Snippet, "dissociation") {
		t.Errorf("\"the ketamine one\" did not answer with ketamine's side effects:\n%s", r.Text())
	}
}
