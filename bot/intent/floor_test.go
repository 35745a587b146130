package intent

// minCrossValidated is the floor of cross-validated accuracy per intent.
const minCrossValidated = 0.65
