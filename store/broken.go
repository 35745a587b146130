package store

import (
	"context"
	"time"
)

// Broken returns a Store whose every call fails with err: what a bot gets
// when its store cannot be opened, so it answers on and says why.
func Broken(err error) Store { return broken{err} }

type broken struct{ err error }

func (b broken) Add(context.Context, Event) (int64, error)            { return 0, b.err }
func (b broken) Review(context.Context) ([]Event, error)              { return nil, b.err }
func (b broken) Resolve(context.Context, []int64, Resolution) error   { return b.err }
func (b broken) Count(context.Context, time.Time) (Counts, error)     { return Counts{}, b.err }
func (b broken) CountQuestion(context.Context, time.Time, bool) error { return b.err }
func (b broken) OpenTicket(context.Context, Ticket) (int64, error)    { return 0, b.err }
func (b broken) Ticket(context.Context, int64) (Ticket, error)        { return Ticket{}, b.err }
func (b broken) TicketReplied(context.Context, int64) error           { return b.err }
func (b broken) CloseTicket(context.Context, int64) error             { return b.err }
func (b broken) Sweep(context.Context, time.Time) (int64, error)      { return 0, b.err }
func (b broken) Check(context.Context) error                          { return b.err }
func (b broken) Close() error                                         { return nil }
