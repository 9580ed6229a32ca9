package domain

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanSeeds are inputs that have mattered: Danish letters typed decomposed, CRLF, controls,
// bidi overrides, invalid UTF-8, emoji, right-to-left names, whitespace at the ends.
var cleanSeeds = []string{"", "  Anna Jensen \t", "æøåÆØÅ", "a\u030aa", "A\u030a", "første\r\nanden", "a\rb",
	"Anna\x00Jensen", "\x1b[31mrød", "a\u0085b", "Ann\xffa", "æ\xc3", "a\uFFFDb", "Anna\u202Egpj.exe",
	"a\u2067b", "عائشة خليل", "שרה כהן", "Glad i dag 😀👍🏽\nGod kontakt 🏠", "👨‍👩‍👧", "\u2000a\u2000",
	"\u00a0x\u00a0", "e\u0301\u0301", "\u1100\u1161\u11a8", "ﬁ", "Ω", "\u0344", "\t\n", "An\u200bna", "Anna\u200e",
	"\ufeffAnna", "An\u200dna", "👩\u200d", "\u200d👩"}

// FuzzCleanLine and FuzzCleanText check what every free-text field relies on: text accepted
// without a problem is valid UTF-8 in NFC, trimmed, free of control and bidi-override
// characters (a line also of newlines and tabs), within the length limit, and cleaning it
// again changes nothing. Invalid UTF-8 is always refused, and the only problems are the
// three the UI knows how to show.
func FuzzCleanLine(f *testing.F) {
	for i, s := range cleanSeeds {
		f.Add(s, 1+i*7, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, s string, max int, required bool) {
		checkClean(t, CleanLine, false, s, boundMax(max), required)
	})
}

// FuzzCleanText is FuzzCleanLine for multi-line text.
func FuzzCleanText(f *testing.F) {
	for i, s := range cleanSeeds {
		f.Add(s, 1+i*7, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, s string, max int, required bool) {
		checkClean(t, CleanText, true, s, boundMax(max), required)
	})
}

// boundMax keeps the limit between 1 and MaxLongText, as every caller's is.
func boundMax(max int) int {
	if max < 0 {
		max = -(max + 1)
	}
	return 1 + max%MaxLongText
}

func checkClean(t *testing.T, clean func(*Problems, string, string, int, bool) string, multiline bool,
	s string, max int, required bool) {
	var p Problems
	got := clean(&p, "f", s, max, required)
	codes := fieldCodes(&p, "f")
	if len(codes) > 1 {
		t.Fatalf("%q: more than one problem: %v", s, codes)
	}
	if !utf8.ValidString(s) {
		if len(codes) != 1 || codes[0] != CodeInvalidCharacters || got != "" {
			t.Fatalf("%q: invalid UTF-8 gave %q %v, want \"\" [invalid_characters]", s, got, codes)
		}
		return
	}
	if len(codes) == 1 {
		switch codes[0] {
		case CodeInvalidCharacters:
			if !hasForbidden(got, multiline) {
				t.Fatalf("%q: refused as invalid characters, but %q has none", s, got)
			}
		case CodeRequired:
			if !required || got != "" {
				t.Fatalf("%q: required reported with required=%v and value %q", s, required, got)
			}
		case CodeTooLong:
			n := utf8.RuneCountInString(got)
			params := p.fields[0].Params
			if n <= max || params["max"] != strconv.Itoa(max) || params["length"] != strconv.Itoa(n) {
				t.Fatalf("%q: too_long with %d runes, max %d, params %v", s, n, max, params)
			}
			checkCleanShape(t, s, got, multiline)
		default:
			t.Fatalf("%q: unexpected problem %s", s, codes[0])
		}
		return
	}
	// Accepted.
	if required && got == "" {
		t.Fatalf("%q: required but accepted empty", s)
	}
	if n := utf8.RuneCountInString(got); n > max {
		t.Fatalf("%q: accepted %d runes over the limit %d", s, n, max)
	}
	checkCleanShape(t, s, got, multiline)
	var again Problems
	if twice := clean(&again, "f", got, max, required); twice != got || again.Err() != nil {
		t.Fatalf("%q: cleaning %q again gave %q, %v", s, got, twice, again.Err())
	}
}

// checkCleanShape: the value a field stores is NFC, trimmed and without forbidden runes.
func checkCleanShape(t *testing.T, in, got string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
		t.Fatalf("%q: result %q is not valid NFC UTF-8", in, got)
	}
	if strings.TrimSpace(got) != got {
		t.Fatalf("%q: result %q is not trimmed", in, got)
	}
	if hasForbidden(got, multiline) {
		t.Fatalf("%q: result %q keeps a control or bidi-override character", in, got)
	}
}

func hasForbidden(s string, multiline bool) bool {
	rs := []rune(s)
	for i, r := range rs {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || isBidiOverride(r) || r == utf8.RuneError || (!multiline && invisibleFormat(rs, i)) {
			return true
		}
	}
	return false
}

// FuzzCitizenFoundByOwnName: the citizen list's search folds the query and each row's text
// the same way, so a citizen's stored name, typed as the query, always finds that citizen.
func FuzzCitizenFoundByOwnName(f *testing.F) {
	for _, s := range cleanSeeds {
		f.Add(s, "Mette Lund ML")
	}
	f.Fuzz(func(t *testing.T, name, rest string) {
		var p Problems
		stored := CleanLine(&p, "name", name, MaxName, true)
		if p.Err() != nil {
			return
		}
		query := CleanLine(&p, "query", stored, MaxShortText, false)
		if p.Err() != nil {
			t.Fatalf("a stored name %q is not a valid query: %v", stored, p.Err())
		}
		hay := FoldForSearch(stored + " " + rest)
		if q := FoldForSearch(query); !strings.Contains(hay, q) {
			t.Fatalf("name %q: query %q not found in %q", stored, q, hay)
		}
	})
}
