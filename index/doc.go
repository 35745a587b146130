// Package index turns the clinic's articles into passages and searches them
// with bleve.
//
// Passages follow the documents' own structure: a paragraph, a list item
// (which knows its heading and the list's lead-in line), a table row (which
// knows the table's header). Each passage records its document, section and
// position so that an answer can quote it and cite it.
//
// User text is never parsed as bleve query-string syntax: Search analyses the
// words itself, corrects typos against the index's own vocabulary, expands
// lay terms with the synonym table (synonyms.txt) and builds match, phrase
// and fuzzy query objects.
package index
