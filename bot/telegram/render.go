package telegram

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/utf16"
)

// escapeHTML escapes text for Telegram's HTML parse mode, which needs only
// <, >, & (and " inside attributes) escaped.
func escapeHTML(s string) string {
	if !strings.ContainsAny(s, `<>&"`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// renderReply renders a reply as Telegram HTML: the body, the citations as a
// numbered list (title — section; the quoted snippet is already in the body),
// then the handoff line in italics. Every piece of text is escaped.
func renderReply(r bot.Reply) string {
	var b strings.Builder
	body := strings.TrimSpace(r.Body)
	b.WriteString(escapeHTML(body))
	if len(r.Citations) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("<b>Sources</b>")
		for i, c := range r.Citations {
			b.WriteString("\n")
			b.WriteString(strconv.Itoa(i + 1))
			b.WriteString(". ")
			title := strings.TrimSpace(c.Title)
			if title == "" {
				title = strings.TrimSpace(c.Source)
			}
			if title == "" {
				title = "Source"
			}
			b.WriteString(escapeHTML(oneLine(title)))
			if s := strings.TrimSpace(c.Section); s != "" && s != title {
				b.WriteString(" — ")
				b.WriteString(escapeHTML(oneLine(s)))
			}
		}
	}
	if h := strings.TrimSpace(r.Handoff); h != "" {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("<i>")
		b.WriteString(escapeHTML(h))
		b.WriteString("</i>")
	}
	if b.Len() == 0 {
		// Telegram refuses empty messages; never leave the person without an answer.
		return escapeHTML(bot.DefaultUserError)
	}
	return b.String()
}

// oneLine folds line breaks so that one citation stays one list item.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// plainText turns HTML produced by renderReply (or a part of it) back into
// plain text: tags dropped, entities decoded. It is the fallback when
// Telegram refuses to parse a message's HTML.
func plainText(s string) string {
	toks := tokenize(s)
	var b strings.Builder
	for _, t := range toks {
		switch t.kind {
		case tokTag:
		case tokEntity:
			switch s[t.start:t.end] {
			case "&lt;":
				b.WriteByte('<')
			case "&gt;":
				b.WriteByte('>')
			case "&amp;":
				b.WriteByte('&')
			case "&quot;":
				b.WriteByte('"')
			default:
				b.WriteString(s[t.start:t.end])
			}
		default:
			b.WriteString(s[t.start:t.end])
		}
	}
	return b.String()
}

type tokKind uint8

const (
	tokText   tokKind = iota // one rune of text
	tokTag                   // <...> or </...>
	tokEntity                // &name; or &#123;
)

type token struct {
	kind       tokKind
	start, end int // byte offsets
	units      int // UTF-16 code units
	name       string
	closing    bool // for tags: </name>
}

const (
	maxTagLen    = 256
	maxEntityLen = 12
)

// tokenize splits HTML into runes of text, tags and entities. A '<' or '&'
// that does not start a well-formed tag or entity is text.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s))
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			if t, ok := scanTag(s, i); ok {
				toks = append(toks, t)
				i = t.end
				continue
			}
		case '&':
			if t, ok := scanEntity(s, i); ok {
				toks = append(toks, t)
				i = t.end
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		u := 1
		if r >= 0x10000 {
			u = 2
		}
		toks = append(toks, token{kind: tokText, start: i, end: i + size, units: u})
		i += size
	}
	return toks
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func scanTag(s string, i int) (token, bool) {
	j := i + 1
	closing := false
	if j < len(s) && s[j] == '/' {
		closing = true
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		return token{}, false
	}
	ns := j
	for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
		j++
	}
	if j-ns > 32 {
		return token{}, false
	}
	name := strings.ToLower(s[ns:j])
	for j < len(s) && j-i < maxTagLen {
		switch s[j] {
		case '>':
			if closing && strings.TrimSpace(s[ns+len(name):j]) != "" {
				return token{}, false
			}
			end := j + 1
			return token{kind: tokTag, start: i, end: end, units: utf16.Len(s[i:end]), name: name, closing: closing}, true
		case '<':
			return token{}, false
		}
		j++
	}
	return token{}, false
}

func scanEntity(s string, i int) (token, bool) {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
	}
	ns := j
	for j < len(s) && j-i < maxEntityLen && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == ns || j >= len(s) || s[j] != ';' {
		return token{}, false
	}
	return token{kind: tokEntity, start: i, end: j + 1, units: j + 1 - i}, true
}

// Boundary levels, best first.
const (
	cutRune = iota
	cutWord
	cutLine
	cutParagraph
)

