package intent

import "github.com/infusionbot/infusionbot/internal/featurehash"

// kindActor marks who a decision in the message is done by.
const kindActor = 'a'

// persons are the words that make a person the subject of a decision: the
// writer, or a relative named as "he" or "she".
var persons = map[string]bool{"i": true, "we": true, "he": true, "she": true}

// actors adds, for each decision word (the decision lookup: stop, skip,
// reduce, switch ...), who does it: the nearest subject before it within
// three words, a person ("can I reduce my pain meds": advice, a change
// of one's own treatment) or a treatment ("can infusions reduce my need for
// opioids": a question whether the treatment helps). Personal advice is
// a decision the person takes, not one a treatment brings about.
func actors(toks, concepts []string, add func(featurehash.Hash, float32)) {
	for i := range toks {
		if concepts[i] != "decision" || (i > 0 && concepts[i-1] == "decision") {
			continue
		}
		who := "none"
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if persons[toks[j]] || concepts[j] == "relative" {
				who = "person"
				break
			}
			if concepts[j] == "treatment" || concepts[j] == "medicine" {
				who = "treatment"
				break
			}
		}
		add(featurehash.New(kindActor).Str(who), actorWeight)
	}
}

// actorWeight is the actor feature's value against 1 for a word: one
// feature among a message's hundred character n-grams needs more to be
// heard.
const actorWeight = 3
