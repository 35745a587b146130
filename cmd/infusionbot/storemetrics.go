package main

import (
	"context"
	"net/http"
	"time"

	"github.com/infusionbot/infusionbot/internal/metrics"
)

// The clinic's-loop metrics, read from the store at each scrape over the
// retention window, so that they agree with `infusionbot review` and hold
// across restarts and replicas sharing a store.
const (
	StoreQuestions       = "infusionbot_store_questions"
	StoreUnanswered      = "infusionbot_store_unanswered"
	StoreUnansweredRatio = "infusionbot_store_unanswered_ratio"
	StoreRatings         = "infusionbot_store_ratings"
	StoreHandoffs        = "infusionbot_store_handoffs"
	StoreOpenTickets     = "infusionbot_store_open_tickets"
	StoreOpenReview      = "infusionbot_store_open_review"
	StoreUp              = "infusionbot_store_up"
)

// storeMetrics serves /metrics with the store's counts refreshed first.
type storeMetrics struct {
	reg                                                                  *metrics.Registry
	eng                                                                  *engine
	retention                                                            time.Duration
	questions, unanswered, ratio, ratings, handoffs, tickets, review, up *metrics.Gauge
}

func newStoreMetrics(reg *metrics.Registry, eng *engine, retention time.Duration) *storeMetrics {
	return &storeMetrics{
		reg: reg, eng: eng, retention: retention,
		questions:  reg.Gauge(StoreQuestions, "Questions searched in the articles within the retention window."),
		unanswered: reg.Gauge(StoreUnanswered, "Questions the bot could not answer within the retention window."),
		ratio:      reg.Gauge(StoreUnansweredRatio, "Share of the questions within the retention window that were not answered."),
		ratings:    reg.Gauge(StoreRatings, "Answer ratings within the retention window, by kind.", "kind"),
		handoffs:   reg.Gauge(StoreHandoffs, "Requests to talk to the care team within the retention window."),
		tickets:    reg.Gauge(StoreOpenTickets, "Handoff tickets still open."),
		review:     reg.Gauge(StoreOpenReview, "Recorded questions waiting for review (infusionbot review)."),
		up:         reg.Gauge(StoreUp, "1 when the store records, 0 when it cannot (see /readyz)."),
	}
}

func (m *storeMetrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.refresh(r.Context())
	m.reg.ServeHTTP(w, r)
}

func (m *storeMetrics) refresh(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	m.eng.Recorder().Flush(ctx)
	c, err := m.eng.Recorder().Store().Count(ctx, time.Now().Add(-m.retention))
	if err != nil || m.eng.Recorder().Problem() != "" {
		m.up.Set(0)
		if err != nil {
			return
		}
	} else {
		m.up.Set(1)
	}
	m.questions.Set(float64(c.Questions))
	m.unanswered.Set(float64(c.Unanswered))
	m.ratio.Set(c.UnansweredShare())
	m.ratings.Set(float64(c.Helpful), "helpful")
	m.ratings.Set(float64(c.NotHelpful), "not_helpful")
	m.handoffs.Set(float64(c.Handoffs))
	m.tickets.Set(float64(c.OpenTickets))
	m.review.Set(float64(c.OpenReview))
}
