package trainset

import (
	"fmt"
	"io"

	"github.com/infusionbot/infusionbot/bot/answerability"
)

// Breakdown sorts the answerable cases of a set by where the bot loses
// them: whether the top-ranked passage holds the evidence, and what the
// answer decision then did with it. It tells a ranking loss (the right
// passage is not first) from a decision loss (it is first, and the bot
// abstains or quotes a sentence of it without the answer).
type Breakdown struct {
	Answerable int
	// Right: the first citation holds the evidence.
	Right int
	// TopAbstained: the top passage holds the evidence; the bot abstained.
	TopAbstained int
	// TopWrongQuote: the top passage holds the evidence and leads, but
	// the quote (its best sentences) lacks it.
	TopWrongQuote int
	// TopOtherLead: the top passage holds the evidence but another leads.
	TopOtherLead int
	// WrongAnswered: the top passage lacks the evidence; the bot answered
	// from a passage without it.
	WrongAnswered int
	// WrongAbstained: the top passage lacks the evidence; the bot abstained.
	// LowerHolds counts those where the second or third passage holds it.
	WrongAbstained, LowerHolds int
	// Undecided: the last turn never came to the answer decision (an
	// intent or a rule replied).
	Undecided int
	// Cases lists each answerable case's bucket and last turn, for -v.
	Cases []string
}

// BreakdownOf sorts the answerable decisions as m decides them.
func BreakdownOf(m *answerability.Model, ds []Decision) Breakdown {
	var b Breakdown
	for _, d := range ds {
		if !d.Case.Answerable() {
			continue
		}
		b.Answerable++
		last := d.Case.Turns[len(d.Case.Turns)-1]
		if d.Inputs == nil || d.Inputs[0] == nil {
			b.Undecided++
			b.Cases = append(b.Cases, fmt.Sprintf("undecided(%s) %q", d.Intent, last))
			continue
		}
		top := d.Inputs[0]
		holds := func(j int) bool {
			return j < len(top.Hits) && (d.Right[j] || holdsEvidence(top.Hits[j].Text, d.Case.Evidence))
		}
		lead, ok := m.Lead(*top)
		bucket := ""
		switch {
		case ok && lead < len(d.Right) && d.Right[lead]:
			b.Right++
			bucket = "right"
		case holds(0) && !ok:
			b.TopAbstained++
			bucket = "top-abstained"
		case holds(0) && lead == 0:
			b.TopWrongQuote++
			bucket = "top-wrong-quote"
		case holds(0):
			b.TopOtherLead++
			bucket = "top-other-lead"
		case ok:
			b.WrongAnswered++
			bucket = "wrong-answered"
		default:
			b.WrongAbstained++
			bucket = "wrong-abstained"
			if holds(1) || holds(2) {
				b.LowerHolds++
				bucket = "wrong-abstained-lower"
			}
		}
		b.Cases = append(b.Cases, fmt.Sprintf("%s %q", bucket, last))
	}
	return b
}

// Print writes the breakdown, one bucket a line, and with verbose each
// case's bucket and last turn.
func (b Breakdown) Print(w io.Writer, name string, verbose bool) {
	p := func(n int) string { return fmt.Sprintf("%4d (%4.1f%%)", n, pct(n, b.Answerable)) }
	fmt.Fprintf(w, "%s: %d answerable\n", name, b.Answerable)
	fmt.Fprintf(w, "  right (first citation holds the evidence) %s\n", p(b.Right))
	fmt.Fprintf(w, "  top passage holds it, abstained          %s\n", p(b.TopAbstained))
	fmt.Fprintf(w, "  top passage holds it, quote lacks it     %s\n", p(b.TopWrongQuote))
	fmt.Fprintf(w, "  top passage holds it, another leads      %s\n", p(b.TopOtherLead))
	fmt.Fprintf(w, "  top passage lacks it, answered wrong     %s\n", p(b.WrongAnswered))
	fmt.Fprintf(w, "  top passage lacks it, abstained          %s (2nd/3rd holds it: %d)\n", p(b.WrongAbstained), b.LowerHolds)
	fmt.Fprintf(w, "  never came to the decision               %s\n", p(b.Undecided))
	if verbose {
		for _, c := range b.Cases {
			fmt.Fprintln(w, "  "+c)
		}
	}
}
