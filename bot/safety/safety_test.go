package safety_test

import (
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot/safety"
)

func TestCheckModes(t *testing.T) {
	d := safety.Default()
	tests := []struct {
		text  string
		class safety.Class
		mode  safety.Mode
	}{
		// Whoever it happens to, with or without a subject, in any order.
		{"tightness across my chest", safety.Emergency, safety.Report},
		{"chest is really tight", safety.Emergency, safety.Report},
		{"my neighbour says his chest hurts", safety.Emergency, safety.Report},
		{"the lady next to me collapsed", safety.Emergency, safety.Report},
		// Misspelt.
		{"i think he is having a siezure", safety.Emergency, safety.Report},
		{"i cant brethe", safety.Emergency, safety.Report},
		// General questions, history.
		{"can lidocaine cause a seizure?", safety.Emergency, safety.Question},
		{"what are the symptoms of a stroke", safety.Emergency, safety.Question},
		{"what should I do if my throat swells during an infusion?", safety.Emergency, safety.Question},
		{"I had a seizure last year, should I avoid lidocaine?", safety.Emergency, safety.History},
		{"I had a seizure after my infusion", safety.Emergency, safety.Report},
		// A red flag beside a routine question is still reported.
		{"how long does the infusion take, also cant breathe", safety.Emergency, safety.Report},
		{"does ketamine cause nausea, my throat is closing", safety.Emergency, safety.Report},
		// Over, or coming and going: the provider; unless it is back.
		{"I passed out at my last session but I'm fine now", safety.Emergency, safety.History},
		{"my heart skips a beat now and then, is lidocaine ok?", safety.Emergency, safety.History},
		{"I fainted earlier and felt fine after, but my chest still hurts", safety.Emergency, safety.Report},
		{"I can no longer feel my legs", safety.Emergency, safety.Report},
		// Said laughing, an emergency sign is a figure of speech: answered,
		// with the "if this is happening now" note; a crisis stays one.
		{"the bill nearly made me pass out 😂 do you do payment plans", safety.Emergency, safety.Question},
		{"the bill nearly made me pass out, do you do payment plans", safety.Emergency, safety.Report},
		{"my heart stopped when i saw my score lmao", safety.Emergency, safety.Question},
		{"lol ok my chest is really tight right now and my left arm went numb", safety.Emergency, safety.Report},
		{"haha so my dad just collapsed, please help", safety.Emergency, safety.Report},
		{"honestly gonna kill myself lol, no really i mean it tonight", safety.Crisis, safety.Report},
		// "just" and "since" are acute only by the red flag: in another
		// clause they give a reason or a limit.
		{"what are the signs of a stroke? just want to know, since my mum is getting on", safety.Emergency, safety.Question},
		{"my husband just collapsed", safety.Emergency, safety.Report},
		{"he has been confused and slurring since he woke up", safety.Emergency, safety.Report},
		{"i had a seizure as a child, none since, can i have lidocaine?", safety.Emergency, safety.History},
		// Episodes counted by how often they come are history; a sign taught
		// in a first aid class happens to nobody, unless it is happening.
		{"my heart races 2 or 3 times a week, is lidocaine ok for me?", safety.Emergency, safety.History},
		{"my heart races, is lidocaine ok for me?", safety.Emergency, safety.Report},
		{"we learned about choking at my first aid class, does the clinic have a defibrillator?", safety.Emergency, safety.Question},
		{"someone just collapsed at our cpr class", safety.Emergency, safety.Report},
		// Open wording escalates.
		{"seizure", safety.Emergency, safety.Report},
		// Crisis: about oneself it is a crisis however it is put.
		{"how much of my oxy would it take to not wake up", safety.Crisis, safety.Report},
		{"is suicide common in people with chronic pain?", safety.Crisis, safety.Question},
		// A medical danger under way in a crisis is a crisis with emergency
		// help first (TestEmergencyFirst); the same act as an intention is a
		// crisis.
		{"I swallowed every one of my sleeping pills an hour ago because I want to die", safety.Crisis, safety.Report},
		{"I keep thinking of overdosing on my tramadol", safety.Crisis, safety.Report},
		// At the edge of a drop wanting to jump is a crisis; out of one's
		// mind there (hallucinating, high), with no wish to die, an
		// emergency under way.
		{"I am standing at the railing of the car park roof and I want to jump", safety.Crisis, safety.Report},
		{"he's tripping on ketamine and hearing voices telling him to jump off the roof", safety.Emergency, safety.Report},
		{"I keep thinking about overdosing on my ketamine spray", safety.Crisis, safety.Report},
		{"his heart rate is 31 and he is barely conscious", safety.Emergency, safety.Report},
		{"my oxygen reading says 83", safety.Emergency, safety.Report},
		{"she suddenly can't understand what anyone is saying to her", safety.Emergency, safety.Report},
		{"I have the urge to cut again", safety.Crisis, safety.Report},
		{"I'm not planning on being around much longer", safety.Crisis, safety.Report},
		{"what would be a lethal amount of my oxycodone for someone my weight", safety.Crisis, safety.Report},
		// Episodes counted are history; a story happens to nobody.
		{"my dad has had three heart attacks, can he have lidocaine?", safety.Emergency, safety.History},
		{"in the movie the character has a heart attack, is that what it looks like?", safety.Emergency, safety.Question},
		// A red flag denied is none; another in the message still counts.
		{"no chest pain, just tired after the drip, is that expected?", "", 0},
		{"I'm not going to hurt myself, I only want to know how ketamine helps", "", 0},
		{"not suicidal exactly but I wouldn't mind if I never woke up", safety.Crisis, safety.Report},
		{"no he isnt waking up", safety.Emergency, safety.Report},
		{"he is not breathing", safety.Emergency, safety.Report},
		// The news, a podcast; someone's illness that is over.
		{"a podcast said lidocaine can cause seizures, how often does that happen?", safety.Emergency, safety.Question},
		{"my uncle died of a stroke, am I at higher risk with ketamine?", safety.Emergency, safety.History},
		// Idioms and look-alikes name no red flag.
		{"this headache is killing me", "", 0},
		{"I'm dying to know how it works", "", 0},
		{"how do I kill a stuck process on linux", "", 0},
		{"chess pain", "", 0}, // a real word is no typo
		// nor is a mistyped real word nearer it than any lexicon word...
		{"wats the point of the consultaton", "", 0},
		// ...unless it is as near one: a miss costs more than a false alarm.
		{"she is having convultions", safety.Emergency, safety.Report},
		// "just" of "just curious" is not "just now".
		{"is numb lips one of the signs of too much lidocaine? just curious", safety.Emergency, safety.Question},
		// A subject in another sentence does not have the red flag.
		{"my mom has epilepsy, well controlled. would ketamine trigger a seizure?", safety.Emergency, safety.Question},
		// A worry about a red flag put as a possibility is a question.
		{"if my lips swell should i call 911?", safety.Emergency, safety.Question},
		{"my lips are swelling, should i call 911?", safety.Emergency, safety.Report},
		// Text-speak is spelled out.
		{"idw to be alive anymore", safety.Crisis, safety.Report},
		{"pls help he collapsed", safety.Emergency, safety.Report},
		// "since" right before the red flag counts from it: the red flag is
		// the past event; after it, the red flag has gone on since.
		{"my mum has had headaches ever since her stroke in 2019, can she have ketamine?", safety.Emergency, safety.History},
		{"she has been slurring her words since this morning", safety.Emergency, safety.Report},
		{"my dad has had slurred speech since his stroke last year, can he have lidocaine", safety.Emergency, safety.History},
		// What follows a conditional is put as a possibility, not said of
		// the subject before it; what a medicine can do is told in general.
		{"the nurse said if my face starts drooping during the drip I should press the button, is that common?", safety.Emergency, safety.Question},
		{"my face is drooping, the nurse said if it happens to press the button", safety.Emergency, safety.Report},
		{"ketamine can make your heart race, how long does that last?", safety.Emergency, safety.Question},
		{"ketamine can make your heart race and mine is racing now", safety.Emergency, safety.Report},
		// One's own overdose put as a possibility is thought of: a crisis.
		{"what if i just swallowed the whole bottle of my oxycodone, would it hurt", safety.Crisis, safety.Report},
		// ...not an overdose by mistake, nor too much: no whole supply.
		{"if i ever took too much lidocaine what would happen", safety.Emergency, safety.Question},
		{"what if I accidentally took a double dose of my gabapentin?", safety.Emergency, safety.Question},
		// Negated signs are absent.
		{"the iv site is a bit red, no fever", "", 0},
		// How often, beside the red flag: history; not denied, nor the
		// manner of a verb.
		{"my heart usually races when the needle goes in, is that a problem with ketamine?", safety.Emergency, safety.History},
		{"she isnt usually this confused, it came on suddenly", safety.Emergency, safety.Report},
		{"he always answers his phone but now hes not responding", safety.Emergency, safety.Report},
		// Over, and stable now: history; the "now" of the state is not the
		// red flag's.
		{"I had a stroke in 2019 and I've been stable since, can I have lidocaine?", safety.Emergency, safety.History},
		{"I had a seizure back in 2018 and I'm fine now, should I avoid lidocaine", safety.Emergency, safety.History},
		{"I was fine after my first infusion but now I can't breathe", safety.Emergency, safety.Report},
		// Reported speech does not calm a report.
		{"my wife said she can't breathe", safety.Emergency, safety.Report},
		{"my husband says his chest feels crushed", safety.Emergency, safety.Report},
		// A treatment owned is no general question.
		{"face drooping on one side after my treatment", safety.Emergency, safety.Report},
		// A star typed to hide a word.
		{"feeling sui*cidal tonight", safety.Crisis, safety.Report},
		// An oversleep is no collapse.
		{"i keep not waking up in time for my 8am infusion, can i move it?", "", 0},
	}
	for _, tt := range tests {
		f := d.Check(tt.text)
		if f.Class != tt.class || f.Mode != tt.mode {
			t.Errorf("Check(%q) = %s %s (%s), want %s %s", tt.text, f.Class, f.Mode, f.Concept, tt.class, tt.mode)
		}
	}
}

