package intent

// minCrossValidated is the floor of cross-validated accuracy per intent
// (fallback included). The goal is 0.9 for every intent; off-topic chat and
// clinic questions are still below it (see README), so the floor holds what
// is reached and is raised as examples are added.
const minCrossValidated = 0.8
