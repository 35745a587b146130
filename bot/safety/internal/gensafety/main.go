// Command gensafety trains the learned safety classifier of package safety
// and writes it as model.bin:
//
//	go generate ./bot/safety/
//
// It learns from messages that were written for it and never tuned to:
// the blind-written training messages of training/*.jsonl (emergencies,
// crises and look-alikes; see training/README.md), the examples and
// counter-examples of the lexicon (redflags.txt, crisis.txt), the project's
// own safety case sets (bot/testdata/safety_own*.jsonl), the spent blind
// safety sets (testdata/blind/safety_final*.jsonl, each measured on once
// before it joined) and, as messages
// that are neither, the intent examples (bot/intent/examples.txt: greetings,
// clinic and article questions, off-topic chat).
//
// The threshold is chosen on held-out folds: the least probability at which
// at most maxHardAlarms of the look-alikes and maxEasyAlarms of the ordinary
// messages would be escalated. With -report it prints the folds' figures.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"

	"github.com/infusionbot/infusionbot/bot/safety"
	"github.com/infusionbot/infusionbot/bot/safety/internal/trainset"
)

// The false alarms the threshold allows on held-out folds: look-alikes
// ("my chest hurts from laughing") and ordinary messages (greetings, clinic
// chat, article questions and their follow-ups) that the classifier's call
// would escalate. About what the model of the fourth session raised on the
// same folds at its threshold (19 of 1,370 look-alikes; 11 of 3,207
// ordinary messages and 18 of 1,772 questions it had not learned from).
// Since the spent blind sets joined (eleventh session) the look-alikes are
// 2,396 and more of them sit near a crisis wording ("i wont be around, im
// on holiday"); at 1.5% the folds chose 0.740 and such counter-examples
// escalated, so the look-alike share allowed is half what it was (0.850
// chosen; at main's former 0.795 the held-out folds raised 23).
const (
	maxHardAlarms = 0.007
	maxEasyAlarms = 0.0025
)

var opts = trainset.Options

