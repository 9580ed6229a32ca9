package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// symbolSwaps turns common check marks into the two the fonts usually have.
var symbolSwaps = map[rune]rune{
	'✔': '✓', '☑': '✓', '✅': '✓',
	'✘': '✗', '❌': '✗', '❎': '✗',
}

// asciiFolds covers letters and signs that have no canonical decomposition, so
// norm.NFKD cannot reduce them to a base letter (ł, ø-like strokes, kra, ...).
var asciiFolds = map[rune]string{
	'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ħ': "h", 'Ħ': "H", 'ı': "i",
	'ĸ': "k", 'ŀ': "l", 'Ŀ': "L", 'ŋ': "n", 'Ŋ': "N", 'ſ': "s", 'ŧ': "t",
	'Ŧ': "T", 'ƒ': "f", 'ǝ': "e", 'ə': "e", 'Ə': "E", 'ɨ': "i", 'ʉ': "u",
	'‐': "-", '‑': "-", '‒': "-", '−': "-", '⁃': "-", '′': "'", '″': "\"",
	'→': "->", '←': "<-", '↔': "<->", '⇒': "=>", '≤': "<=", '≥': ">=",
	'≠': "!=", '≈': "~", '∙': "·", '◦': "o", '●': "•", '▪': "•", '■': "•",
}

// emojiSymbol reports runes that are emoji or emoji parts inside the BMP:
// they either have no glyph in a text font or turn a plan into a sticker sheet,
// so they print as the replacement mark.
func emojiSymbol(r rune) bool {
	switch {
	case r == '✓' || r == '✗':
		return false
	case r >= 0x2300 && r <= 0x23FF, // watch, hourglass, media keys
		r >= 0x2600 && r <= 0x27BF, // misc symbols, dingbats
		r >= 0x2B00 && r <= 0x2BFF, // stars, big squares
		r == 0x20E3, r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	return false
}

// emojiGlue reports the invisible parts of an emoji sequence (joiner,
// variation selectors, skin tones, tags): they belong to the character before
// them and vanish with it.
func emojiGlue(r rune) bool {
	return r == '\u200d' || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0020 && r <= 0xE007F)
}

// clean returns s reduced to text the font can draw: control and format
// characters go, a letter the font lacks becomes a close letter where one
// exists (noted in the report), and anything else it cannot draw (emoji,
// Chinese, ...) becomes one ReplacementMark per run, also noted: never a
// silent gap. The result is still in logical order; visual() prepares a
// line for drawing.
func (d *doc) clean(s string) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	marked := false // the last thing written is a mark: a run of unknowns gets one
	for i, w := 0, 0; i < len(s); i += w {
		var r rune
		r, w = utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			r = '\n'
		case r == '\n':
		case r == '\t':
			r = ' '
		case r == '\u2028' || r == '\u2029':
			r = '\n'
		case emojiGlue(r):
			continue
		case r == zwnj:
			b.WriteRune(r) // keeps two Arabic letters apart; visual() removes it
			continue
		case r == utf8.RuneError || isInvisible(r):
			continue // an invalid byte or a control character is not text
		}
		if sw, ok := symbolSwaps[r]; ok {
			r = sw
		}
		if r == '\n' || (r <= 0xFFFF && !emojiSymbol(r) && d.canShow(r)) {
			b.WriteRune(r)
			marked = false
			continue
		}
		d.noteReplaced(r)
		if r <= 0xFFFF && !emojiSymbol(r) {
			if f := d.fold(r); f != "" {
				b.WriteString(f)
				marked = false
				continue
			}
		}
		if !marked {
			b.WriteString(ReplacementMark)
			marked = true
		}
	}
	return b.String()
}

// noteReplaced lists r once in the render's report.
func (d *doc) noteReplaced(r rune) {
	const most = 50 // enough to tell the user; a whole text in another script is not repeated
	k := string(r)
	if d.seen == nil || d.seen[k] || len(d.replaced) >= most {
		return
	}
	d.seen[k] = true
	d.replaced = append(d.replaced, k)
}

// isPlainASCII reports printable ASCII (plus space), the common fast path.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E {
			return false
		}
	}
	return true
}

// isInvisible reports control, format, private-use and non-characters.
func isInvisible(r rune) bool {
	if r < 0x20 || (r >= 0x7F && r < 0xA0) {
		return true
	}
	if r == 0xFFFE || r == 0xFFFF || (r >= 0xFDD0 && r <= 0xFDEF) || r == 0xFFFD {
		return true
	}
	return unicode.In(r, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp)
}

// canShow reports whether the font draws r as itself.
func (d *doc) canShow(r rune) bool {
	return d.cover == nil || d.cover.has(r)
}

// fold maps r to a close text the font can show, or "" when there is none:
// first the explicit table, then the compatibility decomposition without marks.
func (d *doc) fold(r rune) string {
	if f, ok := asciiFolds[r]; ok {
		if d.canShowAll(f) {
			return f
		}
		return ""
	}
	if unicode.Is(unicode.Mn, r) {
		return "" // a stray combining mark the font lacks
	}
	var b strings.Builder
	for _, c := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		if !d.canShow(c) {
			if f, ok := asciiFolds[c]; ok && d.canShowAll(f) {
				b.WriteString(f)
				continue
			}
			return ""
		}
		b.WriteRune(c)
	}
	return b.String()
}

// canShowAll reports whether every rune of s is drawable.
func (d *doc) canShowAll(s string) bool {
	for _, c := range s {
		if c != '\n' && !d.canShow(c) {
			return false
		}
	}
	return true
}

// sw is the width in mm of one cleaned line in the current font, as drawn.
func (d *doc) sw(s string) float64 {
	return d.pdf.GetStringWidth(d.visual(s))
}

// wrap cleans s and breaks it into lines no wider than w mm in the current font.
// It measures with GetStringWidth rather than gofpdf's SplitText because
// SplitText indexes the core fonts' 256-entry width table by rune and panics on
// any letter above U+00FF; measuring words keeps one code path for both modes.
func (d *doc) wrap(s string, w float64) []string {
	s = strings.TrimRight(d.clean(s), " \n")
	if s == "" {
		return nil
	}
	space := d.sw(" ")
	var out []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			out = append(out, line.String())
			line.Reset()
			lineW = 0
		}
		empty := true
		for _, word := range strings.Split(para, " ") {
			if word == "" {
				continue
			}
			ww := d.sw(word)
			if !empty && lineW+space+ww <= w {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + ww
				continue
			}
			if !empty {
				flush()
			}
			empty = false
			if ww <= w {
				line.WriteString(word)
				lineW = ww
				continue
			}
			// A word wider than the column: hyphenate it (see splitWord).
			pieces := d.splitWord(word, w)
			for _, p := range pieces[:len(pieces)-1] {
				line.WriteString(p)
				flush()
			}
			last := pieces[len(pieces)-1]
			line.WriteString(last)
			lineW = d.sw(last)
		}
		flush()
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// fit shortens cleaned text with an ellipsis until it is at most w mm wide.
func (d *doc) fit(s string, w float64) string {
	if d.sw(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && d.sw(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}
