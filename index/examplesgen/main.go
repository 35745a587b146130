// Command examplesgen writes the ranking's example bank (../examples.jsonl):
// blind-written questions, each with the passage of the built-in articles
// that answers it, for the nearest-neighbour signal (index/knn.go).
//
// The questions are the answerable cases of the spent training and blind
// sets (sources). A case's passage is the one whose text holds its answer:
// its "sentences" when they are quoted whole in one passage, else its
// "evidence" strings, compared as the project's scorer compares them
// (lower case, quotes and dashes folded, white space collapsed). A case
// whose answer is in no passage, or in more than one, is left out: it
// would teach nothing or teach a guess. A multi-turn case gives its last
// turn only when that turn stands alone (enough content words, no leading
// "and", "what about", "it", ...); the rest depend on the conversation.
//
// Never add a set the project measures with (shared/eval/dev.jsonl,
// shared/eval/challenge.jsonl, the regression cases, the blind sets kept
// outside the repository): a question in the bank is answered by its twin.
//
// With -v it reports, per weight of -weights, the right passage first
// (passage@1 as `infusionbot search --cases` counts it) leaving each source
// file out of the bank in turn and asking its questions, the way the
// weight in index/knn.go was chosen.
//
// Run it with go generate ./index.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/infusionbot/infusionbot/internal/evalcase"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/knowledge"
)

// sources are the spent labelled sets, under the root: the training sets,
// the tuning set and the spent blind sets.
var sources = slices.Concat(evalcase.TrainingQuestionSets, []string{"testdata/blind/qa_tune.jsonl"}, evalcase.SpentQuestionSets)

// maxSections is the most sections whose passages may answer a question
// (each passage is one example: the items of one list all answer "what is
// ketamine used for?"). A question that many sections answer is no sign of
// any one of them.
var maxSections = 2

// maxWordShare and maxGramShare, when not negative, replace the index's.
var maxWordShare, maxGramShare float64

func main() {
	root := flag.String("root", "..", "the repository's root")
	out := flag.String("o", "examples.jsonl", "example bank to write")
	verbose := flag.Bool("v", false, "report passage@1 leaving each source file out, per weight")
	weights := flag.String("weights", "0,0.1,0.2,0.3,0.5,0.8,1.2", "with -v, kNN weights to report")
	flag.IntVar(&maxSections, "max-sections", maxSections, "most sections a question may be answered from")
	flag.Float64Var(&maxWordShare, "max-word-share", -1, "with -v, leave out words more than this share of questions hold (default index's)")
	flag.Float64Var(&maxGramShare, "max-gram-share", -1, "with -v, leave out grams more than this share of questions hold (default index's)")
	leaveOut := flag.String("leave-out", os.Getenv("EXAMPLESGEN_LEAVE_OUT"), "sources (comma-separated set names, qa_final7...) to leave out of the bank written, to measure a set held out with a built binary (default $EXAMPLESGEN_LEAVE_OUT)")
	flag.Parse()
	for _, set := range strings.Split(*leaveOut, ",") {
		if set = strings.TrimSpace(set); set != "" {
			left := sources[:0:0]
			for _, s := range sources {
				if strings.TrimSuffix(filepath.Base(s), ".jsonl") != set {
					left = append(left, s)
				}
			}
			if len(left) == len(sources) {
				fmt.Fprintf(os.Stderr, "examplesgen: -leave-out: no source %q\n", set)
				os.Exit(2)
			}
			sources = left
		}
	}
	if err := run(*root, *out, *verbose, *weights, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "examplesgen:", err)
		os.Exit(1)
	}
}

type evalCase struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Turns     []string `json:"turns"`
	Evidence  []string `json:"evidence"`
	Sentences []string `json:"sentences"`
}

