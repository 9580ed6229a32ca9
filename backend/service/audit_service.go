package service

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"icm/backend/auditanchor"
	"icm/backend/domain"
	"icm/backend/store"
)

// AuditCheckDTO is the outcome of the last check of the audit log's hash chain.
type AuditCheckDTO struct {
	Checked   bool   `json:"checked"`
	OK        bool   `json:"ok"`
	Entries   int    `json:"entries"` // entries in the chain up to the last sound one
	BrokenAt  uint   `json:"brokenAt"`
	CheckedAt string `json:"checkedAt"` // dd.mm.åååå tt:mm
	// Full is false when only the entries after the last check's checkpoint were walked
	// (the check at start); NewEntries is how many that was, FullAt when the whole chain was
	// last walked.
	Full       bool   `json:"full"`
	NewEntries int    `json:"newEntries"`
	FullAt     string `json:"fullAt"` // dd.mm.åååå tt:mm
	// Rewritten is set when the chain no longer matches a point of it seen before (the last
	// check's checkpoint, or an anchor kept outside the database: the anchor journal, a
	// backup, a printed log). Such a chain may hold together and still have been rewritten.
	Rewritten    bool   `json:"rewritten"`
	AnchorID     uint   `json:"anchorId"`
	AnchorSource string `json:"anchorSource"` // checkpoint, check, backup, pdf, printed, restore
	AnchorAt     string `json:"anchorAt"`     // dd.mm.åååå tt:mm
	// HeadID and HeadHash are the chain's last sound entry: the point a team lead can note
	// down or print and compare later.
	HeadID   uint   `json:"headId"`
	HeadHash string `json:"headHash"`
}

// AuditFilter picks entries of the audit log; empty fields do not filter.
type AuditFilter struct {
	CitizenID uint   `json:"citizenId"`
	WorkerID  uint   `json:"workerId"`
	Action    string `json:"action"`
	From      string `json:"from"` // yyyy-mm-dd
	To        string `json:"to"`
	Before    uint   `json:"before"` // the next page of this laptop's log: entries older than this id
	Limit     int    `json:"limit"`  // 1 to 500, default 100
	// Computer is whose entries: "" or "this" for this laptop's own log, "all" for every
	// laptop of the team, or one other laptop's id (AuditPageDTO.Computers).
	Computer string `json:"computer"`
	// Cursor is the next page of a listing across computers (AuditPageDTO.Next).
	Cursor string `json:"cursor"`
}

// AuditEntryDTO is one entry as the team lead reads it.
type AuditEntryDTO struct {
	ID          uint   `json:"id"`
	At          string `json:"at"` // dd.mm.åååå tt:mm:ss, local time
	WorkerID    uint   `json:"workerId"`
	WorkerName  string `json:"workerName"`
	Action      string `json:"action"`
	Object      string `json:"object"`
	CitizenID   uint   `json:"citizenId"`
	CitizenName string `json:"citizenName"` // empty when the citizen's data has been deleted
	CourseID    uint   `json:"courseId"`
	Detail      string `json:"detail"`
	// Laptop is the id of the computer the entry was logged on ("" on a laptop in no team);
	// Computer its label from the team's roster ("" when none was given).
	Laptop   string `json:"laptop"`
	Computer string `json:"computer"`
}

// AuditPageDTO is a page of entries, newest first.
type AuditPageDTO struct {
	Entries []AuditEntryDTO `json:"entries"`
	More    bool            `json:"more"`
	Actions []string        `json:"actions"`
	// Next is the Cursor of the next page of a listing across computers ("" for this
	// laptop's own log, which pages with Before).
	Next string `json:"next"`
	// Computers are the team's laptops, this one first (empty on a laptop in no team).
	Computers []AuditComputerDTO `json:"computers"`
}

// AuditService shows the log of who used which citizen's data, and checks that it is intact.
type AuditService struct {
	base
	desktop  Desktop
	mu       sync.Mutex
	last     AuditCheckDTO
	checking sync.Mutex
}

// NewAuditService builds the service; desktop asks where to save the PDF.
func NewAuditService(d Deps, desktop Desktop) *AuditService {
	return &AuditService{base: base{d}, desktop: desktop}
}

