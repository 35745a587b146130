package httpapi

// The staff's review inbox over HTTP, for a web admin; only with a token:
//
//	GET  /admin/review           {"groups": [...]} as `infusionbot review --json`
//	GET  /admin/review/summary   counts: questions, unanswered share, ratings, handoffs, open tickets
//	POST /admin/review/link      {"group","passage"}: the group's questions are answered from the passage
//	POST /admin/review/dismiss   {"group","reason"}: the group is closed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/infusionbot/infusionbot/review"
	"github.com/infusionbot/infusionbot/store"
)

// Reviewer is the review inbox: the store's open questions grouped, with
// the index's closest passages. cmd/infusionbot implements it.
type Reviewer interface {
	Groups(ctx context.Context) ([]review.Group, error)
	// Link writes the group's wordings as alternative questions of the
	// passage and reloads the knowledge, so they are answered at once.
	Link(ctx context.Context, group, passage string) error
	Dismiss(ctx context.Context, group, reason string) error
	Summary(ctx context.Context) (store.Counts, error)
}

// ReviewList is the body of GET /admin/review.
type ReviewList struct {
	Groups []review.Group `json:"groups"`
}

// Summary is the body of GET /admin/review/summary.
type Summary struct {
	Since           string  `json:"since"`
	Questions       int64   `json:"questions"`
	Unanswered      int64   `json:"unanswered"`
	UnansweredShare float64 `json:"unanswered_share"`
	Helpful         int64   `json:"helpful"`
	NotHelpful      int64   `json:"not_helpful"`
	Handoffs        int64   `json:"handoffs"`
	OpenTickets     int64   `json:"open_tickets"`
	OpenReview      int64   `json:"open_review"`
}

// ReviewAction is the body of the link and dismiss requests.
type ReviewAction struct {
	Group   string `json:"group"`
	Passage string `json:"passage,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// ReviewResult is the answer to a link or dismiss.
type ReviewResult struct {
	Status  string `json:"status"` // "linked" or "dismissed"
	Group   string `json:"group"`
	Passage string `json:"passage,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

func (s *Server) mountReview() {
	if s.cfg.Token == "" || s.cfg.Review == nil {
		return
	}
	s.route("/admin/review", s.reviewList, http.MethodGet, http.MethodHead)
	s.route("/admin/review/summary", s.reviewSummary, http.MethodGet, http.MethodHead)
	s.route("/admin/review/link", s.reviewLink, http.MethodPost)
	s.route("/admin/review/dismiss", s.reviewDismiss, http.MethodPost)
}

// adminGuard checks the token and the per-client limit.
func (s *Server) adminGuard(w http.ResponseWriter, r *http.Request) bool {
	if !s.authenticate(w, r) {
		return false
	}
	if ok, wait := s.limits.client.Allow(s.clientKey(r)); !ok {
		tooMany(w, wait)
		return false
	}
	w.Header().Set("Cache-Control", "no-store")
	return true
}

func (s *Server) reviewList(w http.ResponseWriter, r *http.Request) {
	if !s.adminGuard(w, r) {
		return
	}
	groups, err := s.cfg.Review.Groups(r.Context())
	if err != nil {
		s.reviewError(w, err)
		return
	}
	if groups == nil {
		groups = []review.Group{}
	}
	writeJSON(w, http.StatusOK, ReviewList{Groups: groups})
}

func (s *Server) reviewSummary(w http.ResponseWriter, r *http.Request) {
	if !s.adminGuard(w, r) {
		return
	}
	c, err := s.cfg.Review.Summary(r.Context())
	if err != nil {
		s.reviewError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, Summary{
		Since: c.Since.UTC().Format("2006-01-02T15:04:05Z"), Questions: c.Questions, Unanswered: c.Unanswered,
		UnansweredShare: float64(int(c.UnansweredShare()*1000+0.5)) / 1000, Helpful: c.Helpful, NotHelpful: c.NotHelpful,
		Handoffs: c.Handoffs, OpenTickets: c.OpenTickets, OpenReview: c.OpenReview,
	})
}

func (s *Server) reviewLink(w http.ResponseWriter, r *http.Request) {
	if !s.adminGuard(w, r) {
		return
	}
	a, ok := s.decodeAction(w, r)
	if !ok {
		return
	}
	if a.Passage == "" {
		writeError(w, http.StatusBadRequest, `"passage" is required: a passage id as search --json shows it`)
		return
	}
	if err := s.cfg.Review.Link(r.Context(), a.Group, a.Passage); err != nil {
		s.reviewError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ReviewResult{Status: "linked", Group: a.Group, Passage: a.Passage})
}

func (s *Server) reviewDismiss(w http.ResponseWriter, r *http.Request) {
	if !s.adminGuard(w, r) {
		return
	}
	a, ok := s.decodeAction(w, r)
	if !ok {
		return
	}
	a.Reason = strings.TrimSpace(a.Reason)
	if a.Reason == "" {
		writeError(w, http.StatusBadRequest, `"reason" is required: why the group is dismissed`)
		return
	}
	if err := s.cfg.Review.Dismiss(r.Context(), a.Group, a.Reason); err != nil {
		s.reviewError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ReviewResult{Status: "dismissed", Group: a.Group, Reason: a.Reason})
}

func (s *Server) decodeAction(w http.ResponseWriter, r *http.Request) (ReviewAction, bool) {
	var a ReviewAction
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "request body too large")
		return a, false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil || dec.More() {
		writeError(w, http.StatusBadRequest, `send a JSON object {"group": "...", "passage": "..."} or {"group": "...", "reason": "..."}`)
		return a, false
	}
	a.Group = strings.TrimSpace(a.Group)
	if a.Group == "" {
		writeError(w, http.StatusBadRequest, `"group" is required: a group id from GET /admin/review`)
		return a, false
	}
	return a, true
}

// reviewError answers 404 for an unknown group or passage (the message
// says which), 500 otherwise; only the operator's token reaches here.
func (s *Server) reviewError(w http.ResponseWriter, err error) {
	if errors.Is(err, review.ErrNotFound) {
		writeError(w, http.StatusNotFound, err.Error())
		return
	}
	s.cfg.Logger.Error("review failed", "err", err)
	writeError(w, http.StatusInternalServerError, "the review store failed: "+err.Error())
}
