package discord

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/internal/utf16"
)

// Discord's message limits (https://discord.com/developers/docs/resources/message
// and .../channel#embed-object-embed-limits). Lengths are counted in UTF-16
// code units, which is never less than the number of characters Discord
// counts, so a text within these limits is accepted whichever way it counts.
const (
	maxContent          = 2000
	maxEmbedsTotal      = 6000 // title+description+field names+values+footer+author across a message's embeds
	maxEmbedsPerMessage = 10
	maxFields           = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxEmbedTitle       = 256
	snippetChars        = 300 // a citation's snippet is shortened to this in the embed
	embedColor          = 0x2B7A78
)

// Button custom ids.
const (
	buttonHelpful    = "infusionbot:feedback:helpful"
	buttonNotHelpful = "infusionbot:feedback:not_helpful"
	buttonCareTeam   = "infusionbot:care_team"
)

// emptyReply is shown when the core returned a reply without any text.
const emptyReply = "Sorry, I don't have anything to say to that. Please contact the clinic directly if you need help."

// outMessage is one Discord message of a rendered reply.
type outMessage struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
}

// noMentions is sent with every message: nothing in it may ping anyone,
// whatever the text says.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// renderReply turns a reply into one or more messages within Discord's
// limits: the body (and handoff line) as content, split on paragraph
// boundaries when longer than 2,000 characters; the citations as "Sources"
// embeds attached to the last content message (further embeds, if they do
// not fit, in messages of their own); the feedback buttons under the last
// message of an answered reply.
func renderReply(r bot.Reply) []outMessage {
	content := strings.TrimSpace(r.Body)
	if h := strings.TrimSpace(r.Handoff); h != "" {
		if content != "" {
			content += "\n\n"
		}
		content += h
	}
	var msgs []outMessage
	for _, c := range splitContent(escapeMentions(content), maxContent) {
		msgs = append(msgs, outMessage{Content: c})
	}
	groups := citationEmbeds(r.Citations)
	for i, g := range groups {
		if i == 0 && len(msgs) > 0 {
			msgs[len(msgs)-1].Embeds = g
			continue
		}
		msgs = append(msgs, outMessage{Embeds: g})
	}
	if len(msgs) == 0 {
		msgs = append(msgs, outMessage{Content: emptyReply})
	}
	if r.Answered {
		msgs[len(msgs)-1].Components = feedbackButtons()
		if len(r.Choices) > 0 {
			msgs[len(msgs)-1].Components = choiceButtons(r.Choices) // choices.go
		}
	}
	return msgs
}

// textMessage renders a plain text (an error message) as messages.
func textMessage(s string) []outMessage {
	var msgs []outMessage
	for _, c := range splitContent(escapeMentions(s), maxContent) {
		msgs = append(msgs, outMessage{Content: c})
	}
	if len(msgs) == 0 {
		msgs = append(msgs, outMessage{Content: emptyReply})
	}
	return msgs
}

func feedbackButtons() []discordgo.MessageComponent {
	return []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Helpful", Style: discordgo.SuccessButton, CustomID: buttonHelpful},
			discordgo.Button{Label: "Not helpful", Style: discordgo.SecondaryButton, CustomID: buttonNotHelpful},
			discordgo.Button{Label: "Talk to the care team", Style: discordgo.PrimaryButton, CustomID: buttonCareTeam},
		}},
	}
}

// citationEmbeds renders citations as "Sources" embeds, one field per
// citation, and groups the embeds so that each group fits one message.
func citationEmbeds(cs []bot.Citation) [][]*discordgo.MessageEmbed {
	if len(cs) == 0 {
		return nil
	}
	var (
		groups   [][]*discordgo.MessageEmbed
		cur      []*discordgo.MessageEmbed // the group being filled
		curTotal int                       // its characters, as Discord counts them for the 6,000 limit
		embed    *discordgo.MessageEmbed   // the embed being filled
		made     int
	)
	// startEmbed starts a new embed for a field of the given size, in a new
	// group when the current one is full.
	startEmbed := func(size int) {
		title := "Sources"
		if made > 0 {
			title = "Sources (continued)"
		}
		made++
		if len(cur) > 0 && (len(cur) == maxEmbedsPerMessage || curTotal+utf16.Len(title)+size > maxEmbedsTotal) {
			groups = append(groups, cur)
			cur, curTotal = nil, 0
		}
		embed = &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: title, Color: embedColor}
		cur = append(cur, embed)
		curTotal += utf16.Len(title)
	}
	for i, c := range cs {
		f := citationField(i+1, c)
		size := utf16.Len(f.Name) + utf16.Len(f.Value)
		if embed == nil || len(embed.Fields) == maxFields || curTotal+size > maxEmbedsTotal {
			startEmbed(size)
		}
		embed.Fields = append(embed.Fields, f)
		curTotal += size
	}
	return append(groups, cur)
}

