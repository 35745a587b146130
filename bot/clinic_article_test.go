package bot_test

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/intent"
	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/knowledge"
)

// newRouterWithArticle answers from the embedded articles and one more, as
// a clinic that adds its own article gets.
func newRouterWithArticle(t *testing.T, name string) *bot.Router {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(knowledge.Default(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(knowledge.Default(), path)
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/" + name + ".md")
	if err != nil {
		t.Fatal(err)
	}
	fsys[name+".md"] = &fstest.MapFile{Data: data}
	docs, err := knowledge.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), docs, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	// The classifier reads messages against the clinic's words too, as
	// the binary's does.
	intents := intent.Default().WithVocabulary(intent.Vocabulary(docs))
	rt, err := bot.NewRouter(index.Searcher{Index: ix}, bot.RouterConfig{Intents: intents})
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

// TestClinicArticleCarriesFollowUps adds an article on a topic the five
// don't cover (IV iron, testdata/iv-iron.md): it is answered the day it is
// added, and follow-ups stay with it, with no list of topics to update.
func TestClinicArticleCarriesFollowUps(t *testing.T) {
	rt := newRouterWithArticle(t, "iv-iron")
	fromIron := func(r bot.Reply) bool {
		return r.Answered && len(r.Citations) > 0 && strings.HasPrefix(r.Citations[0].ID, "iv-iron#")
	}
	conversation := []struct {
		text string
		want string // the first citation, from the iron article, holds this
	}{
		{"What is an IV iron infusion?", "gives iron straight into a vein"},
		{"what are the side effects?", "metallic taste"},
		{"how long does it take?", "15 to 30 minutes"},
	}
	for _, tt := range conversation {
		r := ask(t, rt, "iron", tt.text)
		if !fromIron(r) || !strings.Contains(r.Citations[0].Snippet, tt.want) {
			t.Errorf("%q: want an answer from the iron article holding %q, got:\n%s", tt.text, tt.want, r.Text())
		}
	}
	// "and ketamine?" asks the last question (how long) about ketamine.
	if r := ask(t, rt, "iron", "and ketamine?"); !r.Answered || !strings.Contains(r.Citations[0].Snippet, "1–4 hours") {
		t.Errorf("\"and ketamine?\" after an iron question did not ask it about ketamine:\n%s", r.Text())
	}
	// And back: "what about iron?" is the ketamine question about iron.
	if r := ask(t, rt, "iron", "what about iron?"); !fromIron(r) || !strings.Contains(r.Citations[0].Snippet, "15 to 30 minutes") {
		t.Errorf("\"what about iron?\" did not ask how long about iron:\n%s", r.Text())
	}
	// A statement naming the clinic's topic gives the next question its
	// topic; a bare "how come?" asks the last question again.
	turns := []struct{ user, first, then, want string }{
		{"told", "My doctor suggested IV iron for me.", "how long does it take?", "15 to 30 minutes"},
		{"bare", "does iron leave stains on the skin?", "how come?", "leaks around the cannula"},
	}
	for _, tt := range turns {
		ask(t, rt, tt.user, tt.first)
		if r := ask(t, rt, tt.user, tt.then); !fromIron(r) || !strings.Contains(r.Citations[0].Snippet, tt.want) {
			t.Errorf("%q after %q: want an answer from the iron article holding %q, got:\n%s", tt.then, tt.first, tt.want, r.Text())
		}
	}
	// A message that names its own topic is not a follow-up.
	ask(t, rt, "own", "How long does an iron infusion take?")
	if r := ask(t, rt, "own", "What are the side effects of lidocaine infusions?"); !r.Answered || strings.HasPrefix(r.Citations[0].ID, "iv-iron#") {
		t.Errorf("a lidocaine question after an iron one was answered from the iron article:\n%s", r.Text())
	}
	// Without the article before it, the same follow-up is not about iron.
	if r := ask(t, rt, "fresh", "what are the side effects?"); fromIron(r) {
		t.Errorf("a first message leaned on another conversation's iron question:\n%s", r.Text())
	}
}
