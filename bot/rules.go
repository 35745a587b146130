package bot

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
)

//go:embed rules.txt
var defaultRules string

// Rule is one named rule of rules.txt.
type Rule struct {
	Name     string
	Section  string // the reply it leads to: an intent, or "sources"
	Line     int
	Examples []string
	Counters []string
	matches  [][]*regexp.Regexp // any of these; each needs all of its patterns
	unless   []*regexp.Regexp
}

// Matches reports whether the normalised text fires the rule.
func (r *Rule) Matches(norm string) bool {
	padded := " " + norm + " "
	for _, u := range r.unless {
		if u.MatchString(padded) {
			return false
		}
	}
	for _, all := range r.matches {
		ok := true
		for _, re := range all {
			if !re.MatchString(padded) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// merge joins a rule's single patterns into one alternation, so a message is
// scanned once per rule rather than once per pattern.
func (r *Rule) merge() {
	var singles []string
	var rest [][]*regexp.Regexp
	for _, all := range r.matches {
		if len(all) == 1 {
			singles = append(singles, "(?:"+all[0].String()+")")
		} else {
			rest = append(rest, all)
		}
	}
	if len(singles) > 1 {
		r.matches = append([][]*regexp.Regexp{{regexp.MustCompile(strings.Join(singles, "|"))}}, rest...)
	}
	if len(r.unless) > 1 {
		var us []string
		for _, u := range r.unless {
			us = append(us, "(?:"+u.String()+")")
		}
		r.unless = []*regexp.Regexp{regexp.MustCompile(strings.Join(us, "|"))}
	}
}

// Rules are the router's intent rules, in order of precedence.
type Rules struct {
	Rules []*Rule
}

// DefaultRules are the embedded rules.txt.
func DefaultRules() *Rules {
	r, err := ParseRules("rules.txt", defaultRules)
	if err != nil {
		panic("bot: embedded " + err.Error())
	}
	return r
}

// sections lists the section names rules.txt may use.
var sections = map[string]bool{
	string(IntentEmergency): true, string(IntentCrisis): true, string(IntentMedicalAdvice): true,
	string(IntentClinic): true, string(IntentHuman): true, string(IntentGreeting): true,
	string(IntentHelp): true, "sources": true, string(IntentThanks): true,
	string(IntentGoodbye): true, string(IntentOutOfScope): true,
}

// ParseRules reads the rules format described at the top of rules.txt.
// Errors name the file and line.
func ParseRules(name, text string) (*Rules, error) {
	rs := &Rules{}
	var section string
	var cur *Rule
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.TrimSpace(line[1 : len(line)-1])
			if !sections[section] {
				return nil, fmt.Errorf("%s:%d: unknown section [%s]", name, n, section)
			}
			cur = nil
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"key: value\"", name, n)
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if section == "" {
			return nil, fmt.Errorf("%s:%d: %s before any [section]", name, n, key)
		}
		if key == "rule" {
			cur = &Rule{Name: val, Section: section, Line: n}
			rs.Rules = append(rs.Rules, cur)
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: %s before any rule:", name, n, key)
		}
		switch key {
		case "match", "whole", "unless":
			var res []*regexp.Regexp
			for _, p := range strings.Split(val, "&&") {
				re, err := compilePattern(strings.TrimSpace(p), key == "whole")
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", name, n, err)
				}
				res = append(res, re)
			}
			if key == "unless" {
				cur.unless = append(cur.unless, res...)
			} else {
				cur.matches = append(cur.matches, res)
			}
		case "example":
			cur.Examples = append(cur.Examples, val)
		case "counter":
			cur.Counters = append(cur.Counters, val)
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q", name, n, key)
		}
	}
	for _, r := range rs.Rules {
		if len(r.matches) == 0 {
			return nil, fmt.Errorf("%s:%d: rule %q has no match or whole pattern", name, r.Line, r.Name)
		}
		if len(r.Examples) == 0 {
			return nil, fmt.Errorf("%s:%d: rule %q has no example", name, r.Line, r.Name)
		}
		r.merge()
	}
	return rs, sc.Err()
}

// compilePattern turns a rules.txt pattern into a regular expression over
// " " + normalised text + " ".
func compilePattern(p string, whole bool) (*regexp.Regexp, error) {
	if p == "" {
		return nil, fmt.Errorf("empty pattern")
	}
	var b strings.Builder
	if whole {
		b.WriteString("^ ")
	} else {
		b.WriteString(" ")
	}
	for rest := strings.TrimSpace(p); rest != ""; rest = strings.TrimSpace(rest) {
		switch {
		case strings.HasPrefix(rest, "{"):
			end := strings.Index(rest, "}")
			if end < 0 {
				return nil, fmt.Errorf("pattern %q: { without }", p)
			}
			b.WriteString("(?:")
			for i, alt := range strings.Split(rest[1:end], "|") {
				if i > 0 {
					b.WriteString("|")
				}
				b.WriteString(patternWords(alt))
			}
			b.WriteString(")")
			rest = rest[end+1:]
		case strings.HasPrefix(rest, "..."):
			b.WriteString(`(?:\S+ ){0,4}`)
			rest = rest[3:]
		default:
			end := strings.IndexAny(rest, " {")
			if end < 0 {
				end = len(rest)
			}
			b.WriteString(patternWords(rest[:end]))
			rest = rest[end:]
		}
	}
	if whole {
		b.WriteString("$")
	}
	return regexp.Compile(b.String())
}

// patternWords turns plain pattern words into a regular expression, each
// word followed by its space; "word*" matches any word starting with "word".
func patternWords(s string) string {
	var b strings.Builder
	for _, field := range strings.Fields(s) {
		star := strings.HasSuffix(field, "*")
		ws := strings.Fields(normalize(strings.TrimSuffix(field, "*")))
		for i, w := range ws {
			b.WriteString(regexp.QuoteMeta(w))
			if star && i == len(ws)-1 {
				b.WriteString(`\S*`)
			}
			b.WriteString(" ")
		}
	}
	return b.String()
}

// Match returns the first rule the text fires, in order of precedence.
func (rs *Rules) Match(text string) (*Rule, bool) {
	norm := normalize(text)
	for _, r := range rs.Rules {
		if r.Matches(norm) {
			return r, true
		}
	}
	return nil, false
}
