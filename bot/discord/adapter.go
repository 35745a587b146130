package discord

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/keyedqueue"
)

const platform = "discord"

// The errors Run returns for faults a reconnection cannot fix.
var (
	ErrTokenRejected = errors.New("discord: the bot token was rejected (4004): check " + EnvToken)
	ErrIntentDenied  = errors.New("discord: a privileged intent is not enabled (4014): enable Message Content in the Developer Portal or unset " + EnvReadMessages)
)

// Adapter connects a bot.Handler to Discord. It implements bot.Adapter.
type Adapter struct {
	cfg    Config
	log    *slog.Logger
	mon    bot.Monitor
	client *http.Client

	running atomic.Bool

	// Set for the duration of Run.
	handler bot.Handler
	replies context.Context // parent of every reply's context; outlives Run's ctx until shutdown
	dropped chan struct{}   // a Disconnect event happened
	dialer  *trackingDialer

	mu          sync.Mutex
	botID       string // the bot's user id, from READY
	appID       string // the application id, from READY
	registered  bool   // slash commands registered in this Run
	closing     bool   // Run is shutting down: no new replies
	inflight    sync.WaitGroup
	lastEventNs atomic.Int64

	lanes *keyedqueue.Queue[string] // each user's events, in order; set for the duration of Run

	// Acknowledgements sent aside from the lanes (during shutdown, or for a
	// user over MaxUserQueue): at most MaxWorkers at a time.
	asideSem    chan struct{}
	aside       sync.WaitGroup
	asideClosed bool // under mu
}

// New checks cfg and returns an adapter. It does not connect: Run does.
func New(cfg Config) (*Adapter, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	client, err := httpClient(cfg)
	if err != nil {
		return nil, err
	}
	return &Adapter{cfg: cfg, log: cfg.Logger, mon: cfg.Monitor, client: client}, nil
}

// intents are the gateway intents the adapter identifies with.
func (a *Adapter) intents() discordgo.Intent {
	in := discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if a.cfg.ReadMessages {
		in |= discordgo.IntentMessageContent
	}
	return in
}

// newSession makes a discordgo session that the adapter supervises itself:
// discordgo's own reconnect loop retries forever whatever the close code
// (so a bad token or a disallowed intent would loop silently), so it is off,
// and Run reconnects with backoff after looking at why the connection ended.
func (a *Adapter) newSession(ctx context.Context) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + a.cfg.Token)
	if err != nil {
		return nil, err
	}
	s.ShouldReconnectOnError = false
	s.ShouldReconnectVoiceOnSessionError = false
	// 429s are waited out by Adapter.rest, bounded and cancellable;
	// discordgo would retry them forever. MaxRestRetries only governs
	// discordgo's retries of 502 responses.
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 2
	// discordgo's own REST calls (GET /gateway in Open) take no context:
	// they get Run's, so that cancelling Run interrupts them.
	client := *a.client
	next := client.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	client.Transport = &defaultContext{ctx: ctx, next: next}
	s.Client = &client
	s.StateEnabled = false
	// Handlers run on the gateway's reading goroutine, in order; every
	// handler that does more than bookkeeping starts its own goroutine
	// (tracked, so that shutdown can wait for in-flight replies).
	s.SyncEvents = true
	// discordgo logs to the standard logger; the adapter logs what matters
	// through slog instead, without URLs or payloads.
	s.LogLevel = -1
	s.Identify.Intents = a.intents()
	s.ShardID, s.ShardCount = a.cfg.ShardID, a.cfg.ShardCount
	a.dialer = &trackingDialer{}
	s.Dialer = &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: 15 * time.Second,
		NetDialContext:   a.dialer.dial,
	}
	return s, nil
}

