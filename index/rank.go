package index

import (
	"regexp"
	"strings"
)

// fieldStems are the stems of a passage's fields.
type fieldStems struct {
	text, heading, context map[string]struct{}
	// parents are the headings above the passage's own.
	parents map[string]struct{}
	// questionWord is the heading's first word when it is a question word
	// ("What Are Ketamine Infusions?"), in canonical form.
	questionWord string
}

// How much a term counts where it is found: in the passage's own words, in
// the heading it sits under, or only in its context (outer headings, list
// lead-in, article title); and found through a synonym rather than as typed.
var (
	weightInText    = 1.0
	weightInHeading = 0.9
	weightInContext = 0.6
	weightSynonym   = 0.85
	// A passage's score mixes the share of the question it holds anywhere
	// (field-weighted), the share its heading path holds (what the section
	// is about) and the share its own words hold.
	weightAny  = 0.5
	weightPath = 0.4
	weightOwn  = 0.1
	// weightParent is how much an outer heading counts in the heading path.
	weightParent = 0.7
	// weightQuestionForm rewards a heading asked the way the person asked
	// ("What is ...?" under "What Are Ketamine Infusions?").
	weightQuestionForm = 0.06
	// weightEngine lets bleve's score break ties between passages that
	// hold the same words (term frequency, length).
	weightEngine = 0.05
)

// questionWords start the questions whose form a heading can share.
var questionWords = map[string]bool{
	"what": true, "how": true, "why": true, "who": true, "which": true, "when": true,
	"is": true, "are": true, "can": true, "does": true, "do": true,
}

// rerank orders hits by how much of the question each holds, and where:
// field-weighted coverage of the terms (rare words weigh more), a bonus for
// a heading in the question's own form, and bleve's score to break ties.
func (ix *Index) rerank(typed, spelled []string, asked aspect, terms []Term, hits []Hit) {
	if len(hits) == 0 {
		return
	}
	var total float64
	for _, t := range terms {
		total += t.Weight
	}
	maxEngine := 0.0
	for _, h := range hits {
		maxEngine = max(maxEngine, h.Score)
	}
	qw := ""
	ws := stripAskingPhrase(typed)
	if len(ws) > 0 && questionWords[ws[0]] {
		qw = ws[0]
	}
	defines := definitionPattern(ws, terms)
	var subj *subjectIndex
	var qs []int
	if weightSubject > 0 {
		subj = ix.subjects()
		if qs = subj.asked(terms); len(qs) == 0 {
			subj = nil // a question that names no subject: subjects leave its order alone
		}
	}
	var pairs []string
	if weightProximity > 0 {
		pairs = queryPairs(terms)
	}
	var qv []float32
	denseWeight := weightDense
	if weightDense > 0 {
		qv = ix.queryVector(terms)
		denseWeight = ix.denseShare(terms) * weightDense
	}
	// The learned associations order the candidates that hold about as
	// much of the question as the best (assocSlack), and only when that
	// is enough for the bot to answer (assocMinCoverage): below it, the
	// order of the first few candidates is what the answer decision reads
	// to tell an answer from none, and association is no evidence of an
	// answer (measured: each set lost an unanswerable question to it).
	var aq assocQuery
	maxCov := 0.0
	for _, h := range hits {
		maxCov = max(maxCov, h.Coverage)
	}
	if maxCov >= assocMinCoverage {
		aq = ix.assocQuery(terms, spelled)
	}
	for k := range hits {
		i := ix.byID[hits[k].ID]
		fs := ix.fieldSets[i]
		var any, path, own float64
		for _, t := range terms {
			any += t.Weight * fieldMatch(fs, t)
			path += t.Weight * max(match(fs.heading, t), weightParent*match(fs.parents, t))
			own += t.Weight * match(fs.text, t)
		}
		score := 0.0
		if total > 0 {
			score = (weightAny*any + weightPath*path + weightOwn*own) / total
		}
		if qw != "" && canonicalQuestionWord(qw) == fs.questionWord {
			score += weightQuestionForm
		}
		if defines != nil && defines.MatchString(hits[k].Text) {
			score += weightDefinition
		}
		if asked != aspectNone && weightAspect > 0 {
			score += weightAspect * ix.aspectCoverage(i, asked, terms)
		}
		if pairs != nil {
			score += weightProximity * pairShare(fs, pairs)
		}
		if subj != nil {
			score += weightSubject * subjectAgreement(qs, subj.passage[i])
		}
		if maxEngine > 0 {
			score += weightEngine * hits[k].Score / maxEngine
		}
		if qv != nil {
			if pv := ix.passageVector(i); pv != nil {
				score += denseWeight * dot(qv, pv)
			}
		}
		if aq.total > 0 && hits[k].Coverage >= maxCov-assocSlack-1e-9 {
			score += ix.assoc.Weight * aq.score(fs)
		}
		hits[k].Score = score
	}
}

