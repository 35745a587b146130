// Package answerability decides whether the best passage a search ranked
// answers the question, or the bot should say the articles don't cover it.
//
// The decision is a logistic regression (model.txt, trained by ./gen on
// the project's labelled question sets) over features that name no word
// and no article: how much of the question the passage holds, weighted by
// how rare each word is in the articles; how much of the question's weight
// rests on words the articles lack, how rare those are in English
// (internal/lexicon), and whether the passage holds a near word by meaning
// (a word vector's nearest neighbour); the passage's score and its lead
// over the next. A common word the articles lack ("length", "put") says
// little; a rare one with no near word in the passage ("pacemaker") is what
// makes a question one the articles don't answer.
//
// The threshold is chosen by ./gen on the training data: the lowest
// probability at which off-topic health questions are answered at most 2%
// of the time and unanswerable questions at most 10%, the most right
// answers for the fewest wrong ones.
package answerability
