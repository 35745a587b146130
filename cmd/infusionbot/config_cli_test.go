package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClinicConfig: --config FILE and the environment set the clinic's
// details the replies show (emergency number, crisis line, name, phone);
// the environment wins over the file; a bad file is an error naming it.
func TestClinicConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "clinic.json")
	if err := os.WriteFile(cfg, []byte(`{"name": "Riverside Infusion Center", "phone": "+1 555 0100", "emergency_number": "112", "crisis_line": "116 123"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	in := strings.Join([]string{
		cliLine("a", "I can't breathe"),
		cliLine("b", "How do I make an appointment?"),
		cliLine("c", "I want to end my life"),
		cliLine("d", "I'd like to talk to a person"),
	}, "\n") + "\n"
	ask := func(env map[string]string, args ...string) []cliReply {
		t.Helper()
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"ask", "--json"}, args...), func(k string) string { return env[k] }, strings.NewReader(in), &out, &errb)
		if err != nil {
			t.Fatalf("ask --json %q with %v: %v (stderr %q)", args, env, err, errb.String())
		}
		var rs []cliReply
		for _, l := range cliLines(t, out.String()) {
			rs = append(rs, cliDecodeReply(t, l))
		}
		if len(rs) != 4 {
			t.Fatalf("%d replies for 4 messages", len(rs))
		}
		return rs
	}
	check := func(name string, r cliReply, intent string, has, lacks []string) {
		t.Helper()
		if r.Intent != intent {
			t.Errorf("%s: intent %q, want %q", name, r.Intent, intent)
		}
		for _, s := range has {
			if !strings.Contains(r.Text, s) {
				t.Errorf("%s: reply lacks %q: %q", name, s, r.Text)
			}
		}
		for _, s := range lacks {
			if strings.Contains(r.Text, s) {
				t.Errorf("%s: reply has %q: %q", name, s, r.Text)
			}
		}
	}

	rs := ask(nil, "--config", cfg)
	check("file: emergency", rs[0], "emergency", []string{"112"}, []string{"911"})
	check("file: clinic", rs[1], "clinic", []string{"+1 555 0100"}, nil)
	check("file: crisis", rs[2], "crisis", []string{"116 123", "112"}, []string{"988", "911"})
	check("file: human", rs[3], "human", []string{"Riverside Infusion Center", "+1 555 0100"}, nil)

	rs = ask(map[string]string{"CLINIC_PHONE": "+1 555 0199", "EMERGENCY_NUMBER": "000"}, "--config", cfg)
	check("env over file: emergency", rs[0], "emergency", []string{"000"}, []string{"112", "911"})
	check("env over file: clinic", rs[1], "clinic", []string{"+1 555 0199"}, []string{"0100"})

	rs = ask(nil)
	check("defaults: emergency", rs[0], "emergency", []string{"911"}, nil)
	check("defaults: crisis", rs[2], "crisis", []string{"988"}, nil)

	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"phone": 5}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"ask", "--config", bad, "hi"},
		{"repl", "--config", bad},
		{"ask", "--config", filepath.Join(dir, "missing.json"), "hi"},
	} {
		out, _, err := cliRun(t, "hello\n", args...)
		if err == nil || out != "" {
			t.Errorf("%q: %v, printed %q; want an error and no reply", args, err, out)
			continue
		}
		if !strings.Contains(err.Error(), filepath.Base(args[2])) && !strings.Contains(err.Error(), "clinic config") {
			t.Errorf("%q: error %q does not name the file", args, err)
		}
	}
	if _, _, err := cliRun(t, "", "ask", "--config", bad, "hi"); err == nil || !strings.Contains(err.Error(), "phone") {
		t.Errorf("bad phone: error %v does not name the field", err)
	}
}
