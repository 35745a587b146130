package discord

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

// Config configures the Discord adapter. Only Token is required; the zero
// value of every other field picks a sensible default.
type Config struct {
	// Token is the bot token from the Developer Portal, with or without the
	// "Bot " prefix. It is never logged.
	Token string
	// GuildID, when set, registers the slash commands to that one server
	// (they appear at once) instead of globally (which can take up to an hour).
	GuildID string
	// ReadMessages asks for the privileged Message Content intent so that
	// every message in the server's channels is answered, not only direct
	// messages, @mentions and slash commands. It must also be enabled in the
	// Developer Portal, or the gateway refuses the connection (close 4014).
	ReadMessages bool
	// ShardID and ShardCount split the bot's servers across processes.
	// ShardCount 0 means 1 (no sharding).
	ShardID, ShardCount int

	// StaffChannelID is the staff channel for handoff tickets
	// (DISCORD_STAFF_CHANNEL_ID, see staff.go); "" means none. Rater, when
	// set, is told of ratings.
	StaffChannelID string
	Rater          bot.Rater

	// Logger receives the adapter's operational log. It never receives
	// message text, user ids, channel ids or the token. Nil means slog.Default().
	Logger *slog.Logger
	// Monitor receives connection, reconnection, feedback and error counts.
	// Nil means bot.NopMonitor.
	Monitor bot.Monitor

	// HTTPClient carries the REST calls (and GET /gateway). Nil means a client
	// with a 20 s timeout.
	HTTPClient *http.Client
	// APIBase, when set, replaces "https://discord.com/" in every REST URL
	// (a proxy, or a fake Discord in tests). The websocket gateway URL comes
	// from GET /gateway, so it follows along.
	APIBase string

	// ReplyTimeout bounds the handling and sending of one reply. Default 60 s.
	ReplyTimeout time.Duration
	// AckTimeout bounds an interaction's acknowledgement, which Discord
	// takes only within 3 s. Default 2.5 s.
	AckTimeout time.Duration
	// ShutdownTimeout bounds how long Run waits for in-flight replies after
	// its context is cancelled. Default 15 s.
	ShutdownTimeout time.Duration
	// OpenTimeout bounds one connection attempt (dial, HELLO, READY). Default 30 s.
	OpenTimeout time.Duration
	// HeartbeatTimeout is how long the gateway may stay silent (no heartbeat
	// ACK, no event) before the connection is considered dead and replaced.
	// Default 100 s (Discord heartbeats every ~41 s).
	HeartbeatTimeout time.Duration
	// ReconnectMin and ReconnectMax bound the exponential backoff between
	// reconnection attempts. Defaults 1 s and 2 min.
	ReconnectMin, ReconnectMax time.Duration
	// MaxRateLimitRetries bounds how many times one REST call is retried after
	// a 429 response; MaxRateLimitWait bounds a single wait. Defaults 3 and 30 s.
	MaxRateLimitRetries int
	MaxRateLimitWait    time.Duration
	// MaxWorkers bounds how many replies are being decided at once (the
	// handler running, an interaction being acknowledged); sending a decided
	// reply does not hold a worker. Default 16.
	MaxWorkers int
	// MaxUserQueue bounds the events one user may have in hand (waiting or
	// being answered); beyond it they are refused with one notice that
	// also gives the emergency line. Default 10.
	MaxUserQueue int
}

// Environment variables read by ConfigFromEnv.
const (
	EnvToken        = "DISCORD_BOT_TOKEN"
	EnvGuildID      = "DISCORD_GUILD_ID"
	EnvReadMessages = "DISCORD_READ_MESSAGES"
	EnvShardID      = "DISCORD_SHARD_ID"
	EnvShardCount   = "DISCORD_SHARD_COUNT"
)

