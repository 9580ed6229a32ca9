package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"icm/backend/plandoc"
)

// hostile is appended to every string field: emoji (with ZWJ and variation
// selector), control characters, bidi override, BOM, an invalid byte.
const hostile = " 😀👨‍👩‍👧❤️\x00\x07\x1b[31m\u202e\ufeff\xff\r\n\tslut 🇩🇰"

// poison appends bad to every string reachable from v.
func poison(v reflect.Value, bad string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + bad)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			poison(v.Field(i), bad)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			poison(v.Index(i), bad)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			poison(v.Elem(), bad)
		}
	}
}

// checkClean fails on anything the sanitizer should have kept out.
func checkClean(t *testing.T, text string) {
	t.Helper()
	for _, r := range text {
		bad := r > 0xFFFF || r == 0xFFFD || r == '❤' || r == '\u200d' || r == '\ufe0f' || r == '\u202e' ||
			r == '\ufeff' || (unicode.IsControl(r) && r != '\n' && r != '\f')
		if bad {
			t.Errorf("output contains %U", r)
		}
	}
}

func TestHostileTextNeverCrashes(t *testing.T) {
	needPdftotext(t)
	for _, mode := range []struct {
		name  string
		fonts FontSource
	}{{"embedded", EmbeddedFonts()}} {
		t.Run(mode.name, func(t *testing.T) {
			o := Options{PrintedAt: printedAt, Fonts: mode.fonts}
			for _, signed := range []bool{false, true} {
				p := fullPlan(signed)
				poison(reflect.ValueOf(&p).Elem(), hostile)
				var b bytes.Buffer
				if err := RenderPlan(&b, p, o); err != nil {
					t.Fatalf("RenderPlan: %v", err)
				}
				text := strings.Join(pdfPages(t, b.Bytes()), "\n")
				checkClean(t, text)
				if !strings.Contains(text, "slut") || !strings.Contains(text, "Søren") {
					t.Errorf("ordinary text around the emoji was lost")
				}
			}
			s := fullSummary()
			poison(reflect.ValueOf(&s).Elem(), hostile)
			var b bytes.Buffer
			if err := RenderSummary(&b, s, o); err != nil {
				t.Fatalf("RenderSummary: %v", err)
			}
			checkClean(t, strings.Join(pdfPages(t, b.Bytes()), "\n"))
			e := sampleEvaluation()
			poison(reflect.ValueOf(&e).Elem(), hostile)
			b.Reset()
			if err := RenderEvaluation(&b, e, o); err != nil {
				t.Fatalf("RenderEvaluation: %v", err)
			}
			checkClean(t, strings.Join(pdfPages(t, b.Bytes()), "\n"))
		})
	}
}

func TestNamesRoundTripWithUTF8Font(t *testing.T) {
	p := fullPlan(false)
	p.Citizen = "Åse Ærøskøbing-Østergård"
	p.Worker = "Łukasz Kőrösi"
	p.Network[0].Name = "Inuk ĸaalinnguaq æøå ÆØÅ"
	text := strings.Join(render(t, p, Options{PrintedAt: printedAt}), "\n")
	for _, w := range []string{"Åse Ærøskøbing-Østergård", "Łukasz Kőrösi", "Inuk ĸaalinnguaq æøå ÆØÅ"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q did not round-trip", w)
		}
	}
}

func TestClean(t *testing.T) {
	d, err := newDoc(Options{}, plandoc.CourseHeader{}, "planTitle", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"Søren Ærø", "Søren Ærø"},
		{"Łukasz Kőrösi ĸ", "Łukasz Kőrösi ĸ"},
		{"glad 😀 dag", "glad □ dag"},
		{"glad 😀😀 dag", "glad □ dag"},
		{"familie 👨‍👩‍👧 og ❤️ flag 🇩🇰.", "familie □ og □ flag □."},
		{"a\u200db\ufe0fc", "abc"},
		{"tab\there\r\nnext\rline", "tab here\nnext\nline"},
		{"nul\x00bell\x07esc\x1b\u202e\ufeff\xffend", "nulbellescend"},
		{"✅ klar", "✓ klar"},
		{"§ 141 € – “citat”", "§ 141 € – “citat”"},
		{"Иван", "Иван"},
		{"x → y ≥ z", "x → y ≥ z"},
		{"ĳs ﬁn", "ĳs ﬁn"},
		{"王小明 bor her", "□ bor her"},
		{"ليلى حداد", "ليلى حداد"},
	} {
		if got := d.clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	want := []string{"😀", "👨", "👩", "👧", "❤", "🇩", "🇰", "王", "小", "明"}
	if !reflect.DeepEqual(d.replaced, want) {
		t.Errorf("replaced = %q, want %q", d.replaced, want)
	}
}

func TestWrapKeepsWithinWidth(t *testing.T) {
	for _, fonts := range []FontSource{EmbeddedFonts()} {
		d, err := newDoc(Options{Fonts: fonts}, plandoc.CourseHeader{}, "planTitle", false)
		if err != nil {
			t.Fatal(err)
		}
		d.font("", 10)
		in := "Kort tekst med et meget-langt-ord-uden-mellemrum-https://example.invalid/sti/til/noget/langt\n\nNyt afsnit Łódź"
		lines := d.wrap(in, 40)
		if len(lines) < 4 {
			t.Errorf("want the text wrapped, got %q", lines)
		}
		for _, l := range lines {
			if w := d.sw(l); w > 40.01 {
				t.Errorf("line %q is %.1f mm, wider than 40", l, w)
			}
		}
		if joined := strings.ReplaceAll(strings.Join(lines, ""), "-", ""); !strings.Contains(joined, "sti/til/noget") {
			t.Errorf("long word lost characters: %q", lines)
		}
	}
}

func TestCoverageOfEmbeddedFont(t *testing.T) {
	set, err := EmbeddedFonts().FontSet()
	if err != nil {
		t.Fatal(err)
	}
	if set.cover == nil {
		t.Fatal("embedded font cmap not readable")
	}
	for _, r := range "AZaz09æøåÆØÅłőĸ§€–" {
		if !set.cover.has(r) {
			t.Errorf("font lacks %q", r)
		}
	}
	if set.cover.has(0x1F600) || set.cover.has(0xE000) {
		t.Errorf("coverage claims emoji or private use")
	}
}

func TestFontFilesErrors(t *testing.T) {
	var b bytes.Buffer
	err := RenderPlan(&b, fullPlan(false), Options{Fonts: FontFiles("/nonexistent/font.ttf", "")})
	if err == nil {
		t.Error("want an error for a missing font file")
	}
	junk := filepath.Join(t.TempDir(), "junk.ttf")
	if err := os.WriteFile(junk, []byte("not a font at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := RenderPlan(&b, fullPlan(false), Options{Fonts: FontFiles(junk, junk)}); err == nil {
		t.Error("want an error for a file that is not a TrueType font")
	}
}

func TestLabelsComplete(t *testing.T) {
	for key := range labels["da"] {
		if _, ok := labels["en"][key]; !ok {
			t.Errorf("English label %q missing", key)
		}
	}
	for key := range labels["en"] {
		if _, ok := labels["da"][key]; !ok {
			t.Errorf("Danish label %q missing", key)
		}
	}
}
