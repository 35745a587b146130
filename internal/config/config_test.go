package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "clinic.json")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadClinicDefaults(t *testing.T) {
	c, err := LoadClinic("", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c != bot.DefaultClinic() {
		t.Fatalf("got %+v, want the defaults", c)
	}
}

func TestLoadClinicFileThenEnv(t *testing.T) {
	p := writeFile(t, `{
  "name": "MS Pain & Migraine",
  "phone": "+1 (555) 010-0199",
  "email": "care@example.com",
  "booking_url": "https://example.com/book",
  "hours": "Mon–Fri 8–5"
}`)
	c, err := LoadClinic(p, env(map[string]string{"CLINIC_PHONE": " 555 0100 ", "CRISIS_LINE": "988 (call or text)"}))
	if err != nil {
		t.Fatal(err)
	}
	want := bot.Clinic{Name: "MS Pain & Migraine", Phone: "555 0100", Email: "care@example.com",
		BookingURL: "https://example.com/book", Hours: "Mon–Fri 8–5", EmergencyNumber: "911", CrisisLine: "988 (call or text)"}
	if c != want {
		t.Fatalf("got %+v\nwant %+v", c, want)
	}
}

func TestLoadClinicErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string // "" = no file
		env   map[string]string
		wants []string // each must appear in the error
	}{
		{"unknown field", `{"name": "X", "phon": "1"}`, nil, []string{"clinic.json", `unknown field "phon"`}},
		{"number instead of string", "{\n  \"name\": \"X\",\n  \"phone\": 5551\n}", nil, []string{"clinic.json", "phone: want a string"}},
		{"syntax error line", "{\n  \"name\": \"X\",\n  \"phone\": \"5551\"\n,}", nil, []string{"clinic.json", "line 4"}},
		{"broken json", "{\n\"name\": \"X\"\n\"phone\": \"1\"}", nil, []string{"clinic.json", "line 3"}},
		{"not an object", `["x"]`, nil, []string{"clinic.json", "JSON object"}},
		{"trailing data", `{"name":"X"} {}`, nil, []string{"clinic.json", "after the JSON object"}},
		{"empty file", ``, nil, []string{"clinic.json", "empty file"}},
		{"bad url from env", "", map[string]string{"CLINIC_BOOKING_URL": "javascript:alert(1)"}, []string{"CLINIC_BOOKING_URL", "http(s) URL"}},
		{"bad url from file", `{"booking_url": "ftp://x/y"}`, nil, []string{"clinic.json: booking_url"}},
		{"bad phone", "", map[string]string{"CLINIC_PHONE": "call us"}, []string{"CLINIC_PHONE", "not a phone number"}},
		{"bad emergency number", "", map[string]string{"EMERGENCY_NUMBER": "nine-one-one"}, []string{"EMERGENCY_NUMBER"}},
		{"empty emergency number in file", `{"emergency_number": ""}`, nil, []string{"clinic.json: emergency_number", "must not be empty"}},
		{"bad email", "", map[string]string{"CLINIC_EMAIL": "care at clinic"}, []string{"CLINIC_EMAIL"}},
		{"all problems at once", "", map[string]string{"CLINIC_EMAIL": "x", "CLINIC_PHONE": "?", "CLINIC_BOOKING_URL": "nope"},
			[]string{"CLINIC_EMAIL", "CLINIC_PHONE", "CLINIC_BOOKING_URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := ""
			if tt.file != "" || tt.name == "empty file" {
				path = writeFile(t, tt.file)
			}
			_, err := LoadClinic(path, env(tt.env))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestLoadClinicMissingFile(t *testing.T) {
	_, err := LoadClinic(filepath.Join(t.TempDir(), "nope.json"), nil)
	if err == nil || !strings.Contains(err.Error(), "nope.json") {
		t.Fatalf("err %v, want one naming the file", err)
	}
}

func TestLoadServe(t *testing.T) {
	s, err := LoadServe(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if s.Addr != ":8080" || s.ShutdownTimeout != 10*time.Second || s.RateLimit != 5 || s.Burst() != 10 || s.ClientRateLimit != 100 || s.ClientBurst() != 200 ||
		s.MaxBodyBytes != 65536 || s.Transcript || s.APIToken != "" {
		t.Fatalf("defaults %+v", s)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	s, err = LoadServe(env(map[string]string{"HTTP_ADDR": "127.0.0.1:9000", "API_TOKEN": "0123456789abcdef0123",
		"SHUTDOWN_TIMEOUT": "30", "RATE_LIMIT": "0", "MAX_BODY_BYTES": "4096", "TRANSCRIPT": "on", "RATE_BURST": "3"}))
	if err != nil {
		t.Fatal(err)
	}
	if s.Addr != "127.0.0.1:9000" || s.ShutdownTimeout != 30*time.Second || s.RateLimit != 0 || s.Burst() != 3 ||
		s.MaxBodyBytes != 4096 || !s.Transcript || s.APIToken != "0123456789abcdef0123" {
		t.Fatalf("from env %+v", s)
	}
}

func TestLoadServeErrors(t *testing.T) {
	_, err := LoadServe(env(map[string]string{"SHUTDOWN_TIMEOUT": "soon", "RATE_LIMIT": "-1", "MAX_BODY_BYTES": "1e9",
		"TRANSCRIPT": "maybe", "RATE_BURST": "0"}))
	if err == nil {
		t.Fatal("no error")
	}
	for _, k := range []string{"SHUTDOWN_TIMEOUT", "RATE_LIMIT", "MAX_BODY_BYTES", "TRANSCRIPT", "RATE_BURST"} {
		if !strings.Contains(err.Error(), k) {
			t.Errorf("error %q does not name %s", err, k)
		}
	}
	for _, tt := range []struct {
		s    Serve
		want string
	}{
		{Serve{Addr: "8080"}, "HTTP_ADDR"},
		{Serve{Addr: ":8080", APIToken: "short"}, "API_TOKEN"},
		{Serve{Addr: ":8080", APIToken: "0123456789abcdef\n"}, "API_TOKEN"},
		{Serve{Addr: ":8080", MetricsAddr: "9464"}, "METRICS_ADDR"},
		{Serve{Addr: ":8080", MetricsAddr: ":8080"}, "METRICS_ADDR"},
	} {
		if err := tt.s.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Validate(%+v) = %v, want one naming %s", tt.s, err, tt.want)
		}
		if err := tt.s.Validate(); err != nil && strings.Contains(err.Error(), "0123456789abcdef") {
			t.Errorf("the token is shown in the error: %v", err)
		}
	}
}

func TestAddrFlagOverridesEnv(t *testing.T) {
	s, _ := LoadServe(env(map[string]string{"HTTP_ADDR": ":9000"}))
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	s.RegisterFlags(fs)
	if err := fs.Parse([]string{"--addr", "127.0.0.1:9100"}); err != nil {
		t.Fatal(err)
	}
	if s.Addr != "127.0.0.1:9100" {
		t.Fatalf("Addr %q", s.Addr)
	}
	s, _ = LoadServe(env(map[string]string{"HTTP_ADDR": ":9000"}))
	fs = flag.NewFlagSet("serve", flag.ContinueOnError)
	s.RegisterFlags(fs)
	fs.Parse(nil)
	if s.Addr != ":9000" {
		t.Fatalf("without the flag Addr %q, want HTTP_ADDR", s.Addr)
	}
}

func TestTrustedProxies(t *testing.T) {
	s, err := LoadServe(env(map[string]string{"TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7"}))
	if err != nil || len(s.TrustedProxies) != 2 || s.TrustedProxies[1].String() != "192.0.2.7/32" {
		t.Fatalf("TRUSTED_PROXIES: %v %v", s.TrustedProxies, err)
	}
	if _, err := LoadServe(env(map[string]string{"TRUSTED_PROXIES": "proxy.local"})); err == nil || !strings.Contains(err.Error(), "TRUSTED_PROXIES") {
		t.Fatalf("a host name in TRUSTED_PROXIES: %v, want an error naming it", err)
	}
}