// citationField renders citation n as an embed field: name "[n] Title",
// value the section and a short snippet of the source's words.
func citationField(n int, c bot.Citation) *discordgo.MessageEmbedField {
	title := strings.TrimSpace(c.Title)
	if title == "" {
		title = strings.TrimSpace(c.Source)
	}
	if title == "" {
		title = "Source"
	}
	name := truncate(escapeMentions("["+strconv.Itoa(n)+"] "+oneLine(title)), maxFieldName)

	var v strings.Builder
	if s := oneLine(c.Section); s != "" && s != title {
		v.WriteString(truncate(s, 200))
	}
	if s := oneLine(c.Snippet); s != "" {
		if v.Len() > 0 {
			v.WriteString("\n")
		}
		v.WriteString("“")
		v.WriteString(truncate(s, snippetChars))
		v.WriteString("”")
	}
	if s := oneLine(c.Source); s != "" && s != title {
		if v.Len() > 0 {
			v.WriteString("\n")
		}
		v.WriteString(truncate(s, 300))
	}
	value := v.String()
	if value == "" {
		value = "—"
	}
	return &discordgo.MessageEmbedField{Name: name, Value: truncate(escapeMentions(value), maxFieldValue)}
}

// oneLine collapses all runs of whitespace to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// truncate shortens s to at most n UTF-16 code units, ending with "…" when
// it had to cut.
func truncate(s string, n int) string {
	if utf16.Len(s) <= n {
		return s
	}
	cut := prefixWithin(s, n-1)
	return strings.TrimRight(s[:cut], " \n") + "…"
}

// prefixWithin returns the largest byte index i at a rune boundary such that
// utf16.Len(s[:i]) <= n.
func prefixWithin(s string, n int) int {
	units := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > n {
			return i
		}
		units += w
	}
	return len(s)
}

// splitContent splits s into pieces of at most limit UTF-16 code units,
// preferring paragraph boundaries, then line breaks, then spaces, and
// cutting between characters only when a piece has no space at all. The
// whitespace at the cuts is dropped and every piece is trimmed; no other
// character is lost or reordered.
func splitContent(s string, limit int) []string {
	if limit < 1 {
		limit = 1
	}
	var out []string
	s = strings.TrimSpace(s)
	for s != "" {
		if utf16.Len(s) <= limit {
			out = append(out, s)
			break
		}
		cut := prefixWithin(s, limit)
		if cut == 0 { // a character wider than the limit
			_, cut = utf8.DecodeRuneInString(s)
		}
		// The best place to cut: the last paragraph break, else line break,
		// else space, in the second half of what fits (a separator right
		// after the cut counts); failing that the last separator anywhere.
		at := -1
		for _, sep := range separators {
			if j := strings.LastIndex(s[:min(len(s), cut+len(sep))], sep); j > 0 && j >= cut/2 {
				at = j
				break
			}
		}
		if at < 0 {
			for _, sep := range separators {
				if j := strings.LastIndex(s[:min(len(s), cut+len(sep))], sep); j > at {
					at = j
				}
			}
		}
		var piece string
		if at > 0 {
			piece, s = s[:at], s[at:]
		} else {
			piece, s = s[:cut], s[cut:]
		}
		if p := strings.TrimSpace(piece); p != "" {
			out = append(out, p)
		}
		s = strings.TrimSpace(s)
	}
	return out
}

var separators = []string{"\n\n", "\n", " ", "\t"}

// escapeMentions defuses @everyone and @here (in any case) by putting a
// zero-width space after the @, so that the text shows as typed but can
// never ping, even if allowed mentions were dropped somewhere.
func escapeMentions(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] != '@' {
			continue
		}
		rest := s[i+1:]
		if hasPrefixFold(rest, "everyone") || hasPrefixFold(rest, "here") {
			b.WriteString("\u200b")
		}
	}
	return b.String()
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
