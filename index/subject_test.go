package index

import (
	"context"
	"strings"
	"testing"
)

// firstSection is the section anchor of the passage ranked first for q.
func firstSection(t *testing.T, ix *Index, q string) string {
	t.Helper()
	res, err := ix.Search(context.Background(), q, 3)
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("%q: no hit (%v)", q, err)
	}
	return res.Hits[0].Anchor
}

func withWeightSubject(w float64, f func()) {
	old := weightSubject
	weightSubject = w
	defer func() { weightSubject = old }()
	f()
}

// The subjects are read off the articles' headings: lidocaine and ketamine,
// the slot in which "Benefits of Lidocaine Infusions" and "Benefits of
// Ketamine Infusions" differ. A section under "Lidocaine Infusions" is
// about lidocaine, the comparison of the two about both, the general
// article's sections about neither.
func TestSubjectsComeFromTheHeadings(t *testing.T) {
	ix := openEmbedded(t)
	si := ix.subjects()
	names := map[int]string{}
	for k, st := range si.keys {
		names[k] = strings.Join(st, " ")
	}
	if len(si.keys) != 2 || !containsAll(names, "lidocain", "ketamin") {
		t.Fatalf("subjects = %v, want lidocaine and ketamine", names)
	}
	of := func(anchor string) []string {
		for i, p := range ix.passages {
			if p.Anchor == anchor {
				var out []string
				for _, k := range si.passage[i] {
					out = append(out, names[k])
				}
				return out
			}
		}
		t.Fatalf("no section %s", anchor)
		return nil
	}
	if got := of("potential-side-effects"); len(got) != 1 || got[0] != "lidocain" {
		t.Errorf("lidocaine's side effects are about %v", got)
	}
	if got := of("lidocaine-vs-ketamine-which-is-right-for-you"); len(got) != 2 {
		t.Errorf("the comparison is about %v, want both", got)
	}
	if got := of("the-infusion-therapy-process"); len(got) != 0 {
		t.Errorf("the general process is about %v, want no subject", got)
	}
}

func containsAll(m map[int]string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, v := range m {
			found = found || v == w
		}
		if !found {
			return false
		}
	}
	return true
}

// "does lidocaine work for CRPS": a paragraph naming every IV drug and
// CRPS holds as much of the question as the list of conditions under
// "Lidocaine Infusions", whose items do not repeat the drug's name. The
// section whose heading names the drug asked about comes first; asked of
// ketamine, the ketamine section, never the lidocaine one. Without the
// subject weight the general paragraph led (the test fails then).
func TestSubjectOfTheHeadingsAgreesWithTheQuestion(t *testing.T) {
	ix := openEmbedded(t)
	cases := []struct{ q, want string }{
		{"does lidocaine work for CRPS", "conditions-treated-with-lidocaine-infusions"},
		{"does ketamine work for CRPS", "conditions-treated-with-ketamine-infusions"},
		// The lidocaine section before the table comparing both drugs.
		{"how soon does lidocaine start working", "benefits-of-lidocaine-infusions"},
		{"how soon does ketamine start working", "benefits-of-ketamine-infusions"},
	}
	for _, c := range cases {
		if got := firstSection(t, ix, c.q); got != c.want {
			t.Errorf("%q: first from %s, want %s", c.q, got, c.want)
		}
	}
	withWeightSubject(0, func() {
		if got := firstSection(t, ix, cases[0].q); got == cases[0].want {
			t.Errorf("%q: %s first even without the subject weight: the test checks nothing", cases[0].q, got)
		}
	})
}

// A question that names no subject is ranked as without the weight: the
// general section and a drug's may both answer it.
func TestQuestionWithoutSubjectKeepsItsOrder(t *testing.T) {
	ix := openEmbedded(t)
	for _, q := range []string{"what conditions can infusions treat", "how long does an infusion session take", "side effects?"} {
		res, err := ix.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		var plain Result
		withWeightSubject(0, func() { plain, err = ix.Search(context.Background(), q, 5) })
		if err != nil {
			t.Fatal(err)
		}
		for k := range res.Hits {
			if res.Hits[k].ID != plain.Hits[k].ID {
				t.Errorf("%q: rank %d is %s, %s without the subject weight", q, k+1, res.Hits[k].ID, plain.Hits[k].ID)
			}
		}
	}
}

// "who is infusion therapy an ideal option for": the section saying
// infusion therapy "is an ideal option for patients who …" holds the words
// side by side; the "Is Infusion Therapy Right for You?" paragraph holds
// them too, apart. Without the proximity weight the second led.
func TestAdjacentWordsOfTheQuestionSideBySide(t *testing.T) {
	ix := openEmbedded(t)
	const q, want = "who is infusion therapy an ideal option for", "infusion-therapy-vs-other-pain-management-treatments"
	if got := firstSection(t, ix, q); got != want {
		t.Errorf("%q: first from %s, want %s", q, got, want)
	}
	old := weightProximity
	weightProximity = 0
	defer func() { weightProximity = old }()
	if got := firstSection(t, ix, q); got == want {
		t.Errorf("%q: %s first even without the proximity weight: the test checks nothing", q, got)
	}
}

// A pair counts side by side only, in the field it is found in.
func TestPairShare(t *testing.T) {
	terms := []Term{{Word: "ideal", stems: [][]string{{"ideal"}}}, {Word: "option", stems: [][]string{{"option"}}}}
	pairs := queryPairs(terms)
	side := fieldStems{text: stemSet("an ideal option for many")}
	apart := fieldStems{text: stemSet("ideal for some patients, an option for others")}
	head := fieldStems{text: stemSet("for others"), heading: stemSet("The Ideal Option")}
	if got := pairShare(side, pairs); got != 1 {
		t.Errorf("side by side: %v, want 1", got)
	}
	if got := pairShare(apart, pairs); got != 0 {
		t.Errorf("apart: %v, want 0", got)
	}
	if got := pairShare(head, pairs); got != weightInHeading {
		t.Errorf("in the heading: %v, want %v", got, weightInHeading)
	}
}
