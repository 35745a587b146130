package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/infusionbot/infusionbot/bot"
)

// Request is one message of the JSON protocol: a line of `ask --json`'s
// input, the body of POST /v1/messages. Messages of the same user are one
// conversation.
type Request struct {
	User string `json:"user"`
	Text string `json:"text"`
}

// Citation is one cited passage in a Response.
type Citation struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Source  string  `json:"source"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// Response is the reply object of the JSON protocol (see the shared
// README): a line of `ask --json`'s output, the body of a 200 from
// POST /v1/messages.
type Response struct {
	User     string `json:"user"`
	Intent   string `json:"intent"`
	Answered bool   `json:"answered"`
	// Text is the whole reply as plain text (bot.Reply.Text).
	Text string `json:"text"`
	// Citations is never null: [] when there are none.
	Citations []Citation `json:"citations"`
	Handoff   string     `json:"handoff"`
	// Choices are left out unless the reply asks "did you mean…?": then
	// sending a choice's text as the user's next message picks it.
	Choices []bot.Choice `json:"choices,omitempty"`
}

// NewResponse makes the wire reply to user's message from r.
func NewResponse(user string, r bot.Reply) Response {
	cs := make([]Citation, len(r.Citations))
	for i, c := range r.Citations {
		cs[i] = Citation{ID: c.ID, Title: c.Title, Section: c.Section, Source: c.Source, Snippet: c.Snippet, Score: c.Score}
	}
	return Response{User: user, Intent: string(r.Intent), Answered: r.Answered, Text: r.Text(), Citations: cs, Handoff: r.Handoff, Choices: r.Choices}
}

// ErrorResponse is the body of every non-2xx JSON reply.
type ErrorResponse struct {
	Error string `json:"error"`
}

// MaxUserLen bounds the user field, in bytes.
const MaxUserLen = 256

// DecodeRequest parses one Request strictly: valid UTF-8, a single JSON
// object, no unknown fields, user and text present and not empty (text
// that is only white space is accepted: the bot answers it with guidance).
// Errors are safe to show the client.
func DecodeRequest(data []byte) (Request, error) {
	var req Request
	if !utf8.Valid(data) {
		return req, errors.New("request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return Request{}, describe(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Request{}, errors.New("request body has data after the JSON object")
	}
	switch {
	case strings.TrimSpace(req.User) == "":
		return Request{}, errors.New(`"user" is required: an id for the conversation`)
	case len(req.User) > MaxUserLen:
		return Request{}, fmt.Errorf(`"user" is longer than %d bytes`, MaxUserLen)
	case req.Text == "":
		return Request{}, errors.New(`"text" is required: the message to answer`)
	}
	return req, nil
}

// describe turns a json error into a client-safe sentence.
func describe(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New(`request body is empty; send {"user": "...", "text": "..."}`)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("request body is cut short: incomplete JSON")
	case errors.As(err, &se):
		return fmt.Errorf("request body is not valid JSON (at byte %d)", se.Offset)
	case errors.As(err, &te):
		if te.Field != "" {
			return fmt.Errorf("%q must be a %s, not %s", te.Field, te.Type, te.Value)
		}
		return fmt.Errorf(`request body must be a JSON object {"user": "...", "text": "..."}, not %s`, te.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf(`unknown field %s; the fields are "user" and "text"`, strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return errors.New("request body is not a valid message")
}

// WriteJSON writes v as one line of JSON without HTML escaping, as the JSON
// Lines protocol and the HTTP API do.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
