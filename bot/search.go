package bot

import "context"

// Passage is a quotable piece of an article, as the Searcher returns it.
type Passage struct {
	ID      string // unique passage id
	Cite    string // citation id: "<doc path>#<section anchor>"
	DocPath string
	Title   string
	Source  string
	Section string
	// Headings are the section's heading and those above it, outermost
	// first: what the passage is about ("Ketamine Infusions", "Side Effects
	// and Risks").
	Headings []string
	// Kind is "paragraph", "item" (a list item) or "row" (a table row).
	Kind string
	// Text is the passage's words exactly as in the article.
	Text string
	// Lead is the line introducing a list item's list, or a table's header.
	Lead string
	// LeadsList is true for a paragraph that introduces the list after it.
	LeadsList bool
}

// SearchTerm is one meaningful word or phrase of a query.
type SearchTerm struct {
	Word      string  `json:"word"`
	Corrected string  `json:"corrected,omitempty"`
	Known     bool    `json:"known"`
	Weight    float64 `json:"weight"`
}

// SearchHit is one ranked passage.
type SearchHit struct {
	Passage
	Score float64
	// Coverage is the weighted share of the query's terms found in the
	// passage with its headings; TextCoverage counts its own words only.
	Coverage     float64
	TextCoverage float64
	// HeadingCoverage counts the section heading and the headings above it:
	// high when the question asks what the section is about.
	HeadingCoverage float64
	// TermMatch is, per term of the result, how well the passage holds it:
	// 1 in its own words, less in a heading, its context or through a
	// synonym, 0 not at all. Nil when the searcher does not tell.
	TermMatch []float64
	// Snippet is the passage's best sentences for the query, verbatim.
	Snippet string
	// KNN is the passage's support from the example questions closest to
	// the query (0 when none points at it, or without examples).
	KNN float64
}

// SearchResult is a ranking with the query's terms.
type SearchResult struct {
	Terms []SearchTerm
	Hits  []SearchHit
	// KNNTop is the similarity (0-1) of the example question closest to
	// the query, 0 when none is close or the searcher has no examples.
	KNNTop float64
	// KNNUnanswerable is the similarity (0-1) of the closest example
	// question the articles were asked and do not answer, 0 when none is.
	KNNUnanswerable float64
}

// Searcher finds passages for a person's text. The bleve index implements it.
type Searcher interface {
	Search(ctx context.Context, text string, k int) (SearchResult, error)
	// List returns the passages of the list or table that p belongs to (or
	// that p introduces), in article order.
	List(p Passage) []Passage
	// Sources lists the articles searched.
	Sources() []Source
}
