package evalcase

// TrainingQuestionSets are the question sets written blind to be trained
// on (testdata/qa_train*, each with its README and generator), never
// measured on: the nearest-neighbour bank, the intent classifier, the
// answerability model and the safety classifier (as messages that are no
// red flag) learn from them as from the spent sets.
var TrainingQuestionSets = []string{
	"testdata/qa_train/qa_train.jsonl",
	"testdata/qa_train2/qa_train2.jsonl",
	"testdata/qa_train3/qa_train3.jsonl",
	"testdata/qa_train4/qa_train4.jsonl",
}

// SpentQuestionSets are the blind question sets (testdata/blind, paths from
// the repository's root) that were measured once when written and are
// spent: the learned parts train on them (the nearest-neighbour bank,
// index/examplesgen; the intent classifier, bot/intent/internal/spentgen;
// the answerability model, bot/answerability/trainset). A set joins here
// once measured, and each of those is generated again (go generate ./index
// ./bot/intent ./bot/answerability). A set still to be measured never does:
// a question in the training is answered by its twin.
var SpentQuestionSets = []string{
	"testdata/blind/qa_final.jsonl",
	"testdata/blind/qa_final2.jsonl",
	"testdata/blind/qa_final3.jsonl",
	"testdata/blind/qa_final4.jsonl",
	"testdata/blind/qa_final7.jsonl",
	"testdata/blind/qa_final8.jsonl",
	"testdata/blind/qa_final9.jsonl",
	"testdata/blind/qa_final10.jsonl",
	"testdata/blind/qa_final11.jsonl",
	"testdata/blind/qa_final11b.jsonl",
	"testdata/blind/qa_final12.jsonl",
	"testdata/blind/qa_final12b.jsonl",
	"testdata/blind/qa_final13.jsonl",
	"testdata/blind/qa_final13b.jsonl",
}
