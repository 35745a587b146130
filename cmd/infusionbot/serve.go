package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/discord"
	"github.com/infusionbot/infusionbot/bot/httpapi"
	"github.com/infusionbot/infusionbot/bot/telegram"
	"github.com/infusionbot/infusionbot/internal/config"
	"github.com/infusionbot/infusionbot/internal/logging"
	"github.com/infusionbot/infusionbot/internal/metrics"
)

const serveUsage = `usage: infusionbot serve [--addr HOST:PORT] [--knowledge DIR] [--index DIR] [--config FILE]
       infusionbot serve --check      validate the configuration and knowledge, exit 0/1
       infusionbot serve --probe URL  exit 0 when URL answers 200 (container HEALTHCHECK);
                                      a bare path (/healthz) means this server's port on loopback

Runs the HTTP API and every chat adapter whose token is set. Settings come from
the environment (see docs/operations.md): HTTP_ADDR, METRICS_ADDR, API_TOKEN, SHUTDOWN_TIMEOUT, SHUTDOWN_DRAIN,
RATE_LIMIT, RATE_BURST, CLIENT_RATE_LIMIT, CLIENT_RATE_BURST, TRUSTED_PROXIES, MAX_BODY_BYTES, TRANSCRIPT, LOG_LEVEL, LOG_FORMAT,
LOG_ID_SALT, the CLINIC_* details, and each adapter's token variables.
SIGHUP reloads the knowledge; SIGTERM or SIGINT stop it gracefully.

flags:
`

// runServe is `infusionbot serve`.
//
// An adapter that stops with an error (a rejected token, say) is logged and
// makes /readyz fail, but the process keeps serving the HTTP API and the
// other adapters: a clinic would rather keep the channels that work. Only a
// failure of the HTTP listener itself ends the process with an error.
func runServe(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, serveUsage); fs.PrintDefaults() }
	var ecfg engineConfig
	ecfg.register(fs)
	scfg, envErr := config.LoadServe(getenv)
	envAddr := scfg.Addr
	scfg.RegisterFlags(fs)
	check := fs.Bool("check", false, "validate clinic details, settings, adapter configuration and knowledge, then exit 0 (all good) or 1")
	probe := fs.String("probe", "", "GET `URL` (or a path on this server's loopback port) and exit 0 if it answers 200, for a container HEALTHCHECK")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "infusionbot serve: unexpected argument %q\n", pos[0])
		fs.Usage()
		return errUsageShown
	}
	if *probe != "" {
		return runProbe(ctx, probeURL(*probe, scfg.Addr))
	}
	ecfg.Getenv = getenv
	warnings := settingWarnings(scfg, envAddr, getenv)
	if *check {
		return runCheck(ctx, ecfg, scfg, envErr, warnings, getenv, stdout)
	}
	if err := errors.Join(envErr, scfg.Validate()); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	adapters, adapterErr := configureAdapters(getenv)
	if adapterErr != nil {
		return fmt.Errorf("serve: %w", adapterErr)
	}
	logger, err := logging.New(stderr, getenv, logging.Options{Secrets: secretsOf(scfg, adapters, getenv)})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ecfg.Logger = logger
	for _, w := range warnings {
		logger.Warn(w)
	}
	// The garbage collector is tuned once the knowledge is loaded (serve,
	// and after each reload), from the heap it holds.
	ecfg.OnReload = func() { tuneGC(getenv) }
	return serve(ctx, ecfg, scfg, adapters, logger)
}

// adapterSpec is one configured chat adapter, not yet started.
type adapterSpec struct {
	platform string
	secrets  []string // never logged
	// start makes the adapter with the logger, monitor and shutdown timeout;
	// it returns the function that runs it, and for a webhook adapter the
	// HTTP handler and the path to mount it at.
	start func(logger *slog.Logger, mon bot.Monitor, shutdown time.Duration, desk *deskHooks) (run func(context.Context, bot.Handler) error, hook http.Handler, hookPath string, err error)
}

