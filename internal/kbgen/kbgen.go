// Package kbgen generates a synthetic knowledge folder of a chosen number of
// passages, for measuring how indexing and search scale (see
// docs/performance.md and cmd/kbgen).
//
// The articles look like the clinic's: front matter, a "#" title, "##" (and
// some "###") sections, one-line paragraphs, "- " lists introduced by a line
// ending in ":", and one table per article. Their words are a deterministic
// pseudo-random mix of medical-ish vocabulary and sentences taken from the
// real embedded articles, so that real patients' questions find passages.
// The same Config always gives the same bytes.
package kbgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/infusionbot/infusionbot/knowledge"
)

// Config says what to generate.
type Config struct {
	// Passages is the number of passages (paragraphs, list items and table
	// rows, as index.Cut counts them) over all articles.
	Passages int
	// Seed selects the pseudo-random mix; the same seed gives the same files.
	Seed uint64
	// PerArticle is about how many passages one article holds (default 40).
	PerArticle int
}

// Article is one generated file.
type Article struct {
	Path string // slash-separated, relative to the knowledge folder
	Data []byte
}

// Stats describes what Write wrote.
type Stats struct {
	Articles, Passages int
	Bytes              int64
}

// Write generates the articles into dir (created if needed).
func Write(dir string, cfg Config) (Stats, error) {
	arts, err := Generate(cfg)
	if err != nil {
		return Stats{}, err
	}
	st := Stats{Articles: len(arts), Passages: cfg.Passages}
	for _, a := range arts {
		p := filepath.Join(dir, filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return st, err
		}
		if err := os.WriteFile(p, a.Data, 0o644); err != nil {
			return st, err
		}
		st.Bytes += int64(len(a.Data))
	}
	return st, nil
}

// Generate makes the articles in memory.
func Generate(cfg Config) ([]Article, error) {
	if cfg.Passages <= 0 {
		return nil, fmt.Errorf("kbgen: passages must be positive, got %d", cfg.Passages)
	}
	if cfg.PerArticle <= 0 {
		cfg.PerArticle = 40
	}
	real, err := realSentences()
	if err != nil {
		return nil, err
	}
	g := &gen{r: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)), real: real}
	var out []Article
	left := cfg.Passages
	for n := 0; left > 0; n++ {
		// Articles vary in length around PerArticle.
		budget := cfg.PerArticle/2 + g.r.IntN(cfg.PerArticle+1)
		budget = max(1, min(budget, left))
		out = append(out, g.article(n, budget))
		left -= budget
	}
	return out, nil
}

// realSentences are the embedded articles' paragraph sentences.
func realSentences() ([]string, error) {
	docs, err := knowledge.Load(knowledge.Default())
	if err != nil {
		return nil, fmt.Errorf("kbgen: embedded knowledge: %w", err)
	}
	var out []string
	for _, d := range docs {
		for _, s := range d.Sections {
			for _, b := range s.Blocks {
				if b.Kind != knowledge.Paragraph {
					continue
				}
				for _, sent := range splitSentences(b.Text) {
					if len(sent) > 30 && safeLine(sent) {
						out = append(out, sent)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("kbgen: the embedded knowledge has no sentences")
	}
	return out, nil
}

// splitSentences cuts at ". ", "? " and "! " before a capital letter.
func splitSentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '.' || rs[i] == '?' || rs[i] == '!') && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 2
		}
	}
	out = append(out, strings.TrimSpace(string(rs[start:])))
	return out
}

// safeLine reports whether a sentence can start a Markdown paragraph line
// without being read as another structure.
func safeLine(s string) bool {
	if s == "" || strings.ContainsAny(s, "|#") || strings.HasPrefix(s, "<!--") {
		return false
	}
	r := []rune(s)[0]
	return unicode.IsUpper(r)
}

