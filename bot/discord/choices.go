package discord

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/infusionbot/infusionbot/bot"
)

// choicePrefix starts the custom id of a "did you mean" button; the rest
// is the choice's text, sent to the handler as the person's message.
const choicePrefix = "infusionbot:choice:"

// Discord limits: a custom id to 100 characters, a button label to 80, an
// action row to 5 buttons.
const (
	maxCustomID    = 100
	maxButtonLabel = 80
	maxRowButtons  = 5
)

// choiceButtons are one button per choice of a "did you mean" reply, with
// the care-team button in a row of its own under them.
func choiceButtons(cs []bot.Choice) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	for _, c := range cs {
		id := choicePrefix + c.Text
		if c.Text == "" || len(id) > maxCustomID || len(row) == maxRowButtons {
			continue // the number in the text still picks it
		}
		row = append(row, discordgo.Button{Label: cutLabel(c.Text+". "+c.Label, maxButtonLabel), Style: discordgo.PrimaryButton, CustomID: id})
	}
	care := discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Talk to the care team", Style: discordgo.SecondaryButton, CustomID: buttonCareTeam},
	}}
	if len(row) == 0 {
		return []discordgo.MessageComponent{care}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}, care}
}

// pickChoice answers a choice button as if the person had typed its text,
// in the channel, as the question was.
func (a *Adapter) pickChoice(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, text string, decided func()) {
	start := time.Now()
	if err := a.respond(ctx, s, i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		return
	}
	r, err := a.ask(ctx, interactionUser(i), i.ChannelID, text, time.Now())
	decided()
	msgs := a.render("choice", r, err)
	if a.editThenFollow(ctx, s, i, msgs, false) == nil {
		a.logReply("choice", r, err, len(msgs), start)
	}
}

// parseChoice returns the message a choice button sends.
func parseChoice(customID string) (string, bool) {
	text, ok := strings.CutPrefix(customID, choicePrefix)
	return text, ok && text != ""
}

func cutLabel(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
