package main

import (
	"strings"
	"testing"
)

// askFirstSnippet asks the embedded knowledge one question and returns the
// reply's text and its first citation's snippet.
func askFirstSnippet(t *testing.T, question string) (text, snippet string) {
	t.Helper()
	out, stderr, err := cliRun(t, cliLine("u", question), "ask", "--json")
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	r := cliDecodeReply(t, cliLines(t, out)[0])
	if !r.Answered || len(r.Citations) == 0 {
		t.Fatalf("%q not answered:\n%s", question, r.Text)
	}
	return r.Text, r.Citations[0].Snippet
}

// TestAListItemIsQuotedUnderItsLeadIn: asked about one side effect, the
// answer quotes the item that names it under the line that says what the
// list is ("… side effects may include:"), not the item alone; asked about
// the whole list, it quotes the list, the lead-in line once.
func TestAListItemIsQuotedUnderItsLeadIn(t *testing.T) {
	const lead = "Ketamine infusions are safe when administered in a controlled setting, but side effects may include:"
	_, sn := askFirstSnippet(t, "could ketamine make me throw up")
	if want := lead + "\n- Mild nausea or vomiting."; !strings.HasPrefix(sn, want) {
		t.Errorf("first citation %q, want it to start with %q", sn, want)
	}

	text, sn := askFirstSnippet(t, "what are the side effects of ketamine infusions?")
	for _, item := range []string{"- Temporary dissociation", "- Mild nausea or vomiting.", "- Hallucinations in rare cases."} {
		if !strings.Contains(sn, item) {
			t.Errorf("the whole list is asked for, the first citation lacks %q:\n%s", item, sn)
		}
	}
	if n := strings.Count(text, lead); n != 1 {
		t.Errorf("the lead-in line is shown %d times, want once:\n%s", n, text)
	}
}

// TestSentenceChoiceFollowsWhatIsAsked: within one paragraph the quote is
// the sentence that answers: what comes first for "what happens at the
// first appointment", not the sentence that merely says "first session";
// a sentence that refers back ("This oversight …") comes with the one it
// refers to. A question about the first session itself still gets it.
func TestSentenceChoiceFollowsWhatIsAsked(t *testing.T) {
	cases := []struct{ q, want, not string }{
		{"what happens at the first appointment", "typically begins with a consultation", "Once the plan is set"},
		{"can they change the dose while im getting it", "monitor patients closely and adjust treatment in real-time. This oversight", ""},
		{"where does the first session take place?", "schedules their first session, which usually takes place in a comfortable setting", ""},
	}
	for _, c := range cases {
		_, sn := askFirstSnippet(t, c.q)
		if !strings.Contains(sn, c.want) || (c.not != "" && strings.Contains(sn, c.not)) {
			t.Errorf("%q: first citation %q, want %q in it%s", c.q, sn, c.want, map[bool]string{true: ", not " + c.not}[c.not != ""])
		}
	}
}
