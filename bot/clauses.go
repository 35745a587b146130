package bot

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/infusionbot/infusionbot/bot/intent"
)

// A message often strings small talk and a question together: "ok thanks,
// is it safe?", "hi there! how long does a session take", "great - and what
// about nausea?". Classified whole, the thanks or the greeting can swallow
// the question. So the router splits a message into clauses,
// classifies each, and when small talk (greeting, thanks, goodbye) only
// opens or closes a message whose other clauses ask something, it handles
// those clauses, acknowledging the small talk in a word.

// clauseBreak ends a clause: sentence punctuation, a comma, a dash set off
// by spaces, a line break. "." and ":" and "," need a space after them
// ("0.5 mg", "2:30", "1,000"); a hyphen inside a word ("follow-up") is no
// break.
var clauseBreak = regexp.MustCompile(`[!?;…]+\s*|[.,:]+(?:\s+|$)|\s+[-–—]+\s*|[–—]+\s*|\s*\n\s*`)

// clauseJoiners start a new clause when a question follows them: "thanks
// and what about lidocaine", "ok so is it safe".
var clauseJoiners = map[string]bool{
	"and": true, "but": true, "so": true, "also": true, "plus": true, "anyway": true, "btw": true, "then": true,
}

// span is a part of a message, by byte offsets.
type span struct{ start, end int }

// clauses splits text at clause breaks and at a joining word that starts a
// question. With atQuestions it also splits before any word that starts a
// question ("thank you so much can I drive after"): for a message the
// classifier read as small talk, where the question has no punctuation to
// set it off.
func clauses(text string, atQuestions bool) []span {
	var out []span
	last := 0
	add := func(start, end int) {
		for start < end && unicode.IsSpace(rune(text[start])) {
			start++
		}
		for end > start && unicode.IsSpace(rune(text[end-1])) {
			end--
		}
		if start < end {
			out = append(out, splitAtQuestions(text, span{start, end}, atQuestions)...)
		}
	}
	for _, m := range clauseBreak.FindAllStringIndex(text, -1) {
		add(last, m[1])
		last = m[1]
	}
	add(last, len(text))
	return out
}

// splitAtQuestions splits one clause before a joining word followed by a
// word that starts a question, and (with anyStart) before any word that
// starts one.
func splitAtQuestions(text string, s span, anyStart bool) []span {
	words := wordSpans(text, s)
	var out []span
	from := s.start
	for i := 1; i < len(words); i++ {
		w := strings.ToLower(text[words[i].start:words[i].end])
		prev := strings.ToLower(text[words[i-1].start:words[i-1].end])
		cut := -1
		switch {
		case clauseJoiners[w] && i+1 < len(words) && startsQuestion(strings.ToLower(text[words[i+1].start:words[i+1].end])):
			cut = words[i].start
		case anyStart && startsQuestion(w) && !clauseJoiners[prev] && !startsQuestion(prev) && !subjects[prev]:
			// "how do", "is it", "and what", "i have": one sentence goes on.
			cut = words[i].start
		}
		if cut > from {
			out = append(out, span{from, trimRightSpace(text, cut)})
			from = cut
		}
	}
	return append(out, span{from, s.end})
}

// subjects are the pronouns a verb follows in a statement ("i have", "we
// were"), where no question starts.
var subjects = map[string]bool{"i": true, "you": true, "we": true, "they": true, "he": true, "she": true, "it": true, "u": true}

// startsQuestion reports whether a question can start with w.
func startsQuestion(w string) bool { return askingWords[w] || auxiliaries[w] }

func wordSpans(text string, s span) []span {
	var out []span
	start := -1
	for i, r := range text[s.start:s.end] {
		i += s.start
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, s.end})
	}
	return out
}

func trimRightSpace(text string, end int) int {
	for end > 0 && unicode.IsSpace(rune(text[end-1])) {
		end--
	}
	return end
}

// setApartConfidence is the classifier's least confidence in the small
// talk of a clause that is set apart: its words leave the question, so the
// call must be sure ("hi there" 1.00, "ok cool" 0.99, "ok so" 0.93; "wat",
// text-speak for "what", 0.48 is no thanks to drop).
const setApartConfidence = 0.9

// ackConfidence is the least confidence in a clause's small talk for the
// reply to acknowledge it: "thanks so much" (0.96) gets "You're welcome!",
// "ok so" (0.93) is set apart without a word.
const ackConfidence = 0.95

// isSmallTalk reports whether an intent is chat around the questions, not
// something to answer: greeting, thanks, goodbye.
func isSmallTalk(in string) bool {
	switch Intent(in) {
	case IntentGreeting, IntentThanks, IntentGoodbye:
		return true
	}
	return false
}

// opensWith is the small talk that may open a question without a break
// in a message not read as small talk: greetings, words of their own; a
// sentence's first few words can read like thanks.
var opensWith = map[Intent]bool{IntentGreeting: true}

// smallTalk is what a message said around what it asks.
type smallTalk struct {
	setApart bool   // some small talk was set apart
	ack      Intent // acknowledged in the reply: the first small talk clause's intent, if sure
	whole    Intent // what the classifier took the whole message for
}

