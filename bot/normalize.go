package bot

import (
	"strings"
	"unicode"
)

// contractions spells out the short forms people type, so rules are written once.
var contractions = map[string]string{
	"can't": "cannot", "cant": "cannot", "won't": "will not", "wont": "will not",
	"don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not",
	"didn't": "did not", "didnt": "did not", "isn't": "is not", "isnt": "is not",
	"aren't": "are not", "arent": "are not", "wasn't": "was not", "wasnt": "was not",
	"weren't": "were not", "couldn't": "could not", "couldnt": "could not",
	"shouldn't": "should not", "shouldnt": "should not", "wouldn't": "would not", "wouldnt": "would not",
	"haven't": "have not", "havent": "have not", "hasn't": "has not", "hasnt": "has not",
	"i'm": "i am", "im": "i am", "i've": "i have", "ive": "i have", "i'd": "i would",
	"i'll": "i will", "it's": "it is", "you're": "you are", "youre": "you are",
	"what's": "what is", "whats": "what is", "that's": "that is", "thats": "that is",
	"there's": "there is", "he's": "he is", "she's": "she is", "they're": "they are",
	"let's": "let us", "wanna": "want to", "gonna": "going to", "gotta": "got to",
	"u": "you", "ur": "your", "pls": "please", "plz": "please", "thx": "thanks",
	"can not": "cannot",
}

// normalize lower-cases text, straightens quotes, spells out contractions
// and removes punctuation, leaving words separated by single spaces.
func normalize(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == '’' || r == '‘' || r == '\'' || r == '`':
			b.WriteRune('\'')
		case r == '/' && b.Len() == 0: // keep a leading command slash: "/start"
			b.WriteRune(r)
		case r == '-' || r == '_':
			b.WriteRune(' ')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	fields := strings.Fields(b.String())
	out := make([]string, 0, len(fields))
	for i := 0; i < len(fields); i++ {
		w := strings.Trim(fields[i], "'")
		if w == "can" && i+1 < len(fields) && fields[i+1] == "not" {
			out = append(out, "cannot")
			i++
			continue
		}
		if exp, ok := contractions[w]; ok {
			w = exp
		} else if strings.HasSuffix(w, "'s") {
			w = strings.TrimSuffix(w, "'s") + "s" // possessive: "husband's" -> "husbands"
		}
		w = strings.ReplaceAll(w, "'", "")
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
