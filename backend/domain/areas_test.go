package domain

import "testing"

func TestNoteKindIsContact(t *testing.T) {
	want := map[NoteKind]bool{NoteVisit: true, NotePhoneCall: true, NoteAccompaniment: true, NoteMeeting: true,
		NoteAttempt: false, NoteCancelled: false, NoteCollaboration: false, NoteOther: false}
	if len(want) != len(NoteKinds) {
		t.Fatalf("table covers %d kinds, there are %d", len(want), len(NoteKinds))
	}
	for _, k := range NoteKinds {
		t.Run(string(k), func(t *testing.T) {
			if got := k.IsContact(); got != want[k] {
				t.Fatalf("%s.IsContact() = %v, want %v", k, got, want[k])
			}
		})
	}
	if NoteKind("").IsContact() || NoteKind("VISIT").IsContact() {
		t.Fatal("empty or differently cased kinds must not count as contact")
	}
}

func TestNoteLocationInCitizensSurroundings(t *testing.T) {
	want := map[NoteLocation]bool{LocationHome: true, LocationStreet: true, LocationShelter: true,
		LocationOffice: false, LocationPhone: false, LocationOther: false}
	if len(want) != len(NoteLocations) {
		t.Fatalf("table covers %d locations, there are %d", len(want), len(NoteLocations))
	}
	for _, l := range NoteLocations {
		t.Run(string(l), func(t *testing.T) {
			if got := l.InCitizensSurroundings(); got != want[l] {
				t.Fatalf("%s.InCitizensSurroundings() = %v, want %v", l, got, want[l])
			}
		})
	}
	if NoteLocation("").InCitizensSurroundings() {
		t.Fatal("an empty location is not the citizen's surroundings")
	}
}

// Persistence is the worker's duty: an attempt nobody answered and a meeting the citizen
// cancelled keep the contact (issue 16), but are no meeting with the citizen.
func TestNoteKindKeepsContact(t *testing.T) {
	cases := []struct {
		kind                     NoteKind
		keeps, persistence, meet bool
	}{
		{NoteVisit, true, false, true},
		{NotePhoneCall, true, false, true},
		{NoteAccompaniment, true, false, true},
		{NoteMeeting, true, false, true},
		{NoteAttempt, true, true, false},
		{NoteCancelled, true, true, false},
		{NoteCollaboration, false, false, false},
		{NoteOther, false, false, false},
		{NoteKind(""), false, false, false},
	}
	if len(cases) != len(NoteKinds)+1 {
		t.Fatalf("table covers %d kinds, there are %d", len(cases)-1, len(NoteKinds))
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			if got := c.kind.KeepsContact(); got != c.keeps {
				t.Errorf("KeepsContact() = %v, want %v", got, c.keeps)
			}
			if got := c.kind.IsPersistence(); got != c.persistence {
				t.Errorf("IsPersistence() = %v, want %v", got, c.persistence)
			}
			if got := c.kind.IsContact(); got != c.meet {
				t.Errorf("IsContact() = %v, want %v", got, c.meet)
			}
		})
	}
}

// Accompanying the citizen to a hospital, an authority or a treatment place is work where
// the citizen is, wherever it took place; other contacts count by their location.
func TestNoteKindIsWhereCitizenIs(t *testing.T) {
	cases := []struct {
		kind NoteKind
		loc  NoteLocation
		want bool
	}{
		{NoteAccompaniment, LocationOther, true},
		{NoteAccompaniment, LocationOffice, true},
		{NoteVisit, LocationHome, true},
		{NoteVisit, LocationOffice, false},
		{NoteMeeting, LocationOther, false},
		{NotePhoneCall, LocationPhone, false},
		{NoteAttempt, LocationHome, false}, // no contact: not counted in the rule at all
		{NoteCollaboration, LocationHome, false},
	}
	for _, c := range cases {
		t.Run(string(c.kind)+"@"+string(c.loc), func(t *testing.T) {
			if got := c.kind.IsWhereCitizenIs(c.loc); got != c.want {
				t.Fatalf("IsWhereCitizenIs = %v, want %v", got, c.want)
			}
		})
	}
}
