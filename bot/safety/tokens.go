package safety

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a message, lower-cased and without apostrophes, with
// the number of the clause it is in (clauses end at . , ; : ? ! and line ends).
type token struct {
	text   string
	clause int
}

// joined are the two-word forms spelled as one, so that "can not", "cannot"
// and "can't" are the same word, and so are "i am" and "i'm".
var joined = map[[2]string]string{
	{"can", "not"}: "cant", {"will", "not"}: "wont", {"do", "not"}: "dont",
	{"does", "not"}: "doesnt", {"did", "not"}: "didnt", {"is", "not"}: "isnt",
	{"are", "not"}: "arent", {"was", "not"}: "wasnt", {"were", "not"}: "werent",
	{"could", "not"}: "couldnt", {"would", "not"}: "wouldnt", {"has", "not"}: "hasnt",
	{"have", "not"}: "havent", {"should", "not"}: "shouldnt",
	{"i", "am"}: "im", {"i", "have"}: "ive", {"he", "is"}: "hes", {"she", "is"}: "shes",
	{"it", "is"}: "its", {"they", "are"}: "theyre", {"you", "are"}: "youre",
	{"i", "will"}: "ill", {"i", "would"}: "id",
}

// respelled are single words spelled out to the form the lexicon uses.
var respelled = map[string][]string{
	"cannot": {"cant"}, "u": {"you"}, "ur": {"your"}, "wanna": {"want", "to"},
	"gonna": {"going", "to"}, "gotta": {"got", "to"}, "bc": {"because"},
	"cuz": {"because"}, "coz": {"because"}, "rn": {"right", "now"},
	// text-speak: "idw to be here" is "i dont want to be here"
	"idw": {"i", "dont", "want"}, "idwt": {"i", "dont", "want", "to"}, "idc": {"i", "dont", "care"},
	"dnt": {"dont"}, "cnt": {"cant"}, "pls": {"please"}, "plz": {"please"}, "ppl": {"people"},
	"tmrw": {"tomorrow"}, "tmr": {"tomorrow"}, "tonite": {"tonight"}, "2nite": {"tonight"},
	"smth": {"something"}, "sth": {"something"}, "abt": {"about"}, "rly": {"really"},
}

// laughing are the emoji read as "lol".
var laughing = map[rune]bool{'😂': true, '🤣': true, '😅': true, '😆': true, '😹': true, '😄': true, '😁': true}

// tokenize splits text into words and clauses. A word is a piece of the
// lower-cased text where it can be (no allocation per word), built only
// where an apostrophe is left out of it.
func tokenize(text string) []token {
	lower := undot(unmask(strings.ToLower(text)))
	out := make([]token, 0, len(lower)/5+1)
	clause := 0
	start, end := -1, -1 // the current word is lower[start:end]...
	var built []byte     // ...or this, once an apostrophe was left out
	flush := func() {
		if start < 0 {
			return
		}
		s := lower[start:end]
		if built != nil {
			s = string(built)
		}
		start, built = -1, nil
		one := [1]string{s} // no allocation for the common word
		words, ok := respelled[s]
		if !ok {
			words = one[:]
		}
		for _, s := range words {
			if n := len(out); n > 0 && out[n-1].clause == clause {
				if j, ok := joined[[2]string{out[n-1].text, s}]; ok {
					out[n-1].text = j
					continue
				}
			}
			out = append(out, token{text: s, clause: clause})
		}
	}
	for i, r := range lower {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			size := utf8.RuneLen(r)
			if start < 0 {
				start = i
			} else if built == nil && end != i {
				built = append([]byte(nil), lower[start:end]...)
			}
			if built != nil {
				built = append(built, lower[i:i+size]...)
			}
			end = i + size
		case laughing[r]:
			// a laughing face is a "lol": for the cues (said in jest)
			// and for the classifier alike
			flush()
			out = append(out, token{text: "lol", clause: clause})
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			// "can't" -> "cant"; a quote around a word goes too
		case strings.ContainsRune(".,;:?!\n()", r):
			flush()
			if n := len(out); n > 0 && out[n-1].clause == clause {
				clause++
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// masked are the digits and signs typed for the letters they look like,
// to hide a word from a filter or to say it half aloud: "d1e", "k!ll",
// "su1c1de", "s3lf h@rm".
var masked = [256]byte{'0': 'o', '1': 'i', '!': 'i', '3': 'e', '4': 'a', '@': 'a', '$': 's', '5': 's', '7': 't'}

// unmask reads a masked letter between two letters as that letter; a
// figure beside a digit or at a word's edge ("b12", "spo2", "60kg",
// "covid-19") stays what it is. Text with none is returned as it is.
func unmask(s string) string {
	s = unstar(s)
	var b []byte
	for i := 1; i+1 < len(s); i++ {
		if masked[s[i]] != 0 && asciiLetter(s[i-1]) && asciiLetter(s[i+1]) {
			if b == nil {
				b = []byte(s)
			}
			b[i] = masked[s[i]]
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// unstar takes out a star typed inside a word to hide it from a filter:
// "sui*cidal", "s*icide" (the typo match reads a star for a letter left out).
func unstar(s string) string {
	if strings.IndexByte(s, '*') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '*' && i > 0 && i+1 < len(s) && asciiLetter(s[i-1]) && asciiLetter(s[i+1]) {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func asciiLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// undot joins single letters spelled out with dots ("k.m.s.", "s.h") into
// the word they spell, as people write a word they would rather not.
func undot(s string) string {
	if strings.IndexByte(s, '.') < 0 {
		return s
	}
	var b []byte
	last := 0 // s[:last] is in b
	for i := 0; i < len(s); {
		// a run of single letters, each but the last followed by a dot
		if !asciiLetter(s[i]) || i > 0 && asciiLetter(s[i-1]) {
			i++
			continue
		}
		j := i
		for j+2 < len(s) && s[j+1] == '.' && asciiLetter(s[j+2]) && (j+3 == len(s) || !asciiLetter(s[j+3])) {
			j += 2
		}
		if j == i || j+1 < len(s) && asciiLetter(s[j+1]) {
			i++
			continue
		}
		b = append(b, s[last:i]...)
		for k := i; k <= j; k += 2 {
			b = append(b, s[k])
		}
		last = j + 1
		if last < len(s) && s[last] == '.' {
			last++
		}
		i = last
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// words are the texts of tokens.
func words(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}
