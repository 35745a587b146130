package bot

import (
	"context"
	"errors"
	"log/slog"
	"runtime/debug"
)

// Recover turns a panic in the handler into an Error, so that every front
// end answers the person (a slash command left "thinking…", a chat left
// waiting, is worse than an apology) and the process keeps serving. The
// panic value and stack go to log (slog.Default when nil), never the
// message text.
func Recover(log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, m Message) (r Reply, err error) {
			defer func() {
				if p := recover(); p != nil {
					l := log
					if l == nil {
						l = slog.Default()
					}
					l.Error("handler panicked", "platform", m.Platform, "panic", p, "stack", string(debug.Stack()))
					r, err = Reply{}, &Error{Op: "handle", Err: errors.New("handler panicked")}
				}
			}()
			return next.Handle(ctx, m)
		})
	}
}
