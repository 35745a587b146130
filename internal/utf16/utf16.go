// Package utf16 measures text the way chat platforms do: Telegram limits
// messages to 4096 UTF-16 code units and Discord's clients count in UTF-16
// too, so a character outside the Basic Multilingual Plane (most emoji)
// counts twice.
package utf16

// Len is the length of s in UTF-16 code units. An invalid byte counts as one
// unit, since it is sent as U+FFFD.
func Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
