package trainset

import (
	"path/filepath"
	"slices"

	"github.com/infusionbot/infusionbot/internal/evalcase"
)

// Set is one question file the model is trained on.
type Set struct {
	Path string
	// Half is 1 for the odd lines only, 0 for all.
	Half int
	// Floor marks a set the test suite holds to floors (every unanswerable
	// question left unanswered): the threshold must keep them.
	Floor bool
}

// Sets are the training sets, for a repository at root: its own blind
// tuning, training and spent sets, and beside it (../shared, as every
// developer and CI has) the development set and half the off-topic set.
// Each file is one fold of the cross-validation that chooses the model and
// its threshold. The regression cases (cmd/infusionbot/testdata) are not
// among them: the tests measure the bot on them, so the model neither
// learns from them nor has its threshold chosen on them. The challenge set
// and the other half of the off-topic set are kept for measuring too.
func Sets(root string) []Set {
	beside := filepath.Join(root, "..")
	var spent, training []Set
	for _, p := range evalcase.SpentQuestionSets {
		spent = append(spent, Set{Path: filepath.Join(root, p)})
	}
	for _, p := range evalcase.TrainingQuestionSets {
		training = append(training, Set{Path: filepath.Join(root, p)})
	}
	return slices.Concat([]Set{
		{Path: filepath.Join(beside, "shared/eval/dev.jsonl")},
		{Path: filepath.Join(root, "testdata/blind/qa_tune.jsonl")},
		{Path: filepath.Join(root, "bot/testdata/safety_tune.jsonl")},
	}, spent, []Set{
		{Path: filepath.Join(root, "testdata/blind/safety_final.jsonl")},
		{Path: filepath.Join(root, "testdata/blind/safety_final2.jsonl")},
	}, training, []Set{
		{Path: filepath.Join(beside, "shared/eval/offtopic_dev.jsonl"), Half: 1},
	})
}
