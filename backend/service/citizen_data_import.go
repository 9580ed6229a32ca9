package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"icm/backend/citizenexport"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/store"
)

// importLifetime is how long a previewed import waits for its confirmation.
const importLifetime = 30 * time.Minute

// pendingImport is a handover file that has been opened and checked, kept in memory (never
// on disk) until the user confirms or another file is previewed.
type pendingImport struct {
	token    string
	workerID uint // who previewed it; only they may confirm
	at       time.Time
	doc      *citizenexport.Document
}

// ChooseHandoverFile asks for the handover file to import.
func (s *CitizenDataService) ChooseHandoverFile() (HandoverFileDTO, error) {
	if _, err := s.ready(); err != nil {
		return HandoverFileDTO{}, err
	}
	path, err := s.desktop.OpenHandoverPath("Vælg en overdragelsesfil")
	if err != nil {
		return HandoverFileDTO{}, domain.Wrap(domain.CodeDialogFailed, "open dialog", err)
	}
	if path == "" {
		return HandoverFileDTO{Cancelled: true}, nil
	}
	return HandoverFileDTO{Path: path, Name: filepath.Base(path)}, nil
}

// limitWriter holds at most max bytes and refuses more.
type limitWriter struct {
	buf bytes.Buffer
	max int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.max {
		return 0, domain.E(domain.CodeFileTooLarge, "handover too large").With("max", strconv.Itoa(w.max>>20))
	}
	return w.buf.Write(p)
}

// PreviewImport opens a handover file with its passphrase, checks every value in it as
// typed input is checked, and shows what an import would add and what conflicts with the
// data here. Nothing is written; the checked content waits in memory for ConfirmImport.
func (s *CitizenDataService) PreviewImport(in PreviewImportInput) (ImportPreviewDTO, error) {
	st, err := s.ready()
	if err != nil {
		return ImportPreviewDTO{}, err
	}
	a, _ := s.actor()
	f, err := os.Open(in.Path)
	if err != nil {
		return ImportPreviewDTO{}, domain.Wrap(domain.CodeNotFound, "open handover file", err)
	}
	defer f.Close()
	plain := &limitWriter{max: citizenexport.MaxFileBytes}
	if _, err := crypt.Open(plain, f, in.Passphrase, crypt.KindHandover, nil); err != nil {
		return ImportPreviewDTO{}, err
	}
	doc, err := citizenexport.Decode(plain.buf.Bytes(), s.now())
	if err != nil {
		return ImportPreviewDTO{}, err
	}
	out, err := s.preview(st, doc, a)
	if domain.CodeOf(err) == domain.CodeImportNeedsLead {
		if aerr := s.audit(st, a, AuditSearch, "handover", out.Citizen.ExistingID, 0,
			"handover file of a citizen hidden from the worker"); aerr != nil {
			return ImportPreviewDTO{}, aerr
		}
		return ImportPreviewDTO{}, err
	}
	if err != nil {
		return ImportPreviewDTO{}, err
	}
	out.FileName = filepath.Base(in.Path)
	token := make([]byte, 16)
	if _, err := rand.Read(token); err != nil {
		return ImportPreviewDTO{}, domain.Wrap(domain.CodeInternal, "token", err)
	}
	out.Token = hex.EncodeToString(token)
	s.mu.Lock()
	s.pending = &pendingImport{token: out.Token, workerID: a.WorkerID, at: s.now(), doc: doc}
	s.mu.Unlock()
	return out, s.audit(st, a, AuditView, "handover", out.Citizen.ExistingID, 0, "courses="+itoa(len(doc.Courses)))
}

// hiddenHere refuses a handover of a citizen here whom the actor may not see: only a team
// lead (or the citizen's own worker) may import it, and the answer tells nothing about them.
func (s *CitizenDataService) hiddenHere(st *store.Store, a Actor, citizenID uint) error {
	err := s.citizenUse(st, a, citizenID, readAccess)
	if domain.CodeOf(err) == domain.CodeNoAccess {
		return domain.E(domain.CodeImportNeedsLead, "the file's citizen is here and hidden from the worker")
	}
	return err
}

