// Package handoff hands a person over to the clinic's care team. When
// someone asks for a person (the "Talk to the care team" button, /human, or
// a message the rules read as such), the desk asks their consent to share
// the recent conversation; with it, a numbered ticket with the last turns
// is posted to the staff channels (a Telegram group, a Discord channel),
// and the person gets the ticket number and the clinic's hours and phone.
// A staff member's "/reply N text" there reaches the person privately on
// their own platform; "/close N" closes the ticket.
//
// Without a staff channel the desk steps aside and the bot gives the
// clinic's contact details as before. The recent turns are kept only in
// memory, for a short while, and leave it only with consent.
package handoff

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/store"
)

// Config configures a Desk.
type Config struct {
	// Recorder stores tickets and counts handoffs; required.
	Recorder *store.Recorder
	Clinic   bot.Clinic
	Logger   *slog.Logger
	// Turns is how many recent turns a ticket carries (default 6).
	Turns int
	// Memory is how long turns and a pending consent are kept (default 30 minutes).
	Memory time.Duration
}

// maxConversations bounds the conversations whose recent turns are kept.
const maxConversations = 10_000

// maxTurnBytes bounds one side of a turn in a ticket.
const maxTurnBytes = 600

// Desk is the handoff middleware and the staff's commands.
type Desk struct {
	cfg    Config
	mu     sync.Mutex
	relays map[string]bot.Relay
	staff  []bot.StaffChannel
	convs  map[string]*conv
}

type conv struct {
	turns   []turn
	pending bool // asked for consent, waiting for yes or no
	at      time.Time
}

type turn struct{ person, bot string }

// New makes a Desk; Attach gives it the adapters.
func New(cfg Config) *Desk {
	if cfg.Turns <= 0 {
		cfg.Turns = 6
	}
	if cfg.Memory <= 0 {
		cfg.Memory = 30 * time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Desk{cfg: cfg, relays: map[string]bot.Relay{}, convs: map[string]*conv{}}
}

// Attach adds an adapter: as the relay to its platform's people if it is a
// bot.Relay, and as a staff channel if it is a configured bot.StaffChannel.
func (d *Desk) Attach(adapter any) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if r, ok := adapter.(bot.Relay); ok {
		d.relays[r.Platform()] = r
	}
	if s, ok := adapter.(interface {
		bot.StaffChannel
		StaffConfigured() bool
	}); ok && s.StaffConfigured() {
		d.staff = append(d.staff, s)
	}
}

// Active reports whether a staff channel is attached.
func (d *Desk) Active() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.staff) > 0
}

func (d *Desk) staffChannel(conversation string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, s := range d.staff {
		if s.IsStaff(conversation) {
			return true
		}
	}
	return false
}

// Middleware runs the handoff around the core handler.
func (d *Desk) Middleware(next bot.Handler) bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
		if !d.Active() {
			reply, err := next.Handle(ctx, m)
			if err == nil && reply.Intent == bot.IntentHuman {
				d.cfg.Recorder.Handoff(ctx, m) // counted, answered with the contact details
			}
			return reply, err
		}
		if d.staffChannel(m.Conversation) {
			return d.staffCommand(ctx, m), nil
		}
		if d.takePending(m.Conversation) {
			switch consent(m.Text) {
			case agreed:
				return d.openTicket(ctx, m), nil
			case declined:
				return bot.Reply{Intent: bot.IntentHuman, Body: "All right, nothing was shared.\n\n" + d.contact()}, nil
			}
			// Anything else is a new message: answered as usual, the offer dropped.
		}
		reply, err := next.Handle(ctx, m)
		if err != nil {
			return reply, err
		}
		if reply.Intent == bot.IntentHuman {
			d.cfg.Recorder.Handoff(ctx, m)
			d.setPending(m.Conversation)
			reply.Body = consentQuestion
			reply.Handoff = ""
			return reply, nil
		}
		if !strings.HasPrefix(strings.TrimSpace(m.Text), "/") {
			d.remember(m.Conversation, turn{person: m.Text, bot: reply.Text()})
		}
		return reply, nil
	})
}

// consentQuestion asks to share the conversation.
const consentQuestion = "I can pass this conversation to the care team, and they will answer you here.\n\n" +
	"May I share your last few messages with them? Reply \"yes\" to share them, or \"no\" to keep them private."

