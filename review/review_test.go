package review

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/store"
)

var t0 = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)

func ev(id int64, text string, minutes int) store.Event {
	return store.Event{ID: id, Kind: store.KindUnanswered, Text: text, Time: t0.Add(time.Duration(minutes) * time.Minute)}
}

func TestGroupsBySimilarity(t *testing.T) {
	events := []store.Event{
		ev(1, "Can I drive home after the infusion?", 0),
		ev(2, "Is there parking at the clinic?", 1),
		ev(3, "can I drive home after my infusion", 2),
		ev(4, "Can I drive home after the infusion?", 3),
		ev(5, "What should I wear?", 4),
	}
	var asked []string
	rank := RankerFunc(func(ctx context.Context, text string, k int) ([]Candidate, error) {
		asked = append(asked, text)
		return []Candidate{{ID: "doc#a/1", Score: 0.5}}, nil
	})
	groups, err := Groups(context.Background(), events, rank)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 3 {
		t.Fatalf("%d groups, want 3: %+v", len(groups), groups)
	}
	g := groups[0]
	want := Group{ID: "q1", Text: "Can I drive home after the infusion?", Count: 3, FirstSeen: t0, LastSeen: t0.Add(3 * time.Minute),
		Candidates: []Candidate{{ID: "doc#a/1", Score: 0.5}},
		Wordings:   []string{"Can I drive home after the infusion?", "can I drive home after my infusion"}, Events: []int64{1, 3, 4}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("first group = %+v\nwant %+v", g, want)
	}
	// Equal counts: the most recent first.
	if groups[1].ID != "q5" || groups[2].ID != "q2" {
		t.Errorf("order of the single questions: %s, %s; want q5 (newer) then q2", groups[1].ID, groups[2].ID)
	}
	if len(asked) != 3 {
		t.Errorf("ranked %d texts, want one per group", len(asked))
	}

	// A new wording joining the group keeps its id.
	more, _ := Groups(context.Background(), append(events, ev(9, "drive home after infusion?", 9)), nil)
	if more[0].ID != "q1" || more[0].Count != 4 {
		t.Errorf("after a new similar question, first group = %s ×%d, want q1 ×4", more[0].ID, more[0].Count)
	}
}

func TestQuestionsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb", QuestionsFile)
	if qs, err := ReadQuestions(path); err != nil || qs != nil {
		t.Fatalf("a missing file: %v, %v", qs, err)
	}
	if n, err := AddQuestions(path, "b#x/2", []string{"Can I drive?", "  can I   DRIVE? ", "May I drive home?"}); err != nil || n != 2 {
		t.Fatalf("AddQuestions = %d, %v; want 2 new (the second is the first again)", n, err)
	}
	if n, _ := AddQuestions(path, "a#y/1", []string{"What to wear?"}); n != 1 {
		t.Fatalf("second passage not added")
	}
	if n, _ := AddQuestions(path, "b#x/2", []string{"can i drive?"}); n != 0 {
		t.Errorf("a question already there was added again")
	}
	got, err := ReadQuestions(path)
	want := map[string][]string{"b#x/2": {"Can I drive?", "May I drive home?"}, "a#y/1": {"What to wear?"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadQuestions = %v, %v; want %v", got, err, want)
	}
}
