package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// waitHealthy waits until base answers /healthz or runServe returns.
func waitHealthy(t *testing.T, base string, done <-chan error, logs *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		select {
		case err := <-done:
			t.Fatalf("runServe returned before serving: %v\n%s", err, logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no /healthz within 30 s\n%s", logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// On SIGTERM the server first reports not ready while it still answers
// (the drain, here held open by the test), and only then stops.
func TestServeShutdownDrainsBeforeClosing(t *testing.T) {
	entered, release := make(chan time.Duration, 1), make(chan struct{})
	drainWait = func(d time.Duration) { entered <- d; <-release }
	defer func() { drainWait = func(d time.Duration) { time.Sleep(d) } }()

	addr := freeAddr(t)
	base := "http://" + addr
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, []string{"--addr", addr}, envOf(map[string]string{"SHUTDOWN_DRAIN": "7s", "RATE_LIMIT": "0"}), strings.NewReader(""), io.Discard, logs)
	}()
	waitHealthy(t, base, done, logs)

	cancel() // SIGTERM
	if d := <-entered; d != 7*time.Second {
		t.Errorf("drain of %v, want SHUTDOWN_DRAIN's 7s", d)
	}
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatalf("/readyz during the drain: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "shutting down") {
		t.Errorf("/readyz during the drain: %d %s, want 503 shutting down", resp.StatusCode, body)
	}
	resp, err = http.Post(base+"/v1/messages", "application/json", strings.NewReader(`{"user":"u","text":"How long does a ketamine infusion take?"}`))
	if err != nil {
		t.Fatalf("a message during the drain: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !resp.Close {
		t.Errorf("a message during the drain: %d, connection close %v; want 200 and the connection closed", resp.StatusCode, resp.Close)
	}
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("runServe after a clean shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("runServe did not return after the drain")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the listener still accepts after the shutdown")
	}
}

// A request cut off at the shutdown timeout makes serve fail (exit 1).
func TestServeShutdownCuttingWorkOffFails(t *testing.T) {
	addr := freeAddr(t)
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, []string{"--addr", addr}, envOf(map[string]string{"SHUTDOWN_DRAIN": "0", "SHUTDOWN_TIMEOUT": "1"}), strings.NewReader(""), io.Discard, logs)
	}()
	waitHealthy(t, "http://"+addr, done, logs)

	// A request whose body never comes: in flight until the shutdown cuts
	// it. The server's "100 Continue" says the handler is reading the body.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n")
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(line, "100 Continue") {
		t.Fatalf("no 100 Continue for the request: %q %v", line, err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, errCutOff) {
			t.Fatalf("runServe after cutting a request off: %v, want errCutOff\n%s", err, logs)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("runServe did not return after its shutdown timeout")
	}
}

// The first SIGTERM starts the graceful shutdown; a second exits at once.
func TestSecondSignalExitsAtOnce(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	cancelled, exited := make(chan struct{}), make(chan struct{})
	go onSignals(sigs, func() { close(cancelled) }, func() { close(exited) })
	sigs <- syscall.SIGTERM
	<-cancelled
	select {
	case <-exited:
		t.Fatal("exited at the first signal")
	default:
	}
	sigs <- syscall.SIGINT
	<-exited
}
