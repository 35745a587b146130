package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/intent"
	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/internal/config"
	"github.com/infusionbot/infusionbot/knowledge"
	"github.com/infusionbot/infusionbot/store"
)

// engineConfig says where the engine's knowledge, index and clinic details come from.
type engineConfig struct {
	KnowledgeDir string // "" means the embedded default knowledge
	// AddKnowledgeDir is a folder of articles answered from together with
	// the embedded ones (a clinic adding its own); "" means none.
	AddKnowledgeDir string
	IndexDir        string // "" means an index built in process at start
	DataDir         string // the store and its key; "" means DATA_DIR or the user's state directory
	ConfigFile      string // clinic details (JSON); "" means defaults and env only
	Logger          *slog.Logger
	Getenv          func(string) string
	// Progress, when set, is told how many passages are indexed so far.
	Progress func(done, total int)
	// OnReload, when set, is called after each successful reload.
	OnReload func()
	// Hygiene limits messages; the zero value means the defaults.
	Hygiene bot.HygieneConfig
	// Warn, when set, is told of knowledge files left out (drafts, a .pdf);
	// nil means the Logger.
	Warn func(msg string)
	// Examples is the nearest-neighbour bank the index ranks with; nil
	// means index.DefaultExamples.
	Examples *index.Examples
}

// newCommandFlags makes a subcommand's flag set with the engine's shared
// flags, errors written to stderr.
func newCommandFlags(name string, getenv func(string) string, stderr io.Writer) (*flag.FlagSet, *engineConfig) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	ec := &engineConfig{Getenv: getenv, Warn: func(msg string) { fmt.Fprintln(stderr, "infusionbot: warning:", msg) }}
	ec.register(fs)
	return fs, ec
}

// register adds the flags every command shares.
func (c *engineConfig) register(fs *flag.FlagSet) {
	fs.StringVar(&c.KnowledgeDir, "knowledge", "", "folder of articles (.md, .txt) to answer from INSTEAD OF the built-in ones")
	fs.StringVar(&c.AddKnowledgeDir, "add-knowledge", "", "folder of articles (.md, .txt) to answer from IN ADDITION TO the built-in ones")
	fs.StringVar(&c.IndexDir, "index", "", "folder for a persistent index (rebuilt when the knowledge changes)")
	fs.StringVar(&c.ConfigFile, "config", "", "JSON file with the clinic's details")
	fs.StringVar(&c.DataDir, "data", "", "folder of the store (unanswered questions, ratings, tickets); default DATA_DIR or ~/.local/state/infusionbot")
}

// engine is the answer core: knowledge, index and router, reloadable in place.
type engine struct {
	cfg     engineConfig
	router  *bot.Router
	handler bot.Handler
	mu      sync.Mutex // serialises Reload and Close
	index   atomic.Pointer[index.Index]
	gen     atomic.Pointer[generation]
	closed  bool
	rec     *store.Recorder // what the bot could not do (reviewstore.go)
	stop    func()          // stops the retention sweeper
}

// openEngine loads the knowledge, opens or builds the index and makes the router.
func openEngine(ctx context.Context, cfg engineConfig) (*engine, error) {
	if cfg.Getenv == nil {
		cfg.Getenv = func(string) string { return "" }
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	clinic, err := config.LoadClinic(cfg.ConfigFile, cfg.Getenv)
	if err != nil {
		return nil, err
	}
	rec, err := openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	// The intent model is decoded while the index is built.
	decoded := make(chan *intent.Classifier, 1)
	go func() { decoded <- intent.Default() }()
	ix, err := cfg.openIndex(ctx)
	if err != nil {
		rec.Close()
		return nil, err
	}
	router, err := bot.NewRouter(index.Searcher{Index: ix}, bot.RouterConfig{Clinic: clinic, Intents: cfg.intents(<-decoded, ix)})
	if err != nil {
		ix.Close()
		rec.Close()
		return nil, err
	}
	e := &engine{cfg: cfg, router: router, rec: rec}
	e.index.Store(ix)
	e.gen.Store(&generation{ix: ix})
	e.handler = bot.Chain(router, e.holdIndex, bot.Recover(cfg.Logger), bot.Hygiene(cfg.Hygiene), rec.Middleware)
	e.stop = e.sweepEvery(time.Hour)
	return e, nil
}

// knowledgeSource is one folder of articles and how to name it in messages.
type knowledgeSource struct {
	fsys fs.FS
	name string
}

// knowledgeSources are the folders answered from: the built-in articles, a
// folder replacing them (--knowledge), or both with a folder added to them
// (--add-knowledge).
func (c engineConfig) knowledgeSources() ([]knowledgeSource, error) {
	if c.KnowledgeDir != "" && c.AddKnowledgeDir != "" {
		return nil, fmt.Errorf("--knowledge (replace the built-in articles) and --add-knowledge (add to them) exclude each other")
	}
	builtin := knowledgeSource{knowledge.Default(), "built-in knowledge"}
	dir, srcs := c.KnowledgeDir, []knowledgeSource{}
	switch {
	case c.KnowledgeDir != "":
	case c.AddKnowledgeDir != "":
		dir, srcs = c.AddKnowledgeDir, append(srcs, builtin)
	default:
		return []knowledgeSource{builtin}, nil
	}
	switch st, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("knowledge folder %s: no such folder", dir)
	case err != nil:
		return nil, fmt.Errorf("knowledge folder %s: %w", dir, err)
	case !st.IsDir():
		return nil, fmt.Errorf("knowledge folder %s: not a folder", dir)
	}
	return append(srcs, knowledgeSource{os.DirFS(dir), dir}), nil
}

