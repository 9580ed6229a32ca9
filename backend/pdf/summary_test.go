package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"icm/backend/plandoc"
)

func TestRenderSummary(t *testing.T) {
	var b bytes.Buffer
	if err := RenderSummary(&b, fullSummary(), Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, b.Bytes())
	text := squash(strings.Join(pages, "\n"))
	order := []string{
		"Forløbsresumé", "Søren Ærø Åberg", "Forløbets status", "Aktivt", "Version 3, underskrevet 12.03.2025",
		"Målgruppe og visitation", "28.10.2024", "Psykiatrisk Center Nordby", "Karin Lykke (teamleder)",
		"Årsag til henvisning", "har mistet sin bolig", "Målgruppekriterier", "• Svær psykisk lidelse",
		"Udredning", "Bolig", "Senest opdateret 10.01.2025 af Birthe Møller", "Bor midlertidigt hos en ven",
		"Borgerens ønsker – med egne ord", "Mål og delmål", "Aktivitetsplan", "Koordinering", "Fortalerrolle",
		"Handleplan efter § 141", "Evalueringer", "Evaluering 20.02.2025", "Forsinket – 5 dage efter fristen",
		"Mål Delmål Status Kommentar", "Mødet er aftalt til marts.", "Opsummering", "Søren oplever fremgang",
		"Ændringer i planen", "Nyt delmål om værkstedsarbejde", "Trivsel (WHO-5)", "Dato Score (0–100) Bemærkning",
		"05.11.2024 24 28: risiko for depression", "Journalnotater", "04.03.2025 10:15 · Samtale af Birthe Møller",
		"Gennemgik breve fra kommunen sammen.", "06.03.2025 · Telefon af Karin Lykke", "Rettet 07.03.2025 af Birthe Møller",
		"Søren ringede om lægetiden",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("%q missing or out of order after position %d in:\n%s", want, at, text)
		}
		at += i + len(want)
	}
	if strings.Contains(text, "KLADDE") || strings.Contains(text, "Underskrift – Teamleder") {
		t.Error("a summary is not a draft to sign")
	}
	if last := pages[len(pages)-1]; !strings.Contains(last, fmt.Sprintf("Side %d af %d", len(pages), len(pages))) {
		t.Errorf("footer missing on the last page")
	}
}

func TestRenderSummaryWithoutJournalOrEvaluations(t *testing.T) {
	s := fullSummary()
	s.Journal, s.Evaluations, s.WHO5, s.Plan.WHO5 = nil, nil, nil, nil
	var b bytes.Buffer
	if err := RenderSummary(&b, s, Options{PrintedAt: printedAt, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfPages(t, b.Bytes()), "\n"))
	for _, w := range []string{"Course summary", "No evaluations yet.", "No WHO-5 yet."} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q", w)
		}
	}
	if strings.Contains(text, "Journal notes") {
		t.Error("journal heading printed without notes")
	}
}

func TestRenderEvaluation(t *testing.T) {
	for _, tc := range []struct {
		name, date, due, lang string
		want                  []string
	}{
		{"late", "2025-02-20", "2025-02-15", "da", []string{"Evaluering 20.02.2025", "Afholdt", "Frist", "15.02.2025",
			"Forsinket – 5 dage efter fristen", "Mål Delmål Status Kommentar", "Har fået ny læge.",
			"Opsummering", "Søren oplever fremgang", "Ændringer i planen", "Nyt delmål om værkstedsarbejde"}},
		{"on time", "2025-02-15", "2025-02-15", "da", []string{"Til tiden"}},
		{"not held", "", "2025-02-15", "en", []string{"Evaluation", "Not held yet", "Due", "15 Feb 2025"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := sampleEvaluation()
			e.Evaluation.Date, e.Evaluation.DueDate = tc.date, tc.due
			var b bytes.Buffer
			if err := RenderEvaluation(&b, e, Options{PrintedAt: printedAt, Lang: tc.lang}); err != nil {
				t.Fatal(err)
			}
			text := squash(strings.Join(pdfPages(t, b.Bytes()), "\n"))
			for _, w := range append(tc.want, "Søren Ærø Åberg", "Birthe Møller") {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in:\n%s", w, text)
				}
			}
		})
	}
}

func TestRenderEvaluationEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := RenderEvaluation(&b, plandoc.EvaluationDoc{}, Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfPages(t, b.Bytes()), "\n"))
	for _, w := range []string{"Ikke afholdt endnu", "Ingen delmål endnu.", "Ingen ændringer."} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q", w)
		}
	}
}
