package bot

import (
	"context"
	"errors"
)

// ErrCutOff is returned by an adapter's Run when its shutdown timeout cut
// replies in flight off: they were not sent.
var ErrCutOff = errors.New("replies in flight were cut off at the shutdown timeout")

// Adapter connects one chat platform to a Handler. Run blocks until ctx is
// cancelled (it then finishes in-flight replies and returns nil, or
// ErrCutOff when its shutdown timeout cut some off) or a fault
// it cannot recover from occurs (bad token, disallowed intent), which it
// returns with a clear message.
type Adapter interface {
	Run(ctx context.Context, h Handler) error
}

// FeedbackKind is what a person said about an answer through its buttons.
type FeedbackKind string

// The feedback buttons under an answer.
const (
	FeedbackHelpful    FeedbackKind = "helpful"
	FeedbackNotHelpful FeedbackKind = "not_helpful"
	FeedbackCareTeam   FeedbackKind = "care_team"
)

// Commands every front end passes to the Handler as message text. Adapters
// translate their platform's commands and buttons into these.
const (
	CommandStart   = "/start"
	CommandHelp    = "/help"
	CommandSources = "/sources"
	// CommandCareTeam asks for a person; the "talk to the care team" button sends it.
	CommandCareTeam = "/human"
)

// Monitor receives what adapters observe, so the operator can watch them
// (metrics, readiness). It never receives message text or user ids.
// Implementations must be safe for concurrent use.
type Monitor interface {
	// Feedback counts one press of a feedback button.
	Feedback(platform string, kind FeedbackKind)
	// Connected reports that the adapter is (or is no longer) connected.
	Connected(platform string, up bool)
	// Reconnect counts one reconnection attempt.
	Reconnect(platform string)
	// Error counts one error of the given kind ("send", "poll", "rate_limited", ...).
	Error(platform string, kind string)
}

// NopMonitor is a Monitor that ignores everything.
type NopMonitor struct{}

func (NopMonitor) Feedback(string, FeedbackKind) {}
func (NopMonitor) Connected(string, bool)        {}
func (NopMonitor) Reconnect(string)              {}
func (NopMonitor) Error(string, string)          {}
