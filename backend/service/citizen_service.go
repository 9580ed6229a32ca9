package service

import (
	"net/mail"
	"sort"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// CitizenService keeps the citizens' personal and contact details.
type CitizenService struct{ base }

// NewCitizenService builds the service.
func NewCitizenService(d Deps) *CitizenService { return &CitizenService{base{d}} }

// ListCitizens returns citizens in Danish name order, filtered by the query: every word
// must match the name, the worker's initials or name, or the CPR's birth-date digits.
func (s *CitizenService) ListCitizens(in CitizenListInput) ([]CitizenListItem, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	var p domain.Problems
	q := domain.FoldForSearch(domain.CleanLine(&p, "query", in.Query, domain.MaxShortText, false))
	if err := p.Err(); err != nil {
		return nil, err
	}
	rows, err := st.ListCitizens(s.ctx())
	if err != nil {
		return nil, err
	}
	a, _ := s.actor()
	byCitizen, err := st.WorkersByCitizen(s.ctx())
	if err != nil {
		return nil, err
	}
	words := strings.Fields(q)
	out := make([]CitizenListItem, 0, len(rows))
	check := newAccessCheck(s.ctx(), st, a)
	for i := range rows {
		item := citizenListItem(&rows[i])
		if check.may(byCitizen[item.ID], readAccess) != nil {
			continue // the team hides colleagues' citizens from this worker
		}
		item.ReadOnly = check.may(byCitizen[item.ID], writeAccess) != nil
		item.Covered = check.byCover(byCitizen[item.ID])
		if matchesAll(words, item) {
			out = append(out, item)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return domain.DanishLess(out[i].Name, out[j].Name) })
	action, detail := AuditList, itoa(len(out))+" citizens"
	if q != "" {
		action = AuditSearch
	}
	return out, s.audit(st, a, action, "citizen", 0, 0, detail)
}

func matchesAll(words []string, it CitizenListItem) bool {
	hay := domain.FoldForSearch(it.Name + " " + it.WorkerName + " " + it.WorkerInitials + " " +
		strings.ReplaceAll(it.CPRMasked, "-", ""))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// GetCitizen returns one citizen with their courses.
func (s *CitizenService) GetCitizen(in IDInput) (CitizenDTO, error) {
	st, _, err := s.viewCitizen(in.ID, "citizen")
	if err != nil {
		return CitizenDTO{}, err
	}
	return s.load(st, in.ID)
}

func (s *CitizenService) load(st *store.Store, id uint) (CitizenDTO, error) {
	a, _ := s.actor()
	c, err := st.GetCitizen(s.ctx(), id)
	if err != nil {
		return CitizenDTO{}, err
	}
	courses, err := courseSummaries(s.ctx(), st, store.FindCourse{CitizenID: &c.ID})
	if err != nil {
		return CitizenDTO{}, err
	}
	out := citizenDTO(c, courses)
	owners, err := st.CitizenOwners(s.ctx(), c.ID)
	if err != nil {
		return CitizenDTO{}, err
	}
	check := newAccessCheck(s.ctx(), st, a)
	out.ReadOnly = check.may(owners, writeAccess) != nil
	out.Covered = check.byCover(owners)
	return out, nil
}

// SaveCitizen creates or updates a citizen. A CPR number is optional but, when given, must
// be valid and belong to no other citizen. When the other citizen is hidden from the worker,
// the answer does not say that a citizen has it (cpr_unavailable), and the try is logged
// with that citizen for the team lead to see.
func (s *CitizenService) SaveCitizen(in CitizenInput) (CitizenDTO, error) {
	st, err := s.ready()
	if err != nil {
		return CitizenDTO{}, err
	}
	a, _ := s.actor()
	if in.ID != 0 {
		if err := s.citizenUse(st, a, in.ID, writeAccess); err != nil {
			return CitizenDTO{}, err
		}
	}
	var p domain.Problems
	c := validateCitizen(&p, in, s.today())
	since := s.today()
	if in.ID == 0 {
		if d := domain.ParseDate(&p, "housingDate", in.HousingDate, false, domain.MinCourseDate, s.today()); d != nil {
			since = *d
		}
		if c.Housing == "" && c.HousingNote != "" && !p.Has("housing") {
			p.Add("housing", domain.CodeRequired) // a note belongs to a situation in the history
		}
	}
	if err := p.Err(); err != nil {
		return CitizenDTO{}, err
	}
	var id, hiddenHolder uint
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		team, err := tx.GetTeam(s.ctx())
		if err != nil {
			return err
		}
		if c.CPR != nil {
			holder, err := tx.CPRHolder(s.ctx(), *c.CPR, in.ID)
			if err != nil {
				return err
			}
			if holder != 0 {
				var p domain.Problems
				if s.citizenUse(tx, a, holder, readAccess) != nil {
					hiddenHolder = holder
					p.Add("cpr", domain.CodeCPRUnavailable)
				} else {
					p.Add("cpr", domain.CodeDuplicateCPR)
				}
				return p.Err()
			}
		}
		now := s.now()
		if in.ID == 0 {
			c.TeamID, c.CreatedAt, c.UpdatedAt = team.ID, now, now
			if err := tx.CreateCitizen(s.ctx(), c); err != nil {
				return err
			}
			id = c.ID
			if err := s.firstHousing(tx, a, c, since, now); err != nil {
				return err
			}
			entries := []store.AuditEntry{auditEntry(a, AuditCreate, "citizen", id, 0, "")}
			if c.Housing != "" {
				entries = append(entries, auditEntry(a, AuditCreate, "housing", id, 0, ""))
			}
			return tx.AppendAudit(s.ctx(), now, entries...) // in the change's own transaction
		}
		old, err := tx.GetCitizen(s.ctx(), in.ID)
		if err != nil {
			return err
		}
		// The housing of a citizen already here changes through the history only; the form
		// may send back what it showed.
		var p domain.Problems
		if c.Housing != "" && c.Housing != old.Housing {
			p.Add("housing", domain.CodeHousingThroughMove)
		}
		if c.HousingNote != "" && c.HousingNote != old.HousingNote {
			p.Add("housingNote", domain.CodeHousingThroughMove)
		}
		if err := p.Err(); err != nil {
			return err
		}
		c.ID, c.TeamID, c.CreatedAt, c.UpdatedAt = old.ID, old.TeamID, old.CreatedAt, now
		id = c.ID
		if err := tx.UpdateCitizen(s.ctx(), c); err != nil {
			return err
		}
		return tx.AppendAudit(s.ctx(), now, auditEntry(a, AuditChange, "citizen", id, 0, ""))
	})
	if err != nil {
		if hiddenHolder != 0 {
			if aerr := s.audit(st, a, AuditSearch, "cpr", hiddenHolder, 0, "CPR number of a citizen hidden from the worker"); aerr != nil {
				return CitizenDTO{}, aerr
			}
		}
		return CitizenDTO{}, err
	}
	return s.load(st, id)
}

