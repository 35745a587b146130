package bot

import (
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot/intent"
)

// TestResolveFollowUp reads messages against the question before them,
// with topics as a TopicFinder reports them (kind 1: treatments; kind 2:
// the conditions of one list; kind 3: the risks of another).
func TestResolveFollowUp(t *testing.T) {
	var (
		ketamine  = Topic{Name: "ketamine", Words: "ketamine", Kind: 1}
		lidocaine = Topic{Name: "lidocaine", Words: "lidocaine", Kind: 1}
		iron      = Topic{Name: "iron", Words: "iron", Kind: 1}
		crps      = Topic{Name: "crps", Words: "crps", Kind: 2}
		ptsd      = Topic{Name: "ptsd", Words: "ptsd", Kind: 2}
		cancer    = Topic{Name: "cancer pain", Words: "cancer pain", Kind: 6}
		phlebitis = Topic{Name: "phlebitis", Words: "phlebitis", Kind: 3}
		infection = Topic{Name: "infection", Words: "infection", Kind: 3}
	)
	tests := []struct {
		name     string
		prev     conversation
		text     string
		own      []Topic
		want     string
		alt      string
		others   []string
		without  []string
		mustBeat bool
	}{
		{name: "first message", text: "how long does it take?", want: "how long does it take?"},
		{name: "the topic goes where it says it",
			prev: conversation{question: "What is an IV iron infusion?", topics: []Topic{iron}},
			text: "how long does it take?", want: "how long does iron take?"},
		{name: "short question takes the topic",
			prev: conversation{question: "What is an IV iron infusion?", topics: []Topic{iron}},
			text: "what are the side effects?", want: "what are the side effects? iron"},
		{name: "they points at what was asked",
			prev: conversation{question: "lidocaine side effects?", topics: []Topic{lidocaine}, keywords: []string{"lidocaine", "side effects"}},
			text: "do they go away", want: "do they go away lidocaine side effects"},
		{name: "and X replaces the topic of its kind, keeping the aspect",
			prev: conversation{question: "how long do ketamine infusions take", topics: []Topic{ketamine}},
			text: "and lidocaine ones?", own: []Topic{lidocaine}, want: "how long do lidocaine infusions take"},
		{name: "a typed variant is replaced too",
			prev: conversation{question: "what are ketamine's side effects", topics: []Topic{{Name: "ketamine", Words: "ketamine's", Kind: 1}}},
			text: "what about lidocaine?", own: []Topic{lidocaine}, want: "what are lidocaine side effects"},
		{name: "what about X joins a topic of another kind",
			prev: conversation{question: "does ketamine help mood", topics: []Topic{ketamine}},
			text: "what about ptsd?", own: []Topic{ptsd}, want: "ptsd ketamine", alt: "does ketamine help mood ptsd"},
		{name: "what about X in words of the last question asks it again",
			prev: conversation{question: "can i drive after ketamine", topics: []Topic{ketamine}},
			text: "what about after lidocaine?", own: []Topic{lidocaine}, want: "can i drive after lidocaine"},
		{name: "words the last question lacks ask something else",
			prev: conversation{question: "can i drive after ketamine", topics: []Topic{ketamine}},
			text: "what about sleeping after lidocaine?", own: []Topic{lidocaine}, want: "what about sleeping after lidocaine?"},
		{name: "and X of another kind is read in the old one's place too",
			prev: conversation{question: "can infusions help cidp", topics: []Topic{{Name: "cidp", Words: "cidp", Kind: 7}}},
			text: "and crps?", own: []Topic{crps}, want: "crps cidp", alt: "can infusions help cidp crps",
			others: []string{"can infusions help crps"}},
		{name: "a topic of its own with a pronoun for the old one",
			prev: conversation{question: "what is crps?", topics: []Topic{crps}},
			text: "can lidocaine help it?", own: []Topic{lidocaine}, want: "can lidocaine help it? crps", mustBeat: true},
		{name: "a topic of the same kind stands alone",
			prev: conversation{question: "is phlebitis a risk with infusions", topics: []Topic{phlebitis}},
			text: "and infection, how likely is that?", own: []Topic{infection}, want: "and infection, how likely is that?"},
		{name: "a long question naming its own topic is no follow-up",
			prev: conversation{question: "How long does an iron infusion take?", topics: []Topic{iron}},
			text: "What are the side effects of lidocaine infusions?", own: []Topic{lidocaine}, want: "What are the side effects of lidocaine infusions?"},
		{name: "repeating the topic is a new question",
			prev: conversation{question: "How long does a ketamine infusion last?", topics: []Topic{ketamine}},
			text: "What is ketamine?", own: []Topic{ketamine}, want: "What is ketamine?"},
		{name: "which ones asks for the items of what was asked",
			prev: conversation{question: "does ketamine have side effects?", topics: []Topic{ketamine}, keywords: []string{"ketamine", "side effects"}},
			text: "which ones?", want: "which? ketamine side effects"},
		{name: "else stands for what was answered",
			prev: conversation{question: "how does lidocaine work", topics: []Topic{lidocaine}, keywords: []string{"lidocaine"}},
			text: "where else is it used?", want: "where is lidocaine used?"},
		{name: "ones stands for what was asked, not a word to search",
			prev: conversation{question: "which medications go in an infusion", keywords: []string{"medications"}},
			text: "which ones are opioids?", own: []Topic{{Name: "opioids", Words: "opioids", Kind: 4}},
			want: "which are opioids? medications"},
		{name: "a follow-up asking its own way carries no asking words",
			prev: conversation{question: "how long does a ketamine infusion take", topics: []Topic{ketamine}, keywords: []string{"how long", "ketamine", "session"}},
			text: "what are they used for?", want: "what are they used for? ketamine session"},
		{name: "a topic in the place of the last one asks anew",
			prev: conversation{question: "is phlebitis a risk with infusions", topics: []Topic{phlebitis}, keywords: []string{"phlebitis", "risk"}},
			text: "and infection, how likely is that?", own: []Topic{infection}, want: "and infection, how likely is that?"},
		{name: "a long question without a pronoun stands alone",
			prev: conversation{question: "what is ketamine", topics: []Topic{ketamine}},
			text: "how do I prepare for my first infusion appointment", want: "how do I prepare for my first infusion appointment"},
		{name: "a subject that is no topic takes the place of one of the last two",
			prev: conversation{question: "can ketamine help crps", topics: []Topic{ketamine, crps}},
			text: "how about migraines?", want: "how about migraines? ketamine crps",
			others: []string{"how about migraines? crps", "how about migraines? ketamine"}},
		{name: "what about someone else asks what was asked, asking words and all",
			prev: conversation{question: "how long does a ketamine infusion take", topics: []Topic{ketamine}, keywords: []string{"how long", "ketamine"}},
			text: "what about for teenagers?", want: "what about for teenagers? ketamine how long",
			without: []string{"what about for teenagers? ketamine"}},
		{name: "a sequel asking its own way keeps what was asked about, not how",
			prev: conversation{question: "how many sessions will I need", keywords: []string{"how many sessions"}},
			text: "and how long is each?", want: "and how long is each? sessions"},
		{name: "a sequel that says all it asks stands alone",
			prev: conversation{question: "how many people have back pain", keywords: []string{"how many", "back pain"}},
			text: "and how much does chronic pain cost the nation", want: "and how much does chronic pain cost the nation"},
		{name: "a long sequel asking its own way takes the last topics, one at a time too",
			prev: conversation{question: "can ketamine help crps", topics: []Topic{ketamine, crps}, keywords: []string{"ketamine", "crps"}},
			text: "and how many sessions do most people end up having", want: "and how many sessions do most people end up having ketamine crps",
			others: []string{"and how many sessions do most people end up having ketamine", "and how many sessions do most people end up having crps"}, mustBeat: true},
		{name: "it stands for what a message naming no topic was about",
			prev: conversation{question: "needles make me nervous", keywords: []string{"needles"}},
			text: "could it give me an infection?", own: []Topic{infection}, want: "could it give me an infection? needles",
			without: []string{"could it give me an infection?"}},
		{name: "they keeps the aspect; the topic alone is only a fallback",
			prev: conversation{question: "what side effects can lidocaine cause", topics: []Topic{lidocaine}, keywords: []string{"side effects", "lidocaine"}},
			text: "how long do they last?", want: "how long do they last? lidocaine side effects",
			others: []string{}, without: []string{"how long do they last? lidocaine"}},
		{name: "it is still the last drug when the message names another of its kind",
			prev: conversation{question: "whats ketamine", topics: []Topic{ketamine}, keywords: []string{"ketamine"}},
			text: "is it better than lidocaine?", own: []Topic{lidocaine}, want: "is ketamine better than lidocaine?",
			without: []string{"is it better than lidocaine?"}},
		{name: "the other of two named is it",
			prev: conversation{question: "lidocaine or ketamine?", topics: []Topic{lidocaine, ketamine}, keywords: []string{"lidocaine", "ketamine"}},
			text: "is it better than lidocaine?", own: []Topic{lidocaine}, want: "is ketamine better than lidocaine?"},
		{name: "no antecedent to pick among two others",
			prev: conversation{question: "ketamine or iron?", topics: []Topic{ketamine, iron}, keywords: []string{"ketamine", "iron"}},
			text: "is it better than lidocaine?", own: []Topic{lidocaine}, want: "is it better than lidocaine?"},
		{name: "another drug without it asks about that drug",
			prev: conversation{question: "whats ketamine", topics: []Topic{ketamine}, keywords: []string{"ketamine"}},
			text: "how long does a lidocaine infusion take?", own: []Topic{lidocaine}, want: "how long does a lidocaine infusion take?"},
		{name: "a bare ask names nothing to keep: both readings weighed",
			prev: conversation{question: "does ketamine help depression", topics: []Topic{ketamine}, keywords: []string{"ketamine", "depression"}},
			text: "how fast?", want: "how fast? ketamine depression",
			others: []string{"how fast? ketamine"}, without: []string{}},
		{name: "or asks the last question the other way",
			prev: conversation{question: "does the relief come right away", keywords: []string{"relief"}},
			text: "or does it take weeks?", want: "or does it take weeks? relief"},
		{name: "a bare how much asks about what was asked, each topic named once",
			prev: conversation{question: "should I drink water before", keywords: []string{"drink", "water"},
				topics: []Topic{{Name: "hydration", Words: "drink", Kind: 7}, {Name: "hydration", Words: "water", Kind: 7}}},
			text: "how much?", want: "how much? hydration drink water", others: []string{"how much? hydration"}},
		{name: "a new topic after two old ones is read with each of them too",
			prev: conversation{question: "can ketamine help cancer pain", topics: []Topic{ketamine, cancer}},
			text: "and crps, does it work there as well?", own: []Topic{crps},
			want: "and crps, does it work there as well? ketamine cancer pain", mustBeat: true,
			others: []string{"and crps, does it work there as well? ketamine", "and crps, does it work there as well? cancer pain"}},
		{name: "a question naming its own topic may also be read with the last one",
			prev: conversation{question: "how does lidocaine work", topics: []Topic{lidocaine}},
			text: "what do NMDA receptors do", own: []Topic{{Name: "nmda", Words: "nmda", Kind: 5}},
			want: "what do NMDA receptors do", others: []string{"what do NMDA receptors do lidocaine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fu := resolveFollowUp(tt.text, tt.own, tt.prev)
			if tt.others != nil && strings.Join(fu.others, "|") != strings.Join(tt.others, "|") {
				t.Errorf("other readings %q, want %q", fu.others, tt.others)
			}
			if tt.without != nil && strings.Join(fu.without, "|") != strings.Join(tt.without, "|") {
				t.Errorf("readings carrying less %q, want %q", fu.without, tt.without)
			}
			if fu.question != tt.want || fu.alternative != tt.alt || fu.mustBeatAlone != tt.mustBeat {
				t.Errorf("got %q (alternative %q, must beat alone %v), want %q (%q, %v)", fu.question, fu.alternative, fu.mustBeatAlone, tt.want, tt.alt, tt.mustBeat)
			}
		})
	}
}

