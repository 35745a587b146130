package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/keyedqueue"
)

const platform = "telegram"

// Errors Run returns for faults it cannot recover from.
var (
	// ErrTokenRejected: Telegram answered 401 Unauthorized.
	ErrTokenRejected = errors.New("telegram: the bot token was rejected (401): check " + EnvToken)
	// ErrConflict: getUpdates answered 409 Conflict.
	ErrConflict = errors.New("telegram: another poller or a webhook is active (409): run only one long-polling instance per bot token, " +
		"and remove any webhook first (call deleteWebhook, or set " + EnvWebhookURL + " and " + EnvWebhookSecret + " to use webhook mode)")
)

// allowedUpdates are the update kinds the adapter asks for.
var allowedUpdates = []string{"message", "callback_query"}

// The commands shown in Telegram's command menu (setMyCommands).
var menuCommands = []tgbotapi.BotCommand{
	{Command: "start", Description: "What I can help with"},
	{Command: "help", Description: "How to ask me a question"},
	{Command: "sources", Description: "The articles my answers quote"},
	{Command: "human", Description: "Talk to the care team"},
}

// Reply texts of the adapter itself.
const (
	textOnlyReply    = "I can only read text messages."
	helpfulAnswer    = "Thanks for the feedback — glad it helped."
	notHelpfulAnswer = "Thanks for telling us. Try rephrasing your question, or tap \"Talk to the care team\"."
)

// Callback data of the feedback buttons.
const (
	cbPrefix = "fb:"
)

var setLoggerOnce sync.Once

// quietLogger is given to the library so that it never logs (its log lines
// can contain request URLs, and so the token).
type quietLogger struct{}

func (quietLogger) Println(...any)        {}
func (quietLogger) Printf(string, ...any) {}

// Adapter is the Telegram front end. Create it with New; it is a bot.Adapter.
type Adapter struct {
	cfg   Config
	log   *slog.Logger
	mon   bot.Monitor
	httpc *http.Client
	api   *tgbotapi.BotAPI // template: each call uses a copy with a context-bound client
	red   *strings.Replacer
	pace  *pacer
	disp  *keyedqueue.Queue[int64]
	out   *outbox
	track *tracker
	seen  *recentIDs
	// rejected paces the log lines of webhook requests with a wrong secret.
	rejected everyMinute

	started atomic.Bool
	self    atomic.Pointer[tgbotapi.User]

	runMu sync.RWMutex
	state *runState // set while Run accepts webhook updates
}

type runState struct {
	ctx context.Context // the work context of Run
	h   bot.Handler
}

// New validates cfg and returns an adapter. It makes no network call: Run
// checks the token (getMe) when it starts.
func New(cfg Config) (*Adapter, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	setLoggerOnce.Do(func() { _ = tgbotapi.SetLogger(quietLogger{}) })
	httpc := cfg.HTTPClient
	if httpc == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		httpc = &http.Client{Transport: tr}
	}
	api := &tgbotapi.BotAPI{Token: cfg.Token, Client: httpc, Buffer: 100}
	api.SetAPIEndpoint(cfg.APIURL + "/bot%s/%s")
	secrets := []string{cfg.Token, url.PathEscape(cfg.Token), url.QueryEscape(cfg.Token)}
	if cfg.WebhookSecret != "" {
		secrets = append(secrets, cfg.WebhookSecret)
	}
	var pairs []string
	for _, s := range secrets {
		pairs = append(pairs, s, "<redacted>")
	}
	a := &Adapter{
		cfg:   cfg,
		log:   cfg.Logger,
		mon:   cfg.Monitor,
		httpc: httpc,
		api:   api,
		red:   strings.NewReplacer(pairs...),
		pace:  newPacer(cfg.GlobalInterval),
		// No bound per chat here: a chat's replies are bounded by the
		// outbox (MaxChatQueue) and the webhook's updates by MaxQueue. A
		// job only decides a reply and hands it to the outbox, so its
		// worker is freed when it returns. (The dispatcher this replaced
		// held a worker for a chat's whole backlog; one per update, as
		// Discord has, lets a flooding chat hold one worker's turn at a
		// time, not a worker until its flood is decided.)
		disp:  keyedqueue.New[int64](cfg.MaxWorkers, 0),
		track: newTracker(),
		seen:  newRecentIDs(4096),
	}
	a.out = newOutbox(cfg.MaxChatQueue, a.deliver)
	a.rejected.now = time.Now
	return a, nil
}

