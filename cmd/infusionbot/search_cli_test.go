package main

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// cliSearchResult is one object of `search --json`.
type cliSearchResult struct {
	Query string            `json:"query"`
	Terms []json.RawMessage `json:"terms"`
	Hits  []struct {
		ID      string  `json:"id"`
		Title   string  `json:"title"`
		Section string  `json:"section"`
		Snippet string  `json:"snippet"`
		Score   float64 `json:"score"`
	} `json:"hits"`
	Error string `json:"error"`
}

func cliDecodeSearch(t *testing.T, line string) cliSearchResult {
	t.Helper()
	keys := cliKeys(t, []byte(line))
	for _, k := range []string{"query", "hits"} {
		if !slices.Contains(keys, k) {
			t.Fatalf("search result lacks %q: %s", k, line)
		}
	}
	var res cliSearchResult
	if err := json.Unmarshal([]byte(line), &res); err != nil {
		t.Fatalf("search result does not decode: %v: %s", err, line)
	}
	if res.Hits == nil {
		t.Errorf("hits is null, want an array: %s", line)
	}
	return res
}

// cliCheckHits checks a ranking: at most k hits, each naming an article and
// quoting it, best first.
func cliCheckHits(t *testing.T, res cliSearchResult, k int, articles map[string]string) {
	t.Helper()
	if len(res.Hits) > k {
		t.Errorf("%q: %d hits, want at most %d", res.Query, len(res.Hits), k)
	}
	for i, h := range res.Hits {
		doc, _, _ := strings.Cut(h.ID, "#")
		body, ok := articles[doc]
		if !ok || !strings.Contains(h.ID, "#") {
			t.Errorf("hit %d: id %q does not start with an article's path and '#'", i+1, h.ID)
		}
		if h.Title == "" || h.Section == "" || h.Snippet == "" || h.Score <= 0 {
			t.Errorf("hit %d: empty title, section or snippet, or no score: %+v", i+1, h)
		}
		for _, line := range strings.Split(h.Snippet, "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
			if ok && line != "" && !strings.Contains(body, line) {
				t.Errorf("hit %d (%s): snippet line not verbatim in %s.md: %q", i+1, h.ID, doc, line)
			}
		}
		if i > 0 && h.Score > res.Hits[i-1].Score {
			t.Errorf("hit %d scores %v, above hit %d's %v: not best first", i+1, h.Score, i, res.Hits[i-1].Score)
		}
	}
}

func TestSearchJSONQuery(t *testing.T) {
	t.Parallel()
	articles := cliArticles(t, cliEmbeddedArticles)
	for _, k := range []int{1, 3} {
		const q = "how long does a lidocaine infusion take"
		out, stderr, err := cliRun(t, "", "search", "--json", "-k", strconv.Itoa(k), q)
		if err != nil {
			t.Fatalf("search: %v (stderr %q)", err, stderr)
		}
		lines := cliLines(t, out)
		if len(lines) != 1 {
			t.Fatalf("%d output lines, want one object: %s", len(lines), out)
		}
		res := cliDecodeSearch(t, lines[0])
		if res.Query != q || res.Error != "" {
			t.Errorf("query %q, error %q; want %q and none", res.Query, res.Error, q)
		}
		if len(res.Hits) != k {
			t.Errorf("-k %d: %d hits, want %d (the articles have many passages on it)", k, len(res.Hits), k)
		}
		cliCheckHits(t, res, k, articles)
		if len(res.Terms) == 0 {
			t.Errorf("no query terms shown: %s", lines[0])
		}
		found := false
		for _, h := range res.Hits {
			found = found || strings.Contains(h.Snippet, "30–60")
		}
		if k == 3 && !found {
			t.Errorf("no hit of the top 3 holds 30–60: %+v", res.Hits)
		}
	}
}