// TestLeansOnConversation: after a question, which messages the intent
// classifier took for small talk are follow-up questions.
func TestLeansOnConversation(t *testing.T) {
	tests := []struct {
		text       string
		intent     Intent
		confidence float64
		want       bool
	}{
		{"how?", IntentGreeting, 0.8, true},
		{"who does it?", IntentHelp, 0.7, true},
		{"is that normal?", IntentGreeting, 0.6, true},
		{"hi", IntentGreeting, 0.8, false},
		{"how are you?", IntentGreeting, 0.8, false}, // speaks to the bot
		{"what can u do", IntentHelp, 0.7, false},
		{"how do I use this?", IntentHelp, 0.99, false}, // the classifier is sure
		{"how does it work, and what is the first thing you check at every single visit?", IntentHelp, 0.6, false},
		{"like what", IntentOutOfScope, 0.9, true},
		{"thanks, how long does it take?", IntentThanks, 0.6, false},
		{"can I take twice as much?", IntentMedicalAdvice, 0.6, false},
		{"how often?", IntentThanks, 0.6, true},
		{"or does it wear off?", IntentGoodbye, 0.5, true},
		{"monthly?", IntentClinic, 0.8, true},
		{"thanks so much", IntentThanks, 0.8, false},
		{"do you take medicare?", IntentClinic, 0.8, false},     // speaks to the clinic
		{"is it open on saturdays?", IntentClinic, 0.95, false}, // the classifier is sure
		{"a doctor or a nurse?", IntentHuman, 0.6, false},       // asking for a person is never overturned
	}
	for _, tt := range tests {
		p := intent.Prediction{Intent: string(tt.intent), Best: string(tt.intent), Confidence: tt.confidence}
		if got := leansOnConversation(tt.text, p); got != tt.want {
			t.Errorf("leansOnConversation(%q, %s %.2f) = %v, want %v", tt.text, tt.intent, tt.confidence, got, tt.want)
		}
	}
}