// configureAdapters reads every adapter's configuration from the environment
// and returns those whose token is set.
func configureAdapters(getenv func(string) string) ([]adapterSpec, error) {
	var specs []adapterSpec
	var errs []error

	tcfg, on, err := telegram.ConfigFromEnv(getenv)
	if hook := strings.TrimSpace(getenv(telegram.EnvWebhookURL)); on && hook != "" {
		err = errors.Join(err, checkWebhookPath(hook))
	}
	if err != nil {
		errs = append(errs, err)
	} else if on {
		specs = append(specs, adapterSpec{platform: "telegram", secrets: []string{tcfg.Token, tcfg.WebhookSecret},
			start: func(logger *slog.Logger, mon bot.Monitor, shutdown time.Duration, desk *deskHooks) (func(context.Context, bot.Handler) error, http.Handler, string, error) {
				tcfg.Logger, tcfg.Monitor, tcfg.ShutdownTimeout, tcfg.Rater = logger, mon, shutdown, desk.rater
				a, err := telegram.New(tcfg)
				if err != nil {
					return nil, nil, "", err
				}
				desk.attach(a)
				if a.Webhook() {
					return a.Run, a.WebhookHandler(), a.WebhookPath(), nil
				}
				return a.Run, nil, "", nil
			}})
	}

	dcfg, on, err := discord.ConfigFromEnv(getenv)
	if err != nil {
		errs = append(errs, err)
	} else if on {
		specs = append(specs, adapterSpec{platform: "discord", secrets: []string{dcfg.Token},
			start: func(logger *slog.Logger, mon bot.Monitor, shutdown time.Duration, desk *deskHooks) (func(context.Context, bot.Handler) error, http.Handler, string, error) {
				dcfg.Logger, dcfg.Monitor, dcfg.ShutdownTimeout, dcfg.Rater = logger, mon, shutdown, desk.rater
				a, err := discord.New(dcfg)
				if err != nil {
					return nil, nil, "", err
				}
				desk.attach(a)
				return a.Run, nil, "", nil
			}})
	}
	return specs, errors.Join(errs...)
}

// reservedPaths are the HTTP API's own; a webhook may not take them.
var reservedPaths = map[string]bool{"/": true, "/healthz": true, "/readyz": true, "/metrics": true, "/v1/messages": true, "/admin/reload": true,
	"/admin/review": true, "/admin/review/summary": true, "/admin/review/link": true, "/admin/review/dismiss": true}

// checkWebhookPath reports whether the HTTP server can serve a webhook at
// the path of webhookURL: the path must not be one of the API's own, and
// the server's mux must accept it as a pattern and route the URL itself to
// it (a "{" or a space in the path would make a pattern of another meaning,
// or none).
func checkWebhookPath(webhookURL string) (err error) {
	u, perr := url.Parse(webhookURL)
	if perr != nil {
		return nil // telegram.ConfigFromEnv reports a URL that does not parse
	}
	if reservedPaths[u.Path] {
		return fmt.Errorf("telegram: %s: the path %q is the HTTP API's own; choose another path, such as /telegram/webhook", telegram.EnvWebhookURL, u.Path)
	}
	unservable := fmt.Errorf("telegram: %s: the path %q cannot be served as written; use letters, digits, '-', '_' and '/'", telegram.EnvWebhookURL, u.Path)
	defer func() {
		if r := recover(); r != nil {
			err = unservable
		}
	}()
	mux := http.NewServeMux()
	mux.Handle("/", http.NotFoundHandler())
	mux.Handle(u.Path, http.NotFoundHandler())
	req, rerr := http.NewRequest(http.MethodPost, webhookURL, nil)
	if rerr != nil {
		return unservable
	}
	if _, pattern := mux.Handler(req); pattern != u.Path {
		return unservable
	}
	return nil
}

// settingWarnings lists settings serve runs with but that are likely
// mistakes; serve logs them and --check shows them.
func settingWarnings(scfg config.Serve, envAddr string, getenv func(string) string) []string {
	var w []string
	if strings.TrimSpace(getenv("HTTP_ADDR")) != "" && scfg.Addr != envAddr {
		w = append(w, fmt.Sprintf("--addr %s differs from HTTP_ADDR %s: a health check run as a process of its own (the image's HEALTHCHECK, serve --probe /healthz) sees HTTP_ADDR only and probes the wrong port; set HTTP_ADDR instead of --addr", scfg.Addr, envAddr))
	}
	if scfg.APIToken == "" {
		w = append(w, "API_TOKEN is not set: POST /v1/messages answers anyone who can reach "+scfg.Addr+", and the /admin endpoints are off; set it unless only trusted callers can reach that address")
	}
	return w
}

