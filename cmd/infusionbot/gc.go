package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The server answers from an index that stays in memory and allocates
// mostly short-lived garbage per message: collecting less often buys about
// a fifth more answers per second (docs/operations.md). The soft memory
// limit is derived from what was loaded: a fixed one small enough for the
// embedded articles made the collector thrash on a large knowledge base
// (20,000 passages: start-up 8x and answers 10x slower than Go's defaults).
const (
	serveGCPercent = 300
	// minMemoryLimit is the least soft limit set (the embedded articles
	// serve well under it).
	minMemoryLimit = 80 << 20
	// memoryLimitHeadroom is how far above the heap the collector's own
	// target (live heap × (1 + GOGC/100)) the soft limit lies: it only
	// stops a runaway, it never paces normal serving.
	memoryLimitHeadroom = 1.5
)

// memoryLimitFor is the soft limit for a live heap of live bytes collected
// at gcPercent.
func memoryLimitFor(live uint64, gcPercent int) int64 {
	target := float64(live) * (1 + float64(gcPercent)/100)
	return max(minMemoryLimit, int64(target*memoryLimitHeadroom))
}

// tuneGC sets the serving defaults unless the operator set GOGC or
// GOMEMLIMIT, which the Go runtime has already applied. Call it once the
// knowledge is loaded (and again after each reload): the soft limit follows
// the heap the index holds. It returns the limit set, 0 if none.
func tuneGC(getenv func(string) string) int64 {
	percent := serveGCPercent
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	} else {
		percent = debug.SetGCPercent(-1)
		debug.SetGCPercent(percent)
		if percent < 0 {
			return 0 // GOGC=off: the operator manages memory
		}
	}
	if getenv("GOMEMLIMIT") != "" {
		return 0
	}
	limit := memoryLimitFor(liveHeap(), percent)
	debug.SetMemoryLimit(limit)
	return limit
}

// liveHeap collects garbage and returns the bytes still in use.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	return s[0].Value.Uint64()
}
