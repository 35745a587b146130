package telegram

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

// Config configures the Telegram adapter. Only Token is required; the zero
// value of every other field picks a sensible default.
type Config struct {
	// Token is the bot token from @BotFather ("123456789:AA..."). It is never
	// logged and is redacted from every error the adapter returns or logs.
	Token string
	// APIURL is the Bot API server, without a trailing slash. Default
	// https://api.telegram.org (a local Bot API server or a fake in tests).
	APIURL string
	// WebhookURL, when set, switches the adapter to webhook mode: Run
	// registers this HTTPS URL with setWebhook and updates arrive through
	// WebhookHandler, mounted by the HTTP server at WebhookPath. Empty means
	// long polling.
	WebhookURL string
	// WebhookSecret is sent by Telegram in the X-Telegram-Bot-Api-Secret-Token
	// header of every webhook request; requests without it are refused.
	// Required with WebhookURL: 1-256 characters of A-Z, a-z, 0-9, _ and -.
	WebhookSecret string

	// StaffChatID is the staff group for handoff tickets (TELEGRAM_STAFF_CHAT_ID,
	// see staff.go); 0 means none. Rater, when set, is told of ratings.
	StaffChatID int64
	Rater       bot.Rater

	// Logger receives the adapter's operational log. It never receives
	// message text, user ids, chat ids or the token. Nil means slog.Default().
	Logger *slog.Logger
	// Monitor receives connection, reconnection, feedback and error counts.
	// Nil means bot.NopMonitor.
	Monitor bot.Monitor
	// HTTPClient carries every Bot API call. Its Timeout should be zero or
	// longer than PollTimeout; the adapter bounds each call with a context.
	// Nil means a client of its own.
	HTTPClient *http.Client

	// PollTimeout is the long-poll timeout sent with getUpdates (whole
	// seconds). Default 50 s.
	PollTimeout time.Duration
	// BackoffMin and BackoffMax bound the exponential backoff (with jitter)
	// after network errors and server faults. Defaults 1 s and 30 s.
	BackoffMin, BackoffMax time.Duration
	// MaxSendTries bounds how many times one call is made when Telegram
	// answers 429 (after waiting retry_after) or the network fails. Urgent
	// (emergency, crisis) replies are retried until UrgentTimeout instead.
	// Default 5.
	MaxSendTries int
	// ChatInterval and GroupInterval space the messages sent to one private
	// chat and to one group (Telegram allows about one a second per chat and
	// twenty a minute per group). Defaults 1 s and 3 s. GlobalInterval
	// spaces all messages (about thirty a second per bot); default 35 ms.
	ChatInterval, GroupInterval, GlobalInterval time.Duration
	// TypingDelay is how long an answer takes before "typing…" is shown.
	// Default 300 ms.
	TypingDelay time.Duration
	// ReplyTimeout bounds handling and sending one reply. Default 60 s.
	// UrgentTimeout replaces it for emergency and crisis replies. Default 5 min.
	ReplyTimeout, UrgentTimeout time.Duration
	// ShutdownTimeout bounds how long Run waits for in-flight replies after
	// its context is cancelled. Default 15 s.
	ShutdownTimeout time.Duration
	// MaxWorkers bounds how many chats are answered at once. Default 16.
	// A worker only decides a reply; the paced sending does not hold it.
	MaxWorkers int
	// MaxChatQueue bounds the replies one chat may have waiting for their
	// paced slot; beyond it they are dropped for one "slow down" notice.
	// Urgent replies never wait. Default 10.
	MaxChatQueue int
	// MaxQueue bounds the webhook updates waiting to be handled: a request
	// beyond it is answered 503 and Telegram retries it later. (A polling
	// batch holds at most 100 updates.) Default 1000.
	MaxQueue int
	// MaxBodyBytes bounds a webhook request body. Default 1 MiB.
	MaxBodyBytes int64
	// MaxMessageLen is the longest message sent, in UTF-16 code units of the
	// HTML source. Default (and Telegram's limit) 4096.
	MaxMessageLen int
}

// Environment variables read by ConfigFromEnv.
const (
	EnvToken         = "TELEGRAM_BOT_TOKEN"
	EnvAPIURL        = "TELEGRAM_API_URL"
	EnvWebhookURL    = "TELEGRAM_WEBHOOK_URL"
	EnvWebhookSecret = "TELEGRAM_WEBHOOK_SECRET"
)

// MinWebhookSecretLength is the shortest webhook secret accepted: anyone
// who guesses it can post updates as any user.
const MinWebhookSecretLength = 16

// DefaultAPIURL is Telegram's Bot API server.
const DefaultAPIURL = "https://api.telegram.org"

// ConfigFromEnv reads the adapter's configuration from environment variables
// through getenv (os.Getenv in production). The adapter is enabled when
// TELEGRAM_BOT_TOKEN is set; otherwise cfg is zero, enabled is false and the
// other variables are not read. Errors name the offending variable and never
// contain the token or the secret.
func ConfigFromEnv(getenv func(string) string) (cfg Config, enabled bool, err error) {
	cfg.Token = strings.TrimSpace(getenv(EnvToken))
	if cfg.Token == "" {
		return Config{}, false, nil
	}
	// Every problem is reported at once, so one fix-and-retry round suffices.
	var errs []error
	if err := checkToken(cfg.Token); err != nil {
		errs = append(errs, err)
	}
	cfg.APIURL = strings.TrimSpace(getenv(EnvAPIURL))
	if cfg.APIURL != "" {
		if _, err := checkAPIURL(cfg.APIURL); err != nil {
			errs = append(errs, err)
		}
	}
	cfg.WebhookURL = strings.TrimSpace(getenv(EnvWebhookURL))
	cfg.WebhookSecret = strings.TrimSpace(getenv(EnvWebhookSecret))
	errs = append(errs, checkWebhook(cfg.WebhookURL, cfg.WebhookSecret)...)
	if err := cfg.staffFromEnv(getenv); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Config{}, true, errors.Join(errs...)
	}
	return cfg, true, nil
}

