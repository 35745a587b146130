// Package trainset gathers the training messages of the learned safety
// classifier (see package safety and its go generate program gensafety),
// and a digest of them, so a test can tell that model.bin was trained on
// the messages in the repository.
package trainset

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/infusionbot/infusionbot/bot/safety"
	"github.com/infusionbot/infusionbot/internal/evalcase"
)

// Options are the training options of the committed model.
var Options = safety.TrainOptions{Epochs: 24, LearningRate: 0.5, L2: 1e-5, DenseWeight: 1}

// intentSource names the intent examples among the samples.
const intentSource = "intent"

// QuestionSource names the article questions and their follow-ups among
// the samples: ordinary messages of their own group, for they are what
// the classifier meets most and what it must not take for a red flag
// ("which one would be better for me", "and after?").
const QuestionSource = "questions"

// questionSets are the blind-written question sets whose messages are
// learned as neither (kinds answer and unanswerable), many of them
// follow-ups (how they were written: their READMEs): the training sets and
// the spent blind question sets, whose writers asked about their own and
// their relatives' conditions in words nobody on the project chose ("my
// grandad has pain since his stroke, are infusions used for that").
var questionSets = slices.Concat(evalcase.TrainingQuestionSets, evalcase.SpentQuestionSets)

// Sample is a training message and where it came from.
type Sample struct {
	Text   string
	Class  safety.Class // "" for neither
	Hard   bool         // a look-alike or a red flag, not an ordinary message
	Source string
}

// Digest is a hash of the safety messages and the options. The intent
// examples and the questions are left out: they are other packages' files
// (or a copy of one), edited often, and an ordinary message more or less
// does not make the model stale. (A
// change to the features, in package safety, needs go generate too; the
// digest cannot see it.)
func Digest(ss []Sample, o safety.TrainOptions) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%+v\n", o)
	for _, s := range ss {
		if s.Source == intentSource || s.Source == QuestionSource {
			continue
		}
		fmt.Fprintf(h, "%q %s %v\n", s.Text, s.Class, s.Hard)
	}
	return h.Sum64()
}

// Load reads every training message under the repository root.
func Load(root string) ([]Sample, error) {
	var out []Sample
	sets, _ := filepath.Glob(filepath.Join(root, "bot/safety/training/*.jsonl"))
	own, _ := filepath.Glob(filepath.Join(root, "bot/testdata/safety_own*.jsonl"))
	spent := spentSets(root)
	for i, path := range append(append(sets, spent...), own...) {
		s, err := loadCases(path, i < len(sets)+len(spent))
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	for _, c := range safety.Default().Concepts() {
		for _, e := range c.Examples {
			out = append(out, Sample{Text: e, Class: c.Class, Hard: true, Source: c.File})
		}
		for _, e := range c.Counters {
			out = append(out, Sample{Text: e, Hard: true, Source: c.File})
		}
	}
	for _, p := range questionSets {
		s, err := loadQuestions(filepath.Join(root, p))
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	s, err := loadIntentExamples(filepath.Join(root, "bot/intent/examples.txt"))
	if err != nil {
		return nil, err
	}
	return append(out, s...), nil
}

// spentSets are the blind-written safety sets that have been measured on
// once and are spent (testdata/blind/safety_final*.jsonl; see their
// READMEs): written by other hands than the training data, each in its own
// words, they are what teaches the classifier wordings nobody on the
// project wrote. A set joins them when it is copied there, after its one
// measurement. SAFETY_LEAVE_OUT names files (base names, comma separated)
// to leave out, to measure a spent set held out with a built binary.
func spentSets(root string) []string {
	all, _ := filepath.Glob(filepath.Join(root, "testdata/blind/safety_final*.jsonl"))
	leave := map[string]bool{}
	for _, n := range strings.Split(os.Getenv("SAFETY_LEAVE_OUT"), ",") {
		leave[strings.TrimSpace(n)] = true
	}
	var out []string
	for _, p := range all {
		if !leave[filepath.Base(p)] {
			out = append(out, p)
		}
	}
	return out
}

// loadQuestions reads a question set ({"kind", "turns"}, one a line): each
// question of kind answer or unanswerable is a message that is neither. A
// follow-up is learned twice, as Turns.Check reads it: alone ("and
// after?"), and with the turns before it on lines of their own.
func loadQuestions(path string) ([]Sample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Sample
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var c struct {
			Kind  string
			Turns []string
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		if len(c.Turns) == 0 || c.Kind != "answer" && c.Kind != "unanswerable" {
			continue
		}
		out = append(out, Sample{Text: c.Turns[len(c.Turns)-1], Source: QuestionSource})
		if len(c.Turns) > 1 {
			out = append(out, Sample{Text: strings.Join(c.Turns, "\n"), Source: QuestionSource})
		}
	}
	return out, sc.Err()
}

// loadCases reads a case set: {"kind", "turns"}, one a line. A
// conversation is taken whole where the set labels it by its last turn
// (lastTurn: the training sets, see training/README.md); elsewhere only
// single messages.
func loadCases(path string, lastTurn bool) ([]Sample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Sample
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var c struct {
			Kind  string
			Turns []string
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		if len(c.Turns) == 0 || len(c.Turns) > 1 && !lastTurn {
			continue
		}
		// A conversation is learned as Turns.Check reads it in context:
		// its turns on lines of their own.
		s := Sample{Text: strings.Join(c.Turns, "\n"), Hard: true, Source: filepath.Base(path)}
		switch c.Kind {
		case "emergency":
			s.Class = safety.Emergency
		case "crisis":
			s.Class = safety.Crisis
		case "not_emergency", "medical_advice":
		default:
			continue
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// loadIntentExamples reads the "- TEXT" lines of the intents' sections.
func loadIntentExamples(path string) ([]Sample, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Sample
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "## intent:"):
			in = true
		case strings.HasPrefix(line, "## "):
			in = false
		case in && strings.HasPrefix(line, "- "):
			out = append(out, Sample{Text: strings.TrimPrefix(line, "- "), Source: intentSource})
		}
	}
	return out, nil
}
