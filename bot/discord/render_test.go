package discord

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/utf16"
)

func TestSplitContent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    string
		limit int
		want  []string
	}{
		{"empty", "", 10, nil},
		{"whitespace only", " \n\n ", 10, nil},
		{"fits", "  hello world \n", 20, []string{"hello world"}},
		{"paragraphs", "aaaa bbbb\n\ncccc dddd", 12, []string{"aaaa bbbb", "cccc dddd"}},
		{"paragraph preferred over later line", "aaaa bbbb\n\ncc\ndd ee", 16, []string{"aaaa bbbb", "cc\ndd ee"}},
		{"lines", "aaaa\nbbbb\ncccc", 10, []string{"aaaa\nbbbb", "cccc"}},
		{"words", "aaa bbb ccc ddd", 8, []string{"aaa bbb", "ccc ddd"}},
		{"cut exactly at a space", "aaaa bbbb", 4, []string{"aaaa", "bbbb"}},
		{"no spaces", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"runes not bytes", "ééééé", 2, []string{"éé", "éé", "é"}},
		{"astral characters count two", "😀😀😀", 4, []string{"😀😀", "😀"}},
		{"character wider than the limit", "😀😀", 1, []string{"😀", "😀"}},
		{"early paragraph break ignored for a later space", "a\n\nbbbbbbbbbb cccc", 14, []string{"a\n\nbbbbbbbbbb", "cccc"}},
	}
	for _, tt := range tests {
		got := splitContent(tt.in, tt.limit)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("%s: splitContent(%q, %d) = %q, want %q", tt.name, tt.in, tt.limit, got, tt.want)
		}
	}
}

// checkSplit verifies splitContent's promises for one input.
func checkSplit(t *testing.T, s string, limit int) {
	t.Helper()
	chunks := splitContent(s, limit)
	for i, c := range chunks {
		if c == "" || strings.TrimSpace(c) != c {
			t.Fatalf("chunk %d of %q is empty or untrimmed: %q", i, s, c)
		}
		if n := utf16.Len(c); n > limit && utf8.RuneCountInString(c) > 1 {
			t.Fatalf("chunk %d of %q has %d units > %d: %q", i, s, n, limit, c)
		}
		if utf8.ValidString(s) && !utf8.ValidString(c) {
			t.Fatalf("chunk %d of valid %q is invalid UTF-8: %q", i, s, c)
		}
	}
	squash := func(x string) string { return strings.Join(strings.Fields(x), "") }
	if got, want := squash(strings.Join(chunks, " ")), squash(s); got != want {
		t.Fatalf("splitting %q (limit %d) lost or reordered text:\n got %q\nwant %q", s, limit, got, want)
	}
}

func FuzzSplitContent(f *testing.F) {
	f.Add("Paragraph one.\n\nParagraph two is longer than the rest.\nA line.", 20)
	f.Add("nospacesatallinthistext", 5)
	f.Add("😀 é \u200b@everyone\n\n\n x", 3)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 1 {
			limit = -limit%3000 + 1
		}
		limit = limit%3000 + 1
		checkSplit(t, s, limit)
	})
}

func FuzzEscapeMentions(f *testing.F) {
	f.Add("@everyone @here")
	f.Add("@@EVERYONE@Here@")
	f.Fuzz(func(t *testing.T, s string) {
		got := escapeMentions(s)
		low := strings.ToLower(got)
		if strings.Contains(low, "@everyone") || strings.Contains(low, "@here") {
			t.Fatalf("escapeMentions(%q) = %q still pings", s, got)
		}
		if strings.ReplaceAll(got, "\u200b", "") != strings.ReplaceAll(s, "\u200b", "") {
			t.Fatalf("escapeMentions(%q) = %q changed more than mentions", s, got)
		}
	})
}

