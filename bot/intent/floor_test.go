package intent

// minCrossValidated is the floor of cross-validated accuracy per intent
// (fallback included). The goal is Goal (0.9) for every intent; off-topic
// chat, clinic questions and thanks are still below it (see README), so the
// floor holds what is reached (the lowest, out_of_scope, 85.0%) and is
// raised as examples are added.
const minCrossValidated = 0.84
