package bot

import (
	"regexp"
	"strings"

	"github.com/infusionbot/infusionbot/bot/intent"
	"github.com/infusionbot/infusionbot/internal/lexicon"
)

// followUp is a message read in the light of the question before it.
type followUp struct {
	// question is what to search: the message as a question that stands
	// alone, its topic (and for "and X?" its aspect) carried over.
	question string
	// topics are the topics question names.
	topics []Topic
	// alternative is another reading of the message, taken when it answers
	// at least as well.
	alternative string
	// others are readings that carry more or less over than question
	// (the topic without the last question's aspect or its asking words;
	// the last question's words for "them"), taken only when they answer
	// better: a follow-up is what reaches an answer together with what was
	// asked before.
	others []string
	// without are readings that carry less than question: the topic
	// without the aspect a pronoun or a bare ask points back at ("how long
	// do they last?" after side effects). Taken only when question finds
	// nothing to quote: a shorter question is held more fully by passages
	// that answer something else, so coverage cannot weigh the two.
	without []string
	// leans is true when question carries something over from before;
	// aspect when that includes what the last question asked about.
	leans, aspect bool
	// mustBeatAlone is true when the message names a topic of its own: the
	// carried-over question is taken only if some passage holds enough of
	// it to be quoted ("what is phlebitis?" after a ketamine question).
	mustBeatAlone bool
}

// followUpPronouns mark a message that leans on the one before.
var followUpPronouns = map[string]bool{
	"it": true, "they": true, "them": true, "this": true, "that": true, "these": true,
	"those": true, "its": true, "their": true, "one": true, "ones": true, "he": true, "she": true,
	"there": true, "else": true,
}

// switchWords may stand around a topic in a message that asks the last
// question again about it ("and lidocaine ones?", "what about for PTSD?").
var switchWords = map[string]bool{
	"and": true, "what": true, "about": true, "how": true, "for": true, "same": true, "question": true,
	"of": true, "the": true, "a": true, "an": true, "infusion": true, "infusions": true, "please": true,
	"then": true, "with": true, "one": true, "ones": true, "instead": true, "too": true, "also": true,
	"in": true, "case": true, "or": true, "treatment": true, "treatments": true,
	"drip": true, "drips": true, "iv": true, "ivs": true, "therapy": true, "people": true, "patients": true,
	"those": true, "ok": true, "so": true, "now": true,
}

// switchPrefix opens a message that asks about something else in the
// frame of the last question: "and …", "what about …", "how about …",
// "or …" (the other way of the last question: "or does it wear off?").
var switchPrefix = regexp.MustCompile(`^(and|so|ok|okay|but|or)?\s*(what|how)\s+about\s+|^(and|same|or)\s+(for\s+)?|^what\s+of\s+`)

// leanMaxWords is the most words a message without a pronoun may have to
// be read as a follow-up ("how long does it take?", "side effects?"):
// longer ones say what they ask.
const leanMaxWords = 6