type gen struct {
	r    *rand.Rand
	real []string
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// article writes one article of exactly budget passages.
func (g *gen) article(n, budget int) Article {
	therapy := g.pick(therapies)
	cond := g.pick(conditions)
	title := fill(g.pick(titleForms), titleCase(therapy), cond)
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsource: %s\npublished: %s\nreviewed: 2026-%02d-%02d\n---\n\n",
		title, g.pick(sources), g.date(), 1+g.r.IntN(11), 1+g.r.IntN(28))
	fmt.Fprintf(&b, "# %s\n\n", title)
	left := budget
	emit := func(text string) {
		b.WriteString(text)
		b.WriteString("\n\n")
		left--
	}
	// An introduction.
	emit(g.paragraph(therapy, cond))
	tableDone := false
	for sec := 0; left > 0; sec++ {
		heading := fill(g.pick(headingForms), titleCase(therapy), cond)
		level := "##"
		if sec > 0 && g.r.IntN(4) == 0 {
			level = "###"
		}
		fmt.Fprintf(&b, "%s %s\n\n", level, heading)
		switch {
		case !tableDone && left >= 4 && g.r.IntN(3) == 0:
			// A table: a lead-in paragraph, then rows.
			other := g.pick(therapies)
			emit(upperFirst(fmt.Sprintf("The table below compares %s with %s for %s.", therapy, other, cond)))
			rows := min(left, 3+g.r.IntN(3))
			g.table(&b, therapy, other, rows)
			left -= rows
			tableDone = true
		case left >= 3 && g.r.IntN(2) == 0:
			// A list with its lead-in line.
			emit(upperFirst(fill(g.pick(leadForms), therapy, cond)))
			items := min(left, 2+g.r.IntN(5))
			for range items {
				b.WriteString("- " + g.item(therapy, cond) + "\n")
			}
			b.WriteString("\n")
			left -= items
		default:
			for range min(left, 1+g.r.IntN(3)) {
				emit(g.paragraph(therapy, cond))
			}
		}
	}
	slug := slugify(title)
	dir := categories[n%len(categories)]
	return Article{Path: path.Join(dir, fmt.Sprintf("%s-%05d.md", slug, n)), Data: []byte(b.String())}
}

func (g *gen) date() string {
	return fmt.Sprintf("20%02d-%02d-%02d", 19+g.r.IntN(7), 1+g.r.IntN(12), 1+g.r.IntN(28))
}

// paragraph is two to five sentences, some of them real.
func (g *gen) paragraph(therapy, cond string) string {
	n := 2 + g.r.IntN(4)
	ss := make([]string, n)
	for i := range ss {
		if g.r.IntN(3) == 0 {
			ss[i] = g.pick(g.real)
		} else {
			ss[i] = g.sentence(therapy, cond)
		}
	}
	return strings.Join(ss, " ")
}

func (g *gen) sentence(therapy, cond string) string {
	s := g.pick(sentenceForms)
	s = strings.NewReplacer(
		"{T}", therapy, "{C}", cond, "{T2}", g.pick(therapies), "{C2}", g.pick(conditions),
		"{E}", g.pick(effects), "{E2}", g.pick(effects), "{S}", g.pick(staff),
		"{D}", g.pick(durations), "{B}", g.pick(benefits), "{P}", g.pick(preparations), "{P2}", g.pick(preparations),
	).Replace(s)
	return upperFirst(s)
}

func (g *gen) item(therapy, cond string) string {
	switch g.r.IntN(4) {
	case 0:
		return upperFirst(g.pick(effects)) + "."
	case 1:
		return upperFirst(g.pick(preparations)) + "."
	case 2:
		return upperFirst(g.pick(benefits)) + " for people with " + cond + "."
	}
	return g.sentence(therapy, cond)
}

func (g *gen) table(b *strings.Builder, therapy, other string, rows int) {
	fmt.Fprintf(b, "| Feature | %s | %s |\n| --- | --- | --- |\n", upperFirst(therapy), upperFirst(other))
	for range rows {
		fmt.Fprintf(b, "| %s | %s | %s |\n", g.pick(features), g.cell(), g.cell())
	}
	b.WriteString("\n")
}

func (g *gen) cell() string {
	switch g.r.IntN(3) {
	case 0:
		return g.pick(durations)
	case 1:
		return upperFirst(g.pick(effects))
	}
	return upperFirst(g.pick(benefits))
}

// fill puts a therapy and a condition into a form's {T} and {C}.
func fill(form, therapy, cond string) string {
	return strings.NewReplacer("{T}", therapy, "{C}", cond).Replace(form)
}

// titleCase capitalises each word, as headings do ("Ketamine Infusion").
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = upperFirst(w)
	}
	return strings.Join(ws, " ")
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}
