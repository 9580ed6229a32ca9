package domain

import (
	"strings"
	"testing"
)

// fieldCodes lists the codes recorded for one field, in order.
func fieldCodes(p *Problems, field string) []Code {
	var out []Code
	for _, f := range p.fields {
		if f.Field == field {
			out = append(out, f.Code)
		}
	}
	return out
}

func TestCleanLineAndText(t *testing.T) {
	type fn func(p *Problems, field, s string, max int, required bool) string
	line, text := fn(CleanLine), fn(CleanText)
	cases := []struct {
		name     string
		clean    fn
		in       string
		max      int
		required bool
		want     string
		code     Code // "" means no problem expected
	}{
		{"empty optional", line, "", 10, false, "", ""},
		{"empty required", line, "", 10, true, "", CodeRequired},
		{"only whitespace required", line, " \t \n ", 10, true, "", CodeRequired},
		{"only whitespace optional", text, "  \r\n ", 10, false, "", ""},
		{"only a zero-width space required", text, "\u200b", 10, true, "", CodeRequired},
		{"only a BOM required", text, "\ufeff", 10, true, "", CodeRequired},
		{"only format characters and spaces required", line, " \u200b\u2060\u00ad\u200e ", 10, true, "", CodeRequired},
		{"only a zero-width space optional is empty", text, "\u200b \n", 10, false, "", ""},
		{"trimmed", line, "  Anna Jensen \t", 20, true, "Anna Jensen", ""},
		{"exactly max runes with æøå", line, "æøåÆØÅ", 6, true, "æøåÆØÅ", ""},
		{"one rune over with æøå", line, "æøåÆØÅæ", 6, true, "æøåÆØÅæ", CodeTooLong},
		{"emoji counts as one rune", line, "🙂🙂🙂", 3, true, "🙂🙂🙂", ""},
		{"emoji over max", line, "🙂🙂🙂🙂", 3, true, "🙂🙂🙂🙂", CodeTooLong},
		{"length counted after trim", line, "   abc   ", 3, true, "abc", ""},
		{"NUL rejected", line, "Anna\x00Jensen", 50, true, "Anna\x00Jensen", CodeInvalidCharacters},
		{"BEL rejected", line, "Anna\x07", 50, true, "Anna\x07", CodeInvalidCharacters},
		{"ESC rejected", line, "\x1b[31mrød", 50, true, "\x1b[31mrød", CodeInvalidCharacters},
		{"NUL rejected in text", text, "a\x00b", 50, false, "a\x00b", CodeInvalidCharacters},
		{"ESC rejected in text", text, "a\x1bb", 50, false, "a\x1bb", CodeInvalidCharacters},
		{"DEL rejected", line, "a\x7fb", 50, false, "a\x7fb", CodeInvalidCharacters},
		{"C1 control rejected", line, "a\u0085b", 50, false, "a\u0085b", CodeInvalidCharacters},
		{"newline rejected in line", line, "første\nanden", 50, false, "første\nanden", CodeInvalidCharacters},
		{"tab rejected in line", line, "a\tb", 50, false, "a\tb", CodeInvalidCharacters},
		{"newline allowed in text", text, "første\nanden", 50, false, "første\nanden", ""},
		{"tab allowed in text", text, "a\tb", 50, false, "a\tb", ""},
		{"CRLF normalised in text", text, "a\r\nb", 50, false, "a\nb", ""},
		{"lone CR rejected in text", text, "a\rb", 50, false, "a\rb", CodeInvalidCharacters},
		{"invalid UTF-8", line, "Ann\xffa", 50, false, "", CodeInvalidCharacters},
		{"invalid UTF-8 in text", text, "\xc3\x28", 50, true, "", CodeInvalidCharacters},
		{"truncated UTF-8 sequence", line, "æ\xc3", 50, false, "", CodeInvalidCharacters},
		{"encoded replacement char rejected", line, "a\uFFFDb", 50, false, "a\uFFFDb", CodeInvalidCharacters},
		{"RLO bidi override rejected", line, "Anna\u202Egpj.exe", 50, true, "Anna\u202Egpj.exe", CodeInvalidCharacters},
		{"LRE rejected", line, "a\u202Ab", 50, true, "a\u202Ab", CodeInvalidCharacters},
		{"RLI isolate rejected", text, "a\u2067b", 50, true, "a\u2067b", CodeInvalidCharacters},
		{"PDI isolate rejected", text, "a\u2069b", 50, true, "a\u2069b", CodeInvalidCharacters},
		{"Arabic accepted", line, "عائشة خليل", 50, true, "عائشة خليل", ""},
		{"Hebrew accepted", line, "שרה כהן", 50, true, "שרה כהן", ""},
		{"emoji accepted", text, "Glad i dag 😀👍🏽\nGod kontakt 🏠", 50, true, "Glad i dag 😀👍🏽\nGod kontakt 🏠", ""},
		{"ZWJ family emoji accepted", line, "👨‍👩‍👧", 50, true, "👨‍👩‍👧", ""},
		{"ZWJ after a skin tone accepted", line, "👩🏽\u200d🚒", 50, true, "👩🏽\u200d🚒", ""},
		{"zero-width space rejected in line", line, "An\u200bna", 50, true, "An\u200bna", CodeInvalidCharacters},
		{"zero-width joiner between letters rejected", line, "An\u200dna", 50, true, "An\u200dna", CodeInvalidCharacters},
		{"dangling joiner after an emoji rejected", line, "Bo 👩\u200d", 50, true, "Bo 👩\u200d", CodeInvalidCharacters},
		{"zero-width non-joiner rejected in line", line, "Anna\u200cJensen", 50, true, "Anna\u200cJensen", CodeInvalidCharacters},
		{"left-to-right mark rejected in line", line, "Anna\u200e", 50, true, "Anna\u200e", CodeInvalidCharacters},
		{"right-to-left mark rejected in line", line, "\u200fAnna", 50, true, "\u200fAnna", CodeInvalidCharacters},
		{"Arabic letter mark rejected in line", line, "عائشة\u061c", 50, true, "عائشة\u061c", CodeInvalidCharacters},
		{"byte order mark rejected in line", line, "\ufeffAnna", 50, true, "\ufeffAnna", CodeInvalidCharacters},
		{"soft hyphen rejected in line", line, "An\u00adna", 50, true, "An\u00adna", CodeInvalidCharacters},
		{"zero-width space kept in text", text, "kopieret\u200btekst", 50, true, "kopieret\u200btekst", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Problems
			got := c.clean(&p, "f", c.in, c.max, c.required)
			if got != c.want {
				t.Errorf("value = %q, want %q", got, c.want)
			}
			codes := fieldCodes(&p, "f")
			switch {
			case c.code == "" && len(codes) != 0:
				t.Errorf("unexpected problems %v", codes)
			case c.code != "" && (len(codes) != 1 || codes[0] != c.code):
				t.Errorf("problems = %v, want exactly [%s]", codes, c.code)
			}
			if c.code == "" && p.Err() != nil {
				t.Errorf("Err() = %v, want nil", p.Err())
			}
		})
	}
}

