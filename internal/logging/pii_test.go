package logging

import (
	"strings"
	"testing"
)

func TestScrubIdentifiers(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"email", "write to jane.doe+1@example.co.uk please", "write to [email] please"},
		{"handle", "my telegram is @jane_doe99, ask there", "my telegram is [handle], ask there"},
		{"handle at start", "@nurse_bob can you help", "[handle] can you help"},
		{"phone dashes", "call me at 555-867-5309 tomorrow", "call me at [phone] tomorrow"},
		{"phone international", "my number is +44 20 7946 0958.", "my number is [phone]."},
		{"phone brackets", "reach me on (555) 867 5309", "reach me on [phone]"},
		{"date of birth slashes", "I was born 03/14/1962 and", "I was born [date] and"},
		{"date of birth iso", "dob 1962-03-14, is it safe", "dob [date], is it safe"},
		{"date of birth words", "born March 14th, 1962 so I'm 64", "born [date] so I'm 64"},
		{"date of birth day first", "born 14 March 1962", "born [date]"},
		{"long digit run", "my member id is 88412 ok", "my member id is [number] ok"},
		{"card number", "card 4111111111111111", "card [number]"},
		{"doses stay", "is 50 mg over 2 hours normal at 37.5 kg?", "is 50 mg over 2 hours normal at 37.5 kg?"},
		{"short numbers stay", "I had 3 infusions in 2024", "I had 3 infusions in 2024"},
		{"unicode before handle", "é@someone hi", "é[handle] hi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScrubIdentifiers(tt.in)
			if got != tt.want {
				t.Errorf("ScrubIdentifiers(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, d := range []string{"555", "867", "5309", "1962", "jane", "88412", "4111"} {
				if strings.Contains(tt.in, d) && strings.Contains(got, d) && tt.in != tt.want {
					t.Errorf("%q still holds %q", got, d)
				}
			}
		})
	}
}
