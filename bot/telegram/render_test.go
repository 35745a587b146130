package telegram

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/utf16"
)

// checkBalanced reports an error unless every tag in s is closed in order
// and no '<' or '&' starts anything but a whole tag or entity.
func checkBalanced(s string) error {
	var stack []string
	for _, t := range tokenize(s) {
		switch t.kind {
		case tokTag:
			if t.closing {
				if len(stack) == 0 || stack[len(stack)-1] != t.name {
					return fmt.Errorf("unbalanced </%s> in %q", t.name, short(s))
				}
				stack = stack[:len(stack)-1]
			} else {
				stack = append(stack, t.name)
			}
		case tokText:
			if c := s[t.start]; c == '<' || c == '>' || c == '&' {
				return fmt.Errorf("bare %q in %q", c, short(s))
			}
		}
	}
	if len(stack) > 0 {
		return fmt.Errorf("unclosed %v in %q", stack, short(s))
	}
	return nil
}

func short(s string) string {
	if len(s) > 200 {
		return s[:100] + "…" + s[len(s)-100:]
	}
	return s
}

func TestEscapeHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`<script>alert("x") & 'y'</script>`, `&lt;script&gt;alert(&quot;x&quot;) &amp; 'y'&lt;/script&gt;`},
		{"&amp;", "&amp;amp;"},
		{`back\slash *md* _x_`, `back\slash *md* _x_`},
	}
	for _, tt := range tests {
		if got := escapeHTML(tt.in); got != tt.want {
			t.Errorf("escapeHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRenderReply(t *testing.T) {
	tests := []struct {
		name  string
		reply bot.Reply
		want  string
	}{
		{"body only", bot.Reply{Body: "Hello <you>"}, "Hello &lt;you&gt;"},
		{"answer", bot.Reply{Body: "\"It takes 40 min.\" [1]", Citations: []bot.Citation{
			{Title: "Ketamine & you", Section: "Duration"},
			{Title: "Lidocaine", Section: "Lidocaine"},
			{Title: "", Source: "clinic.example"},
			{Title: "Multi\nline", Section: "  "},
		}, Handoff: "Ask your <provider>."},
			"&quot;It takes 40 min.&quot; [1]\n\n<b>Sources</b>\n1. Ketamine &amp; you — Duration\n2. Lidocaine\n3. clinic.example\n4. Multi line\n\n<i>Ask your &lt;provider&gt;.</i>"},
		{"empty", bot.Reply{}, escapeHTML(bot.DefaultUserError)},
		{"handoff only", bot.Reply{Handoff: "See a doctor"}, "<i>See a doctor</i>"},
	}
	for _, tt := range tests {
		got := renderReply(tt.reply)
		if got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		if err := checkBalanced(got); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	for in, want := range map[string]int{"": 0, "abc": 3, "é": 1, "💉": 2, "👩‍⚕️": 5, "\xff": 1} {
		if got := utf16.Len(in); got != want {
			t.Errorf("utf16.Len(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestSplitHTML(t *testing.T) {
	para := func(n int, word string) string { return strings.TrimSpace(strings.Repeat(word+" ", n)) }
	tests := []struct {
		name  string
		in    string
		limit int
		want  []string // nil: only check the invariants
	}{
		{"fits", "short <b>text</b>", 100, []string{"short <b>text</b>"}},
		{"empty", "  \n ", 100, []string{}},
		{"paragraphs", para(10, "aaaa") + "\n\n" + para(10, "bbbb") + "\n\n" + para(5, "cccc"), 80,
			[]string{para(10, "aaaa"), para(10, "bbbb") + "\n\n" + para(5, "cccc")}},
		{"prefers paragraph to line", para(6, "aaaa") + "\n\n" + para(6, "bbbb") + "\n" + para(6, "cccc"), 70,
			[]string{para(6, "aaaa"), para(6, "bbbb") + "\n" + para(6, "cccc")}},
		{"lines", para(10, "aaaa") + "\n" + para(10, "bbbb"), 64, []string{para(10, "aaaa"), para(10, "bbbb")}},
		{"words", para(30, "word"), 64, nil},
		{"one huge word", strings.Repeat("x", 300), 64, nil},
		{"emoji never halved", strings.Repeat("💉", 100), 64, nil},
		{"italic across the cut", "<i>" + para(30, "care") + "</i>", 64, nil},
		{"entities intact", strings.Repeat("&amp;&lt;", 60), 64, nil},
		{"sources list", "Body.\n\n<b>Sources</b>\n1. " + para(12, "Title") + "\n2. " + para(12, "Other") + "\n\n<i>handoff</i>", 90, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitHTML(tt.in, tt.limit)
			checkSplit(t, tt.in, got, tt.limit)
			if tt.want != nil {
				if len(got) != len(tt.want) {
					t.Fatalf("got %d parts %q, want %d %q", len(got), got, len(tt.want), tt.want)
				}
				for i := range got {
					if got[i] != tt.want[i] {
						t.Errorf("part %d = %q, want %q", i, got[i], tt.want[i])
					}
				}
			}
		})
	}
}

func TestSplitHTMLNeverInsideTagOrEntity(t *testing.T) {
	// Slide a tag and an entity across every cut position.
	for pad := 0; pad < 80; pad++ {
		in := strings.Repeat("a", pad) + "<b>bold</b>&amp;" + strings.Repeat("z", 80)
		checkSplit(t, in, splitHTML(in, 64), 64)
	}
}

// checkSplit verifies the splitter's promises: each part within limit
// UTF-16 units, balanced tags (when the input is), no text lost or
// reordered (white space at cuts aside), no empty part.
func checkSplit(t *testing.T, in string, parts []string, limit int) {
	t.Helper()
	if limit < 64 {
		limit = 64
	}
	balanced := checkBalanced(in) == nil
	for i, p := range parts {
		if n := utf16.Len(p); n > limit {
			t.Errorf("part %d has %d units > %d", i, n, limit)
		}
		if strings.TrimSpace(p) == "" {
			t.Errorf("part %d is empty", i)
		}
		if balanced {
			if err := checkBalanced(p); err != nil {
				t.Errorf("part %d: %v", i, err)
			}
		}
		if !utf8.ValidString(p) && utf8.ValidString(in) {
			t.Errorf("part %d is not valid UTF-8", i)
		}
	}
	if balanced {
		var joined strings.Builder
		for _, p := range parts {
			joined.WriteString(plainText(p))
		}
		if a, b := squash(plainText(in)), squash(joined.String()); a != b {
			t.Errorf("text changed by splitting:\n in %q\nout %q", short(a), short(b))
		}
	}
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

func FuzzSplitHTML(f *testing.F) {
	f.Add("How long does it take?", "Ketamine & you", "Duration", "Consult your provider.", 4096)
	f.Add(strings.Repeat("a <b>b</b> &amp; \n\n", 20), "t", "s", "h", 100)
	f.Add(strings.Repeat("💉", 100), "<i>", "</b>", strings.Repeat("x", 200), 80)
	f.Add("\xff\xfe<&>\"'", "&lt;", "&#x1F489;", "\n\n\n", 64)
	f.Fuzz(func(t *testing.T, body, title, section, handoff string, limit int) {
		if limit < 0 {
			limit = -limit
		}
		// Small limits exercise the cuts with small inputs (large inputs
		// make the fuzzer slow); the splitter's logic does not depend on it.
		if limit != 4096 {
			limit = 64 + limit%1024
		}
		html := renderReply(bot.Reply{Body: body, Citations: []bot.Citation{{Title: title, Section: section}}, Handoff: handoff})
		if err := checkBalanced(html); err != nil {
			t.Fatalf("renderReply: %v", err)
		}
		checkSplit(t, html, splitHTML(html, limit), limit)
		// Raw input must not crash or exceed the limit either.
		for _, p := range splitHTML(body, limit) {
			if utf16.Len(p) > limit {
				t.Fatalf("raw part of %d units > %d", utf16.Len(p), limit)
			}
		}
	})
}
