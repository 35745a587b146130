package kbgen

// The vocabulary the synthetic articles are made of.

var categories = []string{"therapies", "conditions", "patient-guides", "research"}

var sources = []string{
	"clinic article", "clinic handout", "nursing team", "pharmacy team", "patient education leaflet",
}

var therapies = []string{
	"ketamine infusion", "lidocaine infusion", "magnesium infusion", "vitamin C infusion",
	"NAD+ infusion", "iron infusion", "IV hydration", "saline infusion", "myers cocktail",
	"immunoglobulin infusion", "biologic infusion", "antibiotic infusion", "dexamethasone infusion",
	"ketorolac infusion", "glutathione infusion", "B12 injection", "nerve block", "infusion therapy",
	"IV therapy", "esketamine treatment",
}

var conditions = []string{
	"chronic pain", "fibromyalgia", "migraine", "cluster headache", "complex regional pain syndrome",
	"neuropathic pain", "diabetic neuropathy", "depression", "treatment-resistant depression",
	"post-traumatic stress disorder", "anxiety", "arthritis", "rheumatoid arthritis", "lupus",
	"multiple sclerosis", "back pain", "dehydration", "iron deficiency anemia", "chronic fatigue",
	"post-surgical pain", "trigeminal neuralgia", "sciatica", "long COVID",
}

var effects = []string{
	"mild dizziness", "temporary nausea", "lightheadedness", "a metallic taste", "drowsiness",
	"a brief headache", "tingling around the mouth", "blurred vision", "an elevated heart rate",
	"raised blood pressure", "feelings of dissociation", "vivid dreams", "fatigue after the session",
	"redness at the injection site", "bruising where the IV was placed", "a cool sensation in the arm",
	"ringing in the ears", "fluid overload", "an allergic reaction", "muscle cramps",
}

var benefits = []string{
	"faster pain relief", "fewer migraine days", "better sleep", "improved mood", "more energy",
	"reduced inflammation", "less reliance on opioids", "improved mobility", "a calmer nervous system",
	"better hydration", "restored iron levels", "quicker recovery after surgery",
}

var staff = []string{
	"a registered nurse", "the anesthesiologist", "your pain specialist", "a nurse practitioner",
	"the infusion team", "your primary care provider", "the clinic pharmacist",
}

var durations = []string{
	"30–60 minutes", "about 45 minutes", "1–2 hours", "2–4 hours", "up to 6 hours",
	"a series of six sessions", "two sessions a week", "monthly boosters", "15 minutes", "one hour",
}

var preparations = []string{
	"drink plenty of water the day before", "eat a light meal two hours ahead", "wear comfortable clothing",
	"bring a list of your current medications", "arrange a ride home", "avoid alcohol for 24 hours",
	"bring headphones and something to read", "tell the nurse about any allergies",
	"skip caffeine on the morning of the session", "plan a quiet evening afterwards",
}

var features = []string{
	"Typical session time", "Number of sessions", "Common side effects", "Main benefit",
	"Monitoring", "Onset of relief", "Cost per session", "Who administers it",
}

var titleForms = []string{
	"{T} for {C}", "Understanding {T}", "A patient guide to {T}", "{C} and {T}",
	"What to expect from {T}", "Living with {C}", "Is {T} right for {C}?",
}

var headingForms = []string{
	"What Is {T}?", "How Does {T} Work?", "Who Can Benefit from {T}?", "Side Effects of {T}",
	"Preparing for Your {T} Session", "What Happens During {T}?", "After Your {T}",
	"How Long Does {T} Last?", "Risks and Safety", "Treating {C}", "Symptoms of {C}",
	"Frequently Asked Questions", "Cost and Insurance", "Results and Expectations",
	"How Often Will I Need {T}?", "Is {T} Safe?", "Combining Treatments", "When to Call the Clinic",
}

var leadForms = []string{
	"Common side effects of {T} include:", "Before your {T} session, you should:",
	"People with {C} may notice:", "The benefits of {T} can include:",
	"Tell your provider if you have any of the following:", "A typical {T} visit looks like this:",
}

var sentenceForms = []string{
	"{T} is often used to manage {C} when oral medications have not helped.",
	"Many patients with {C} report {B} after a course of {T}.",
	"During {T}, {S} monitors your blood pressure, heart rate and oxygen levels.",
	"A single session of {T} usually takes {D}.",
	"Some people experience {E} or {E2}, which typically fade within a few hours.",
	"Compared with {T2}, {T} may offer {B} for people living with {C}.",
	"Before starting {T}, {S} reviews your medical history and current medications.",
	"Patients are advised to {P} and to {P2} as well.",
	"Research on {T} for {C} is still growing, but early results are encouraging.",
	"If you notice {E} after {T}, contact the clinic so {S} can advise you.",
	"{T} delivers medication directly into the bloodstream, so it acts faster than a pill.",
	"Most treatment plans for {C} combine {T} with physical therapy and lifestyle changes.",
	"The number of sessions depends on how your {C} responds, often {D}.",
	"Insurance coverage for {T} varies, and the clinic can help you check your plan.",
	"{S} adjusts the infusion rate if you feel {E} during the session.",
	"People with {C2} or a history of heart problems may need extra monitoring during {T}.",
	"It is normal to feel {E} for a short time after {T}.",
	"{T} is not a cure for {C}, but it can reduce symptoms enough to improve daily life.",
}
