package teamsync_test

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamsync"
)

// fieldProblem says whether err names field with code.
func fieldProblem(err error, field string, code domain.Code) bool {
	var de *domain.Error
	if !errors.As(err, &de) {
		return false
	}
	for _, f := range de.Fields {
		if f.Field == field && f.Code == code {
			return true
		}
	}
	return false
}

// localIDOf is the row a laptop holds under another laptop's row's team-wide id.
func localIDOf(t *testing.T, from, to *laptop, table string, id uint) uint {
	t.Helper()
	var uid string
	from.st.Gorm().Raw(`SELECT uid FROM sync_ids WHERE tbl = ? AND row_id = ?`, table, id).Scan(&uid)
	var out uint
	to.st.Gorm().Raw(`SELECT row_id FROM sync_ids WHERE tbl = ? AND uid = ?`, table, uid).Scan(&out)
	if out == 0 {
		t.Fatalf("%s's %s %d is not on %s", from.name, table, id, to.name)
	}
	return out
}

// viewCitizen opens the worker's own citizen on their laptop: an entry in its audit log.
func viewCitizen(t *testing.T, l *laptop) uint {
	t.Helper()
	id := l.ownCitizen(t)
	must[service.CitizenDTO](t, "GetCitizen")(service.NewCitizenService(l.deps()).GetCitizen(service.IDInput{ID: id}))
	return id
}

// listAll reads every page of the lead's audit list for filter f, a page of size at a time.
func listAll(t *testing.T, as *service.AuditService, f service.AuditFilter, size int) []service.AuditEntryDTO {
	t.Helper()
	f.Limit = size
	var out []service.AuditEntryDTO
	for i := 0; i < 100; i++ {
		p := must[service.AuditPageDTO](t, "List")(as.List(f))
		out = append(out, p.Entries...)
		if !p.More {
			return out
		}
		f.Cursor = p.Next
	}
	t.Fatal("the list did not end in 100 pages")
	return nil
}

