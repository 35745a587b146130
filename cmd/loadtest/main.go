// Command loadtest measures POST /v1/messages of an infusionbot server on
// loopback: answers per second, latency percentiles, errors and the
// server's resident memory.
//
//	go build -o /tmp/infusionbot ./cmd/infusionbot
//	go run ./cmd/loadtest -bin /tmp/infusionbot            # starts and stops the server itself
//	go run ./cmd/loadtest -url http://127.0.0.1:8080 -pid 1234   # a running server
//
// It only talks to loopback addresses and is bounded by -n requests and
// -duration, whichever comes first. With -bin the server runs with
// RATE_LIMIT=0 and CLIENT_RATE_LIMIT=0 (the HTTP limits would otherwise be the figure
// measured); every request uses a new user id so the per-user flood limit
// does not apply either. The target is ≥ 2,000 answers/s on 2 cores with a
// p99 ≤ 20 ms.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// questions are the kind of messages patients send; the server answers them
// from its articles, so these exercise the whole path (rules, search, answer).
var questions = []string{
	"How long does a ketamine infusion take?",
	"What is IV lidocaine used for?",
	"What are the side effects of ketamine infusions?",
	"Is lidocaine infusion safe?",
	"How many infusion sessions will I need?",
	"What is the difference between lidocaine and ketamine?",
	"Can infusion therapy help with fibromyalgia?",
	"Does insurance cover IV therapy for chronic pain?",
	"How soon will I feel relief after an infusion?",
	"Can I drive home after a ketamine infusion?",
	"What conditions does infusion therapy treat?",
	"hello",
	"how do I book an appointment?",
	"thanks!",
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		bin      = flag.String("bin", "", "infusionbot binary to start with `serve` on a free loopback port")
		base     = flag.String("url", "", "base URL of a running server on loopback (instead of -bin)")
		pid      = flag.Int("pid", 0, "with -url: the server's process id, to read its memory")
		token    = flag.String("token", "", "API token of the server (-url), sent as a bearer token")
		n        = flag.Int("n", 20000, "requests to send (after warm-up)")
		conc     = flag.Int("c", 2*runtime.NumCPU(), "concurrent clients")
		maxDur   = flag.Duration("duration", 30*time.Second, "stop after this long even if -n is not reached")
		warmup   = flag.Int("warmup", 500, "requests sent first and not measured")
		startMax = flag.Duration("start-timeout", 60*time.Second, "with -bin: how long the server may take to get ready")
	)
	flag.Parse()
	if (*bin == "") == (*base == "") {
		return errors.New("give either -bin PATH (start a server) or -url URL (a running one)")
	}
	if *n < 1 || *conc < 1 {
		return errors.New("-n and -c must be at least 1")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	serverPID := *pid
	if *bin != "" {
		srv, err := startServer(ctx, *bin, *startMax)
		if err != nil {
			return err
		}
		defer srv.stop()
		*base, serverPID = srv.base, srv.cmd.Process.Pid
	}
	if err := loopbackOnly(*base); err != nil {
		return err
	}

	client := &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns: *conc, MaxIdleConnsPerHost: *conc, IdleConnTimeout: 30 * time.Second,
			DialContext: (&net.Dialer{Timeout: 2 * time.Second}).DialContext,
		},
	}
	endpoint := strings.TrimRight(*base, "/") + "/v1/messages"

	var seq atomic.Int64
	if *warmup > 0 {
		fmt.Printf("warm-up: %d requests\n", *warmup)
		load(ctx, client, endpoint, *token, *warmup, *conc, *maxDur, &seq)
	}
	rssBefore := readStatus(serverPID, "VmRSS")
	fmt.Printf("load: %d requests, %d clients, at most %s, against %s\n", *n, *conc, *maxDur, endpoint)
	res := load(ctx, client, endpoint, *token, *n, *conc, *maxDur, &seq)
	res.print(os.Stdout)
	if serverPID > 0 {
		fmt.Printf("server RSS: %s before, %s after, peak %s (pid %d)\n",
			rssBefore, readStatus(serverPID, "VmRSS"), readStatus(serverPID, "VmHWM"), serverPID)
	}
	fmt.Printf("client: GOMAXPROCS=%d, %d CPUs\n", runtime.GOMAXPROCS(0), runtime.NumCPU())
	if res.errors > 0 {
		return fmt.Errorf("%d requests failed", res.errors)
	}
	return nil
}

type result struct {
	sent, ok, errors int
	answered         int
	intents          map[string]int
	firstErr         string
	lat              []time.Duration
	elapsed          time.Duration
}

