package index

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/infusionbot/infusionbot/knowledge"
)

// Options configure Open.
type Options struct {
	// Dir holds a persistent index, one folder per knowledge hash; "" keeps
	// the index in memory, built at start.
	Dir string
	// Hash identifies the knowledge (knowledge.Hash); a persistent index is
	// rebuilt when it changes. Required with Dir.
	Hash string
	// Synonyms to expand queries with; nil means DefaultSynonyms.
	Synonyms *Synonyms
	// Progress, when set, is told how many passages are indexed so far.
	Progress func(done, total int)
	// Questions are alternative questions by passage id, linked by staff
	// (see questions.go); they need no rebuild of a persistent index.
	Questions map[string][]string
	// LockTimeout bounds the wait for a persistent index another process
	// (or this one) holds open; Open then fails with ErrInUse. Default 1 s.
	LockTimeout time.Duration
	// Associations re-rank candidates by learned word associations
	// (assoc.go); nil means DefaultAssociations.
	Associations *Associations
	// Examples are example questions with the passages that answer them,
	// for the nearest-neighbour signal (knn.go); nil means DefaultExamples.
	// Those for passages the knowledge lacks are ignored.
	Examples *Examples
	// Reuse is an index this process holds open, for a reload: when it is
	// the persistent index Open would open, its files are shared instead of
	// opened again (which would wait on their lock). Each Index is closed
	// on its own; the files are released with the last.
	Reuse *Index
}

// ErrInUse is returned by Open when the persistent index is held open, by
// another process or by this one.
var ErrInUse = errors.New("index: the index folder is in use by another process (one serve, ask or index per --index folder)")

// Index searches the passages of a set of documents.
type Index struct {
	bi       bleve.Index
	files    *files // bi, shared with the indexes reusing it
	closed   sync.Once
	passages []Passage
	byID     map[string]int
	syn      *Synonyms
	assoc    *Associations
	// nb is the example bank as this knowledge sees it (knn.go), made in
	// a goroutine Open starts; it returns nil when no example is about
	// one of its passages.
	nb    func() *neighbours
	vocab *vocabulary
	// pvec holds each passage's meaning vector once computed (dense.go).
	pvec []atomic.Pointer[[]float32]
	// stemSets holds, per passage, every stem of its text, heading and
	// context: what a query term must find for the passage to cover it.
	stemSets []map[string]struct{}
	// fieldSets holds the same per field, for ranking.
	fieldSets []fieldStems
	df        map[string]int
	docs      []knowledge.Document
	path      string
	// sentenceCache holds, per long paragraph, its sentences' stems
	// (*sentenceStems by passage number), filled as answers quote it.
	sentenceCache sync.Map
	// questions are the staff's alternative questions (questions.go).
	questions        []altQuestion
	unknownQuestions []string
	// subj holds the passages' heading subjects (subject.go), made once.
	subjOnce sync.Once
	subj     *subjectIndex
}

// Open cuts docs into passages and opens their index: from opts.Dir when a
// complete index for opts.Hash is there, built otherwise (in a folder aside,
// renamed into place when complete, so a crash never leaves half an index).
func Open(ctx context.Context, docs []knowledge.Document, opts Options) (*Index, error) {
	ix := &Index{syn: opts.Synonyms, assoc: opts.Associations, docs: docs}
	if ix.syn == nil {
		ix.syn = DefaultSynonyms()
	}
	if ix.assoc == nil {
		ix.assoc = DefaultAssociations()
	}
	ix.passages = Cut(docs)
	if len(ix.passages) == 0 {
		return nil, errors.New("index: the knowledge has no passages")
	}
	ix.prepare()
	ix.unknownQuestions = ix.addQuestions(opts.Questions)
	// After the questions: the bank reads the vocabulary they extend (a
	// word staff linked is no longer one the knowledge lacks).
	ix.startExamples(opts.Examples)

	if opts.Dir == "" {
		bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("index: create in memory: %w", err)
		}
		if err := fill(ctx, bi, ix.passages, opts.Progress); err != nil {
			bi.Close()
			return nil, err
		}
		ix.setFiles(bi)
		return ix, nil
	}
	if opts.Hash == "" {
		return nil, errors.New("index: a persistent index needs the knowledge hash")
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = time.Second
	}
	final := filepath.Join(opts.Dir, "kb-"+opts.Hash[:min(16, len(opts.Hash))])
	if r := opts.Reuse; r != nil && r.path == final && r.files.acquire() {
		if n, err := r.bi.DocCount(); err == nil && int(n) == len(ix.passages) {
			ix.bi, ix.files, ix.path = r.bi, r.files, final
			return ix, nil
		}
		r.files.release()
	}
	if bi, err := openLocked(final, opts.LockTimeout); err == nil {
		if n, err := bi.DocCount(); err == nil && int(n) == len(ix.passages) {
			ix.setFiles(bi)
			ix.path = final
			return ix, nil
		}
		bi.Close()
	} else if errors.Is(err, ErrInUse) {
		return nil, fmt.Errorf("%w: %s", ErrInUse, final)
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	tmp := filepath.Join(opts.Dir, ".build-"+randomSuffix())
	bi, err := bleve.New(tmp, newMapping())
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", tmp, err)
	}
	if err := fill(ctx, bi, ix.passages, opts.Progress); err != nil {
		bi.Close()
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := bi.Close(); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("index: close %s: %w", tmp, err)
	}
	os.RemoveAll(final) // an incomplete or stale index of the same hash
	if err := os.Rename(tmp, final); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("index: %w", err)
	}
	removeStale(opts.Dir, filepath.Base(final))
	if bi, err = openLocked(final, opts.LockTimeout); err != nil {
		return nil, fmt.Errorf("index: open %s: %w", final, err)
	}
	ix.setFiles(bi)
	ix.path = final
	return ix, nil
}

