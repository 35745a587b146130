package index

// weightProximity rewards a passage by the share of the question's
// adjacent word pairs it holds side by side, as a term-dependence model
// does: "who is infusion therapy an ideal option for" is about infusion
// therapy, not IV therapy given by infusion. Small: a pair only orders
// passages that hold about as much of the question. Chosen on the spent
// sets' passage@1 (0.02–0.1 tried; 0.03 the largest lowering none).
var weightProximity = 0.03

// queryPairs are the adjacent terms' touching stems (the last of one, the
// first of the next, as typed or corrected), as bigram keys: stop words
// between them are dropped from the passages' pairs as from the query's.
func queryPairs(terms []Term) []string {
	var out []string
	for k := 1; k < len(terms); k++ {
		a, b := terms[k-1].stems, terms[k].stems
		if len(a) == 0 || len(b) == 0 || len(a[0]) == 0 || len(b[0]) == 0 {
			continue
		}
		out = append(out, bigramKey(a[0][len(a[0])-1], b[0][0]))
	}
	return out
}

// pairShare is the share of pairs passage fields fs hold side by side,
// each weighed by the field it is found in.
func pairShare(fs fieldStems, pairs []string) float64 {
	if len(pairs) == 0 {
		return 0
	}
	have := 0.0
	for _, p := range pairs {
		best := 0.0
		if _, ok := fs.text[p]; ok {
			best = 1
		} else if _, ok := fs.heading[p]; ok {
			best = weightInHeading
		} else if _, ok := fs.context[p]; ok {
			best = weightInContext
		}
		have += best
	}
	return have / float64(len(pairs))
}