// resolveFollowUp reads text, which names the topics own, in the light of
// the previous question.
func resolveFollowUp(text string, own []Topic, prev conversation) followUp {
	alone := followUp{question: text, topics: own}
	if prev.question == "" {
		return alone
	}
	// After a question, "ones" and "else" stand for what it asked about
	// ("which ones are nsaids?"): no word to search for.
	if q := dropStandIns(text); q != "" {
		alone.question = q
	}
	norm := normalize(text)
	ws := strings.Fields(norm)
	// "and what about X?" asks the last question about X; "and how much
	// does it cost?" asks its own question: only its subject leans on the
	// last one, never the last question's asking words ("how long").
	ownAsking := asksOwn(norm)
	continues := switchPrefix.MatchString(norm)
	switched := continues && !ownAsking
	if len(own) > 0 {
		if isSwitch(norm, own, prev.question) && namesNew(own, prev.topics) {
			return switchTopic(own, prev)
		}
		// "can lidocaine help it?", "does it cause nausea?": a topic of its
		// own, and one carried over of another kind.
		carried := carry(own, prev.topics)
		if !hasPronoun(norm) && len(ws) > leanMaxWords/2 && !switched {
			// A question that says what it asks ("what do sodium channels
			// do?" after lidocaine): read with the last topic too, taken
			// when that answers better.
			if len(carried) > len(own) {
				alone.others = []string{alone.question + " " + names(carried[len(own):])}
			}
			return alone
		}
		if len(carried) == len(own) {
			// "is infection one of them?" after "what are the side effects
			// of an IV?": "them" are what the last question asked about,
			// less the topic this message replaces; the message alone is
			// taken when it answers better. A message that puts its topic
			// in the place of the last one's ("and infection, how likely
			// is that?" after phlebitis) asks anew: the carried reading is
			// the other one.
			aspect := withoutTopics(contentKeywords(prev.keywords), append(own, prev.topics...))
			// "it" in a message naming a topic of its own stands for what
			// the last message was about when that named no topic ("i hate
			// needles", "what's the chance of an infection from it?").
			pointsBack := pointsAtAspect(norm) || (len(prev.topics) == 0 && itPronoun.MatchString(norm))
			// "why would they use it instead of lidocaine?" after "what's
			// ketamine?": the message names a topic of the last one's kind
			// to set it against, and "it" is still the last one; the
			// message alone is taken when that finds nothing to quote.
			if rival, ok := rivalOf(own, prev.topics); ok && itPronoun.MatchString(norm) {
				return followUp{question: inPlaceOfIt(alone.question, rival.Name), topics: append(append([]Topic(nil), own...), rival),
					leans: true, without: []string{alone.question}}
			}
			if !pointsBack || len(aspect) == 0 {
				return alone
			}
			carried := alone.question + " " + strings.Join(aspect, " ")
			if replacesKind(own, prev.topics) {
				alone.others = []string{carried}
				return alone
			}
			return followUp{question: carried, topics: own, leans: true, aspect: true, without: []string{alone.question}}
		}
		fu := followUp{question: text + " " + names(carried[len(own):]), topics: carried, leans: true, mustBeatAlone: true}
		if rest := carried[len(own):]; len(rest) > 1 {
			// "what about crps, is it used for that too?" after ketamine
			// for cancer pain: it goes on about one of the last topics, and
			// the new one takes the other's place; which, the answers tell.
			for _, t := range rest {
				fu.others = append(fu.others, text+" "+t.Name)
			}
		}
		return fu
	}
	if len(ws) > leanMaxWords && !hasPronoun(norm) && !switched {
		if continues && ownAsking && len(prev.topics) > 0 {
			// "and how many sessions does it usually take, for someone
			// like me?" opens as a sequel: its own question, about the
			// last topic (not its aspect), when some passage answers that.
			fu := followUp{question: alone.question + " " + names(prev.topics), topics: prev.topics, leans: true, mustBeatAlone: true}
			if len(prev.topics) > 1 {
				// Which of the last topics it goes on about, the answers tell.
				for _, t := range prev.topics {
					fu.others = append(fu.others, alone.question+" "+t.Name)
				}
			}
			return fu
		}
		return alone
	}
	if len(prev.topics) == 0 {
		// The previous question named nothing the articles are about by
		// name ("what reactions can happen where the needle goes in?"):
		// its rarest words are the topic.
		if len(prev.keywords) == 0 {
			return alone
		}
		if ownAsking {
			// "and how long is each one?" after "how many sessions do
			// people need?": the sessions, not "how many".
			content := contentKeywords(prev.keywords)
			if len(content) == 0 {
				return alone
			}
			return followUp{question: alone.question + " " + strings.Join(content, " "), leans: true}
		}
		return followUp{question: alone.question + " " + strings.Join(prev.keywords, " "), leans: true}
	}
	base := inPlaceOfIt(alone.question, names(prev.topics))
	q := base
	aspect := false
	// "how much?", "how soon?" name nothing but what they ask: about what
	// the last question asked about, like a pronoun pointing at it.
	bare := len(ws) <= bareAskMaxWords && asks(norm)
	if pointsAtAspect(norm) || switched || bare {
		// "do they go away?" after "lidocaine side effects?": "they" are
		// the side effects, not lidocaine; "it" is most often the treatment.
		// "what about for children?" asks what was asked, asking words and
		// all ("how long"), about someone else.
		carried := prev.keywords
		if ownAsking {
			carried = contentKeywords(carried)
		}
		for _, k := range carried {
			if !strings.Contains(" "+normalize(q)+" ", " "+normalize(k)+" ") {
				q += " " + k
				aspect = true
			}
		}
	}
	fu := followUp{question: q, topics: prev.topics, leans: true, aspect: aspect}
	if aspect && (pointsAtAspect(norm) || switched) {
		fu.without = []string{base}
	} else if aspect {
		// A bare ask ("how fast?") names nothing it points back at: the
		// reading with the last question's words and the one without are
		// weighed by what they answer.
		fu.others = []string{base}
	}
	if switched && len(prev.topics) > 1 {
		// "how about depression?" after "does ketamine help cancer pain?":
		// a subject the articles name no topic takes the place of one of
		// the last question's, which one the answers tell.
		for i := range prev.topics {
			rest := append(append([]Topic(nil), prev.topics[:i]...), prev.topics[i+1:]...)
			fu.others = append(fu.others, alone.question+" "+names(rest))
		}
	}
	return fu
}

