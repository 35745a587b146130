package bot

import (
	"regexp"
	"strings"
)

// sentenceEnd splits a message into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?;:]+(\s+|$)|\s+[-–—]+\s+`)

// questionInStory finds the question in a message of several sentences (the
// last one ending with "?", else the last one) and returns it with the
// topics the other sentences name, or false for a message of one sentence.
func questionInStory(text string, topicsOf func(string) []Topic) (string, []Topic, bool) {
	var parts []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		if p := strings.TrimSpace(text[last:m[1]]); p != "" {
			parts = append(parts, p)
		}
		last = m[1]
	}
	if p := strings.TrimSpace(text[last:]); p != "" {
		parts = append(parts, p)
	}
	if len(parts) < 2 {
		return "", nil, false
	}
	qi := len(parts) - 1
	for i := len(parts) - 1; i >= 0; i-- {
		if strings.HasSuffix(parts[i], "?") {
			qi = i
			break
		}
	}
	q := parts[qi]
	own := topicsOf(q)
	var add []Topic
	for i, p := range parts {
		if i == qi {
			continue
		}
		for _, t := range topicsOf(p) {
			if !hasTopic(own, t.Name) && !hasTopic(add, t.Name) {
				add = append(add, t)
			}
		}
	}
	if len(add) == 0 {
		return q, own, true
	}
	return q + " " + names(add), append(own, add...), true
}
