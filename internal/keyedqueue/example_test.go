package keyedqueue_test

import (
	"fmt"

	"github.com/infusionbot/infusionbot/internal/keyedqueue"
)

// One worker, at most two events per user: ann's reply is sent after the
// worker was released, her third message is refused with one notice, and
// her order is kept.
func Example() {
	q := keyedqueue.New[string](1, 2)
	gate := make(chan struct{})
	done := make(chan struct{})
	q.Add("ann", func(decided func()) {
		<-gate
		fmt.Println("ann 1: reply decided")
		decided() // the worker is free; sending goes on without it
		fmt.Println("ann 1: reply sent")
	})
	q.Add("ann", func(decided func()) {
		fmt.Println("ann 2: reply decided and sent")
		close(done)
	})
	for i := 3; i <= 4; i++ {
		switch q.Add("ann", func(func()) {}) {
		case keyedqueue.Refused:
			fmt.Printf("ann %d: refused; tell her once\n", i)
		case keyedqueue.RefusedAgain:
			fmt.Printf("ann %d: refused; she was told\n", i)
		}
	}
	close(gate)
	<-done
	// Output:
	// ann 3: refused; tell her once
	// ann 4: refused; she was told
	// ann 1: reply decided
	// ann 1: reply sent
	// ann 2: reply decided and sent
}
