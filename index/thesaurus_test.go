package index

import (
	"context"
	"slices"
	"testing"

	"github.com/infusionbot/infusionbot/knowledge"
)

// A word the articles lack reaches a passage through a WordNet synonym the
// articles hold, and ranks it first; it still counts as missing when the
// bot weighs whether the articles answer.
func TestThesaurusBridgesAWordTheArticlesLack(t *testing.T) {
	t.Parallel()
	docs := []knowledge.Document{{
		Path: "care/visits", Title: "Visits", Source: "Test Clinic",
		Sections: []knowledge.Section{
			{Heading: "Parking", Anchor: "parking", Level: 2, Blocks: []knowledge.Block{
				{Kind: knowledge.Paragraph, Text: "Parking is free for patients at the clinic."},
			}},
			{Heading: "Your Visit", Anchor: "your-visit", Level: 2, Blocks: []knowledge.Block{
				{Kind: knowledge.Paragraph, Text: "Each session is held in a quiet room at the clinic."},
			}},
		},
	}}
	ix, err := Open(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), "clinic sitting", 2)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(res.Terms, func(t Term) bool { return t.Word == "sitting" })
	if i < 0 || !slices.Contains(res.Terms[i].Alternatives, "session") || res.Terms[i].Known {
		t.Fatalf("sitting: want the synonym session, and still unknown; terms %+v", res.Terms)
	}
	if len(res.Hits) < 2 || res.Hits[0].Section != "Your Visit" {
		t.Fatalf("the session passage is not first: %+v", res.Hits)
	}
	if res.Hits[0].Coverage != res.Hits[1].Coverage {
		t.Errorf("coverage %.2f and %.2f: a synonym counted as the word itself", res.Hits[0].Coverage, res.Hits[1].Coverage)
	}
	// An everyday word's synonyms are not used ("put" is not "place").
	if ts := ix.Analyze("put"); len(ts) == 1 && ts[0].bridged {
		t.Errorf("put bridged to %v", ts[0].Alternatives)
	}
}
