// Package config loads the clinic's details and the server's settings from a
// JSON file, environment variables and flags. Every problem is reported with
// the name of the key (file field or environment variable) it concerns, all
// problems at once.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

// clinicField ties a Clinic field to its JSON name and environment variable.
type clinicField struct {
	json, env string
	ptr       func(*bot.Clinic) *string
}

var clinicFields = []clinicField{
	{"name", "CLINIC_NAME", func(c *bot.Clinic) *string { return &c.Name }},
	{"phone", "CLINIC_PHONE", func(c *bot.Clinic) *string { return &c.Phone }},
	{"email", "CLINIC_EMAIL", func(c *bot.Clinic) *string { return &c.Email }},
	{"booking_url", "CLINIC_BOOKING_URL", func(c *bot.Clinic) *string { return &c.BookingURL }},
	{"hours", "CLINIC_HOURS", func(c *bot.Clinic) *string { return &c.Hours }},
	{"address", "CLINIC_ADDRESS", func(c *bot.Clinic) *string { return &c.Address }},
	{"emergency_number", "EMERGENCY_NUMBER", func(c *bot.Clinic) *string { return &c.EmergencyNumber }},
	{"crisis_line", "CRISIS_LINE", func(c *bot.Clinic) *string { return &c.CrisisLine }},
}

// ClinicEnv lists the environment variables LoadClinic reads.
func ClinicEnv() []string {
	out := make([]string, len(clinicFields))
	for i, f := range clinicFields {
		out[i] = f.env
	}
	return out
}

// LoadClinic returns the clinic's details: bot.DefaultClinic, overlaid by
// the JSON file at path (if path is not empty; unknown fields are errors),
// overlaid by the environment variables CLINIC_NAME, CLINIC_PHONE,
// CLINIC_EMAIL, CLINIC_BOOKING_URL, CLINIC_HOURS, CLINIC_ADDRESS,
// EMERGENCY_NUMBER and CRISIS_LINE (when set and not blank). The result is
// validated; each problem names the file field or variable it came from.
func LoadClinic(path string, getenv func(string) string) (bot.Clinic, error) {
	c := bot.DefaultClinic()
	origin := map[string]string{} // json name -> where the value came from
	for _, f := range clinicFields {
		origin[f.json] = "default " + f.json
	}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("clinic config: %w", err)
		}
		var fc fileClinic
		if err := decodeStrict(data, &fc); err != nil {
			return c, fmt.Errorf("%s: %w", path, err)
		}
		for _, f := range clinicFields {
			if v, ok := fc[f.json]; ok {
				*f.ptr(&c) = strings.TrimSpace(v)
				origin[f.json] = path + ": " + f.json
			}
		}
	}
	if getenv != nil {
		for _, f := range clinicFields {
			if v := strings.TrimSpace(getenv(f.env)); v != "" {
				*f.ptr(&c) = v
				origin[f.json] = f.env
			}
		}
	}
	return c, validateClinic(c, origin)
}

// fileClinic is the config file's shape: every field optional, unknown
// fields rejected by decodeStrict against clinicFields.
type fileClinic map[string]string

// decodeStrict decodes one JSON object of string fields, rejecting unknown
// fields, non-string values and trailing data, with line numbers.
func decodeStrict(data []byte, out *fileClinic) error {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil {
		return jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("line %d: unexpected data after the JSON object", lineOf(data, int(dec.InputOffset())))
	}
	if raw == nil {
		return errors.New("want a JSON object of clinic details")
	}
	known := map[string]bool{}
	for _, f := range clinicFields {
		known[f.json] = true
	}
	var errs []error
	*out = fileClinic{}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		if !known[k] {
			errs = append(errs, fmt.Errorf("unknown field %q (known: %s)", k, knownFields()))
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			errs = append(errs, fmt.Errorf("%s: want a string, got %s", k, v))
			continue
		}
		(*out)[k] = s
	}
	return errors.Join(errs...)
}

func knownFields() string {
	names := make([]string, len(clinicFields))
	for i, f := range clinicFields {
		names[i] = f.json
	}
	return strings.Join(names, ", ")
}

func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %v", lineOf(data, int(se.Offset)), se)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("line %d: want a JSON object of clinic details, got %s", lineOf(data, int(te.Offset)), te.Value)
	}
	if errors.Is(err, io.EOF) {
		return errors.New("empty file, want a JSON object of clinic details")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("unexpected end of file")
	}
	return err
}