// preview compares the file with the data here, as the actor may see it: a citizen here
// hidden from the actor is neither matched nor pointed out by name.
func (s *CitizenDataService) preview(st *store.Store, doc *citizenexport.Document, a Actor) (ImportPreviewDTO, error) {
	ctx := s.ctx()
	out := ImportPreviewDTO{Source: strings.Join(joinable(doc.Source.Municipality, doc.Source.Team), " · "),
		Citizen:   ImportCitizenDTO{Name: doc.Citizen.Name, CPRMasked: domain.MaskCPR(doc.Citizen.CPR)},
		Courses:   []ImportCourseDTO{},
		Conflicts: []ImportConflictDTO{}}
	if t, err := time.Parse(time.RFC3339Nano, doc.ExportedAt); err == nil {
		out.ExportedAt = t.Format(domain.DateLayout)
	}
	conflict := func(kind string, course int, blocking bool, kv ...string) {
		c := ImportConflictDTO{Kind: kind, CourseIndex: course, Blocking: blocking, Params: map[string]string{}}
		for i := 0; i+1 < len(kv); i += 2 {
			c.Params[kv[i]] = kv[i+1]
		}
		out.Conflicts = append(out.Conflicts, c)
		out.Blocked = out.Blocked || blocking
	}
	here, err := existingCitizen(ctx, st, doc.Citizen.CPR)
	if err != nil {
		return out, err
	}
	if here != nil {
		if err := s.hiddenHere(st, a, here.ID); err != nil {
			out.Citizen.ExistingID = here.ID // for the audit entry only; the DTO is not returned
			return out, err
		}
		out.Citizen.ExistingID, out.Citizen.ExistingName = here.ID, here.Name
		conflict(ConflictCitizenExists, -1, false, "name", here.Name)
		if here.CourseID != nil {
			conflict(ConflictCitizenOpen, -1, true, "name", here.Name)
		}
		if start, found, err := sameStart(ctx, st, here.ID, doc); err != nil {
			return out, err
		} else if found {
			conflict(ConflictCourseExists, -1, true, "start", start)
		}
	} else {
		rows, err := st.ListCitizens(ctx)
		if err != nil {
			return out, err
		}
		owners, err := st.WorkersByCitizen(ctx)
		if err != nil {
			return out, err
		}
		check := newAccessCheck(ctx, st, a)
		for _, r := range rows {
			if domain.FoldForSearch(r.Name) == domain.FoldForSearch(doc.Citizen.Name) &&
				check.may(owners[r.ID], readAccess) == nil {
				conflict(ConflictSameName, -1, false, "name", r.Name, "cprMasked", domain.MaskCPR(deref(r.CPR)))
				break
			}
		}
	}
	workers, err := st.ListWorkers(ctx, store.FindWorker{Active: ptr(true)})
	if err != nil {
		return out, err
	}
	open, err := st.OpenCourseCounts(ctx)
	if err != nil {
		return out, err
	}
	for i := range doc.Courses {
		c := &doc.Courses[i]
		dto := ImportCourseDTO{Index: i, Status: c.Status, StartDate: c.StartDate, EndDate: c.EndDate,
			WorkerName: c.Worker.Name, WorkerInitials: c.Worker.Initials, Counts: c.Counts()}
		w := matchWorker(workers, c.Worker)
		if w != nil {
			dto.SuggestedWorkerID = w.ID
			dto.WorkerFound = domain.FoldForSearch(w.Name) == domain.FoldForSearch(c.Worker.Name)
		}
		if !dto.WorkerFound {
			conflict(ConflictWorkerMissing, i, false, "worker", c.Worker.Name)
		}
		if w != nil && domain.CourseStatus(c.Status).Open() {
			max := domain.FTE(w.FTEHundredths).MaxCaseload()
			if open[w.ID]+1 > max {
				conflict(ConflictCaseloadFull, i, false, "worker", w.Name, "open", itoa(open[w.ID]), "max", itoa(max))
			}
		}
		out.Courses = append(out.Courses, dto)
	}
	return out, nil
}

// takePending returns the previewed import with this token, if it is the actor's and not
// too old.
func (s *CitizenDataService) takePending(token string, a Actor) (*pendingImport, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.pending
	if p == nil || token == "" || p.token != token || p.workerID != a.WorkerID || s.now().Sub(p.at) > importLifetime {
		return nil, domain.E(domain.CodeImportExpired, "no such previewed import")
	}
	return p, nil
}

