// Package repl is the staff's command-line front end: it reads one message
// a line and prints each reply as plain text. On a terminal it offers line
// editing and history, Ctrl-C clears the line (and quits on an empty one),
// Ctrl-D on an empty line quits; on piped input it reads plain lines, prints
// no escape codes and returns at the end of input, which makes it the
// end-to-end test harness of the whole core over an io.Reader and io.Writer.
// /quit and /exit quit either way.
package repl

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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
		command := strings.TrimSpace(line)
		switch command {
		case "/quit", "/exit":
			return nil
		}
		reply, err := h.Handle(ctx, bot.Message{Platform: "repl", Conversation: "repl:" + user, User: user, Text: line})
		text := reply.Text()
		if err != nil {
			text = bot.UserMessage(err)
		} else if command == bot.CommandHelp {
			// The core knows the commands of every front end; quitting is
			// the REPL's own.
			text += "\n\n" + Help
		}
		if width > 20 {
			text = wrap(text, width-1)
		}
		if _, err := fmt.Fprint(out, text+"\n\n"); err != nil {
			return fmt.Errorf("repl: write: %w", err)
		}
	}
}

// Help is what the REPL adds to the core's /help reply: its own commands.
const Help = "In this REPL: /quit or /exit quits, and so does Ctrl-D on an empty line. On a terminal, Ctrl-C clears the line; Ctrl-C on an empty line quits."

// lineReader returns a function reading one line at a time.
func (a *Adapter) lineReader() (func() (string, error), func(), error) {
	if a.Terminal != nil {
		state, err := term.MakeRaw(*a.Terminal)
		if err != nil {
			return nil, nil, fmt.Errorf("repl: terminal: %w", err)
		}
		width := 0
		if w, _, err := term.GetSize(*a.Terminal); err == nil {
			width = w
		}
		return terminalLines(a.In, a.Out, width), func() { term.Restore(*a.Terminal, state) }, nil
	}
	r := bufio.NewReaderSize(a.In, 64*1024)
	return func() (string, error) { return readLine(r) }, func() {}, nil
}

// terminalLines edits lines on a terminal already in raw mode. x/term ends
// the input at Ctrl-C; staff press it to drop what they typed, as in a
// shell, so it reaches the editor as interruptKey instead, which clears the
// line; on an empty line it is passed on as the real Ctrl-C, ending input.
func terminalLines(in io.Reader, out io.Writer, width int) func() (string, error) {
	ir := &interruptReader{r: in}
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{ir, out}, "> ")
	if width > 0 {
		t.SetSize(width, 0)
	}
	t.AutoCompleteCallback = func(line string, pos int, key rune) (string, int, bool) {
		if key != interruptKey {
			return "", 0, false
		}
		if line == "" {
			ir.pass(ctrlC)
		}
		return "", 0, true
	}
	return t.ReadLine
}

const ctrlC = 3

// interruptKey is a Unicode noncharacter: no keyboard or paste sends it, so
// it can only be a Ctrl-C that interruptReader translated.
const interruptKey = '\uFDD0'

var interruptBytes = utf8.AppendRune(nil, interruptKey)

// interruptReader translates each Ctrl-C byte read into interruptKey.
// A Ctrl-C cannot be part of an escape sequence or of a multi-byte UTF-8
// character, so translating single bytes is safe.
type interruptReader struct {
	r       io.Reader
	pending []byte // translated bytes not yet read
	err     error  // the underlying reader's error, once pending is drained
	buf     []byte
}

// pass queues b to be read as is, ahead of anything pending.
func (ir *interruptReader) pass(b byte) {
	ir.pending = append([]byte{b}, ir.pending...)
}

func (ir *interruptReader) Read(p []byte) (int, error) {
	if len(ir.pending) == 0 {
		if ir.err != nil {
			return 0, ir.err
		}
		if len(ir.buf) < len(p) {
			ir.buf = make([]byte, len(p))
		}
		n, err := ir.r.Read(ir.buf[:len(p)])
		for _, b := range ir.buf[:n] {
			if b == ctrlC {
				ir.pending = append(ir.pending, interruptBytes...)
			} else {
				ir.pending = append(ir.pending, b)
			}
		}
		if err != nil {
			if len(ir.pending) == 0 {
				return 0, err
			}
			ir.err = err
		}
	}
	// A read ends after an interruptKey, so that the editor has handled it,
	// and found the line empty or not, before it reads what follows: a
	// Ctrl-C passed on then comes next, ahead of keys typed after it.
	chunk := ir.pending
	if i := bytes.Index(chunk, interruptBytes); i >= 0 {
		chunk = chunk[:i+len(interruptBytes)]
	}
	n := copy(p, chunk)
	ir.pending = ir.pending[n:]
	return n, nil
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
