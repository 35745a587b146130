package logging

import (
	"regexp"
	"strings"
)

// The placeholders ScrubIdentifiers puts where an identifier was.
const (
	ScrubbedEmail  = "[email]"
	ScrubbedHandle = "[handle]"
	ScrubbedDate   = "[date]"
	ScrubbedPhone  = "[phone]"
	ScrubbedNumber = "[number]"
)

const monthName = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// scrubbers run in order: an e-mail address holds an @handle, a date and a
// phone number are digit runs, so the more specific kind goes first.
var scrubbers = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?i)[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}`), ScrubbedEmail},
	{regexp.MustCompile(`(?i)(?:^|[^\w@])@\w{2,}`), " " + ScrubbedHandle},
	// Full dates, the form a date of birth takes: 3/14/1962, 14.03.62,
	// 1962-03-14, March 14th, 1962, 14 March 1962, born March 1962.
	{regexp.MustCompile(`\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b`), ScrubbedDate},
	{regexp.MustCompile(`\b\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}\b`), ScrubbedDate},
	{regexp.MustCompile(`(?i)\b` + monthName + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}\b`), ScrubbedDate},
	{regexp.MustCompile(`(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthName + `,?\s+\d{2,4}\b`), ScrubbedDate},
	{regexp.MustCompile(`(?i)\b` + monthName + `,?\s+(?:19|20)\d{2}\b`), ScrubbedDate},
	// Phone numbers: seven or more digits with the usual separators,
	// an optional + and area code in brackets.
	{regexp.MustCompile(`(?:\+|\b)\d[\d\s().\-]{5,}\d\b|\(\d{2,4}\)[\d\s.\-]{5,}\d\b`), ScrubbedPhone},
	// Anything else of five or more digits: record, member and card numbers, zip codes.
	{regexp.MustCompile(`\d{5,}`), ScrubbedNumber},
}

// ScrubIdentifiers removes what identifies a person from message text
// before it is stored: e-mail addresses, @handles, full dates (dates of
// birth), phone numbers and runs of five or more digits, each replaced by
// a placeholder ("[email]", "[handle]", "[date]", "[phone]", "[number]")
// so the question stays readable. Short numbers ("2 hours", "50 mg") stay.
func ScrubIdentifiers(text string) string {
	for _, s := range scrubbers {
		if s.with == " "+ScrubbedHandle {
			text = s.re.ReplaceAllStringFunc(text, func(m string) string {
				return m[:strings.IndexByte(m, '@')] + ScrubbedHandle
			})
			continue
		}
		text = s.re.ReplaceAllStringFunc(text, func(m string) string {
			if s.with == ScrubbedPhone {
				switch n := countDigits(m); {
				case n < 7:
					return m
				case n > 15: // longer than any phone number (E.164)
					return ScrubbedNumber
				}
			}
			return s.with
		})
	}
	return text
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}