func TestLexiconFormat(t *testing.T) {
	cues := "acute: now\nself: i | me\n"
	tests := []struct {
		name, text, want string // want: "" for no error, else part of it
		match, nomatch   string
	}{
		{name: "combination in any order", text: "[emergency]\nconcept: c\nbody: chest\nsign: tight*\nexample: x",
			match: "tightness in the chest", nomatch: "my chest is fine and so is my belly but my knee is tight"},
		{name: "window", text: "[emergency]\nconcept: c\nbody: chest\nsign: pain\nwindow: 1\nexample: x",
			match: "chest has pain", nomatch: "chest and my back have pain"},
		{name: "unless takes back an overlap", text: "[emergency]\nconcept: c\nbody: blood\nsign: a lot\nunless: blood pressure\nexample: x",
			match: "losing a lot of blood", nomatch: "my blood pressure went up a lot"},
		{name: "except cancels", text: "[crisis]\nconcept: c\nterm: hurt myself\nexcept: lifting\nexample: x",
			match: "I hurt myself", nomatch: "I hurt myself lifting"},
		{name: "blood pressure class", text: "[emergency]\nconcept: c\nbody: bp\nsign: #highbp\nexample: x",
			match: "bp 185/100", nomatch: "bp 135/85"},
		{name: "any number class", text: "[crisis]\nconcept: c\nterm: kms\nunless: #count kms\nexample: x",
			match: "honestly kms", nomatch: "it is 30 kms away"},
		{name: "unknown section", text: "[weather]\n", want: "r.txt:1: unknown section [weather]"},
		{name: "no colon", text: "[emergency]\nconcept: c\nterm chest pain", want: "r.txt:3: want \"key: value\""},
		{name: "no example", text: "[emergency]\nconcept: c\nterm: chest pain", want: "r.txt:2: concept \"c\" has no example"},
		{name: "one group alone", text: "[emergency]\nconcept: c\nbody: chest\nexample: x", want: "needs a term, or two word groups"},
		{name: "unknown key", text: "[emergency]\nconcept: c\nsmell: smoke\nexample: x", want: "r.txt:3: unknown key \"smell\""},
		{name: "defined words", text: "define: @pills = pills | tablets\n[crisis]\nconcept: c\nact: swallow\nobject: @pills\nexample: x",
			match: "swallow the tablets", nomatch: "swallow the water"},
		{name: "undefined words", text: "[crisis]\nconcept: c\nterm: @pills\nexample: x", want: "r.txt:3: @pills is not defined"},
		{name: "key before concept", text: "[emergency]\nterm: x", want: "r.txt:2: term before any concept:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := safety.New([]safety.File{{Name: "r.txt", Text: tt.text}}, safety.File{Name: "cues.txt", Text: cues})
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f := d.Check(tt.match); !f.Escalate() {
				t.Errorf("%q: %+v, want it escalated", tt.match, f)
			}
			if f := d.Check(tt.nomatch); f.Class != "" {
				t.Errorf("%q: %+v, want no red flag", tt.nomatch, f)
			}
		})
	}
}

