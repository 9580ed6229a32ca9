package service

import (
	"context"
	"strings"
	"testing"

	"icm/backend/auditanchor"
	"icm/backend/domain"
	"icm/backend/pdf"
	"icm/backend/store"
)

// rewriteChain does what someone with the file and a SQLite tool could: drop the triggers,
// edit an entry, recompute every hash from there on, move the checkpoint in the database to
// the new head and put the triggers back. The chain then holds together again.
func rewriteChain(t *testing.T, f *signedIn, id uint) {
	t.Helper()
	db := rawDB(t, f.path)
	var triggers []struct{ Name, SQL string }
	if err := db.Raw(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).Scan(&triggers).Error; err != nil {
		t.Fatal(err)
	}
	for _, tr := range triggers {
		if err := db.Exec(`DROP TRIGGER ` + tr.Name).Error; err != nil {
			t.Fatal(err)
		}
	}
	var rows []store.AuditEntry
	if err := db.Order("id").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	prev := ""
	for i := range rows {
		e := &rows[i]
		if e.ID == id {
			e.WorkerName = "Nogen Andre"
		}
		if e.ID >= id {
			e.PrevHash = prev
			e.Hash = store.AuditHash(e)
			if err := db.Save(e).Error; err != nil {
				t.Fatal(err)
			}
		}
		prev = e.Hash
	}
	last := rows[len(rows)-1]
	cp := readCheckpoint(context.Background(), f.d.Store)
	cp.ID, cp.Hash = last.ID, last.Hash
	if err := db.Exec(`UPDATE settings SET value = ? WHERE key = ?`, cp.String(), SettingChainCheckpoint).Error; err != nil {
		t.Fatal(err)
	}
	for _, tr := range triggers {
		if err := db.Exec(tr.SQL).Error; err != nil {
			t.Fatal(err)
		}
	}
	if res, err := f.d.Store.VerifyAudit(context.Background()); err != nil || res.BrokenAt != 0 {
		t.Fatalf("the rewritten chain should hold together: %+v, %v", res, err)
	}
}

// A chain rewritten inside the file (edited and rehashed, the checkpoint moved along) holds
// together, but no longer matches the anchor kept outside the database: the check at start
// raises the alarm, and keeps raising it.
func TestAuditRewrittenChainIsFoundByTheAnchorOutsideTheFile(t *testing.T) {
	f := newSignedIn(t)
	appendViews(t, f, 10)
	first := startCheck(t, f)
	if !first.OK || first.Rewritten || first.HeadID == 0 || len(first.HeadHash) != 64 {
		t.Fatalf("first check = %+v", first)
	}
	anchors, err := auditanchor.For(f.path).Read()
	if err != nil || len(anchors) != 1 || anchors[0].ID != first.HeadID || anchors[0].Hash != first.HeadHash {
		t.Fatalf("journal after the first check = %+v, %v", anchors, err)
	}
	appendViews(t, f, 3)
	rewriteChain(t, f, 4)
	for i := 0; i < 2; i++ {
		c := startCheck(t, f)
		if c.OK || !c.Rewritten || c.AnchorID != first.HeadID || c.AnchorSource != "check" || c.BrokenAt != 0 {
			t.Fatalf("check %d after the rewrite = %+v, want the alarm at anchor %d", i, c, first.HeadID)
		}
	}
	// The team lead's full check says the same.
	v := mustFn[AuditCheckDTO](t)(f.audit.Verify())
	if v.OK || !v.Rewritten {
		t.Fatalf("the team lead's check = %+v", v)
	}
}

