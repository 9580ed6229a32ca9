package domain

import "testing"

func TestNoteKindIsContact(t *testing.T) {
	want := map[NoteKind]bool{NoteVisit: true, NotePhoneCall: true, NoteAccompaniment: true, NoteMeeting: true,
		NoteAttempt: false, NoteCollaboration: false, NoteOther: false}
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