// loadKnowledge reads the articles of every source, and a hash over all of
// them that changes when any article does.
func (c engineConfig) loadKnowledge() ([]knowledge.Document, string, error) {
	srcs, err := c.knowledgeSources()
	if err != nil {
		return nil, "", err
	}
	var (
		docs   []knowledge.Document
		hashes []string
		from   = map[string]string{} // document path -> source name
	)
	for _, src := range srcs {
		d, skipped, err := knowledge.LoadReport(src.fsys)
		if err != nil {
			return nil, "", fmt.Errorf("loading %s:\n%w", src.name, err)
		}
		for _, s := range skipped {
			c.warn(fmt.Sprintf("%s: skipped %s: %s", src.name, s.Path, s.Reason))
		}
		for _, doc := range d {
			if other, dup := from[doc.Path]; dup {
				return nil, "", fmt.Errorf("loading %s: article %q is also in the %s; rename it", src.name, doc.Path, other)
			}
			from[doc.Path] = src.name
		}
		docs = append(docs, d...)
		h, err := knowledge.Hash(src.fsys)
		if err != nil {
			return nil, "", fmt.Errorf("loading %s: %w", src.name, err)
		}
		hashes = append(hashes, h)
	}
	if len(hashes) == 1 {
		return docs, hashes[0], nil
	}
	sum := sha256.Sum256([]byte(strings.Join(hashes, "+")))
	return docs, hex.EncodeToString(sum[:]), nil
}

func (c engineConfig) warn(msg string) {
	switch {
	case c.Warn != nil:
		c.Warn(msg)
	case c.Logger != nil:
		c.Logger.Warn(msg)
	}
}

// openIndex loads the knowledge and opens its index.
func (c engineConfig) openIndex(ctx context.Context) (*index.Index, error) {
	return c.reopenIndex(ctx, nil)
}

// reopenIndex is openIndex for a reload: held is the index this process
// answers from, shared rather than opened again when nothing changed.
func (c engineConfig) reopenIndex(ctx context.Context, held *index.Index) (*index.Index, error) {
	docs, hash, err := c.loadKnowledge()
	if err != nil {
		return nil, err
	}
	questions, err := c.loadQuestions()
	if err != nil {
		return nil, err
	}
	ix, err := index.Open(ctx, docs, index.Options{Dir: c.IndexDir, Hash: hash, Progress: c.Progress, Questions: questions, Reuse: held, Examples: c.Examples})
	if err == nil && len(ix.UnknownQuestionPassages()) > 0 {
		c.warn(fmt.Sprintf("%s: questions linked to passages the articles no longer have are ignored (link them again): %s",
			c.questionsPath(), strings.Join(ix.UnknownQuestionPassages(), ", ")))
	}
	return ix, err
}

// intents is the intent classifier def (the committed model, decoded, not
// trained) reading messages against the articles ix answers from: which of
// a message's words they never use is one of its features.
func (c engineConfig) intents(def *intent.Classifier, ix *index.Index) *intent.Classifier {
	if c.KnowledgeDir == "" && c.AddKnowledgeDir == "" {
		return def // reads against the built-in articles already
	}
	return def.WithVocabulary(intent.Vocabulary(ix.Documents()))
}

// Handler is the whole core chain (hygiene, safety, intents, search, answers).
func (e *engine) Handler() bot.Handler { return e.handler }

// Index is the index currently answering.
func (e *engine) Index() *index.Index { return e.index.Load() }

// generation is one loaded index and the messages that may search it:
// each holds a read lock while it is answered.
type generation struct {
	ix *index.Index
	mu sync.RWMutex
}

// holdIndex keeps the index a message may search open until it is answered.
func (e *engine) holdIndex(next bot.Handler) bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
		g := e.gen.Load()
		g.mu.RLock()
		defer g.mu.RUnlock()
		return next.Handle(ctx, m)
	})
}

// Reload rebuilds knowledge and index aside and swaps them in atomically. On
// error (for example "path:line: problem" in an article) the old index keeps
// serving and the error says what is wrong. A persistent index whose
// articles did not change is shared, never opened a second time (its lock
// would wait on this very process). The old index is closed as soon as the
// last message that may search it is answered.
func (e *engine) Reload(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return fmt.Errorf("reload: the engine is closed")
	}
	ix, err := e.cfg.reopenIndex(ctx, e.index.Load())
	if err != nil {
		return err
	}
	e.index.Store(ix)
	old := e.gen.Swap(&generation{ix: ix})
	e.router.SetSearcher(index.Searcher{Index: ix})
	e.router.SetIntents(e.cfg.intents(intent.Default(), ix))
	if old.mu.TryLock() {
		old.ix.Close()
		old.mu.Unlock()
	} else {
		go func() {
			old.mu.Lock()
			defer old.mu.Unlock()
			old.ix.Close()
		}()
	}
	e.cfg.Logger.Info("knowledge reloaded", "passages", len(ix.Passages()), "documents", len(ix.Documents()))
	if e.cfg.OnReload != nil {
		e.cfg.OnReload()
	}
	return nil
}

// Ready reports whether an index is loaded.
func (e *engine) Ready() bool { return e.index.Load() != nil }

// Sources lists the articles answered from.
func (e *engine) Sources() []bot.Source { return index.Searcher{Index: e.index.Load()}.Sources() }

// Close releases the index.
func (e *engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	e.stop()
	return errors.Join(e.index.Load().Close(), e.rec.Close())
}
