package domain

import (
	"strings"
	"testing"
	"time"
)

// FuzzNormalizeCPR: an accepted CPR number is "ddmmåå-xxxx" made of the digits typed, in the
// same order; it is a real birth date (that formats back to the first six digits) in the
// CPR office's century range and not after today; normalising it again changes nothing; the mask shows only the
// birth date. Anything refused is refused with invalid_cpr alone.
func FuzzNormalizeCPR(f *testing.F) {
	for _, s := range []string{"010190-1234", "0101901234", "  0101901234 ", "010190 1234", "", "   ", "310290-1234",
		"290292-1234", "290290-1234", "000190-1234", "011390-1234", "01O190-1234", "010190-123", "010190-12345",
		"01-0190-1234", "٠١٠١٩٠١٢٣٤", "０１０１９０１２３４", "010100-4123", "010158-5123", "311299-9999", "0 1 0 1 9 0 1 2 3 4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p Problems
		got := NormalizeCPR(&p, "cpr", s, cprToday)
		codes := fieldCodes(&p, "cpr")
		if len(codes) > 0 {
			if len(codes) != 1 || codes[0] != CodeInvalidCPR {
				t.Fatalf("%q: problems %v, want [invalid_cpr]", s, codes)
			}
			return
		}
		if strings.TrimSpace(s) == "" {
			if got != "" {
				t.Fatalf("%q: blank gave %q", s, got)
			}
			return
		}
		if len(got) != 11 || got[6] != '-' || !allDigits(got[:6]+got[7:]) {
			t.Fatalf("%q: accepted as %q, not ddmmåå-xxxx", s, got)
		}
		typed := strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(s))
		if typed != got[:6]+got[7:] {
			t.Fatalf("%q: accepted as %q, not the digits typed", s, got)
		}
		born, ok := CPRBirthDate(got)
		if !ok {
			t.Fatalf("%q: accepted %q without a birth date", s, got)
		}
		if born.Format("020106") != got[:6] || born.Year() < 1858 || born.After(cprToday) {
			t.Fatalf("%q: birth date %v does not fit %q", s, born, got)
		}
		var again Problems
		if twice := NormalizeCPR(&again, "cpr", got, cprToday); twice != got || again.Err() != nil {
			t.Fatalf("%q: normalising %q again gave %q, %v", s, got, twice, again.Err())
		}
		if m := MaskCPR(got); m != got[:6]+"-••••" {
			t.Fatalf("%q: mask %q shows more than the birth date", s, m)
		}
	})
}

// FuzzCPRBirthDate: any date it returns is a UTC midnight whose ddmmåå is the number's.
func FuzzCPRBirthDate(f *testing.F) {
	for _, s := range []string{"0101001234", "3112991234", "2902004123", "2902005123", "010158-5123", "3104904123", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		born, ok := CPRBirthDate(s)
		if !ok {
			return
		}
		digits := strings.ReplaceAll(s, "-", "")
		if born.Location() != time.UTC || born != Day(born) || born.Format("020106") != digits[:6] {
			t.Fatalf("%q: birth date %v", s, born)
		}
	})
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
