// Package store is the clinic's record of what the bot could not do: the
// questions it could not answer, answers people rated "not helpful", which
// "did you mean" choice people pick, and requests to talk to a person
// (handoff tickets). Staff review them (see package review) and improve the
// answers; the metrics count them.
//
// The package holds the domain types and the Store interface; each
// implementation lives in a package of its own (store/sqlite, embedded in a
// file; a PostgreSQL store can follow for several replicas). Everything
// stored follows the health-data rules: user ids only as keyed hashes
// (Hasher), text only with identifiers removed (logging.ScrubIdentifiers)
// or not at all, and nothing kept past the retention (Sweep).
package store

import (
	"context"
	"errors"
	"time"
)

// Kind is what an event records.
type Kind string

// The kinds of event.
const (
	// KindUnanswered is a question the bot could not answer from the articles.
	KindUnanswered Kind = "unanswered"
	// KindNotHelpful is an answer the person rated "not helpful"; Text is their question.
	KindNotHelpful Kind = "not_helpful"
	// KindHelpful is an answer the person rated "helpful" (counted, no text).
	KindHelpful Kind = "helpful"
	// KindChoice is a "did you mean" choice; Passage is the one picked.
	KindChoice Kind = "choice"
	// KindHandoff is a request to talk to a person.
	KindHandoff Kind = "handoff"
)

// Status is where an event stands in the review.
type Status string

// The statuses.
const (
	StatusOpen      Status = "open"
	StatusLinked    Status = "linked"    // its wording now answers from Event.Passage
	StatusDismissed Status = "dismissed" // out of scope, or noted for an article to write
)

// Event is one recorded occurrence.
type Event struct {
	ID       int64
	Kind     Kind
	Time     time.Time
	Platform string // "telegram", "discord", "http", "cli", ...
	Intent   string
	// User is the keyed hash of the platform's user id (Hasher.Hash), never the id.
	User string
	// Text is the person's question with identifiers removed; "" when
	// text is not kept (STORE_TEXT=0) or the kind has none.
	Text string
	// Passage is the passage id an event is about: the one answered
	// (not helpful), picked (choice) or linked.
	Passage string
	Status  Status
	// Note is the reason a group was dismissed.
	Note string
}

// Resolution closes events after review.
type Resolution struct {
	Status  Status // StatusLinked or StatusDismissed
	Passage string // for StatusLinked
	Note    string // for StatusDismissed: why
}

// Counts are what the metrics and the review summary show.
type Counts struct {
	Since      time.Time
	Questions  int64 // questions the bot searched the articles for
	Unanswered int64
	Helpful    int64
	NotHelpful int64
	Choices    int64
	Handoffs   int64
	// OpenReview counts the events still waiting for review.
	OpenReview  int64
	OpenTickets int64
}

// UnansweredShare is Unanswered / Questions, 0 with no questions.
func (c Counts) UnansweredShare() float64 {
	if c.Questions == 0 {
		return 0
	}
	return float64(c.Unanswered) / float64(c.Questions)
}

// Ticket is a handoff to the care team.
type Ticket struct {
	Number   int64
	Time     time.Time
	Platform string
	// Address is where a staff reply goes, in the platform's terms
	// ("chat id" on Telegram, "channel id/user id" on Discord). It is
	// kept only as long as the retention allows, like everything else.
	Address string
	User    string // keyed hash
	Open    bool
	Replies int
}

// ErrNotFound is returned for a ticket or event that does not exist.
var ErrNotFound = errors.New("store: not found")

// Store keeps events and tickets. Implementations are safe for concurrent
// use, by several goroutines and (for a shared database) several processes.
type Store interface {
	// Add records an event; its ID and Status are set by the store.
	Add(ctx context.Context, e Event) (int64, error)
	// Review returns the open events with text that staff review
	// (unanswered and not helpful), oldest first.
	Review(ctx context.Context) ([]Event, error)
	// Resolve closes the events with the given ids.
	Resolve(ctx context.Context, ids []int64, r Resolution) error
	// Count tallies events since a time, and the open reviews and tickets.
	Count(ctx context.Context, since time.Time) (Counts, error)
	// CountQuestion counts one question searched in the articles, in a
	// plain daily counter with no text, user or time of day: the base of
	// the unanswered share.
	CountQuestion(ctx context.Context, at time.Time, answered bool) error

	// OpenTicket files a new ticket and returns its number.
	OpenTicket(ctx context.Context, t Ticket) (int64, error)
	// Ticket returns a ticket by number.
	Ticket(ctx context.Context, number int64) (Ticket, error)
	// TicketReplied counts a staff reply on a ticket.
	TicketReplied(ctx context.Context, number int64) error
	// CloseTicket closes a ticket.
	CloseTicket(ctx context.Context, number int64) error

	// Sweep deletes everything older than before and returns how many rows went.
	Sweep(ctx context.Context, before time.Time) (int64, error)
	// Check reports whether the store can be written to.
	Check(ctx context.Context) error
	Close() error
}
