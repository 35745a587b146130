package bot

import "context"

// The parts of a handoff to the care team that chat adapters provide (see
// package bot/handoff for the desk that uses them).

// Relay delivers a care-team reply to a person on their own platform.
type Relay interface {
	// Platform is the Message.Platform the relay reaches ("telegram").
	Platform() string
	// Deliver sends text privately to the person of a conversation: the
	// Conversation and User of one of their messages.
	Deliver(ctx context.Context, conversation, user, text string) error
}

// StaffChannel is where handoff tickets are posted and staff answer them:
// a Telegram group, a Discord channel.
type StaffChannel interface {
	// IsStaff reports whether a message's Conversation is in the staff channel.
	IsStaff(conversation string) bool
	// PostStaff posts plain text to the staff channel.
	PostStaff(ctx context.Context, text string) error
}

// Rater is told of a rating button pressed under an answer, with the
// conversation it was pressed in (Text empty), so that the answer rated can
// be found.
type Rater interface {
	Rated(ctx context.Context, m Message, kind FeedbackKind)
}

// Chooser is told which "did you mean" choice a person picked: the passage
// id of the choice. store.Recorder implements it.
type Chooser interface {
	Chose(ctx context.Context, m Message, passage string)
}
