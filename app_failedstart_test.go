package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"icm/backend/store"
)

// A start whose window never comes up (Windows without the WebView2 runtime: wails.Run
// returns an error before startup and shutdown run) closes the database cleanly: no
// write-ahead log is left, so the next start is not taken for one after a crash and skips
// the whole-file check before the first screen. A later shutdown does nothing twice.
func TestAFailedStartClosesTheDatabaseCleanly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	app := newApp(context.Background(), db)
	if app.store == nil {
		t.Fatal("the database did not open")
	}
	// A session that wrote: the open migrated a new file, and the WAL holds it until a clean close.
	if fi, err := os.Stat(db + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no write-ahead log while open (%v): the test proves nothing", err)
	}
	noWebView2 := errors.New("WebView2 runtime not found")
	if err := app.runWindow(func() error { return noWebView2 }); !errors.Is(err, noWebView2) {
		t.Fatalf("runWindow: %v", err)
	}
	if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 0 {
		t.Fatalf("a %d-byte write-ahead log was left: the next start takes it for a crash", fi.Size())
	}
	app.shutdown(context.Background()) // a late call after the close: no panic, nothing twice

	st, err := store.OpenChecked(context.Background(), db, store.CheckAfterCleanEnd)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !st.CheckPending() {
		t.Error("the next start checked the whole file first, as after a crash")
	}
}
