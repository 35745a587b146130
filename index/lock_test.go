package index

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

// A persistent index is held by the process that opened it: a second Open
// of the same folder fails at once with ErrInUse, and leaves the folder as
// it was, instead of waiting on the lock for ever.
func TestOpenOfAHeldIndexFailsFast(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	held, err := Open(ctx, sampleDocs(), Options{Dir: dir, Hash: "aaaa"})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()

	got := make(chan error, 1)
	go func() {
		ix, err := Open(ctx, sampleDocs(), Options{Dir: dir, Hash: "aaaa", LockTimeout: 50 * time.Millisecond})
		if err == nil {
			ix.Close()
		}
		got <- err
	}()
	select {
	case err = <-got:
	case <-time.After(30 * time.Second):
		t.Fatal("a second Open of a held index is still waiting after 30 s")
	}
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: %v, want ErrInUse", err)
	}
	if _, statErr := os.Stat(held.Path()); statErr != nil {
		t.Fatalf("the held index's folder was touched: %v", statErr)
	}
	if _, err := held.bi.DocCount(); err != nil {
		t.Fatalf("the held index stopped working: %v", err)
	}
}
