package desktop

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Print files older than a day are removed; newer ones stay for the viewer that prints them.
func TestCleanPrintDir(t *testing.T) {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	files := []struct {
		name string
		age  time.Duration
		kept bool
	}{
		{"icm-plan-1-old.pdf", 25 * time.Hour, false},
		{"icm-plan-2-new.pdf", time.Hour, true},
		{"icm-plan-3-almost.pdf", 23 * time.Hour, true},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("%PDF"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-f.age), now.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
	}
	CleanPrintDir(dir, now)
	for _, f := range files {
		_, err := os.Stat(filepath.Join(dir, f.name))
		if kept := err == nil; kept != f.kept {
			t.Errorf("%s: kept %v, want %v", f.name, kept, f.kept)
		}
	}
	CleanPrintDir(filepath.Join(dir, "none"), now) // a folder that does not exist is no error
}

// A desktop without the handover dialogs (a test's) gets the window's, which refuse
// while there is no window.
func TestWithHandoverWithoutAWindow(t *testing.T) {
	h := WithHandover(pdfOnly{}, New(func() context.Context { return nil }))
	if _, err := h.SaveHandoverPath("t", "x.icmhandover"); err != errNoWindow {
		t.Fatalf("save without a window: %v", err)
	}
	if _, err := h.OpenHandoverPath("t"); err != errNoWindow {
		t.Fatalf("open without a window: %v", err)
	}
	if p, _ := h.SavePath("t", "plan.pdf"); p != "plan.pdf" {
		t.Fatalf("the given desktop's own dialogs are not kept: %q", p)
	}
}

type pdfOnly struct{}

func (pdfOnly) SavePath(_, name string) (string, error) { return name, nil }
func (pdfOnly) Open(string) error                       { return nil }
