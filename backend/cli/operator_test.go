package cli

import (
	"strings"
	"testing"
	"unicode/utf8"

	"icm/backend/domain"
	"icm/backend/service"
)

// The command line's name in the audit log is always one a name field accepts (the access
// request and handover files check their workers' names with domain.CleanLine), whatever the
// operating system calls its user and computer.
func TestCommandLineActorName(t *testing.T) {
	cases := []struct {
		name, operator, want string
	}{
		{"plain", "anna@laptop-7", "Kommandolinje (IT): anna@laptop-7"},
		{"windows domain", `KOMMUNE\anna@PC-0042`, `Kommandolinje (IT): KOMMUNE\anna@PC-0042`},
		{"danish letters", "søren@bærbar", "Kommandolinje (IT): søren@bærbar"},
		{"unknown", "", "Kommandolinje (IT)"},
		{"control characters", "an\x00na\x1b[31m@pc\n", "Kommandolinje (IT): anna[31m@pc"},
		{"direction override", "anna\u202e@pc", "Kommandolinje (IT): anna@pc"},
		{"bad utf-8", "anna\xff@pc", "Kommandolinje (IT): anna@pc"},
		{"only blanks", " \t ", "Kommandolinje (IT)"},
		{"too long", strings.Repeat("a", 200) + "@pc", "Kommandolinje (IT): " + strings.Repeat("a", domain.MaxName-20)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := service.CommandLineAs(c.operator)
			if a.Name != c.want {
				t.Fatalf("name %q, want %q", a.Name, c.want)
			}
			if a.WorkerID != 0 || !a.IsLead() || a.Initials != "IT" {
				t.Fatalf("actor %+v: not the command line", a)
			}
			var p domain.Problems
			if got := domain.CleanLine(&p, "workerName", a.Name, domain.MaxName, true); got != a.Name || p.Err() != nil {
				t.Fatalf("a name field refuses %q: %v", a.Name, p.Err())
			}
			if utf8.RuneCountInString(a.Name) > domain.MaxName {
				t.Fatalf("%d characters", utf8.RuneCountInString(a.Name))
			}
		})
	}
	if op := operator(); !strings.Contains(op, "@") || strings.HasPrefix(op, "@") || strings.HasSuffix(op, "@") {
		t.Fatalf("operator() = %q, want user@host", op)
	}
}