// askingWords open the phrases that say what a question asks ("how
// long", "what conditions", "who does").
var askingWords = map[string]bool{
	"how": true, "what": true, "who": true, "when": true, "where": true, "which": true, "why": true,
}

// asks reports whether norm says itself what it asks: a follow-up that
// does ("how common is that?") asks something else than the question
// before, whose asking words ("how long") it must not carry.
func asks(norm string) bool {
	for _, w := range strings.Fields(norm) {
		if askingWords[w] {
			return true
		}
	}
	return false
}

// asksOwn reports whether norm asks its own question once the words that
// open a switch ("and", "what about") are set aside: "and how long is
// each one?" does, "what about for teenagers?" does not.
func asksOwn(norm string) bool {
	rest := norm
	if loc := switchPrefix.FindStringIndex(norm); loc != nil {
		rest = norm[loc[1]:]
	}
	return asks(rest)
}

// replacesKind reports whether own names a topic of a kind prev named.
func replacesKind(own, prev []Topic) bool {
	for _, t := range own {
		if hasKind(prev, t.Kind) {
			return true
		}
	}
	return false
}

// rivalOf is the last question's topic that a topic of own, of the same
// kind but another name, stands beside: ketamine when the message names
// lidocaine after a question about ketamine. None when the last question
// named more than one other of that kind ("ketamine or iron?").
func rivalOf(own, prev []Topic) (Topic, bool) {
	var rival Topic
	n := 0
	for _, p := range prev {
		if hasTopic(own, p.Name) || !hasKind(own, p.Kind) || (n > 0 && p.Name == rival.Name) {
			continue
		}
		rival = p
		n++
	}
	return rival, n == 1
}

// withoutTopics are keywords that name none of ts.
func withoutTopics(ks []string, ts []Topic) []string {
	var out []string
	for _, k := range ks {
		nk := normalize(k)
		named := false
		for _, t := range ts {
			if nk == normalize(t.Name) || nk == normalize(t.Words) {
				named = true
				break
			}
		}
		if !named {
			out = append(out, k)
		}
	}
	return out
}

// contentKeywords are keywords without the asking words among them: an
// asking phrase keeps what it asks about ("how many sessions" →
// "sessions", "what conditions" → "conditions"; "how long" → nothing).
func contentKeywords(ks []string) []string {
	var out []string
	for _, k := range ks {
		f := strings.Fields(normalize(k))
		if len(f) > 0 && askingWords[f[0]] {
			// "how" asks with the word after it ("how many", "how long").
			drop := 1
			if f[0] == "how" {
				drop = 2
			}
			if len(f) <= drop {
				continue
			}
			k = strings.Join(f[drop:], " ")
		}
		out = append(out, k)
	}
	return out
}

