package keyedqueue

import (
	"runtime"
	"slices"
	"sync"
	"testing"
)

// waitEmpty waits until no lane is running: the lanes' goroutines have
// seen their last job return and forgotten their keys.
func waitEmpty[K comparable](q *Queue[K]) {
	for {
		q.mu.Lock()
		n := len(q.lanes)
		q.mu.Unlock()
		if n == 0 {
			return
		}
		runtime.Gosched()
	}
}

// A key holds at most depth jobs, the running one included; beyond that a
// job is refused unrun, the first refusal since the lane emptied reported
// as such, and once the lane empties the key starts afresh.
func TestDepthAndFirstRefusal(t *testing.T) {
	tests := []struct {
		name  string
		depth int
		adds  int
		want  []Result
	}{
		{"one running, nothing waits", 1, 3, []Result{Queued, Refused, RefusedAgain}},
		{"bounded", 3, 5, []Result{Queued, Queued, Queued, Refused, RefusedAgain}},
		{"exactly full", 2, 2, []Result{Queued, Queued}},
		{"unbounded", 0, 6, []Result{Queued, Queued, Queued, Queued, Queued, Queued}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := New[string](1, tt.depth)
			for round := 0; round < 2; round++ {
				gate := make(chan struct{})
				var ran sync.WaitGroup
				var got []Result
				var mu sync.Mutex
				runs := 0
				for i := 0; i < tt.adds; i++ {
					ran.Add(1)
					r := q.Add("ann", func(func()) {
						<-gate
						mu.Lock()
						runs++
						mu.Unlock()
						ran.Done()
					})
					if r != Queued {
						ran.Done()
					}
					got = append(got, r)
				}
				// A key that is not full is not refused by another's flood.
				ran.Add(1)
				if r := q.Add("bob", func(func()) { ran.Done() }); r != Queued {
					t.Errorf("round %d: another key's job was %v while ann flooded", round, r)
				}
				close(gate)
				ran.Wait()
				if !slices.Equal(got, tt.want) {
					t.Errorf("round %d: Add returned %v, want %v", round, got, tt.want)
				}
				queued := 0
				for _, r := range tt.want {
					if r == Queued {
						queued++
					}
				}
				if runs != queued {
					t.Errorf("round %d: %d jobs ran, want the %d queued ones", round, runs, queued)
				}
				waitEmpty(q) // the second round must see Refused again, not RefusedAgain
			}
		})
	}
}

// A key's jobs run one at a time in the order they were added, whatever
// the number of workers; the next waits until the one before returns, even
// after it called decided.
func TestOrderPerKey(t *testing.T) {
	for _, workers := range []int{1, 4} {
		q := New[int](workers, 0)
		var mu sync.Mutex
		var got []int
		busy := false
		overlap := false
		var done sync.WaitGroup
		const n = 200
		for i := 0; i < n; i++ {
			done.Add(1)
			q.Add(7, func(decided func()) {
				defer done.Done()
				mu.Lock()
				if busy {
					overlap = true
				}
				busy = true
				got = append(got, i)
				mu.Unlock()
				decided()
				runtime.Gosched() // "sending": the next job must still wait
				mu.Lock()
				busy = false
				mu.Unlock()
			})
		}
		done.Wait()
		if overlap {
			t.Errorf("workers %d: two jobs of one key ran at once", workers)
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("workers %d: job %d ran at position %d: %v", workers, v, i, got)
			}
		}
	}
}

// At most workers jobs decide at once; a job that called decided no longer
// counts, so a send that never ends does not keep another key's job from
// being decided; and a job that never calls decided frees its worker when
// it returns.
func TestWorkerLimitAndDecidedRelease(t *testing.T) {
	const workers = 2
	q := New[string](workers, 0)
	var mu sync.Mutex
	deciding, most := 0, 0
	started := make(chan string)
	gates := map[string]chan struct{}{"a": make(chan struct{}), "b": make(chan struct{}), "c": make(chan struct{})}
	sending := make(chan struct{}) // never closed before the end: a stuck send
	var sent sync.WaitGroup
	for _, k := range []string{"a", "b", "c"} {
		sent.Add(1)
		q.Add(k, func(decided func()) {
			defer sent.Done()
			mu.Lock()
			deciding++
			most = max(most, deciding)
			mu.Unlock()
			started <- k
			<-gates[k]
			mu.Lock()
			deciding--
			mu.Unlock()
			decided()
			<-sending
		})
	}
	first, second := <-started, <-started
	select {
	case k := <-started:
		t.Fatalf("%s started with %s and %s deciding, beyond %d workers", k, first, second, workers)
	default:
	}
	close(gates[first]) // first is decided, then stuck sending
	third := <-started  // so third gets its worker
	close(gates[second])
	close(gates[third])

	// Both workers are now free although every job is still sending: a
	// job that returns without calling decided gets one and frees it.
	returned := make(chan struct{})
	q.Add("d", func(func()) { close(returned) })
	<-returned
	q.Add("e", func(func()) { close(started) })
	<-started

	close(sending)
	sent.Wait()
	if most > workers {
		t.Errorf("%d jobs decided at once, want at most %d", most, workers)
	}
}
