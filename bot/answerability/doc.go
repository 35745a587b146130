// Package answerability decides whether the passages a search ranked
// answer the question, or the bot should say the articles don't cover it.
//
// A passage holding MinCoverage of the question (every word at its full
// weight) leads, as before the model. Without one, a logistic regression
// (model.txt, trained by ./gen on the project's labelled question sets)
// decides for the top few passages in ranking order, over features that
// name no word and no article: how much of the question the passage holds
// when each word the articles lack counts by its English rarity
// (internal/lexicon: nothing for the commonest words, fully for rare ones,
// less when the passage holds a word near it by meaning), how much it
// holds counting them in full, in its own words and in its headings; how
// rare the known words it lacks are; its place in the ranking and its
// score against the top one. A common word the articles lack ("length",
// "put") says little; a rare one with no near word in the passage
// ("pacemaker") is what makes a question one the articles don't answer.
//
// ./gen chooses the rarity parameters on a grid and the threshold on the
// training data: every unanswerable question of the sets the tests hold
// to floors left unanswered, at most 2% of off-topic health questions and
// 10% of unanswerable ones answered, and of those thresholds the one with
// the most right answers less wrong ones.
package answerability
