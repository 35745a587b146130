package main

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// feed runs a stream through a report and returns what it printed.
func feed(t *testing.T, stream string) (*report, string) {
	t.Helper()
	var out bytes.Buffer
	r := newReport(&out)
	if err := readLines(strings.NewReader(stream), r.Line); err != nil {
		t.Fatal(err)
	}
	r.Summary()
	return r, out.String()
}

// TestSampleStream reads a real `go test -json ./...` transcript
// (testdata/sample.jsonl: a package with passing, skipped, failing and
// parallel subtests, one passing, one without tests, one that does not
// build, one that panics) and checks what a user reads at the end.
func TestSampleStream(t *testing.T) {
	b, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r, out := feed(t, string(b))

	wantSkips := []skip{
		{"example.com/fix/a", "TestSkip", "python3 not found"},
		{"example.com/fix/a", "TestSkipMulti", "cannot mount here: mount: permission denied / second line"},
		{"example.com/fix/a", "TestSub/one", "sub skipped"},
	}
	if !slices.Equal(r.skips, wantSkips) {
		t.Errorf("skips:\n got %q\nwant %q", r.skips, wantSkips)
	}
	for _, want := range []string{
		"skipped: TestSkip (example.com/fix/a): python3 not found\n",
		"skipped: TestSub/one (example.com/fix/a): sub skipped\n",
		"failed: TestFail (example.com/fix/a)\n",
		"failed: TestSub/two (example.com/fix/a)\n",
		"failed: TestPanics (example.com/fix/e)\n",
		"tests and subtests: 2 passed, 4 failed, 3 skipped; packages: 1 ok, 3 failed, 1 without tests\n",
		// Failures' output, as go test prints it without -v.
		"    a_test.go:12: got 1, want 2\n--- FAIL: TestFail (0.00s)\n",
		"    a_test.go:16: sub failed\n--- FAIL: TestSub/two (0.00s)\n",
		"panic: assignment to entry in nil map",
		"/src/fix/e/e_test.go:8 +0x54\n",
		// Build errors, and every package's result line.
		"d/d_test.go:5:33: undefined: undefined\n",
		"FAIL\texample.com/fix/d [build failed]\n",
		"ok  \texample.com/fix/b\t(cached)\n",
		"?   \texample.com/fix/c\t[no test files]\n",
		"FAIL\texample.com/fix/a\t0.014s\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// A passing or skipped test's log is not shown (as without -v), and
	// test2json's framing lines never are.
	for _, unwanted := range []string{"a_test.go:5: fine", "=== RUN", "=== CONT", "looking for python3", "--- PASS"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("output has %q:\n%s", unwanted, out)
		}
	}
	if !strings.HasSuffix(out, "without tests\n") {
		t.Errorf("the counts are not the last line:\n%s", out)
	}
}

func TestSkipReason(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"t.Skip", []string{"=== RUN   TestX\n", "    x_test.go:41: python3 not found\n", "--- SKIP: TestX (0.00s)\n"}, "python3 not found"},
		{"the last message is the skip's", []string{"    x_test.go:7: looking\n", "    x_test.go:8: not root\n", "--- SKIP: TestX (0.00s)\n"}, "not root"},
		{"a message of several lines", []string{"    x_test.go:9: cannot mount here: mount: denied\n", "        try as root\n", "\n", "--- SKIP: TestX (0.00s)\n"}, "cannot mount here: mount: denied / try as root"},
		{"a subtest, after a pause", []string{"=== RUN   TestX/a\n", "=== PAUSE TestX/a\n", "=== CONT  TestX/a\n", "    x_test.go:3: no terminal\n", "--- SKIP: TestX/a (0.00s)\n"}, "no terminal"},
		{"t.SkipNow", []string{"=== RUN   TestX\n", "--- SKIP: TestX (0.00s)\n"}, "(no reason given)"},
		{"no output at all", nil, "(no reason given)"},
		{"an empty message", []string{"    x_test.go:3: \n", "--- SKIP: TestX (0.00s)\n"}, "(no reason given)"},
		{"a colon in the message", []string{"    x_test.go:18: no /usr/share/dict/american-english: not installed\n"}, "no /usr/share/dict/american-english: not installed"},
		{"CRLF", []string{"    x_test.go:18: short mode\r\n"}, "short mode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := skipReason(tc.lines); got != tc.want {
				t.Errorf("skipReason(%q) = %q, want %q", tc.lines, got, tc.want)
			}
		})
	}
}

