package testwait

import (
	"testing"
	"time"
)

func TestPatienceEndsBeforeTheTestDeadline(t *testing.T) {
	got := Patience(t)
	if d, ok := t.Deadline(); ok && !got.Before(d.Add(time.Nanosecond)) {
		t.Fatalf("patience %v is not before the deadline %v", got, d)
	}
	if !got.After(time.Now()) {
		t.Fatalf("patience %v has already passed", got)
	}
}

func TestForReturnsOnceTheConditionHolds(t *testing.T) {
	n := 0
	For(t, "three polls", time.Millisecond, func() bool { n++; return n == 3 })
	if n != 3 {
		t.Fatalf("cond was polled %d times, want 3", n)
	}
}
