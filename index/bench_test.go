package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/kbgen"
	"github.com/infusionbot/infusionbot/knowledge"
)

// The speed targets these benchmarks measure (docs/performance.md):
//   - Search and a whole message on the embedded knowledge well under 1 ms;
//   - a 20,000-passage knowledge folder indexed in at most 30 s and
//     answered at 5 ms median or less.
//
//	go test -run '^$' -bench . -benchtime 2000x ./index/       (embedded)
//	go test -run '^$' -bench 20k -benchtime 1x ./index/        (20,000 passages)

// latencies collects per-operation durations and reports their median and
// 99th percentile in microseconds.
type latencies []time.Duration

func (l *latencies) time(f func()) {
	start := time.Now()
	f()
	*l = append(*l, time.Since(start))
}

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	s := slices.Clone(l)
	slices.Sort(s)
	at := func(q float64) float64 { return float64(s[min(len(s)-1, int(q*float64(len(s))))]) / 1e3 }
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

func openEmbedded(b testing.TB) *Index {
	b.Helper()
	docs, err := knowledge.Load(knowledge.Default())
	if err != nil {
		b.Fatal(err)
	}
	ix, err := Open(context.Background(), docs, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

// BenchmarkOpenEmbedded is the start-up cost of the answer engine: loading
// the embedded articles and building their index in memory.
func BenchmarkOpenEmbedded(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		docs, err := knowledge.Load(knowledge.Default())
		if err != nil {
			b.Fatal(err)
		}
		ix, err := Open(ctx, docs, Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkSearch is Search alone on the embedded knowledge, rotating
// through realistic patients' messages.
func BenchmarkSearch(b *testing.B) {
	benchSearch(b, openEmbedded(b))
}

func benchSearch(b *testing.B, ix *Index) {
	b.Helper()
	ctx := context.Background()
	b.Run("Index.Search", func(b *testing.B) {
		var lat latencies
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			q := kbgen.Questions[i%len(kbgen.Questions)]
			lat.time(func() {
				if _, err := ix.Search(ctx, q, 20); err != nil {
					b.Fatal(err)
				}
			})
		}
		lat.report(b)
	})
	// The bot's adapter also picks each hit's best sentences.
	b.Run("Searcher.Search", func(b *testing.B) {
		s := Searcher{Index: ix}
		var lat latencies
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			q := kbgen.Questions[i%len(kbgen.Questions)]
			lat.time(func() {
				if _, err := s.Search(ctx, q, 20); err != nil {
					b.Fatal(err)
				}
			})
		}
		lat.report(b)
	})
}

// kb20k generates the 20,000-passage knowledge folder into a temporary
// folder of b's and loads it.
func kb20k(b *testing.B) (dir string, docs []knowledge.Document) {
	b.Helper()
	dir = filepath.Join(b.TempDir(), "kb")
	if _, err := kbgen.Write(dir, kbgen.Config{Passages: 20_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	docs, err := knowledge.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	if n := len(Cut(docs)); n != 20_000 {
		b.Fatalf("generated %d passages, want 20000", n)
	}
	return dir, docs
}

// BenchmarkIndex20k builds the index of 20,000 generated passages, as
// start-up does: loading the folder (and hashing it, for a persistent
// index) and opening the index, in memory and in a folder. "reopen" is a
// later start-up that finds the persistent index already built.
func BenchmarkIndex20k(b *testing.B) {
	kdir, _ := kb20k(b)
	ctx := context.Background()
	load := func(b *testing.B) ([]knowledge.Document, string) {
		fsys := os.DirFS(kdir)
		docs, err := knowledge.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		hash, err := knowledge.Hash(fsys)
		if err != nil {
			b.Fatal(err)
		}
		return docs, hash
	}
	b.Run("memory", func(b *testing.B) {
		for b.Loop() {
			docs, _ := load(b)
			ix, err := Open(ctx, docs, Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			ix.Close()
			b.StartTimer()
		}
		b.ReportMetric(20_000/(b.Elapsed().Seconds()/float64(b.N)), "passages/s")
	})
	b.Run("persistent", func(b *testing.B) {
		root := b.TempDir()
		for i := 0; b.Loop(); i++ {
			docs, hash := load(b)
			ix, err := Open(ctx, docs, Options{Dir: filepath.Join(root, fmt.Sprint(i)), Hash: hash})
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			ix.Close()
			b.StartTimer()
		}
		b.ReportMetric(20_000/(b.Elapsed().Seconds()/float64(b.N)), "passages/s")
	})
	b.Run("reopen", func(b *testing.B) {
		dir := b.TempDir()
		docs, hash := load(b)
		ix, err := Open(ctx, docs, Options{Dir: dir, Hash: hash})
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
		for b.Loop() {
			docs, hash := load(b)
			ix, err := Open(ctx, docs, Options{Dir: dir, Hash: hash})
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			ix.Close()
			b.StartTimer()
		}
	})
}

// BenchmarkSearch20k searches the 20,000 generated passages, and answers
// whole messages through the bot's router on them.
func BenchmarkSearch20k(b *testing.B) {
	_, docs := kb20k(b)
	ix, err := Open(context.Background(), docs, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	benchSearch(b, ix)
	ctx := context.Background()
	rt, err := bot.NewRouter(Searcher{Index: ix}, bot.RouterConfig{})
	if err != nil {
		b.Fatal(err)
	}
	handle := func(qs []string) func(b *testing.B) {
		return func(b *testing.B) {
			var lat latencies
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				m := bot.Message{Platform: "bench", Conversation: fmt.Sprintf("bench:%d", i/len(qs)), User: "u", Text: qs[i%len(qs)]}
				lat.time(func() {
					if _, err := rt.Handle(ctx, m); err != nil {
						b.Fatal(err)
					}
				})
			}
			lat.report(b)
		}
	}
	b.Run("Router.Handle", handle(kbgen.Questions))
	// Only the messages that reach the search (intent question): the
	// median of a real question, without small talk and safety replies.
	var searched []string
	for _, q := range kbgen.Questions {
		r, err := rt.Handle(ctx, bot.Message{Platform: "bench", Conversation: "pick", User: "u", Text: q})
		if err != nil {
			b.Fatal(err)
		}
		if r.Intent == bot.IntentQuestion {
			searched = append(searched, q)
		}
	}
	b.Run("Router.Handle-searched", handle(searched))
}
