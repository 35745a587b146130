package bot_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/knowledge"
)

var (
	testIndexOnce sync.Once
	testIndex     *index.Index
	testIndexErr  error
)

// newTestRouter answers from the embedded knowledge, as the shipped binary does.
func newTestRouter(t testing.TB) *bot.Router {
	return newTestRouterWith(t, bot.RouterConfig{})
}

func newTestRouterWith(t testing.TB, cfg bot.RouterConfig) *bot.Router {
	t.Helper()
	testIndexOnce.Do(func() {
		docs, err := knowledge.Load(knowledge.Default())
		if err != nil {
			testIndexErr = err
			return
		}
		testIndex, testIndexErr = index.Open(context.Background(), docs, index.Options{})
	})
	if testIndexErr != nil {
		t.Fatal(testIndexErr)
	}
	rt, err := bot.NewRouter(index.Searcher{Index: testIndex}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

// articleText is every article's raw text, to check quotes against.
func articleText(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	err := fs.WalkDir(knowledge.Default(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(knowledge.Default(), path)
		b.Write(data)
		b.WriteString("\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// assertVerbatim checks that every line of a snippet (a list item without
// its "- " marker) is the articles' own text.
func assertVerbatim(t *testing.T, articles, snippet string) {
	t.Helper()
	if strings.TrimSpace(snippet) == "" {
		t.Error("empty snippet")
	}
	for _, line := range strings.Split(snippet, "\n") {
		line = strings.TrimPrefix(line, "- ")
		if !strings.Contains(articles, line) {
			t.Errorf("snippet line is not in the articles: %q", line)
		}
	}
}

func TestEmergencyComesBeforeEverythingElse(t *testing.T) {
	rt := newTestRouter(t)
	for _, text := range []string{
		"I can't breathe, what is ketamine?",
		"hello! my throat is closing up",
		"what dose should I take? I have chest pain now",
	} {
		r := ask(t, rt, "u", text)
		if r.Intent != bot.IntentEmergency {
			t.Errorf("%q: intent %s, want emergency", text, r.Intent)
		}
		if len(r.Citations) > 0 || r.Answered {
			t.Errorf("%q: an emergency reply must carry nothing but emergency guidance", text)
		}
		if !strings.Contains(r.Body, "911") {
			t.Errorf("%q: emergency reply lacks the emergency number: %q", text, r.Body)
		}
	}
}

// An overdose taken to die is a danger to life first and a crisis too: the
// reply sends the person to emergency help first and also gives the crisis
// line, and is labelled crisis (as people and crisis services call it; both
// intents are Urgent). An emergency with no crisis in it carries no crisis
// line and stays an emergency.
func TestOverdoseTakenToDieGetsEmergencyAndCrisisLine(t *testing.T) {
	rt := newTestRouter(t)
	for _, tc := range []struct {
		text   string
		crisis bool
	}{
		{"I swallowed every one of my sleeping pills an hour ago because I want to die", true},
		{"took the whole bottle of my oxycodone, i dont want to be here anymore", true},
		{"my dad collapsed and isnt breathing", false},
		// taken on purpose: intentional self-poisoning is a crisis too
		{"i deliberately swallowed the whole packet of my gabapentin", true},
		{"my sister took all her oxycodone on purpose and now she wont answer", true},
		// taken by mistake, or a person out of their mind at a drop: an
		// emergency only
		{"my dad took the wrong bottle and swallowed a handful of my sleeping pills thinking they were his", false},
		{"my flatmate is tripping on ketamine and says he wants to jump off the balcony", false},
	} {
		r := ask(t, rt, "u-"+tc.text, tc.text)
		want := bot.IntentEmergency
		if tc.crisis {
			want = bot.IntentCrisis
		}
		if r.Intent != want || !strings.Contains(r.Body, "911") {
			t.Errorf("%q: intent %s, want %s with emergency guidance first: %q", tc.text, r.Intent, want, r.Body)
		}
		if got := strings.Contains(r.Body, "988"); got != tc.crisis {
			t.Errorf("%q: crisis line in the reply %v, want %v: %q", tc.text, got, tc.crisis, r.Body)
		}
		if !emergencyFirst(r.Body) {
			t.Errorf("%q: the emergency number must come before the crisis line: %q", tc.text, r.Body)
		}
	}
}

func TestClinicDetailsAppearInReplies(t *testing.T) {
	rt := newTestRouterWith(t, bot.RouterConfig{Clinic: bot.Clinic{
		Name: "Lakeside Pain Clinic", Phone: "555-0100", EmergencyNumber: "112", CrisisLine: "116 123",
		BookingURL: "https://example.org/book",
	}})
	tests := []struct {
		text   string
		intent bot.Intent
		want   []string
	}{
		{"I can't breathe", bot.IntentEmergency, []string{"112"}},
		{"I want to end my life", bot.IntentCrisis, []string{"116 123"}},
		{"how do I book an appointment?", bot.IntentClinic, []string{"555-0100", "https://example.org/book"}},
		{"can I talk to a real person", bot.IntentHuman, []string{"555-0100"}},
		{"what dose of ketamine should I take", bot.IntentMedicalAdvice, []string{"555-0100"}},
	}
	for _, tt := range tests {
		r := ask(t, rt, "u", tt.text)
		if r.Intent != tt.intent {
			t.Errorf("%q: intent %s, want %s", tt.text, r.Intent, tt.intent)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.Text(), w) {
				t.Errorf("%q: reply lacks %q:\n%s", tt.text, w, r.Text())
			}
		}
	}
}

func TestAnswersQuoteTheArticlesVerbatim(t *testing.T) {
	rt := newTestRouter(t)
	articles := articleText(t)
	tests := []struct {
		question string
		want     string // words the first citation must hold
	}{
		{"How long does a lidocaine infusion take?", "30–60 minutes"},
		{"How long does a ketamine infusion last?", "1–4 hours"},
		{"What is ketamine?", "dissociative anesthetic"},
		{"What are the side effects of lidocaine infusions?", "dizziness"},
		{"How do I prepare for infusion therapy?", "Hydrated"},
		{"What is fluid overload?", "Fluid Overload"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := ask(t, rt, "u", tt.question)
			if r.Intent != bot.IntentQuestion || !r.Answered {
				t.Fatalf("not answered: %s %v\n%s", r.Intent, r.Answered, r.Text())
			}
			if len(r.Citations) == 0 || !strings.Contains(r.Citations[0].Snippet, tt.want) {
				t.Fatalf("first citation lacks %q:\n%s", tt.want, r.Text())
			}
			for i, c := range r.Citations {
				assertVerbatim(t, articles, c.Snippet)
				if c.ID == "" || c.Title == "" || c.Section == "" {
					t.Errorf("citation %d lacks id, title or section: %+v", i+1, c)
				}
				if !strings.Contains(r.Body, fmt.Sprintf("[%d]", i+1)) {
					t.Errorf("body has no marker [%d]", i+1)
				}
			}
			if r.Handoff == "" || !strings.HasSuffix(r.Text(), r.Handoff) {
				t.Errorf("answer does not end with the handoff:\n%s", r.Text())
			}
		})
	}
}

func TestNoConfidentAnswerSaysSoAndHandsOff(t *testing.T) {
	rt := newTestRouter(t)
	for _, q := range []string{
		"Can I get an infusion if I'm allergic to eggs?",
		"Does ketamine affect my tattoo ink?",
		"What is the half-life of lidocaine in cats?",
	} {
		r := ask(t, rt, "u", q)
		if r.Answered || len(r.Citations) > 0 {
			t.Errorf("%q: answered from loosely related text:\n%s", q, r.Text())
		}
		if r.Intent == bot.IntentQuestion && r.Handoff == "" {
			t.Errorf("%q: no handoff", q)
		}
	}
}

func TestIdiomsAndQuestionsAboutSymptomsAreNotEscalated(t *testing.T) {
	rt := newTestRouter(t)
	for _, q := range []string{
		"my back pain is killing me, can infusions help?",
		"Does fluid overload cause shortness of breath?",
		"Can ketamine cause hallucinations?",
		"What are the risks of lidocaine infusions?",
		"is chest pain a side effect of lidocaine?",
	} {
		if r := ask(t, rt, "u", q); r.Intent.Urgent() {
			t.Errorf("%q escalated to %s", q, r.Intent)
		}
	}
}

func TestTypoTolerance(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct{ q, want string }{
		{"how long does a ketamin infusion last", "1–4 hours"},
		{"what is lidocane used for", "idocaine"},
		{"can infusions help fibromialgia", "ibromyalgia"},
	}
	for _, tt := range tests {
		r := ask(t, rt, "u", tt.q)
		if !r.Answered || !strings.Contains(r.Citations[0].Snippet, tt.want) {
			t.Errorf("%q: want an answer quoting %q, got:\n%s", tt.q, tt.want, r.Text())
		}
	}
}

func TestLayTermsFindTheArticlesWords(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct{ q, want string }{
		{"will the drip make me throw up?", "ausea"},
		{"what is complex regional pain syndrome and can a lidocaine drip help", "CRPS"},
		{"can ketamine make me feel trippy", "issociation"},
	}
	for _, tt := range tests {
		r := ask(t, rt, "u", tt.q)
		if !r.Answered || !strings.Contains(r.Text(), tt.want) {
			t.Errorf("%q: want an answer with %q, got:\n%s", tt.q, tt.want, r.Text())
		}
	}
}

func TestFollowUpsKeepTheirTopic(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	rt := newTestRouterWith(t, bot.RouterConfig{ConversationTTL: 10 * time.Minute, Now: func() time.Time { return now }})
	ask(t, rt, "a", "What are lidocaine infusions?")
	if r := ask(t, rt, "a", "how long does it take?"); !r.Answered || !strings.Contains(r.Citations[0].Snippet, "30–60") {
		t.Errorf("follow-up lost the topic lidocaine:\n%s", r.Text())
	}
	if r := ask(t, rt, "a", "and ketamine?"); !r.Answered || !strings.Contains(r.Citations[0].Snippet, "1–4 hours") {
		t.Errorf("\"and ketamine?\" did not ask the same about ketamine:\n%s", r.Text())
	}
	// A new topic with a pronoun for the old one.
	ask(t, rt, "c", "what is CRPS?")
	if r := ask(t, rt, "c", "can lidocaine help it?"); !r.Answered || !strings.Contains(r.Citations[0].Snippet, "CRPS") || !strings.Contains(r.Citations[0].Section, "Lidocaine") {
		t.Errorf("\"can lidocaine help it?\" after CRPS lost CRPS:\n%s", r.Text())
	}
	// Another conversation has no topic to lean on: it gets what a first
	// message gets.
	fresh := ask(t, newTestRouter(t), "z", "how long does it take?")
	if r := ask(t, rt, "b", "how long does it take?"); r.Text() != fresh.Text() {
		t.Errorf("conversation b leaned on conversation a:\n%s\nwant, as a first message:\n%s", r.Text(), fresh.Text())
	}
	// After the time to live, the topic is forgotten.
	now = now.Add(11 * time.Minute)
	if r := ask(t, rt, "a", "how long does it take?"); r.Text() != fresh.Text() {
		t.Errorf("topic outlived its time to live:\n%s\nwant, as a first message:\n%s", r.Text(), fresh.Text())
	}
}

// TestConcurrentConversationsKeepTheirOwnContext runs 500 conversations at
// once; each must answer its follow-up about its own topic.
func TestConcurrentConversationsKeepTheirOwnContext(t *testing.T) {
	rt := newTestRouter(t)
	var wg sync.WaitGroup
	errs := make(chan string, 500)
	for i := range 500 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			topic, want := "lidocaine", "30–60"
			if i%2 == 1 {
				topic, want = "ketamine", "1–4 hours"
			}
			user := fmt.Sprintf("user%d", i)
			m := bot.Message{Platform: "test", Conversation: "test:" + user, User: user}
			m.Text = "Tell me about " + topic + " infusions"
			if _, err := rt.Handle(context.Background(), m); err != nil {
				errs <- err.Error()
				return
			}
			m.Text = "How long do they last?"
			r, err := rt.Handle(context.Background(), m)
			if err != nil || !r.Answered || !strings.Contains(r.Citations[0].Snippet, want) {
				errs <- fmt.Sprintf("%s (%s): follow-up lost its topic", user, topic)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestQuerySyntaxIsJustText(t *testing.T) {
	rt := newTestRouter(t)
	for _, q := range []string{
		`+ketamine -lidocaine title:"x" AND OR NOT *~2 ^3 (side effects)`,
		`section:/.*/ ketamine~`,
		`"unterminated phrase ketamine`,
		`<script>alert(1)</script> what is ketamine`,
		strings.Repeat("ketamine ", 300),
		"\x00\x01\xff ketamine",
	} {
		if _, err := rt.Handle(context.Background(), bot.Message{Platform: "test", Conversation: "q", Text: q}); err != nil {
			t.Errorf("%.40q: %v", q, err)
		}
	}
}

func TestSourcesListsEveryArticle(t *testing.T) {
	rt := newTestRouter(t)
	r := ask(t, rt, "u", "/sources")
	for _, d := range testIndex.Documents() {
		if !strings.Contains(r.Body, d.Title) {
			t.Errorf("/sources lacks %q:\n%s", d.Title, r.Body)
		}
	}
}

// TestQuestionInAStory: a question told with a story around it is answered
// from the question and the topics the story names; a story that makes the
// question personal goes to a provider.
func TestQuestionInAStory(t *testing.T) {
	rt := newTestRouter(t)
	tests := []struct {
		text, want string
	}{
		{"I've had CRPS for 5 years and nothing works. Could ketamine help?", "CRPS"},
		{"Hi, I'm starting ketamine next week. How long does a session last?", "1–4 hours"},
		{"My doctor suggested lidocaine infusions for my fibromyalgia. What happens during the session?", "Pre-Treatment Evaluation"},
		// Run on without punctuation.
		{"my hands burn from nerve damage does lidocaine help with that", "nerve"},
	}
	for _, tt := range tests {
		r := ask(t, rt, "story:"+tt.text, tt.text) // each in a conversation of its own
		if !r.Answered || !strings.Contains(r.Citations[0].Snippet, tt.want) {
			t.Errorf("%q: want the first citation to hold %q, got:\n%s", tt.text, tt.want, r.Text())
		}
	}
	for _, text := range []string{
		"My neighbor had an infusion. Can I get one?",
		"I'm allergic to latex. Will the infusion be a problem?",
		// The story's rare word goes with the question.
		"the leaflet was confusing. is a lidocaine infusion safe with a pacemaker",
	} {
		if r := ask(t, rt, "story2", text); r.Answered && r.Intent == bot.IntentQuestion {
			t.Errorf("%q: answered from the question without its story:\n%s", text, r.Text())
		}
	}
}
