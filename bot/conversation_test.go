package bot

import (
	"fmt"
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