// The checkpoint inside the database no longer matching is an alarm in itself, not a quiet
// walk of the whole chain that then says all is well.
func TestAuditCheckpointMismatchIsAnAlarm(t *testing.T) {
	f := newSignedIn(t)
	appendViews(t, f, 6)
	startCheck(t, f)
	if err := removeJournal(f.path); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, f.path)
	cp := readCheckpoint(context.Background(), f.d.Store)
	rewriteChain(t, f, 2)
	// Put the old checkpoint back: the rewrite did not know of it.
	if err := db.Exec(`UPDATE settings SET value = ? WHERE key = ?`, cp.String(), SettingChainCheckpoint).Error; err != nil {
		t.Fatal(err)
	}
	c := startCheck(t, f)
	if c.OK || !c.Rewritten || c.AnchorSource != "checkpoint" || c.AnchorID != cp.ID {
		t.Fatalf("check = %+v, want the checkpoint's alarm", c)
	}
}

func removeJournal(dbPath string) error {
	return auditanchor.For(dbPath).Restart("gone", auditanchor.Anchor{})
}

// The exported log prints the chain's head; typed back later it matches, and after a
// rewrite that also removed the journal it no longer does, and the comparison is logged.
func TestAuditPrintedAnchorCanBeCheckedLater(t *testing.T) {
	f := newSignedIn(t)
	cit := mustFn[CitizenDTO](t)(f.citizens.SaveCitizen(CitizenInput{Name: "Åse Ærø", CPR: "0101901234"}))
	res := mustFn[ExportResultDTO](t)(f.audit.SaveCitizenPDF(IDInput{ID: cit.ID}))
	text := pdfText(t, res.Path)
	last := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{Limit: 1}))
	// The head printed is the one before the export's own entry.
	head := last.Entries[0].ID - 1
	hashes, err := f.d.Store.AuditHashes(context.Background(), []uint{head})
	if err != nil {
		t.Fatal(err)
	}
	label := pdf.HeadLabel(head, hashes[head])
	// The info block may wrap the groups onto several lines.
	for _, part := range strings.Fields(label) {
		if !strings.Contains(text, part) {
			t.Fatalf("the PDF lacks %q of the chain's head %q:\n%s", part, label, text)
		}
	}
	typed := strings.SplitN(label, " · ", 2)[1] // as a person types it back, in groups
	if c := mustFn[AnchorCheckDTO](t)(f.audit.CheckAnchor(AnchorInput{ID: head, Hash: strings.ToUpper(typed)})); !c.Matches {
		t.Fatalf("the printed anchor does not match: %+v", c)
	}
	_, err = f.audit.CheckAnchor(AnchorInput{ID: head, Hash: "abc"})
	wantField(t, err, "hash", domain.CodeInvalidInput)

	rewriteChain(t, f, 1)
	if err := removeJournal(f.path); err != nil { // the intruder found the journal too
		t.Fatal(err)
	}
	if c := startCheck(t, f); !c.OK {
		t.Fatalf("with the journal gone and the checkpoint moved, the file alone looks sound: %+v", c)
	}
	if c := mustFn[AnchorCheckDTO](t)(f.audit.CheckAnchor(AnchorInput{ID: head, Hash: typed})); c.Matches {
		t.Fatal("the printed anchor still matches after the rewrite")
	}
	// The comparison is on record in the log.
	p := mustFn[AuditPageDTO](t)(f.audit.List(AuditFilter{Action: AuditVerify, Limit: 1}))
	if len(p.Entries) != 1 || p.Entries[0].Detail != "anchor "+itoa(int(head))+" differs" {
		t.Fatalf("log of the comparison = %+v", p.Entries)
	}
}

// Only a team lead compares anchors.
func TestAuditCheckAnchorIsForTheTeamLead(t *testing.T) {
	f := newSignedIn(t)
	f.worker(t, "Jonas Holm", "JH", "jonas")
	f.signIn(t, "jonas", "første kode 123")
	_, err := f.audit.CheckAnchor(AnchorInput{ID: 1, Hash: strings.Repeat("a", 64)})
	if domain.CodeOf(err) != domain.CodeForbidden {
		t.Fatalf("a worker's anchor check: %v", err)
	}
}
