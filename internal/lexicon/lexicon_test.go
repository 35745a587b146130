package lexicon

import "testing"

func TestRanksFollowEnglishFrequency(t *testing.T) {
	if r := Rank("the"); r != 1 {
		t.Errorf("Rank(the) = %d, want 1", r)
	}
	if a, b := Rank("house"), Rank("pacemaker"); a == 0 || b == 0 || a >= b {
		t.Errorf("Rank(house) = %d, Rank(pacemaker) = %d: want house more frequent", a, b)
	}
	if r := Rank("qzxvbn"); r != 0 {
		t.Errorf("Rank of a non-word = %d, want 0", r)
	}
}

func TestDictionaryWords(t *testing.T) {
	for _, w := range []string{"awake", "aware", "clinic", "perks"} {
		if !IsDictionaryWord(w) {
			t.Errorf("%q is an English word", w)
		}
	}
	for _, w := range []string{"lidocane", "efects", "sittin", "watr"} {
		if IsDictionaryWord(w) {
			t.Errorf("%q is no dictionary word", w)
		}
	}
}

func TestVectorsAreUnitLengthAndMeaningful(t *testing.T) {
	dot := func(a, b []float32) float32 {
		var s float32
		for i := range a {
			s += a[i] * b[i]
		}
		return s
	}
	perks, benefits, volcano := Vector("perks"), Vector("benefits"), Vector("volcano")
	if perks == nil || benefits == nil || volcano == nil {
		t.Fatal("a frequent word has no vector")
	}
	if n := dot(perks, perks); n < 0.999 || n > 1.001 {
		t.Errorf("|perks|² = %f, want 1", n)
	}
	if near, far := dot(perks, benefits), dot(perks, volcano); near <= far {
		t.Errorf("cos(perks, benefits) = %.2f not above cos(perks, volcano) = %.2f", near, far)
	}
	if Vector("lidocaine") == nil {
		t.Error("an article's word has no vector")
	}
}