// TestIsBareAsk: a message naming nothing the articles know asks about the
// last question only when it says nothing else either.
func TestIsBareAsk(t *testing.T) {
	unknown := func(ws ...string) []SearchTerm {
		var ts []SearchTerm
		for _, w := range ws {
			ts = append(ts, SearchTerm{Word: w})
		}
		return ts
	}
	tests := []struct {
		norm  string
		terms []SearchTerm
		want  bool
	}{
		{"how", nil, true},
		{"why is that", nil, true},
		{"is once enough", unknown("enough"), true},
		{"weather today", unknown("weather", "today"), false}, // a rare word: about something else
		{"who won the big game last night", unknown("won", "big", "game", "last", "night"), false},
		{"lidocaine", []SearchTerm{{Word: "lidocaine", Known: true}}, false},
	}
	for _, tt := range tests {
		if got := isBareAsk(tt.norm, tt.terms, hasPronoun(tt.norm)); got != tt.want {
			t.Errorf("isBareAsk(%q) = %v, want %v", tt.norm, got, tt.want)
		}
	}
}

// TestKeywordsLeaveOutCommonEnglish: what a follow-up carries over are the
// words that say what the last question was about, not words every text
// holds ("years", "since") that the articles happen to use rarely.
func TestKeywordsLeaveOutCommonEnglish(t *testing.T) {
	terms := []SearchTerm{
		{Word: "since", Known: true, Weight: 4.3},
		{Word: "years", Known: true, Weight: 4.0},
		{Word: "vitamins", Known: true, Weight: 3.2},
		{Word: "side effects", Known: true, Weight: 1.6},
		{Word: "infusions", Known: true, Weight: 0.9}, // in most passages
		{Word: "shingles", Weight: 5},                 // not in the articles
	}
	if got, want := strings.Join(keywordsOf(terms), "|"), "vitamins|side effects"; got != want {
		t.Errorf("keywords %q, want %q", got, want)
	}
}

