package index

import (
	"context"
	"testing"
)

func TestAlternativeQuestionsAnswerFromTheirPassage(t *testing.T) {
	ps := Cut(sampleDocs())
	effects := ps[4].ID // "These effects are typically short-lived."
	ix, err := Open(context.Background(), sampleDocs(), Options{Questions: map[string][]string{
		effects:          {"How soon does the wooziness wear off?"},
		"gone#passage/9": {"Anything"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if u := ix.UnknownQuestionPassages(); len(u) != 1 || u[0] != "gone#passage/9" {
		t.Errorf("UnknownQuestionPassages = %v", u)
	}
	for _, q := range []string{"How soon does the wooziness wear off?", "when does wooziness wear off", "does the wooziness wear off soon?"} {
		res, err := ix.Search(context.Background(), q, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != effects || res.Hits[0].Coverage < questionMatchCoverage {
			t.Errorf("%q: hits %+v, want %s first with full coverage", q, res.Hits, effects)
		}
		for _, term := range res.Terms {
			if term.Word == "wooziness" && (!term.Known || term.Corrected != "") {
				t.Errorf("%q: the linked question's word %+v is not known as typed", q, term)
			}
		}
	}
	// Without the link, the same index knows nothing of it.
	plain := openSample(t)
	if res, _ := plain.Search(context.Background(), "How soon does the wooziness wear off?", 3); len(res.Hits) > 0 && res.Hits[0].ID == effects && res.Hits[0].Coverage >= questionMatchCoverage {
		t.Errorf("without the alternative question the passage already answers it: the test shows nothing")
	}
	// A question sharing one word is not answered from it.
	res, _ := ix.Search(context.Background(), "what should I wear?", 3)
	for _, h := range res.Hits {
		if h.ID == effects && h.Score > 1 {
			t.Errorf("an unrelated question ranks the linked passage first: %+v", h)
		}
	}
}
