// Package evalcase holds what every reader of the labelled case files
// (shared/eval/*.jsonl, testdata/) must agree on with the scorer the project
// is judged by.
package evalcase

import (
	"regexp"
	"strings"
)

var (
	quotes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-", "\u2011", "-")
	marks  = regexp.MustCompile("[*_`]")
	spaces = regexp.MustCompile(`\s+`)
)

// Norm compares text as shared/eval/norm.py does (without its NFKC step):
// lower case, curly quotes and dashes straightened, Markdown marks removed,
// white space folded. A case's evidence is "in" a snippet when
// strings.Contains(Norm(snippet), Norm(evidence)).
func Norm(s string) string {
	s = strings.ToLower(quotes.Replace(s))
	s = marks.ReplaceAllString(s, "")
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}
