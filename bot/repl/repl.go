// Package repl is the staff's command-line front end: it reads one message
// a line and prints each reply as plain text. On a terminal it offers line
// editing and history; on piped input it reads plain lines, prints no
// escape codes and returns at the end of input, which makes it the
// end-to-end test harness of the whole core over an io.Reader and io.Writer.
package repl

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/term"

	"github.com/infusionbot/infusionbot/bot"
)

// MaxLine is the longest input line read; longer lines are still answered
// (the core's hygiene replies that the message is too long), never a crash.
const MaxLine = 1 << 20

// Adapter runs a conversation over a reader and a writer.
type Adapter struct {
	In  io.Reader
	Out io.Writer
	// Terminal, when set, is the file descriptor of an interactive terminal
	// on In and Out: the adapter then puts it in raw mode for line editing
	// and history, and restores it when done.
	Terminal *int
	// User names the person at the keyboard; the conversation is "repl:"+User.
	User string
	// Banner is printed first on a terminal.
	Banner string
}

var _ bot.Adapter = (*Adapter)(nil)

// Run answers lines until the input ends or ctx is cancelled.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	user := a.User
	if user == "" {
		user = "staff"
	}
	read, closeFn, err := a.lineReader()
	if err != nil {
		return err
	}
	defer closeFn()
	out := a.Out
	width := 0
	if a.Terminal != nil {
		if w, _, err := term.GetSize(*a.Terminal); err == nil {
			width = w
		}
		// In raw mode a bare "\n" does not return the carriage.
		out = crlfWriter{a.Out}
		if a.Banner != "" {
			fmt.Fprint(out, a.Banner+"\n")
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil
		}
		line, err := read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("repl: read: %w", err)
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch strings.TrimSpace(line) {
		case "/quit", "/exit":
			return nil
		}
		reply, err := h.Handle(ctx, bot.Message{Platform: "repl", Conversation: "repl:" + user, User: user, Text: line})
		text := reply.Text()
		if err != nil {
			text = bot.UserMessage(err)
		}
		if width > 20 {
			text = wrap(text, width-1)
		}
		if _, err := fmt.Fprint(out, text+"\n\n"); err != nil {
			return fmt.Errorf("repl: write: %w", err)
		}
	}
}

// lineReader returns a function reading one line at a time.
func (a *Adapter) lineReader() (func() (string, error), func(), error) {
	if a.Terminal != nil {
		state, err := term.MakeRaw(*a.Terminal)
		if err != nil {
			return nil, nil, fmt.Errorf("repl: terminal: %w", err)
		}
		t := term.NewTerminal(struct {
			io.Reader
			io.Writer
		}{a.In, a.Out}, "> ")
		if w, _, err := term.GetSize(*a.Terminal); err == nil {
			t.SetSize(w, 0)
		}
		return t.ReadLine, func() { term.Restore(*a.Terminal, state) }, nil
	}
	r := bufio.NewReaderSize(a.In, 64*1024)
	return func() (string, error) { return readLine(r) }, func() {}, nil
}

// readLine reads a line of any length, keeping at most MaxLine bytes of it.
func readLine(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, err := r.ReadSlice('\n')
		if b.Len() < MaxLine {
			b.Write(chunk[:min(len(chunk), MaxLine-b.Len())])
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && (b.Len() == 0 || !errors.Is(err, io.EOF)) {
			return "", err
		}
		return strings.TrimRight(b.String(), "\r\n"), nil
	}
}

type crlfWriter struct{ w io.Writer }

func (c crlfWriter) Write(p []byte) (int, error) {
	_, err := c.w.Write([]byte(strings.ReplaceAll(string(p), "\n", "\r\n")))
	return len(p), err
}

// wrap breaks lines longer than width at spaces, so a terminal does not cut
// words in two.
func wrap(text string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		n := 0
		for j, w := range strings.Fields(line) {
			l := len([]rune(w))
			if j > 0 && n+1+l > width {
				b.WriteString("\n")
				n = 0
			} else if j > 0 {
				b.WriteString(" ")
				n++
			}
			b.WriteString(w)
			n += l
		}
	}
	return b.String()
}
