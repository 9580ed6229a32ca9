package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// sampleAccess is an access request for a fictional citizen with two courses, one with
// enough notes to run over several pages.
func sampleAccess() AccessReport {
	var notes []AccessBlock
	for i := 0; i < 60; i++ {
		notes = append(notes, AccessBlock{Title: fmt.Sprintf("%02d.02.2025 10:%02d · Besøg eller samtale", 1+i%28, i),
			Meta: "Borgerens hjem · 45 minutter", Text: fmt.Sprintf("Notat %d: vi talte om søvn, økonomi og at åbne brevene sammen.", i+1)})
	}
	return AccessReport{Municipality: "Nordby Kommune", Team: "ICM-teamet", Citizen: "Søren Ærø Łukasz",
		Intro: []string{"Dette er alle de oplysninger, ICM-teamet har registreret om dig."},
		Personal: []AccessField{{"Navn", "Søren Ærø Łukasz"}, {"CPR-nummer", "010190-1234"}, {"Telefon", ""},
			{"Adresse", "Åvej 3, 9999 Nordby"}},
		Courses: []AccessCourse{
			{Title: "Forløb 01.11.2024 – igangværende", Facts: []AccessField{{"Status", "I gang"}, {"ICM-medarbejder", "Birthe Møller"}},
				Sections: []AccessSection{
					{Heading: "Udredning", Blocks: []AccessBlock{{Title: "Bolig", Meta: "Revision 10.01.2025",
						Fields: []AccessField{{"Borgerens oplevelse", "Bor midlertidigt hos en ven."}}}}},
					{Heading: "Plan: mål og delmål", Blocks: []AccessBlock{{Title: "Mål 1: Jeg vil have min egen lejlighed",
						Table: &AccessTable{Columns: []AccessColumn{{"Delmål", 50, ""}, {"Senest", 20, "28.05.2025"}, {"Status", 30, ""}},
							Rows: [][]string{{"Søge boligstøtte", "01.04.2025", "I gang"}}}}}},
					{Heading: "Fortalerrolle", Empty: "Intet registreret."},
					{Heading: "Journalnotater", Blocks: notes},
				}},
			{Title: "Forløb 01.02.2020 – 31.01.2021", Sections: []AccessSection{{Heading: "Udredning", Empty: "Intet registreret."}}},
		},
		Audit: []AuditLine{{At: "02.03.2025 09:00:00", Worker: "Birthe Møller", Action: "view", Object: "notes"},
			{At: "03.03.2025 10:00:00", Worker: "Mette Lund", Action: "export", Object: "access_request", Detail: "courses=2"}},
	}
}

func TestRenderAccess(t *testing.T) {
	var b bytes.Buffer
	if err := RenderAccess(&b, sampleAccess(), Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, b.Bytes())
	if len(pages) < 3 {
		t.Errorf("%d pages, want the journal to run over several", len(pages))
	}
	text := squash(strings.Join(pages, "\n"))
	order := []string{"Indsigt i egne oplysninger", "Udskrevet 14.03.2025", "alle de oplysninger",
		"Dine oplysninger", "Søren Ærø Łukasz", "010190-1234", "Åvej 3",
		"Forløb 01.11.2024 – igangværende", "Birthe Møller", "Udredning", "Bolig", "Revision 10.01.2025",
		"Bor midlertidigt hos en ven.", "Plan: mål og delmål", "Mål 1: Jeg vil have min egen lejlighed",
		"Delmål Senest Status", "Søge boligstøtte 01.04.2025 I gang", "Fortalerrolle", "Intet registreret.",
		"Journalnotater", "Notat 1:", "Notat 60:", "Forløb 01.02.2020 – 31.01.2021",
		"Hvem har brugt oplysningerne", "Tidspunkt Medarbejder Handling Oplysning Detalje",
		"02.03.2025 09:00:00 Birthe Møller så journalnotater", "Mette Lund eksporterede indsigt courses=2"}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("%q missing or out of order after position %d in:\n%s", want, at, text)
		}
		at += i + len(want)
	}
	if strings.Contains(text, "Telefon") {
		t.Error("an empty field was printed")
	}
	for i, p := range pages {
		if !strings.Contains(p, fmt.Sprintf("Side %d af %d", i+1, len(pages))) || !strings.Contains(p, "Indsigt i egne oplysninger – Søren") {
			t.Errorf("page %d lacks its footer", i+1)
		}
	}
}

func TestRenderAccessEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := RenderAccess(&b, AccessReport{Citizen: "Bo"}, Options{PrintedAt: printedAt, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pdfPages(t, b.Bytes()), "\n"))
	for _, w := range []string{"Access to your own data", "No ICM course has been recorded.", "There are no entries for this citizen."} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
}