func lineOf(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

func validateClinic(c bot.Clinic, origin map[string]string) error {
	var errs []error
	bad := func(field, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{origin[field]}, a...)...))
	}
	if c.Name == "" {
		bad("name", "must not be empty")
	}
	if c.Phone != "" && !phoneLike(c.Phone) {
		bad("phone", "%q is not a phone number (digits, spaces and + ( ) - only)", c.Phone)
	}
	if c.EmergencyNumber == "" {
		bad("emergency_number", "must not be empty")
	} else if !phoneLike(c.EmergencyNumber) {
		bad("emergency_number", "%q is not a phone number (digits, spaces and + ( ) - only)", c.EmergencyNumber)
	}
	if c.CrisisLine == "" {
		bad("crisis_line", "must not be empty")
	}
	if c.Email != "" {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			bad("email", "%q is not an email address", c.Email)
		}
	}
	if c.BookingURL != "" {
		u, err := url.Parse(c.BookingURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("booking_url", "%q is not an http(s) URL", c.BookingURL)
		}
	}
	return errors.Join(errs...)
}

// phoneLike reports whether s has at least one digit and only digits,
// spaces and + ( ) -.
func phoneLike(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '+' || r == '(' || r == ')' || r == '-':
		default:
			return false
		}
	}
	return digits > 0
}

// Serve holds the settings of `infusionbot serve`.
type Serve struct {
	// Addr is where the HTTP server listens (HTTP_ADDR, --addr; default :8080).
	Addr string
	// MetricsAddr is where /metrics is served, on a listener of its own
	// (METRICS_ADDR); empty means no metrics endpoint. Metrics are never on
	// Addr, which is published to patients' browsers and webhooks.
	MetricsAddr string
	// APIToken, when set, is required as a bearer token by /v1/messages and
	// enables /admin/reload (API_TOKEN).
	APIToken string
	// ShutdownTimeout bounds the wait for in-flight replies on SIGTERM
	// (SHUTDOWN_TIMEOUT; default 10s).
	ShutdownTimeout time.Duration
	// DrainDelay is how long /readyz answers 503 before the listener closes,
	// so that a load balancer stops sending first (SHUTDOWN_DRAIN; default
	// 5s; 0 closes at once).
	DrainDelay time.Duration
	// RateLimit is HTTP messages per second per person, the "user" of a
	// message within its client (RATE_LIMIT; default 5; 0 turns it off),
	// with bursts of RateBurst (RATE_BURST; default 2×).
	RateLimit float64
	RateBurst int
	// ClientRateLimit is the ceiling of HTTP requests per second per client,
	// the API token (else the remote IP) all its people share
	// (CLIENT_RATE_LIMIT; default 100; 0 turns it off), with bursts of
	// ClientRateBurst (CLIENT_RATE_BURST; default 2×).
	ClientRateLimit float64
	ClientRateBurst int
	// TrustedProxies are the reverse proxies in front of the server, whose
	// X-Forwarded-For names the client (TRUSTED_PROXIES: comma-separated
	// addresses or CIDR prefixes; default none).
	TrustedProxies []netip.Prefix
	// MaxBodyBytes caps a request body (MAX_BODY_BYTES; default 65536).
	MaxBodyBytes int64
	// Transcript logs message text (TRANSCRIPT=1; default off).
	Transcript bool
}

// Defaults of Serve.
const (
	DefaultAddr            = ":8080"
	DefaultShutdownTimeout = 10 * time.Second
	DefaultDrainDelay      = 5 * time.Second
	DefaultRateLimit       = 5
	DefaultClientRateLimit = 100
	DefaultMaxBodyBytes    = 64 << 10
	MinAPITokenLength      = 16
)