// secretsOf lists every value the log must never show.
func secretsOf(scfg config.Serve, adapters []adapterSpec, getenv func(string) string) []string {
	s := []string{scfg.APIToken, getenv("LOG_ID_SALT")}
	for _, a := range adapters {
		s = append(s, a.secrets...)
	}
	return s
}

// status tracks what /readyz reports: each started adapter's connection and
// whether it stopped, and whether the server is shutting down. It is the
// adapters' bot.Monitor, passing everything on to the metrics.
type status struct {
	bot.Monitor // the metrics registry
	mu          sync.Mutex
	connected   map[string]bool
	stopped     map[string]bool
	draining    bool
	cutoff      bool // an adapter cut replies off at the shutdown timeout
}

func newStatus(m bot.Monitor) *status {
	return &status{Monitor: m, connected: map[string]bool{}, stopped: map[string]bool{}}
}

func (s *status) Connected(platform string, up bool) {
	s.mu.Lock()
	s.connected[platform] = up
	s.mu.Unlock()
	s.Monitor.Connected(platform, up)
}

func (s *status) started(platform string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.connected[platform]; !ok {
		s.connected[platform] = false
	}
}

func (s *status) stop(platform string) {
	s.mu.Lock()
	s.stopped[platform] = true
	s.mu.Unlock()
	s.Monitor.Connected(platform, false)
}

func (s *status) cut() {
	s.mu.Lock()
	s.cutoff = true
	s.mu.Unlock()
}

func (s *status) cutOff() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cutoff
}

func (s *status) drain() {
	s.mu.Lock()
	s.draining = true
	s.mu.Unlock()
}

// problems lists what is not ready, for /readyz.
func (s *status) problems(engineReady bool) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var p []string
	if s.draining {
		p = append(p, "server: shutting down")
	}
	if !engineReady {
		p = append(p, "engine: no knowledge index loaded")
	}
	names := make([]string, 0, len(s.connected))
	for n := range s.connected {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		switch {
		case s.stopped[n]:
			p = append(p, n+": stopped with an error (see the log)")
		case !s.connected[n]:
			p = append(p, n+": not connected")
		}
	}
	return p
}

