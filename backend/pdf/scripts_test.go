package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"icm/backend/plandoc"
)

// logical undoes what pdftotext adds around right-to-left text (embedding
// marks) and folds Arabic presentation forms back to plain letters, so the
// text can be compared with what was typed.
func logical(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E {
			return -1
		}
		return r
	}, s)
	return squash(norm.NFKC.String(s))
}

// writePNG renders page 1 of a PDF as PNG into PDF_SAMPLE_DIR, for a person to
// look at; without the variable it does nothing.
func writePNG(t *testing.T, name string, data []byte) {
	t.Helper()
	dir := os.Getenv("PDF_SAMPLE_DIR")
	if dir == "" {
		return
	}
	file := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", file, filepath.Join(dir, name)).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
}

func TestEmbeddedFontPrintsEveryLatinName(t *testing.T) {
	p := fullPlan(true)
	p.Citizen = "Łukasz Żółć"
	p.Worker = "Ĳsbrand Đurić"
	var b bytes.Buffer
	if err := RenderPlan(&b, p, Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfPages(t, b.Bytes()), "\n")
	for _, want := range []string{"Łukasz Żółć", "Ĳsbrand Đurić"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not in the PDF's text", want)
		}
	}
	file := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", file).Output()
	if err != nil {
		t.Skipf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(lines) != 2 {
		t.Fatalf("want the regular and bold face only:\n%s", out)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if !strings.Contains(strings.ToLower(f[0]), "dejavusans") || f[len(f)-5] != "yes" {
			t.Errorf("font not DejaVu Sans embedded: %s", l)
		}
	}
}

func TestVisualOrderAndJoinedArabic(t *testing.T) {
	d, err := newDoc(Options{}, plandoc.CourseHeader{}, "planTitle", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"Danish text is left alone", "Søren Ærø 12.03.2025", "Søren Ærø 12.03.2025"},
		// ليلى حداد: lam initial, yeh medial, lam medial, alef maksura final;
		// hah initial, dal final, alef and dal isolated; right to left.
		{"an Arabic name", "ليلى حداد", "\uFEA9\uFE8D\uFEAA\uFEA3 \uFEF0\uFEE0\uFEF4\uFEDF"},
		{"lam-alef ligature", "سلام", "\uFEE1\uFEFC\uFEB3"},
		{"lam-alef alone", "لا", "\uFEFB"},
		{"Arabic name in a Danish line", "Borger: ليلى حداد (CPR)", "Borger: \uFEA9\uFE8D\uFEAA\uFEA3 \uFEF0\uFEE0\uFEF4\uFEDF (CPR)"},
		{"a date stays left to right in Arabic", "عام 12.03.2025", "12.03.2025 \uFEE1\uFE8E\uFECB"},
		{"brackets mirror in Arabic", "(لا)", "(\uFEFB)"},
		{"Hebrew", "שלום abc", "םולש abc"},
		{"Hebrew with a number", "שלום 123", "123 םולש"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.visual(d.clean(tc.in)); got != tc.want {
				t.Errorf("visual(%q) = %q (%U), want %q", tc.in, got, []rune(got), tc.want)
			}
		})
	}
}

func TestArabicNameReadsBackInOrder(t *testing.T) {
	p := fullPlan(true)
	p.Citizen = "ليلى حداد"
	p.Wishes = "Jeg hedder ليلى حداد og vil bo tæt på min søster."
	p.Goals[0].SubGoals[0].Owner = "ليلى حداد"
	var b bytes.Buffer
	if err := RenderPlan(&b, p, Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	writePNG(t, "plan-arabic", b.Bytes())
	pages := pdfPages(t, b.Bytes())
	// pdftotext puts right-to-left runs back in logical order: what was typed.
	// Where Arabic and Danish share a line, its guess moves a space or a
	// bracket around (visual() is tested exactly above), so those lines are
	// compared without spaces.
	text := logical(strings.Join(pages, "\n"))
	for _, want := range []string{"ليلى حداد", "ICM-plan – ليلى حداد", "CPR 010190-••••"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read back in order from:\n%s", want, text)
		}
	}
	bare := strings.ReplaceAll(text, " ", "")
	for _, want := range []string{"Jeghedderليلىحدادogvilbotætpåminsøster."} {
		if !strings.Contains(bare, want) {
			t.Errorf("%q not read back in order from:\n%s", want, bare)
		}
	}
	// The letters are drawn in their joined forms, not the plain (unjoined) ones.
	if raw := strings.Join(pages, "\n"); strings.Contains(raw, "ليلى") || !strings.Contains(raw, "\uFEDF\uFEF4\uFEE0\uFEF0") {
		t.Errorf("the name is not drawn with joined letter forms")
	}
}