// splitHTML splits Telegram HTML into messages of at most limit UTF-16 code
// units each (tags and entities included, so the count is conservative). It
// cuts at the last paragraph break that fits, else the last line break,
// else the last space, else between two runes — never inside a tag or an
// entity. Tags open at a cut are closed at the end of the part and reopened
// at the start of the next, so each part is valid on its own. White space at
// a cut is dropped; parts holding only white space are not returned.
func splitHTML(s string, limit int) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if limit < 64 {
		limit = 64
	}
	if utf16.Len(s) <= limit {
		return []string{s}
	}
	toks := tokenize(s)
	var parts []string
	var stack []token // open tags
	i := 0
	for i < len(toks) {
		// Skip white space at the start of a part.
		for i < len(toks) && toks[i].kind == tokText && isSpaceByte(s[toks[i].start]) {
			i++
		}
		if i >= len(toks) {
			break
		}
		reopen := openTags(s, stack)
		if utf16.Len(reopen)+closeLen(stack) > limit/4 {
			// Pathological nesting (never produced by renderReply): stop
			// tracking tags rather than exceed the limit.
			stack, reopen = nil, ""
		}
		start := i
		tagBudget := limit / 4
		st := append([]token(nil), stack...)
		cl := closeLen(st)
		n := utf16.Len(reopen)
		best := [cutParagraph + 1]int{-1, -1, -1, -1}
		anyFit := -1
		j := i
		for ; j < len(toks); j++ {
			t := toks[j]
			n += t.units
			if n > limit {
				break
			}
			st, cl = applyTag(st, cl, t, tagBudget)
			// A cut after token j: does it fit, is it a good place, and how good?
			if n+cl > limit {
				continue
			}
			anyFit = j + 1
			if t.kind == tokTag && !t.closing {
				continue // never leave an empty element behind
			}
			if j+1 < len(toks) && toks[j+1].kind == tokTag && toks[j+1].closing {
				continue // keep a closing tag with its content
			}
			best[cutLevel(s, toks, j+1)] = j + 1
		}
		end := -1
		if j == len(toks) && n+cl <= limit {
			end = len(toks)
		} else {
			for lvl := cutParagraph; lvl >= cutRune; lvl-- {
				if best[lvl] > start {
					end = best[lvl]
					break
				}
			}
			if end < 0 && anyFit > start {
				end = anyFit
			}
			if end < 0 {
				// Nothing fits (cannot happen with sane limits): take one token.
				end = start + 1
			}
		}
		endStack, ecl := append([]token(nil), stack...), closeLen(stack)
		for _, t := range toks[start:end] {
			endStack, ecl = applyTag(endStack, ecl, t, tagBudget)
		}
		var b strings.Builder
		b.WriteString(reopen)
		b.WriteString(strings.TrimRightFunc(s[toks[start].start:toks[end-1].end], isSpaceRune))
		b.WriteString(closeTags(endStack))
		if hasNonTag(s, toks[start:end]) {
			parts = append(parts, b.String())
		}
		stack = endStack
		i = end
	}
	return parts
}

func hasNonTag(s string, toks []token) bool {
	for _, t := range toks {
		if t.kind != tokTag && !(t.kind == tokText && isSpaceByte(s[t.start])) {
			return true
		}
	}
	return false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func isSpaceRune(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

// cutLevel classifies a cut before token p by the text just before it
// (tags ignored).
func cutLevel(s string, toks []token, p int) int {
	var prev [2]byte
	got := 0
	for k := p - 1; k >= 0 && k >= p-64 && got < 2; k-- {
		t := toks[k]
		if t.kind == tokTag {
			continue
		}
		if t.kind == tokEntity || t.end-t.start != 1 {
			prev[got] = 'x'
		} else {
			prev[got] = s[t.start]
		}
		got++
	}
	// A cut right before white space is as good as one right after it.
	var next byte
	for k := p; k < len(toks) && k < p+64; k++ {
		if toks[k].kind == tokTag {
			continue
		}
		if toks[k].kind == tokText && toks[k].end-toks[k].start == 1 {
			next = s[toks[k].start]
		}
		break
	}
	switch {
	case prev[0] == '\n' && prev[1] == '\n', prev[0] == '\n' && next == '\n':
		return cutParagraph
	case prev[0] == '\n' || next == '\n':
		return cutLine
	case prev[0] == ' ' || next == ' ':
		return cutWord
	}
	return cutRune
}

// applyTag updates the stack of open tags (and the length of the tags that
// close them) with token t. An opening tag whose closing would take the
// closing tags beyond budget is not tracked (only pathological nesting,
// never produced by renderReply, gets there).
func applyTag(st []token, cl int, t token, budget int) ([]token, int) {
	if t.kind != tokTag {
		return st, cl
	}
	if !t.closing {
		if c := len(t.name) + 3; cl+c <= budget {
			return append(st, t), cl + c
		}
		return st, cl
	}
	for k := len(st) - 1; k >= 0; k-- {
		if st[k].name == t.name {
			return append(st[:k:k], st[k+1:]...), cl - len(t.name) - 3
		}
	}
	return st, cl
}

func closeLen(st []token) int {
	n := 0
	for _, t := range st {
		n += len(t.name) + 3
	}
	return n
}

func closeTags(st []token) string {
	var b strings.Builder
	for k := len(st) - 1; k >= 0; k-- {
		b.WriteString("</")
		b.WriteString(st[k].name)
		b.WriteString(">")
	}
	return b.String()
}

func openTags(s string, st []token) string {
	var b strings.Builder
	for _, t := range st {
		b.WriteString(s[t.start:t.end])
	}
	return b.String()
}
