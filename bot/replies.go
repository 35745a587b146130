package bot

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"text/template"
)

//go:embed replies.txt
var defaultReplies string

// Replies are the bot's own texts, rendered with the clinic's details.
type Replies struct {
	text map[string]string
}

// requiredReplies are the sections the router uses.
var requiredReplies = []string{
	"emergency", "crisis", "emergency_note", "crisis_note", "medical_advice", "clinic", "human", "greeting", "help",
	"sources", "thanks", "goodbye", "out_of_scope", "empty", "not_found", "answer_lead", "handoff",
}

// NewReplies renders replies.txt (or text in its format) for a clinic.
func NewReplies(name, text string, c Clinic) (*Replies, error) {
	raw := map[string]*strings.Builder{}
	lines := map[string]int{}
	var section string
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && !strings.Contains(t, " ") {
			section = t[1 : len(t)-1]
			raw[section] = &strings.Builder{}
			lines[section] = n
			continue
		}
		if section == "" {
			if t != "" {
				return nil, fmt.Errorf("%s:%d: text before any [section]", name, n)
			}
			continue
		}
		raw[section].WriteString(line + "\n")
	}
	r := &Replies{text: map[string]string{}}
	for sec, b := range raw {
		tmpl, err := template.New(sec).Option("missingkey=error").Parse(b.String())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: [%s]: %v", name, lines[sec], sec, err)
		}
		var out strings.Builder
		if err := tmpl.Execute(&out, c); err != nil {
			return nil, fmt.Errorf("%s:%d: [%s]: %v", name, lines[sec], sec, err)
		}
		r.text[sec] = strings.TrimSpace(out.String())
	}
	for _, sec := range requiredReplies {
		if r.text[sec] == "" {
			return nil, fmt.Errorf("%s: section [%s] is missing or empty", name, sec)
		}
	}
	return r, nil
}

// DefaultReplies renders the embedded replies.txt for a clinic.
func DefaultReplies(c Clinic) (*Replies, error) { return NewReplies("replies.txt", defaultReplies, c) }

// Get returns a rendered reply text.
func (r *Replies) Get(section string) string { return r.text[section] }
