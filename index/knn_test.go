package index

import (
	"context"
	"fmt"
	"testing"

	"github.com/infusionbot/infusionbot/knowledge"
)

// A question worded like an example (a typo, other words around it) is
// supported towards that example's passage; an unrelated example gives its
// passage nothing.
func TestCloseExampleBeatsAnUnrelatedOne(t *testing.T) {
	ps := Cut(sampleDocs())
	dizzy, session := ps[2].ID, ps[5].ID // "Mild dizziness…", "Typical Session Time…"
	ex := NewExamples([]Example{
		{Passage: dizzy, Text: "does the drip make your head spin"},
		{Passage: session, Text: "how long am i sitting there for"},
	})
	ix, err := Open(context.Background(), sampleDocs(), Options{Examples: ex})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	kn := ix.neighbours(spellOut(words("will the drip make ur head spinn?"), nil), nil)
	support := map[string]float64{}
	for _, s := range kn.support {
		support[ix.passages[s.passage].ID] = s.support
	}
	if support[dizzy] <= 0.3 || support[session] != 0 || kn.top < support[dizzy] {
		t.Errorf("support %v, top %.2f: want %s well supported, %s not at all", support, kn.top, dizzy, session)
	}
	res, err := ix.Search(context.Background(), "will the drip make ur head spinn?", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != dizzy || res.Hits[0].KNN <= 0 || res.KNNTop != kn.top {
		t.Errorf("hits %+v (KNNTop %.2f), want %s first with its support", res.Hits, res.KNNTop, dizzy)
	}
	// Nothing like any example: no neighbour.
	if kn := ix.neighbours(words("xylophone quartz"), nil); kn.support != nil || kn.top != 0 {
		t.Errorf("an unrelated question has neighbours: %+v", kn)
	}
}

// An example about a passage the knowledge lacks (another clinic's article,
// one since removed) is dropped and counted; with none left the index has
// no neighbour signal, and ranks as the words make it.
func TestExamplesForPassagesTheKnowledgeLacksAreDropped(t *testing.T) {
	ps := Cut(sampleDocs())
	ex := NewExamples([]Example{
		{Passage: ps[2].ID, Text: "does the drip make your head spin"},
		{Passage: "gone#passage/9", Text: "how long am i sitting there for"},
	})
	ix, err := Open(context.Background(), sampleDocs(), Options{Examples: ex})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if used, dropped := ix.ExampleCount(); used != 1 || dropped != 1 {
		t.Errorf("ExampleCount = %d used, %d dropped; want 1, 1", used, dropped)
	}
	if kn := ix.neighbours(words("how long am i sitting there for"), nil); kn.support != nil {
		t.Errorf("the dropped example's question has support %+v", kn.support)
	}

	none := NewExamples([]Example{{Passage: "gone#passage/9", Text: "how long am i sitting there for"}})
	ix2, err := Open(context.Background(), sampleDocs(), Options{Examples: none})
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if used, dropped := ix2.ExampleCount(); used != 0 || dropped != 1 {
		t.Errorf("ExampleCount = %d used, %d dropped; want 0, 1", used, dropped)
	}
	res, err := ix2.Search(context.Background(), "how long am i sitting there for", 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.KNN != 0 {
			t.Errorf("%s has support %.2f from no example", h.ID, h.KNN)
		}
	}
}

// The committed bank parses, and the embedded articles keep every one of
// its examples (examplesgen only writes examples about their passages).
func TestDefaultExamplesAreAboutTheEmbeddedArticles(t *testing.T) {
	ix := openEmbedded(t)
	used, dropped := ix.ExampleCount()
	unanswered := 0
	for _, e := range DefaultExamples().list {
		if e.Unanswerable {
			unanswered++
		}
	}
	if unanswered == 0 || used+unanswered != DefaultExamples().Len() || dropped != 0 {
		t.Errorf("ExampleCount = %d used, %d dropped, %d asked unanswered of %d", used, dropped, unanswered, DefaultExamples().Len())
	}
}

// A question close to one the articles were asked and do not answer says
// so (KNNUnanswerable), and one close to an answered example does not more
// than its answered neighbour; once the knowledge holds what made the
// example unanswerable (a clinic's article about it), the example says
// nothing.
func TestQuestionsAskedUnansweredAreNeighboursToo(t *testing.T) {
	ps := Cut(sampleDocs())
	ex := NewExamples([]Example{
		{Passage: ps[2].ID, Text: "does the lidocaine drip make you dizzy"},
		{Text: "does the magnesium drip make you dizzy", Unanswerable: true},
		{Text: "how long is a lidocaine session", Unanswerable: true}, // every rare word known: says nothing
	})
	ix, err := Open(context.Background(), sampleDocs(), Options{Examples: ex})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ask := func(ix *Index, q string) Result {
		t.Helper()
		res, err := ix.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := ask(ix, "can a magnesium drip make u dizzy?"); res.KNNUnanswerable < 0.5 || res.KNNUnanswerable <= res.KNNTop {
		t.Errorf("magnesium: unanswered neighbour %.2f, answered %.2f; want the unanswered one close, closer", res.KNNUnanswerable, res.KNNTop)
	}
	if res := ask(ix, "can a lidocaine drip make u dizzy?"); res.KNNTop <= res.KNNUnanswerable {
		t.Errorf("lidocaine: unanswered neighbour %.2f, answered %.2f; want the answered one closer", res.KNNUnanswerable, res.KNNTop)
	}
	if res := ask(ix, "how long is a lidocaine session?"); res.KNNUnanswerable != 0 {
		t.Errorf("an example with every word known counts: %.2f", res.KNNUnanswerable)
	}
	docs := sampleDocs()
	docs[0].Sections[1].Blocks = append(docs[0].Sections[1].Blocks,
		knowledge.Block{Kind: knowledge.Paragraph, Text: "Magnesium infusions may cause warmth and dizziness."})
	ix2, err := Open(context.Background(), docs, Options{Examples: ex})
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if res := ask(ix2, "can a magnesium drip make u dizzy?"); res.KNNUnanswerable != 0 {
		t.Errorf("with an article on magnesium, the unanswered example still counts: %.2f", res.KNNUnanswerable)
	}
}

// The grams of a word are its padded letter 4-grams, a short word whole.
func TestQuestionFeatures(t *testing.T) {
	ws, gs := questionFeatures(words("Lidocaine? IV iv"))
	if fmt.Sprint(ws) != "[{lidoca 1} {iv 1.6931471805599454}]" {
		t.Errorf("words %v", ws)
	}
	if fmt.Sprint(gs) != "[{#lid 1} {lido 1} {idoc 1} {doca 1} {ocai 1} {cain 1} {aine 1} {ine# 1} {#iv# 1.6931471805599454}]" {
		t.Errorf("grams %v", gs)
	}
}

func ExampleIndex_Search_neighbours() {
	ps := Cut(sampleDocs())
	ex := NewExamples([]Example{{Passage: ps[5].ID, Text: "how long am i sitting there"}})
	ix, err := Open(context.Background(), sampleDocs(), Options{Examples: ex})
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	res, _ := ix.Search(context.Background(), "how long am i sittin there", 1)
	fmt.Printf("%s (neighbour support %.2f)\n", res.Hits[0].Text, res.Hits[0].KNN)
	// Output: Typical Session Time | 30–60 minutes (neighbour support 0.93)
}

func TestWithoutLeavesTheNamedSetsOut(t *testing.T) {
	e := NewExamples([]Example{
		{Passage: "a/0", Text: "how long is a session", Set: "one"},
		{Passage: "a/1", Text: "does it hurt", Set: "two"},
		{Passage: "a/2", Text: "is it safe", Set: "three"},
	})
	e.Weight = 1.5
	e.MaxWordShare, e.MaxGramShare = 0.9, 0.8
	w := e.Without("one", "three")
	if w.Len() != 1 || w.list[0].Set != "two" || w.Weight != 1.5 {
		t.Fatalf("Without(one, three) = %d examples %+v at weight %v, want the one of set two at 1.5", w.Len(), w.list, w.Weight)
	}
	// A share of 0 would leave every word and gram out of a bank of 50
	// questions or more: no neighbour at all.
	if w.MaxWordShare != 0.9 || w.MaxGramShare != 0.8 {
		t.Fatalf("Without kept shares %v, %v, want e's 0.9, 0.8", w.MaxWordShare, w.MaxGramShare)
	}
	if e.Len() != 3 {
		t.Fatalf("Without changed the bank it was called on: %d examples", e.Len())
	}
}
