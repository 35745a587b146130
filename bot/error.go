package bot

import "errors"

// Error carries a message that is safe to show the person chatting, separate
// from the operator's detail in Err (which may hold paths, ids or library
// errors and belongs in logs only).
type Error struct {
	// User is shown to the person chatting.
	User string
	// Op names the operation that failed, for the operator.
	Op string
	// Err is the underlying cause, for the operator.
	Err error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return e.Op
	}
	return e.Op + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// DefaultUserError is shown when an error carries no user-safe text.
const DefaultUserError = "Sorry, something went wrong on our side and I couldn't answer that. Please try again in a moment, or contact the clinic directly."

// UserMessage returns the text to show the person chatting for err.
func UserMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.User != "" {
		return e.User
	}
	return DefaultUserError
}
