package bot

import "strings"

// A follow-up goes on where the conversation is: of passages that rank
// about as well for it, the one from the article the last answer quoted
// first leads ("which ones?" after opioids through an IV: the list of IV
// opioids, not ketamine's lower need for them in another article; "what
// should I do if it happens?" after the signs of an allergic reaction to
// an IV: the advice next to those signs). Only near ties move: a passage
// that ranks clearly better for what the follow-up asks still leads.

// priorScoreMargin is how much lower (in score) a passage of the last
// answer's article may rank and still lead a follow-up's answer. Measured
// on the tuning sets' multi-turn cases (0.02–0.3, by section and by
// article): 0.02 by article gained three answers and lost none; wider
// margins or the section alone lost as many as they gained.
const priorScoreMargin = 0.02

// goOnFrom returns res with the best ranked passage of the article of the
// citation from leading, when it ranks within priorScoreMargin of the
// first; res as it is otherwise.
func goOnFrom(res SearchResult, from string) SearchResult {
	if from == "" || len(res.Hits) < 2 {
		return res
	}
	doc := articleOf(from)
	top := res.Hits[0].Score
	for i, h := range res.Hits {
		if h.Score < top-priorScoreMargin {
			break
		}
		if articleOf(h.Cite) == doc {
			res.Hits = leadWith(res.Hits, i)
			break
		}
	}
	return res
}

// articleOf is the article part of a citation id ("<doc path>#<anchor>").
func articleOf(cite string) string {
	doc, _, _ := strings.Cut(cite, "#")
	return doc
}