func checkToken(tok string) error {
	i := strings.IndexByte(tok, ':')
	if i <= 0 || i == len(tok)-1 {
		return fmt.Errorf("telegram: %s does not look like a bot token (expected digits, a colon and a key, as @BotFather shows it)", EnvToken)
	}
	for _, r := range tok[:i] {
		if r < '0' || r > '9' {
			return fmt.Errorf("telegram: %s does not look like a bot token (expected digits before the colon)", EnvToken)
		}
	}
	for _, r := range tok[i+1:] {
		if !secretRune(r) {
			return fmt.Errorf("telegram: %s contains characters a bot token cannot hold; paste it exactly as @BotFather shows it", EnvToken)
		}
	}
	return nil
}

func checkAPIURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.Contains(s, "%") {
		return "", fmt.Errorf("telegram: %s must be an http(s) URL such as %s", EnvAPIURL, DefaultAPIURL)
	}
	return strings.TrimRight(s, "/"), nil
}

// WebhookPorts are the ports Telegram delivers webhook updates to.
var WebhookPorts = []string{"443", "80", "88", "8443"}

func checkWebhook(webhookURL, secret string) []error {
	switch {
	case webhookURL == "" && secret == "":
		return nil
	case webhookURL == "":
		return []error{fmt.Errorf("telegram: %s is set but %s is not; set both (webhook mode) or neither (long polling)", EnvWebhookSecret, EnvWebhookURL)}
	case secret == "":
		return []error{fmt.Errorf("telegram: %s is set but %s is not; set both (webhook mode) or neither (long polling)", EnvWebhookURL, EnvWebhookSecret)}
	}
	var errs []error
	u, err := url.Parse(webhookURL)
	switch {
	case err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.Fragment != "":
		errs = append(errs, fmt.Errorf("telegram: %s must be an https URL Telegram can reach, such as https://bot.example.org/telegram/webhook", EnvWebhookURL))
	case u.Path == "" || u.Path == "/":
		errs = append(errs, fmt.Errorf("telegram: %s must include a path (such as /telegram/webhook) at which the server mounts the webhook", EnvWebhookURL))
	}
	if err == nil && u.Port() != "" && !slices.Contains(WebhookPorts, u.Port()) {
		errs = append(errs, fmt.Errorf("telegram: %s has port %s, but Telegram sends webhooks only to ports %s; put a reverse proxy on one of them in front of the server",
			EnvWebhookURL, u.Port(), strings.Join(WebhookPorts, ", ")))
	}
	if len(secret) > 256 {
		errs = append(errs, fmt.Errorf("telegram: %s must be at most 256 characters", EnvWebhookSecret))
	}
	if len(secret) < MinWebhookSecretLength {
		errs = append(errs, fmt.Errorf("telegram: %s is too short (%d characters); use at least %d random characters (openssl rand -hex 32)", EnvWebhookSecret, len(secret), MinWebhookSecretLength))
	}
	for _, r := range secret {
		if !secretRune(r) {
			errs = append(errs, fmt.Errorf("telegram: %s may only contain A-Z, a-z, 0-9, _ and -", EnvWebhookSecret))
			break
		}
	}
	return errs
}

func secretRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

// withDefaults validates cfg and fills in the defaults.
func (cfg Config) withDefaults() (Config, error) {
	cfg.Token = strings.TrimSpace(cfg.Token)
	if cfg.Token == "" {
		return cfg, errors.New("telegram: no bot token: set " + EnvToken)
	}
	if err := checkToken(cfg.Token); err != nil {
		return cfg, err
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	u, err := checkAPIURL(cfg.APIURL)
	if err != nil {
		return cfg, err
	}
	cfg.APIURL = u
	if err := errors.Join(checkWebhook(cfg.WebhookURL, cfg.WebhookSecret)...); err != nil {
		return cfg, err
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Monitor == nil {
		cfg.Monitor = bot.NopMonitor{}
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.PollTimeout, 50*time.Second)
	def(&cfg.BackoffMin, time.Second)
	def(&cfg.BackoffMax, 30*time.Second)
	if cfg.BackoffMax < cfg.BackoffMin {
		cfg.BackoffMax = cfg.BackoffMin
	}
	def(&cfg.ChatInterval, time.Second)
	def(&cfg.GroupInterval, 3*time.Second)
	def(&cfg.GlobalInterval, 35*time.Millisecond)
	def(&cfg.TypingDelay, 300*time.Millisecond)
	def(&cfg.ReplyTimeout, 60*time.Second)
	def(&cfg.UrgentTimeout, 5*time.Minute)
	def(&cfg.ShutdownTimeout, 15*time.Second)
	if cfg.MaxSendTries <= 0 {
		cfg.MaxSendTries = 5
	}
	if cfg.MaxChatQueue <= 0 {
		cfg.MaxChatQueue = 10
	}
	if cfg.MaxWorkers <= 0 {
		cfg.MaxWorkers = 16
	}
	if cfg.MaxQueue <= 0 {
		cfg.MaxQueue = 1000
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.MaxMessageLen <= 0 || cfg.MaxMessageLen > 4096 {
		cfg.MaxMessageLen = 4096
	}
	if cfg.MaxMessageLen < 256 {
		cfg.MaxMessageLen = 256
	}
	return cfg, nil
}