// Webhook reports whether the adapter runs in webhook mode.
func (a *Adapter) Webhook() bool { return a.cfg.WebhookURL != "" }

// WebhookPath is the path of WebhookURL, at which the HTTP server should
// mount WebhookHandler; empty in long-polling mode.
func (a *Adapter) WebhookPath() string {
	if a.cfg.WebhookURL == "" {
		return ""
	}
	u, err := url.Parse(a.cfg.WebhookURL)
	if err != nil {
		return ""
	}
	return u.Path
}

// Run connects to Telegram and answers messages with h until ctx is
// cancelled; it then finishes in-flight replies (up to ShutdownTimeout) and
// returns nil. It returns an error at once for faults it cannot recover
// from: a rejected token (ErrTokenRejected), another poller or a webhook
// (ErrConflict), a webhook Telegram refuses. Network errors and server
// faults are retried with backoff. Run may be called once.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	if h == nil {
		return errors.New("telegram: Run needs a handler")
	}
	if !a.started.CompareAndSwap(false, true) {
		return errors.New("telegram: Run was already called on this adapter")
	}
	defer a.httpc.CloseIdleConnections()
	defer a.mon.Connected(platform, false)

	if err := a.connect(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	wctx, wcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer wcancel()
	if a.Webhook() {
		return a.runWebhook(ctx, wctx, wcancel, h)
	}
	return a.runPolling(ctx, wctx, wcancel, h)
}

// connect checks the token (getMe) and sets the command menu. Network
// errors are retried until ctx is done.
func (a *Adapter) connect(ctx context.Context) error {
	var me tgbotapi.User
	err := a.retryForever(ctx, "getMe", func(c context.Context) error {
		var err error
		me, err = a.apiWith(c).GetMe()
		return err
	})
	if err != nil {
		return err
	}
	a.self.Store(&me)
	a.log.Info("telegram: connected", "bot", "@"+me.UserName, "mode", a.mode())

	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := a.call(cctx, "setMyCommands", tgbotapi.NewSetMyCommands(menuCommands...), false); err != nil {
		if errors.Is(err, ErrTokenRejected) {
			return err
		}
		a.log.Warn("telegram: setting the command menu failed", "error", a.errText(err))
	}
	return nil
}

func (a *Adapter) mode() string {
	if a.Webhook() {
		return "webhook"
	}
	return "polling"
}

// shutdown waits for in-flight jobs (up to ShutdownTimeout), then cancels
// the work context and gives the rest a moment to notice.
func (a *Adapter) shutdown(wcancel context.CancelFunc) bool {
	t := time.NewTimer(a.cfg.ShutdownTimeout)
	defer t.Stop()
	select {
	case <-a.track.idleChan():
		wcancel()
		return true
	case <-t.C:
	}
	a.log.Warn("telegram: replies still in flight at shutdown were abandoned", "count", a.track.len())
	wcancel()
	t2 := time.NewTimer(2 * time.Second)
	defer t2.Stop()
	select {
	case <-a.track.idleChan():
	case <-t2.C:
	}
	return false
}