// standIns are words that stand for what a follow-up carries over and are
// no stop words: searched along with it, "ones" would find "one of the
// biggest benefits".
var standIns = regexp.MustCompile(`(?i)\s*\b(ones?|else)\b`)

func dropStandIns(text string) string { return strings.TrimSpace(standIns.ReplaceAllString(text, "")) }

// aspectPronouns point back at what the last question asked about (its
// side effects, risks, sessions) more often than at the treatment.
var aspectPronouns = map[string]bool{
	"they": true, "them": true, "those": true, "these": true, "that": true, "this": true,
	"ones": true, // "which ones?"
}

// asksForMore reports whether norm asks for more of what was last
// answered ("where else is it used?", "what else helps?"): it cannot
// stand on its own.
func asksForMore(norm string) bool {
	return strings.Contains(" "+norm+" ", " else ")
}

func pointsAtAspect(norm string) bool {
	for _, w := range strings.Fields(norm) {
		if aspectPronouns[w] {
			return true
		}
	}
	return false
}

// isSwitch reports whether norm only names topics, in words that ask the
// last question (prev) again about them ("and ketamine?", "what about
// PTSD?"), or in words of that question ("what about after lidocaine?"
// after "can I drive after ketamine?") when it opens as a switch.
func isSwitch(norm string, own []Topic, prev string) bool {
	rest := " " + norm + " "
	for _, t := range own {
		rest = strings.Replace(rest, " "+normalize(t.Words)+" ", " ", 1)
	}
	asked := map[string]bool{}
	if switchPrefix.MatchString(norm) {
		for _, w := range strings.Fields(normalize(prev)) {
			asked[w] = true
		}
	}
	for _, w := range strings.Fields(rest) {
		if !switchWords[w] && !asked[w] {
			return false
		}
	}
	return true
}

// switchTopic asks the previous question about the new topics: each
// replaces the previous question's topic of its kind ("how long do ketamine
// infusions take?", "and lidocaine?"), or joins it when there is none
// ("does ketamine help mood?", "what about PTSD?").
func switchTopic(own []Topic, prev conversation) followUp {
	q := " " + normalize(prev.question) + " "
	var topics []Topic
	replaced := map[int]bool{}
	var add []string
	for _, t := range own {
		t.Words = t.Name
		done := false
		for i, p := range prev.topics {
			if replaced[i] || p.Kind != t.Kind || p.Name == t.Name {
				continue
			}
			span := " " + normalize(p.Words) + " "
			if strings.Contains(q, span) {
				q = strings.Replace(q, span, " "+t.Name+" ", 1)
				replaced[i], done = true, true
				break
			}
		}
		if !done && !strings.Contains(q, " "+t.Name+" ") {
			add = append(add, t.Name)
		}
		topics = append(topics, t)
	}
	for i, p := range prev.topics {
		if !replaced[i] && !hasTopic(topics, p.Name) {
			topics = append(topics, p)
		}
	}
	q = strings.TrimSpace(q)
	if len(add) == 0 {
		return followUp{question: q, topics: topics, leans: true}
	}
	// No topic of the new one's kind to replace: the new topic with the
	// previous ones of other kinds ("does ketamine help mood?", "what about
	// PTSD?": PTSD and ketamine), or the whole previous question with it.
	fu := followUp{question: names(topics), topics: topics, leans: true, alternative: q + " " + strings.Join(add, " ")}
	if names(own) == own[0].Name {
		// "and fibromyalgia?" after "can infusions help CIDP?": two
		// conditions the topic finder put in different kinds; the new one
		// in the old one's place is read too, taken when it answers better
		// (a topic may be named in more than one kind: one name).
		for _, p := range prev.topics {
			span := " " + normalize(p.Words) + " "
			if padded := " " + q + " "; strings.Contains(padded, span) {
				fu.others = append(fu.others, strings.TrimSpace(strings.Replace(padded, span, " "+own[0].Name+" ", 1)))
			}
		}
	}
	return fu
}