// TestInjuryIsNoCrisis: where the lexicon reports a crisis and another
// emergency in one message, the classifier, which read all of it, says
// which: an accident that drew blood gets emergency guidance, hurting
// oneself the crisis line.
func TestInjuryIsNoCrisis(t *testing.T) {
	d := safety.Default()
	for _, tt := range []struct {
		text string
		want safety.Class
	}{
		{"i fell off my bike and hit my head on the kerb, theres blood in my hair and i feel really confused", safety.Emergency},
		{"the man at the bus stop fainted and nobody's noticed him on the ground", safety.Emergency},
		{"i keep hitting my head against the wall until it bleeds", safety.Crisis},
	} {
		if f := d.Check(tt.text); !f.Escalate() || f.Class != tt.want {
			t.Errorf("%q: %+v, want a %s report", tt.text, f, tt.want)
		}
	}
}

// TestSureOverHistory: a sign under way told beside a past one ("from
// last week") escalates when the classifier is all but certain, though the
// history cue alone would send it to the provider.
func TestSureOverHistory(t *testing.T) {
	d := safety.Default()
	text := "the drip site from last week is angry and hot and weeping, im burning up and shivery and muddled"
	if m := d.MessageMode(text, safety.Emergency); m != safety.History {
		t.Fatalf("%q: the cues say %v, want history (the test needs a history cue)", text, m)
	}
	if f := d.Check(text); !f.Escalate() || f.Class != safety.Emergency {
		t.Errorf("%q: %+v, want an emergency report", text, f)
	}
}

