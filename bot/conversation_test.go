package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestConversationsForgetTheOldestWhenFull(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cs := newConversations(time.Hour, 100, func() time.Time { return now })
	for i := range 100 {
		now = now.Add(time.Second)
		cs.put(fmt.Sprint(i), conversation{question: fmt.Sprint(i)})
	}
	now = now.Add(time.Second)
	cs.put("new", conversation{question: "new"})
	if _, ok := cs.get("new"); !ok {
		t.Fatal("the newest conversation was not kept")
	}
	if _, ok := cs.get("0"); ok {
		t.Error("the oldest conversation was kept in a full store")
	}
	if _, ok := cs.get("99"); !ok {
		t.Error("a recent conversation was evicted")
	}
	if len(cs.m) > 100 {
		t.Errorf("store holds %d conversations, limit 100", len(cs.m))
	}
}

func TestConversationsExpire(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cs := newConversations(time.Minute, 10, func() time.Time { return now })
	cs.put("a", conversation{topics: []Topic{{Name: "ketamine", Words: "ketamine"}}})
	now = now.Add(59 * time.Second)
	if _, ok := cs.get("a"); !ok {
		t.Fatal("forgot within the time to live")
	}
	now = now.Add(2 * time.Minute)
	if _, ok := cs.get("a"); ok {
		t.Fatal("remembered past the time to live")
	}
}

// The store is bounded by bytes as well as by count: long questions evict
// the oldest conversations, and one too big to lean on is not kept at all.
func TestConversationsBoundedByBytes(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cs := newConversations(time.Hour, 100_000, func() time.Time { return now })
	cs.maxBytes = 100 << 10
	long := strings.Repeat("how long does a ketamine infusion last ", 50) // about 2 KB
	for i := range 1000 {
		now = now.Add(time.Second)
		cs.put(fmt.Sprint(i), conversation{question: long})
		if cs.bytes > cs.maxBytes {
			t.Fatalf("after %d conversations the store holds %d bytes, bound %d", i+1, cs.bytes, cs.maxBytes)
		}
	}
	if _, ok := cs.get("999"); !ok {
		t.Error("the newest conversation was not kept")
	}
	if _, ok := cs.get("0"); ok {
		t.Error("the oldest conversation was kept in a store over its bytes")
	}
	sum := 0
	for k, c := range cs.m {
		sum += sizeOf(k, c)
	}
	if sum != cs.bytes {
		t.Errorf("byte count %d, conversations hold %d", cs.bytes, sum)
	}
	cs.put("huge", conversation{question: strings.Repeat("x", 20<<10)})
	if _, ok := cs.get("huge"); ok {
		t.Error("a 20 KB question was remembered")
	}
}

// A message refused as too long or as flooding is read only for urgency:
// the conversation does not remember it.
func TestHygieneRefusedMessagesAreNotRemembered(t *testing.T) {
	var got []bool
	inner := HandlerFunc(func(ctx context.Context, m Message) (Reply, error) {
		got = append(got, remembers(ctx))
		return Reply{Intent: IntentQuestion, Body: "an answer"}, nil
	})
	h := Hygiene(HygieneConfig{MaxChars: 20, PerMinute: 1, Burst: 1})(inner)
	for _, text := range []string{"a short question", strings.Repeat("word ", 10), "flooding"} {
		if _, err := h.Handle(context.Background(), Message{Platform: "telegram", User: "7", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 3 || !got[0] || got[1] || got[2] {
		t.Fatalf("remembered %v, want [true false false] (answered, too long, over the flood limit)", got)
	}
}