// contact is the clinic's contact line.
func (d *Desk) contact() string {
	c := d.cfg.Clinic
	var parts []string
	if c.Phone != "" {
		parts = append(parts, "call "+c.Name+" at "+c.Phone)
	}
	if c.Email != "" {
		parts = append(parts, "write to "+c.Email)
	}
	s := "To reach the care team yourself"
	if len(parts) == 0 {
		s = "Please contact " + c.Name + " directly"
	} else {
		s += ", " + strings.Join(parts, " or ")
	}
	if c.Hours != "" {
		s += " (" + c.Hours + ")"
	}
	return s + ". If this is an emergency, call " + c.EmergencyNumber + "."
}

type answer int

const (
	unclear answer = iota
	agreed
	declined
)

// consent reads a reply to the consent question: a plain yes or no.
func consent(text string) answer {
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }))
	t = strings.Join(strings.Fields(t), " ")
	switch t {
	case "yes", "y", "yes please", "yes share", "yes you may", "yes you can", "ok", "okay", "sure", "share", "share it",
		"i agree", "agree", "go ahead", "please do", "yep", "yeah":
		return agreed
	case "no", "n", "no thanks", "no thank you", "don't", "dont", "do not share", "don't share", "dont share", "nope", "cancel":
		return declined
	}
	return unclear
}

func (d *Desk) now() time.Time { return d.cfg.Recorder.Now() }

// get returns a conversation's state, dropping it when stale; mu held.
func (d *Desk) get(key string) *conv {
	c := d.convs[key]
	if c != nil && d.now().Sub(c.at) > d.cfg.Memory {
		delete(d.convs, key)
		return nil
	}
	return c
}

func (d *Desk) put(key string) *conv {
	c := d.get(key)
	if c == nil {
		if len(d.convs) >= maxConversations {
			d.prune()
		}
		c = &conv{}
		d.convs[key] = c
	}
	c.at = d.now()
	return c
}

// prune forgets stale conversations, or one at random when none is.
func (d *Desk) prune() {
	for k, c := range d.convs {
		if d.now().Sub(c.at) > d.cfg.Memory {
			delete(d.convs, k)
		}
	}
	for k := range d.convs {
		if len(d.convs) < maxConversations {
			return
		}
		delete(d.convs, k)
	}
}

func (d *Desk) remember(key string, t turn) {
	if key == "" {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.put(key)
	c.turns = append(c.turns, turn{person: clip(t.person), bot: clip(t.bot)})
	if len(c.turns) > d.cfg.Turns {
		c.turns = c.turns[len(c.turns)-d.cfg.Turns:]
	}
}

func (d *Desk) setPending(key string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.put(key).pending = true
}

// takePending reports whether a consent answer is awaited, and stops awaiting it.
func (d *Desk) takePending(key string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.get(key)
	if c == nil || !c.pending {
		return false
	}
	c.pending = false
	return true
}

// turns returns and forgets a conversation's recent turns.
func (d *Desk) takeTurns(key string) []turn {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.get(key)
	if c == nil {
		return nil
	}
	t := c.turns
	c.turns = nil
	return t
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= maxTurnBytes {
		return s
	}
	cut := maxTurnBytes
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + " …"
}

// openTicket files a ticket, posts it with the recent turns to the staff
// channels, and tells the person its number.
func (d *Desk) openTicket(ctx context.Context, m bot.Message) bot.Reply {
	rec := d.cfg.Recorder
	failed := func(why string, err error) bot.Reply {
		d.cfg.Logger.Error("handoff: no ticket; the person got the contact details", "why", why, "err", err)
		return bot.Reply{Intent: bot.IntentHuman, Body: "Sorry, I could not reach the care team just now.\n\n" + d.contact()}
	}
	addr, err := rec.Hasher().Seal(m.Conversation + "\n" + m.User)
	if err != nil {
		return failed("sealing the address", err)
	}
	at := d.now()
	n, err := rec.Store().OpenTicket(ctx, store.Ticket{Time: at, Platform: m.Platform, Address: addr, User: rec.UserHash(m)})
	if err != nil {
		return failed("store", err)
	}
	text := ticketText(n, m.Platform, at, d.takeTurns(m.Conversation))
	d.mu.Lock()
	staff := append([]bot.StaffChannel(nil), d.staff...)
	d.mu.Unlock()
	posted := 0
	var errs []error
	for _, s := range staff {
		if err := s.PostStaff(ctx, text); err != nil {
			errs = append(errs, err)
			continue
		}
		posted++
	}
	if posted == 0 {
		rec.Store().CloseTicket(ctx, n)
		return failed("posting to the staff channels", errors.Join(errs...))
	}
	d.cfg.Logger.Info("handoff: ticket opened", "ticket", n, "platform", m.Platform)
	body := fmt.Sprintf("Thank you. Your ticket number is #%d: the care team has your messages and will answer you here", n)
	if h := d.cfg.Clinic.Hours; h != "" {
		body += " during opening hours (" + h + ")"
	}
	body += "."
	if p := d.cfg.Clinic.Phone; p != "" {
		body += "\n\nIf it cannot wait, call " + d.cfg.Clinic.Name + " at " + p + " and mention ticket #" + strconv.FormatInt(n, 10) + "."
	}
	body += "\n\nIf this is an emergency, call " + d.cfg.Clinic.EmergencyNumber + "."
	return bot.Reply{Intent: bot.IntentHuman, Body: body}
}

// ticketText is what the staff channel gets: the ticket and the last turns.
func ticketText(n int64, platform string, at time.Time, turns []turn) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Ticket #%d (%s, %s)\nThe person asked for the care team and agreed to share their recent messages.\n", n, platform, at.UTC().Format("2006-01-02 15:04 UTC"))
	if len(turns) == 0 {
		b.WriteString("\n(no earlier messages in this conversation)\n")
	}
	for _, t := range turns {
		b.WriteString("\nPerson: " + t.person + "\nBot: " + t.bot + "\n")
	}
	fmt.Fprintf(&b, "\nAnswer with: /reply %d your message   ·   close with: /close %d", n, n)
	return b.String()
}