// TestDeniedPurpose: a purpose denied ("not on purpose", "didn't ... on
// purpose", "didn't mean to") is no purpose, for the lexicon and the
// classifier alike; a purpose said stays one, and what else the message
// reports still counts.
func TestDeniedPurpose(t *testing.T) {
	d := safety.Default()
	for _, text := range []string{
		"I didn't take my pills on purpose because I forgot",
		"it wasnt on purpose, I forgot my pills this morning",
		"i didnt skip my dose intentionally, i just forgot it",
	} {
		if f := d.Check(text); f.Escalate() {
			t.Errorf("%q escalated (%s %s), want no red flag", text, f.Class, f.Concept)
		}
	}
	// an overdose taken by mistake is an emergency, with no crisis beside it
	if f := d.Check("i took too many of my pills but not on purpose"); !f.Escalate() || f.Class != safety.Emergency || f.EmergencyFirst {
		t.Errorf("overdose not on purpose: %+v, want an emergency with no crisis", f)
	}
	// said, the purpose holds
	if f := d.Check("i swallowed all my amitriptyline on purpose"); !f.Escalate() || f.Class != safety.Crisis || !f.EmergencyFirst {
		t.Errorf("overdose on purpose: %+v, want a crisis with emergency help first", f)
	}
}

// TestEmergencyFirst: a medical danger under way in a crisis is a crisis
// with emergency help first, and answers an emergency as well as a crisis;
// a crisis without it, or an emergency alone, answers only its own class.
func TestEmergencyFirst(t *testing.T) {
	d := safety.Default()
	for _, tc := range []struct {
		text           string
		class          safety.Class
		emergencyFirst bool
	}{
		{"I swallowed every one of my sleeping pills an hour ago because I want to die", safety.Crisis, true},
		{"I keep thinking of overdosing on my tramadol", safety.Crisis, false},
		{"my dad collapsed and isnt breathing", safety.Emergency, false},
		// out of their mind at a drop: an emergency only
		{"my flatmate is tripping on ketamine and says he wants to jump off the balcony", safety.Emergency, false},
	} {
		f := d.Check(tc.text)
		if !f.Escalate() || f.Class != tc.class || f.EmergencyFirst != tc.emergencyFirst {
			t.Errorf("%q: %+v, want a reported %s, emergency first %v", tc.text, f, tc.class, tc.emergencyFirst)
		}
		if !f.Answers(tc.class) || f.Answers(safety.Emergency) != (tc.class == safety.Emergency || tc.emergencyFirst) {
			t.Errorf("%q: Answers(%s) %v, Answers(emergency) %v", tc.text, tc.class, f.Answers(tc.class), f.Answers(safety.Emergency))
		}
	}
	if safety.Answers(safety.Crisis, safety.Emergency, true) || safety.Answers(safety.Emergency, safety.Crisis, false) {
		t.Error("Answers: only an emergency may come back a crisis, and only with emergency help first")
	}
}