// Run connects to the gateway and answers slash commands, buttons, direct
// messages and mentions with h until ctx is cancelled, then finishes the
// replies in flight (up to ShutdownTimeout) and returns nil. It returns an
// error for faults that reconnecting cannot fix: a rejected token (4004), a
// privileged intent that is not enabled (4014), bad sharding (4010, 4011).
// Any other lost connection, and a gateway that falls silent, is replaced
// with exponential backoff.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	if h == nil {
		return errors.New("discord: Run needs a handler")
	}
	if !a.running.CompareAndSwap(false, true) {
		return errors.New("discord: Run is already running")
	}
	defer a.running.Store(false)

	s, err := a.newSession(ctx)
	if err != nil {
		return fmt.Errorf("discord: %w", err)
	}
	replies, cancelReplies := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelReplies()
	a.mu.Lock()
	a.handler, a.replies = h, replies
	a.dropped = make(chan struct{}, 1)
	a.registered, a.closing, a.botID, a.appID = false, false, "", ""
	a.lanes = keyedqueue.New[string](a.cfg.MaxWorkers, a.cfg.MaxUserQueue)
	a.asideSem, a.asideClosed = make(chan struct{}, a.cfg.MaxWorkers), false
	a.mu.Unlock()

	for _, fn := range []any{a.onReady, a.onResumed, a.onDisconnect, a.onEvent, a.onMessageCreate, a.onInteractionCreate} {
		defer s.AddHandler(fn)()
	}

	a.log.Info("discord: connecting", "shard", a.cfg.ShardID, "shards", a.cfg.ShardCount,
		"read_messages", a.cfg.ReadMessages, "guild_commands", a.cfg.GuildID != "")

	err = a.supervise(ctx, s)
	if err != nil {
		a.log.Error(err.Error())
	}
	if !a.shutdown(s, cancelReplies) && err == nil {
		err = bot.ErrCutOff
	}
	return err
}

// supervise keeps the gateway connection up until ctx ends or a fatal fault.
func (a *Adapter) supervise(ctx context.Context, s *discordgo.Session) error {
	attempt := 0
	for {
		if attempt > 0 {
			a.mon.Reconnect(platform)
			d := a.backoff(attempt)
			a.log.Info("discord: reconnecting", "attempt", attempt, "delay", d.Round(time.Millisecond))
			if !sleepCtx(ctx, d) {
				return nil
			}
		}
		err := a.open(ctx, s)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil && !errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			if ferr := fatal(err); ferr != nil {
				return ferr
			}
			a.mon.Error(platform, "connect")
			a.log.Warn("discord: could not connect to the gateway", "err", safeErr(err), "attempt", attempt+1)
			attempt++
			continue
		}
		if err == nil {
			a.log.Info("discord: connected")
		} else {
			// The drop that woke the loop was stale: the connection is up.
			a.mon.Connected(platform, true)
		}
		a.registerCommands(ctx, s)

		up := time.Now()
		a.lastEventNs.Store(up.UnixNano())
		switch a.watch(ctx, s) {
		case endCancelled:
			return nil
		case endSilent:
			a.mon.Error(platform, "gateway_silent")
			a.log.Warn("discord: the gateway fell silent; replacing the connection", "timeout", a.cfg.HeartbeatTimeout)
			// 1012 (service restart) keeps the session resumable.
			_ = s.CloseWithCode(websocket.CloseServiceRestart)
			a.drainDropped()
		case endDropped:
			a.log.Warn("discord: gateway connection lost")
		}
		if time.Since(up) >= 2*a.cfg.ReconnectMax {
			attempt = 0 // it was up long enough: start the backoff afresh
		}
		attempt++
	}
}

func (a *Adapter) drainDropped() {
	select {
	case <-a.dropped:
	default:
	}
}

// backoff is the delay before reconnection attempt n (n >= 1): exponential
// from ReconnectMin, capped at ReconnectMax, with jitter.
func (a *Adapter) backoff(n int) time.Duration {
	d := a.cfg.ReconnectMin
	for i := 1; i < n && d < a.cfg.ReconnectMax; i++ {
		d *= 2
	}
	d = min(d, a.cfg.ReconnectMax)
	// Jitter: between 75% and 100% of d.
	return d - time.Duration(rand.Int64N(int64(d)/4+1))
}

