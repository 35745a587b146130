package index

import (
	"sort"
	"strings"
)

// A section's subject is what its headings say it is about: "Potential
// Side Effects" under "Lidocaine Infusions" tells of lidocaine, "The
// Infusion Therapy Process" of no drug in particular. The subjects are the
// knowledge's own (topicSet.subjectKind: the slot in which parallel
// headings differ, an article's title subject), so a clinic's article on
// IV iron brings its subject with it; no name is listed here.
//
// A question and a passage agree on subject when the passage's headings
// name what the question names: "does lidocaine help CRPS?" is answered
// by the lidocaine section before a paragraph that lists every drug, and
// "how long does an infusion take?", which names no drug, by the general
// section before the ketamine session's length. The words alone cannot
// tell these apart: "infusion" and "session" are in all of them, and the
// drug's name sits in a heading over the section, not in its sentences.

// subjectIndex holds, per passage, the subjects its heading path names.
type subjectIndex struct {
	keys    [][]string // each subject's stems
	passage [][]int    // per passage, the subjects (indexes into keys) of its headings
}

// subjects is the index's subjectIndex, computed once.
func (ix *Index) subjects() *subjectIndex {
	ix.subjOnce.Do(func() {
		ts := Searcher{ix}.topics()
		si := &subjectIndex{passage: make([][]int, len(ix.passages))}
		var names []string
		for key, e := range ts.byKey {
			if e.kind == ts.subjectKind {
				names = append(names, key)
			}
		}
		sort.Strings(names) // the same numbering from run to run
		for _, key := range names {
			si.keys = append(si.keys, strings.Fields(key))
		}
		for i, fs := range ix.fieldSets {
			for k, st := range si.keys {
				if holdsStems(fs.heading, st) || holdsStems(fs.parents, st) {
					si.passage[i] = append(si.passage[i], k)
				}
			}
		}
		ix.subj = si
	})
	return ix.subj
}

// asked is the set of subjects the query's terms name, in any of their
// readings (as typed, corrected or through a synonym).
func (si *subjectIndex) asked(terms []Term) []int {
	if len(si.keys) == 0 {
		return nil
	}
	set := map[string]struct{}{}
	for _, t := range terms {
		for _, st := range t.stems {
			for i, s := range st {
				set[s] = struct{}{}
				if i > 0 {
					set[bigramKey(st[i-1], s)] = struct{}{}
				}
			}
		}
	}
	var out []int
	for k, st := range si.keys {
		if holdsStems(set, st) {
			out = append(out, k)
		}
	}
	return out
}

// How a passage's subjects weigh against those a question names: a
// passage whose headings name just what the question names moves up by
// weightSubject; one whose headings name only other subjects moves down
// by as much; a comparison of both for a question about one, not at all.
// A passage whose headings name no subject (a general section) is left
// as it is, and so is every passage for a question that names none: it
// may be answered by the general section or a particular one (measured:
// moving the particular ones down then lost as many as it won).
var weightSubject = 0.1

// subjectAgreement is, for a passage with heading subjects ps and a
// question naming qs, from -1 (no subject in common) to 1 (the same
// subjects): twice their Jaccard overlap less one; 0 when the passage's
// headings name no subject.
func subjectAgreement(qs, ps []int) float64 {
	if len(ps) == 0 {
		return 0
	}
	common := 0
	for _, p := range ps {
		for _, q := range qs {
			if p == q {
				common++
			}
		}
	}
	union := len(ps) + len(qs) - common
	return 2*float64(common)/float64(union) - 1
}