func (s *AuditService) lastCheck() AuditCheckDTO {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// CheckChainAtStart checks the chain at start, in the background: the entries written since
// the last check, and the whole chain when it was last walked more than fullCheckEvery ago
// or the checkpoint no longer matches. AuthService.Status reports the outcome. (A function,
// not a method: the UI has no call that walks the chain before sign-in.)
func CheckChainAtStart(ctx context.Context, s *AuditService) (AuditCheckDTO, error) {
	return s.checkChain(ctx, false)
}

// fullCheckEvery is how often the check at start walks the whole chain rather than the
// entries after the checkpoint, so that a change to an old entry is found within a month
// even if no team lead asks for a check.
const fullCheckEvery = 30 * 24 * time.Hour

// SettingChainCheckpoint keeps the last entry a check found sound: "id:hash:unix time of
// the last walk of the whole chain".
const SettingChainCheckpoint = "audit_checkpoint"

type auditCheckpoint struct {
	ID     uint
	Hash   string
	FullAt time.Time
}

func readCheckpoint(ctx context.Context, st *store.Store) auditCheckpoint {
	v, err := st.GetSetting(ctx, SettingChainCheckpoint, "")
	if err != nil {
		return auditCheckpoint{}
	}
	parts := strings.Split(v, ":")
	if len(parts) != 3 {
		return auditCheckpoint{}
	}
	id, err1 := strconv.ParseUint(parts[0], 10, 63)
	at, err2 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || id == 0 || len(parts[1]) != 64 {
		return auditCheckpoint{} // unreadable: the whole chain is walked and it is written anew
	}
	return auditCheckpoint{ID: uint(id), Hash: parts[1], FullAt: time.Unix(at, 0)}
}

func (c auditCheckpoint) String() string {
	return strconv.FormatUint(uint64(c.ID), 10) + ":" + c.Hash + ":" + strconv.FormatInt(c.FullAt.Unix(), 10)
}

// checkChain walks the chain (all of it when full, or when the checkpoint is missing, stale
// or does not match) and keeps the outcome for Status; a sound chain moves the checkpoint.
func (s *AuditService) checkChain(ctx context.Context, full bool) (AuditCheckDTO, error) {
	st, err := s.open()
	if err != nil {
		return AuditCheckDTO{}, err
	}
	s.checking.Lock() // one walk at a time: a team lead's check waits for the one at start
	defer s.checking.Unlock()
	now := s.now()
	cp := readCheckpoint(ctx, st)
	// Every known point of the chain is compared first: the checkpoint in the database and
	// the anchors kept outside it. One that no longer matches is an alarm, even when the
	// chain as it stands holds together (it may have been rehashed after an edit).
	mismatch, err := compareAnchors(ctx, st, cp)
	if err != nil {
		return AuditCheckDTO{}, err
	}
	var res store.AuditCheck
	walkedAll := true
	if !full && mismatch == nil && cp.ID > 0 && now.Sub(cp.FullAt) < fullCheckEvery {
		var ok bool
		if res, ok, err = st.VerifyAuditFrom(ctx, cp.ID, cp.Hash); err != nil {
			return AuditCheckDTO{}, err
		}
		walkedAll = !ok
	}
	if walkedAll {
		if res, err = st.VerifyAudit(ctx); err != nil {
			return AuditCheckDTO{}, err
		}
	}
	out := AuditCheckDTO{Checked: true, OK: res.BrokenAt == 0 && mismatch == nil, Entries: int(res.LastID),
		BrokenAt: res.BrokenAt, CheckedAt: stampOf(now), Full: walkedAll, HeadID: res.LastID, HeadHash: res.LastHash}
	if mismatch != nil {
		out.Rewritten, out.AnchorID, out.AnchorSource = true, mismatch.ID, mismatch.Source
		if !mismatch.At.IsZero() {
			out.AnchorAt = stampOf(mismatch.At)
		}
	}
	fullAt := cp.FullAt
	if walkedAll {
		fullAt = now
	} else {
		out.NewEntries = res.Entries
	}
	out.FullAt = stampOf(fullAt)
	if out.OK && res.LastID > 0 {
		next := auditCheckpoint{ID: res.LastID, Hash: res.LastHash, FullAt: fullAt}
		if err := st.SetSetting(ctx, SettingChainCheckpoint, next.String()); err != nil {
			return AuditCheckDTO{}, err
		}
		keepAnchor(st, auditanchor.Anchor{ID: res.LastID, Hash: res.LastHash, At: now, Source: "check"})
	}
	s.mu.Lock()
	s.last = out
	s.mu.Unlock()
	return out, nil
}

// Verify checks the chain on a team lead's request and logs that it was checked.
func (s *AuditService) Verify() (AuditCheckDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return AuditCheckDTO{}, err
	}
	out, err := s.checkChain(s.ctx(), true)
	if err != nil {
		return out, err
	}
	detail := "intact"
	if !out.OK {
		detail = "broken at entry " + itoa(int(out.BrokenAt))
	}
	return out, s.audit(st, a, AuditVerify, "audit_log", 0, 0, detail)
}