// readClauses classifies text and, when greetings, thanks or goodbyes only
// open or close it and what lies between asks something (a question,
// personal advice, the clinic, a person), returns that part and what it is,
// with the small talk set apart. Otherwise it returns text and its intent
// as they are.
func (rt *Router) readClauses(key, text string) (string, intent.Prediction, smallTalk) {
	c := rt.intents.Load()
	whole := c.Classify(text)
	cs := clauses(text, isSmallTalk(whole.Intent))
	if !isSmallTalk(whole.Intent) && len(cs) > 0 {
		// "hey does lidocaine hurt": a greeting run into the question that
		// opens the message is set apart too (see opensWith).
		if ps := splitAtQuestions(text, cs[0], true); len(ps) > 1 {
			if p := c.Classify(text[ps[0].start:ps[0].end]); opensWith[Intent(p.Intent)] && p.Confidence >= ackConfidence {
				cs = append([]span{ps[0], {ps[1].start, cs[0].end}}, cs[1:]...)
			}
		}
	}
	if len(cs) < 2 {
		return text, whole, smallTalk{}
	}
	_, asked := rt.convs.get(key)
	// talk reports whether a clause is small talk to set apart, and which
	// (to acknowledge; "" when unsure). After a question "how?" is a
	// follow-up, whatever it reads like.
	talk := func(s span) (Intent, bool) {
		clause := text[s.start:s.end]
		if ws := strings.Fields(normalize(clause)); len(ws) == 0 || startsQuestion(ws[0]) || strings.HasSuffix(clause, "?") {
			// "is that normal", "how?", "lol that long?": a clause that
			// asks is never chat, whatever its few words read like to the
			// classifier.
			return "", false
		}
		p := c.Classify(clause)
		if !isSmallTalk(p.Intent) || p.Confidence < setApartConfidence || asked && leansOnConversation(clause, p) {
			return "", false
		}
		if p.Confidence < ackConfidence {
			return "", true
		}
		return Intent(p.Intent), true
	}
	// Only the clauses at either end are classified: small talk opens or
	// closes a message; a long story needs no more than a few calls.
	a, b := 0, len(cs)
	var opening, closing Intent
	for a < b {
		t, ok := talk(cs[a])
		if !ok {
			break
		}
		if a == 0 {
			opening = t
		}
		a++
	}
	if a == b {
		return text, whole, smallTalk{} // all small talk
	}
	for b > a+1 {
		t, ok := talk(cs[b-1])
		if !ok {
			break
		}
		closing = t
		b--
	}
	if a == 0 && b == len(cs) {
		return text, whole, smallTalk{} // no small talk around what it asks
	}
	rest := text[cs[a].start:cs[b-1].end]
	p := c.Classify(rest)
	if !asksSomething(rest, p, asked, rt.topicFinder().Topics) {
		if p.Intent == whole.Intent && p.Confidence > whole.Confidence {
			// "hello, how does this work?" is help; the greeting only
			// made the classifier less sure of it (and an unsure help
			// yields to the articles, which hold "work").
			return text, p, smallTalk{}
		}
		return text, whole, smallTalk{}
	}
	said := smallTalk{ack: opening, whole: Intent(whole.Intent), setApart: true}
	if a == 0 {
		said.ack = closing
	}
	return rest, p, said
}

// topicFinder finds the topics of a text, none when the searcher cannot.
func (rt *Router) topicFinder() TopicFinder {
	if tf, ok := rt.searcher().(TopicFinder); ok {
		return tf
	}
	return noTopics{}
}

type noTopics struct{}

func (noTopics) Topics(string) []Topic { return nil }

// asksSomething reports whether rest, set apart from small talk, is worth
// answering rather than the small talk around it: a request for personal
// advice, the clinic or a person; a question that asks ("is it safe?",
// "what about x") or names something the articles are about; or, after a
// question, a follow-up. "Thanks, that helps a lot" asks nothing.
func asksSomething(rest string, p intent.Prediction, asked bool, topicsOf func(string) []Topic) bool {
	switch Intent(p.Intent) {
	case IntentMedicalAdvice, IntentClinic, IntentHuman:
		// Few words can read like anything ("thanks so much, i will":
		// "i will" a clinic question at 0.65): the rest overrules the
		// whole message only when the classifier is sure of it.
		return p.Confidence >= setApartConfidence
	case IntentOutOfScope:
		// "thanks! and what's the weather like tomorrow?": asked, it is
		// told what the bot is for, not welcomed.
		if p.Confidence >= setApartConfidence && asksOutright(rest) {
			return true
		}
	case IntentQuestion:
		if asksOutright(rest) || len(topicsOf(rest)) > 0 {
			return true
		}
		ws := strings.Fields(normalize(rest))
		// "can i drive after" asks without a question mark; "will do"
		// does not (0.75 a question).
		return len(ws) > 0 && auxiliaries[ws[0]] && p.Confidence >= setApartConfidence
	}
	return asked && leansOnConversation(rest, p)
}

// asksOutright reports whether text ends with a question mark or holds an
// asking word ("what", "how", …).
func asksOutright(text string) bool {
	return strings.HasSuffix(text, "?") || asks(normalize(text))
}

// acknowledged puts a word for the small talk set apart before a reply:
// "You're welcome!" before the answer to "thanks, is it safe?". A reply
// that is itself small talk (a follow-up that found nothing and went back
// to what the classifier said) is the whole message's canned reply.
// A reply file without an [<intent>_ack] section acknowledges nothing.
func (rt *Router) acknowledged(r Reply, said smallTalk) Reply {
	switch {
	case !said.setApart || r.Intent == IntentEmergency || r.Intent == IntentCrisis:
		return r
	case isSmallTalk(string(r.Intent)) || r.Intent == IntentHelp:
		return rt.canned(string(said.whole))
	}
	if a := strings.TrimSpace(rt.replies.Get(string(said.ack) + "_ack")); a != "" {
		r.Body = a + " " + r.Body
	}
	return r
}
