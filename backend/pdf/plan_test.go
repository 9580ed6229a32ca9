package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"icm/backend/plandoc"
)

func render(t *testing.T, p plandoc.Plan, o Options) []string {
	t.Helper()
	var b bytes.Buffer
	if err := RenderPlan(&b, p, o); err != nil {
		t.Fatalf("RenderPlan: %v", err)
	}
	return pdfPages(t, b.Bytes())
}

func TestPlanContentInReadingOrder(t *testing.T) {
	text := squash(strings.Join(render(t, fullPlan(true), Options{PrintedAt: printedAt}), "\n"))
	order := []string{
		"Nordby Kommune · ICM-team Vest", "FORTROLIGT", "ICM-plan", "Version 3, underskrevet 12.03.2025",
		"Søren Ærø Åberg (CPR 010190-••••)", "Birthe Møller", "01.11.2024 – igangværende",
		"Borgerens ønsker – med egne ord", "Jeg drømmer om at få min egen lejlighed",
		"Mål og delmål", "Mål 1 · Livsområde: Bolig", "Jeg vil have min egen lejlighed igen",
		"Mål i § 141-handleplanen: Handleplansmål 1", "Hvad Måles ved Hvem Senest Status",
		"Aktivitetsplan", "Gåtur med frivillig fra Røde Kors", "Koordinering", "Netværk og samarbejdspartnere",
		"+45 70 00 00 09", "Aftalte handlinger – hvem gør hvad hvornår", "Handling 8:",
		"Fortalerrolle", "Udbetaling", "Næste evaluering: 15.06.2025", "Trivsel (WHO-5)",
		"50: nedsat trivsel", "28: risiko for depression", "Handleplan efter § 141", "Underskrifter",
		"Underskrevet på papir ved møde", "Karin Lykke – 13.03.2025", "Borgerens kommentarer eller uenighed",
		"Jeg er ikke enig i",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("%q missing or out of order after position %d in:\n%s", want, at, text)
		}
		at += i + len(want)
	}
}

func TestDraftAndSignedMarks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		signed  bool
		want    []string
		notWant []string
	}{
		{"draft", false,
			[]string{"KLADDE – ikke underskrevet", "Underskrift – Borger: Søren Ærø Åberg",
				"Underskrift – ICM-medarbejder: Birthe Møller", "Underskrift – Teamleder", "Dato"},
			[]string{"Version 3", "underskrevet 12.03.2025", "Karin Lykke", "Registreret"}},
		{"signed", true,
			[]string{"Version 3, underskrevet 12.03.2025", "Underskrevet af borgeren", "Søren Ærø Åberg – 12.03.2025",
				"Birthe Møller – 12.03.2025", "Godkendt af teamlederen", "Karin Lykke – 13.03.2025",
				"Underskrevet på papir ved møde", "Registreret", "12.03.2025 14:30", "misbrugsbehandling"},
			[]string{"KLADDE", "Underskrift – Teamleder"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := squash(strings.Join(render(t, fullPlan(tc.signed), Options{PrintedAt: printedAt}), "\n"))
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(text, w) {
					t.Errorf("unexpected %q", w)
				}
			}
		})
	}
}

func TestSignedWithoutLeadOrComment(t *testing.T) {
	p := fullPlan(true)
	p.Signature.LeadName, p.Signature.LeadDate, p.Signature.CitizenComment = "", "", ""
	text := squash(strings.Join(render(t, p, Options{PrintedAt: printedAt}), "\n"))
	for _, w := range []string{"Godkendt af teamlederen", "Borgerens kommentarer"} {
		if strings.Contains(text, w) {
			t.Errorf("unexpected %q when there is none", w)
		}
	}
}

// manySubGoals is one goal with n sub-goals whose texts carry unique markers.
func manySubGoals(n int) plandoc.Plan {
	p := fullPlan(false)
	g := plandoc.Goal{CitizenWords: "Jeg vil klare mig selv i hverdagen.", Area: "Hverdagsliv"}
	for i := 1; i <= n; i++ {
		g.SubGoals = append(g.SubGoals, plandoc.SubGoal{
			What:     fmt.Sprintf("Delmål-%02d handle ind to gange om ugen og lave en indkøbsliste først", i),
			Measure:  fmt.Sprintf("Måling-%02d kvitteringer gemt i mappen", i),
			Owner:    "Borgeren med støtte",
			Deadline: "2025-09-01",
			Status:   "I gang",
		})
	}
	p.Goals = []plandoc.Goal{g}
	return p
}

func TestSubGoalTableBreaksCleanlyAcrossPages(t *testing.T) {
	pages := render(t, manySubGoals(30), Options{PrintedAt: printedAt})
	if len(pages) < 2 {
		t.Fatalf("want several pages, got %d", len(pages))
	}
	headerPages := 0
	for _, pg := range pages {
		if strings.Contains(squash(pg), "Hvad Måles ved Hvem Senest Status") {
			headerPages++
		}
	}
	if headerPages < 2 {
		t.Errorf("table header row on %d page(s), want it repeated on every page the table spans", headerPages)
	}
	all := strings.Join(pages, "\n")
	for i := 1; i <= 30; i++ {
		what, measure := fmt.Sprintf("Delmål-%02d", i), fmt.Sprintf("Måling-%02d", i)
		if n := strings.Count(all, what); n != 1 {
			t.Errorf("%s printed %d times, want 1", what, n)
		}
		for pn, pg := range pages { // a row is never split: both cells on one page
			if strings.Contains(pg, what) != strings.Contains(pg, measure) {
				t.Errorf("row %d split across pages (page %d)", i, pn+1)
			}
		}
	}
}

