package bot_test

import (
	"os"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/safety"
	"github.com/infusionbot/infusionbot/internal/kbgen"
)

// BenchmarkSafetyCheck compares, per message that names no red flag (the
// common case, which runs every check), the safety layer (lexicon and
// learned classifier) with the phrase rules it replaced
// (bot/testdata/phrase_safety_rules.txt) and with the lexicon alone:
//
//	go test -run '^$' -bench SafetyCheck -benchtime 20000x ./bot/
func BenchmarkSafetyCheck(b *testing.B) {
	old, err := os.ReadFile("testdata/phrase_safety_rules.txt")
	if err != nil {
		b.Fatal(err)
	}
	rules, err := bot.ParseRules("phrase_safety_rules.txt", string(old))
	if err != nil {
		b.Fatal(err)
	}
	d := safety.Default()
	var quiet []string
	for _, q := range kbgen.Questions {
		if _, hit := rules.Match(q); !hit && d.Check(q).Class == "" {
			quiet = append(quiet, q)
		}
	}
	if len(quiet) == 0 {
		b.Fatal("no message without a red flag")
	}
	b.Run("phrase-rules", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			rules.Match(quiet[i%len(quiet)])
		}
	})
	b.Run("concepts", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			d.Check(quiet[i%len(quiet)])
		}
	})
	// In a conversation (what Router.Handle runs): each message read with
	// the turns before it where it says something of a red flag itself.
	turns := safety.NewTurns(time.Hour, 1000, nil)
	b.Run("in-conversation", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			turns.Check(d, "c", quiet[i%len(quiet)])
		}
	})
	// The lexicon alone, without the learned classifier: what the
	// classifier adds to every message.
	lexiconOnly := d.WithModel(nil)
	b.Run("lexicon-only", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			lexiconOnly.Check(quiet[i%len(quiet)])
		}
	})
}