// open makes one connection attempt, bounded by OpenTimeout and abandoned
// when ctx ends (discordgo's Open takes no context and would wait for HELLO
// and READY forever: the adapter closes the socket under it).
func (a *Adapter) open(ctx context.Context, s *discordgo.Session) error {
	a.drainDropped()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTimer(a.cfg.OpenTimeout)
		defer t.Stop()
		select {
		case <-done:
		case <-ctx.Done():
			a.dialer.closeLast()
		case <-t.C:
			a.dialer.closeLast()
		}
	}()
	err := s.Open()
	close(done)
	wg.Wait()
	return err
}

type endReason int

const (
	endCancelled endReason = iota
	endDropped
	endSilent
)

// watch waits until ctx ends, the connection drops, or the gateway is silent
// for longer than HeartbeatTimeout (no heartbeat ACK and no event).
func (a *Adapter) watch(ctx context.Context, s *discordgo.Session) endReason {
	tick := max(a.cfg.HeartbeatTimeout/8, 10*time.Millisecond)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return endCancelled
		case <-a.dropped:
			return endDropped
		case <-t.C:
			s.RLock()
			last := s.LastHeartbeatAck
			s.RUnlock()
			if ev := time.Unix(0, a.lastEventNs.Load()); ev.After(last) {
				last = ev
			}
			if time.Since(last) > a.cfg.HeartbeatTimeout {
				return endSilent
			}
		}
	}
}

// shutdown waits for the replies in flight, then closes the gateway; false
// when the shutdown timeout cut some off. The gateway stays open meanwhile
// so that an interaction arriving now is told to try again rather than
// shown "The application did not respond".
func (a *Adapter) shutdown(s *discordgo.Session, cancelReplies context.CancelFunc) bool {
	a.mu.Lock()
	a.closing = true
	a.mu.Unlock()
	done := make(chan struct{})
	go func() { a.inflight.Wait(); close(done) }()
	t := time.NewTimer(a.cfg.ShutdownTimeout)
	defer t.Stop()
	finished := true
	select {
	case <-done:
	case <-t.C:
		a.log.Warn("discord: replies still in flight at shutdown; cancelling them")
		cancelReplies()
		<-done
		finished = false
	}
	_ = s.Close()
	a.mu.Lock()
	a.asideClosed = true
	a.mu.Unlock()
	a.aside.Wait()
	a.mon.Connected(platform, false)
	a.log.Info("discord: stopped")
	return finished
}

// fatal maps the errors that reconnecting cannot fix to a clear message.
func fatal(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004:
			return ErrTokenRejected
		case 4014:
			return ErrIntentDenied
		case 4010:
			return fmt.Errorf("discord: the gateway rejected the shard (4010): check %s and %s", EnvShardID, EnvShardCount)
		case 4011:
			return fmt.Errorf("discord: the bot is in too many servers for one connection (4011): set %s and %s", EnvShardID, EnvShardCount)
		case 4012, 4013:
			return fmt.Errorf("discord: the gateway rejected the connection (%d %s); this is a bug in the adapter", ce.Code, ce.Text)
		}
		return nil
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return errors.New("discord: the bot token was rejected (401): check " + EnvToken)
	}
	if errors.Is(err, discordgo.ErrWSShardBounds) {
		return fmt.Errorf("discord: %s must be less than %s", EnvShardID, EnvShardCount)
	}
	return nil
}

// Results of submit.
type submitted int

const (
	queued    submitted = iota // on the user's lane
	closing                    // shutdown has begun: not run
	full                       // the user holds MaxUserQueue events: not run
	fullAgain                  // full, and the user was already told
)

// submit queues fn on user's lane (see keyedqueue), tracked for shutdown, with a
// context that survives Run's ctx (so replies in flight finish) but not
// shutdown's deadline. fn calls decided once its reply is known, freeing
// its worker for the sending. fn runs with an already cancelled context
// when shutdown's deadline passed while it waited.
func (a *Adapter) submit(user string, fn func(ctx context.Context, decided func())) submitted {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closing || a.replies == nil {
		return closing
	}
	parent := a.replies
	a.inflight.Add(1)
	res := a.lanes.Add(user, func(decided func()) {
		defer a.inflight.Done()
		ctx, cancel := context.WithTimeout(parent, a.cfg.ReplyTimeout)
		defer cancel()
		defer func() {
			if r := recover(); r != nil {
				a.mon.Error(platform, "panic")
				a.log.Error("discord: panic while replying", "panic", fmt.Sprint(r))
			}
		}()
		fn(ctx, decided)
	})
	switch res {
	case keyedqueue.Queued:
		return queued
	case keyedqueue.Refused:
		a.inflight.Done()
		return full
	default:
		a.inflight.Done()
		return fullAgain
	}
}