func TestCleanTooLongParams(t *testing.T) {
	var p Problems
	CleanText(&p, "note", strings.Repeat("ø", 11), 10, false)
	err := p.Err()
	de, ok := err.(*Error)
	if !ok || len(de.Fields) != 1 {
		t.Fatalf("Err() = %#v", err)
	}
	f := de.Fields[0]
	if f.Code != CodeTooLong || f.Params["max"] != "10" || f.Params["length"] != "11" {
		t.Fatalf("field error = %+v, want too_long max=10 length=11 (runes, not bytes)", f)
	}
}

func TestFoldForSearch(t *testing.T) {
	cases := []struct{ in, want string }{
		{"SØVN", "søvn"},
		{"  ÆBLE  ", "æble"},
		{"ÅSE", "åse"},
		{"Øjvind", "øjvind"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := FoldForSearch(c.in); got != c.want {
				t.Fatalf("FoldForSearch(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	if FoldForSearch("SØVN") != FoldForSearch("søvn") {
		t.Error(`"SØVN" and "søvn" should fold alike`)
	}
	for _, pair := range [][2]string{{"å", "a"}, {"Å", "A"}, {"ø", "o"}, {"æ", "ae"}} {
		if FoldForSearch(pair[0]) == FoldForSearch(pair[1]) {
			t.Errorf("%q must stay distinct from %q", pair[0], pair[1])
		}
	}
	if strings.Contains(FoldForSearch("Åse"), "a") {
		t.Error(`folded "Åse" must not contain a plain "a"`)
	}
}

func TestDanishLess(t *testing.T) {
	ordered := []string{"Anders", "Bo", "Zenia", "Æbelø", "Ørsted", "Åse"}
	for i := 0; i < len(ordered); i++ {
		for j := 0; j < len(ordered); j++ {
			a, b := ordered[i], ordered[j]
			if got, want := DanishLess(a, b), i < j; got != want {
				t.Errorf("DanishLess(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
	cases := []struct {
		name string
		a, b string
		less bool
	}{
		{"Z before Æ", "Z", "Æ", true},
		{"Æ before Ø", "Æ", "Ø", true},
		{"Ø before Å", "Ø", "Å", true},
		{"Æ not before Z", "Æ", "Z", false},
		{"Å last", "Å", "Z", false},
		{"lower æ after upper Z", "zenia", "æbelø", true},
		{"upper Æ after lower z", "Zenia", "æbelø", true},
		{"case-insensitive a/B", "anders", "Bo", true},
		{"case-insensitive B/a", "Bo", "anders", false},
		{"same name differing in case (1)", "åse", "ÅSE", false},
		{"same name differing in case (2)", "ÅSE", "åse", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := DanishLess(c.a, c.b); got != c.less {
				t.Fatalf("DanishLess(%q, %q) = %v, want %v", c.a, c.b, got, c.less)
			}
		})
	}
}

func TestDanishLessConcurrent(t *testing.T) {
	done := make(chan bool)
	for i := 0; i < 8; i++ {
		go func() {
			ok := true
			for j := 0; j < 200; j++ {
				ok = ok && DanishLess("Zenia", "Åse") && !DanishLess("Åse", "Zenia")
			}
			done <- ok
		}()
	}
	for i := 0; i < 8; i++ {
		if !<-done {
			t.Fatal("concurrent comparisons gave a wrong answer")
		}
	}
}
