package review

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// QuestionsFile is the name of the alternative-questions file: beside the
// articles (in the --knowledge folder, where it is versioned and reviewed
// like them; the leading "_" keeps it from being read as an article), or
// in the data directory for the embedded articles.
const QuestionsFile = "_questions.txt"

const questionsHeader = `# Alternative questions: wordings the articles answer in other words.
# Each [passage id] (as "infusionbot search --json" shows it) is followed by
# questions that passage answers, one a line. "infusionbot review link" adds
# to this file; edit it like an article. Lines starting with # are notes.
`

// ReadQuestions reads an alternative-questions file: passage id → questions.
// A missing file is no questions.
func ReadQuestions(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	defer f.Close()
	out := map[string][]string{}
	passage := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			passage = strings.TrimSpace(line[1 : len(line)-1])
			if passage == "" {
				return nil, fmt.Errorf("%s:%d: empty [passage id]", path, n)
			}
		case passage == "":
			return nil, fmt.Errorf("%s:%d: a question before any [passage id]", path, n)
		default:
			out[passage] = append(out[passage], line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	return out, nil
}

// AddQuestions adds questions to a passage in the file at path, creating
// it, and returns how many were new. The file is rewritten whole, in
// passage order, through a temporary file renamed into place.
func AddQuestions(path, passage string, questions []string) (int, error) {
	all, err := ReadQuestions(path)
	if err != nil {
		return 0, err
	}
	if all == nil {
		all = map[string][]string{}
	}
	have := map[string]bool{}
	for _, q := range all[passage] {
		have[strings.ToLower(q)] = true
	}
	added := 0
	for _, q := range questions {
		q = strings.Join(strings.Fields(q), " ")
		if q == "" || have[strings.ToLower(q)] {
			continue
		}
		have[strings.ToLower(q)] = true
		all[passage] = append(all[passage], q)
		added++
	}
	if added == 0 {
		return 0, nil
	}
	ids := make([]string, 0, len(all))
	for id := range all {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString(questionsHeader)
	for _, id := range ids {
		fmt.Fprintf(&b, "\n[%s]\n", id)
		for _, q := range all[id] {
			b.WriteString(q + "\n")
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, fmt.Errorf("questions: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return 0, fmt.Errorf("questions: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("questions: %w", err)
	}
	return added, nil
}