// TestTheLeadsAuditListShowsEveryLaptop: the workers' laptops log views of their citizens;
// once synced, the team lead's audit list shows them with the computer they were logged on
// and the citizen's name, the filters (computer, citizen, worker) work across laptops, pages
// neither repeat nor skip an entry, and a worker still may not read the log.
func TestTheLeadsAuditListShowsEveryLaptop(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 31}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	annaCitizen := viewCitizen(t, anna)
	viewCitizen(t, anna)
	viewCitizen(t, bo)
	tm.settle(t)
	as := service.NewAuditService(lead.deps(), nil)
	annaID, boID := anna.eng.LaptopID(), bo.eng.LaptopID()

	all := listAll(t, as, service.AuditFilter{Computer: service.ComputerAll}, 500)
	seen := map[string]int{}
	for i, e := range all {
		seen[e.Computer]++
		if i > 0 && all[i-1].Laptop == e.Laptop && e.Laptop != lead.eng.LaptopID() && all[i-1].ID < e.ID {
			t.Errorf("entries not newest first: %+v before %+v", all[i-1], e)
		}
		if e.Laptop == annaID && e.Action == "view" && e.Object == "citizen" && e.CitizenName != "Borger 1 Testesen" {
			t.Errorf("anna's view without the citizen's name: %+v", e)
		}
	}
	if seen["AA"] < 2 || seen["BO"] < 1 || seen["lead"] < 1 || seen[""] != 0 {
		t.Fatalf("entries by computer %v, want AA, BO and the lead's own, each named", seen)
	}
	paged := listAll(t, as, service.AuditFilter{Computer: service.ComputerAll}, 3)
	keys := map[string]bool{}
	for _, e := range paged {
		k := fmt.Sprint(e.Laptop, "/", e.ID)
		if keys[k] {
			t.Fatalf("entry %s on two pages", k)
		}
		keys[k] = true
	}
	for _, e := range all {
		if !keys[fmt.Sprint(e.Laptop, "/", e.ID)] {
			t.Fatalf("paging by 3 skipped %+v", e)
		}
	}

	citizen := localIDOf(t, anna, lead, "citizens", annaCitizen)
	annaWorker := localIDOf(t, anna, lead, "workers", anna.actor.WorkerID)
	cases := []struct {
		name    string
		f       service.AuditFilter
		want    func(e service.AuditEntryDTO) bool
		atLeast int
	}{
		{"one computer", service.AuditFilter{Computer: annaID},
			func(e service.AuditEntryDTO) bool { return e.Laptop == annaID && e.Computer == "AA" }, 2},
		{"citizen across computers", service.AuditFilter{Computer: service.ComputerAll, CitizenID: citizen},
			func(e service.AuditEntryDTO) bool { return e.CitizenID == citizen }, 2},
		{"worker across computers", service.AuditFilter{Computer: service.ComputerAll, WorkerID: annaWorker},
			func(e service.AuditEntryDTO) bool { return e.WorkerID == annaWorker && e.Laptop == annaID }, 2},
		{"action on another computer", service.AuditFilter{Computer: boID, Action: "view"},
			func(e service.AuditEntryDTO) bool { return e.Laptop == boID && e.Action == "view" }, 1},
		{"this computer", service.AuditFilter{Computer: service.ComputerThis},
			func(e service.AuditEntryDTO) bool { return e.Laptop == lead.eng.LaptopID() && e.Computer == "lead" }, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := listAll(t, as, c.f, 100)
			if len(got) < c.atLeast {
				t.Fatalf("%d entries, want at least %d", len(got), c.atLeast)
			}
			for _, e := range got {
				if !c.want(e) {
					t.Fatalf("entry does not match the filter: %+v", e)
				}
			}
		})
	}

	// The listing is logged on the lead's laptop, with the computer it was filtered by.
	if n := value(t, lead, `SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND object = 'audit_log' AND detail LIKE '%computer `+annaID+`%'`); n != "1" {
		t.Errorf("%s listings of anna's computer logged, want 1", n)
	}

	for _, f := range []service.AuditFilter{{Computer: service.ComputerAll}, {}} {
		_, err := service.NewAuditService(anna.deps(), nil).List(f)
		if domain.CodeOf(err) != domain.CodeForbidden {
			t.Errorf("a worker lists the log (%+v): %v", f, err)
		}
	}
	for _, bad := range []string{"f00d", strings.Repeat("0", 32)} {
		_, err := as.List(service.AuditFilter{Computer: bad})
		if !fieldProblem(err, "computer", domain.CodeInvalidChoice) {
			t.Errorf("computer %q: %v, want invalid_choice", bad, err)
		}
	}
	if _, err := as.List(service.AuditFilter{Computer: service.ComputerAll, Cursor: "x/y"}); !fieldProblem(err, "cursor", domain.CodeInvalidInput) {
		t.Errorf("a bad cursor: %v", err)
	}
}

