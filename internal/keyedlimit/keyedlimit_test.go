package keyedlimit

import (
	"strconv"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Unix(1_700_000_000, 0)} }

func TestBurstThenRefill(t *testing.T) {
	c := newClock()
	l := New(1, 3, 0, c.now) // 1 per second, burst 3
	for i := 0; i < 3; i++ {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("message %d of the burst refused", i+1)
		}
	}
	ok, wait := l.Allow("a")
	if ok {
		t.Fatal("fourth message inside the same instant allowed")
	}
	if wait <= 0 || wait > time.Second {
		t.Fatalf("retry after %v, want (0, 1s]", wait)
	}
	if ok, _ := l.Allow("b"); !ok {
		t.Fatal("another key is limited by the first one's bucket")
	}
	c.advance(time.Second)
	if ok, _ := l.Allow("a"); !ok {
		t.Fatal("no token after waiting a second")
	}
	if ok, _ := l.Allow("a"); ok {
		t.Fatal("two tokens after one second at rate 1/s")
	}
}

func TestNilAllowsEverything(t *testing.T) {
	l := New(0, 5, 0, nil)
	if l != nil {
		t.Fatal("rate 0 should disable the limiter")
	}
	for i := 0; i < 100; i++ {
		if ok, _ := l.Allow("x"); !ok {
			t.Fatal("nil limiter refused")
		}
	}
}

func TestMemoryIsBounded(t *testing.T) {
	c := newClock()
	l := New(1, 2, 100, c.now)
	for i := 0; i < 1000; i++ {
		l.Allow(strconv.Itoa(i))
	}
	if n := l.Len(); n > 100 {
		t.Fatalf("remembers %d keys, max 100", n)
	}
	// Idle keys are forgotten once their bucket is full again.
	c.advance(3 * time.Second)
	l.Allow("fresh")
	if n := l.Len(); n != 1 {
		t.Fatalf("after everyone went idle %d keys remain, want 1", n)
	}
}

func TestEvictionKeepsRecentlyLimitedKey(t *testing.T) {
	c := newClock()
	l := New(0.001, 1, 3, c.now)
	l.Allow("flooder")
	l.Allow("a")
	l.Allow("flooder") // refused; moves flooder to the front
	l.Allow("b")
	l.Allow("c") // evicts the least recently seen: "a"
	if ok, _ := l.Allow("flooder"); ok {
		t.Fatal("the recently limited key was evicted before an older one")
	}
}