// List returns a page of the audit log for the team lead. Reading the log is logged too,
// with the citizen it was filtered by: the entries about a citizen are their data.
func (s *AuditService) List(in AuditFilter) (AuditPageDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return AuditPageDTO{}, err
	}
	var p domain.Problems
	from := domain.ParseDate(&p, "from", in.From, false, domain.MinCourseDate, time.Time{})
	to := domain.ParseDate(&p, "to", in.To, false, domain.MinCourseDate, time.Time{})
	action := domain.OneOf(&p, "action", in.Action, AuditActions, false)
	limit := in.Limit
	if limit == 0 {
		limit = 100
	}
	if limit < 1 || limit > 500 {
		p.Add("limit", domain.CodeOutOfRange, "min", "1", "max", "500")
	}
	if from != nil && to != nil && to.Before(*from) {
		p.Add("to", domain.CodeDateOrder)
	}
	ctx := s.ctx()
	cl, err := teamComputers(ctx, st)
	if err != nil {
		return AuditPageDTO{}, err
	}
	computer := cl.computerOf(&p, in.Computer)
	cur := parseCursor(&p, in.Cursor)
	if err := p.Err(); err != nil {
		return AuditPageDTO{}, err
	}
	f := store.FindAudit{CitizenID: in.CitizenID, WorkerID: in.WorkerID, Action: action, Before: in.Before,
		Limit: limit + 1}
	// Entries are stored in UTC; the filter's days are local days.
	if from != nil {
		f.From = localDayStartUTC(*from)
	}
	if to != nil {
		f.To = localDayStartUTC(to.AddDate(0, 0, 1))
	}
	out := AuditPageDTO{Entries: []AuditEntryDTO{}, Actions: AuditActions, Computers: cl.list}
	if computer != "" {
		if out.Entries, out.Next, out.More, err = s.listTeam(ctx, st, f, computer, cur, limit, cl); err != nil {
			return AuditPageDTO{}, err
		}
		return out, s.audit(st, a, AuditView, "audit_log", in.CitizenID, 0, listDetail(in, action, len(out.Entries)))
	}
	rows, err := st.ListAudit(ctx, f)
	if err != nil {
		return AuditPageDTO{}, err
	}
	if len(rows) > limit {
		rows, out.More = rows[:limit], true
	}
	names, err := st.CitizenNames(ctx)
	if err != nil {
		return AuditPageDTO{}, err
	}
	for i := range rows {
		e := auditEntryDTO(&rows[i], names)
		e.Laptop, e.Computer = cl.self, cl.label[cl.self]
		out.Entries = append(out.Entries, e)
	}
	return out, s.audit(st, a, AuditView, "audit_log", in.CitizenID, 0, listDetail(in, action, len(out.Entries)))
}

// listDetail says which page of the log was read: how many entries, and the filter.
func listDetail(in AuditFilter, action string, n int) string {
	d := itoa(n) + " entries"
	for _, kv := range [][2]string{{"worker", idText(in.WorkerID)}, {"action", action}, {"from", in.From}, {"to", in.To},
		{"before", idText(in.Before)}, {"computer", in.Computer}, {"cursor", in.Cursor}} {
		if kv[1] != "" {
			d += ", " + kv[0] + " " + kv[1]
		}
	}
	return d
}

func idText(id uint) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(id), 10)
}

func auditEntryDTO(e *store.AuditEntry, names map[uint]string) AuditEntryDTO {
	return AuditEntryDTO{ID: e.ID, At: localStamp(e.At), WorkerID: e.WorkerID, WorkerName: e.WorkerName, Action: e.Action,
		Object: e.Object, CitizenID: e.CitizenID, CitizenName: names[e.CitizenID], CourseID: e.CourseID,
		Detail: e.Detail}
}

// localStamp is an entry's time as the UI shows it: dd.mm.åååå tt:mm:ss, local time.
func localStamp(at string) string {
	if t, err := time.Parse(time.RFC3339Nano, at); err == nil {
		return t.Local().Format("02.01.2006 15:04:05")
	}
	return at
}

// localDayStartUTC is the UTC time at which a local calendar day starts, in the log's format.
func localDayStartUTC(day time.Time) string {
	t := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.Local)
	return t.UTC().Format("2006-01-02T15:04:05")
}
