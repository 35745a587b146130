package main

import "testing"

func TestMemoryLimitFollowsTheLoadedHeap(t *testing.T) {
	tests := []struct {
		live uint64
		gc   int
		want int64
	}{
		{5 << 20, 300, minMemoryLimit}, // the embedded articles: the floor
		{100 << 20, 300, 600 << 20},    // a large knowledge base: above the collector's target
		{100 << 20, 100, 300 << 20},    // the operator's GOGC
		{1 << 30, 300, int64(6 << 30)}, // never a fixed ceiling
	}
	for _, tt := range tests {
		if got := memoryLimitFor(tt.live, tt.gc); got != tt.want {
			t.Errorf("memoryLimitFor(%d MiB, %d) = %d MiB, want %d MiB", tt.live>>20, tt.gc, got>>20, tt.want>>20)
		}
		if target := int64(float64(tt.live) * (1 + float64(tt.gc)/100)); memoryLimitFor(tt.live, tt.gc) <= target {
			t.Errorf("limit for %d MiB at GOGC %d is not above the collector's target", tt.live>>20, tt.gc)
		}
	}
}
