package lexicon

//go:generate go run ./gen -o lexicon.bin