func TestUndrawableCharactersAreMarkedAndReported(t *testing.T) {
	p := fullPlan(false)
	p.Wishes = "Jeg vil være glad 😀 igen og besøge 王小明 i København."
	p.Network[0].Name = "Mor ❤️"
	var b bytes.Buffer
	rep := &Report{}
	if err := RenderPlan(&b, p, Options{PrintedAt: printedAt, Report: rep}); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfPages(t, b.Bytes()), "\n"))
	for _, want := range []string{"Jeg vil være glad □ igen og besøge □ i København.", "Mor □"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if want := []string{"😀", "王", "小", "明", "❤"}; !reflect.DeepEqual(rep.Replaced, want) {
		t.Errorf("report = %q, want %q", rep.Replaced, want)
	}
	// A plain Danish plan reports nothing.
	rep2 := &Report{Replaced: []string{"stale"}}
	if err := RenderPlan(&b, fullPlan(true), Options{PrintedAt: printedAt, Report: rep2}); err != nil {
		t.Fatal(err)
	}
	if len(rep2.Replaced) != 0 {
		t.Errorf("report = %q, want nothing", rep2.Replaced)
	}
}

func TestSyllableBreaks(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"Misbrugsbehandlingsforløb", "Mis-brugs-be-hand-lings-for-løb"},
		{"Handleplansmål", "Hand-le-plans-mål"},
		{"Samarbejdspartnere", "Sa-mar-bejds-part-ne-re"},
		{"Boligstøtte", "Bo-lig-støt-te"},
		{"Ærøskøbing-Østergård", "Ærø-skø-bing-Øster-gård"},
		{"Afslag", "Af-slag"},
		{"Sundhedstjek", "Sund-heds-tjek"},
		{"Jobcenter", "Job-cen-ter"},
		{"ab", "ab"},
		{"12345678", "12345678"},
	} {
		rs := []rune(tc.word)
		var parts []string
		last := 0
		for _, i := range syllableBreaks(rs) {
			parts = append(parts, string(rs[last:i]))
			last = i
		}
		parts = append(parts, string(rs[last:]))
		got := strings.ReplaceAll(strings.Join(parts, "-"), "--", "-")
		if got != tc.want {
			t.Errorf("%s: breaks %s, want %s", tc.word, got, tc.want)
		}
	}
}

func TestLongWordInNarrowCellIsHyphenated(t *testing.T) {
	// The whole plan, with the word in the narrow "Hvem" column, to look at.
	p := fullPlan(false)
	p.Goals[0].SubGoals[0].Owner = "Misbrugsbehandlingsforløb"
	var b bytes.Buffer
	if err := RenderPlan(&b, p, Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	writePNG(t, "plan-hyphen", b.Bytes())
	if text := squash(strings.Join(pdfPages(t, b.Bytes()), "\n")); !regexp.MustCompile(`Misbrugs\pL*- .*løb`).MatchString(text) {
		t.Errorf("the word is not broken with hyphens in the plan's table:\n%s", text)
	}

	// A table alone, so each line of the narrow first column can be read back.
	d, err := newDoc(Options{PrintedAt: printedAt}, plandoc.CourseHeader{}, "planTitle", false)
	if err != nil {
		t.Fatal(err)
	}
	d.table([]column{{title: "Hvem", frac: 1}, {title: "Note", frac: 7}},
		[][]string{{"Misbrugsbehandlingsforløb", "x"}})
	b.Reset()
	if err := d.finish(&b); err != nil {
		t.Fatal(err)
	}
	var pieces []string
	for _, l := range strings.Split(pdfPages(t, b.Bytes())[0], "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] != "Hvem" && f[0] != "FORTROLIGT" && f[0] != "Udskrevet" {
			pieces = append(pieces, f[0])
		}
	}
	if len(pieces) < 2 {
		t.Fatalf("want the word broken over lines, got %q", pieces)
	}
	syllableEnds := map[string]bool{}
	for _, end := range []string{"Mis", "Misbrugs", "Misbrugsbe", "Misbrugsbehand", "Misbrugsbehandlings", "Misbrugsbehandlingsfor"} {
		syllableEnds[end] = true
	}
	joined := ""
	for i, piece := range pieces {
		if i < len(pieces)-1 && !strings.HasSuffix(piece, "-") {
			t.Errorf("piece %q of the broken word has no hyphen", piece)
		}
		joined += strings.TrimSuffix(piece, "-")
		if i < len(pieces)-1 && !syllableEnds[joined] {
			t.Errorf("the break after %q is not between syllables", joined)
		}
	}
	if joined != "Misbrugsbehandlingsforløb" {
		t.Errorf("the pieces %q do not make the word", pieces)
	}
}

func TestSignedHeadingGivesTheSigningDate(t *testing.T) {
	p := fullPlan(true)
	// Signed at a meeting on the 10th, registered in the program on the 14th.
	p.Signature.CitizenDate, p.Signature.WorkerDate = "2025-03-10", "2025-03-10"
	p.Signature.SignedAt = "2025-03-14T09:00:00+01:00"
	for _, tc := range []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{"plan", func(b *bytes.Buffer) error { return RenderPlan(b, p, Options{PrintedAt: printedAt}) }},
		{"summary", func(b *bytes.Buffer) error {
			s := fullSummary()
			s.Plan = p
			return RenderSummary(b, s, Options{PrintedAt: printedAt})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.render(&b); err != nil {
				t.Fatal(err)
			}
			text := squash(strings.Join(pdfPages(t, b.Bytes()), "\n"))
			if !strings.Contains(text, "Version 3, underskrevet 10.03.2025") {
				t.Errorf("heading does not give the signing date 10.03.2025")
			}
			if strings.Contains(text, "underskrevet 14.03.2025") {
				t.Errorf("heading gives the date it was registered")
			}
		})
	}
}