// LoadServe reads Serve from the environment. Every malformed value is
// reported, naming its variable; the defaults stand in for them.
func LoadServe(getenv func(string) string) (Serve, error) {
	s := Serve{Addr: DefaultAddr, ShutdownTimeout: DefaultShutdownTimeout, DrainDelay: DefaultDrainDelay,
		RateLimit: DefaultRateLimit, ClientRateLimit: DefaultClientRateLimit, MaxBodyBytes: DefaultMaxBodyBytes}
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	var errs []error
	get := func(k string) string { return strings.TrimSpace(getenv(k)) }
	if v := get("HTTP_ADDR"); v != "" {
		s.Addr = v
	}
	s.MetricsAddr = get("METRICS_ADDR")
	s.APIToken = getenv("API_TOKEN")
	if v := get("SHUTDOWN_DRAIN"); v != "" {
		d, err := parseDuration(v)
		if err != nil || d < 0 {
			errs = append(errs, fmt.Errorf("SHUTDOWN_DRAIN: %q is not a duration (for example 5s, or 0)", v))
		} else {
			s.DrainDelay = d
		}
	}
	if v := get("SHUTDOWN_TIMEOUT"); v != "" {
		d, err := parseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("SHUTDOWN_TIMEOUT: %q is not a positive duration (for example 10s)", v))
		} else {
			s.ShutdownTimeout = d
		}
	}
	rate := func(name string, dst *float64) {
		if v := get(name); v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
				errs = append(errs, fmt.Errorf("%s: %q is not a number of requests per second (0 turns the limit off)", name, v))
			} else {
				*dst = f
			}
		}
	}
	burst := func(name string, dst *int) {
		if v := get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				errs = append(errs, fmt.Errorf("%s: %q is not a whole number of at least 1", name, v))
			} else {
				*dst = n
			}
		}
	}
	if v := get("TRUSTED_PROXIES"); v != "" {
		for _, f := range strings.Split(v, ",") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			p, err := netip.ParsePrefix(f)
			if err != nil {
				a, aerr := netip.ParseAddr(f)
				if aerr != nil {
					errs = append(errs, fmt.Errorf("TRUSTED_PROXIES: %q is not an address or CIDR prefix (for example 10.0.0.0/8)", f))
					continue
				}
				p = netip.PrefixFrom(a, a.BitLen())
			}
			s.TrustedProxies = append(s.TrustedProxies, p.Masked())
		}
	}
	rate("RATE_LIMIT", &s.RateLimit)
	burst("RATE_BURST", &s.RateBurst)
	rate("CLIENT_RATE_LIMIT", &s.ClientRateLimit)
	burst("CLIENT_RATE_BURST", &s.ClientRateBurst)
	if v := get("MAX_BODY_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 64 {
			errs = append(errs, fmt.Errorf("MAX_BODY_BYTES: %q is not a whole number of bytes of at least 64", v))
		} else {
			s.MaxBodyBytes = n
		}
	}
	if v := get("TRANSCRIPT"); v != "" {
		b, err := parseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("TRANSCRIPT: %q is not 1/0, true/false, yes/no or on/off", v))
		}
		s.Transcript = b
	}
	return s, errors.Join(errs...)
}

// RegisterFlags adds the flags that override the environment (--addr);
// call it after LoadServe so the flags' defaults are the environment's values.
func (s *Serve) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&s.Addr, "addr", s.Addr, "address for the HTTP API (HTTP_ADDR)")
}

// Validate checks the settings as a whole, after flags.
func (s Serve) Validate() error {
	var errs []error
	if _, port, err := net.SplitHostPort(s.Addr); err != nil || port == "" {
		errs = append(errs, fmt.Errorf("HTTP_ADDR/--addr: %q is not host:port (for example :8080 or 127.0.0.1:8080)", s.Addr))
	}
	if s.MetricsAddr != "" {
		if _, port, err := net.SplitHostPort(s.MetricsAddr); err != nil || port == "" {
			errs = append(errs, fmt.Errorf("METRICS_ADDR: %q is not host:port (for example 127.0.0.1:9464)", s.MetricsAddr))
		} else if s.MetricsAddr == s.Addr {
			errs = append(errs, fmt.Errorf("METRICS_ADDR: %q is the HTTP API's own address; metrics need an address of their own", s.MetricsAddr))
		}
	}
	if s.APIToken != "" && len(s.APIToken) < MinAPITokenLength {
		errs = append(errs, fmt.Errorf("API_TOKEN: too short (%d characters); use at least %d random characters", len(s.APIToken), MinAPITokenLength))
	}
	if strings.TrimSpace(s.APIToken) != s.APIToken {
		errs = append(errs, errors.New("API_TOKEN: has white space at an end"))
	}
	return errors.Join(errs...)
}

// Burst is RateBurst, or twice the rate (at least 1) when not set.
func (s Serve) Burst() int { return burstOf(s.RateLimit, s.RateBurst) }

// ClientBurst is ClientRateBurst, or twice the rate (at least 1) when not set.
func (s Serve) ClientBurst() int { return burstOf(s.ClientRateLimit, s.ClientRateBurst) }

func burstOf(rate float64, burst int) int {
	if burst > 0 {
		return burst
	}
	return max(1, int(math.Ceil(2*rate)))
}

func parseDuration(v string) (time.Duration, error) {
	if n, err := strconv.Atoi(v); err == nil {
		return time.Duration(n) * time.Second, nil // bare seconds
	}
	return time.ParseDuration(v)
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, errors.New("not a boolean")
}
