// Package safety recognises emergencies and crises in a patient's message by
// the red-flag concepts it names, not by the sentence it uses.
//
// A concept (redflags.txt, crisis.txt) is a body part or sign with a
// descriptor, in lay words, found in any order within a few words: "chest"
// with "tight", "pain", "heavy"; "face" with "drooping"; "want" with "die".
// Words are matched whole, by prefix ("swell*"), or, for a word nobody spells
// right under stress, within a small edit distance ("siezure", "brethe")
// unless the typed word is itself an English word ("chess" is no "chest").
//
// Separately from the concepts, the message's mode decides what a match
// means (cues.txt): a report of something happening now, to anyone, is
// escalated; a general question about it ("can lidocaine cause seizures?")
// is answered, with a note on what to do if it is happening; a past history
// ("I had a seizure last year, should I…") goes to the provider. When the
// wording leaves it open, the message is a report: a false alarm costs a
// minute, a miss can cost a life.
package safety
