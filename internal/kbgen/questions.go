package kbgen

// Questions are realistic patients' messages for benchmarks, in the order
// a conversation would send them: answers from the articles, follow-ups
// that lean on the question before ("and lidocaine?"), typos and lay terms,
// small talk, clinic and medical-advice requests, emergencies and a crisis,
// and questions the articles don't cover. They hit the embedded articles,
// and the generated ones, which quote sentences from them.
var Questions = []string{
	"hi there",
	"How long does a ketamine infusion last?",
	"and lidocaine?",
	"What are the side effects of lidocaine infusions?",
	"is it safe?",
	"How do I prepare for infusion therapy?",
	"what should I wear to my infusion?",
	"will I be able to drive home after?",
	"can infusions help fibromialgia",
	"will the drip make me throw up?",
	"What is fluid overload?",
	"how often do I need IV therapy sessions?",
	"how does ketamine relieve pain",
	"What is complex regional pain syndrome and can a lidocaine drip help",
	"Does ketamine affect my tattoo ink?",
	"I can't breathe",
	"how do I book an appointment?",
	"what dose of ketamine should I take",
	"I want to end my life",
	"thanks so much!",
	"bye",
}
