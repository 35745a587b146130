package main

import "runtime/debug"

// The server answers from a small, fixed index and allocates mostly
// short-lived garbage per message: collecting less often buys about a
// fifth more answers per second (docs/operations.md) for some of the memory
// budget (RSS stays well under 100 MB with the embedded knowledge). The soft
// limit makes the collector work harder again before memory grows past it.
const (
	serveGCPercent   = 300
	serveMemoryLimit = 80 << 20
)

// tuneGC sets the serving defaults unless the operator set GOGC or
// GOMEMLIMIT, which the Go runtime has already applied.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}
