package domain

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Length limits for free text, in characters (runes).
const (
	MaxName      = 120
	MaxShortText = 200
	MaxLongText  = 20000
)

// CleanLine trims a single-line text and checks it: valid UTF-8, no control or bidi-override
// characters, at most max characters. Emoji and right-to-left letters are accepted as they are.
func CleanLine(p *Problems, field, s string, max int, required bool) string {
	return clean(p, field, s, max, required, false)
}

// CleanText is CleanLine for multi-line text: newlines and tabs are allowed.
func CleanText(p *Problems, field, s string, max int, required bool) string {
	return clean(p, field, s, max, required, true)
}

func clean(p *Problems, field, s string, max int, required, multiline bool) string {
	if !utf8.ValidString(s) {
		p.Add(field, CodeInvalidCharacters)
		return ""
	}
	// NFC: "å" typed as a + combining ring is stored and searched as the one letter å.
	s = norm.NFC.String(strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")))
	if s == "" {
		if required {
			p.Add(field, CodeRequired)
		}
		return ""
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || isBidiOverride(r) || r == utf8.RuneError {
			p.Add(field, CodeInvalidCharacters)
			return s
		}
	}
	if n := utf8.RuneCountInString(s); n > max {
		p.Add(field, CodeTooLong, "max", strconv.Itoa(max), "length", strconv.Itoa(n))
	}
	return s
}

// isBidiOverride reports the explicit direction overrides and isolates that can make a name
// display as something else than what is stored.
func isBidiOverride(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// FoldForSearch lower-cases s with full Unicode rules so that "SØVN" matches "søvn" while
// æ, ø and å stay distinct letters.
func FoldForSearch(s string) string {
	return strings.ToLower(norm.NFC.String(strings.TrimSpace(s)))
}
