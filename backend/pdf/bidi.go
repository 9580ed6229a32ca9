package pdf

import (
	"strings"
	"unicode"
)

// gofpdf draws every string left to right, glyph by glyph. Arabic and Hebrew
// names therefore need two steps before drawing: Arabic letters take their
// joined forms (shape, see arabic.go) and each line is put in visual order
// (reorder, a small part of the Unicode bidirectional algorithm, UAX #9).
// Lines are always broken on the logical text first; visual() is applied to
// one finished line at a time.

// zwnj (zero width non-joiner) keeps two Arabic letters apart; it is honoured
// while shaping and then removed, as it has no glyph.
const zwnj = '\u200c'

// visual returns a cleaned, logical line in the order and letter forms the
// PDF draws from left to right.
func (d *doc) visual(s string) string {
	if !needsBidi(s) {
		return s
	}
	rs := shapeArabic([]rune(s), d.canShow)
	rs = reorder(rs)
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		if r != zwnj {
			out = append(out, r)
		}
	}
	return string(out)
}

// needsBidi reports whether s holds a right-to-left letter or a joiner: most
// text does not, and is drawn as it is.
func needsBidi(s string) bool {
	for _, r := range s {
		if r >= 0x0590 && (isRTL(r) || r == zwnj) {
			return true
		}
	}
	return false
}

// isRTL reports the right-to-left letters: Hebrew, Arabic (with Syriac,
// Thaana and N'Ko between them) and their presentation forms.
func isRTL(r rune) bool {
	return (r >= 0x0590 && r <= 0x08FF) || (r >= 0xFB1D && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFE)
}

// bidiType is the simplified bidirectional class of one rune.
type bidiType uint8

const (
	btN   bidiType = iota // neutral: spaces, punctuation, symbols
	btL                   // left-to-right letter
	btR                   // right-to-left letter
	btEN                  // digit
	btNSM                 // combining mark: takes the type of the letter before it
	btNum                 // a digit resolved as a number inside right-to-left text
)

func typeOf(r rune) bidiType {
	switch {
	case (r >= '0' && r <= '9') || (r >= 0x0660 && r <= 0x0669) || (r >= 0x06F0 && r <= 0x06F9):
		return btEN
	case unicode.Is(unicode.Mn, r):
		return btNSM
	case isRTL(r):
		return btR
	case unicode.IsLetter(r) || unicode.IsMark(r):
		return btL
	}
	return btN
}

// numberSeparator reports the signs that stay inside a number written
// between digits: 12.03.2025, 1,5, 10:30, 1/2, 010190-1234.
func numberSeparator(r rune) bool { return strings.ContainsRune(".,:/-", r) }

// numberSuffix reports signs that belong to the number next to them.
func numberSuffix(r rune) bool { return strings.ContainsRune("%€$£#°", r) }

// reorder puts one line into visual order. The line's direction is
// right-to-left only when it has right-to-left letters and no left-to-right
// ones (a whole Arabic name or sentence); otherwise it is a Danish line with
// right-to-left runs in it, each turned around in place. Numbers always read
// left to right, and brackets inside right-to-left runs are mirrored.
func reorder(rs []rune) []rune {
	n := len(rs)
	types := make([]bidiType, n)
	hasL, hasR := false, false
	for i, r := range rs {
		t := typeOf(r)
		if t == btNSM {
			t = btN
			if i > 0 {
				t = types[i-1]
			}
		}
		types[i] = t
		hasL = hasL || t == btL
		hasR = hasR || t == btR
	}
	if !hasR {
		return rs
	}
	base := btL
	if !hasL {
		base = btR
	}
	// Separators and signs between or next to digits belong to the number.
	for i := range types {
		if types[i] != btN {
			continue
		}
		switch {
		case numberSeparator(rs[i]) && i > 0 && i+1 < n && types[i-1] == btEN && types[i+1] == btEN:
			types[i] = btEN
		case numberSuffix(rs[i]) && ((i > 0 && types[i-1] == btEN) || (i+1 < n && types[i+1] == btEN)):
			types[i] = btEN
		}
	}
	// A number after left-to-right text (or at the start of a Danish line) is
	// just more left-to-right text; after right-to-left text it is a number
	// kept left to right inside it.
	strong := base
	for i, t := range types {
		switch t {
		case btL, btR:
			strong = t
		case btEN:
			if strong == btL {
				types[i] = btL
			} else {
				types[i] = btNum
			}
		}
	}
	// Neutrals between two sides of the same direction take it; others take
	// the line's direction. Numbers count as right-to-left here.
	dir := func(t bidiType) bidiType {
		if t == btNum {
			return btR
		}
		return t
	}
	for i := 0; i < n; {
		if types[i] != btN {
			i++
			continue
		}
		j := i
		for j < n && types[j] == btN {
			j++
		}
		before, after := base, base
		if i > 0 {
			before = dir(types[i-1])
		}
		if j < n {
			after = dir(types[j])
		}
		t := base
		if before == after {
			t = before
		}
		for k := i; k < j; k++ {
			types[k] = t
		}
		i = j
	}
	levels := make([]int, n)
	for i, t := range types {
		switch {
		case base == btL && t == btR:
			levels[i] = 1
		case base == btL && t == btNum:
			levels[i] = 2
		case base == btR && t == btR:
			levels[i] = 1
		case base == btR:
			levels[i] = 2 // left-to-right letters and numbers in a right-to-left line
		}
	}
	out := append([]rune(nil), rs...)
	for i := range out {
		if levels[i]%2 == 1 {
			if m, ok := mirrored[out[i]]; ok {
				out[i] = m
			}
		}
	}
	for lvl := 2; lvl >= 1; lvl-- {
		for i := 0; i < n; {
			if levels[i] < lvl {
				i++
				continue
			}
			j := i
			for j < n && levels[j] >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				out[a], out[b] = out[b], out[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
	return out
}

// mirrored pairs the signs that face the other way in right-to-left text.
var mirrored = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹',
}
