package intent

import (
	"strings"
	"testing"
)

// TestCrossValidatedAccuracyPerIntent holds every intent of examples.txt
// to a floor of cross-validated accuracy (fallback included): each example
// classified by a classifier that never saw it.
func TestCrossValidatedAccuracyPerIntent(t *testing.T) {
	rep := CrossValidate(DefaultData(), 5, Options{})
	var b strings.Builder
	if err := rep.Write(&b, false); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	for _, in := range Intents {
		if acc := rep.Accuracy(in); acc < minCrossValidated {
			t.Errorf("%s: cross-validated accuracy %.1f%%, want at least %.0f%%", in, 100*acc, 100*minCrossValidated)
		}
	}
}

func TestUnsureCallsFallBackToQuestion(t *testing.T) {
	bar := Options{MinConfidence: 0.6, MinMargin: 0.3}
	tests := []struct {
		p    Prediction
		want string
	}{
		{Prediction{Best: "thanks", Confidence: 0.9, Margin: 0.85}, "thanks"},
		{Prediction{Best: "thanks", Confidence: 0.55, Margin: 0.4}, Question},                       // not confident
		{Prediction{Best: "clinic", Confidence: 0.62, Margin: 0.25}, Question},                      // too close a call
		{Prediction{Best: Question, Confidence: 0.3, Margin: 0.01}, Question},                       // the search anyway
		{Prediction{Best: "medical_advice", Confidence: 0.6, Margin: 0.3}, "medical_advice"},        // on the bar
		{Prediction{Best: "thanks", Confidence: 0.62, Margin: 0.25, RunnerUp: "goodbye"}, "thanks"}, // small talk either way
		{Prediction{Best: "thanks", Confidence: 0.55, Margin: 0.25, RunnerUp: "goodbye"}, Question}, // but not unsure
		{Prediction{Best: "greeting", Confidence: 0.62, Margin: 0.25, RunnerUp: "help"}, Question},  // a close call with help
	}
	for _, tt := range tests {
		if got := tt.p.decide(bar).Intent; got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.p, got, tt.want)
		}
	}
	// And through a trained classifier: a clear message passes the default bar.
	if p := Default().Classify("thank you so much"); p.Intent != "thanks" {
		t.Errorf("thank you so much: %+v, want thanks", p)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown intent", "## intent: weather\n- rain", "x.txt:1: unknown intent \"weather\""},
		{"example before intent", "- hello", "x.txt:1: example before any ## intent:"},
		{"bad header", "## greeting", "x.txt:1: want \"## intent: NAME\" or \"## lookup: NAME\""},
		{"stray line", "## intent: greeting\nhello", "x.txt:2: want \"- example\" or \"## intent: NAME\""},
		{"contradiction", "## intent: greeting\n- hi there\n## intent: thanks\n- Hi there!", "x.txt:4: \"Hi there!\" is thanks here and greeting on line 2"},
		{"intent without examples", "## intent: greeting\n- hi", "x.txt: intent \"help\" has no examples"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.txt", tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLookupsGeneraliseAcrossTheirEntries(t *testing.T) {
	// Only "aspirin" is in the examples below; "naproxen" is in the lookup.
	text := "## intent: medical_advice\n- can i keep taking my aspirin\n- should i stop my aspirin\n" +
		"## intent: question\n- what is ketamine\n- how long does it take\n- can i keep reading during it\n"
	for _, in := range Intents {
		if in != "medical_advice" && in != Question {
			text += "## intent: " + in + "\n- " + in + " example\n"
		}
	}
	with := text + "## lookup: medicine\n- aspirin\n- naproxen\n"
	dw, err := Parse("with", with)
	if err != nil {
		t.Fatal(err)
	}
	dwo, err := Parse("without", text)
	if err != nil {
		t.Fatal(err)
	}
	msg := "should i stop my naproxen"
	pw := Train(dw, Options{}).Probabilities(msg)
	pwo := Train(dwo, Options{}).Probabilities(msg)
	ma := 6 // medical_advice in Intents
	if Intents[ma] != "medical_advice" {
		t.Fatal("Intents order changed")
	}
	if pw[ma] <= pwo[ma] {
		t.Errorf("%q: medical_advice %.2f with the lookup, %.2f without; want the lookup to raise it", msg, pw[ma], pwo[ma])
	}
}

func BenchmarkClassify(b *testing.B) {
	c := Default()
	msgs := []string{
		"hello",
		"can i stop my cymbalta before the lidocaine infusion next week or should i keep taking it",
		"What are the side effects of ketamine infusions?",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Classify(msgs[i%len(msgs)])
	}
}
