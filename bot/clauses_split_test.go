package bot

import (
	"slices"
	"testing"
)

func TestClauses(t *testing.T) {
	tests := []struct {
		text        string
		atQuestions bool
		want        []string
	}{
		{"ok thanks, is it safe?", false, []string{"ok thanks,", "is it safe?"}},
		{"hey!how long is it", false, []string{"hey!", "how long is it"}},
		{"sorry - one more: can i eat before", false, []string{"sorry -", "one more:", "can i eat before"}},
		{"great and what about nausea", false, []string{"great", "and what about nausea"}},
		{"great thanks and goodbye", false, []string{"great thanks and goodbye"}},
		{"is a follow-up needed after 2.5 hours, 1,000 mg?", false, []string{"is a follow-up needed after 2.5 hours,", "1,000 mg?"}},
		{"thank you so much can i eat before", false, []string{"thank you so much can i eat before"}},
		{"thank you so much can i eat before", true, []string{"thank you so much", "can i eat before"}},
		{"hello how do i prepare", true, []string{"hello", "how do i prepare"}},
		{"cheers\nwhat next", false, []string{"cheers", "what next"}},
		{"hi i have a question", true, []string{"hi i have a question"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range clauses(tt.text, tt.atQuestions) {
			got = append(got, tt.text[s.start:s.end])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("clauses(%q, %v) = %q, want %q", tt.text, tt.atQuestions, got, tt.want)
		}
	}
}
