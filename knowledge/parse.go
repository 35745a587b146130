package knowledge

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// frontMatterKeys are the keys an article's front matter may set. Unknown
// keys are errors, so that a misspelt "reviewd:" is reported instead of
// silently losing the review date.
var frontMatterKeys = map[string]bool{"title": true, "source": true, "published": true, "reviewed": true, "draft": true}

var (
	atxHeading = regexp.MustCompile(`^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`)
	// A heading may end in a closing run of "#"s, which is not part of it.
	closingHashes = regexp.MustCompile(`(?:^|[ \t]+)#+$`)
	listMarker    = regexp.MustCompile(`^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+(.*)$`)
	thematicBreak = regexp.MustCompile(`^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	separatorCell = regexp.MustCompile(`^:?-+:?$`)
	sentenceBreak = regexp.MustCompile(`\p{Ll}{3,}[.!?]\s+\p{Lu}`)
)

const (
	maxHeadingWords  = 12 // a bare line longer than this is prose, not a heading
	maxQuestionWords = 25 // questions used as headings run longer ("Can IV therapy alone ...?")
)

// parser turns one file's lines into a Document, collecting problems.
type parser struct {
	file     string // path with extension, for messages
	txt      bool   // plain text: bare heading-like lines are headings
	doc      Document
	problems []*ParseError

	titleLine int
	headings  []Section // open headings, outermost first, for Parents
	// untitled is the index of the section holding text before the first
	// heading, whose heading is the title (known only at the end when it
	// comes from the first "#" heading); -1 when there is none.
	untitled int
	blocks   int
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.problems = append(p.problems, &ParseError{Path: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// parse reads one article. file is its path relative to the knowledge folder.
func parse(file string, data []byte) (Document, []*ParseError) {
	p := &parser{
		file:     file,
		txt:      path.Ext(file) == ".txt",
		doc:      Document{Path: strings.TrimSuffix(file, path.Ext(file))},
		untitled: -1,
	}
	if !utf8.Valid(data) {
		p.errorf(invalidUTF8Line(data), "not valid UTF-8 text; save the file as UTF-8")
		return p.doc, p.problems
	}
	// Editors on Windows add a byte order mark and CR line ends; neither is text.
	text := strings.TrimPrefix(string(data), "\ufeff")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}

	body, hasFrontMatter := p.frontMatter(lines)
	if body < 0 {
		return p.doc, p.problems
	}
	if !hasFrontMatter && p.txt {
		body = p.txtTitle(lines, body)
	}
	p.body(lines, body)

	if p.doc.Title == "" && !hasFrontMatter {
		p.errorf(1, `no title: start the file with front matter holding "title: ..." or with a "# " heading`)
	}
	if p.untitled >= 0 {
		s := &p.doc.Sections[p.untitled]
		s.Heading = p.doc.Title
	}
	if p.blocks == 0 {
		p.errorf(1, "no text: the article has no paragraphs, list items or table rows")
	}
	setAnchors(p.doc.Sections)
	return p.doc, p.problems
}

func invalidUTF8Line(data []byte) int {
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			return bytes.Count(data[:off], []byte("\n")) + 1
		}
		off += size
	}
	return 1
}

// frontMatter parses the "---" block at the top, if any, and returns the
// index of the first body line, or -1 when the rest of the file cannot be
// read sensibly (front matter never closed).
func (p *parser) frontMatter(lines []string) (body int, ok bool) {
	if strings.TrimSpace(lines[0]) != "---" {
		return 0, false
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		p.errorf(1, `front matter is not closed: add a "---" line after it`)
		return -1, true
	}
	seen := map[string]int{}
	for i := 1; i < end; i++ {
		n := i + 1
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, found := strings.Cut(line, ":")
		if !found {
			p.errorf(n, `front matter line has no colon, want "key: value": %q`, line)
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = unquote(strings.TrimSpace(value))
		if !frontMatterKeys[key] {
			p.errorf(n, "unknown front matter key %q (want title, source, published, reviewed or draft)", key)
			continue
		}
		if first, dup := seen[key]; dup {
			p.errorf(n, "front matter key %q repeated (first on line %d)", key, first)
			continue
		}
		seen[key] = n
		switch key {
		case "title":
			p.doc.Title, p.titleLine = value, n
			if value == "" {
				p.errorf(n, "empty title")
			}
		case "source":
			p.doc.Source = value
		case "draft":
			switch strings.ToLower(value) {
			case "true", "yes":
				p.doc.Draft = true
			case "false", "no", "":
			default:
				p.errorf(n, "draft: %q is neither true nor false", value)
			}
		case "published", "reviewed":
			if value != "" {
				if _, err := time.Parse(time.DateOnly, value); err != nil {
					p.errorf(n, "%s: %q is not a date like 2025-01-30", key, value)
				}
			}
			if key == "published" {
				p.doc.Published = value
			} else {
				p.doc.Reviewed = value
			}
		}
	}
	if _, ok := seen["title"]; !ok {
		p.errorf(1, `front matter has no "title:" line`)
	}
	return end + 1, true
}

// unquote strips one pair of matching surrounding quotes, so a title may be
// quoted when it looks odd unquoted. No escapes: the words stay as written.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// txtTitle takes the first non-blank line of a plain-text file without front
// matter as its title and opens a level-1 section for it, as "# " would.
func (p *parser) txtTitle(lines []string, from int) int {
	for i := from; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if m := atxHeading.FindStringSubmatch(line); m != nil {
			line = headingText(m[2])
		} else if !isBareHeading(line) {
			// Taking a paragraph as the title would both mislabel every
			// citation and drop the paragraph from the answers.
			p.errorf(i+1, `the first line is not a title (too long, or ends like a sentence): start the file with front matter holding "title: ..."`)
		}
		p.doc.Title, p.titleLine = line, i+1
		p.heading(1, line, i+1)
		return i + 1
	}
	return len(lines)
}

// body reads headings, paragraphs, list items and tables. Each non-blank line
// is its own block: the articles write one paragraph a line, and a block must
// never join words from two places.
func (p *parser) body(lines []string, from int) {
	var header []string // cells of the table being read, nil outside a table
	for i := from; i < len(lines); i++ {
		n := i + 1
		line := strings.TrimSpace(lines[i])
		if line == "" {
			header = nil
			continue
		}
		if header != nil {
			if strings.Contains(line, "|") {
				cells := splitCells(line)
				if len(cells) != len(header) {
					p.errorf(n, "table row has %s, the header has %d", cellCount(len(cells)), len(header))
				}
				p.add(Block{Kind: TableRow, Text: strings.Join(cells, " | "),
					Header: append([]string(nil), header...), Cells: cells, Line: n})
				continue
			}
			header = nil
		}
		// Whole-line HTML comments are notes for editors, never for patients.
		if strings.HasPrefix(line, "<!--") {
			end, rest := i, line[len("<!--"):]
			for !strings.Contains(rest, "-->") {
				if end++; end == len(lines) {
					p.errorf(n, `comment is not closed: add "-->"`)
					return
				}
				rest = lines[end]
			}
			i = end
			continue
		}
		if m := atxHeading.FindStringSubmatch(line); m != nil {
			text := headingText(m[2])
			if text == "" {
				p.errorf(n, "empty heading")
				continue
			}
			level := len(m[1])
			if level == 1 && p.doc.Title == "" {
				p.doc.Title, p.titleLine = text, n
			}
			p.heading(level, text, n)
			continue
		}
		if thematicBreak.MatchString(line) {
			continue
		}
		if strings.Contains(line, "|") && i+1 < len(lines) && isSeparator(lines[i+1]) {
			header = splitCells(line)
			if sep := splitCells(lines[i+1]); len(sep) != len(header) {
				p.errorf(n+1, "table separator has %s, the header has %d", cellCount(len(sep)), len(header))
			}
			i++
			continue
		}
		if m := listMarker.FindStringSubmatch(line); m != nil {
			p.add(Block{Kind: ListItem, Text: m[1], Line: n})
			continue
		}
		if p.txt && isBareHeading(line) {
			p.heading(2, line, n)
			continue
		}
		p.add(Block{Kind: Paragraph, Text: line, Line: n})
	}
}

func headingText(s string) string {
	return strings.TrimSpace(closingHashes.ReplaceAllString(strings.TrimSpace(s), ""))
}

// heading opens a section; its parents are the open headings of lower level.
func (p *parser) heading(level int, text string, line int) {
	for len(p.headings) > 0 && p.headings[len(p.headings)-1].Level >= level {
		p.headings = p.headings[:len(p.headings)-1]
	}
	var parents []string
	for _, h := range p.headings {
		parents = append(parents, h.Heading)
	}
	s := Section{Heading: text, Level: level, Parents: parents, Line: line}
	p.headings = append(p.headings, s)
	p.doc.Sections = append(p.doc.Sections, s)
}

func (p *parser) add(b Block) {
	if len(p.doc.Sections) == 0 {
		p.untitled = 0
		line := p.titleLine
		if line == 0 { // the title comes from a "#" heading further down
			line = b.Line
		}
		p.doc.Sections = append(p.doc.Sections, Section{Level: 1, Line: line})
	}
	s := &p.doc.Sections[len(p.doc.Sections)-1]
	s.Blocks = append(s.Blocks, b)
	p.blocks++
}

func cellCount(n int) string {
	if n == 1 {
		return "1 cell"
	}
	return fmt.Sprintf("%d cells", n)
}

// isSeparator reports whether line is a table's "---|---" line.
func isSeparator(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, "|") || !strings.Contains(line, "-") {
		return false
	}
	for _, c := range splitCells(line) {
		if !separatorCell.MatchString(c) {
			return false
		}
	}
	return true
}

// splitCells splits a pipe-table line into trimmed cells. Leading and
// trailing pipes are optional ("a | b |" and "| a | b |" both give two
// cells); "\|" is a pipe inside a cell.
func splitCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var cell strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cell.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
		default:
			cell.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(cell.String()))
}

// isBareHeading guesses whether a plain-text line is a heading: short, starts
// with a capital, and either a question or free of end punctuation. The
// sources' headings are often sentence case ("Key takeaways"), so strict
// Title Case is not required; a sentence break inside ("... effects. They")
// marks prose.
func isBareHeading(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) || sentenceBreak.MatchString(line) {
		return false
	}
	words := len(strings.Fields(line))
	if strings.HasSuffix(line, "?") {
		return words <= maxQuestionWords
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return words <= maxHeadingWords && !strings.ContainsRune(".:;,!", last)
}

// setAnchors gives each section a slug of its heading, unique within the
// document: a repeated heading gets "-2", "-3", ...
func setAnchors(sections []Section) {
	used := map[string]bool{}
	for i := range sections {
		base := slug(sections[i].Heading)
		anchor := base
		for k := 2; used[anchor]; k++ {
			anchor = fmt.Sprintf("%s-%d", base, k)
		}
		used[anchor] = true
		sections[i].Anchor = anchor
	}
}

// slug lowercases s and keeps letters and digits, with one "-" for each run
// of anything else. Apostrophes vanish so "Patient’s" gives "patients".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '‘':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}
