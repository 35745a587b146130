package bot

import (
	"strings"

	"github.com/infusionbot/infusionbot/internal/lexicon"
)

// A patient often tells a story and then asks one thing: "I've had CRPS
// for years and nothing works. Could ketamine help?", "my feet burn from
// chemo neuropathy does lidocaine help that", "my son's first ketamine appt
// is tomorrow, how long should i wait for him". Read whole, the story's
// everyday words drown the question; questionInStory finds the clause that
// asks, by its form, and what of the story goes with it.

// questionInStory finds the question a story ends with: the last clause
// that asks by its form (else the last clause), with what follows it
// ("how long can i drive after, like how many hours"), when a story comes
// before it. It returns the question with what of the story goes with it,
// or false. What goes with it: the topics the story names, and the words
// of the story the articles lack that are rare in English (terms, the
// whole message's: "pacemakers"), which keep a question the articles
// don't answer unanswered; the story's everyday words ("years",
// "nothing", "tried") are left out.
func questionInStory(text string, topicsOf func(string) []Topic, terms []SearchTerm) (string, []Topic, bool) {
	parts := storyClauses(text)
	qi := len(parts) - 1
	for i := len(parts) - 1; i >= 0; i-- {
		if asksByForm(parts[i]) {
			qi = i
			break
		}
	}
	if qi <= 0 {
		return "", nil, false
	}
	q := strings.Join(parts[qi:], " ")
	asked := " " + normalize(q) + " "
	in := func(t SearchTerm) bool { return strings.Contains(asked, " "+normalize(t.Word)+" ") }
	own := topicsOf(q)
	var add []Topic
	for _, p := range parts[:qi] {
		for _, t := range topicsOf(p) {
			if !hasTopic(own, t.Name) && !hasTopic(add, t.Name) {
				add = append(add, t)
			}
		}
	}
	var extra []string
	if len(add) > 0 {
		extra = append(extra, names(add))
	}
	for _, t := range terms {
		if !t.Known && !in(t) && rareInEnglish(t.Word) {
			extra = append(extra, t.Word)
		}
	}
	if len(extra) == 0 {
		return q, own, true
	}
	return q + " " + strings.Join(extra, " "), append(own, add...), true
}

// rareRank is the English frequency rank (internal/lexicon) from which a
// word the articles lack is rare: what a question the articles don't
// answer is about ("pacemakers", "shingles"), as the index weighs it.
const rareRank = 10000

// rareInEnglish reports whether w is rare in English, or no English word.
func rareInEnglish(w string) bool {
	r := lexicon.Rank(w)
	return r == 0 || r >= rareRank
}

// storyClauses splits a message at sentence ends, commas, dashes and line
// breaks (clauseBreak), and a clause that tells something before a
// question run on without punctuation ("my feet burn from chemo does
// lidocaine help") before the question.
func storyClauses(text string) []string {
	var out []string
	for _, s := range clauses(text, false) {
		c := text[s.start:s.end]
		if normalize(c) == "" {
			continue // punctuation alone: "?!", " - "
		}
		if i := runOnQuestion(c); i > 0 {
			out = append(out, strings.TrimSpace(c[:i]), c[i:])
			continue
		}
		out = append(out, c)
	}
	return out
}

// runOnQuestion is the byte offset in a clause that does not ask where a
// question run on to it starts (an asking word, or an auxiliary before its
// subject: "does lidocaine help"), 0 when there is none. A question does
// not start after a subject ("i have"), a joining word or another word that
// starts one ("how long will"), nor after a single word.
func runOnQuestion(clause string) int {
	ws := wordSpans(clause, span{0, len(clause)})
	if len(ws) < 3 || asksByForm(clause) {
		return 0
	}
	word := func(i int) string { return strings.ToLower(clause[ws[i].start:ws[i].end]) }
	// Two words at least before it: a statement has a subject and a verb
	// ("my feet burn"); "like how many hours" is one question.
	for i := 2; i+1 < len(ws); i++ {
		w, prev := word(i), word(i-1)
		if subjects[prev] || clauseJoiners[prev] || startsQuestion(prev) {
			continue
		}
		if askingWords[w] || auxiliaries[w] && invertedSubject(word(i+1)) {
			return ws[i].start
		}
	}
	return 0
}

// asksByForm reports whether a clause is put as a question: it ends with a
// question mark, or opens (after "and", "so", "but", …) with an asking word
// ("how long …") or with an auxiliary before its subject ("could ketamine
// help", "is that normal").
func asksByForm(clause string) bool {
	if strings.HasSuffix(strings.TrimSpace(clause), "?") {
		return true
	}
	ws := strings.Fields(normalize(clause))
	for len(ws) > 0 && clauseJoiners[ws[0]] {
		ws = ws[1:]
	}
	switch {
	case len(ws) == 0:
		return false
	case askingWords[ws[0]]:
		return true
	case auxiliaries[ws[0]] && len(ws) > 1:
		return invertedSubject(ws[1])
	}
	return false
}

// invertedSubject reports whether w, after an auxiliary, can be the start
// of its subject ("is it", "could ketamine", "do they"), not a verb that
// goes on a statement with no subject ("have had pain for years", "was told").
func invertedSubject(w string) bool {
	switch w {
	case "been", "had", "be", "to", "got", "gotten", "told", "done", "given", "taken", "said":
		return false
	}
	return true
}
