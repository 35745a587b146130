package bot

import "testing"

func TestGoOnFrom(t *testing.T) {
	hits := func(cites ...string) []SearchHit {
		var hs []SearchHit
		for i, c := range cites {
			hs = append(hs, SearchHit{Passage: Passage{ID: c, Cite: c}, Score: 1 - 0.01*float64(i*i)})
		}
		return hs
	}
	tests := []struct {
		name  string
		cites []string // scores 1, 0.99, 0.96, 0.91, …
		from  string
		want  string // leading after
	}{
		{"no last answer", []string{"a#x", "b#y"}, "", "a#x"},
		{"the last article leads already", []string{"b#x", "a#y"}, "b#z", "b#x"},
		{"a near tie from the last article leads", []string{"a#x", "b#y"}, "b#z", "b#y"},
		{"the best of the last article within the margin", []string{"a#x", "b#y", "b#z"}, "b#q", "b#y"},
		{"one clearly lower stays where it ranks", []string{"a#x", "c#y", "b#z"}, "b#z", "a#x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := goOnFrom(SearchResult{Hits: hits(tt.cites...)}, tt.from)
			if got := res.Hits[0].Cite; got != tt.want {
				t.Errorf("goOnFrom(%v, %q) leads with %q, want %q", tt.cites, tt.from, got, tt.want)
			}
			if len(res.Hits) != len(tt.cites) {
				t.Errorf("goOnFrom kept %d hits of %d", len(res.Hits), len(tt.cites))
			}
		})
	}
}
