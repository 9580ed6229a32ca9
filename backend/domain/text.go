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

// CleanLine trims a single-line text and checks it: valid UTF-8, no control, bidi-override or
// other invisible format characters (a zero-width space or a direction mark makes "Anna" and
// "An​na" two names that look the same), at most max characters. Emoji, joined emoji and
// right-to-left letters are accepted as they are.
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
	if onlyInvisible(s) { // "", or nothing a reader sees (a zero-width space, a BOM)
		s = ""
	}
	if s == "" {
		if required {
			p.Add(field, CodeRequired)
		}
		return ""
	}
	rs := []rune(s)
	for i, r := range rs {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || isBidiOverride(r) || r == utf8.RuneError || (!multiline && invisibleFormat(rs, i)) {
			p.Add(field, CodeInvalidCharacters)
			return s
		}
	}
	if n := utf8.RuneCountInString(s); n > max {
		p.Add(field, CodeTooLong, "max", strconv.Itoa(max), "length", strconv.Itoa(n))
	}
	return s
}

// onlyInvisible reports text made only of white space and format characters (Unicode Cf),
// which shows as empty: a required field of them counts as not filled in.
func onlyInvisible(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }) == ""
}

// isBidiOverride reports the explicit direction overrides and isolates that can make a name
// display as something else than what is stored.
func isBidiOverride(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// invisibleFormat reports an invisible format character at rs[i] (Unicode category Cf: zero-width
// spaces and joiners, direction marks, the byte order mark, soft hyphens). The one exception is
// the zero-width joiner between two emoji, which draws a family or a profession as one picture.
func invisibleFormat(rs []rune, i int) bool {
	r := rs[i]
	if !unicode.Is(unicode.Cf, r) {
		return false
	}
	const zwj = 0x200D
	return r != zwj || i == 0 || i == len(rs)-1 || !emojiPart(rs[i-1]) || !unicode.Is(unicode.So, rs[i+1])
}

// emojiPart is what may end an emoji before a joiner: the emoji itself, a skin tone modifier
// or the emoji-style variation selector.
func emojiPart(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == 0xFE0F
}

// FoldForSearch lower-cases s with full Unicode rules so that "SØVN" matches "søvn" while
// æ, ø and å stay distinct letters.
func FoldForSearch(s string) string {
	return strings.ToLower(norm.NFC.String(strings.TrimSpace(s)))
}
