package index

import (
	"context"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/knowledge"
)

func TestLearnAssociationsFromAnsweredQuestions(t *testing.T) {
	t.Parallel()
	ix := openSample(t)
	var exs []AssocExample
	for _, q := range []string{"will lidocaine make me sick", "do u get sick after it", "feeling sick after a drip, normal?"} {
		exs = append(exs, AssocExample{Question: q, Sentences: []string{"Temporary nausea."}})
	}
	for _, q := range []string{"how long does it take", "will it take all day", "does a session take ages"} {
		exs = append(exs, AssocExample{Question: q, Sentences: []string{"Typical Session Time | 30–60 minutes"}})
	}
	a := ix.LearnAssociations(exs, AssocParams{MinSource: 3, MinPair: 2, MaxTargets: 5})
	targets := func(src string) []string {
		var out []string
		for _, t := range a.by[src] {
			out = append(out, t.stem)
		}
		return out
	}
	for _, c := range []struct {
		src       string
		want, not string
	}{
		{"sick", "nausea", "minut"},
		{"take", "minut", "nausea"}, // an everyday word the terms leave out
	} {
		got := targets(c.src)
		if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+c.want+" ") || strings.Contains(" "+strings.Join(got, " ")+" ", " "+c.not+" ") {
			t.Errorf("%s: associated with %v, want %s and not %s", c.src, got, c.want, c.not)
		}
	}
	if got := targets("session"); len(got) > 0 {
		// "session" is in the answer as asked: the coverage counts it.
		for _, s := range got {
			if s == "session" {
				t.Errorf("session associated with itself")
			}
		}
	}
	// The file format keeps what was learned.
	b, err := ParseAssociations(a.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if b.Encode() != a.Encode() || b.Len() != a.Len() || a.Len() == 0 {
		t.Errorf("round trip changed the associations:\n%s\n---\n%s", a.Encode(), b.Encode())
	}
	if _, err := ParseAssociations("sick\tnausea:x\n"); err == nil {
		t.Error("a bad weight was accepted")
	}
}

// Two passages hold a question's words alike; the one holding what the
// question's other words are answered with comes first, unless the
// question holds too little of the articles to be answered at all.
func TestAssociationsOrderWellCoveredCandidates(t *testing.T) {
	t.Parallel()
	docs := []knowledge.Document{{
		Path: "care/lidocaine", Title: "Clinic Notes", Source: "Test Clinic",
		Sections: []knowledge.Section{{Heading: "Notes", Anchor: "notes", Level: 1, Blocks: []knowledge.Block{
			{Kind: knowledge.Paragraph, Text: "Lidocaine infusions are given in our clinic."},
			{Kind: knowledge.Paragraph, Text: "Lidocaine infusions may bring mild nausea."},
		}}},
	}}
	a, err := ParseAssociations("#weight 0.05\nfeel\tnausea:1.000\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		assoc *Associations
		q     string
		first string
	}{
		{"without associations the earlier passage wins the tie", &Associations{}, "how do lidocaine infusions feel", "given in our clinic"},
		{"with them the associated one", a, "how do lidocaine infusions feel", "mild nausea"},
		{"not for a question the articles hardly cover", a, "how do lidocaine infusions feel during pregnancy and breastfeeding", "given in our clinic"},
	} {
		ix, err := Open(context.Background(), docs, Options{Associations: c.assoc})
		if err != nil {
			t.Fatal(err)
		}
		res, err := ix.Search(context.Background(), c.q, 2)
		ix.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, c.first) {
			t.Errorf("%s: %q ranked %v first, want the passage with %q", c.name, c.q, res.Hits, c.first)
		}
	}
}