// staffHelp is the answer to anything else in the staff channel.
const staffHelp = "In this channel: /reply N text sends text to the person of ticket N; /close N closes ticket N."

// staffCommand runs /reply and /close from the staff channel.
func (d *Desk) staffCommand(ctx context.Context, m bot.Message) bot.Reply {
	reply := func(s string) bot.Reply { return bot.Reply{Intent: bot.IntentHuman, Body: s} }
	fields := strings.Fields(m.Text)
	if len(fields) < 2 || (fields[0] != "/reply" && fields[0] != "/close") {
		return reply(staffHelp)
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(fields[1], "#"), 10, 64)
	if err != nil || n <= 0 {
		return reply(staffHelp)
	}
	st := d.cfg.Recorder.Store()
	t, err := st.Ticket(ctx, n)
	if errors.Is(err, store.ErrNotFound) {
		return reply(fmt.Sprintf("There is no ticket #%d (tickets are kept for the retention period).", n))
	}
	if err != nil {
		d.cfg.Logger.Error("handoff: reading a ticket failed", "ticket", n, "err", err)
		return reply(fmt.Sprintf("Ticket #%d could not be read: the store failed (see the log).", n))
	}
	if fields[0] == "/close" {
		if err := st.CloseTicket(ctx, n); err != nil {
			return reply(fmt.Sprintf("Ticket #%d could not be closed: the store failed.", n))
		}
		return reply(fmt.Sprintf("Ticket #%d is closed.", n))
	}
	if !t.Open {
		return reply(fmt.Sprintf("Ticket #%d is closed; nothing was sent.", n))
	}
	text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(m.Text), fields[0])), fields[1]))
	if text == "" {
		return reply(fmt.Sprintf("Write the message after the number: /reply %d your message", n))
	}
	addr, err := d.cfg.Recorder.Hasher().Unseal(t.Address)
	conversation, user, ok := strings.Cut(addr, "\n")
	if err != nil || !ok {
		return reply(fmt.Sprintf("Ticket #%d's person cannot be reached: its address does not open (was the store key changed?).", n))
	}
	d.mu.Lock()
	relay := d.relays[t.Platform]
	d.mu.Unlock()
	if relay == nil {
		return reply(fmt.Sprintf("Ticket #%d came from %s, which is not connected now; nothing was sent.", n, t.Platform))
	}
	msg := fmt.Sprintf("The care team answered (ticket #%d):\n\n%s", n, text)
	if err := relay.Deliver(ctx, conversation, user, msg); err != nil {
		d.cfg.Logger.Warn("handoff: a staff reply could not be delivered", "ticket", n, "platform", t.Platform, "err", err)
		return reply(fmt.Sprintf("Ticket #%d: the reply could not be delivered on %s (see the log).", n, t.Platform))
	}
	if err := st.TicketReplied(ctx, n); err != nil {
		d.cfg.Logger.Warn("handoff: counting a reply failed", "ticket", n, "err", err)
	}
	return reply(fmt.Sprintf("Sent to ticket #%d.", n))
}
