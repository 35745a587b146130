package telegram

import "testing"

func TestAcksConfirmOnlyHandledUpdates(t *testing.T) {
	k := newAcks()
	if got := k.offset(); got != 0 {
		t.Fatalf("offset of nothing taken = %d, want 0", got)
	}
	for _, id := range []int{10, 11, 12} {
		if !k.take(id) {
			t.Fatalf("take(%d) = false on first sight", id)
		}
	}
	if k.take(11) || k.take(9) {
		t.Error("an update in hand or below the offset was taken again")
	}
	k.done(11)
	if got := k.offset(); got != 10 {
		t.Errorf("offset with 10 still in hand = %d, want 10", got)
	}
	_, progress := k.inHand()
	k.done(10)
	select {
	case <-progress:
	default:
		t.Error("handling an update did not signal progress")
	}
	if got := k.offset(); got != 12 {
		t.Errorf("offset with 12 in hand = %d, want 12", got)
	}
	k.done(12)
	if n, _ := k.inHand(); n != 0 || k.offset() != 13 {
		t.Errorf("all handled: %d in hand, offset %d; want 0, 13", n, k.offset())
	}
}
