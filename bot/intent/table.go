package intent

// table maps feature hashes to weight rows by open addressing: a message
// looks up a few hundred features, and this is several times faster than
// a Go map for that.
type table struct {
	keys []uint32 // 0 marks an empty slot; a hash of 0 is stored as 1
	rows []int32
	mask uint32
	n    int
}

func newTable(capacity int) *table {
	size := 1
	for size < 2*capacity {
		size <<= 1
	}
	return &table{keys: make([]uint32, size), rows: make([]int32, size), mask: uint32(size - 1)}
}

func slotKey(h uint32) uint32 {
	if h == 0 {
		return 1
	}
	return h
}

// get returns h's row.
func (t *table) get(h uint32) (int32, bool) {
	k := slotKey(h)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.rows[i], true
		case 0:
			return 0, false
		}
	}
}

// put sets h's row; the table must have room (newTable's capacity).
func (t *table) put(h uint32, row int32) {
	k := slotKey(h)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			if t.keys[i] == 0 {
				t.n++
			}
			t.keys[i], t.rows[i] = k, row
			return
		}
	}
}