// goAside runs fn (one acknowledgement or notice) outside the lanes, with
// a context of its own: during shutdown, or for a user over MaxUserQueue.
// At most MaxWorkers run at once; beyond that, and once the gateway is
// closed, fn is dropped.
func (a *Adapter) goAside(fn func(ctx context.Context)) {
	a.mu.Lock()
	if a.asideClosed || a.asideSem == nil {
		a.mu.Unlock()
		return
	}
	select {
	case a.asideSem <- struct{}{}:
	default:
		a.mu.Unlock()
		a.mon.Error(platform, "overflow")
		return
	}
	sem := a.asideSem
	a.aside.Add(1)
	a.mu.Unlock()
	go func() {
		defer a.aside.Done()
		defer func() { <-sem }()
		ctx, cancel := context.WithTimeout(context.Background(), a.cfg.ReplyTimeout)
		defer cancel()
		fn(ctx)
	}()
}

// Gateway event handlers. They run on discordgo's reading goroutine
// (SyncEvents): READY and RESUMED even while Open holds the session lock, so
// they must not call the session.

func (a *Adapter) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	a.mu.Lock()
	if r.User != nil {
		a.botID = r.User.ID
	}
	if r.Application != nil && r.Application.ID != "" {
		a.appID = r.Application.ID
	} else if a.appID == "" {
		a.appID = a.botID
	}
	a.mu.Unlock()
	a.touch()
	a.mon.Connected(platform, true)
}

func (a *Adapter) onResumed(_ *discordgo.Session, _ *discordgo.Resumed) {
	a.touch()
	a.mon.Connected(platform, true)
}

func (a *Adapter) onDisconnect(_ *discordgo.Session, _ *discordgo.Disconnect) {
	a.mon.Connected(platform, false)
	select {
	case a.dropped <- struct{}{}:
	default:
	}
}

func (a *Adapter) onEvent(_ *discordgo.Session, _ *discordgo.Event) { a.touch() }

func (a *Adapter) touch() { a.lastEventNs.Store(time.Now().UnixNano()) }

func (a *Adapter) ids() (botID, appID string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.botID, a.appID
}

// ownRequest marks the contexts of the adapter's own REST calls (see rest).
type ownRequest struct{}

// defaultContext makes discordgo's internal REST calls, which take no
// context, end when ctx does. The adapter's own calls carry their own
// context (which outlives Run's ctx while replies finish) and pass as they are.
type defaultContext struct {
	ctx  context.Context
	next http.RoundTripper
}

func (t *defaultContext) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Context().Value(ownRequest{}) != nil {
		return t.next.RoundTrip(req)
	}
	ctx, cancel := context.WithCancel(req.Context())
	stop := context.AfterFunc(t.ctx, cancel)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		stop()
		cancel()
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, done: func() { stop(); cancel() }}
	return resp, nil
}

type cancelOnClose struct {
	io.ReadCloser
	done func()
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.done()
	return err
}

// trackingDialer dials the gateway's TCP connections and remembers the last
// one, so that a connection attempt stuck waiting for HELLO or READY can be
// abandoned (discordgo's Open has no timeout of its own).
type trackingDialer struct {
	d    net.Dialer
	mu   sync.Mutex
	last net.Conn
}

func (t *trackingDialer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := t.d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	t.last = c
	t.mu.Unlock()
	return c, nil
}

func (t *trackingDialer) closeLast() {
	t.mu.Lock()
	c := t.last
	t.mu.Unlock()
	if c != nil {
		_ = c.Close()
	}
}
