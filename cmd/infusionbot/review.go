package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/infusionbot/infusionbot/bot/httpapi"
	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/review"
	"github.com/infusionbot/infusionbot/store"
	"github.com/infusionbot/infusionbot/store/sqlite"
)

const reviewUsage = `usage:
  infusionbot review [--json]                          the questions to review, most frequent first
  infusionbot review link GROUP_ID PASSAGE_ID          answer the group's questions from that passage
  infusionbot review dismiss GROUP_ID --reason TEXT    close the group (out of scope, article to write)

flags (any command): --data DIR, --knowledge DIR, --index DIR
`

// runReview is `infusionbot review`: the staff's inbox of unanswered and
// poorly rated questions.
func runReview(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	sub := ""
	if len(args) > 0 && (args[0] == "link" || args[0] == "dismiss") {
		sub, args = args[0], args[1:]
	}
	fs, ec := newCommandFlags("review", getenv, stderr)
	fs.Usage = func() { fmt.Fprint(stderr, reviewUsage) }
	asJSON := fs.Bool("json", false, `print {"groups": [...]} as JSON`)
	reason := fs.String("reason", "", "why the group is dismissed (dismiss)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsageShown
	}
	want := map[string]int{"": 0, "link": 2, "dismiss": 1}[sub]
	if len(pos) != want {
		fmt.Fprint(stderr, reviewUsage)
		return errUsageShown
	}
	if sub == "dismiss" && strings.TrimSpace(*reason) == "" {
		fmt.Fprintln(stderr, "infusionbot review dismiss: say why with --reason TEXT (for example --reason \"out of scope\")")
		return errUsageShown
	}
	dir := ec.dataDir()
	if dir == "" {
		return errors.New("review: no data directory: set DATA_DIR or --data DIR")
	}
	path := filepath.Join(dir, sqlite.FileName)
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("review: %s: %w", path, err)
	}
	defer db.Close()
	ix, err := ec.openIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	groups, err := loadGroups(ctx, db, ix)
	if err != nil {
		return err
	}
	switch sub {
	case "link":
		return reviewLink(ctx, db, ix, *ec, groups, pos[0], pos[1], stdout)
	case "dismiss":
		return reviewDismiss(ctx, db, groups, pos[0], *reason, stdout)
	}
	if *asJSON {
		return httpapi.WriteJSON(stdout, httpapi.ReviewList{Groups: groups})
	}
	counts, err := db.Count(ctx, time.Now().Add(-retentionOf(getenv)))
	if err != nil {
		return err
	}
	printReview(stdout, dir, groups, counts)
	return nil
}

func retentionOf(getenv func(string) string) time.Duration {
	s, err := loadStoreSettings(getenv)
	if err != nil {
		return 30 * 24 * time.Hour
	}
	return s.retention
}

// loadGroups groups the open events, with the passages closest to each group.
func loadGroups(ctx context.Context, st store.Store, ix *index.Index) ([]review.Group, error) {
	events, err := st.Review(ctx)
	if err != nil {
		return nil, err
	}
	groups, err := review.Groups(ctx, events, indexRanker(ix))
	if err != nil {
		return nil, err
	}
	if groups == nil {
		groups = []review.Group{}
	}
	return groups, nil
}

// indexRanker ranks passages for a group as `search` does.
func indexRanker(ix *index.Index) review.Ranker {
	return review.RankerFunc(func(ctx context.Context, text string, k int) ([]review.Candidate, error) {
		res, err := ix.Search(ctx, text, k)
		if err != nil {
			return nil, err
		}
		out := []review.Candidate{}
		for _, h := range res.Hits {
			out = append(out, review.Candidate{ID: h.ID, Score: math.Round(h.Score*1000) / 1000})
		}
		return out, nil
	})
}

func findGroup(groups []review.Group, id string) (review.Group, error) {
	for _, g := range groups {
		if g.ID == id {
			return g, nil
		}
	}
	return review.Group{}, fmt.Errorf("review: no open group %q (run infusionbot review to list them): %w", id, review.ErrNotFound)
}

// linkGroup writes a group's wordings as alternative questions of a
// passage and closes its events.
func linkGroup(ctx context.Context, st store.Store, ix *index.Index, ec engineConfig, groups []review.Group, groupID, passage string) (review.Group, string, error) {
	g, err := findGroup(groups, groupID)
	if err != nil {
		return g, "", err
	}
	if _, ok := ix.Passage(passage); !ok {
		return g, "", fmt.Errorf("review: no passage %q in the articles (ids as infusionbot search --json shows them): %w", passage, review.ErrNotFound)
	}
	path := ec.questionsPath()
	if path == "" {
		return g, "", errors.New("review: no data directory for the questions file: set DATA_DIR or --data DIR")
	}
	if _, err := review.AddQuestions(path, passage, g.Wordings); err != nil {
		return g, "", err
	}
	if err := st.Resolve(ctx, g.Events, store.Resolution{Status: store.StatusLinked, Passage: passage}); err != nil {
		return g, "", err
	}
	return g, path, nil
}

