// Package intent tells what a patient's message is (a greeting, thanks, a
// request for a person, a clinic question, personal medical advice, off-topic
// chat, or a question for the articles) from examples rather than phrase
// rules, the way Rasa NLU and Azure question answering do.
//
// The examples live in a plain file a clinician can edit (examples.txt,
// format in Parse). A multinomial logistic regression over word unigrams and
// bigrams, character n-grams (for typos) and concept features (lookup tables
// such as medicines, and which concepts occur together) is trained from it
// by go generate (model.bin, decoded at start): deterministic, in well
// under a second.
//
// Every prediction carries its probability and its margin over the runner-up;
// Classify falls back to Question when the call is unsure, so an unsure
// message reaches the search (and its own "not covered" + handoff) instead of
// a canned reply that may not fit. Safety (emergencies, crises) is not this
// package's job: the router runs it first and the classifier never overrules it.
package intent
