// Package discord is infusionbot's Discord front end: a bot.Adapter that
// connects to the Discord gateway with github.com/bwmarrin/discordgo and
// passes patients' questions to a bot.Handler.
//
// People reach the bot through slash commands (/ask question:<text>,
// /sources, /help, registered with a bulk overwrite at start: to one server
// when DISCORD_GUILD_ID is set, else globally), direct messages, and
// @mentions. With DISCORD_READ_MESSAGES (the privileged Message Content
// intent) it also answers every other message in server channels.
//
// Replies carry the answer as message content and the citations as a
// "Sources" embed, within Discord's limits (2,000 characters of content,
// 25 fields and 6,000 characters of embeds per message), split into several
// messages when needed. Answers get Helpful / Not helpful / Talk to the care
// team buttons; presses are counted through bot.Monitor.Feedback and the care
// team button sends /human through the handler. Nothing the bot sends can
// ping: allowed mentions are empty on every message and @everyone/@here are
// defused with a zero-width space.
//
// Slash commands are deferred at once (Discord wants an acknowledgement
// within 3 s) and the deferred response is edited with the reply. Emergency
// and crisis replies to a slash command in a server are sent to the asker
// alone (an ephemeral follow-up, the public placeholder deleted), falling
// back to the public response rather than ever withholding them.
//
// The adapter supervises the connection itself rather than relying on
// discordgo's reconnect loop, which retries forever whatever the close code:
// a rejected token (close 4004) or a privileged intent that is not enabled
// (4014) makes Run return a clear error; other lost connections, and a
// gateway that falls silent (no heartbeat ACK or event within
// HeartbeatTimeout), are replaced with exponential backoff. REST 429s are
// waited out, a bounded number of times.
//
// Events are answered in order per user and users in parallel
// (internal/keyedqueue):
// at most MaxWorkers replies are being decided at once, a decided reply is
// sent without holding a worker (so one person's replies stuck behind a 429
// never delay another person's emergency), and a user holds at most
// MaxUserQueue events; beyond that they are refused unread with a notice
// that gives the emergency line. During shutdown the gateway stays open
// while replies in flight finish, and interactions arriving meanwhile are
// answered "restarting, please try again".
//
// The log never holds message text, user ids, channel ids or the token.
// See README.md for setting the bot up in the Developer Portal.
package discord
