package evalcase

import "testing"

func TestNormMatchesTheScorer(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The session usually lasts 1\u20134 hours", "the session usually lasts 1-4 hours"},
		{"  **Rapid Onset:**\n\tMany  patients ", "rapid onset: many patients"},
		{"patient\u2019s \u201cfirst\u201d `dose`", `patient's "first" dose`},
		{"", ""},
	} {
		if got := Norm(c.in); got != c.want {
			t.Errorf("Norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