// serve runs the engine, the HTTP server and the adapters until ctx is done.
func serve(ctx context.Context, ecfg engineConfig, scfg config.Serve, adapters []adapterSpec, logger *slog.Logger) error {
	reg := metrics.NewRegistry()
	st := newStatus(reg)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	// Listen first, so a taken port fails at once, before the index is built.
	ln, err := net.Listen("tcp", scfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: HTTP_ADDR/--addr: %w", err)
	}
	defer ln.Close()
	var metricsLn net.Listener
	if scfg.MetricsAddr != "" {
		if metricsLn, err = net.Listen("tcp", scfg.MetricsAddr); err != nil {
			return fmt.Errorf("serve: METRICS_ADDR: %w", err)
		}
		defer metricsLn.Close()
	}

	eng, err := openEngine(ctx, ecfg)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer eng.Close()
	if ecfg.OnReload != nil {
		ecfg.OnReload()
	}

	desk, err := newDeskHooks(ecfg, eng, logger)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	handler := bot.Chain(eng.Handler(), metrics.Middleware(reg), logging.Transcript(logger, scfg.Transcript), desk.middleware)
	api := httpapi.New(httpapi.Config{
		Handler:         handler,
		Token:           scfg.APIToken,
		MaxBodyBytes:    scfg.MaxBodyBytes,
		RateLimit:       scfg.RateLimit,
		RateBurst:       scfg.Burst(),
		ClientRateLimit: scfg.ClientRateLimit,
		ClientRateBurst: scfg.ClientBurst(),
		TrustedProxies:  scfg.TrustedProxies,
		Ready:           func() []string { return st.problems(eng.Ready()) },
		Warnings:        eng.Warnings,
		Reloader:        eng,
		Review:          &reviewService{eng: eng, retention: retentionOf(ecfg.Getenv)},
		Observer:        reg,
		Logger:          logger.With("component", "httpapi"),
	})
	mux := http.NewServeMux()
	mux.Handle("/", api)
	if metricsLn != nil {
		defer serveMetrics(metricsLn, newStoreMetrics(reg, eng, retentionOf(ecfg.Getenv)), logger).Close()
	}

	// Start the adapters. Their Run returns when adapterCtx is done (after
	// the drain delay), after finishing their replies in flight.
	adapterCtx, adapterCancel := context.WithCancel(context.WithoutCancel(ctx))
	defer adapterCancel()
	var wg sync.WaitGroup
	var names []string
	for _, a := range adapters {
		alog := logger.With("adapter", a.platform)
		run, hook, hookPath, err := a.start(alog, st, scfg.ShutdownTimeout, desk)
		if err == nil && hook != nil && (hookPath == "" || reservedPaths[hookPath]) {
			err = fmt.Errorf("webhook path %q is taken by the HTTP API; choose another path in the webhook URL", hookPath)
		}
		if err != nil {
			alog.Error("adapter not started", "err", err)
			st.started(a.platform)
			st.stop(a.platform)
			continue
		}
		if hook != nil {
			mux.Handle(hookPath, hook)
			alog.Info("webhook mounted", "path", hookPath)
		}
		st.started(a.platform)
		names = append(names, a.platform)
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := run(adapterCtx, handler)
			if errors.Is(err, bot.ErrCutOff) {
				alog.Warn("replies in flight were cut off at the shutdown timeout")
				st.cut()
				return
			}
			if err != nil {
				alog.Error("adapter stopped; the other channels keep running", "err", err)
				st.stop(a.platform)
				return
			}
			if adapterCtx.Err() == nil {
				alog.Warn("adapter returned before shutdown")
				st.stop(a.platform)
			}
		}()
	}

	srv := newHTTPServer(mux, logger)
	// A server stopped before it began has no load balancer to drain.
	if ctx.Err() != nil {
		scfg.DrainDelay = 0
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	logger.Info("serving", "addr", ln.Addr().String(), "metrics_addr", scfg.MetricsAddr, "adapters", strings.Join(names, ","),
		"api_token", scfg.APIToken != "", "rate_limit_per_person", scfg.RateLimit, "rate_limit_per_client", scfg.ClientRateLimit, "transcript", scfg.Transcript)
	if scfg.Transcript {
		logger.Warn("TRANSCRIPT is on: message text is written to the log")
	}

	var runErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-hup:
			logger.Info("SIGHUP: reloading the knowledge")
			err := eng.Reload(ctx)
			reg.Reload(err)
			if err != nil {
				logger.Error("reload failed; the previous knowledge keeps serving", "err", err)
			}
		case err := <-serveErr:
			runErr = fmt.Errorf("serve: HTTP server: %w", err)
			break loop
		}
	}

	return shutdown(scfg, st, srv, adapterCancel, &wg, logger, runErr)
}

// errCutOff is returned by serve when the shutdown timeout cut work off:
// an HTTP request or a chat reply in flight was not finished.
var errCutOff = errors.New("serve: work in flight was cut off at the shutdown timeout (SHUTDOWN_TIMEOUT)")

// drainWait waits out the drain delay; tests replace it.
var drainWait = func(d time.Duration) { time.Sleep(d) }

// shutdown stops the server in the order load balancers expect: /readyz
// answers 503 (and responses close their connections) for the drain delay
// while requests are still answered; then the listener closes and the
// adapters stop taking updates; requests and replies in flight are finished
// within the shutdown timeout. It returns runErr, or errCutOff when work
// was cut off.
func shutdown(scfg config.Serve, st *status, srv *http.Server, adapterCancel context.CancelFunc, wg *sync.WaitGroup, logger *slog.Logger, runErr error) error {
	st.drain()
	srv.SetKeepAlivesEnabled(false)
	logger.Info("shutting down: not ready, draining", "drain", scfg.DrainDelay.String(), "timeout", scfg.ShutdownTimeout.String())
	drainWait(scfg.DrainDelay)

	sctx, cancel := context.WithTimeout(context.Background(), scfg.ShutdownTimeout)
	defer cancel()
	adapterCancel()
	cut := false
	if err := srv.Shutdown(sctx); err != nil {
		logger.Warn("HTTP requests still running at the shutdown timeout were cut off", "err", err)
		srv.Close()
		cut = true
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-sctx.Done():
		logger.Warn("adapters still finishing replies at the shutdown timeout")
		cut = true
	}
	if st.cutOff() {
		cut = true
	}
	logger.Info("stopped", "cut_off", cut)
	if cut && runErr == nil {
		return errCutOff
	}
	return runErr
}

