// Command gen trains the intent classifier on bot/intent/examples.txt with
// the default options and writes it as model.bin, so the bot's start
// decodes a model instead of training one:
//
//	go generate ./bot/intent
//
// Run it after editing examples.txt; TestCommittedModelMatchesExamples
// fails until then.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/infusionbot/infusionbot/bot/intent"
)

func main() {
	out := flag.String("o", "model.bin", "file to write")
	flag.Parse()
	c := intent.Train(intent.DefaultData(), intent.Options{Vocabulary: intent.EmbeddedVocabulary()})
	if err := os.WriteFile(*out, c.Encode(), 0o644); err != nil {
		log.Fatal(err)
	}
}
