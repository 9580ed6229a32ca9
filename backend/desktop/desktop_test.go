package desktop

import (
	"context"
	"testing"
)

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
