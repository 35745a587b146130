// Package knowledge holds the clinic's source articles and the loader that
// turns a folder of Markdown (or plain-text) articles into Documents with
// sections and blocks, keeping every sentence's wording unchanged: answers
// quote these words verbatim.
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
	Sections  []Section
}

// Section is a run of blocks under one heading. The text before the first
// heading forms a section whose Heading is the document's title.
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
