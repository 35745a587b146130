package bot

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/infusionbot/infusionbot/bot/intent"
	"github.com/infusionbot/infusionbot/bot/safety"
)

// RouterConfig configures a Router. Zero values take the defaults.
type RouterConfig struct {
	Clinic Clinic
	Safety *safety.Detector // nil: safety.Default(), the embedded red-flag lexicon
	Rules  *Rules           // nil: the embedded rules.txt
	// Intents classifies what safety and the rules leave; nil: trained on
	// the embedded bot/intent/examples.txt.
	Intents *intent.Classifier
	Replies *Replies // nil: the embedded replies.txt rendered for Clinic
	// ConversationTTL is how long follow-up context lasts (default 30 minutes).
	ConversationTTL time.Duration
	// MaxConversations bounds the remembered conversations (default 100,000).
	MaxConversations int
	Answer           AnswerConfig
	// SafetyTurnsTTL is how long a conversation's last turns are read with
	// its next message for a red flag spread over messages (default 10
	// minutes).
	SafetyTurnsTTL time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Router decides what a message is and answers it: safety first (package
// safety: emergency, crisis), then the other intents, then a search of the
// articles.
// It is a Handler, like http.ServeMux is an http.Handler.
type Router struct {
	current atomic.Pointer[searcherBox]
	safety  *safety.Detector
	turns   *safety.Turns // the last turns of each conversation, for safety
	rules   *Rules
	intents atomic.Pointer[intent.Classifier]
	replies *Replies
	convs   *conversations
	answer  AnswerConfig
}

// NewRouter makes a Router answering from s.
func NewRouter(s Searcher, cfg RouterConfig) (*Router, error) {
	if cfg.Clinic == (Clinic{}) {
		cfg.Clinic = DefaultClinic()
	}
	if cfg.Safety == nil {
		cfg.Safety = safety.Default()
	}
	if cfg.Rules == nil {
		cfg.Rules = DefaultRules()
	}
	if cfg.Intents == nil {
		cfg.Intents = intent.Default()
	}
	if cfg.Replies == nil {
		r, err := DefaultReplies(cfg.Clinic)
		if err != nil {
			return nil, err
		}
		cfg.Replies = r
	}
	if cfg.ConversationTTL == 0 {
		cfg.ConversationTTL = 30 * time.Minute
	}
	if cfg.MaxConversations == 0 {
		cfg.MaxConversations = 100_000
	}
	if cfg.SafetyTurnsTTL == 0 {
		cfg.SafetyTurnsTTL = 10 * time.Minute
	}
	rt := &Router{
		safety:  cfg.Safety,
		turns:   safety.NewTurns(cfg.SafetyTurnsTTL, cfg.MaxConversations, cfg.Now),
		rules:   cfg.Rules,
		replies: cfg.Replies,
		convs:   newConversations(cfg.ConversationTTL, cfg.MaxConversations, cfg.Now),
		answer:  cfg.Answer.withDefaults(),
	}
	rt.intents.Store(cfg.Intents)
	rt.SetSearcher(s)
	return rt, nil
}

type searcherBox struct {
	Searcher
	// headingTopics caches, per citation id, the topics of its headings.
	headingTopics sync.Map
}

// SetSearcher swaps the searcher in place, for example after the knowledge
// was reloaded: messages already being answered finish with the old one,
// and conversations keep their follow-up context.
func (rt *Router) SetSearcher(s Searcher) { rt.current.Store(&searcherBox{Searcher: s}) }

// SetIntents swaps the intent classifier in place, for example one reading
// messages against reloaded articles (intent.Classifier.WithVocabulary).
func (rt *Router) SetIntents(c *intent.Classifier) { rt.intents.Store(c) }

func (rt *Router) searcher() Searcher { return rt.current.Load().Searcher }

// Handle answers one message. Safety comes first and nothing overrules it:
// a message reporting an emergency or a crisis gets that guidance and
// nothing else; one telling a past red flag goes to the provider; a general
// question about one is answered, with a note on what to do if it is
// happening now.
//
// The message is read with the conversation's last few turns (see
// safety.Turns.Check): "everything hurts", then "i just want it to end" is a
// crisis, though neither says it alone.
func (rt *Router) Handle(ctx context.Context, m Message) (Reply, error) {
	key := conversationKey(m)
	f := rt.turns.Check(rt.safety, key, m.Text)
	switch {
	case f.Escalate():
		if f.EmergencyFirst {
			// An overdose taken to die: a crisis whose guidance is the
			// emergency's, first, with the crisis line after it. Both
			// intents are Urgent, so nothing downstream ranks it lower.
			r := rt.canned(string(safety.Emergency))
			r.Body += "\n" + rt.replies.Get("crisis_note")
			r.Intent = Intent(f.Class)
			return r, nil
		}
		return rt.canned(string(f.Class)), nil
	case f.Mode == safety.History:
		r := rt.canned(string(IntentMedicalAdvice))
		if f.Class == safety.Crisis {
			r.Handoff = rt.replies.Get("crisis_note") + "\n" + r.Handoff
		}
		return r, nil
	}
	r, err := rt.route(ctx, m)
	if err == nil && f.Mode == safety.Question {
		r.Handoff = strings.TrimSpace(rt.replies.Get(string(f.Class)+"_note") + "\n" + r.Handoff)
	}
	return r, err
}

// conversationKey is what the router remembers a conversation by.
func conversationKey(m Message) string {
	if m.Conversation != "" {
		return m.Conversation
	}
	return m.Platform + ":" + m.User
}

// route answers a message that reports no red flag.
func (rt *Router) route(ctx context.Context, m Message) (r Reply, err error) {
	text := strings.TrimSpace(m.Text)
	if normalize(text) == "" {
		return Reply{Intent: IntentHelp, Body: rt.replies.Get("empty")}, nil
	}
	key := conversationKey(m)
	// said is the small talk around what the message asks ("thanks, is it
	// safe?"), acknowledged in the reply; see clauses.go.
	var said smallTalk
	defer func() {
		if err == nil {
			r = rt.acknowledged(r, said)
		}
	}()
	var p intent.Prediction
	section, mistaken, sure := "", Intent(""), 1.0
	if rule, ok := rt.rules.Match(text); ok {
		section = rule.Section
	} else if text, p, said = rt.readClauses(key, text); p.Intent != intent.Question {
		section, sure = p.Intent, p.Confidence
		if _, asked := rt.convs.get(key); asked && leansOnConversation(text, p) {
			// "what about iron?", "how?" after a question are follow-ups
			// the search resolves, not small talk.
			mistaken, section = Intent(section), ""
		}
	}
	if section != "" && answersFirst[section] && sure < yieldBelow {
		r, ok, err := rt.answeredByArticles(ctx, key, text)
		if err != nil {
			return Reply{}, &Error{User: DefaultUserError, Op: "search", Err: err}
		}
		if ok {
			return r, nil
		}
	}
	if section != "" {
		rt.rememberTopics(ctx, key, text)
		if section == string(IntentClinic) {
			r, ok, err := rt.answerClinicQuestion(ctx, rt.searcher(), text)
			if err != nil {
				return Reply{}, &Error{User: DefaultUserError, Op: "search", Err: err}
			}
			if ok {
				return r, nil
			}
		}
		return rt.canned(section), nil
	}
	reply, err := rt.question(ctx, key, text)
	if err != nil {
		return Reply{}, &Error{User: DefaultUserError, Op: "search", Err: err}
	}
	if mistaken != "" && mistaken != IntentOutOfScope && !reply.Answered {
		// Read as a follow-up it finds no answer: it was what the
		// classifier said ("how do I use this?").
		return rt.canned(string(mistaken)), nil
	}
	return reply, nil
}

// answersFirst are the intents whose canned reply yields to an answer the
// articles hold when the classifier was less than yieldBelow sure: it
// learned them from how people chat, and a question in few words ("do i lie
// down or sit up for it", "who gives it to me" after a question) can look
// like chat, while off-topic chat and a question about the bot find nothing
// in the articles that holds them. Advice about a person's own medicines
// never yields (the articles would answer "can I stop my gabapentin?" with
// what gabapentin is), nor a request for a person or a clinic question
// (answered from the clinic's own articles or with its contact details),
// nor greetings, thanks and goodbyes: after a question their few words,
// read as a follow-up, find the last answer again ("how are you?" after
// lidocaine for fibromyalgia); a brief follow-up the classifier took for
// a greeting is leansOnConversation's.
var answersFirst = map[string]bool{string(IntentHelp): true, string(IntentOutOfScope): true}

// yieldBelow is the classifier's confidence under which a chat intent
// yields to the articles' answer. A sure call does not: on the tuning sets
// (qa_tune, qa_final, qa_final2), yielding always let the articles
// "answer" "help" (help, 0.96: a passage on migraine relief holds the
// word), "hello, how does this work?" (0.92) and "whats the best way to
// study for the sat" (off-topic, 0.91: "best-researched"), while the
// follow-ups it rescued ("who gives it to me" after a question about a
// session, help at 0.65) were called far less surely.
const yieldBelow = 0.85

// answeredByArticles answers text as a question when the articles answer
// it (in its conversation: a follow-up is resolved first), and reports
// false, remembering nothing, when they don't.
func (rt *Router) answeredByArticles(ctx context.Context, key, text string) (Reply, bool, error) {
	r, err := rt.question(withoutMemory(ctx), key, text)
	if err != nil || !r.Answered {
		return Reply{}, false, err
	}
	if remembers(ctx) {
		// Asked again to remember it: the conversation goes on about it.
		if r, err = rt.question(ctx, key, text); err != nil {
			return Reply{}, false, err
		}
	}
	return r, r.Answered, nil
}

// question answers a message the rules left to the search, in the context
// of its conversation, and remembers what it was about.
func (rt *Router) question(ctx context.Context, key, text string) (Reply, error) {
	prev, _ := rt.convs.get(key)
	s := rt.searcher()
	topicsOf := func(string) []Topic { return nil }
	if tf, ok := s.(TopicFinder); ok {
		topicsOf = tf.Topics
	}
	if hit, ok := pickedChoice(text, prev.choices); ok {
		return rt.answerChoice(key, s, hit, prev), nil
	}
	text = plainAsking(text)
	own := topicsOf(text)
	if kl, ok := s.(KindLister); ok && len(own) == 0 {
		// "and the other one?" after lidocaine: ketamine, when the two are
		// all of their kind.
		if t, ok := otherOfKind(text, prev.topics, kl); ok {
			own = []Topic{t}
		}
	}
	fu := resolveFollowUp(text, own, prev)
	res, err := s.Search(ctx, fu.question, rt.answer.Candidates)
	if err != nil {
		return Reply{}, err
	}
	if fu.alternative != "" {
		alt, err := s.Search(ctx, fu.alternative, rt.answer.Candidates)
		if err != nil {
			return Reply{}, err
		}
		if rt.topCoverage(alt) >= rt.topCoverage(res) {
			fu.question, res = fu.alternative, alt
		}
	}
	for _, q := range fu.others {
		alt, err := s.Search(ctx, q, rt.answer.Candidates)
		if err != nil {
			return Reply{}, err
		}
		if rt.answersBetter(alt, res, prev.answeredFrom) {
			fu.question, res = q, alt
		}
	}
	for _, q := range fu.without {
		if rt.topCoverage(res) > 0 {
			break
		}
		alt, err := s.Search(ctx, q, rt.answer.Candidates)
		if err != nil {
			return Reply{}, err
		}
		if rt.topCoverage(alt) > 0 {
			fu.question, res = q, alt
		}
	}
	switch {
	case fu.mustBeatAlone && rt.topCoverage(res) == 0:
		// A message that names its own topic leans on the last one only
		// when the articles answer that.
		if res, err = s.Search(ctx, text, rt.answer.Candidates); err != nil {
			return Reply{}, err
		}
		fu = followUp{question: text, topics: own}
	case fu.leans && len(own) == 0:
		// A message that means nothing on its own ("what time is it?") is
		// no follow-up, whatever was asked before, unless it points back at
		// what was asked ("do they go away?" after side effects) or asks
		// for more of it ("where else is it used?").
		alone, err := s.Search(ctx, text, 1)
		if err != nil {
			return Reply{}, err
		}
		norm := normalize(text)
		if !anyKnown(alone.Terms) && !pointsAtAspect(norm) && !asksForMore(norm) {
			if !isBareAsk(norm, alone.Terms, hasPronoun(norm)) {
				fu, res = followUp{question: text}, alone
				break
			}
			// "how?", "is once enough?": the last question, asked so.
			q := text + " " + prev.question
			bare, err := s.Search(ctx, q, rt.answer.Candidates)
			if err != nil {
				return Reply{}, err
			}
			// Taken when it answers at all: the topic alone ("why? iron")
			// holds more of itself but answers something else.
			if rt.topCoverage(bare) > 0 || !rt.answersBetter(res, bare, prev.answeredFrom) {
				fu, res = followUp{question: q, topics: prev.topics, leans: true}, bare
			}
		}
	}
	keywords := keywordsOf(res.Terms)
	if fu.leans {
		res = goOnFrom(res, prev.answeredFrom)
	}
	reply := rt.answerFrom(s, res)
	if !reply.Answered {
		// "I've had CRPS for years and nothing works. Could ketamine help?":
		// the story around a question can drown it; ask the question alone,
		// with the topics the story names.
		if q, own, ok := questionInStory(text, topicsOf, res.Terms); ok && rt.hasSpecificTerm(ctx, s, q) {
			sfu := resolveFollowUp(q, own, prev)
			if sres, err := s.Search(ctx, sfu.question, rt.answer.Candidates); err == nil {
				if r := rt.answerFrom(s, sres); r.Answered {
					reply, fu, keywords = r, sfu, keywordsOf(sres.Terms)
				}
			}
		}
	}
	var choices []SearchHit
	if reply.Answered {
		if choices = rt.choicesFor(s, res, fu.topics); choices != nil {
			reply = rt.offerChoices(s, choices)
		}
	}
	if reply.Intent == IntentQuestion && remembers(ctx) {
		topics := fu.topics
		if len(topics) == 0 && !fu.leans {
			topics = prev.topics
		}
		from := ""
		if reply.Answered && len(reply.Citations) > 0 {
			from = reply.Citations[0].ID
		}
		rt.convs.put(key, conversation{question: fu.question, topics: topics, keywords: keywords, choices: choices, answeredFrom: from})
	}
	return reply, nil
}

// answerChoice answers from the passage a person picked from a "did you
// mean" reply; the conversation goes on about what that passage is about.
func (rt *Router) answerChoice(key string, s Searcher, hit SearchHit, prev conversation) Reply {
	reply := rt.compose([]quote{rt.quoteFor(s, hit)})
	topics := append([]Topic(nil), prev.topics...) // the stored slice is shared
	question := prev.question
	if tf, ok := s.(TopicFinder); ok {
		for _, t := range rt.headingTopics(tf, hit.Passage) {
			if !hasTopic(topics, t.Name) {
				topics = append(topics, t)
				question += " " + t.Name
			}
		}
	}
	rt.convs.put(key, conversation{question: question, topics: topics, keywords: prev.keywords})
	return reply
}

// keywordsOf are the words of a question that say most what it is about:
// those the articles know that are rare enough to be specific, corrected.
func keywordsOf(terms []SearchTerm) []string {
	var out []string
	for _, t := range terms {
		if !t.Known || t.Weight < specificWeight || commonInEnglish(t.Word) {
			continue
		}
		w := t.Word
		if t.Corrected != "" {
			w = t.Corrected
		}
		out = append(out, w)
	}
	return out
}

// answersBetter reports whether ranking a answers better than b: its best
// quotable passage holds more of its question or, holding as much, goes on
// in the section the last answer (from) quoted, where b does not.
func (rt *Router) answersBetter(a, b SearchResult, from string) bool {
	ca, cb := rt.topCoverage(a), rt.topCoverage(b)
	if ca != cb || ca == 0 {
		return ca > cb
	}
	return from != "" && rt.topCite(a) == from && rt.topCite(b) != from
}

// topCite is the citation id of the best ranked passage that may be
// quoted, "" when none may.
func (rt *Router) topCite(res SearchResult) string {
	for _, h := range res.Hits {
		if h.Coverage >= rt.answer.MinCoverage {
			return h.Cite
		}
	}
	return ""
}

// topCoverage is how much of the question the best passage holds that may
// be quoted, 0 when none may.
func (rt *Router) topCoverage(res SearchResult) float64 {
	best := 0.0
	for _, h := range res.Hits {
		if h.Coverage >= rt.answer.MinCoverage {
			best = max(best, h.Coverage)
		}
	}
	return best
}

// specificWeight is the least weight (inverse document frequency) of a
// word that says what a question is about; "infusion" or "therapy", held
// by most passages, say nothing.
const specificWeight = 1.2

// hasSpecificTerm reports whether text names something specific the
// articles know: "Can I get an infusion?" does not, so the story around it
// ("I'm allergic to eggs.") cannot be dropped.
func (rt *Router) hasSpecificTerm(ctx context.Context, s Searcher, text string) bool {
	res, err := s.Search(ctx, text, 1)
	if err != nil {
		return false
	}
	for _, t := range res.Terms {
		if t.Known && t.Weight >= specificWeight {
			return true
		}
	}
	return false
}

// canned is the reply of a rules.txt section.
func (rt *Router) canned(section string) Reply {
	switch section {
	case "sources":
		return Reply{Intent: IntentHelp, Body: rt.sourcesText()}
	case string(IntentMedicalAdvice):
		return Reply{Intent: IntentMedicalAdvice, Body: rt.replies.Get(section), Handoff: rt.replies.Get("handoff")}
	}
	return Reply{Intent: Intent(section), Body: rt.replies.Get(section)}
}

func (rt *Router) sourcesText() string {
	var b strings.Builder
	b.WriteString(rt.replies.Get("sources"))
	for i, s := range rt.searcher().Sources() {
		b.WriteString("\n" + itoa(i+1) + ". " + s.Title)
		if s.Source != "" {
			b.WriteString(" (" + s.Source)
			if s.Published != "" {
				b.WriteString(", " + s.Published)
			}
			b.WriteString(")")
		}
	}
	return b.String()
}
