package cli

import (
	"context"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"icm/backend/service"
	"icm/backend/store"
)

// thisOperator is who runs the tests and where, as the operating system says it.
func thisOperator(t *testing.T) (username, host string) {
	t.Helper()
	u, err := user.Current()
	if err != nil || u.Username == "" {
		t.Skip("the operating system does not name this user:", err)
	}
	host, err = os.Hostname()
	if err != nil || host == "" {
		t.Skip("the operating system does not name this computer:", err)
	}
	return u.Username, host
}

// auditSince lists the audit entries after id, oldest first.
func auditSince(t *testing.T, db string, id uint) []store.AuditEntry {
	t.Helper()
	var out []store.AuditEntry
	withDB(t, db, func(st *store.Store) {
		es, err := st.ListAudit(context.Background(), store.FindAudit{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for i := len(es) - 1; i >= 0; i-- {
			if es[i].ID > id {
				out = append(out, es[i])
			}
		}
	})
	return out
}

func lastAuditID(t *testing.T, db string) uint {
	t.Helper()
	var id uint
	withDB(t, db, func(st *store.Store) {
		es, err := st.ListAudit(context.Background(), store.FindAudit{Limit: 1})
		if err != nil || len(es) != 1 {
			t.Fatalf("audit log: %v %v", es, err)
		}
		id = es[0].ID
	})
	return id
}

// The audit entries of the headless commands name the operating system's user and the
// computer that ran them, in the worker column the audit screen and its PDF show; the
// entries' details stay as the window writes them.
func TestHeadlessCommandsNameTheOperatorInTheAuditLog(t *testing.T) {
	cheapCosts(t)
	username, host := thisOperator(t)
	want := "Kommandolinje (IT): " + username + "@" + host
	db := demoDB(t)
	env := map[string]string{envBackupPassphrase: cliPass}
	file := filepath.Join(t.TempDir(), "nat")
	var course string
	withDB(t, db, func(st *store.Store) {
		list, err := service.NewCitizenService(service.Deps{Store: st}).ListCitizens(service.CitizenListInput{Query: "Dennis"})
		if err != nil || len(list) != 1 {
			t.Fatalf("demo citizen: %v %v", list, err)
		}
		course = strconv.FormatUint(uint64(list[0].CourseID), 10)
	})

	// newest is the newest entry of a database file.
	newest := func(t *testing.T, path string) []store.AuditEntry {
		es := auditSince(t, path, 0)
		return es[len(es)-1:]
	}
	var before uint
	cases := []struct {
		name    string
		args    []string
		entries func(t *testing.T) []store.AuditEntry // what the command wrote
		actions []string
	}{
		{"export-plan", []string{"icm", "-db", db, "-export-plan", course, "-out", filepath.Join(t.TempDir(), "plan")},
			func(t *testing.T) []store.AuditEntry { return auditSince(t, db, before) }, []string{service.AuditExport}},
		{"backup", []string{"icm", "backup", "-db", db, "-out", file},
			func(t *testing.T) []store.AuditEntry { return auditSince(t, db, before) }, []string{service.AuditBackup}},
		// Staged in the log of the database that is then kept aside, and applied in the
		// restored one's, whose log is the backup's with the restore after it.
		{"restore", []string{"icm", "restore", "-db", db, "-in", file + service.BackupExtension},
			func(t *testing.T) []store.AuditEntry {
				kept, err := filepath.Glob(db + ".before-restore-*")
				if err != nil || len(kept) != 1 {
					t.Fatalf("the database before the restore: %v %v", kept, err)
				}
				return append(newest(t, kept[0]), newest(t, db)...)
			}, []string{service.AuditRestore, service.AuditRestore}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before = lastAuditID(t, db)
			io, _, stderr := testIO(env)
			if _, code, done := run(c.args, io); code != 0 || !done {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := c.entries(t)
			if len(got) != len(c.actions) {
				t.Fatalf("%d new audit entries, want %d: %+v", len(got), len(c.actions), got)
			}
			for i, e := range got {
				if e.Action != c.actions[i] || e.WorkerName != want || e.WorkerID != 0 {
					t.Errorf("entry %d: %s by %q (worker %d), want %s by %q", i, e.Action, e.WorkerName, e.WorkerID, c.actions[i], want)
				}
				if strings.Contains(e.Detail, username) || strings.Contains(e.Detail, "Dennis") {
					t.Errorf("entry %d: the detail %q names a person", i, e.Detail)
				}
			}
		})
	}

	// The audit screen lists the name as it is stored, and the citizen's audit PDF prints it
	// (the export's entry, which the backup holds and the restore brought back).
	t.Run("shown", func(t *testing.T) {
		withDB(t, db, func(st *store.Store) {
			pdfPath := filepath.Join(t.TempDir(), "audit.pdf")
			audit := service.NewAuditService(service.Deps{Store: st}, fileDesktop{path: pdfPath})
			page, err := audit.List(service.AuditFilter{Action: service.AuditExport, Limit: 1})
			if err != nil || len(page.Entries) != 1 || page.Entries[0].WorkerName != want {
				t.Fatalf("audit screen %+v %v", page.Entries, err)
			}
			if _, err := audit.SaveCitizenPDF(service.IDInput{ID: page.Entries[0].CitizenID}); err != nil {
				t.Fatal(err)
			}
			if _, err := exec.LookPath("pdftotext"); err != nil {
				t.Skip("pdftotext is not installed")
			}
			text, err := exec.Command("pdftotext", "-raw", pdfPath, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), want) {
				t.Fatalf("the audit PDF does not name %q:\n%s", want, text)
			}
		})
	})

	t.Run("demo", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "icm.db")
		io, _, stderr := testIO(nil)
		if _, code, _ := run([]string{"icm", "-db", db, "-demo"}, io); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		es := auditSince(t, db, 0)
		if len(es) == 0 {
			t.Fatal("the demo wrote no audit entries")
		}
		// Where a record needs a person (a note's author, the team lead who approves an
		// override), the demo acts as its fictional workers; everything else names the
		// operator who loaded it.
		byOperator := 0
		for _, e := range es {
			switch {
			case e.WorkerName == "Demodata: "+username+"@"+host:
				byOperator++
			case e.WorkerID != 0 && (e.Object == "note" || e.Object == "course"):
			default:
				t.Fatalf("demo entry %s %s by %q", e.Action, e.Object, e.WorkerName)
			}
		}
		if byOperator == 0 {
			t.Fatal("no demo entry names the operator")
		}
	})
}
