package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/httpapi"
)

// runAsk answers one question, or with --json speaks the batch protocol:
// JSON Lines {"user","text"} in, one reply object per line out, in order.
func runAsk(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, ec := newCommandFlags("ask", getenv, stderr)
	asJSON := fs.Bool("json", false, "read JSON Lines {\"user\",\"text\"} on stdin and write one JSON reply per line")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	question := strings.Join(pos, " ")
	if !*asJSON && strings.TrimSpace(question) == "" {
		fmt.Fprintln(stderr, "usage: infusionbot ask \"question\"   or   infusionbot ask --json < messages.jsonl")
		return errUsageShown
	}
	e, err := openEngine(ctx, *ec)
	if err != nil {
		return err
	}
	defer e.Close()
	h := e.Handler()
	if !*asJSON {
		reply, err := h.Handle(ctx, bot.Message{Platform: "cli", Conversation: "cli:ask", User: "cli", Text: question})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(stdout, reply.Text())
		return err
	}
	return askBatch(ctx, h, stdin, stdout)
}

// askBatch answers JSON Lines. A line that is not a request object still
// gets exactly one output line, an error object, so replies stay in step.
func askBatch(ctx context.Context, h bot.Handler, stdin io.Reader, stdout io.Writer) error {
	in := bufio.NewReaderSize(stdin, 64*1024)
	skipBOM(in)
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	for n := 1; ; n++ {
		line, err := readFullLine(in)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if strings.TrimSpace(line) == "" {
			n--
			continue
		}
		var v any
		req, derr := decodeAskLine(line)
		if derr != nil {
			v = httpapi.ErrorResponse{Error: fmt.Sprintf("line %d: %v", n, derr)}
		} else {
			reply, err := h.Handle(ctx, bot.Message{Platform: "cli", Conversation: "cli:" + req.User, User: req.User, Text: req.Text})
			if err != nil {
				reply = bot.Reply{Intent: bot.IntentQuestion, Body: bot.UserMessage(err)}
			}
			v = httpapi.NewResponse(req.User, reply)
		}
		if err := httpapi.WriteJSON(out, v); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// decodeAskLine reads one request line as strictly as the HTTP API reads a
// body (httpapi.DecodeRequest): a batch that passes here passes there.
func decodeAskLine(line string) (httpapi.Request, error) {
	req, err := httpapi.DecodeRequest([]byte(line))
	if err != nil {
		return req, errors.New(strings.Replace(err.Error(), "request body", "the line", 1))
	}
	return req, nil
}

// skipBOM drops a UTF-8 byte order mark at the start of r: JSON Lines files
// saved by Windows editors start with one.
func skipBOM(r *bufio.Reader) {
	if b, err := r.Peek(3); err == nil && string(b) == "\ufeff" {
		_, _ = r.Discard(3)
	}
}

// readFullLine reads one line of any length.
func readFullLine(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, err := r.ReadSlice('\n')
		b.Write(chunk)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && (b.Len() == 0 || !errors.Is(err, io.EOF)) {
			return "", err
		}
		return strings.TrimRight(b.String(), "\r\n"), nil
	}
}
