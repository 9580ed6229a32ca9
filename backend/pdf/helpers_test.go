package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// needPdftotext skips the test on machines without poppler-utils.
func needPdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
}

// pdfPages renders data and returns the text of each page, read back with
// pdftotext -layout, one call per page.
func pdfPages(t *testing.T, data []byte) []string {
	t.Helper()
	needPdftotext(t)
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	all := pdftotext(t, file)
	n := strings.Count(all, "\f")
	if n == 0 {
		t.Fatalf("pdftotext found no pages")
	}
	pages := make([]string, n)
	for i := range pages {
		pages[i] = pdftotext(t, file, "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1))
	}
	return pages
}

func pdftotext(t *testing.T, file string, args ...string) string {
	t.Helper()
	cmd := exec.Command("pdftotext", append(append([]string{"-layout", "-enc", "UTF-8"}, args...), file, "-")...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("pdftotext complained: %s", stderr.String())
	}
	return string(out)
}

// squash joins whitespace runs so phrases match across layout spacing.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