// ConfigFromEnv reads the adapter's configuration from environment variables
// through getenv (os.Getenv in production). The adapter is enabled when
// DISCORD_BOT_TOKEN is set; otherwise cfg is zero, enabled is false and the
// other variables are not read. Errors name the offending variable.
func ConfigFromEnv(getenv func(string) string) (cfg Config, enabled bool, err error) {
	cfg.Token = strings.TrimSpace(getenv(EnvToken))
	if cfg.Token == "" {
		return Config{}, false, nil
	}
	// Every problem is reported at once, so one fix-and-retry round suffices.
	var errs []error
	if strings.ContainsAny(cfg.Token, " \t\r\n") && !strings.HasPrefix(cfg.Token, "Bot ") {
		errs = append(errs, fmt.Errorf("discord: %s contains whitespace; paste the token exactly as the Developer Portal shows it", EnvToken))
	}
	if g := strings.TrimSpace(getenv(EnvGuildID)); g != "" {
		if !isSnowflake(g) {
			errs = append(errs, fmt.Errorf("discord: %s must be a numeric server id (enable Developer Mode, right-click the server, Copy Server ID)", EnvGuildID))
		}
		cfg.GuildID = g
	}
	if v := strings.TrimSpace(getenv(EnvReadMessages)); v != "" {
		b, perr := strconv.ParseBool(v)
		if perr != nil {
			errs = append(errs, fmt.Errorf("discord: %s must be true or false, not %q", EnvReadMessages, v))
		}
		cfg.ReadMessages = b
	}
	idStr, countStr := strings.TrimSpace(getenv(EnvShardID)), strings.TrimSpace(getenv(EnvShardCount))
	switch {
	case idStr == "" && countStr == "":
	case idStr == "":
		errs = append(errs, fmt.Errorf("discord: %s is set but %s is not; set both or neither", EnvShardCount, EnvShardID))
	case countStr == "":
		errs = append(errs, fmt.Errorf("discord: %s is set but %s is not; set both or neither", EnvShardID, EnvShardCount))
	default:
		id, ierr := strconv.Atoi(idStr)
		if ierr != nil || id < 0 {
			errs = append(errs, fmt.Errorf("discord: %s must be a whole number >= 0, not %q", EnvShardID, idStr))
		}
		count, cerr := strconv.Atoi(countStr)
		if cerr != nil || count < 1 {
			errs = append(errs, fmt.Errorf("discord: %s must be a whole number >= 1, not %q", EnvShardCount, countStr))
		}
		if ierr == nil && cerr == nil && id >= 0 && count >= 1 && id >= count {
			errs = append(errs, fmt.Errorf("discord: %s (%d) must be less than %s (%d)", EnvShardID, id, EnvShardCount, count))
		}
		cfg.ShardID, cfg.ShardCount = id, count
	}
	if err := cfg.staffFromEnv(getenv); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Config{}, true, errors.Join(errs...)
	}
	return cfg, true, nil
}

func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// withDefaults validates cfg and fills in the defaults.
func (cfg Config) withDefaults() (Config, error) {
	words := strings.Fields(cfg.Token)
	if len(words) > 0 && words[0] == "Bot" {
		words = words[1:]
	}
	switch len(words) {
	case 0:
		return cfg, errors.New("discord: no bot token: set " + EnvToken)
	case 1:
		cfg.Token = words[0]
	default:
		return cfg, errors.New("discord: the bot token contains spaces: check " + EnvToken)
	}
	if cfg.ShardCount == 0 {
		cfg.ShardCount = 1
	}
	if cfg.ShardCount < 1 || cfg.ShardID < 0 || cfg.ShardID >= cfg.ShardCount {
		return cfg, fmt.Errorf("discord: shard id %d is out of range for shard count %d", cfg.ShardID, cfg.ShardCount)
	}
	if cfg.GuildID != "" && !isSnowflake(cfg.GuildID) {
		return cfg, errors.New("discord: the guild id must be numeric")
	}
	if cfg.APIBase != "" && !strings.HasSuffix(cfg.APIBase, "/") {
		cfg.APIBase += "/"
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
	def(&cfg.ReplyTimeout, 60*time.Second)
	def(&cfg.ShutdownTimeout, 15*time.Second)
	def(&cfg.OpenTimeout, 30*time.Second)
	def(&cfg.HeartbeatTimeout, 100*time.Second)
	def(&cfg.ReconnectMin, time.Second)
	def(&cfg.ReconnectMax, 2*time.Minute)
	if cfg.ReconnectMax < cfg.ReconnectMin {
		cfg.ReconnectMax = cfg.ReconnectMin
	}
	def(&cfg.MaxRateLimitWait, 30*time.Second)
	def(&cfg.AckTimeout, 2500*time.Millisecond)
	if cfg.MaxWorkers <= 0 {
		cfg.MaxWorkers = 16
	}
	if cfg.MaxUserQueue <= 0 {
		cfg.MaxUserQueue = 10
	}
	if cfg.MaxRateLimitRetries <= 0 {
		cfg.MaxRateLimitRetries = 3
	}
	return cfg, nil
}