// ConfirmImport writes a previewed import in one transaction: a new citizen (or, when the
// citizen is here already with the same CPR number and no open course, only new courses
// for them — their own details are never changed), each course given to the worker chosen
// here under the caseload rule. A conflict found again at this moment refuses the whole
// import and writes nothing. Every course's import is logged.
func (s *CitizenDataService) ConfirmImport(in ConfirmImportInput) (ImportResultDTO, error) {
	st, err := s.ready()
	if err != nil {
		return ImportResultDTO{}, err
	}
	a, _ := s.actor()
	p, err := s.takePending(in.Token, a)
	if err != nil {
		return ImportResultDTO{}, err
	}
	doc := p.doc
	choices, err := validChoices(in.Courses, len(doc.Courses))
	if err != nil {
		return ImportResultDTO{}, err
	}
	var out ImportResultDTO
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		ctx := s.ctx()
		here, err := existingCitizen(ctx, tx, doc.Citizen.CPR)
		if err != nil {
			return err
		}
		target := citizenexport.Target{Now: s.now()}
		if here != nil {
			if err := s.hiddenHere(tx, a, here.ID); err != nil {
				return err
			}
			if here.CourseID != nil {
				return domain.E(domain.CodeImportCitizenOpen, "the citizen here has an open course")
			}
			if start, found, err := sameStart(ctx, tx, here.ID, doc); err != nil {
				return err
			} else if found {
				return domain.E(domain.CodeImportCourseExists, "the citizen here has a course with that start").With("start", start)
			}
			target.CitizenID, out.Existing = here.ID, true
		}
		team, err := tx.GetTeam(ctx)
		if err != nil {
			return err
		}
		target.TeamID = team.ID
		if target.LeadID, err = standInLead(ctx, tx, a); err != nil {
			return err
		}
		// The notes' authors: the workers here by name, else the importing worker.
		if target.Workers, err = tx.ListWorkers(ctx, store.FindWorker{}); err != nil {
			return err
		}
		target.ImporterID = a.WorkerID
		courses := &CourseService{s.base}
		target.Assign = func(c *store.Course, i int) error {
			ch := choices[i]
			if domain.CourseStatus(c.Status).Open() {
				return courses.assignWorker(ctx, tx, c, ch.WorkerID, ch.OverrideReason, a)
			}
			if _, err := tx.GetWorker(ctx, ch.WorkerID); err != nil {
				return choiceErr(i, domain.CodeInvalidChoice)
			}
			c.WorkerID = ch.WorkerID // a closed course is a record: the caseload rule is about open ones
			return nil
		}
		imported, err := citizenexport.Apply(ctx, tx, doc, target)
		if err != nil {
			return err
		}
		out.CitizenID, out.CourseIDs = imported.CitizenID, imported.CourseIDs
		entries := []store.AuditEntry{}
		if !out.Existing {
			entries = append(entries, auditEntry(a, AuditImport, "citizen", out.CitizenID, 0, "handover"))
		}
		for i, id := range out.CourseIDs {
			n := doc.Courses[i].Counts()
			entries = append(entries, auditEntry(a, AuditImport, "handover", out.CitizenID, id,
				"notes="+itoa(n.Notes)+" goals="+itoa(n.Goals)+" evaluations="+itoa(n.Evaluations)+" plan_versions="+itoa(n.PlanVersions)))
		}
		return tx.AppendAudit(ctx, s.now(), entries...)
	})
	if err != nil {
		return ImportResultDTO{}, err
	}
	s.mu.Lock()
	if s.pending == p {
		s.pending = nil
	}
	s.mu.Unlock()
	return out, nil
}

// validChoices checks that every course of the file has a worker chosen, once.
func validChoices(in []ImportCourseChoice, courses int) ([]ImportCourseChoice, error) {
	var p domain.Problems
	out := make([]ImportCourseChoice, courses)
	seen := make([]bool, courses)
	for i, c := range in {
		f := "courses." + itoa(i) + "."
		if c.Index < 0 || c.Index >= courses || seen[c.Index] {
			p.Add(f+"index", domain.CodeInvalidChoice)
			continue
		}
		seen[c.Index] = true
		c.OverrideReason = domain.CleanText(&p, f+"overrideReason", c.OverrideReason, 2000, false)
		out[c.Index] = c
	}
	for i := range out {
		if !seen[i] || out[i].WorkerID == 0 {
			p.Add("courses."+itoa(i)+".workerId", domain.CodeRequired)
		}
	}
	return out, p.Err()
}

func choiceErr(i int, code domain.Code) error {
	var p domain.Problems
	p.Add("courses."+itoa(i)+".workerId", code)
	return p.Err()
}

// standInLead is the team lead here whom an imported signed version's approval points at:
// the actor when a team lead, else the first active team lead.
func standInLead(ctx context.Context, tx *store.Store, a Actor) (uint, error) {
	if a.IsLead() && a.WorkerID != 0 {
		return a.WorkerID, nil
	}
	role := string(domain.RoleTeamLead)
	leads, err := tx.ListWorkers(ctx, store.FindWorker{Role: &role})
	if err != nil {
		return 0, err
	}
	for _, l := range leads {
		if l.Active {
			return l.ID, nil
		}
	}
	if len(leads) > 0 {
		return leads[0].ID, nil
	}
	return 0, domain.E(domain.CodeInternal, "no team lead")
}