// carry is own with the previous topics of kinds own lacks.
func carry(own, prev []Topic) []Topic {
	out := append([]Topic(nil), own...)
	for _, p := range prev {
		if hasKind(own, p.Kind) || hasTopic(out, p.Name) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// namesNew reports whether own holds a topic prev lacks.
func namesNew(own, prev []Topic) bool {
	for _, t := range own {
		if !hasTopic(prev, t.Name) {
			return true
		}
	}
	return false
}

// names are the topics' names, each once: "drink" and "water" may both
// name hydration.
func names(ts []Topic) string {
	var b strings.Builder
	for i, t := range ts {
		if hasTopic(ts[:i], t.Name) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Name)
	}
	return b.String()
}

func hasKind(ts []Topic, kind int) bool {
	for _, t := range ts {
		if t.Kind == kind {
			return true
		}
	}
	return false
}

func hasTopic(ts []Topic, name string) bool {
	for _, t := range ts {
		if t.Name == name {
			return true
		}
	}
	return false
}

func hasPronoun(norm string) bool {
	for _, w := range strings.Fields(norm) {
		if followUpPronouns[w] {
			return true
		}
	}
	return false
}

// auxiliaries open a question that asks yes or no ("is once enough?",
// "does it hurt?").
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "do": true, "does": true, "did": true,
	"can": true, "could": true, "will": true, "would": true, "should": true, "has": true,
	"have": true, "may": true, "might": true,
}

// addressingWords speak to the bot: "how are you?", "what can you do?" are
// small talk or a request for help, whatever came before.
var addressingWords = map[string]bool{"you": true, "your": true, "yours": true, "yourself": true}

// leansOnConversation reports whether text, which the intent classifier
// took for p (greeting, help, out of scope), is a follow-up question
// because it comes after a question: "how?" reads like a greeting, "who
// gives it to me?" like a request for help with the bot, "like what?" like
// something the articles don't cover. A greeting or a request for help
// must ask, and do so in few words without speaking to the bot; out of
// scope is only what the search cannot answer, so every such message is
// searched.
func leansOnConversation(text string, p intent.Prediction) bool {
	switch Intent(p.Intent) {
	case IntentOutOfScope:
		return true
	case IntentGreeting, IntentHelp:
		return p.Confidence < followUpOverturns && asksBriefly(normalize(text))
	case IntentThanks, IntentGoodbye, IntentClinic:
		// "how much?", "or is that pointless", "weekly?" read like thanks,
		// a goodbye, a question for the front desk; after a question they
		// ask more of it. Only when the message opens as a question (or
		// is a word or two put as one): "thanks, how long?" is small talk
		// run into a question, which the clauses take apart. Read so and
		// unanswered, the classifier's reply stands.
		return p.Confidence < followUpOverturns && opensAsking(text)
	}
	return false
}

// opensAsking reports whether text is a short question not addressed to
// the bot that opens as one ("how much?", "or do I have to wait?") or, in
// a few words, is put as one ("weekly?").
func opensAsking(text string) bool {
	ws, ok := briefUnaddressed(normalize(text))
	if !ok {
		return false
	}
	return startsQuestion(ws[0]) || ws[0] == "or" ||
		len(ws) <= bareAskMaxWords && strings.HasSuffix(strings.TrimSpace(text), "?")
}

// followUpOverturns is the classifier's confidence below which a brief
// question after a question is read as a follow-up: "how do I use this?"
// is a request for help however it comes (the classifier is all but
// certain of it), "how does it work?" after lidocaine is not (it is
// unsure between help and a question).
const followUpOverturns = 0.9

// asksBriefly reports whether norm is a short question not addressed to
// the bot.
func asksBriefly(norm string) bool {
	ws, ok := briefUnaddressed(norm)
	return ok && (auxiliaries[ws[0]] || asks(norm))
}

// briefUnaddressed returns the words of norm when it is a message of a few
// words not addressed to the bot ("how do YOU work?" is about the bot).
func briefUnaddressed(norm string) ([]string, bool) {
	ws := strings.Fields(norm)
	if len(ws) == 0 || len(ws) > leanMaxWords {
		return nil, false
	}
	for _, w := range ws {
		if addressingWords[w] {
			return nil, false
		}
	}
	return ws, true
}

