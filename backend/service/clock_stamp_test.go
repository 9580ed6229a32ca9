package service

import (
	"testing"
	"time"
)

// Updates carry the service's clock, not the wall clock, so records are dated as the
// (injected) time says.
func TestUpdatesUseTheInjectedClock(t *testing.T) {
	f := newFixture(t)
	c := f.citizen(t, "Ib Ørum")
	saved, err := f.citizens.SaveCitizen(CitizenInput{ID: c.ID, Name: "Ib Ørum-Lind"})
	if err != nil {
		t.Fatal(err)
	}
	want := testNow.UTC().Format(time.RFC3339)
	if saved.UpdatedAt != want {
		t.Fatalf("UpdatedAt = %s, want the fixed clock %s", saved.UpdatedAt, want)
	}
}
