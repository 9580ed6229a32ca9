package teamsync_test

import (
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
)

// ownCitizen is the citizen of the laptop's worker's course.
func (l *laptop) ownCitizen(t *testing.T) uint {
	t.Helper()
	var id uint
	l.st.Gorm().Raw(`SELECT citizen_id FROM courses WHERE id = ?`, l.ownCourse(t)).Scan(&id)
	return id
}

// editCitizen changes the phone and contact note of a citizen as the laptop's worker.
func editCitizen(t *testing.T, l *laptop, citizen uint, phone, note string) {
	t.Helper()
	cs := service.NewCitizenService(l.deps())
	c := must[service.CitizenDTO](t, l.name+": GetCitizen")(cs.GetCitizen(service.IDInput{ID: citizen}))
	must[service.CitizenDTO](t, l.name+": SaveCitizen")(cs.SaveCitizen(service.CitizenInput{ID: citizen, Name: c.Name,
		Phone: phone, Address: c.Address, Email: c.Email, ContactNote: note}))
}

func scalarOf(t *testing.T, l *laptop, q string, args ...any) string {
	t.Helper()
	var s string
	if err := l.st.Gorm().Raw(q, args...).Row().Scan(&s); err != nil {
		t.Fatalf("%s: %s: %v", l.name, q, err)
	}
	return s
}

// Two laptops change the same fields of a citizen offline; after syncing every laptop shows
// one value and keeps the other; the course's owner sees the conflict on their laptop,
// a colleague neither sees nor may resolve it, and the owner's decision reaches every
// laptop: the chosen value everywhere and no conflict left anywhere.
func TestTheOwnerResolvesAConflictOnEveryLaptop(t *testing.T) {
	cases := []struct {
		name, field, choice, text string
		wantPhone, wantNote       string
	}{
		{"write back the kept phone", "citizens.phone", service.ConflictTakeKept, "", "33333333", "Note fra Anna"},
		{"keep the current phone", "citizens.phone", service.ConflictKeepCurrent, "", "22222222", "Note fra Anna"},
		{"merge the contact notes", "citizens.contact_note", service.ConflictMerge, "Ring før besøg; nøgle hos naboen",
			"22222222", "Ring før besøg; nøgle hos naboen"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tm := newTeam(t, faulty.Options{Seed: int64(10 + i)}, "AA", "BO")
			lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
			citizen := anna.ownCitizen(t)
			uid := scalarOf(t, anna, `SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = ?`, citizen)
			leadCitizen := uint(0)
			lead.st.Gorm().Raw(`SELECT row_id FROM sync_ids WHERE uid = ?`, uid).Scan(&leadCitizen)
			// Offline on both; Anna's laptop publishes after the lead's, so its stamps are newer
			// and its values win on every laptop.
			editCitizen(t, anna, citizen, "22222222", "Note fra Anna")
			editCitizen(t, lead, leadCitizen, "33333333", "Note fra lederen")
			tm.settle(t)
			tm.converged(t)
			for _, l := range tm.laptops {
				if n := scalarOf(t, l, `SELECT COUNT(*) FROM sync_conflicts`); n != "2" {
					t.Fatalf("%s keeps %s values, want the phone and the note that lost", l.name, n)
				}
				if p := scalarOf(t, l, `SELECT phone FROM citizens WHERE name LIKE 'Borger 1%'`); p != "22222222" {
					t.Fatalf("%s shows phone %s before the decision, want the agreed 22222222", l.name, p)
				}
			}
			if got := must[[]service.ConflictDTO](t, "bo: List")(service.NewConflictService(bo.deps()).List(service.ConflictListInput{})); len(got) != 0 {
				t.Fatalf("a colleague sees %d conflicts of Anna's citizen", len(got))
			}
			leadList := must[[]service.ConflictDTO](t, "lead: List")(service.NewConflictService(lead.deps()).List(service.ConflictListInput{}))
			if len(leadList) != 2 {
				t.Fatalf("the team lead sees %d conflicts, want 2", len(leadList))
			}
			cs := service.NewConflictService(anna.deps())
			list := must[[]service.ConflictDTO](t, "anna: List")(cs.List(service.ConflictListInput{CourseID: anna.ownCourse(t)}))
			var c *service.ConflictDTO
			for i := range list {
				if list[i].Field == tc.field {
					c = &list[i]
				}
			}
			if len(list) != 2 || c == nil {
				t.Fatalf("Anna sees %+v, want the phone and the note", list)
			}
			if c.CitizenID != citizen || !strings.HasPrefix(c.CitizenName, "Borger 1") || len(c.Kept) != 1 {
				t.Fatalf("conflict %+v", c)
			}
			if c.Kept[0].WriterName != "Mette Lund" || c.Current.WriterName != "Medarbejder AA" || c.Current.At == "" {
				t.Fatalf("writers: current %+v, kept %+v", c.Current, c.Kept[0])
			}
			if c.Mergeable != (tc.field == "citizens.contact_note") {
				t.Fatalf("%s mergeable = %v", tc.field, c.Mergeable)
			}
			// A colleague calling the method directly is refused.
			_, err := service.NewConflictService(bo.deps()).Resolve(service.ResolveConflictInput{ID: c.ID, Choice: tc.choice, Text: tc.text})
			if domain.CodeOf(err) != domain.CodeForbidden && domain.CodeOf(err) != domain.CodeNotFound {
				t.Fatalf("a colleague resolving: %v, want forbidden", err)
			}
			left := must[service.ConflictCountDTO](t, "anna: Resolve")(cs.Resolve(service.ResolveConflictInput{ID: c.ID, Choice: tc.choice, Text: tc.text}))
			if left.Count != 1 {
				t.Fatalf("after the decision Anna has %d conflicts, want 1", left.Count)
			}
			// The other field is settled too, so that no conflict is left.
			for _, o := range list {
				if o.Field != tc.field {
					must[service.ConflictCountDTO](t, "anna: Resolve other")(cs.Resolve(service.ResolveConflictInput{ID: o.ID, Choice: service.ConflictKeepCurrent}))
				}
			}
			if n := scalarOf(t, anna, `SELECT COUNT(*) FROM audit_log WHERE object = 'conflict' AND action = 'change'`); n != "2" {
				t.Fatalf("%s resolutions in Anna's audit log, want 2", n)
			}
			tm.settle(t)
			tm.converged(t)
			for _, l := range tm.laptops {
				if n := scalarOf(t, l, `SELECT COUNT(*) FROM sync_conflicts`); n != "0" {
					t.Fatalf("%s still keeps %s values after the decision", l.name, n)
				}
				if p := scalarOf(t, l, `SELECT phone FROM citizens WHERE name LIKE 'Borger 1%'`); p != tc.wantPhone {
					t.Fatalf("%s shows phone %s, want %s", l.name, p, tc.wantPhone)
				}
				if p := scalarOf(t, l, `SELECT contact_note FROM citizens WHERE name LIKE 'Borger 1%'`); p != tc.wantNote {
					t.Fatalf("%s shows note %q, want %q", l.name, p, tc.wantNote)
				}
			}
		})
	}
}
