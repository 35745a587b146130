package telegram

import "sync"

// acks tracks the polled updates still being handled. Telegram confirms
// every update below the offset of a getUpdates call, so the poller asks
// from the lowest update still in hand: one that is lost to a crash or a
// shutdown deadline is delivered again, while the poller keeps fetching
// (and other chats keep being answered) behind a slow chat's queue.
type acks struct {
	mu       sync.Mutex
	next     int              // one past the highest update id taken
	pending  map[int]struct{} // taken, not yet handled
	progress chan struct{}    // closed and replaced when one is handled
}

func newAcks() *acks {
	return &acks{pending: make(map[int]struct{}), progress: make(chan struct{})}
}

// take records id as being handled; false if it was taken before (Telegram
// sends an unconfirmed update again with every poll).
func (k *acks) take(id int) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.pending[id]; ok || id < k.next {
		return false
	}
	k.pending[id] = struct{}{}
	k.next = id + 1
	return true
}

// done records id as handled.
func (k *acks) done(id int) {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.pending, id)
	close(k.progress)
	k.progress = make(chan struct{})
}

// offset is the getUpdates offset that confirms exactly the handled
// updates: the lowest one in hand, or one past the last taken.
func (k *acks) offset() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	off := k.next
	for id := range k.pending {
		off = min(off, id)
	}
	return off
}

// inHand reports how many taken updates are not yet handled, and a channel
// closed when one of them is.
func (k *acks) inHand() (int, <-chan struct{}) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.pending), k.progress
}