// load sends n requests from conc clients and measures them.
func load(ctx context.Context, client *http.Client, endpoint, token string, n, conc int, maxDur time.Duration, seq *atomic.Int64) result {
	ctx, cancel := context.WithTimeout(ctx, maxDur)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	res := result{intents: map[string]int{}, lat: make([]time.Duration, 0, n)}
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := result{intents: map[string]int{}}
			for ctx.Err() == nil && next.Add(1) <= int64(n) {
				id := seq.Add(1)
				body, _ := json.Marshal(map[string]string{
					"user": "load-" + strconv.FormatInt(id, 10),
					"text": questions[id%int64(len(questions))],
				})
				t0 := time.Now()
				intent, answered, err := post(ctx, client, endpoint, token, body)
				d := time.Since(t0)
				local.sent++
				if err != nil {
					if ctx.Err() != nil {
						local.sent--
						break
					}
					local.errors++
					if local.firstErr == "" {
						local.firstErr = err.Error()
					}
					continue
				}
				local.ok++
				local.lat = append(local.lat, d)
				local.intents[intent]++
				if answered {
					local.answered++
				}
			}
			mu.Lock()
			res.sent += local.sent
			res.ok += local.ok
			res.errors += local.errors
			res.answered += local.answered
			res.lat = append(res.lat, local.lat...)
			for k, v := range local.intents {
				res.intents[k] += v
			}
			if res.firstErr == "" {
				res.firstErr = local.firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

func post(ctx context.Context, client *http.Client, endpoint, token string, body []byte) (intent string, answered bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return "", false, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", false, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", false, err
	}
	if resp.StatusCode != http.StatusOK {
		return "", false, fmt.Errorf("status %d: %.200s", resp.StatusCode, b)
	}
	var r struct {
		Intent   string `json:"intent"`
		Answered bool   `json:"answered"`
	}
	if err := json.Unmarshal(b, &r); err != nil || r.Intent == "" {
		return "", false, fmt.Errorf("reply is not the protocol's object: %.200s", b)
	}
	return r.Intent, r.Answered, nil
}

func (r result) print(w io.Writer) {
	sort.Slice(r.lat, func(i, j int) bool { return r.lat[i] < r.lat[j] })
	pct := func(p float64) time.Duration {
		if len(r.lat) == 0 {
			return 0
		}
		i := int(p*float64(len(r.lat))+0.5) - 1
		return r.lat[max(0, min(i, len(r.lat)-1))]
	}
	rate := float64(r.ok) / r.elapsed.Seconds()
	fmt.Fprintf(w, "answers/s: %.0f  (%d ok in %s)\n", rate, r.ok, r.elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "latency: p50 %s  p90 %s  p99 %s  max %s\n",
		ms(pct(.50)), ms(pct(.90)), ms(pct(.99)), ms(pct(1)))
	fmt.Fprintf(w, "errors: %d of %d", r.errors, r.sent)
	if r.firstErr != "" {
		fmt.Fprintf(w, "  (first: %s)", r.firstErr)
	}
	fmt.Fprintln(w)
	keys := make([]string, 0, len(r.intents))
	for k := range r.intents {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, r.intents[k]))
	}
	fmt.Fprintf(w, "intents: %s; answered with citations: %d\n", strings.Join(parts, ", "), r.answered)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

// loopbackOnly refuses any target that is not a loopback address.
func loopbackOnly(base string) error {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return fmt.Errorf("-url %q is not a URL", base)
	}
	host := u.Hostname()
	ips, err := net.LookupIP(host)
	if err != nil || len(ips) == 0 {
		return fmt.Errorf("-url host %q: %v", host, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("-url host %q is not loopback: loadtest only runs against this machine", host)
		}
	}
	return nil
}

// readStatus returns a field of /proc/PID/status ("VmRSS") as given there.
func readStatus(pid int, field string) string {
	if pid <= 0 {
		return "?"
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && k == field {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "?"
}

type server struct {
	cmd    *exec.Cmd
	base   string
	logs   *bytes.Buffer
	exited chan struct{}
}

// startServer runs `bin serve` on a free loopback port and waits for /readyz.
func startServer(ctx context.Context, bin string, timeout time.Duration) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "--addr", addr)
	cmd.Env = append(os.Environ(), "RATE_LIMIT=0", "CLIENT_RATE_LIMIT=0", "LOG_LEVEL=warn", "API_TOKEN=", "DISCORD_BOT_TOKEN=", "TELEGRAM_BOT_TOKEN=", "TELEGRAM_TOKEN=")
	logs := new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s := &server{cmd: cmd, base: "http://" + addr, logs: logs, exited: exited}
	deadline := time.Now().Add(timeout)
	for {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				fmt.Printf("server: pid %d on %s, ready after startup\n", cmd.Process.Pid, addr)
				return s, nil
			}
		}
		select {
		case <-exited:
			return nil, fmt.Errorf("server exited before it was ready:\n%s", logs)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("server not ready within %s:\n%s", timeout, logs)
		}
	}
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
	}
}
