package domain

import (
	"os"
	"strconv"
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
		// The guiding questions, printed in the PDF, are the screen's, in the same order.
		qs := da[at+end : at+end+strings.Index(da[at+end:], "},")]
		want := TemplateQuestions[e]
		if len(want) == 0 || strings.Count(qs, ": '") != len(want) {
			t.Errorf("%s: %d questions in Go, the UI has %d", e, len(want), strings.Count(qs, ": '"))
		}
		for i, q := range want {
			if !strings.Contains(qs, "q"+strconv.Itoa(i+1)+": '"+strings.ReplaceAll(q, "'", "\\'")+"'") {
				t.Errorf("%s: question %d differs from the UI's: %q", e, i+1, q)
			}
		}
	}
	// Requirements the method states as "important" or only suggests are weighted alike.
	weights := src[strings.Index(src, "export const templateWeights"):]
	weights = weights[:strings.Index(weights, "};")]
	for _, e := range TemplateElements {
		line := string(e) + ": '" + string(TemplateWeight(e)) + "'"
		if has := strings.Contains(weights, line); has != (TemplateWeight(e) != WeightMust) {
			t.Errorf("%s: weight %s in Go, the UI's templateWeights disagree", e, TemplateWeight(e))
		}
	}
}

// The method template says "it is important" for the assessment and the availability, and
// names element 3 plainly "Udredning": the assessment goes on through the whole course.
func TestTemplateWeightsFollowTheMethod(t *testing.T) {
	cases := []struct {
		e    TemplateElement
		want RequirementWeight
	}{
		{ElemAssessmentBefore, WeightImportant},
		{ElemAvailability, WeightImportant},
		{ElemCourseStructure, WeightAdvice},
		{ElemCitizensPerWorker, WeightMust},
		{ElemLinking, WeightMust},
	}
	for _, c := range cases {
		t.Run(string(c.e), func(t *testing.T) {
			if got := TemplateWeight(c.e); got != c.want {
				t.Fatalf("weight = %s, want %s", got, c.want)
			}
			if r := TemplateTexts[c.e].Requirement; c.want == WeightImportant && (strings.Contains(r, " skal ") || !strings.HasPrefix(r, "Det er vigtigt")) {
				t.Fatalf("an important requirement reads as a must: %q", r)
			}
		})
	}
	if n := TemplateTexts[ElemAssessmentBefore].Name; n != "Udredning" {
		t.Fatalf("element 3 is %q", n)
	}
}