func TestRowTallerThanAPageContinues(t *testing.T) {
	var words []string
	for i := 0; i < 900; i++ {
		words = append(words, fmt.Sprintf("ord%03d", i))
	}
	p := manySubGoals(2)
	p.Goals[0].SubGoals[1].What = strings.Join(words, " ")
	text := strings.Join(render(t, p, Options{PrintedAt: printedAt}), "\n")
	for _, w := range []string{"ord000", "ord450", "ord899", "Delmål-01"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q lost from an over-long row", w)
		}
	}
}

func TestFooterOnEveryPage(t *testing.T) {
	pages := render(t, manySubGoals(30), Options{PrintedAt: printedAt})
	for i, pg := range pages {
		want := fmt.Sprintf("Side %d af %d", i+1, len(pages))
		if !strings.Contains(pg, want) {
			t.Errorf("page %d: missing %q", i+1, want)
		}
		for _, w := range []string{"Udskrevet 14.03.2025 kl. 09:05", "FORTROLIGT", "Nordby Kommune"} {
			if !strings.Contains(pg, w) {
				t.Errorf("page %d: missing %q", i+1, w)
			}
		}
	}
}

func TestEnglishLabels(t *testing.T) {
	pages := render(t, fullPlan(false), Options{PrintedAt: printedAt, Lang: "en"})
	text := squash(strings.Join(pages, "\n"))
	for _, w := range []string{
		"CONFIDENTIAL", "ICM plan", "DRAFT – not signed", "The citizen's wishes – in their own words",
		"Goals and sub-goals", "What Measured by Who By Status", "Activity plan", "Coordination",
		"Agreed actions – who does what by when", "Advocacy", "Next evaluation: 15 Jun 2025",
		"Well-being (WHO-5)", "Signatures", fmt.Sprintf("Page 1 of %d", len(pages)), "Printed 14 Mar 2025 at 09:05",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q", w)
		}
	}
	for _, w := range []string{"Fortroligt", "FORTROLIGT", "Side 1 af", "Mål og delmål", "KLADDE"} {
		if strings.Contains(text, w) {
			t.Errorf("Danish label %q in the English render", w)
		}
	}
}

func TestWHO5(t *testing.T) {
	p := fullPlan(false)
	p.WHO5 = nil
	text := squash(strings.Join(render(t, p, Options{PrintedAt: printedAt}), "\n"))
	if !strings.Contains(text, "Ingen WHO-5-målinger endnu.") || strings.Contains(text, "nedsat trivsel") {
		t.Errorf("without points the chart should be replaced by a note:\n%s", text)
	}
	p.WHO5 = []plandoc.WHO5Point{{Date: "2025-03-01", Percent: 72}}
	text = squash(strings.Join(render(t, p, Options{PrintedAt: printedAt, Lang: "en"}), "\n"))
	for _, w := range []string{"72", "1 Mar 2025", "50: reduced well-being", "100"} {
		if !strings.Contains(text, w) {
			t.Errorf("single-point chart: missing %q", w)
		}
	}
}

func TestEmptyPlanRenders(t *testing.T) {
	text := squash(strings.Join(render(t, plandoc.Plan{}, Options{PrintedAt: printedAt}), "\n"))
	for _, w := range []string{"KLADDE – ikke underskrevet", "Borgerens ønsker er ikke skrevet ned endnu.",
		"Der er ikke sat mål endnu.", "Ingen WHO-5-målinger endnu.", "Næste evaluering: ikke fastsat"} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q", w)
		}
	}
}

func BenchmarkRenderPlan(b *testing.B) {
	p := fullPlan(true) // 4 goals × 5 sub-goals, 10 contacts, 8 actions, 3 advocacy cases, 6 WHO-5
	o := Options{PrintedAt: printedAt}
	var buf bytes.Buffer
	if err := RenderPlan(&buf, p, o); err != nil { // also loads and caches the fonts
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := RenderPlan(&buf, p, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/pdf")
}

func TestConcurrentRendersShareFonts(t *testing.T) {
	errs := make(chan error, 8)
	for i := 0; i < cap(errs); i++ {
		go func() {
			var b bytes.Buffer
			errs <- RenderPlan(&b, fullPlan(i%2 == 0), Options{PrintedAt: printedAt})
		}()
	}
	for i := 0; i < cap(errs); i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestWHO5WithUnreadableDate(t *testing.T) {
	p := fullPlan(false)
	p.WHO5 = []plandoc.WHO5Point{{Date: "2025-01-01", Percent: 30}, {Date: "engang i foråret", Percent: 60}, {Date: "2025-03-01", Percent: 120}}
	text := squash(strings.Join(render(t, p, Options{PrintedAt: printedAt}), "\n"))
	for _, w := range []string{"engang i foråret", "01.01.2025", "100"} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q", w)
		}
	}
}