func TestEscapeMentions(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"hello":                 "hello",
		"@everyone":             "@\u200beveryone",
		"hi @here!":             "hi @\u200bhere!",
		"@Everyone @HERE":       "@\u200bEveryone @\u200bHERE",
		"mail me@example.com":   "mail me@example.com",
		"@@everyone":            "@@\u200beveryone",
		"<@123> <@&456> @someo": "<@123> <@&456> @someo",
	}
	for in, want := range tests {
		if got := escapeMentions(in); got != want {
			t.Errorf("escapeMentions(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncateAndLengths(t *testing.T) {
	t.Parallel()
	if got := truncate("hello world", 20); got != "hello world" {
		t.Errorf("truncate short = %q", got)
	}
	if got := truncate("hello world", 7); got != "hello…" {
		t.Errorf("truncate = %q", got)
	}
	if got := truncate("😀😀😀", 4); got != "😀…" || utf16.Len(got) > 4 {
		t.Errorf("truncate emoji = %q", got)
	}
	if n := utf16.Len("a😀é"); n != 4 {
		t.Errorf("u16len = %d", n)
	}
	if i := prefixWithin("a😀b", 2); i != 1 {
		t.Errorf("prefixWithin = %d", i)
	}
}

func citations(n int, long bool) []bot.Citation {
	var cs []bot.Citation
	for i := range n {
		c := bot.Citation{
			ID:      fmt.Sprintf("doc%d.md#s", i),
			Title:   fmt.Sprintf("Article %d", i+1),
			Section: "Section",
			Source:  "Clinic",
			Snippet: "A short snippet.",
		}
		if long {
			c.Title = strings.Repeat("Very long title ", 30)
			c.Section = strings.Repeat("section ", 60)
			c.Snippet = strings.Repeat("snippet words ", 200)
			c.Source = strings.Repeat("https://example.org/very/long/path/", 20)
		}
		cs = append(cs, c)
	}
	return cs
}

// checkLimits verifies one rendered message against Discord's limits.
func checkLimits(t *testing.T, m outMessage) {
	t.Helper()
	if utf16.Len(m.Content) > maxContent {
		t.Errorf("content of %d characters", utf16.Len(m.Content))
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		t.Errorf("an empty message")
	}
	if len(m.Embeds) > maxEmbedsPerMessage {
		t.Errorf("%d embeds in one message", len(m.Embeds))
	}
	total := 0
	for _, e := range m.Embeds {
		total += utf16.Len(e.Title) + utf16.Len(e.Description)
		if utf16.Len(e.Title) > maxEmbedTitle {
			t.Errorf("embed title too long")
		}
		if len(e.Fields) > maxFields || len(e.Fields) == 0 {
			t.Errorf("embed with %d fields", len(e.Fields))
		}
		for _, f := range e.Fields {
			if f.Name == "" || utf16.Len(f.Name) > maxFieldName {
				t.Errorf("field name of %d characters", utf16.Len(f.Name))
			}
			if f.Value == "" || utf16.Len(f.Value) > maxFieldValue {
				t.Errorf("field value of %d characters", utf16.Len(f.Value))
			}
			total += utf16.Len(f.Name) + utf16.Len(f.Value)
		}
	}
	if total > maxEmbedsTotal {
		t.Errorf("embeds total %d characters", total)
	}
}

func TestRenderReplyLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		reply     bot.Reply
		wantMsgs  int // 0: don't check
		wantCites int
	}{
		{"plain", bot.Reply{Intent: bot.IntentGreeting, Body: "Hello!"}, 1, 0},
		{"empty", bot.Reply{}, 1, 0},
		{"handoff only", bot.Reply{Handoff: "Consult a provider."}, 1, 0},
		{"answer", bot.Reply{Answered: true, Body: "A [1].", Citations: citations(2, false), Handoff: "Consult a provider."}, 1, 2},
		{"30 citations", bot.Reply{Answered: true, Body: "Many [1].", Citations: citations(30, false)}, 1, 30},
		{"long citations", bot.Reply{Answered: true, Body: "Long [1].", Citations: citations(40, true)}, 0, 40},
		{"long body and citations", bot.Reply{Answered: true, Body: longBody() + "\n\n" + longBody(), Citations: citations(12, true)}, 0, 12},
		{"citation without text", bot.Reply{Answered: true, Body: "x", Citations: []bot.Citation{{}}}, 1, 1},
	}
	for _, tt := range tests {
		msgs := renderReply(tt.reply)
		if tt.wantMsgs > 0 && len(msgs) != tt.wantMsgs {
			t.Errorf("%s: %d messages, want %d", tt.name, len(msgs), tt.wantMsgs)
		}
		n := 0
		for i, m := range msgs {
			checkLimits(t, m)
			last := i == len(msgs)-1
			if (len(m.Components) > 0) != (last && tt.reply.Answered) {
				t.Errorf("%s: message %d has %d component rows", tt.name, i, len(m.Components))
			}
			for _, e := range m.Embeds {
				for _, f := range e.Fields {
					n++
					if !strings.HasPrefix(f.Name, fmt.Sprintf("[%d] ", n)) {
						t.Errorf("%s: field %q out of order, want [%d]", tt.name, f.Name, n)
					}
				}
			}
		}
		if n != tt.wantCites {
			t.Errorf("%s: %d citation fields, want %d", tt.name, n, tt.wantCites)
		}
		if tt.reply.Body == "" && tt.reply.Handoff == "" && msgs[0].Content != emptyReply {
			t.Errorf("%s: content %q", tt.name, msgs[0].Content)
		}
	}
}

