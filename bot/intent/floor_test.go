package intent

// minCrossValidated is the floor of cross-validated accuracy per intent
// (fallback included). The goal is Goal (0.9) for every intent; help,
// clinic questions, off-topic chat and greetings are still below it
// (`infusionbot train --seeds 3`: help 85.2%, greeting 88.2%, clinic 88.9%,
// out_of_scope 87.3%, the mean of three shuffles), so the floor holds what
// is reached (the lowest single shuffle, help 84.3%) and is raised as
// examples are added.
const minCrossValidated = 0.84
