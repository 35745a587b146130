// Command kbgen writes a synthetic knowledge folder of N passages, for
// measuring indexing and search at scale (see docs/performance.md):
//
//	go run ./cmd/kbgen -passages 20000 -out /tmp/kb20k
//	infusionbot ask --knowledge /tmp/kb20k "How long does a ketamine infusion last?"
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/infusionbot/infusionbot/internal/kbgen"
)

func main() {
	passages := flag.Int("passages", 20000, "number of passages (paragraphs, list items, table rows)")
	out := flag.String("out", "", "folder to write the articles to (required)")
	seed := flag.Uint64("seed", 1, "seed of the pseudo-random mix; the same seed writes the same files")
	per := flag.Int("per-article", 40, "about how many passages one article holds")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: kbgen -passages N -out DIR [-seed S] [-per-article M]")
		os.Exit(2)
	}
	st, err := kbgen.Write(*out, kbgen.Config{Passages: *passages, Seed: *seed, PerArticle: *per})
	if err != nil {
		fmt.Fprintln(os.Stderr, "kbgen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d articles, %d passages, %d bytes to %s\n", st.Articles, st.Passages, st.Bytes, *out)
}
