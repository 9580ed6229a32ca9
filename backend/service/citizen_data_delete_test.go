package service

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/printfiles"
	"icm/backend/store"
)

// rowsOf counts, in every table of the schema, the rows that belong to the citizen or to
// one of the courses: by citizen_id or course_id, or through a goal, meeting or evaluation
// of those courses. The audit log is counted apart.
func rowsOf(t *testing.T, st *store.Store, citizenID uint, courseIDs []uint) map[string]int {
	t.Helper()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	ids := "-1" // no course has it
	for _, id := range courseIDs {
		ids += "," + itoa(int(id))
	}
	parents := map[string]string{
		"citizen_id":    itoa(int(citizenID)),
		"course_id":     ids,
		"goal_id":       "SELECT id FROM goals WHERE course_id IN (" + ids + ")",
		"meeting_id":    "SELECT id FROM meetings WHERE course_id IN (" + ids + ")",
		"evaluation_id": "SELECT id FROM evaluations WHERE course_id IN (" + ids + ")",
	}
	tables := []string{}
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts%'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		tables = append(tables, n)
	}
	_ = rows.Close()
	out := map[string]int{}
	for _, table := range tables {
		cols, err := db.Query("SELECT name FROM pragma_table_info(?)", table)
		if err != nil {
			t.Fatal(err)
		}
		var conds []string
		for cols.Next() {
			var c string
			_ = cols.Scan(&c)
			if q, ok := parents[c]; ok {
				conds = append(conds, c+" IN ("+q+")")
			}
		}
		_ = cols.Close()
		if table == "citizens" {
			conds = append(conds, "id = "+itoa(int(citizenID)))
		}
		if table == "courses" {
			conds = append(conds, "id IN ("+ids+")")
		}
		if len(conds) == 0 {
			continue
		}
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table + " WHERE " + strings.Join(conds, " OR ")).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func TestDeleteCitizenData(t *testing.T) {
	f := newDataFixture(t)
	st := f.d.Store
	other := f.course(t, f.worker.ID, "Bo Berg") // another citizen, who keeps everything
	if _, err := NewNoteService(asWorker(f.d, f.worker)).SaveNote(NoteInput{CourseID: other.ID, OccurredAt: "2026-11-02T10:00", Location: "home",
		Kind: "visit", Text: "Bo fik hjælp til at åbne sin post."}); err != nil {
		t.Fatal(err)
	}
	courseIDs := []uint{f.closed.ID, f.active.ID}

	preview, err := f.svc.DeletionPreview(CitizenIDInput{CitizenID: f.citizen.ID})
	if err != nil {
		t.Fatal(err)
	}
	if preview.Allowed || preview.OpenCourses != 1 || preview.Courses != 2 || preview.Name != f.citizen.Name || preview.AuditEntries == 0 {
		t.Fatalf("preview = %+v", preview)
	}
	counts := map[string]int{}
	for _, c := range preview.Counts {
		counts[c.Kind] = c.Rows
	}
	if counts["notes"] != 7 || counts["plan_versions"] != 1 || counts["subgoals"] != 5 || counts["closings"] != 1 {
		t.Errorf("counts = %v", counts)
	}

	t.Run("refused while a course is open", func(t *testing.T) {
		before := rowsOf(t, st, f.citizen.ID, courseIDs)
		_, err := f.svc.DeleteCitizen(DeleteCitizenInput{CitizenID: f.citizen.ID, ConfirmName: f.citizen.Name})
		de := wantCode(t, err, domain.CodeRetentionCourseOpen)
		if de.Params["open"] != "1" {
			t.Errorf("params = %v", de.Params)
		}
		if after := rowsOf(t, st, f.citizen.ID, courseIDs); after["notes"] != before["notes"] || after["citizens"] != 1 {
			t.Errorf("rows after a refused deletion: %v", after)
		}
	})
	if _, err := NewFollowUpService(f.d).CloseCourse(CloseCourseInput{CourseID: f.active.ID, EndDate: "2026-11-30",
		Reason: "goals_reached", AfterSupport: "cti", HousingAtClose: "own"}); err != nil {
		t.Fatal(err)
	}

	t.Run("team lead only", func(t *testing.T) {
		as := f.d
		as.As = &Actor{WorkerID: f.worker.ID, Name: f.worker.Name, Role: domain.RoleICMWorker}
		svc := NewCitizenDataService(as, f.desk)
		_, err := svc.DeleteCitizen(DeleteCitizenInput{CitizenID: f.citizen.ID, ConfirmName: f.citizen.Name})
		wantCode(t, err, domain.CodeForbidden)
		_, err = svc.DeletionPreview(CitizenIDInput{CitizenID: f.citizen.ID})
		wantCode(t, err, domain.CodeForbidden)
	})
	t.Run("the name must be typed", func(t *testing.T) {
		for _, typed := range []string{"", "Åse", "Åse Ærø Lukasz"} {
			_, err := f.svc.DeleteCitizen(DeleteCitizenInput{CitizenID: f.citizen.ID, ConfirmName: typed})
			wantField(t, err, "confirmName", domain.CodeNameMismatch)
		}
	})

	auditBefore := auditCount(t, st, store.FindAudit{CitizenID: f.citizen.ID})
	if err := st.QuickCheck(t.Context()); err != nil {
		t.Fatal(err)
	}
	dbFile := st.Path()
	db, err := st.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if !fileContains(t, dbFile, "Zylofonvej") {
		t.Fatal("the marker is not in the database file before the deletion: the check below would prove nothing")
	}
	// Plans opened for printing wait in the print folder; the citizen's go with their data.
	prints := printfiles.New(t.TempDir())
	withPrints := f.d
	withPrints.Prints = prints
	mine, _ := prints.Write(f.citizen.ID, f.active.ID, testNow, []byte("%PDF"))
	others, _ := prints.Write(other.CitizenID, other.ID, testNow, []byte("%PDF"))
	res, err := NewCitizenDataService(withPrints, f.desk).DeleteCitizen(DeleteCitizenInput{CitizenID: f.citizen.ID, ConfirmName: "  åse ærø  ŁUKASZ "})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mine); !os.IsNotExist(err) {
		t.Errorf("the deleted citizen's print file is still there: %v", err)
	}
	if _, err := os.Stat(others); err != nil {
		t.Errorf("another citizen's print file went too: %v", err)
	}
	if res.AuditEntriesKept != auditBefore {
		t.Errorf("kept %d audit entries, want %d", res.AuditEntriesKept, auditBefore)
	}
	for table, n := range rowsOf(t, st, f.citizen.ID, courseIDs) {
		if table == "audit_log" {
			if n != auditBefore+1 {
				t.Errorf("audit_log has %d entries about the citizen, want the %d before and the deletion's", n, auditBefore)
			}
			continue
		}
		if n != 0 {
			t.Errorf("%s still has %d rows of the deleted citizen", table, n)
		}
	}
	if left := rowsOf(t, st, 0, []uint{other.ID}); left["courses"] != 1 || left["notes"] != 1 {
		t.Errorf("the other citizen's rows: %v", left)
	}
	del, err := st.ListAudit(t.Context(), store.FindAudit{CitizenID: f.citizen.ID, Action: AuditDelete})
	if err != nil || len(del) != 1 || del[0].Object != "citizen" || !strings.Contains(del[0].Detail, "notes=7") ||
		strings.Contains(del[0].Detail, "Åse") {
		t.Fatalf("deletion entry: %+v, %v", del, err)
	}
	if check, err := st.VerifyAudit(t.Context()); err != nil || check.BrokenAt != 0 {
		t.Fatalf("audit chain after the deletion: %+v, %v", check, err)
	}
	hits, err := NewNoteService(f.d).SearchNotes(NoteSearchInput{Query: "Zylofonvej"})
	if err != nil || len(hits) != 0 {
		t.Errorf("search still finds the deleted note: %v, %v", hits, err)
	}
	for _, s := range []string{"Zylofonvej", "zylofonvej", "Uenig i fristen for ADHD", "Ring om formiddagen"} {
		if fileContains(t, dbFile, s) || fileContains(t, dbFile+"-wal", s) {
			t.Errorf("%q is still in the database file after the deletion", s)
		}
	}
	_, err = f.svc.DeletionPreview(CitizenIDInput{CitizenID: f.citizen.ID})
	wantCode(t, err, domain.CodeNotFound)
}

func fileContains(t *testing.T, path, s string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(s))
}
