// Package testwait holds how tests wait for something another goroutine must
// do. A wait is never a measurement: tests that need time use fake clocks or
// explicit signals, and a wait gives up only shortly before the test binary's
// own deadline (go test -timeout), not at a guess of how slow a loaded
// machine may be.
package testwait

import (
	"testing"
	"time"
)

// Patience is when a test gives up waiting: 30 s before the test binary's
// deadline, or ten minutes from now when there is none.
func Patience(t testing.TB) time.Time {
	d, ok := t.(interface{ Deadline() (time.Time, bool) })
	if !ok {
		return time.Now().Add(10 * time.Minute)
	}
	deadline, set := d.Deadline()
	if !set {
		return time.Now().Add(10 * time.Minute)
	}
	if margin := deadline.Add(-30 * time.Second); margin.After(time.Now()) {
		return margin
	}
	return deadline
}

// For polls cond every poll until it holds, and fails the test naming what
// it waited for when Patience runs out.
func For(t testing.TB, what string, poll time.Duration, cond func() bool) {
	t.Helper()
	deadline := Patience(t)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(poll)
	}
}
