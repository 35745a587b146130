package utf16

import "testing"

func TestLen(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"30–60 minutes", 13}, // en dash: one unit
		{"é", 1},
		{"🙂", 2}, // outside the BMP: a surrogate pair
		{"a🙂b", 4},
		{"\xff\xfe", 2}, // invalid bytes: one unit each
	}
	for _, tt := range tests {
		if got := Len(tt.s); got != tt.want {
			t.Errorf("Len(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}
