// Package knowledge holds the clinic's source articles and the loader that
// turns a folder of Markdown (or plain-text) articles into Documents with
// sections and blocks, keeping every sentence's wording unchanged: answers
// quote these words verbatim.
//
// # Article files
//
// Load reads every ".md" and ".txt" file under the folder, in path order.
// It ignores README.md (and README.txt), and every file or folder whose name
// starts with "_" or ".": keep editing notes, templates and drafts there,
// never in an article, because everything in an article may be quoted to a
// patient. Whole-line HTML comments (<!-- ... -->) are ignored too.
//
// An article starts with front matter between "---" lines, one "key: value"
// a line, the value optionally in quotes:
//
//	---
//	title: Infusion Therapy
//	source: clinic article
//	published: 2025-01-30
//	reviewed: 2026-11-23
//	---
//
// title is required; published and reviewed are dates (YYYY-MM-DD) or empty.
// The body is Markdown: "#" to "######" headings, paragraphs, list items
// ("- ", "* ", "1. ") and pipe tables (header, "---|---" line, rows, each row
// with as many cells as the header). Write each paragraph on one line: every
// non-blank line is a block of its own, so that a quote never joins words
// from two places. Inline Markdown (**bold**, links) is kept as written.
//
// A ".txt" file may leave out front matter: its first line is then the
// title, and short bare lines that start with a capital and either end in
// "?" or have no end punctuation are taken for level-2 headings.
//
// A document's Path is the file's path without extension; citations start
// with it, so renaming a file changes the citation ids.
package knowledge

// Document is one article.
type Document struct {
	// Path is the file's path relative to the knowledge folder, slash-separated,
	// without extension ("lidocaine-and-ketamine"). Citation ids start with it.
	Path      string
	Title     string
	Source    string // publisher or URL
	Published string // as given in front matter, "" when unknown
	Reviewed  string
	// Draft is set by "draft: true" in the front matter: the article is
	// being written and must not be quoted to a patient yet.
	Draft    bool
	Sections []Section
}

// Section is a run of blocks under one heading. The text before the first
// heading forms a section whose Heading is the document's title (Level 1, no
// Parents). A heading followed directly by a sub-heading ("Lidocaine
// Infusions" above "What Are Lidocaine Infusions?") gives a section with no
// blocks; it is kept so that its heading can be a parent.
type Section struct {
	Heading string
	Level   int    // 1 for "#", 2 for "##", ...
	Anchor  string // slug of Heading, unique within the document
	// Parents are the headings above this one, outermost first.
	Parents []string
	Blocks  []Block
	Line    int // line of the heading in the file
}

// BlockKind says what structure a block came from.
type BlockKind int

const (
	Paragraph BlockKind = iota
	ListItem
	TableRow
)

// Block is one paragraph, list item or table row.
type Block struct {
	Kind BlockKind
	// Text is the block's words as written (list marker stripped; for a
	// table row, the cells joined by " | ").
	Text string
	// Header holds a table's header cells, for table rows.
	Header []string
	// Cells holds a table row's cells.
	Cells []string
	Line  int
}