func TestRenderLongCitationsSpillIntoMessages(t *testing.T) {
	t.Parallel()
	msgs := renderReply(bot.Reply{Answered: true, Body: "Long [1].", Citations: citations(40, true)})
	if len(msgs) < 2 {
		t.Fatalf("40 long citations fit in %d message", len(msgs))
	}
	if msgs[0].Content != "Long [1]." || len(msgs[0].Embeds) == 0 {
		t.Errorf("first message = %q with %d embeds", msgs[0].Content, len(msgs[0].Embeds))
	}
	for _, m := range msgs[1:] {
		if m.Content != "" {
			t.Errorf("a sources-only message has content %q", m.Content)
		}
	}
	if msgs[0].Embeds[0].Title != "Sources" || msgs[1].Embeds[0].Title != "Sources (continued)" {
		t.Errorf("titles %q, %q", msgs[0].Embeds[0].Title, msgs[1].Embeds[0].Title)
	}
}

func TestCitationFieldFallbacks(t *testing.T) {
	t.Parallel()
	f := citationField(3, bot.Citation{Source: "Clinic @everyone handout", Snippet: "  spaced\n\nout  "})
	if f.Name != "[3] Clinic @\u200beveryone handout" {
		t.Errorf("name = %q", f.Name)
	}
	if f.Value != "“spaced out”" {
		t.Errorf("value = %q", f.Value)
	}
	if f := citationField(1, bot.Citation{}); f.Name != "[1] Source" || f.Value != "—" {
		t.Errorf("empty citation = %+v", f)
	}
}

func TestTextMessage(t *testing.T) {
	t.Parallel()
	if got := textMessage(""); len(got) != 1 || got[0].Content != emptyReply {
		t.Errorf("textMessage(\"\") = %+v", got)
	}
	got := textMessage("@here " + strings.Repeat("x ", 1500))
	if len(got) != 2 || !strings.HasPrefix(got[0].Content, "@\u200bhere") {
		t.Errorf("textMessage split into %d, first %.10q", len(got), got[0].Content)
	}
	if b := feedbackButtons(); len(b) != 1 {
		t.Errorf("buttons = %+v", b)
	} else if row, ok := b[0].(discordgo.ActionsRow); !ok || len(row.Components) != 3 {
		t.Errorf("row = %+v", b[0])
	}
}
