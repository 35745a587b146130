// Package telegram is infusionbot's Telegram front end: a bot.Adapter that
// talks to the Bot API through github.com/go-telegram-bot-api/telegram-bot-api/v5
// and passes patients' questions to a bot.Handler.
//
// # Polling or webhook
//
// The adapter receives updates in one of two ways, chosen by Config:
//
//   - Long polling (the default, no WebhookURL): Run calls getUpdates in a
//     loop of its own, each call a long poll of PollTimeout that is
//     cancelled the moment Run's context is. Nothing has to be reachable
//     from the internet, which suits a single instance behind NAT or a
//     laptop. An update is acknowledged (the offset advanced past it) only
//     after it was handled, so a crash makes Telegram deliver it again.
//     Network errors and 5xx are retried with exponential backoff and
//     jitter (BackoffMin to BackoffMax), 429s after retry_after. A rejected
//     token (401) or a conflict (409: another instance is polling with the
//     same token, or a webhook is set) makes Run return at once with
//     ErrTokenRejected or ErrConflict; the adapter never deletes a webhook
//     on its own.
//
//   - Webhook (WebhookURL and WebhookSecret set): Run registers the URL with
//     setWebhook (passing secret_token) and then waits for its context.
//     Telegram POSTs each update to the URL; the HTTP server mounts
//     WebhookHandler at WebhookPath. The handler checks the
//     X-Telegram-Bot-Api-Secret-Token header in constant time, limits the
//     body size, drops repeated update ids, answers 200 at once and handles
//     the update in the background. This needs a public HTTPS endpoint but
//     no open connection, and suits deployments behind a load balancer.
//
// In both modes updates are handled one at a time per chat (so replies keep
// their order) and chats in parallel (MaxWorkers); when Run's context is
// cancelled it finishes the replies in flight, up to ShutdownTimeout.
//
// # Conversations
//
// Private chats are answered in full. In groups the bot answers commands,
// replies to its own messages and @mentions (the mention is removed), and
// ignores the rest (with BotFather's privacy mode on, Telegram sends it
// nothing else anyway). "/cmd@botname" becomes "/cmd"; /start, /help,
// /sources and /human go to the handler as text. Photos, stickers, voice
// notes and documents get "I can only read text messages." in private chats
// and are ignored in groups; edited messages and channel posts are ignored.
//
// # Replies
//
// Replies are sent in HTML parse mode with every piece of text escaped: the
// body, then the citations as a numbered list, then the consult-a-provider
// line in italics. Long replies are split at paragraph (else line, word,
// rune) boundaries into messages of at most 4096 UTF-16 code units, each
// with balanced tags. Answers carry Helpful / Not helpful / Talk to the care
// team buttons; presses are acknowledged with answerCallbackQuery, counted
// through bot.Monitor.Feedback, and the care-team button sends /human
// through the handler. A "did you mean" reply (bot.Reply.Choices) carries a
// button per choice instead of the ratings (callback data "choice:N"); a
// press sends N through the handler as the person's message. Sends are paced per chat (about one a second, one
// every three seconds in groups) from a bounded per-chat outbox (a flood's
// identical replies collapsed, the excess dropped for one notice) and
// retried after 429s a bounded number of times; emergency and crisis
// replies skip the outbox and the pacing and are retried until
// UrgentTimeout.
//
// # Secrets and privacy
//
// The library's logger is silenced (its lines can hold URLs with the
// token) and the token is redacted from every error the adapter returns or
// logs. The log holds counts, codes and durations: never message text,
// user ids, chat ids or the token. See README.md for setting the bot up.
package telegram
