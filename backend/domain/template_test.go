package domain

import (
	"os"
	"strings"
	"testing"
)

func TestTemplateElementsHaveTexts(t *testing.T) {
	if len(TemplateElements) != 16 || len(TemplateTexts) != 16 {
		t.Fatalf("%d elements, %d texts; want 16", len(TemplateElements), len(TemplateTexts))
	}
	for _, e := range TemplateElements {
		txt := TemplateTexts[e]
		if txt.Name == "" || txt.Requirement == "" || !IsTemplateElement(e) {
			t.Errorf("%s has no name or requirement", e)
		}
	}
	for _, s := range TemplateStatuses {
		if TemplateStatusNames[s] == "" {
			t.Errorf("status %s has no name", s)
		}
	}
}

// The PDF prints the Danish texts from Go, the screen from the frontend's text group: they
// must say the same, in the same order.
func TestTemplateTextsMatchTheUI(t *testing.T) {
	raw, err := os.ReadFile("../../frontend/src/features/wizard/i18n/template.ts")
	if err != nil {
		t.Fatal(err)
	}
	src := string(raw)
	da := src[:strings.Index(src, "title: 'Method template'")]
	at := 0
	for _, e := range TemplateElements {
		txt := TemplateTexts[e]
		i := strings.Index(da[at:], string(e)+": {")
		if i < 0 {
			t.Fatalf("element %s missing or out of order in the UI texts", e)
		}
		at += i
		end := strings.Index(da[at:], "questions:")
		block := da[at : at+end]
		for _, want := range []string{"name: '" + txt.Name + "'", "'" + txt.Requirement + "'"} {
			if !strings.Contains(block, want) {
				t.Errorf("%s: the UI's Danish text differs from Go's %s", e, want)
			}
		}
	}
}
