package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// The fields of a passage document in bleve.
const (
	fieldText    = "text"    // the passage's own words
	fieldHeading = "heading" // the section heading it sits under
	fieldContext = "context" // outer headings, list lead-in, table header, title
)

// passageDoc is what bleve indexes for a passage; the passage itself stays
// in memory, so nothing is stored in the index but the terms.
type passageDoc struct {
	Text    string `json:"text"`
	Heading string `json:"heading"`
	Context string `json:"context"`
}

func newPassageDoc(p Passage) passageDoc {
	ctx := p.Lead
	for _, h := range p.Headings[:max(0, len(p.Headings)-1)] {
		ctx += "\n" + h
	}
	ctx += "\n" + p.Title
	return passageDoc{Text: p.Text, Heading: p.Section, Context: ctx}
}

// newMapping maps passages with the English analyser (lower case, stop
// words, possessives, Porter stemming) on every field. Scoring stays bleve's
// default tf-idf: measured on this knowledge, scorch's bm25 (which derives the
// average field length from the vocabulary size) ranked long passages worse.
func newMapping() mapping.IndexMapping {
	field := bleve.NewTextFieldMapping()
	field.Analyzer = en.AnalyzerName
	field.Store = false
	field.IncludeTermVectors = true // phrase queries need positions
	field.IncludeInAll = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, field)
	doc.AddFieldMappingsAt(fieldHeading, field)
	doc.AddFieldMappingsAt(fieldContext, field)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = en.AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