func main() {
	out := flag.String("o", "model.bin", "file to write")
	root := flag.String("root", "../..", "the repository root")
	report := flag.Bool("report", false, "print the cross-validated figures")
	dense := flag.Float64("dense", opts.DenseWeight, "weight of the meaning vector (0: none)")
	folds := flag.Int("folds", 5, "cross-validation folds")
	learnQuestions := flag.Bool("questions", true, "learn from the questions (false: only score them, to compare)")
	grid := flag.Bool("grid", false, "print, for thresholds from 0.5 up, the red flags escalated and the alarms the classifier would raise")
	dump := flag.String("dump", "", "write each message's held-out probability and the lexicon's call to this file (JSON lines)")
	epochs := flag.Int("epochs", opts.Epochs, "training passes (to try other options; the committed ones are trainset.Options)")
	l2 := flag.Float64("l2", opts.L2, "weight decay")
	lr := flag.Float64("lr", opts.LearningRate, "initial step")
	flag.Parse()
	opts.DenseWeight, opts.Epochs, opts.L2, opts.LearningRate = *dense, *epochs, *l2, *lr

	samples, err := trainset.Load(*root)
	if err != nil {
		log.Fatal(err)
	}
	ms := make([]safety.Labelled, len(samples))
	counts := map[safety.Class]int{}
	groups := map[[2]any]int{}
	for _, s := range samples {
		counts[s.Class]++
		groups[[2]any{s.Class, s.Hard}]++
	}
	for i, s := range samples {
		// Each group counts alike, however many messages it has: the
		// emergencies, the crises, the look-alikes and the ordinary
		// messages (a look-alike teaches more than a greeting).
		w := float64(len(samples)) / float64(len(groups)*groups[[2]any{s.Class, s.Hard}])
		ms[i] = safety.Labelled{Message: safety.Featurize(s.Text), Class: s.Class, Weight: w}
	}

	// Held-out probabilities of every message, fold by fold.
	p := make([]float64, len(ms))
	cls := make([]safety.Class, len(ms))
	for f := 0; f < *folds; f++ {
		var train []safety.Labelled
		for i, m := range ms {
			if i%*folds != f && (*learnQuestions || samples[i].Source != trainset.QuestionSource) {
				train = append(train, m)
			}
		}
		t := safety.Train(train, opts)
		for i := f; i < len(ms); i += *folds {
			em, cr := t.Probabilities(ms[i].Message)
			p[i] = em + cr
			cls[i] = safety.Emergency
			if cr > em {
				cls[i] = safety.Crisis
			}
		}
	}
	// What the lexicon alone makes of each message, and the mode the
	// classifier's call would get: a call on a general question or a told
	// history (below SureOverHistory) is no alarm, whatever its probability.
	lex := safety.Default().WithModel(nil)
	lexEsc := make([]bool, len(ms))
	modes := make([]safety.Mode, len(ms))
	for i, s := range samples {
		lexEsc[i] = lex.Check(s.Text).Escalate()
		modes[i] = lex.MessageMode(s.Text, cls[i])
	}
	alarms := func(i int, th float64) bool {
		return !lexEsc[i] && p[i] >= th && (modes[i] == safety.Report || modes[i] == safety.History && p[i] >= safety.SureOverHistory)
	}
	var nHard, nEasy int
	for _, s := range samples {
		switch {
		case s.Class != "":
		case s.Hard:
			nHard++
		default:
			nEasy++
		}
	}
	// The threshold: the least at which the classifier's calls would
	// raise at most maxHardAlarms of the look-alikes and maxEasyAlarms of
	// the ordinary messages and questions as alarms. Only a call that
	// would escalate counts: a high probability on a general question or
	// a told history is no alarm, and a message the lexicon escalates
	// anyway is none of the classifier's.
	threshold := 0.99
	for th := 0.99; th >= 0.5; th -= 0.005 {
		var hard, easy int
		for i, s := range samples {
			if s.Class != "" || !alarms(i, th) {
				continue
			}
			if s.Hard {
				hard++
			} else {
				easy++
			}
		}
		if float64(hard) > maxHardAlarms*float64(nHard) || float64(easy) > maxEasyAlarms*float64(nEasy) {
			break
		}
		threshold = th
	}
	if *grid {
		fmt.Println("threshold: red flags escalated (lexicon or classifier) | caught by the classifier alone | alarms by the classifier: look-alikes, ordinary, questions")
		for th := 0.5; th < 0.99; th += 0.025 {
			var esc, pos, only int
			al := map[string]int{}
			tot := map[string]int{}
			for i, s := range samples {
				g := "ordinary"
				if s.Hard {
					g = "look-alike"
				}
				if s.Source == trainset.QuestionSource {
					g = "question"
				}
				if s.Class != "" {
					pos++
					if lexEsc[i] || alarms(i, th) {
						esc++
					}
					if !lexEsc[i] && alarms(i, th) {
						only++
					}
					continue
				}
				tot[g]++
				if alarms(i, th) {
					al[g]++
				}
			}
			fmt.Printf("  %.3f: %d/%d | %d | %d/%d %d/%d %d/%d\n", th, esc, pos, only, al["look-alike"], tot["look-alike"], al["ordinary"], tot["ordinary"], al["question"], tot["question"])
		}
	}
	if *dump != "" {
		if err := writeDump(*dump, samples, p, cls); err != nil {
			log.Fatal(err)
		}
	}
	if *report {
		fmt.Printf("messages: %d emergency, %d crisis, %d neither (%d look-alikes)\n", counts[safety.Emergency], counts[safety.Crisis], counts[""], nHard)
		fmt.Printf("threshold %.3f (held-out look-alikes it would escalate at most %.1f%%, ordinary messages and questions %.2f%%)\n", threshold, 100*maxHardAlarms, 100*maxEasyAlarms)
		for _, th := range []float64{0.5, 0.6, 0.7, 0.8, 0.9, threshold} {
			var tp, pos, right, esc, fa, fe int
			for i, s := range samples {
				if s.Class != "" {
					pos++
					if p[i] >= th {
						tp++
						if cls[i] == s.Class {
							right++
						}
					}
					if lexEsc[i] || alarms(i, th) {
						esc++
					}
				} else if alarms(i, th) {
					if s.Hard {
						fa++
					} else {
						fe++
					}
				}
			}
			fmt.Printf("  at %.3f: red flags caught by the classifier %d/%d (%.1f%%, right class %d), escalated with the lexicon %d; classifier alarms: look-alikes %d/%d, ordinary %d/%d\n",
				th, tp, pos, 100*float64(tp)/float64(pos), right, esc, fa, nHard, fe, nEasy)
		}
		// What the classifier's certainty over a history cue gains and
		// costs on the folds (safety.SureOverHistory).
		var gain, cost int
		for i, s := range samples {
			if p[i] < safety.SureOverHistory || lex.Check(s.Text).Escalate() || lex.MessageMode(s.Text, cls[i]) != safety.History {
				continue
			}
			if s.Class != "" {
				gain++
			} else {
				cost++
			}
		}
		fmt.Printf("  over a history cue at %.2f: red flags %d more, look-alikes and ordinary messages %d more\n", safety.SureOverHistory, gain, cost)
		var bySource = map[string][2]int{}
		for i, s := range samples {
			if s.Class == "" {
				continue
			}
			c := bySource[s.Source]
			c[1]++
			if p[i] >= threshold {
				c[0]++
			}
			bySource[s.Source] = c
		}
		var keys []string
		for k := range bySource {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("  caught held-out, %s: %d/%d\n", k, bySource[k][0], bySource[k][1])
		}
	}

	t := safety.Train(ms, opts)
	if err := os.WriteFile(*out, t.Encode(threshold), 0o644); err != nil {
		log.Fatal(err)
	}
	sum := fmt.Sprintf("%016x\n", trainset.Digest(samples, opts))
	if err := os.WriteFile(*out+".sum", []byte(sum), 0o644); err != nil {
		log.Fatal(err)
	}
}

// writeDump writes, for each message, its held-out probability and what
// the lexicon alone makes of it, for choosing how the two combine.
func writeDump(path string, samples []trainset.Sample, p []float64, cls []safety.Class) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	lex := safety.Default().WithModel(nil)
	for i, s := range samples {
		l := lex.Check(s.Text)
		if err := enc.Encode(map[string]any{"text": s.Text, "class": s.Class, "hard": s.Hard, "source": s.Source,
			"p": p[i], "pclass": cls[i], "lexclass": l.Class, "lexmode": l.Mode.String(),
			"wholemode": lex.MessageMode(s.Text, cls[i]).String(), "both": lex.BothReported(s.Text)}); err != nil {
			return err
		}
	}
	return f.Close()
}
