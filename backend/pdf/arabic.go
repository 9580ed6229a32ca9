package pdf

import "unicode"

// arabicForms gives, for each Arabic letter that joins, the code point of its
// isolated presentation form and how many forms follow it in the order
// isolated, final, initial, medial: 4 for letters that join on both sides, 2
// for letters that join only to the letter before them (alef, dal, reh, waw...).
var arabicForms = map[rune]struct {
	iso   rune
	forms int
}{
	0x0622: {0xFE81, 2}, 0x0623: {0xFE83, 2}, 0x0624: {0xFE85, 2}, 0x0625: {0xFE87, 2},
	0x0626: {0xFE89, 4}, 0x0627: {0xFE8D, 2}, 0x0628: {0xFE8F, 4}, 0x0629: {0xFE93, 2},
	0x062A: {0xFE95, 4}, 0x062B: {0xFE99, 4}, 0x062C: {0xFE9D, 4}, 0x062D: {0xFEA1, 4},
	0x062E: {0xFEA5, 4}, 0x062F: {0xFEA9, 2}, 0x0630: {0xFEAB, 2}, 0x0631: {0xFEAD, 2},
	0x0632: {0xFEAF, 2}, 0x0633: {0xFEB1, 4}, 0x0634: {0xFEB5, 4}, 0x0635: {0xFEB9, 4},
	0x0636: {0xFEBD, 4}, 0x0637: {0xFEC1, 4}, 0x0638: {0xFEC5, 4}, 0x0639: {0xFEC9, 4},
	0x063A: {0xFECD, 4}, 0x0641: {0xFED1, 4}, 0x0642: {0xFED5, 4}, 0x0643: {0xFED9, 4},
	0x0644: {0xFEDD, 4}, 0x0645: {0xFEE1, 4}, 0x0646: {0xFEE5, 4}, 0x0647: {0xFEE9, 4},
	0x0648: {0xFEED, 2}, 0x0649: {0xFEEF, 2}, 0x064A: {0xFEF1, 4},
	// Persian and Urdu letters, in Arabic Presentation Forms-A.
	0x0671: {0xFB50, 2}, 0x067E: {0xFB56, 4}, 0x0686: {0xFB7A, 4}, 0x0698: {0xFB8A, 2},
	0x06A9: {0xFB8E, 4}, 0x06AF: {0xFB92, 4}, 0x06CC: {0xFBFC, 4},
}

// lamAlef gives the isolated ligature of lam followed by each alef; the final
// form (lam joined to the letter before it) is the next code point.
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const (
	arabicLam = 0x0644
	tatweel   = 0x0640 // the joining stroke: joins on both sides, has no forms
)

// joinsForward reports whether r connects to the letter after it.
func joinsForward(r rune) bool {
	if r == tatweel || r == '\u200d' {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f.forms == 4
}

// joinsBackward reports whether r connects to the letter before it.
func joinsBackward(r rune) bool {
	if r == tatweel || r == '\u200d' {
		return true
	}
	_, ok := arabicForms[r]
	return ok
}

// transparent reports marks (harakat) that sit on a letter without breaking
// the joining between its neighbours.
func transparent(r rune) bool { return unicode.Is(unicode.Mn, r) }

// shapeArabic replaces each Arabic letter of a logical line by the form that
// joins it to its neighbours, and lam followed by alef by their ligature. A
// form the font lacks (has returns false) keeps the plain letter.
func shapeArabic(rs []rune, has func(rune) bool) []rune {
	out := make([]rune, 0, len(rs))
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prevJoins := joinsForward(neighbour(i, -1))
		if r == arabicLam && i+1 < len(rs) {
			if lig, ok := lamAlef[rs[i+1]]; ok {
				if prevJoins {
					lig++
				}
				if has(lig) {
					out = append(out, lig)
					i++
					continue
				}
			}
		}
		back := prevJoins
		fwd := f.forms == 4 && joinsBackward(neighbour(i, +1))
		form := f.iso
		switch {
		case back && fwd:
			form += 3
		case back:
			form++
		case fwd:
			form += 2
		}
		if has(form) {
			r = form
		}
		out = append(out, r)
	}
	return out
}
