package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"icm/backend/service"
	"icm/backend/store"
)

// The headless export writes a course's current plan to a PDF path, for scripting and tests.
func TestRunExportPlan(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "icm.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := service.LoadDemo(context.Background(), st, time.Now()); err != nil {
		t.Fatal(err)
	}
	list, err := service.NewCitizenService(service.Deps{Store: st}).ListCitizens(service.CitizenListInput{Query: "Dennis"})
	if err != nil || len(list) != 1 {
		t.Fatalf("demo citizen: %v %v", list, err)
	}
	_ = st.Close()

	out := filepath.Join(dir, "plan")
	if code := runExportPlan(db, list[0].CourseID, 0, out); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	text, err := exec.Command("pdftotext", out+".pdf", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Dennis Møller") || !strings.Contains(string(text), "KLADDE") {
		t.Fatalf("exported plan text:\n%s", text)
	}
	if code := runExportPlan(db, 99999, 0, out); code != 1 {
		t.Fatalf("unknown course: exit code %d, want 1", code)
	}
	if code := runExportPlan(db, list[0].CourseID, 0, ""); code != 2 {
		t.Fatalf("missing -out: exit code %d, want 2", code)
	}
}
