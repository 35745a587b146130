package kbgen_test

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/infusionbot/infusionbot/index"
	"github.com/infusionbot/infusionbot/internal/kbgen"
	"github.com/infusionbot/infusionbot/knowledge"
)

func mapFS(arts []kbgen.Article) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, a := range arts {
		fsys[a.Path] = &fstest.MapFile{Data: a.Data}
	}
	return fsys
}

func TestGenerateGivesLoadableArticlesOfTheAskedSize(t *testing.T) {
	for _, n := range []int{1, 7, 500} {
		arts, err := kbgen.Generate(kbgen.Config{Passages: n, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		docs, err := knowledge.Load(mapFS(arts))
		if err != nil {
			t.Fatalf("%d passages: knowledge.Load rejects the articles: %v", n, err)
		}
		if len(docs) != len(arts) {
			t.Errorf("%d passages: %d of %d articles loaded", n, len(docs), len(arts))
		}
		if got := len(index.Cut(docs)); got != n {
			t.Errorf("asked for %d passages, got %d", n, got)
		}
	}
}

func TestGenerateIsDeterministicForASeed(t *testing.T) {
	gen := func(seed uint64) []kbgen.Article {
		arts, err := kbgen.Generate(kbgen.Config{Passages: 300, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return arts
	}
	a, b, c := gen(7), gen(7), gen(8)
	if len(a) != len(b) {
		t.Fatalf("same seed, %d and %d articles", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("same seed, article %d differs: %s and %s", i, a[i].Path, b[i].Path)
		}
	}
	same := len(a) == len(c)
	for i := 0; same && i < len(a); i++ {
		same = bytes.Equal(a[i].Data, c[i].Data)
	}
	if same {
		t.Error("seeds 7 and 8 gave the same articles")
	}
}

func TestWriteWritesTheArticles(t *testing.T) {
	dir := t.TempDir()
	st, err := kbgen.Write(dir, kbgen.Config{Passages: 120, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := knowledge.Load(osDirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != st.Articles || len(index.Cut(docs)) != 120 {
		t.Errorf("wrote %+v, loaded %d documents, %d passages", st, len(docs), len(index.Cut(docs)))
	}
}

func osDirFS(dir string) fs.FS { return os.DirFS(dir) }