func reviewLink(ctx context.Context, st store.Store, ix *index.Index, ec engineConfig, groups []review.Group, groupID, passage string, stdout io.Writer) error {
	g, path, err := linkGroup(ctx, st, ix, ec, groups, groupID, passage)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "linked %s (%d question(s), %d wording(s)) to %s\nwritten to %s\nA running bot answers them after a reload (SIGHUP or POST /admin/reload).\n",
		g.ID, g.Count, len(g.Wordings), passage, path)
	return nil
}

func reviewDismiss(ctx context.Context, st store.Store, groups []review.Group, groupID, reason string, stdout io.Writer) error {
	g, err := findGroup(groups, groupID)
	if err != nil {
		return err
	}
	if err := st.Resolve(ctx, g.Events, store.Resolution{Status: store.StatusDismissed, Note: strings.TrimSpace(reason)}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dismissed %s (%d question(s)): %s\n", g.ID, g.Count, strings.TrimSpace(reason))
	return nil
}

func printReview(w io.Writer, dir string, groups []review.Group, c store.Counts) {
	fmt.Fprintf(w, "last %d days: %s\n\n", int(time.Since(c.Since).Hours()/24+0.5), summary(c))
	if len(groups) == 0 {
		fmt.Fprintf(w, "Nothing to review: no unanswered or poorly rated questions are stored in %s.\n", dir)
		return
	}
	total := 0
	for _, g := range groups {
		total += g.Count
	}
	fmt.Fprintf(w, "%d group(s), %d question(s) to review, most frequent first:\n", len(groups), total)
	for _, g := range groups {
		fmt.Fprintf(w, "\n%s  %d×  first %s  last %s\n    %q\n", g.ID, g.Count,
			g.FirstSeen.Local().Format("2006-01-02 15:04"), g.LastSeen.Local().Format("2006-01-02 15:04"), g.Text)
		for _, other := range g.Wordings[1:min(len(g.Wordings), 4)] {
			fmt.Fprintf(w, "    also %q\n", other)
		}
		for _, c := range g.Candidates {
			fmt.Fprintf(w, "    closest: %s (%.2f)\n", c.ID, c.Score)
		}
	}
	fmt.Fprintln(w, "\nlink:    infusionbot review link GROUP_ID PASSAGE_ID\ndismiss: infusionbot review dismiss GROUP_ID --reason TEXT")
}

// summary is the metrics line: unanswered share, ratings, handoffs, tickets.
func summary(c store.Counts) string {
	return fmt.Sprintf("%d question(s), %d unanswered (%.0f%%); rated %d helpful, %d not helpful; %d \"did you mean\" choice(s); %d handoff(s), %d open ticket(s)",
		c.Questions, c.Unanswered, 100*c.UnansweredShare(), c.Helpful, c.NotHelpful, c.Choices, c.Handoffs, c.OpenTickets)
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments ("review link q3 doc#a/1 --data DIR").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// reviewService is the review inbox of a running server (GET/POST
// /admin/review…), over the engine's store and index.
type reviewService struct {
	eng       *engine
	retention time.Duration
	mu        sync.Mutex // one link or dismiss at a time
}

var _ httpapi.Reviewer = (*reviewService)(nil)

func (s *reviewService) Groups(ctx context.Context) ([]review.Group, error) {
	s.eng.Recorder().Flush(ctx) // what was just asked is listed
	return loadGroups(ctx, s.eng.Recorder().Store(), s.eng.Index())
}

func (s *reviewService) Link(ctx context.Context, group, passage string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	groups, err := s.Groups(ctx)
	if err != nil {
		return err
	}
	if _, _, err := linkGroup(ctx, s.eng.Recorder().Store(), s.eng.Index(), s.eng.cfg, groups, group, passage); err != nil {
		return err
	}
	// Answer the linked questions from now on, not from the next reload.
	return s.eng.Reload(ctx)
}

func (s *reviewService) Dismiss(ctx context.Context, group, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	groups, err := s.Groups(ctx)
	if err != nil {
		return err
	}
	return reviewDismiss(ctx, s.eng.Recorder().Store(), groups, group, reason, io.Discard)
}

func (s *reviewService) Summary(ctx context.Context) (store.Counts, error) {
	s.eng.Recorder().Flush(ctx)
	return s.eng.Recorder().Store().Count(ctx, time.Now().Add(-s.retention))
}