// TestTheLeadSeesEveryLaptopsChainAndARewrittenNumber: the team check lists each other
// laptop's chain as held; a laptop that sends other content under a number it used is an
// alarm, and the lead can read both entries of that number side by side.
func TestTheLeadSeesEveryLaptopsChainAndARewrittenNumber(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 32}, "AA", "BO")
	lead, anna, bo := tm.laptops[0], tm.laptops[1], tm.laptops[2]
	viewCitizen(t, anna)
	viewCitizen(t, anna)
	viewCitizen(t, bo)
	tm.settle(t)
	as := service.NewAuditService(lead.deps(), nil)
	check := must[service.TeamAuditDTO](t, "CheckTeam")(as.CheckTeam())
	if !check.InTeam || !check.OK || len(check.Chains) != 2 {
		t.Fatalf("team check before: %+v", check)
	}
	for _, c := range check.Chains {
		if !c.OK || c.Entries < 1 || c.Last == 0 || c.LastAt == "" || (c.Computer != "AA" && c.Computer != "BO") {
			t.Errorf("chain before: %+v", c)
		}
	}
	if err := anna.eng.ReviewForgeAudit(t.Context(), []teamsync.ReviewAudit{{ID: 2, WorkerName: anna.actor.Name,
		Action: "view", Detail: "made up afterwards", PrevHash: strings.Repeat("1", 64), Hash: strings.Repeat("2", 64)}}); err != nil {
		t.Fatal(err)
	}
	tm.settle(t)
	check = must[service.TeamAuditDTO](t, "CheckTeam")(as.CheckTeam())
	if check.OK {
		t.Fatalf("a rewritten number is no alarm: %+v", check)
	}
	for _, c := range check.Chains {
		switch c.Laptop {
		case anna.eng.LaptopID():
			if c.OK || fmt.Sprint(c.Rewritten) != "[2]" || len(c.Broken) != 0 {
				t.Errorf("anna's chain: %+v", c)
			}
		default:
			if !c.OK {
				t.Errorf("bo's chain: %+v", c)
			}
		}
	}
	if n := value(t, lead, `SELECT COUNT(*) FROM audit_log WHERE action = 'verify' AND detail LIKE '%rewritten 1%'`); n != "1" {
		t.Errorf("%s alarms logged, want 1", n)
	}
	pairs := must[[]service.RewrittenPairDTO](t, "RewrittenEntries")(as.RewrittenEntries(service.AuditLaptopInput{Laptop: anna.eng.LaptopID()}))
	if len(pairs) != 1 || pairs[0].Number != 2 || pairs[0].Held.ID != 2 || pairs[0].Held.Detail == "made up afterwards" ||
		pairs[0].Rewritten.Detail != "made up afterwards" || pairs[0].Rewritten.Computer != "AA" {
		t.Fatalf("rewritten pairs: %+v", pairs)
	}
	// The rewritten entry is not listed as one of anna's entries.
	for _, e := range listAll(t, as, service.AuditFilter{Computer: anna.eng.LaptopID()}, 100) {
		if e.Detail == "made up afterwards" {
			t.Fatalf("the rewritten entry is listed as held: %+v", e)
		}
	}
	if _, err := service.NewAuditService(anna.deps(), nil).CheckTeam(); domain.CodeOf(err) != domain.CodeForbidden {
		t.Errorf("a worker checks the team's logs: %v", err)
	}
	if _, err := as.RewrittenEntries(service.AuditLaptopInput{Laptop: lead.eng.LaptopID()}); !fieldProblem(err, "laptop", domain.CodeInvalidChoice) {
		t.Errorf("rewritten entries of this laptop: %v", err)
	}
}

// pdfDesktop saves every document to one path and opens nothing.
type pdfDesktop struct{ path string }

func (d pdfDesktop) SavePath(string, string) (string, error) { return d.path, nil }
func (d pdfDesktop) Open(string) error                       { return nil }

// TestTheCitizensAuditPDFHoldsEveryLaptopsEntries: the audit PDF of a citizen, saved on the
// lead's laptop, lists the views logged on the worker's laptop with the computer named.
func TestTheCitizensAuditPDFHoldsEveryLaptopsEntries(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	tm := newTeam(t, faulty.Options{Seed: 33}, "AA")
	lead, anna := tm.laptops[0], tm.laptops[1]
	citizen := localIDOf(t, anna, lead, "citizens", viewCitizen(t, anna))
	tm.settle(t)
	path := filepath.Join(t.TempDir(), "log.pdf")
	as := service.NewAuditService(lead.deps(), pdfDesktop{path})
	must[service.ExportResultDTO](t, "SaveCitizenPDF")(as.SaveCitizenPDF(service.IDInput{ID: citizen}))
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Borger 1 Testesen", "Computer", "Øvrige computeres log", "Medarbejder AA"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	var annaRow bool
	for _, line := range strings.Split(text, "\n") {
		annaRow = annaRow || (strings.Contains(line, "Medarbejder AA") && strings.Contains(line, " AA ") && strings.Contains(line, "så"))
	}
	if !annaRow {
		t.Errorf("no row of anna's view with her computer:\n%s", text)
	}
}