// weightDefinition rewards, for a "what is X?" question, a passage that
// defines X: "ketamine, a dissociative anesthetic", "fibromyalgia (a
// condition where …", "Complex Regional Pain Syndrome (CRPS): This rare …".
var weightDefinition = 0.08

// definitionPattern matches a passage that defines one of the subjects of a
// "what is/are X" question, or is nil for other questions.
func definitionPattern(ws []string, terms []Term) *regexp.Regexp {
	if len(ws) < 3 || ws[0] != "what" || (ws[1] != "is" && ws[1] != "are") {
		return nil
	}
	// Only a question that is nothing but its subject ("what is CRPS?"),
	// not "what is ketamine used to treat?".
	inTerms := map[string]bool{}
	for _, t := range terms {
		for _, w := range strings.Fields(t.Word) {
			inTerms[w] = true
		}
	}
	for _, w := range ws[2:] {
		if w != "a" && w != "an" && w != "the" && !inTerms[w] {
			return nil
		}
	}
	var subjects []string
	for _, t := range terms {
		w := t.Word
		if t.Corrected != "" {
			w = t.Corrected
		}
		subjects = append(subjects, regexp.QuoteMeta(w))
	}
	if len(subjects) == 0 {
		return nil
	}
	subject := `(?:` + strings.Join(subjects, "|") + `)s?`
	return regexp.MustCompile(`(?i)\b` + subject + `\b(?:\s*\(an? |, an? | is an? | are an? )|\(` + subject + `\):\s*This`)
}

// fieldMatch is how well a passage's fields hold a term: the best of its
// alternatives in the best field.
func fieldMatch(fs fieldStems, t Term) float64 {
	return max(weightInText*match(fs.text, t), weightInHeading*match(fs.heading, t), weightInContext*match(fs.context, t))
}

// match is 1 when a field holds the term as typed (or corrected), less when
// it holds only a synonym, 0 when it holds neither.
func match(set map[string]struct{}, t Term) float64 {
	best := 0.0
	for a, st := range t.stems {
		if holdsStems(set, st) {
			switch {
			case t.credit != nil:
				best = max(best, t.credit[a])
			case a == 0:
				return 1
			default:
				best = max(best, weightSynonym)
			}
		}
	}
	return best
}

// headingQuestionWord is a heading's first word when it is a question word,
// in canonical form ("are" as "is", "do" as "does"); "" otherwise.
func headingQuestionWord(heading string) string {
	hw := words(heading)
	if len(hw) == 0 || !questionWords[hw[0]] {
		return ""
	}
	return canonicalQuestionWord(hw[0])
}

func canonicalQuestionWord(w string) string {
	switch w {
	case "are":
		return "is"
	case "do":
		return "does"
	}
	return w
}

// askingPhrases wrap a question without being part of it: "can you tell me
// what ketamine is" asks "what ketamine is".
var askingPhrases = [][]string{
	{"can", "you", "tell", "me"}, {"could", "you", "tell", "me"}, {"please", "tell", "me"},
	{"tell", "me"}, {"do", "you", "know"}, {"i", "want", "to", "know"},
	{"i", "would", "like", "to", "know"}, {"i'd", "like", "to", "know"}, {"please", "explain"},
	{"explain"}, {"i", "wonder"}, {"i'm", "wondering"}, {"wondering"},
}

func stripAskingPhrase(ws []string) []string {
	for _, p := range askingPhrases {
		if len(ws) > len(p) && equalWords(ws[:len(p)], p) {
			return ws[len(p):]
		}
	}
	return ws
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
