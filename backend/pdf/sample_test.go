package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"icm/backend/plandoc"
)

// TestWriteSamples writes sample documents for a person to look at; it runs
// only when PDF_SAMPLE_DIR is set:
//
//	PDF_SAMPLE_DIR=/tmp/pdf-check go test -run WriteSamples ./backend/pdf/
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PDF_SAMPLE_DIR")
	if dir == "" {
		t.Skip("set PDF_SAMPLE_DIR to write sample PDFs")
	}
	en := Options{PrintedAt: printedAt, Lang: "en"}
	da := Options{PrintedAt: printedAt}
	for name, render := range map[string]func(*bytes.Buffer) error{
		"plan-draft":     func(b *bytes.Buffer) error { return RenderPlan(b, fullPlan(false), da) },
		"plan-signed":    func(b *bytes.Buffer) error { return RenderPlan(b, fullPlan(true), da) },
		"plan-signed-en": func(b *bytes.Buffer) error { return RenderPlan(b, fullPlan(true), en) },
		"summary":        func(b *bytes.Buffer) error { return RenderSummary(b, fullSummary(), da) },
		"evaluation":     func(b *bytes.Buffer) error { return RenderEvaluation(b, sampleEvaluation(), da) },
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteStressSamples writes the edge cases (long table, hostile text, an
// over-long row) next to the samples, for the same manual look.
func TestWriteStressSamples(t *testing.T) {
	dir := os.Getenv("PDF_SAMPLE_DIR")
	if dir == "" {
		t.Skip("set PDF_SAMPLE_DIR to write sample PDFs")
	}
	long := manySubGoals(30)
	hostileP := fullPlan(true)
	poison(reflect.ValueOf(&hostileP).Elem(), hostile)
	tall := manySubGoals(2)
	tall.Goals[0].SubGoals[1].What = strings.Repeat("meget lang tekst om hverdagen ", 250)
	for name, p := range map[string]plandoc.Plan{"plan-30-subgoals": long, "plan-hostile": hostileP, "plan-tall-row": tall} {
		var b bytes.Buffer
		if err := RenderPlan(&b, p, Options{PrintedAt: printedAt}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