func run(root, out string, verbose bool, weights string, log io.Writer) error {
	docs, err := knowledge.Load(knowledge.Default())
	if err != nil {
		return err
	}
	passages := index.Cut(docs)
	texts := make([]string, len(passages))
	for i, p := range passages {
		texts[i] = evalcase.Norm(p.Text)
	}
	var bank []index.Example
	type tally struct{ kept, noPassage, manyPassages, dependent, unanswerable int }
	var all tally
	for _, s := range sources {
		cs, err := evalcase.Read[evalCase](filepath.Join(root, s))
		if err != nil {
			return err
		}
		var t tally
		set := strings.TrimSuffix(filepath.Base(s), ".jsonl")
		for _, c := range cs {
			if c.Kind != "answer" && c.Kind != "unanswerable" || len(c.Turns) == 0 {
				continue
			}
			q := c.Turns[len(c.Turns)-1]
			if len(c.Turns) > 1 && !standsAlone(q) {
				t.dependent++
				continue
			}
			if c.Kind == "unanswerable" {
				// What the articles were asked and do not answer: a question
				// close to one of these is likely not answered either
				// (index.Example.Unanswerable).
				t.unanswerable++
				bank = append(bank, index.Example{Text: strings.TrimSpace(q), Set: set, Unanswerable: true})
				continue
			}
			at := holding(texts, append(append([]string(nil), c.Sentences...), c.Evidence...))
			switch {
			case len(at) == 0:
				t.noPassage++
				continue
			case len(sections(passages, at)) > maxSections:
				t.manyPassages++
				continue
			}
			t.kept++
			for _, i := range at {
				bank = append(bank, index.Example{Passage: passages[i].ID, Text: strings.TrimSpace(q), Set: set})
			}
		}
		fmt.Fprintf(log, "%s: kept %d, %d unanswerable; dropped %d in no passage, %d in more than %d sections, %d depending on earlier turns\n",
			set, t.kept, t.unanswerable, t.noPassage, t.manyPassages, maxSections, t.dependent)
		all.unanswerable += t.unanswerable
		all.kept += t.kept
		all.noPassage += t.noPassage
		all.manyPassages += t.manyPassages
		all.dependent += t.dependent
	}
	fmt.Fprintf(log, "bank: %d questions (and %d unanswerable), %d examples; dropped %d in no passage, %d in more than %d sections, %d depending on earlier turns\n",
		all.kept, all.unanswerable, len(bank), all.noPassage, all.manyPassages, maxSections, all.dependent)
	if verbose {
		if err := crossValidate(docs, bank, weights, log); err != nil {
			return err
		}
	}
	if out == "" {
		return nil
	}
	var b bytes.Buffer
	for _, e := range bank {
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// holding lists the passages whose text holds most of the strings (at
// least one): a passage quoting three of a case's answers is its answer
// before one that happens to share a phrase.
func holding(texts []string, strs []string) []int {
	var at []int
	most := 0
	for i, t := range texts {
		n := 0
		for _, s := range strs {
			if s := evalcase.Norm(s); s != "" && strings.Contains(t, s) {
				n++
			}
		}
		switch {
		case n == 0 || n < most:
		case n > most:
			most, at = n, []int{i}
		default:
			at = append(at, i)
		}
	}
	return at
}

// sections are the distinct sections (citations) of passages at.
func sections(ps []index.Passage, at []int) map[string]bool {
	out := map[string]bool{}
	for _, i := range at {
		out[ps[i].CitationID()] = true
	}
	return out
}

// anaphors open a turn that leans on the one before it.
var anaphors = []string{
	"and", "what about", "how about", "it", "its", "it's", "they", "them", "their", "that", "those", "these",
	"this", "same", "also", "so", "then", "ok", "okay", "but", "or", "which", "what else", "anything else",
}

// standsAlone reports whether a later turn of a conversation can be read
// without the turns before it: at least four content words, and no
// leading word that points back.
func standsAlone(turn string) bool {
	ws := wordRe.FindAllString(strings.ToLower(turn), -1)
	joined := " " + strings.Join(ws, " ") + " "
	for _, a := range anaphors {
		if strings.HasPrefix(joined, " "+a+" ") {
			return false
		}
	}
	for _, w := range ws {
		switch w {
		case "it", "they", "them", "that", "those", "these", "ones", "one":
			return false // a pronoun anywhere needs the earlier turn
		}
	}
	content := 0
	for _, w := range ws {
		if !functionWords[w] {
			content++
		}
	}
	return content >= 4
}

var wordRe = regexp.MustCompile(`[a-z0-9']+`)

var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the is are was were be been am do does did i you he she we my me your our
		of to in on for with at by from about as and or but if so than then what how why who which when where
		can could would should will shall may might must have has had not no yes there here this that it its
		any some much many more most very just really also too u ur r`) {
		functionWords[w] = true
	}
}

// crossValidate reports passage@1 per weight, each source file's questions
// ranked with a bank that leaves that file out.
func crossValidate(docs []knowledge.Document, bank []index.Example, weights string, log io.Writer) error {
	ctx := context.Background()
	var ws []float64
	for _, f := range strings.Split(weights, ",") {
		w, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return err
		}
		ws = append(ws, w)
	}
	ok := make([]int, len(ws))
	n := 0
	for _, s := range sources {
		set := strings.TrimSuffix(filepath.Base(s), ".jsonl")
		var rest []index.Example
		var held []string                       // questions, in order
		answers := map[string]map[string]bool{} // question -> its passages
		for _, e := range bank {
			if e.Set != set {
				rest = append(rest, e)
				continue
			}
			if answers[e.Text] == nil {
				answers[e.Text] = map[string]bool{}
				held = append(held, e.Text)
			}
			answers[e.Text][e.Passage] = true
		}
		ex := index.NewExamples(rest)
		if maxWordShare >= 0 {
			ex.MaxWordShare = maxWordShare
		}
		if maxGramShare >= 0 {
			ex.MaxGramShare = maxGramShare
		}
		ix, err := index.Open(ctx, docs, index.Options{Examples: ex})
		if err != nil {
			return err
		}
		line := []string{}
		for k, w := range ws {
			ex.Weight = w
			got := 0
			for _, q := range held {
				res, err := ix.Search(ctx, q, 5)
				if err != nil {
					return err
				}
				if len(res.Hits) > 0 && answers[q][res.Hits[0].ID] {
					got++
				}
			}
			ok[k] += got
			line = append(line, fmt.Sprintf("%g: %d", w, got))
		}
		n += len(held)
		fmt.Fprintf(log, "%s (%d held out): %s\n", set, len(held), strings.Join(line, ", "))
		ix.Close()
	}
	for k, w := range ws {
		fmt.Fprintf(log, "leave-one-file-out, weight %g: passage@1 %d/%d\n", w, ok[k], n)
	}
	return nil
}
