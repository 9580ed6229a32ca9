package pdf

import (
	"os"
	"regexp"
	"testing"
)

// The PDF names the method's steps (Målgruppe og visitation, Udredning,
// Koordinering, Fortalerrolle, ...) with the same words as the screen, whose
// texts live in the frontend's i18n files.
func TestStepNamesMatchTheScreen(t *testing.T) {
	block := regexp.MustCompile(`(?s)\n  steps: \{(.*?)\n  \}`)
	entry := regexp.MustCompile(`(\w+): '([^']*)'`)
	for lang, file := range map[string]string{"da": "../../frontend/src/i18n/daScreens.ts", "en": "../../frontend/src/i18n/enScreens.ts"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := block.FindSubmatch(src)
		if m == nil {
			t.Fatalf("%s: no steps block", file)
		}
		compared := 0
		for _, e := range entry.FindAllSubmatch(m[1], -1) {
			key, screen := string(e[1]), string(e[2])
			pdfText, ok := labels[lang][key]
			if !ok {
				continue // a step the PDFs have no heading for (planning, follow-up)
			}
			compared++
			if pdfText != screen {
				t.Errorf("%s step %q: the PDF says %q, the screen %q", lang, key, pdfText, screen)
			}
		}
		if compared < 4 {
			t.Errorf("%s: compared only %d steps; the i18n layout changed?", lang, compared)
		}
	}
}