func (a *Adapter) runPolling(ctx, wctx context.Context, wcancel context.CancelFunc, h bot.Handler) error {
	timeout := int(a.cfg.PollTimeout / time.Second)
	if timeout < 1 {
		timeout = 1
	}
	k := newAcks()
	polled := 0 // the offset of the last getUpdates: what Telegram has confirmed
	fails, up := 0, false
	a.log.Info("telegram: long polling started", "timeout_s", timeout)
	for ctx.Err() == nil {
		offset := k.offset()
		pctx, cancel := context.WithTimeout(ctx, time.Duration(timeout)*time.Second+15*time.Second)
		updates, err := a.apiWith(pctx).GetUpdates(tgbotapi.UpdateConfig{Offset: offset, Timeout: timeout, AllowedUpdates: allowedUpdates})
		cancel()
		if err == nil {
			// Only a call Telegram answered confirmed anything: one cut
			// short by the shutdown may never have reached it.
			polled = offset
		}
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			e := a.wrap("getUpdates", err)
			switch e.code {
			case 401:
				a.log.Error("telegram: " + ErrTokenRejected.Error())
				return ErrTokenRejected
			case 409:
				a.log.Error("telegram: getUpdates refused: conflict (409)")
				return ErrConflict
			}
			if up {
				up = false
				a.mon.Connected(platform, false)
			}
			fails++
			wait := a.backoff(fails)
			if e.code == 429 {
				wait = e.retryAfterOr(time.Second)
				a.mon.Error(platform, "rate_limited")
			} else {
				a.mon.Error(platform, "poll")
			}
			a.mon.Reconnect(platform)
			a.log.Warn("telegram: getUpdates failed; retrying", "code", e.code, "error", e.msg, "failures", fails, "retry_in", wait)
			if sleep(ctx, wait) != nil {
				break
			}
			continue
		}
		if !up {
			up = true
			a.mon.Connected(platform, true)
			if fails > 0 {
				a.log.Info("telegram: getUpdates recovered", "failures", fails)
			}
		}
		fails = 0
		fresh := 0
		for i := range updates {
			u := &updates[i]
			if u.UpdateID < polled || !k.take(u.UpdateID) {
				continue // confirmed, or still being handled
			}
			id := u.UpdateID
			// The update is confirmed once its reply is decided and waits
			// only for its paced slot: a chat's queue of paced replies must
			// not hold back the 100 updates a poll returns. A job cut short
			// at the shutdown deadline was not answered: it stays
			// unconfirmed, to come again.
			a.dispatch(wctx, h, u, func() {
				if wctx.Err() == nil {
					k.done(id)
				}
			}, nil)
			fresh++
		}
		if fresh > 0 {
			a.log.Debug("telegram: updates received", "count", fresh)
		}
		// Updates still in hand come back at once with every poll: when a
		// poll brought nothing new, wait for one to be handled (or a short
		// while, for other chats' new messages) instead of spinning.
		if n, progress := k.inHand(); fresh == 0 && n > 0 {
			t := time.NewTimer(repollInterval)
			select {
			case <-progress:
			case <-t.C:
			case <-ctx.Done():
			}
			t.Stop()
		}
	}
	a.log.Info("telegram: long polling stopping")
	finished := a.shutdown(wcancel)
	if off := k.offset(); off > polled {
		// Confirm the updates handled since the last poll (those abandoned
		// at the shutdown deadline stay unconfirmed and come again on the
		// next start).
		actx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, _ = a.apiWith(actx).GetUpdates(tgbotapi.UpdateConfig{Offset: off, Limit: 1})
		cancel()
	}
	if !finished {
		return bot.ErrCutOff
	}
	return nil
}

// repollInterval bounds how long new updates wait while only updates still
// being handled (a slow chat's paced queue) come back from getUpdates.
const repollInterval = 250 * time.Millisecond