// firstHousing starts a new citizen's housing history with the situation the form gave,
// dated since (today unless the form said when it began).
func (s *CitizenService) firstHousing(tx *store.Store, a Actor, c *store.Citizen, since time.Time, now time.Time) error {
	if c.Housing == "" {
		return nil
	}
	return tx.AddHousingEvent(s.ctx(), &store.HousingEvent{CitizenID: c.ID, Date: since.Format(domain.DateLayout),
		Housing: c.Housing, Note: c.HousingNote, Kind: string(domain.HousingKindMove), RecordedBy: workerRef(a.WorkerID),
		CreatedAt: now})
}

func validateCitizen(p *domain.Problems, in CitizenInput, today time.Time) *store.Citizen {
	c := &store.Citizen{
		Name:        domain.CleanLine(p, "name", in.Name, domain.MaxName, true),
		Phone:       domain.CleanLine(p, "phone", in.Phone, 30, false),
		Email:       domain.CleanLine(p, "email", in.Email, domain.MaxShortText, false),
		Address:     domain.CleanText(p, "address", in.Address, domain.MaxShortText, false),
		ContactNote: domain.CleanText(p, "contactNote", in.ContactNote, 2000, false),
		Housing:     string(domain.OneOf(p, "housing", domain.Housing(in.Housing), domain.Housings, false)),
		HousingNote: domain.CleanText(p, "housingNote", in.HousingNote, domain.MaxHousingNote, false),
	}
	c.CPR = strPtr(domain.NormalizeCPR(p, "cpr", in.CPR, today))
	if c.Phone != "" && !p.Has("phone") && !validPhone(c.Phone) {
		p.Add("phone", domain.CodeInvalidPhone)
	}
	if c.Email != "" && !p.Has("email") {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			p.Add("email", domain.CodeInvalidEmail)
		}
	}
	return c
}

// validPhone accepts digits with spaces, dashes, parentheses and a leading +, 8 digits or more.
func validPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')':
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}

func citizenListItem(r *store.CitizenRow) CitizenListItem {
	it := CitizenListItem{ID: r.ID, Name: r.Name, CPRMasked: domain.MaskCPR(deref(r.CPR)),
		Housing: r.Housing, CourseStatus: deref(r.CourseStatus), WorkerName: deref(r.WorkerName),
		WorkerInitials: deref(r.WorkerInitials)}
	if r.CourseID != nil {
		it.CourseID = *r.CourseID
	}
	return it
}

func citizenDTO(c *store.Citizen, courses []CourseSummaryDTO) CitizenDTO {
	return CitizenDTO{ID: c.ID, Name: c.Name, CPR: deref(c.CPR), CPRMasked: domain.MaskCPR(deref(c.CPR)),
		Phone: c.Phone, Email: c.Email, Address: c.Address, ContactNote: c.ContactNote,
		Housing: c.Housing, HousingNote: c.HousingNote, UpdatedAt: isoTime(&c.UpdatedAt), Courses: courses}
}
