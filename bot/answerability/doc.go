// Package answerability decides whether the passages a search ranked
// answer the question, or the bot should say the articles don't cover it.
//
// A passage holding MinCoverage of the question (every word at its full
// weight) answers, as before the model, and leads unless a better ranked
// passage of the top MaxLead holds no more than LeadMargin less, which
// leads in its place (RuleLead). Without one, a logistic regression
// (model.txt, trained by ./gen on the project's labelled question sets)
// decides for the top few passages in ranking order, over features that
// name no word and no article: how much of the question the passage holds
// when each word the articles lack counts by its English rarity
// (internal/lexicon: nothing for the commonest words, fully for rare ones,
// less when the passage holds a word near it by meaning), how much it
// holds counting them in full, in its own words and in its headings; how
// rare the known words it lacks are; its place in the ranking and its
// score against the top one; and what the nearest example questions say
// (index/knn.go): how close the closest one is, how much they support the
// passage, whether it is the one they support most (all 0 for a clinic's
// own articles, which no example is about); how many terms the question
// has, how much of its weight is on words the articles lack, and how close
// the next passage's score is. A common word the articles lack ("length",
// "put") says little; a rare one with no near word in the passage
// ("pacemaker") is what makes a question one the articles don't answer.
//
// ./gen chooses the rarity parameters and the ridge penalty on a grid by
// leave-one-file-out cross-validation over the training sets (each file
// predicted by a model trained on the others), and the threshold on those
// held-out predictions: the upper end of the 95% confidence interval of
// the unanswerable (and out-of-scope) questions answered at most 10%, of
// the off-topic ones at most 2%, and of those thresholds the one with the
// most right answers less twice the wrong ones (a confident wrong answer
// is the worst outcome). The regression cases the tests measure the bot on
// are not trained on. A training file's questions are ranked with a kNN
// bank that leaves that file's examples out (index.Examples.Without), so
// none finds its own twin.
package answerability
