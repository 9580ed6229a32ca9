package service

import (
	"testing"

	"icm/backend/domain"
)

// TestAuditListOnALaptopInNoTeam: outside a team the page's default "every computer" is this
// laptop's own log, paged by id as before, with no computers to choose; a laptop id or a
// bad cursor is refused on its field, and the team check has nothing to show.
func TestAuditListOnALaptopInNoTeam(t *testing.T) {
	f := newFixture(t)
	as := NewAuditService(f.as(f.leadActor()), nil)
	f.citizen(t, "Åse Holm")
	for _, c := range []struct {
		name string
		in   AuditFilter
	}{{"default", AuditFilter{}}, {"this", AuditFilter{Computer: ComputerThis}}, {"all", AuditFilter{Computer: ComputerAll}}} {
		t.Run(c.name, func(t *testing.T) {
			p, err := as.List(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Entries) == 0 || p.Next != "" || len(p.Computers) != 0 || p.Entries[0].Laptop != "" {
				t.Fatalf("page %+v", p)
			}
		})
	}
	_, err := as.List(AuditFilter{Computer: "0123456789abcdef0123456789abcdef"})
	wantField(t, err, "computer", domain.CodeInvalidChoice)
	_, err = as.List(AuditFilter{Computer: ComputerAll, Cursor: "12/x"})
	wantField(t, err, "cursor", domain.CodeInvalidInput)
	team, err := as.CheckTeam()
	if err != nil || team.InTeam || len(team.Chains) != 0 {
		t.Fatalf("CheckTeam = %+v, %v", team, err)
	}
}
