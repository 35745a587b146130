package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/kbgen"
)

// The start-up targets (docs/performance.md): process start to first answer
// in 300 ms or less on the embedded knowledge.
//
//	go test -run '^$' -bench 'StartToFirstAnswer|OpenEngine' -benchtime 20x ./cmd/infusionbot/

const benchQuestion = `{"user":"u","text":"How long does a ketamine infusion last?"}` + "\n"

// BenchmarkStartToFirstAnswer builds the binary once, then times, per
// iteration, a whole process answering one question:
//
//	echo '{"user":"u","text":"How long does a ketamine infusion last?"}' | infusionbot ask --json
//
// on the embedded knowledge, and on 20,000 generated passages
// (internal/kbgen) with the index built in memory at start or opened from
// a persistent --index folder built beforehand.
func BenchmarkStartToFirstAnswer(b *testing.B) {
	tmp := b.TempDir()
	bin := filepath.Join(tmp, "infusionbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	ask := func(b *testing.B, want string, args ...string) {
		b.Helper()
		var durs []time.Duration
		for b.Loop() {
			cmd := exec.Command(bin, append([]string{"ask", "--json"}, args...)...)
			cmd.Stdin = strings.NewReader(benchQuestion)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			start := time.Now()
			err := cmd.Run()
			durs = append(durs, time.Since(start))
			if err != nil || !strings.Contains(out.String(), want) {
				b.Fatalf("ask: %v\n%s", err, out.String())
			}
		}
		benchReportLatencies(b, durs)
	}
	b.Run("embedded", func(b *testing.B) { ask(b, "1–4 hours") })

	var kdir string
	gen := func(b *testing.B) string {
		if kdir == "" {
			kdir = filepath.Join(tmp, "kb20k")
			if _, err := kbgen.Write(kdir, kbgen.Config{Passages: 20_000, Seed: 1}); err != nil {
				b.Fatal(err)
			}
		}
		return kdir
	}
	b.Run("kb20k-memory", func(b *testing.B) { ask(b, `"answered":true`, "--knowledge", gen(b)) })
	b.Run("kb20k-index", func(b *testing.B) {
		idir := filepath.Join(tmp, "index20k")
		build := exec.Command(bin, "index", "--knowledge", gen(b), "--index", idir)
		if out, err := build.CombinedOutput(); err != nil {
			b.Fatalf("index: %v\n%s", err, out)
		}
		ask(b, `"answered":true`, "--knowledge", gen(b), "--index", idir)
	})
}

// BenchmarkOpenEngine is the in-process part of start-up: openEngine
// (clinic details, embedded knowledge, index in memory, router) and the
// first answer.
func BenchmarkOpenEngine(b *testing.B) {
	ctx := context.Background()
	var durs []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		e, err := openEngine(ctx, engineConfig{Getenv: os.Getenv})
		if err != nil {
			b.Fatal(err)
		}
		r, err := e.Handler().Handle(ctx, bot.Message{Platform: "cli", User: "u", Text: "How long does a ketamine infusion last?"})
		durs = append(durs, time.Since(start))
		if err != nil || !r.Answered {
			b.Fatalf("first answer: %v %+v", err, r)
		}
		e.Close()
	}
	benchReportLatencies(b, durs)
}

// benchReportLatencies adds the median and the 99th percentile, in ms.
func benchReportLatencies(b *testing.B, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	s := slices.Clone(durs)
	slices.Sort(s)
	at := func(q float64) float64 { return float64(s[min(len(s)-1, int(q*float64(len(s))))]) / 1e6 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
