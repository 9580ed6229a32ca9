package instance

import (
	"strings"
	"testing"
)

func TestID(t *testing.T) {
	a, b := ID("/home/anna/.local/share/icm/icm.db"), ID("/tmp/other.db")
	if a == b || a != ID("/home/anna/.local/share/icm/icm.db") || !strings.HasPrefix(a, "dk.icm.desktop.") {
		t.Fatalf("ID: %q %q", a, b)
	}
	if strings.Contains(a, "anna") {
		t.Fatalf("ID leaks the path: %q", a)
	}
}
