package service

import (
	"fmt"
	"strings"
	"testing"

	"icm/backend/domain"
)

func listNames(t *testing.T, s *CitizenService, query string) []string {
	t.Helper()
	items, err := s.ListCitizens(CitizenListInput{Query: query})
	if err != nil {
		t.Fatalf("ListCitizens(%q): %v", query, err)
	}
	out := []string{}
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

func TestListCitizensDanishOrderAndSearch(t *testing.T) {
	f := newFixture(t)
	for _, n := range []string{"A\u030ase", "Øjvind", "Ærø Ib", "Zacharias", "Anders", "Bo"} { // Åse typed decomposed
		f.citizen(t, n)
	}
	if got, want := fmt.Sprint(listNames(t, f.citizens, "")), "[Anders Bo Zacharias Ærø Ib Øjvind Åse]"; got != want {
		t.Fatalf("order = %s, want %s", got, want)
	}
	cases := []struct {
		query string
		want  string
	}{
		{"ØJV", "[Øjvind]"},
		{"øjv", "[Øjvind]"},
		{"åse", "[Åse]"},
		{"ÅSE", "[Åse]"},
		{"ase", "[]"}, // å is its own letter, not a with a ring
		{"ærø", "[Ærø Ib]"},
		{"ærø ib", "[Ærø Ib]"}, // every word must match
		{"ærø bo", "[]"},       // …not just one of them
		{"  zach  ", "[Zacharias]"},
		{"a", "[Anders Zacharias]"}, // plain a matches neither Åse nor Ærø
		{"o", "[Bo]"},               // plain o does not match Ø
		{"x", "[]"},
		{"a\u030ase", "[Åse]"}, // a decomposed å (a + combining ring) finds the composed one
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			if got := fmt.Sprint(listNames(t, f.citizens, c.query)); got != c.want {
				t.Fatalf("search %q = %s, want %s", c.query, got, c.want)
			}
		})
	}
	t.Run("query with control character is refused", func(t *testing.T) {
		_, err := f.citizens.ListCitizens(CitizenListInput{Query: "å\x00"})
		wantField(t, err, "query", domain.CodeInvalidCharacters)
	})
}

