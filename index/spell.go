package index

// vocabulary is the set of words the passages use, for typo correction.
type vocabulary struct {
	count map[string]int
	// byLen buckets words by length so a correction only compares words
	// whose length is within the edit distance.
	byLen map[int][]string
}

func newVocabulary() *vocabulary {
	return &vocabulary{count: map[string]int{}, byLen: map[int][]string{}}
}

func (v *vocabulary) add(text string) {
	for _, w := range words(text) {
		if v.count[w] == 0 {
			n := len([]rune(w))
			v.byLen[n] = append(v.byLen[n], w)
		}
		v.count[w]++
	}
}

func (v *vocabulary) has(w string) bool { return v.count[w] > 0 }

// correct returns the vocabulary word closest to an unknown word w, which
// the caller knows is no English word (a real word is never corrected into
// another): within one edit for words of 3 to 9 letters, two for longer
// ones; a word of under five letters keeps its first letter ("watr" is
// "water"); ties go to the more frequent word. It returns "" when nothing
// is close enough, and w itself when w is known or too short to correct.
func (v *vocabulary) correct(w string) string {
	r := []rune(w)
	if v.has(w) || len(r) < 3 {
		return w
	}
	// Two edits only for long words: "invented" is two edits from
	// "inserted", but a real word of ten letters rarely is from another.
	maxDist := 1
	if len(r) >= 10 {
		maxDist = 2
	}
	best, bestDist, bestCount := "", maxDist+1, 0
	for n := len(r) - maxDist; n <= len(r)+maxDist; n++ {
		for _, cand := range v.byLen[n] {
			if len(r) < 5 && cand[0] != w[0] {
				continue
			}
			d := editDistance(r, []rune(cand), maxDist)
			if d < bestDist || (d == bestDist && v.count[cand] > bestCount) {
				best, bestDist, bestCount = cand, d, v.count[cand]
			}
		}
	}
	if bestDist > maxDist {
		return ""
	}
	return best
}

// editDistance is the optimal string alignment distance (Levenshtein with
// adjacent transpositions), giving up with limit+1 once it must exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