// askingIdioms ask with other words than the asking words: "how come" is
// "why", and its "come" no word to search for.
var askingIdioms = regexp.MustCompile(`(?i)\bhow\s+come\b`)

func plainAsking(text string) string { return askingIdioms.ReplaceAllString(text, "why") }

// Bare asks: "how?", "why?", "like what?", "is once enough?" name nothing
// of their own and ask about the last question itself.
const (
	// bareAskMaxWords is the most words of a bare ask; a longer message
	// that names nothing the articles know ("who won the football?") asks
	// about something else.
	bareAskMaxWords = 3
	// bareAskMaxRank is the rarest English word (by frequency rank,
	// internal/lexicon) a bare ask may hold that the articles lack: "once",
	// "enough" say nothing new; "weather" asks about something else.
	bareAskMaxRank = 1000
)

// isBareAsk reports whether norm, whose search terms are terms, asks only
// about the last question: a few words or a pronoun pointing back ("who
// puts it in?"), none the articles know, each common in English.
func isBareAsk(norm string, terms []SearchTerm, pronoun bool) bool {
	if len(strings.Fields(norm)) > bareAskMaxWords && !pronoun {
		return false
	}
	for _, t := range terms {
		if t.Known {
			return false
		}
		if r := lexicon.Rank(t.Word); r == 0 || r > bareAskMaxRank {
			return false
		}
	}
	return true
}

// itPronoun is "it" standing for the topic: "how does it work?" asks how
// lidocaine works.
var itPronoun = regexp.MustCompile(`(?i)\b(it|its)\b`)

// inPlaceOfIt puts topic where text says "it", read as the sentence it
// stands in ("how does lidocaine work"), or after text when it does not
// say it ("side effects? lidocaine").
func inPlaceOfIt(text, topic string) string {
	loc := itPronoun.FindStringIndex(text)
	if loc == nil {
		return text + " " + topic
	}
	return text[:loc[0]] + topic + text[loc[1]:]
}

// commonWordRank is the English frequency rank (internal/lexicon) within
// which a single word says nothing of what a question is about, however
// rarely the articles use it: "since", "two", "years", "next", "people"
// carried into a follow-up pull it towards whatever passage holds them.
// Phrases the index knows ("side effects", "start working") are kept: the
// articles use them as one thing. Measured on the tuning sets' multi-turn
// cases, 200 keeps aspect words such as "given" and "need" (rank 433,
// 392) that the follow-up may lean on.
const commonWordRank = 200

func commonInEnglish(word string) bool {
	if strings.Contains(word, " ") {
		return false
	}
	r := lexicon.Rank(word)
	return r > 0 && r <= commonWordRank
}

// theOther is "the other (one)" pointing at a topic by the one the last
// question named: "and the other one?", "what does the other drug do?";
// not "other options" or "the other drugs", which ask for more.
var theOther = regexp.MustCompile(`(?i)\b(the|that)\s+other(\s+one|\s+[a-z]*[^s\W])?\s*(\?|$)`)

// otherOfKind is the topic "the other" in text stands for: the one other
// topic of the kind of the last question's only topic, when that kind has
// two. Its Words are those that named it ("other one", "other drug").
func otherOfKind(text string, prev []Topic, kl KindLister) (Topic, bool) {
	m := theOther.FindStringSubmatch(normalizeKeepEnd(text))
	if len(prev) != 1 || m == nil {
		return Topic{}, false
	}
	ts := kl.TopicsOfKind(prev[0].Kind)
	if len(ts) != 2 || !hasTopic(ts, prev[0].Name) {
		return Topic{}, false
	}
	for _, t := range ts {
		if t.Name != prev[0].Name {
			t.Words = strings.Join(strings.Fields("other "+m[2]), " ")
			return t, true
		}
	}
	return Topic{}, false
}

// normalizeKeepEnd is text lower case, trimmed, its final "?" kept apart.
func normalizeKeepEnd(text string) string {
	return strings.TrimSpace(strings.ToLower(strings.TrimRight(strings.TrimSpace(text), "?!. ")))
}
