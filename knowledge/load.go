package knowledge

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// The articles folder is embedded without the "all:" prefix, so embed itself
// leaves out names starting with "." or "_", matching what Load skips.
//
//go:embed articles
var embedded embed.FS

// Default returns the articles compiled into the binary, rooted at the
// articles folder so that document paths are bare slugs
// ("lidocaine-and-ketamine").
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "articles")
	if err != nil {
		// fs.Sub fails only on an invalid directory name, a constant here.
		panic(err)
	}
	return sub
}

// Load reads every article in fsys (see ArticlePaths for which files count)
// and parses it into a Document, in path order.
//
// Problems are collected rather than stopping at the first, so that whoever
// edits the articles sees all of them at once: the error joins one
// *ParseError ("path:line: what is wrong") per problem. The documents that
// parsed cleanly are returned alongside it; a caller serving patients should
// treat any error as fatal rather than answer from part of the knowledge.
func Load(fsys fs.FS) ([]Document, error) {
	docs, _, err := LoadReport(fsys)
	return docs, err
}

// Skipped is a file in the knowledge folder that is not answered from, and why.
type Skipped struct {
	Path   string // relative to the knowledge folder
	Reason string // "draft", "drafts folder", "not an article (.pdf)"
}

// LoadReport is Load that also says which files it left out: drafts (a
// "drafts" folder, or "draft: true" in the front matter) and files that are
// not articles (a .pdf, a .docx). Whoever adds an article then learns why it
// is not answered from instead of guessing. Hidden files and names starting
// with "_" are left out by convention and not reported.
func LoadReport(fsys fs.FS) ([]Document, []Skipped, error) {
	paths, skipped, err := scan(fsys)
	if err != nil {
		return nil, nil, err
	}
	var (
		docs   []Document
		errs   []error
		byPath = map[string]string{} // document path -> file that claimed it
	)
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		doc, problems := parse(p, data)
		// "a.md" and "a.txt" would both become document "a", and citation
		// ids would no longer say which file a quote came from.
		if other, dup := byPath[doc.Path]; dup {
			problems = append(problems, &ParseError{Path: p, Line: 1,
				Msg: fmt.Sprintf("same document path %q as %s; rename one of them", doc.Path, other)})
		} else {
			byPath[doc.Path] = p
		}
		if len(problems) > 0 {
			for _, pe := range problems {
				errs = append(errs, pe)
			}
			continue
		}
		if doc.Draft {
			skipped = append(skipped, Skipped{Path: p, Reason: "draft"})
			continue
		}
		docs = append(docs, doc)
	}
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path })
	return docs, skipped, errors.Join(errs...)
}

// Hash returns a hex SHA-256 over the article files' paths and contents, in
// path order, so that a stored index can tell when the knowledge changed and
// must be rebuilt. Files Load ignores do not change it.
func Hash(fsys fs.FS) (string, error) {
	paths, err := ArticlePaths(fsys)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return "", err
		}
		// Length prefixes keep the encoding unambiguous: moving bytes from
		// one file's end to the next file's name cannot give the same hash.
		fmt.Fprintf(h, "%d:%s\n%d:", len(p), p, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ArticlePaths lists the article files in fsys, sorted by path: files ending
// in ".md" or ".txt", in any folder but a "drafts" one. It skips README files
// (README.md, README.txt, any case), and files and folders whose names start
// with "_" or "." — the place for notes, drafts and templates that must never
// be quoted to a patient.
func ArticlePaths(fsys fs.FS) ([]string, error) {
	paths, _, err := scan(fsys)
	return paths, err
}

// scan walks fsys for article files and for the files it leaves out that
// someone may have meant as articles.
func scan(fsys fs.FS) (paths []string, skipped []Skipped, err error) {
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != "." && strings.EqualFold(name, "drafts") {
				skipped = append(skipped, Skipped{Path: p + "/", Reason: "drafts folder"})
				return fs.SkipDir
			}
			return nil
		}
		if !isArticleName(name) {
			if ext := path.Ext(name); ext != ".md" && ext != ".txt" {
				reason := "not an article (only .md and .txt files are read)"
				if ext != "" {
					reason = "not an article (" + ext + "; only .md and .txt files are read)"
				}
				skipped = append(skipped, Skipped{Path: p, Reason: reason})
			}
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// WalkDir orders names within each folder, which is not the same as
	// ordering whole paths ("a-b.md" sorts before "a/b.md").
	sort.Strings(paths)
	return paths, skipped, nil
}

func isArticleName(name string) bool {
	ext := path.Ext(name)
	if ext != ".md" && ext != ".txt" {
		return false
	}
	return !strings.EqualFold(strings.TrimSuffix(name, ext), "README")
}

// ParseError is one problem in an article file.
type ParseError struct {
	Path string // file path relative to the knowledge folder, with extension
	Line int    // 1-based
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
}
