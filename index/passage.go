package index

import (
	"strconv"
	"strings"

	"github.com/infusionbot/infusionbot/knowledge"
)

// Kind says what structure of the article a passage came from.
type Kind string

const (
	KindParagraph Kind = "paragraph"
	KindListItem  Kind = "item"
	KindTableRow  Kind = "row"
)

// Passage is one searchable, quotable piece of an article.
type Passage struct {
	// ID is unique in the index: "<doc path>#<section anchor>/<position>".
	ID      string
	DocPath string
	Title   string
	Source  string
	// Section is the heading the passage sits under; Anchor its slug.
	Section string
	Anchor  string
	// Headings are the section's heading and those above it, outermost first.
	Headings []string
	Kind     Kind
	// Text is the passage's words exactly as the article has them.
	Text string
	// Lead is the line that introduces a list item's list ("... include:"),
	// or, for a table row, the table's header cells joined by " | ".
	Lead string
	// Group numbers the list or table a passage belongs to within its
	// section (0 for paragraphs), so an answer can quote a whole list.
	Group int
	// Position is the passage's order within its document.
	Position int
}

// CitationID is the id an answer cites: "<doc path>#<section anchor>".
func (p Passage) CitationID() string { return p.DocPath + "#" + p.Anchor }

// Cut splits documents into passages along their structure.
func Cut(docs []knowledge.Document) []Passage {
	var out []Passage
	for _, d := range docs {
		pos := 0
		for _, s := range d.Sections {
			headings := append(append([]string(nil), s.Parents...), s.Heading)
			group := 0
			for i, b := range s.Blocks {
				p := Passage{
					ID:       d.Path + "#" + s.Anchor + "/" + strconv.Itoa(pos),
					DocPath:  d.Path,
					Title:    d.Title,
					Source:   d.Source,
					Section:  s.Heading,
					Anchor:   s.Anchor,
					Headings: headings,
					Text:     strings.TrimSpace(b.Text),
					Position: pos,
				}
				switch b.Kind {
				case knowledge.ListItem, knowledge.TableRow:
					// A new list or table starts where the previous block was of another kind.
					if i == 0 || s.Blocks[i-1].Kind != b.Kind {
						group++
					}
					p.Group = group
					if b.Kind == knowledge.ListItem {
						p.Kind = KindListItem
						p.Lead = listLead(s.Blocks, i)
					} else {
						p.Kind = KindTableRow
						p.Lead = strings.Join(b.Header, " | ")
					}
				default:
					p.Kind = KindParagraph
				}
				if p.Text == "" {
					continue
				}
				out = append(out, p)
				pos++
			}
		}
	}
	return out
}

// listLead finds the paragraph that introduces the list holding blocks[i]:
// the paragraph right before the list, when it ends with a colon.
func listLead(blocks []knowledge.Block, i int) string {
	for i > 0 && blocks[i-1].Kind == knowledge.ListItem {
		i--
	}
	if i == 0 {
		return ""
	}
	prev := strings.TrimSpace(blocks[i-1].Text)
	if blocks[i-1].Kind == knowledge.Paragraph && strings.HasSuffix(prev, ":") {
		return prev
	}
	return ""
}
