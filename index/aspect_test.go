package index

import "testing"

func TestAskedAspect(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		q    string
		want aspect
	}{
		{"lidocaine iv, how long am i there", aspectDuration},
		{"how many hours does it take", aspectDuration},
		{"hw long is a session", aspectDuration},
		{"how often do i come back", aspectFrequency},
		{"how many times a year", aspectFrequency},
		{"how soon will i feel better", aspectOnset},
		{"how many sessions will i need", aspectCount},
		{"how much does it cost", aspectCost},
		{"how does lidocaine work", aspectMechanism},
		{"how do nutrients help pain", aspectMechanism},
		{"how do i find out if it suits me", aspectNone},
		{"what is crps", aspectNone},
		{"what happens at the first appointment", aspectStart},
		{"how soon after the first session will i feel better", aspectOnset},
	} {
		if got := askedAspect(spellOut(words(c.q), nil)); got != c.want {
			t.Errorf("%q: aspect %d, want %d", c.q, got, c.want)
		}
	}
}

func TestAspectStatements(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a    aspect
		s    string
		want bool
	}{
		{aspectDuration, "The session usually lasts 1–4 hours.", true},
		{aspectDuration, "It lasts anywhere from 30 minutes to several hours.", true},
		{aspectDuration, "Relief can persist for an extended period.", true},
		{aspectDuration, "Relief often begins within hours of the infusion.", false},
		{aspectOnset, "Relief often begins within hours of the infusion.", true},
		{aspectOnset, "Ketamine blocks NMDA receptors.", false},
		{aspectFrequency, "Most patients start with weekly sessions.", true},
		{aspectFrequency, "The infusion is given into a vein.", false},
		{aspectCount, "A series of six infusions is common.", true},
		{aspectCost, "Americans spend $560 billion a year on pain.", true},
		{aspectCost, "Pain is common.", false},
		{aspectMechanism, "Lidocaine works by blocking sodium channels.", true},
		{aspectMechanism, "Lidocaine is a local anesthetic.", false},
		{aspectStart, "Infusion therapy typically begins with a consultation.", true},
		{aspectStart, "The patient schedules their first session.", false},
	} {
		if got := aspectStatements[c.a].MatchString(c.s); got != c.want {
			t.Errorf("aspect %d on %q: %v, want %v", c.a, c.s, got, c.want)
		}
	}
}

func TestRefersBack(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"This oversight helps optimize dosing.":        true,
		"These effects are typically short-lived.":     true,
		"It’s important to discuss any side effects.":  true,
		"Thistle is a plant.":                          false,
		"Lidocaine works by blocking sodium channels.": false,
		"": false,
	} {
		if got := refersBack(s); got != want {
			t.Errorf("refersBack(%q) = %v, want %v", s, got, want)
		}
	}
}
