package thesaurus

import "testing"

func TestLookup(t *testing.T) {
	t.Parallel()
	has := func(w, syn string) bool {
		for _, s := range Lookup(w) {
			if s.Word == syn {
				return s.Similarity > 0 && s.Similarity <= 1
			}
		}
		return false
	}
	for _, c := range []struct {
		word, synonym string
		want          bool
	}{
		{"sitting", "session", true}, // through the base form too
		{"quick", "speedy", true},
		{"quickest", "speedy", false},
		{"calm", "calm down", false}, // a phrase holding the word bridges nothing
		{"ketamine", "", false},
	} {
		if got := has(c.word, c.synonym); got != c.want {
			t.Errorf("%q has synonym %q: %v, want %v (%v)", c.word, c.synonym, got, c.want, Lookup(c.word))
		}
	}
	if Lookup("zzzz") != nil {
		t.Errorf("synonyms for a non-word")
	}
	// Best first, so a caller can stop at its threshold.
	for _, w := range []string{"quick", "trip", "wear"} {
		ss := Lookup(w)
		for i := 1; i < len(ss); i++ {
			if ss[i].Similarity > ss[i-1].Similarity {
				t.Errorf("%q: synonyms not best first: %v", w, ss)
			}
		}
	}
}

func TestBaseForms(t *testing.T) {
	t.Parallel()
	for w, want := range map[string]string{"perks": "perk", "sitting": "sit", "worries": "worry", "tired": "tire", "spinning": "spin"} {
		found := false
		for _, b := range baseForms(w) {
			found = found || b == want
		}
		if !found {
			t.Errorf("baseForms(%q) = %v, lacks %q", w, baseForms(w), want)
		}
	}
}