func TestStreams(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stream string
		want   []string // in the output, in this order
		counts [3]int   // passed, failed, skipped
	}{
		{
			name: "a line that is no event is printed as it is",
			stream: "go: downloading example.com/m v1.0.0\n" +
				`{"Action":"pass","Package":"p","Test":"TestA"}` + "\n" +
				"{not json\n" + `{"Package":"p"}` + "\n",
			want:   []string{"go: downloading example.com/m v1.0.0\n", "{not json\n", "{\"Package\":\"p\"}\n", "skipped: none\n"},
			counts: [3]int{1, 0, 0},
		},
		{
			name: "the same test name in two packages",
			stream: `{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:1: in p\n"}` + "\n" +
				`{"Action":"output","Package":"q","Test":"TestA","Output":"    a_test.go:1: in q\n"}` + "\n" +
				`{"Action":"skip","Package":"q","Test":"TestA"}` + "\n" +
				`{"Action":"skip","Package":"p","Test":"TestA"}` + "\n",
			want:   []string{"skipped: TestA (q): in q\n", "skipped: TestA (p): in p\n"},
			counts: [3]int{0, 0, 2},
		},
		{
			name: "a test still running when its package fails (timeout) shows its output",
			stream: `{"Action":"run","Package":"p","Test":"TestSlow"}` + "\n" +
				`{"Action":"output","Package":"p","Test":"TestSlow","Output":"    slow_test.go:4: waiting\n"}` + "\n" +
				`{"Action":"output","Package":"p","Output":"panic: test timed out after 1s\n"}` + "\n" +
				`{"Action":"fail","Package":"p","Elapsed":1}` + "\n",
			want:   []string{"    slow_test.go:4: waiting\n", "panic: test timed out after 1s\n", "packages: 0 ok, 1 failed"},
			counts: [3]int{0, 0, 0},
		},
		{
			name: "a passing package prints its ok line only",
			stream: `{"Action":"output","Package":"p","Output":"PASS\n"}` + "\n" +
				`{"Action":"output","Package":"p","Output":"ok  \tp\t0.1s\n"}` + "\n" +
				`{"Action":"pass","Package":"p","Elapsed":0.1}` + "\n",
			want: []string{"ok  \tp\t0.1s\n\nskipped: none\n"},
		},
		{
			name: "output without a newline is ended with one",
			stream: `{"Action":"output","Package":"p","Test":"TestA","Output":"partial"}` + "\n" +
				`{"Action":"fail","Package":"p","Test":"TestA"}` + "\n",
			want:   []string{"partial\n", "failed: TestA (p)\n"},
			counts: [3]int{0, 1, 0},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, out := feed(t, tc.stream)
			rest := out
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in this order):\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			if got := [3]int{r.passed, r.failed, r.skipped}; got != tc.counts {
				t.Errorf("passed, failed, skipped = %v, want %v", got, tc.counts)
			}
		})
	}
}

func TestGoTestArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "test -race -json ./..."},
		{[]string{"-short"}, "test -race -json -short ./..."},
		{[]string{"-run", "TestX/sub"}, "test -race -json -run TestX/sub ./..."},
		{[]string{"./bot/...", "-count=1"}, "test -race -json ./bot/... -count=1"},
		{[]string{"-run", "Scorer", "./cmd/infusionbot"}, "test -race -json -run Scorer ./cmd/infusionbot"},
	} {
		if got := strings.Join(goTestArgs(tc.args), " "); got != tc.want {
			t.Errorf("goTestArgs(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