// kinds lists topics by kind, as a KindLister.
type kinds map[int][]Topic

func (k kinds) TopicsOfKind(kind int) []Topic { return k[kind] }

// TestTheOtherOne: "the other one" is the one other topic of the last
// topic's kind, and nothing when there is no single other one or the
// message asks for more ("other options").
func TestTheOtherOne(t *testing.T) {
	lidocaine := Topic{Name: "lidocaine", Words: "lidocaine", Kind: 1}
	ketamine := Topic{Name: "ketamine", Words: "ketamine", Kind: 1}
	iron := Topic{Name: "iron", Words: "iron", Kind: 1}
	two := kinds{1: {ketamine, lidocaine}}
	three := kinds{1: {iron, ketamine, lidocaine}}
	tests := []struct {
		text  string
		prev  []Topic
		kl    kinds
		want  string // topic name, "" for none
		words string
	}{
		{"and the other one?", []Topic{lidocaine}, two, "ketamine", "other one"},
		{"what about the other drug?", []Topic{lidocaine}, two, "ketamine", "other drug"},
		{"and the other", []Topic{ketamine}, two, "lidocaine", "other"},
		{"are there other options?", []Topic{lidocaine}, two, "", ""},
		{"what about the other drugs?", []Topic{lidocaine}, two, "", ""},
		{"and the other one?", []Topic{lidocaine}, three, "", ""},
		{"and the other one?", []Topic{lidocaine, ketamine}, two, "", ""},
		{"and the other one?", nil, two, "", ""},
	}
	for _, tt := range tests {
		got, ok := otherOfKind(tt.text, tt.prev, tt.kl)
		if !ok {
			got = Topic{}
		}
		if got.Name != tt.want || got.Words != tt.words {
			t.Errorf("%q after %v: got %q (%q), want %q (%q)", tt.text, names(tt.prev), got.Name, got.Words, tt.want, tt.words)
		}
	}
	fu := resolveFollowUp("and the other one?", []Topic{{Name: "ketamine", Words: "other one", Kind: 1}},
		conversation{question: "what conditions does lidocaine treat", topics: []Topic{lidocaine}})
	if fu.question != "what conditions does ketamine treat" {
		t.Errorf("and the other one? read as %q, want the last question about ketamine", fu.question)
	}
}