// files is an open bleve index and how many Index values answer from it.
type files struct {
	bi   bleve.Index
	mu   sync.Mutex
	refs int
}

func (ix *Index) setFiles(bi bleve.Index) {
	ix.bi, ix.files = bi, &files{bi: bi, refs: 1}
}

// acquire adds a user; false if the files are already closed.
func (f *files) acquire() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.refs == 0 {
		return false
	}
	f.refs++
	return true
}

// release drops a user, closing the files with the last.
func (f *files) release() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.refs == 0 {
		return nil
	}
	f.refs--
	if f.refs > 0 {
		return nil
	}
	return f.bi.Close()
}

// openLocked opens the bleve index at path, waiting at most timeout for the
// lock on its files: bolt's own wait has no end, and a process stuck in
// it answers neither a reload nor SIGTERM.
func openLocked(path string, timeout time.Duration) (bleve.Index, error) {
	bi, err := bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": timeout.String()})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, ErrInUse
	}
	return bi, err
}

// removeStale deletes indexes of other knowledge versions.
func removeStale(dir, keep string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && e.Name() != keep && strings.HasPrefix(e.Name(), "kb-") {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

const batchSize = 2000

func fill(ctx context.Context, bi bleve.Index, ps []Passage, progress func(int, int)) error {
	b := bi.NewBatch()
	for i, p := range ps {
		if err := b.Index(p.ID, newPassageDoc(p)); err != nil {
			return fmt.Errorf("index: passage %s: %w", p.ID, err)
		}
		if b.Size() >= batchSize || i == len(ps)-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := bi.Batch(b); err != nil {
				return fmt.Errorf("index: %w", err)
			}
			b.Reset()
			if progress != nil {
				progress(i+1, len(ps))
			}
		}
	}
	return nil
}

// prepare computes what query analysis needs beside bleve: the vocabulary
// for typo correction and each passage's stems for coverage.
func (ix *Index) prepare() {
	ix.byID = make(map[string]int, len(ix.passages))
	ix.vocab = newVocabulary()
	ix.stemSets = make([]map[string]struct{}, len(ix.passages))
	ix.fieldSets = make([]fieldStems, len(ix.passages))
	ix.df = map[string]int{}
	// Every passage of a section shares its heading, parents and most often
	// its context: each is analysed once (the sets are only read).
	shared := map[string]map[string]struct{}{}
	sharedSet := func(text string) map[string]struct{} {
		set, ok := shared[text]
		if !ok {
			set = stemSet(text)
			shared[text] = set
		}
		return set
	}
	for i, p := range ix.passages {
		ix.byID[p.ID] = i
		d := newPassageDoc(p)
		all := d.Text + "\n" + d.Heading + "\n" + d.Context
		ix.vocab.add(all)
		fs := fieldStems{text: stemSet(d.Text), heading: sharedSet(d.Heading), context: sharedSet(d.Context),
			parents:      sharedSet(strings.Join(p.Headings[:max(0, len(p.Headings)-1)], "\n")),
			questionWord: headingQuestionWord(p.Section)}
		ix.fieldSets[i] = fs
		set := map[string]struct{}{}
		for _, f := range []map[string]struct{}{fs.text, fs.heading, fs.context} {
			for s := range f {
				set[s] = struct{}{}
			}
		}
		for s := range set {
			ix.df[s]++
		}
		ix.stemSets[i] = set
	}
	ix.pvec = make([]atomic.Pointer[[]float32], len(ix.passages))
}

// Passages returns every passage, in document order.
func (ix *Index) Passages() []Passage { return ix.passages }

// Documents returns the documents the index was built from.
func (ix *Index) Documents() []knowledge.Document { return ix.docs }

// Passage returns the passage with the given id.
func (ix *Index) Passage(id string) (Passage, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return Passage{}, false
	}
	return ix.passages[i], true
}

// Path is the folder of a persistent index, "" for one in memory.
func (ix *Index) Path() string { return ix.path }

// Close releases the bleve index (once: closing again does nothing).
func (ix *Index) Close() error {
	var err error
	ix.closed.Do(func() { err = ix.files.release() })
	return err
}

// Released reports whether the bleve index's files are closed: this Index
// and every one sharing them were closed.
func (ix *Index) Released() bool {
	ix.files.mu.Lock()
	defer ix.files.mu.Unlock()
	return ix.files.refs == 0
}
