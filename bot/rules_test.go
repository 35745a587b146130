package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/infusionbot/infusionbot/bot"
)

// sectionIntent is the intent a rules.txt section answers with.
func sectionIntent(section string) bot.Intent {
	if section == "sources" {
		return bot.IntentHelp
	}
	return bot.Intent(section)
}

// TestRuleExamples routes every example and counter-example of rules.txt
// through the whole router (rules, then search), one subtest per rule.
func TestRuleExamples(t *testing.T) {
	rt := newTestRouter(t)
	for _, r := range bot.DefaultRules().Rules {
		t.Run(r.Section+"/"+r.Name, func(t *testing.T) {
			want := sectionIntent(r.Section)
			for _, ex := range r.Examples {
				got := ask(t, rt, "u", ex)
				if got.Intent != want {
					t.Errorf("%q routed to %s, want %s (rules.txt:%d)", ex, got.Intent, want, r.Line)
				}
			}
			for _, ex := range r.Counters {
				got := ask(t, rt, "u", ex)
				if got.Intent == want {
					t.Errorf("counter-example %q routed to %s (rules.txt:%d)", ex, got.Intent, r.Line)
				}
			}
		})
	}
}

func ask(t *testing.T, h bot.Handler, user, text string) bot.Reply {
	t.Helper()
	r, err := h.Handle(context.Background(), bot.Message{Platform: "test", Conversation: "test:" + user, User: user, Text: text})
	if err != nil {
		t.Fatalf("Handle(%q): %v", text, err)
	}
	return r
}

func TestParseRulesErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown section", "[weather]\nrule: x\nmatch: rain\nexample: rain", "r.txt:1: unknown section [weather]"},
		{"no colon", "[emergency]\nrule: x\nmatch chest pain", "r.txt:3: want \"key: value\""},
		{"no example", "[emergency]\nrule: x\nmatch: chest pain", "r.txt:2: rule \"x\" has no example"},
		{"unclosed brace", "[emergency]\nrule: x\nmatch: {chest pain\nexample: chest pain", "r.txt:3: pattern \"{chest pain\": { without }"},
		{"key before rule", "[emergency]\nmatch: chest pain", "r.txt:2: match before any rule:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bot.ParseRules("r.txt", tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestPatternSyntax(t *testing.T) {
	tests := []struct {
		pattern, text string
		want          bool
	}{
		{"match: my {face|lips} ... swelling", "My face is really swelling!", true},
		{"match: my {face|lips} ... swelling", "my face is a bit red and itchy now and swelling", false}, // more than four words between
		{"match: i cannot breathe", "I can't breathe", true},
		{"match: i cannot breathe", "i cant breathe", true},
		{"match: i cannot breathe", "I can not breathe", true},
		{"match: migraine*", "my migraines", true},
		{"match: fever && red", "fever and a red arm", true},
		{"match: fever && red", "fever only", false},
		{"whole: {hi|hello} {there|}", "Hello there!", true},
		{"whole: {hi|hello} {there|}", "hello what is ketamine", false},
		{"match: chest pain\nunless: question about", "I have a question about chest pain", false},
	}
	for _, tt := range tests {
		rs, err := bot.ParseRules("t", "[emergency]\nrule: t\n"+tt.pattern+"\nexample: x")
		if err != nil {
			t.Fatal(err)
		}
		_, got := rs.Match(tt.text)
		if got != tt.want {
			t.Errorf("%q on %q = %v, want %v", tt.pattern, tt.text, got, tt.want)
		}
	}
}
