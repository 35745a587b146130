package bot

import (
	"slices"
	"strings"
	"testing"
)

func TestQuestionInStoryFindsTheClauseThatAsks(t *testing.T) {
	topicsOf := func(s string) []Topic {
		var out []Topic
		for _, name := range []string{"CRPS", "lidocaine", "ketamine"} {
			if strings.Contains(strings.ToLower(s), strings.ToLower(name)) {
				out = append(out, Topic{Name: name, Words: strings.ToLower(name)})
			}
		}
		return out
	}
	tests := []struct {
		text  string
		terms []SearchTerm
		want  string // "" for no story
	}{
		// The question after a story, with the topic the story names.
		{"I've had CRPS for years and nothing works. Could ketamine help?", nil, "Could ketamine help? CRPS"},
		// Run on without punctuation: it starts at the auxiliary before
		// its subject.
		{"my hands burn from nerve damage does lidocaine help with that", nil, "does lidocaine help with that"},
		// After a comma, by an asking word.
		{"my son's first appointment is tomorrow, how long should i wait", nil, "how long should i wait"},
		// What follows the question goes with it.
		{"so worried, how long can i drive after ketamine, like how many hours", nil, "how long can i drive after ketamine, like how many hours"},
		// A rare word of the story the articles lack goes with it; an
		// everyday one does not.
		{"my mum has a pacemaker and nothing helps, is lidocaine ok", []SearchTerm{
			{Word: "pacemaker", Weight: 5}, {Word: "nothing", Weight: 3}, {Word: "lidocaine", Known: true, Weight: 1.5},
		}, "is lidocaine ok pacemaker"},
		// A question that opens the message has no story before it.
		{"could ketamine help? I've had CRPS for years", nil, ""},
		{"does lidocaine help nerve pain", nil, ""},
		// Statements only: the last clause.
		{"I have CRPS. I was told about ketamine", nil, "I was told about ketamine CRPS"},
	}
	for _, tt := range tests {
		got, _, ok := questionInStory(tt.text, topicsOf, tt.terms)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("questionInStory(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestAsksByForm(t *testing.T) {
	for clause, want := range map[string]bool{
		"is that normal":                 true,
		"could ketamine help":            true,
		"and what about nausea":          true,
		"lidocaine for nerve pain?":      true,
		"have had pain for years":        false, // no subject after "have"
		"was told it would help":         false,
		"my back still hurts":            false,
		"i hurt my back in a fall":       false,
		"does it":                        true,
		"so how long does a session run": true,
	} {
		if got := asksByForm(clause); got != want {
			t.Errorf("asksByForm(%q) = %v, want %v", clause, got, want)
		}
	}
}

func FuzzStoryClauses(f *testing.F) {
	for _, s := range []string{
		"I've had CRPS for years and nothing works. Could ketamine help?",
		"my feet burn does lidocaine help, like how much",
		"ok - so,, is it safe??\nthanks",
		"", "?", " , . ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parts := storyClauses(text)
		// The clauses are the text's own words, in order, none lost
		// (compared as the router reads them: without punctuation).
		var got, want []string
		for _, p := range parts {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("empty clause in %q: %q", text, parts)
			}
			got = append(got, strings.Fields(normalize(p))...)
		}
		for _, p := range clauses(text, false) {
			want = append(want, strings.Fields(normalize(text[p.start:p.end]))...)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("clauses of %q hold %q, want %q", text, got, want)
		}
		// The question is the story's last clauses.
		if q, _, ok := questionInStory(text, func(string) []Topic { return nil }, nil); ok {
			if qw := strings.Fields(normalize(q)); len(qw) == 0 || len(qw) >= len(want) || !slices.Equal(qw, want[len(want)-len(qw):]) {
				t.Fatalf("question %q is not the end of %q", q, text)
			}
		}
	})
}