// probeURL turns a bare path ("/healthz") into a loopback URL on the port
// the server listens on (HTTP_ADDR or --addr); full URLs are kept.
func probeURL(target, addr string) string {
	if !strings.HasPrefix(target, "/") {
		return target
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return target
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + target
}

// runProbe is `serve --probe URL`: a health check for images without curl.
func runProbe(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("probe: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("probe: %w", err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("probe: %s answered %s", url, resp.Status)
	}
	return nil
}

// errCheckFailed is returned by serve --check when something is wrong.
var errCheckFailed = errors.New("check failed")

// runCheck is `serve --check`: it validates everything serve would use and
// prints one line per part.
func runCheck(ctx context.Context, ecfg engineConfig, scfg config.Serve, envErr error, settingWarnings []string, getenv func(string) string, out io.Writer) error {
	failed, warned := 0, 0
	report := func(part string, err error, detail string, warnings ...string) {
		if err != nil {
			failed++
			fmt.Fprintf(out, "FAIL  %s\n", part)
			for _, line := range strings.Split(err.Error(), "\n") {
				fmt.Fprintf(out, "      %s\n", line)
			}
			return
		}
		if len(warnings) > 0 {
			warned += len(warnings)
			fmt.Fprintf(out, "WARN  %s%s\n", part, detail)
			for _, w := range warnings {
				fmt.Fprintf(out, "      %s\n", w)
			}
			return
		}
		fmt.Fprintf(out, "ok    %s%s\n", part, detail)
	}

	err := errors.Join(envErr, scfg.Validate())
	_, logErr := logging.New(io.Discard, getenv, logging.Options{})
	err = errors.Join(err, logErr)
	metrics := "metrics off"
	if scfg.MetricsAddr != "" {
		metrics = "metrics on " + scfg.MetricsAddr
	}
	report("server settings", err, fmt.Sprintf(": listen %s, %s, API token %s, rate limit %g/s per person and %g/s per client, body limit %d bytes, shutdown %s, transcript %v",
		scfg.Addr, metrics, onOff(scfg.APIToken != ""), scfg.RateLimit, scfg.ClientRateLimit, scfg.MaxBodyBytes, scfg.ShutdownTimeout, scfg.Transcript), settingWarnings...)

	clinic, err := config.LoadClinic(ecfg.ConfigFile, getenv)
	report("clinic details", err, fmt.Sprintf(": %s, emergency %s, crisis line %s", clinic.Name, clinic.EmergencyNumber, clinic.CrisisLine))

	adapters, err := configureAdapters(getenv)
	var names []string
	for _, a := range adapters {
		names = append(names, a.platform)
	}
	detail := ": none enabled (only the HTTP API will run)"
	if len(names) > 0 {
		detail = ": " + strings.Join(names, ", ") + " enabled"
	}
	report("chat adapters", err, detail)

	// The knowledge is checked on its own: clinic problems are reported above.
	ecfg.Logger = logging.Discard()
	ecfg.ConfigFile = ""
	clinicEnv := map[string]bool{}
	for _, k := range config.ClinicEnv() {
		clinicEnv[k] = true
	}
	ecfg.Getenv = func(k string) string {
		if clinicEnv[k] {
			return ""
		}
		return getenv(k)
	}
	storeDetail, storeErr := checkStore(ecfg)
	var storeWarnings []string
	eng, err := openEngine(ctx, ecfg)
	detail = ""
	if err == nil {
		detail = fmt.Sprintf(": %d articles indexed", len(eng.Sources()))
		if ecfg.dataDir() != "" {
			storeWarnings = eng.Warnings()
		}
		eng.Close()
	}
	report("knowledge", err, detail)
	report("store", storeErr, storeDetail, storeWarnings...) // reviewstore.go

	if failed > 0 {
		fmt.Fprintf(out, "%d problem(s) found\n", failed)
		return fmt.Errorf("%w: %d problem(s)", errCheckFailed, failed)
	}
	if warned > 0 {
		// Warnings do not fail the check: serve runs with these settings.
		fmt.Fprintf(out, "no problems; %d warning(s) above\n", warned)
		return nil
	}
	fmt.Fprintln(out, "all good")
	return nil
}

func onOff(b bool) string {
	if b {
		return "set"
	}
	return "not set"
}

// newHTTPServer is an http.Server for h with the timeouts and header limit
// every listener of serve uses (the API's and the metrics'), so that a slow
// or hostile client holds neither for long.
func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}
