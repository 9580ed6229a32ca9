package main

import (
	"context"
	"testing"
	"time"

	"icm/backend/dbdamage"
	"icm/backend/domain"
	"icm/backend/service"
)

// The window opens on a cleanly closed file before its integrity check; when the check in
// the background then finds damage, the UI is told, the status becomes the start error and
// every call is refused, so nothing more is written to the damaged file.
func TestDamageFoundAfterTheFirstScreenStopsTheApp(t *testing.T) {
	cheapCosts(t)
	ctx := context.Background()
	db := demoDB(t)
	if err := dbdamage.Table(db, "citizens"); err != nil {
		t.Fatal(err)
	}

	a := newAppWith(ctx, db, nil, testDesktop{dir: t.TempDir()})
	if a.store == nil {
		t.Fatal("a cleanly closed file did not open before its check")
	}
	defer a.store.Close()
	st, err := a.services.app.Status()
	if err != nil || !st.Ready {
		t.Fatalf("status before the check: %+v, %v", st, err)
	}
	if _, err := a.services.auth.SignIn(service.SignInInput{Username: service.DemoUsernames[0], Password: service.DemoPassword}); err != nil {
		t.Fatal(err)
	}
	before := lastAuditID(t, a)

	told := 0
	a.checkInBackground(ctx, func() { told++ })
	if told != 1 {
		t.Fatalf("the UI was told %d times, want once", told)
	}
	st, err = a.services.app.Status()
	if err != nil || st.Ready || st.ErrorCode != string(domain.CodeDatabaseCorrupt) || st.ErrorParams["path"] != db {
		t.Fatalf("status after the check: %+v, %v", st, err)
	}
	if _, err := a.services.citizens.ListCitizens(service.CitizenListInput{}); domain.CodeOf(err) != domain.CodeDatabaseCorrupt {
		t.Errorf("ListCitizens after damage = %v, want database_corrupt", err)
	}
	if _, err := a.services.team.SaveWorker(service.WorkerInput{Name: "Ny Kollega", Initials: "NK", Role: "icm_worker", FTE: 1, Active: true}); domain.CodeOf(err) != domain.CodeDatabaseCorrupt {
		t.Errorf("SaveWorker after damage = %v, want database_corrupt", err)
	}
	if _, err := a.services.auth.SignIn(service.SignInInput{Username: service.DemoUsernames[0], Password: service.DemoPassword}); domain.CodeOf(err) != domain.CodeDatabaseCorrupt {
		t.Errorf("SignIn after damage = %v, want database_corrupt", err)
	}
	// Nor is the damaged file copied over the backups by the automatic backup.
	if _, err := a.services.backups.RunIfDue(); domain.CodeOf(err) != domain.CodeDatabaseCorrupt {
		t.Errorf("automatic backup after damage = %v, want database_corrupt", err)
	}
	// The audit chain is not walked on a damaged file, and the refused calls wrote nothing.
	if s, _ := a.services.auth.Status(); s.Audit.Checked {
		t.Error("the audit chain was checked on a damaged file")
	}
	if after := lastAuditID(t, a); after != before {
		t.Errorf("refused calls wrote %d audit entries", after-before)
	}
}

// On a sound file the background check finds nothing and goes on to the audit chain.
func TestBackgroundChecksOnASoundFile(t *testing.T) {
	cheapCosts(t)
	ctx := context.Background()
	db := demoDB(t)
	a := newAppWith(ctx, db, nil, testDesktop{dir: t.TempDir()})
	if a.store == nil || !a.store.CheckPending() {
		t.Fatal("a cleanly closed file should open with its check pending")
	}
	defer a.store.Close()
	a.checkInBackground(ctx, func() { t.Error("a sound file was reported damaged") })
	s, err := a.services.auth.Status()
	if err != nil || !s.Audit.Checked || !s.Audit.OK || !s.Audit.Full || s.Audit.Entries == 0 {
		t.Fatalf("audit check at start: %+v, %v", s.Audit, err)
	}
	if st, err := a.services.app.Status(); err != nil || !st.Ready {
		t.Fatalf("status: %+v, %v", st, err)
	}
}

// The background checks begin when the first screen is up, not while the web view loads
// and draws it (the page having loaded is not enough).
func TestBackgroundChecksWaitForThePage(t *testing.T) {
	cheapCosts(t)
	ctx := context.Background()
	a := newAppWith(ctx, demoDB(t), nil, testDesktop{dir: t.TempDir()})
	if a.store == nil {
		t.Fatal("not opened")
	}
	defer a.store.Close()
	defer close(a.stopBackup)
	a.startup(ctx)
	time.Sleep(200 * time.Millisecond)
	if s, _ := a.services.auth.Status(); s.Audit.Checked {
		t.Fatal("the checks ran before the page loaded")
	}
	a.domReady(ctx)
	time.Sleep(200 * time.Millisecond)
	if s, _ := a.services.auth.Status(); s.Audit.Checked {
		t.Fatal("the checks ran before the first screen was up")
	}
	a.firstScreen()
	a.firstScreen() // every screen sends the event: harmless
	select {
	case <-a.checksDone:
	case <-time.After(10 * time.Second):
		t.Fatal("the checks did not finish after the page loaded")
	}
	if s, _ := a.services.auth.Status(); !s.Audit.Checked || !s.Audit.OK {
		t.Fatalf("audit check after the page loaded: %+v", s.Audit)
	}
}
