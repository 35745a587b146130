package main

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/infusionbot/infusionbot/bot/repl"
)

// openPTY opens a pseudo-terminal: the master end a test types on, the
// slave end the REPL sees as its terminal.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	ioctl := func(req uintptr, arg *uint32) error {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), req, uintptr(unsafe.Pointer(arg))); e != 0 {
			return e
		}
		return nil
	}
	var unlock, n uint32
	if err := ioctl(syscall.TIOCSPTLCK, &unlock); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	if err := ioctl(syscall.TIOCGPTN, &n); err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the pseudo-terminal's slave: %v", err)
	}
	t.Cleanup(func() { slave.Close() })
	return master, slave
}

// TestREPLTerminalCtrlC: on a real terminal, Ctrl-C drops the line being
// typed (the next line is answered on its own) and, on an empty line,
// quits; the banner says so, and /help lists /quit.
func TestREPLTerminalCtrlC(t *testing.T) {
	master, slave := openPTY(t)
	output := make(chan string, 64)
	go func() {
		defer close(output)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				output <- string(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	var seen strings.Builder
	waitFor := func(want string) {
		t.Helper()
		deadline := time.After(time.Minute) // a guard against hanging, not a timing assumption
		for !strings.Contains(seen.String(), want) {
			select {
			case s, ok := <-output:
				if !ok {
					t.Fatalf("the terminal closed before %q appeared:\n%s", want, seen.String())
				}
				seen.WriteString(s)
			case <-deadline:
				t.Fatalf("%q never appeared on the terminal:\n%s", want, seen.String())
			}
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"repl"}, func(string) string { return "" }, slave, slave, &stderr) }()

	// The banner is written once the terminal is in raw mode; keys typed
	// before that would meet the kernel's line editing instead.
	waitFor("Ctrl-C clears the line")
	if _, err := master.WriteString("what is ketamine\x03/help\r"); err != nil {
		t.Fatal(err)
	}
	waitFor(repl.Help)
	if _, err := master.WriteString("\x03"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("repl: %v (%s)", err, stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatalf("Ctrl-C on an empty line did not quit:\n%s", seen.String())
	}
	if strings.Contains(seen.String(), "Sources:") {
		t.Errorf("the line cleared with Ctrl-C was answered:\n%s", seen.String())
	}
	if !strings.Contains(seen.String(), "/sources lists the articles") {
		t.Errorf("/help did not show the core's help:\n%s", seen.String())
	}
}
