package bot

import "github.com/infusionbot/infusionbot/bot/answerability"

// answerabilityInput is what the answerability model reads of a ranking:
// the question's terms and the ranked passages, best first.
func answerabilityInput(res SearchResult) answerability.Input {
	in := answerability.Input{Terms: make([]answerability.Term, len(res.Terms)), KNNTop: res.KNNTop, KNNUnanswerable: res.KNNUnanswerable}
	for i, t := range res.Terms {
		w := t.Word
		if t.Corrected != "" {
			w = t.Corrected
		}
		in.Terms[i] = answerability.Term{Word: w, Known: t.Known, Weight: t.Weight}
	}
	for _, h := range res.Hits {
		in.Hits = append(in.Hits, answerability.Hit{
			Text: h.Text, Headings: h.Headings, Score: h.Score,
			Coverage: h.Coverage, TextCoverage: h.TextCoverage, HeadingCoverage: h.HeadingCoverage,
			TermMatch: h.TermMatch, KNN: h.KNN,
		})
	}
	return in
}

// leadWith returns hits with hits[i] first, the others in their order.
func leadWith(hits []SearchHit, i int) []SearchHit {
	if i <= 0 || i >= len(hits) {
		return hits
	}
	out := make([]SearchHit, 0, len(hits))
	out = append(out, hits[i])
	out = append(out, hits[:i]...)
	return append(out, hits[i+1:]...)
}
