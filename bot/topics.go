package bot

// Topic is something the articles are about (a drug, a condition, a
// treatment), as a message names it.
type Topic struct {
	// Name is the topic as the articles spell it, lower case ("lidocaine").
	Name string
	// Words are the message's words that named it, lower case, as typed
	// ("lidocane").
	Words string
	// Kind groups topics that stand in the same place in the articles
	// (lidocaine and ketamine; the conditions of one list): "and X?"
	// replaces the previous question's topic of X's kind.
	Kind int
}

// TopicFinder is implemented by a Searcher that knows what its articles
// are about; without it a Router answers every message as it stands.
type TopicFinder interface {
	// Topics returns the topics text names, in order.
	Topics(text string) []Topic
}

// KindLister is implemented by a TopicFinder that lists the topics of a
// kind: "the other one" after a question about lidocaine is the one other
// topic of lidocaine's kind.
type KindLister interface {
	// TopicsOfKind returns the topics of kind, each name once, in a fixed
	// order.
	TopicsOfKind(kind int) []Topic
}
