package pdf

import (
	"strings"
	"unicode"
)

// Danish compounds such as "Misbrugsbehandlingsforløb" are often wider than a
// table column. Such a word is split at a syllable boundary with a hyphen at
// the end of the line (Mis-brugs-be-hand-lings-for-løb); a word without any
// boundary that fits (a long number, a web address) is cut where the column
// ends, still with a hyphen, so a break is never mistaken for a space or a
// misspelling.

// danishOnsets are the consonant groups a Danish syllable may start with.
// Between two vowels, a break goes before the longest of them that ends the
// consonants there: hand-ling, be-hand, mis-brug.
var danishOnsets = map[string]bool{
	"bl": true, "br": true, "dr": true, "dv": true, "fj": true, "fl": true, "fr": true,
	"gl": true, "gn": true, "gr": true, "hj": true, "hv": true, "kl": true, "kn": true,
	"kr": true, "kv": true, "pl": true, "pr": true, "sj": true, "sk": true, "sl": true,
	"sm": true, "sn": true, "sp": true, "st": true, "sv": true, "tj": true, "tr": true,
	"tv": true, "vr": true, "skr": true, "spl": true, "spr": true, "str": true,
}

// isVowel reports the Danish vowels, accented ones included.
func isVowel(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'æ', 'ø', 'å', 'á', 'é', 'í', 'ó', 'ú', 'ä', 'ö', 'ü', 'è', 'ê':
		return true
	}
	return false
}

// syllableBreaks returns the positions (rune indexes, ascending) where word may
// be broken: after a hyphen or slash it already has, or between syllables,
// leaving at least two letters on each side.
func syllableBreaks(word []rune) []int {
	var out []int
	lastVowel, wordStart := -1, 0
	for i, r := range word {
		if i > 0 && i < len(word)-1 && (word[i-1] == '-' || word[i-1] == '/') {
			out = append(out, i)
		}
		if !unicode.IsLetter(r) {
			lastVowel, wordStart = -1, i+1
			continue
		}
		if !isVowel(r) {
			continue
		}
		if lastVowel >= 0 && i-lastVowel > 1 {
			cluster := strings.ToLower(string(word[lastVowel+1 : i]))
			onset := 1
			for k := 2; k <= 3 && k <= len([]rune(cluster)); k++ {
				cr := []rune(cluster)
				s := string(cr[len(cr)-k:])
				if danishOnsets[s] && !(s[0] == 's' && len(cr) > k && linkingS(cr[len(cr)-k-1])) {
					onset = k
				}
			}
			at := i - onset
			if at-wordStart >= 2 && len(word)-at >= 2 && allLetters(word[lastVowel+1:i]) {
				out = append(out, at)
			}
		}
		lastVowel = i
	}
	return out
}

// linkingS reports whether an s after consonant c is most likely the joint of
// a compound and belongs to the word before it (plans-mål, arbejds-plads,
// sundheds-tjek), rather than the start of the next syllable (bolig-støtte,
// af-slag).
func linkingS(c rune) bool {
	switch unicode.ToLower(c) {
	case 'g', 'b', 'p', 'f', 'v', 'k':
		return false
	}
	return true
}

func allLetters(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// splitWord breaks a word wider than w mm into pieces that fit, every piece
// but the last ending in a hyphen (or in the hyphen or slash the word had).
func (d *doc) splitWord(word string, w float64) []string {
	rs := []rune(word)
	var out []string
	for len(rs) > 1 && d.sw(string(rs)) > w {
		cut := d.bestCut(rs, w)
		out = append(out, withHyphen(rs[:cut]))
		rs = rs[cut:]
	}
	return append(out, string(rs))
}

// withHyphen is the first part of a broken word as printed.
func withHyphen(rs []rune) string {
	if last := rs[len(rs)-1]; last == '-' || last == '/' {
		return string(rs)
	}
	return string(rs) + "-"
}

// bestCut is where to break rs so the first part, hyphen included, fits in w:
// the last syllable boundary that fits, or else as many runes as fit (at
// least one, so a column narrower than a letter still makes progress).
func (d *doc) bestCut(rs []rune, w float64) int {
	fits := func(i int) bool { return d.sw(withHyphen(rs[:i])) <= w }
	best := 0
	for _, i := range syllableBreaks(rs) {
		if !fits(i) {
			break
		}
		best = i
	}
	if best > 0 {
		return best
	}
	i := 1
	for i+1 < len(rs) && fits(i+1) {
		i++
	}
	return i
}
