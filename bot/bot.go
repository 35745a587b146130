// Package bot is the conversation core of infusionbot: the domain types every
// front end speaks (Message, Reply, Citation, Intent), the Handler interface
// that answers a message, middleware, and the intent Router.
//
// The package imports no chat SDK and no search engine: adapters (telegram,
// discord, repl, httpapi) translate their platform's messages into Message and
// render Reply; the index is reached through the Searcher interface.
package bot

import (
	"context"
	"strings"
	"time"
)

// Intent is what the router decided a message is about.
type Intent string

// The intents, as named in the reply schema.
const (
	IntentGreeting      Intent = "greeting"
	IntentHelp          Intent = "help"
	IntentThanks        Intent = "thanks"
	IntentGoodbye       Intent = "goodbye"
	IntentQuestion      Intent = "question"
	IntentEmergency     Intent = "emergency"
	IntentCrisis        Intent = "crisis"
	IntentMedicalAdvice Intent = "medical_advice"
	IntentClinic        Intent = "clinic"
	IntentHuman         Intent = "human"
	IntentOutOfScope    Intent = "out_of_scope"
)

// Urgent reports whether a reply of this intent must never be withheld,
// delayed behind other replies, or hidden from the person who asked.
func (i Intent) Urgent() bool { return i == IntentEmergency || i == IntentCrisis }

// Message is one incoming chat message, whatever platform it came from.
type Message struct {
	// Platform names the front end: "telegram", "discord", "repl", "http", "cli".
	Platform string
	// Conversation keys the follow-up context; adapters make it unique per
	// platform (for example "telegram:123" for a chat, "discord:1/2" for a user in a channel).
	Conversation string
	// User is the platform's opaque user id. It is health-adjacent data:
	// never log it raw (see internal/logging for hashing).
	User string
	// Text is what the person typed. Commands keep their slash ("/start").
	Text string
	// Time is when the message was sent; zero means now.
	Time time.Time
}

// Citation points at the source passage an answer quotes.
type Citation struct {
	ID      string  `json:"id"`      // "<doc path>#<section anchor>", doc path relative to the knowledge folder
	Title   string  `json:"title"`   // the article's title
	Section string  `json:"section"` // the section heading
	Source  string  `json:"source"`  // publisher or URL of the article
	Snippet string  `json:"snippet"` // exact words of the source
	Score   float64 `json:"score"`
}

// Reply is the core's answer to one Message, in a platform-neutral form.
// Adapters render it: plain text for the REPL, HTML for Telegram, embeds for
// Discord, JSON for the HTTP API.
type Reply struct {
	Intent Intent
	// Answered is true only when Body is grounded in the cited snippets.
	Answered bool
	// Body is the main text in plain text. For answers it holds the quoted
	// source sentences, each followed by its citation marker "[n]".
	Body string
	// Citations are numbered from 1 in the order of the markers in Body.
	Citations []Citation
	// Handoff is the consult-a-provider line shown with the reply, if any.
	Handoff string
	// Choices, when the question fits passages about different things
	// equally well, are those readings ("did you mean…?"); Body lists them
	// numbered, each with its quote. Sending a choice's Text as the next
	// message of the conversation answers from that passage.
	Choices []Choice
}

// Choice is one reading of an ambiguous question that a reply offers.
type Choice struct {
	// Label says what the choice is about: the passage's headings.
	Label string `json:"label"`
	// Text is the message that picks it: its number ("1").
	Text string `json:"text"`
}

// Text renders the whole reply as plain text, as the REPL shows it and as
// the "text" field of the JSON protocol carries it.
func (r Reply) Text() string {
	var b strings.Builder
	b.WriteString(r.Body)
	if len(r.Citations) > 0 {
		b.WriteString("\n\nSources:")
		for i, c := range r.Citations {
			b.WriteString("\n[")
			b.WriteString(itoa(i + 1))
			b.WriteString("] ")
			b.WriteString(c.Title)
			if c.Section != "" && c.Section != c.Title {
				b.WriteString(" — ")
				b.WriteString(c.Section)
			}
		}
	}
	if r.Handoff != "" {
		b.WriteString("\n\n")
		b.WriteString(r.Handoff)
	}
	return b.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Handler answers one message. Implementations must be safe for concurrent
// use; a returned error carries a user-safe text (see Error) and the adapter
// shows that text instead of a reply.
type Handler interface {
	Handle(ctx context.Context, m Message) (Reply, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, m Message) (Reply, error)

// Handle calls f(ctx, m).
func (f HandlerFunc) Handle(ctx context.Context, m Message) (Reply, error) { return f(ctx, m) }

// Middleware wraps a Handler with behaviour of its own, as net/http middleware does.
type Middleware func(Handler) Handler

// Chain applies middleware so that the first one listed runs first.
func Chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}