func (a *Adapter) runWebhook(ctx, wctx context.Context, wcancel context.CancelFunc, h bot.Handler) error {
	params := tgbotapi.Params{"url": a.cfg.WebhookURL, "secret_token": a.cfg.WebhookSecret}
	_ = params.AddInterface("allowed_updates", allowedUpdates)
	err := a.retryForever(ctx, "setWebhook", func(c context.Context) error {
		_, err := a.apiWith(c).MakeRequest("setWebhook", params)
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		var e *apiError
		if errors.As(err, &e) {
			return fmt.Errorf("telegram: Telegram refused the webhook (%d %s): check %s", e.code, e.msg, EnvWebhookURL)
		}
		return err
	}
	a.runMu.Lock()
	a.state = &runState{ctx: wctx, h: h}
	a.runMu.Unlock()
	a.mon.Connected(platform, true)
	a.log.Info("telegram: webhook registered; waiting for updates", "path", a.WebhookPath())

	<-ctx.Done()

	a.runMu.Lock()
	a.state = nil
	a.runMu.Unlock()
	a.log.Info("telegram: webhook mode stopping")
	if !a.shutdown(wcancel) {
		return bot.ErrCutOff
	}
	return nil
}

// retryForever calls fn until it succeeds, ctx is done, or it fails in a way
// retrying cannot fix (401: ErrTokenRejected; another 4xx: an *apiError).
func (a *Adapter) retryForever(ctx context.Context, method string, fn func(context.Context) error) error {
	for try := 1; ; try++ {
		c, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := fn(c)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		e := a.wrap(method, err)
		wait := a.backoff(try)
		switch {
		case e.code == 401:
			a.log.Error("telegram: " + ErrTokenRejected.Error())
			return ErrTokenRejected
		case e.code == 429:
			wait = e.retryAfterOr(time.Second)
		case e.code >= 400 && e.code < 500:
			return e
		}
		a.mon.Error(platform, "connect")
		a.mon.Reconnect(platform)
		a.log.Warn("telegram: call failed; retrying", "method", method, "code", e.code, "error", e.msg, "try", try, "retry_in", wait)
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// call makes one Bot API call, waiting out 429s (retry_after) and retrying
// network errors and server faults with backoff: at most MaxSendTries
// times, or until ctx is done for urgent calls.
func (a *Adapter) call(ctx context.Context, method string, c tgbotapi.Chattable, urgent bool) (*tgbotapi.APIResponse, error) {
	for try := 1; ; try++ {
		resp, err := a.apiWith(ctx).Request(c)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("telegram: %s: %w", method, ctx.Err())
		}
		e := a.wrap(method, err)
		var wait time.Duration
		switch {
		case e.code == 401:
			return nil, ErrTokenRejected
		case e.code == 429:
			a.mon.Error(platform, "rate_limited")
			wait = e.retryAfterOr(time.Second)
		case e.code == 0 || e.code >= 500:
			wait = a.backoff(try)
		default:
			return nil, e
		}
		if !urgent && try >= a.cfg.MaxSendTries {
			return nil, e
		}
		a.log.Warn("telegram: call failed; retrying", "method", method, "code", e.code, "error", e.msg, "try", try, "retry_in", wait, "urgent", urgent)
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("telegram: %s: %w (after %v)", method, err, e)
		}
	}
}

// ctxDoer makes the library's requests under a context, so that a long
// poll or a send can be cancelled.
type ctxDoer struct {
	ctx context.Context
	c   *http.Client
}

func (d ctxDoer) Do(r *http.Request) (*http.Response, error) { return d.c.Do(r.WithContext(d.ctx)) }

// apiWith returns a copy of the client whose requests carry ctx.
func (a *Adapter) apiWith(ctx context.Context) *tgbotapi.BotAPI {
	b := *a.api
	b.Client = ctxDoer{ctx: ctx, c: a.httpc}
	return &b
}

// apiError is a failed Bot API call with the token redacted.
type apiError struct {
	method     string
	code       int // Telegram's error_code; 0 for network and decoding errors
	retryAfter time.Duration
	migrateTo  int64
	msg        string
}

func (e *apiError) Error() string {
	if e.code != 0 {
		return "telegram: " + e.method + ": " + strconv.Itoa(e.code) + " " + e.msg
	}
	return "telegram: " + e.method + ": " + e.msg
}

func (e *apiError) retryAfterOr(d time.Duration) time.Duration {
	if e.retryAfter > 0 {
		return e.retryAfter
	}
	return d
}

// wrap turns a library error into an *apiError with the token redacted
// (network errors quote the request URL, which holds the token).
func (a *Adapter) wrap(method string, err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		return &apiError{method: method, code: te.Code, retryAfter: time.Duration(te.RetryAfter) * time.Second,
			migrateTo: te.MigrateToChatID, msg: a.redact(te.Message)}
	}
	return &apiError{method: method, msg: a.redact(err.Error())}
}

func (a *Adapter) redact(s string) string { return a.red.Replace(s) }

// errText is err's text with the token redacted, for the log.
func (a *Adapter) errText(err error) string {
	if err == nil {
		return ""
	}
	return a.redact(err.Error())
}

// backoff is the wait before retry number try: exponential from
// BackoffMin, capped at BackoffMax, with jitter (between half and all of it).
func (a *Adapter) backoff(try int) time.Duration {
	d := a.cfg.BackoffMin
	for i := 1; i < try && d < a.cfg.BackoffMax; i++ {
		d *= 2
	}
	if d > a.cfg.BackoffMax {
		d = a.cfg.BackoffMax
	}
	half := d / 2
	return half + rand.N(half+1)
}
