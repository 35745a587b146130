package httpapi

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/infusionbot/infusionbot/bot"
)

func TestNewResponse(t *testing.T) {
	r := bot.Reply{Intent: bot.IntentEmergency, Body: "Call 911 now.", Handoff: ""}
	got := NewResponse("u9", r)
	if got.User != "u9" || got.Intent != "emergency" || got.Answered || got.Text != "Call 911 now." || got.Citations == nil {
		t.Fatalf("%+v", got)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, got); err != nil {
		t.Fatal(err)
	}
	if want := `{"user":"u9","intent":"emergency","answered":false,"text":"Call 911 now.","citations":[],"handoff":""}` + "\n"; b.String() != want {
		t.Fatalf("wire form\n%s\nwant\n%s", b.String(), want)
	}
}

func FuzzDecodeRequest(f *testing.F) {
	for _, s := range []string{
		`{"user":"u1","text":"How long does a ketamine infusion take?"}`,
		`{"user":"u1","text":"  "}`,
		`{"user":"","text":"x"}`,
		`{"user":"u","text":"a","extra":1}`,
		`{"user":"u","text":"\ud800"}`,
		"{\"user\":\"u\",\"text\":\"\xff\"}",
		`[]`, `null`, `{"user":"u","text":"a"} x`, `{"user":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := DecodeRequest(data)
		if err != nil {
			if req != (Request{}) {
				t.Fatalf("error %v with a partial request %+v", err, req)
			}
			if !utf8.ValidString(err.Error()) || strings.Contains(err.Error(), "json:") {
				t.Fatalf("error not fit for a client: %q", err)
			}
			return
		}
		if !utf8.Valid(data) || strings.TrimSpace(req.User) == "" || req.Text == "" || len(req.User) > MaxUserLen {
			t.Fatalf("accepted %q as %+v", data, req)
		}
		// What was accepted survives a round trip unchanged.
		b, _ := json.Marshal(req)
		again, err := DecodeRequest(b)
		if err != nil || again != req {
			t.Fatalf("round trip of %+v: %+v, %v", req, again, err)
		}
	})
}