func TestCitizenListShowsCourseAndMaskedCPR(t *testing.T) {
	f := newFixture(t)
	c, err := f.citizens.SaveCitizen(CitizenInput{Name: "Bjørn Aagaard", CPR: "0101901234", Housing: "sofa"})
	if err != nil {
		t.Fatal(err)
	}
	if c.CPR != "010190-1234" || c.CPRMasked != "010190-••••" {
		t.Fatalf("citizen = %+v", c)
	}
	co, err := f.courses.CreateCourse(CreateCourseInput{CitizenID: c.ID, WorkerID: f.lead.ID, StartDate: "2026-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	items, err := f.citizens.ListCitizens(CitizenListInput{})
	if err != nil || len(items) != 1 {
		t.Fatalf("items = %+v, %v", items, err)
	}
	it := items[0]
	if it.CPRMasked != "010190-••••" || it.CourseID != co.ID || it.CourseStatus != "visitation" ||
		it.WorkerInitials != "ML" || it.WorkerName != "Mette Lund" || it.Housing != "sofa" {
		t.Fatalf("item = %+v", it)
	}
	raw := fmt.Sprintf("%+v", items)
	if strings.Contains(raw, "1234") {
		t.Fatalf("the list leaks the CPR's last four digits: %s", raw)
	}
	for _, q := range []string{"010190", "ml", "mette", "bjørn aagaard"} {
		if got := listNames(t, f.citizens, q); len(got) != 1 {
			t.Errorf("search %q = %v, want the citizen", q, got)
		}
	}
	if got := listNames(t, f.citizens, "1234"); len(got) != 0 {
		t.Errorf("search on the hidden CPR digits found %v", got)
	}
	full, err := f.citizens.GetCitizen(IDInput{ID: c.ID})
	if err != nil || len(full.Courses) != 1 || full.Courses[0].ID != co.ID {
		t.Fatalf("GetCitizen = %+v, %v", full, err)
	}
}

func TestSaveCitizenValidation(t *testing.T) {
	f := newFixture(t)
	first, err := f.citizens.SaveCitizen(CitizenInput{Name: "Anna", CPR: "010190-1234"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		in    CitizenInput
		field string
		code  domain.Code
	}{
		{"duplicate CPR", CitizenInput{Name: "Bo", CPR: "010190-1234"}, "cpr", domain.CodeDuplicateCPR},
		{"duplicate CPR without dash", CitizenInput{Name: "Bo", CPR: "0101901234"}, "cpr", domain.CodeDuplicateCPR},
		{"invalid CPR", CitizenInput{Name: "Bo", CPR: "310290-1234"}, "cpr", domain.CodeInvalidCPR},
		// The clock is 01.12.2026: a birth date after today is as impossible as 31 February.
		{"CPR born tomorrow", CitizenInput{Name: "Bo", CPR: "021226-4123"}, "cpr", domain.CodeInvalidCPR},
		{"CPR born in 2036", CitizenInput{Name: "Bo", CPR: "010136-4123"}, "cpr", domain.CodeInvalidCPR},
		{"CPR born in 2057", CitizenInput{Name: "Bo", CPR: "010157-5123"}, "cpr", domain.CodeInvalidCPR},
		// A zero-width space or a direction mark makes a name that looks like another one.
		{"name with a zero-width space", CitizenInput{Name: "An\u200bna"}, "name", domain.CodeInvalidCharacters},
		{"name with a left-to-right mark", CitizenInput{Name: "Anna\u200e"}, "name", domain.CodeInvalidCharacters},
		{"name with a byte order mark", CitizenInput{Name: "\ufeffAnna"}, "name", domain.CodeInvalidCharacters},
		{"name with a soft hyphen", CitizenInput{Name: "An\u00adna"}, "name", domain.CodeInvalidCharacters},
		{"name with a joiner between letters", CitizenInput{Name: "An\u200dna"}, "name", domain.CodeInvalidCharacters},
		{"no name", CitizenInput{Name: " "}, "name", domain.CodeRequired},
		{"email without @", CitizenInput{Name: "Bo", Email: "bo.example.dk"}, "email", domain.CodeInvalidEmail},
		{"email with display name", CitizenInput{Name: "Bo", Email: "Bo <bo@example.dk>"}, "email", domain.CodeInvalidEmail},
		{"email with two @", CitizenInput{Name: "Bo", Email: "bo@@example.dk"}, "email", domain.CodeInvalidEmail},
		{"phone too short", CitizenInput{Name: "Bo", Phone: "12 34 56"}, "phone", domain.CodeInvalidPhone},
		{"phone with letters", CitizenInput{Name: "Bo", Phone: "20 11 22 3x"}, "phone", domain.CodeInvalidPhone},
		{"phone plus in the middle", CitizenInput{Name: "Bo", Phone: "45+20112233"}, "phone", domain.CodeInvalidPhone},
		{"phone too many digits", CitizenInput{Name: "Bo", Phone: "1234567890123456"}, "phone", domain.CodeInvalidPhone},
		{"phone too long", CitizenInput{Name: "Bo", Phone: strings.Repeat("1", 31)}, "phone", domain.CodeTooLong},
		{"unknown housing", CitizenInput{Name: "Bo", Housing: "castle"}, "housing", domain.CodeInvalidChoice},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.citizens.SaveCitizen(c.in)
			wantField(t, err, c.field, c.code)
		})
	}
	if got := listNames(t, f.citizens, ""); len(got) != 1 {
		t.Fatalf("refused saves stored citizens: %v", got)
	}
	t.Run("valid contact details accepted", func(t *testing.T) {
		c, err := f.citizens.SaveCitizen(CitizenInput{Name: "عائشة", Phone: "+45 20 11 22 33", Email: "aisha@example.dk",
			Address: "Nørregade 1\n2. tv.\n1165 København K"})
		if err != nil || c.Phone != "+45 20 11 22 33" || c.Address != "Nørregade 1\n2. tv.\n1165 København K" || c.CPR != "" {
			t.Fatalf("SaveCitizen = %+v, %v", c, err)
		}
	})
	t.Run("born today and an emoji family accepted", func(t *testing.T) {
		c, err := f.citizens.SaveCitizen(CitizenInput{Name: "Lille Bo 👨\u200d👩\u200d👧", CPR: "011226-4123"})
		if err != nil || c.CPR != "011226-4123" {
			t.Fatalf("SaveCitizen = %+v, %v", c, err)
		}
	})
	t.Run("updating keeps own CPR and may clear it", func(t *testing.T) {
		got, err := f.citizens.SaveCitizen(CitizenInput{ID: first.ID, Name: "Anna Holm", CPR: "0101901234"})
		if err != nil || got.Name != "Anna Holm" || got.CPR != "010190-1234" {
			t.Fatalf("update = %+v, %v", got, err)
		}
		got, err = f.citizens.SaveCitizen(CitizenInput{ID: first.ID, Name: "Anna Holm"})
		if err != nil || got.CPR != "" || got.CPRMasked != "" {
			t.Fatalf("clear CPR = %+v, %v", got, err)
		}
		if _, err := f.citizens.SaveCitizen(CitizenInput{Name: "Bo", CPR: "010190-1234"}); err != nil {
			t.Fatalf("a freed CPR should be usable again: %v", err)
		}
	})
}
