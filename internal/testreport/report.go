package main

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`). Build
// events carry ImportPath instead of Package.
type event struct {
	Action      string
	Package     string
	Test        string
	Elapsed     float64
	Output      string
	ImportPath  string
	FailedBuild string
}

// parseEvent reads one line of the stream. A line that is not a JSON
// object with an Action is no event (ok false): the caller prints it as
// it is, so that nothing go test says is lost.
func parseEvent(line []byte) (event, bool) {
	var e event
	if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
		return event{}, false
	}
	return e, true
}

// testKey names a test: the same name can run in two packages.
type testKey struct{ pkg, test string }

// A skip is a skipped test and the reason it gave.
type skip struct {
	Package, Test, Reason string
}

// report follows a `go test -json` stream: it prints what go test prints
// without -v (each package's result line, a failing test's output, build
// errors) as the events arrive, and remembers what passed, failed and
// was skipped for the summary.
type report struct {
	w io.Writer

	output map[testKey][]string // output of tests still running
	pkgOut map[string][]string  // package-level output (Test empty)
	build  map[string][]string  // build output by ImportPath

	passed, failed, skipped int
	skips                   []skip
	failures                []testKey
	pkgOK, pkgFailed        int
	pkgNoTests              int
}

func newReport(w io.Writer) *report {
	return &report{
		w:      w,
		output: map[testKey][]string{},
		pkgOut: map[string][]string{},
		build:  map[string][]string{},
	}
}

// Line takes one line of the stream, without its newline.
func (r *report) Line(line []byte) {
	e, ok := parseEvent(line)
	if !ok {
		fmt.Fprintf(r.w, "%s\n", line)
		return
	}
	r.event(e)
}

func (r *report) event(e event) {
	switch e.Action {
	case "build-output":
		r.build[e.ImportPath] = append(r.build[e.ImportPath], e.Output)
		return
	case "build-fail":
		r.print(r.build[e.ImportPath])
		delete(r.build, e.ImportPath)
		return
	}
	if e.Test == "" {
		r.packageEvent(e)
		return
	}
	k := testKey{e.Package, e.Test}
	switch e.Action {
	case "output":
		r.output[k] = append(r.output[k], e.Output)
	case "pass":
		r.passed++
		delete(r.output, k)
	case "fail":
		r.failed++
		r.failures = append(r.failures, k)
		r.print(withoutFraming(r.output[k]))
		delete(r.output, k)
	case "skip":
		r.skipped++
		r.skips = append(r.skips, skip{e.Package, e.Test, skipReason(r.output[k])})
		delete(r.output, k)
	}
}

func (r *report) packageEvent(e event) {
	switch e.Action {
	case "output":
		r.pkgOut[e.Package] = append(r.pkgOut[e.Package], e.Output)
		return
	case "pass":
		r.pkgOK++
	case "skip":
		r.pkgNoTests++
	case "fail":
		r.pkgFailed++
		// A test still running when its package failed (a timeout, a
		// panic elsewhere) never reports its own end: show what it said.
		var running []testKey
		for k := range r.output {
			if k.pkg == e.Package {
				running = append(running, k)
			}
		}
		slices.SortFunc(running, func(a, b testKey) int { return strings.Compare(a.test, b.test) })
		for _, k := range running {
			r.print(withoutFraming(r.output[k]))
			delete(r.output, k)
		}
	default:
		return
	}
	out := r.pkgOut[e.Package]
	delete(r.pkgOut, e.Package)
	if e.Action != "fail" {
		out = withoutFraming(out) // "PASS" alone says nothing the ok line does not
	}
	r.print(out)
}

func (r *report) print(lines []string) {
	for _, l := range lines {
		io.WriteString(r.w, l)
	}
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		io.WriteString(r.w, "\n")
	}
}

// Summary prints the skipped tests with their reasons, the failed tests,
// and the counts.
func (r *report) Summary() {
	fmt.Fprintln(r.w)
	if len(r.skips) == 0 {
		fmt.Fprintln(r.w, "skipped: none")
	}
	for _, s := range r.skips {
		fmt.Fprintf(r.w, "skipped: %s (%s): %s\n", s.Test, s.Package, s.Reason)
	}
	for _, f := range r.failures {
		fmt.Fprintf(r.w, "failed: %s (%s)\n", f.test, f.pkg)
	}
	fmt.Fprintf(r.w, "tests and subtests: %d passed, %d failed, %d skipped; packages: %d ok, %d failed, %d without tests\n",
		r.passed, r.failed, r.skipped, r.pkgOK, r.pkgFailed, r.pkgNoTests)
}

// framing matches the lines test2json frames a test's output with, and
// the bare PASS/FAIL a test binary ends with.
var framing = regexp.MustCompile(`^(=== (RUN|PAUSE|CONT|NAME)\s|PASS\n?$)`)

func withoutFraming(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !framing.MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

// logEntry matches the first line of a t.Log / t.Skip message:
// "    file_test.go:41: message". Its further lines are indented deeper.
var logEntry = regexp.MustCompile(`^\s+[^\s:]+\.go:\d+: ?(.*)$`)

// skipReason is the last message a skipped test logged: t.Skip's own,
// since a test ends when it skips. Lines of a message of several lines
// are joined with " / ".
func skipReason(lines []string) string {
	var last []string
	for _, l := range withoutFraming(lines) {
		l = strings.TrimRight(l, "\r\n")
		if strings.HasPrefix(l, "--- SKIP") {
			continue
		}
		if m := logEntry.FindStringSubmatch(l); m != nil {
			last = []string{strings.TrimSpace(m[1])}
		} else if last != nil {
			if s := strings.TrimSpace(l); s != "" {
				last = append(last, s)
			}
		}
	}
	if reason := strings.Join(last, " / "); reason != "" {
		return reason
	}
	return "(no reason given)"
}