func TestSearchJSONStdin(t *testing.T) {
	t.Parallel()
	articles := cliArticles(t, cliEmbeddedArticles)
	in := strings.Join([]string{
		`{"text": "ketamine side effects"}`,
		`not json at all`,
		``,
		`{"text": "<b>title:x AND +y -z ~2</b>"}`,
		`{"text": ""}`,
		`[{"text": "lidocaine"}]`,
		"{\"text\": \"lido\xffcaine\"}",
		`{"text": "lidocaine"}`,
	}, "\n") // no final newline
	type want struct {
		query string
		err   bool
		hits  bool // at least one hit
	}
	wants := []want{
		{query: "ketamine side effects", hits: true},
		{err: true},
		{query: "<b>title:x AND +y -z ~2</b>"},
		{query: ""},
		{err: true},
		{query: "lido\ufffdcaine"},
		{query: "lidocaine", hits: true},
	}
	out, stderr, err := cliRun(t, in, "search", "--json", "-k", "3")
	if err != nil {
		t.Fatalf("search --json: %v (stderr %q)", err, stderr)
	}
	lines := cliLines(t, out)
	if len(lines) != len(wants) {
		t.Fatalf("%d output lines for %d non-blank input lines:\n%s", len(lines), len(wants), out)
	}
	for i, w := range wants {
		res := cliDecodeSearch(t, lines[i])
		if w.err {
			if res.Error == "" || len(res.Hits) != 0 {
				t.Errorf("line %d: want an error object, got %s", i+1, lines[i])
			}
			continue
		}
		if res.Error != "" {
			t.Errorf("line %d: error %q", i+1, res.Error)
		}
		if res.Query != w.query {
			t.Errorf("line %d: query %q, want %q", i+1, res.Query, w.query)
		}
		if w.hits && len(res.Hits) == 0 {
			t.Errorf("line %d %q: no hits", i+1, w.query)
		}
		cliCheckHits(t, res, 3, articles)
	}
}

func TestSearchHumanAndUsage(t *testing.T) {
	t.Parallel()
	out, _, err := cliRun(t, "", "search", "-k", "2", "ketamine")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "terms: ketamine") {
		t.Errorf("ranking does not start with the query terms: %q", out)
	}
	ranks := regexp.MustCompile(`(?m)^ *(\d+)\. +\d+\.\d{3} +\S+#\S+$`).FindAllStringSubmatch(out, -1)
	if len(ranks) != 2 || ranks[0][1] != "1" || ranks[1][1] != "2" {
		t.Errorf("-k 2: want ranks 1 and 2, got %q in:\n%s", ranks, out)
	}

	for _, args := range [][]string{{"search"}, {"search", "-k"}, {"search", "-k", "x", "q"}, {"search", "--nope", "q"}} {
		_, stderr, err := cliRun(t, "", args...)
		if !errors.Is(err, errUsageShown) || stderr == "" {
			t.Errorf("%q: %v, stderr %q; want the usage error", args, err, stderr)
		}
	}
	for _, k := range []string{"0", "-1", "1001"} {
		_, _, err := cliRun(t, "", "search", "-k", k, "ketamine")
		if err == nil || errors.Is(err, errUsageShown) || !strings.Contains(err.Error(), "-k") {
			t.Errorf("-k %s: %v, want an error about -k", k, err)
		}
	}
}

// cliHitSet is a ranking's hits with their scores, sorted, one a line.
func cliHitSet(res cliSearchResult) string {
	var hits []string
	for _, h := range res.Hits {
		hits = append(hits, strconv.FormatFloat(h.Score, 'f', 6, 64)+" "+h.ID)
	}
	slices.Sort(hits)
	return strings.Join(hits, "\n")
}

// TestSearchRankingStable: the same query on the same knowledge ranks the
// same every time, in memory or from a persistent index, so that staff
// tuning articles compare like with like. Passages of equal score must come
// in a fixed order (for example their order in the articles).
func TestSearchRankingStable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	queries := []string{"ketamine side effects", "infusion"}
	ranking := func(extra ...string) string {
		var b strings.Builder
		for _, q := range queries {
			out, _, err := cliRun(t, "", append(append([]string{"search", "--json", "-k", "8"}, extra...), q)...)
			if err != nil {
				t.Fatal(err)
			}
			res := cliDecodeSearch(t, strings.TrimSpace(out))
			for _, h := range res.Hits {
				b.WriteString(q + ": " + strconv.FormatFloat(h.Score, 'f', 6, 64) + " " + h.ID + "\n")
			}
		}
		return b.String()
	}
	first := ranking()
	for run := 2; run <= 4; run++ {
		if got := ranking(); got != first {
			t.Fatalf("in-memory run %d ranks differently from run 1:\n%s\nversus\n%s", run, got, first)
		}
	}
	if got := ranking("--index", dir); got != first {
		t.Fatalf("the persistent index ranks differently from the in-memory one:\n%s\nversus\n%s", got, first)
	}
}
