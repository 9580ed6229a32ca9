package service

import (
	"context"
	"slices"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// CourseService starts and changes ICM courses and enforces the caseload rule.
type CourseService struct{ base }

// NewCourseService builds the service.
func NewCourseService(d Deps) *CourseService { return &CourseService{base{d}} }

// CreateCourse starts a course in the visitation stage. The citizen may have no other open
// course, and the worker's caseload must stay within floor(8 × FTE) unless a team lead
// records why it may not. A worker who may read the citizen may start it: a citizen whose
// courses are all closed belongs to nobody until then.
func (s *CourseService) CreateCourse(in CreateCourseInput) (CourseDTO, error) {
	st, err := s.ready()
	if err != nil {
		return CourseDTO{}, err
	}
	if in.CitizenID != 0 {
		a, _ := s.actor()
		if err := s.citizenUse(st, a, in.CitizenID, readAccess); err != nil {
			return CourseDTO{}, err
		}
	}
	var p domain.Problems
	start := domain.ParseDate(&p, "startDate", in.StartDate, true, domain.MinCourseDate, domain.LatestCourseDate(s.now()))
	reason := domain.CleanText(&p, "overrideReason", in.OverrideReason, 2000, false)
	if in.CitizenID == 0 {
		p.Add("citizenId", domain.CodeRequired)
	}
	if in.WorkerID == 0 {
		p.Add("workerId", domain.CodeRequired)
	}
	if err := p.Err(); err != nil {
		return CourseDTO{}, err
	}
	var id uint
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		ctx := s.ctx()
		cit, err := tx.GetCitizen(ctx, in.CitizenID)
		if err != nil {
			return err
		}
		if open, err := tx.HasOpenCourse(ctx, in.CitizenID); err != nil {
			return err
		} else if open {
			return domain.E(domain.CodeActiveCourse, "citizen already has an open course")
		}
		c := &store.Course{CitizenID: in.CitizenID, StartDate: start.Format(domain.DateLayout),
			Status: string(domain.CourseVisitation)}
		a, _ := s.actor()
		if err := s.assignWorker(ctx, tx, c, in.WorkerID, reason, a); err != nil {
			return err
		}
		c.CreatedAt, c.UpdatedAt = s.now(), s.now()
		if err := tx.CreateCourse(ctx, c); err != nil {
			return err
		}
		id = c.ID
		if err := startHousingFromCitizen(ctx, tx, c, cit, a.WorkerID, s.now()); err != nil {
			return err
		}
		// The course's audit entry commits with it.
		return tx.AppendAudit(ctx, s.now(), auditEntry(a, AuditCreate, "course", in.CitizenID, id, ""))
	})
	if err != nil {
		return CourseDTO{}, err
	}
	return s.getCourse(IDInput{ID: id})
}

// UpdateCourse changes the worker, start date or status. Handing the course to another
// worker checks that worker's caseload. It never closes a course: that is the follow-up
// step's closing (FollowUpService.CloseCourse), with its reason, housing and support after;
// a closed course keeps its end date here, and may be reopened.
func (s *CourseService) UpdateCourse(in UpdateCourseInput) (CourseDTO, error) {
	ch, err := s.changing(in.ID, "course", AuditChange)
	if err != nil {
		return CourseDTO{}, err
	}
	return s.updateCourse(ch, in)
}

// updateCourse writes the change and its audit entry (ch) in one transaction.
func (s *CourseService) updateCourse(ch *change, in UpdateCourseInput) (CourseDTO, error) {
	var p domain.Problems
	latest := domain.LatestCourseDate(s.now())
	start := domain.ParseDate(&p, "startDate", in.StartDate, true, domain.MinCourseDate, latest)
	status := domain.OneOf(&p, "status", domain.CourseStatus(in.Status),
		[]domain.CourseStatus{domain.CourseVisitation, domain.CourseActive, domain.CourseClosed}, true)
	end := domain.ParseDate(&p, "endDate", in.EndDate, status == domain.CourseClosed, domain.MinCourseDate, latest)
	if start != nil && end != nil && end.Before(*start) {
		p.Add("endDate", domain.CodeDateOrder)
	}
	reason := domain.CleanText(&p, "overrideReason", in.OverrideReason, 2000, false)
	if in.WorkerID == 0 {
		p.Add("workerId", domain.CodeRequired)
	}
	if err := p.Err(); err != nil {
		return CourseDTO{}, err
	}
	err := ch.commit(func(ctx context.Context, tx *store.Store) error {
		c, err := tx.GetCourse(ctx, in.ID)
		if err != nil {
			return err
		}
		if err := closesOnlyThroughClosing(c, status, end); err != nil {
			return err
		}
		if domain.CourseStatus(c.Status) == domain.CourseClosed && status.Open() {
			if open, err := tx.HasOpenCourse(ctx, c.CitizenID); err != nil {
				return err
			} else if open {
				return domain.E(domain.CodeActiveCourse, "citizen already has an open course")
			}
		}
		reopening := !domain.CourseStatus(c.Status).Open() && status.Open()
		if status.Open() && (c.WorkerID != in.WorkerID || reopening) {
			a, _ := s.actor()
			if err := s.assignWorker(ctx, tx, c, in.WorkerID, reason, a); err != nil {
				return err
			}
		} else {
			c.WorkerID = in.WorkerID
			if _, err := tx.GetWorker(ctx, in.WorkerID); err != nil {
				return err
			}
		}
		c.StartDate = start.Format(domain.DateLayout)
		c.Status = string(status)
		c.EndDate = nil
		if end != nil {
			e := end.Format(domain.DateLayout)
			c.EndDate = &e
		}
		c.UpdatedAt = s.now()
		if err := tx.UpdateCourse(ctx, c); err != nil {
			return err
		}
		if reopening {
			// A reopened course is no longer closed: its closing and the housing entry of
			// the closing go, so that only a new closing closes it again.
			if err := tx.DeleteClosing(ctx, c.ID); err != nil {
				return err
			}
			if err := tx.DeleteStepHousingEvent(ctx, c.ID, string(domain.HousingKindClose)); err != nil {
				return err
			}
			if err := tx.SyncCitizenHousing(ctx, c.CitizenID, s.now()); err != nil {
				return err
			}
			ch.name("reopened")
		}
		return moveStartHousing(ctx, tx, c, s.now()) // the housing at the start is dated the start
	})
	if err != nil {
		return CourseDTO{}, err
	}
	return s.getCourse(IDInput{ID: in.ID})
}

// closesOnlyThroughClosing refuses an update that would close a course, or change when a
// closed one ended: both belong to the closing.
func closesOnlyThroughClosing(c *store.Course, status domain.CourseStatus, end *time.Time) error {
	if status != domain.CourseClosed {
		return nil
	}
	var p domain.Problems
	if domain.CourseStatus(c.Status) != domain.CourseClosed {
		p.Add("status", domain.CodeCloseThroughClosing)
	} else if end != nil && (c.EndDate == nil || *c.EndDate != end.Format(domain.DateLayout)) {
		p.Add("endDate", domain.CodeCloseThroughClosing)
	}
	return p.Err()
}

// assignWorker makes workerID responsible for c after checking the caseload rule. An
// override is the acting team lead's (by): a worker cannot record one in a lead's name. It
// is kept only when it was needed; otherwise any earlier one is cleared.
func (s *CourseService) assignWorker(ctx context.Context, tx *store.Store, c *store.Course,
	workerID uint, reason string, by Actor) error {
	w, err := tx.GetWorker(ctx, workerID)
	if err != nil {
		return err
	}
	if !w.Active {
		var p domain.Problems
		p.Add("workerId", domain.CodeInvalidChoice)
		return p.Err()
	}
	open, err := tx.CountOpenCourses(ctx, workerID)
	if err != nil {
		return err
	}
	if c.ID != 0 && c.WorkerID == workerID && domain.CourseStatus(c.Status).Open() {
		open-- // the course already counts in this worker's caseload
	}
	byLead, byID := false, by.WorkerID
	if reason != "" && by.IsLead() && byID != 0 {
		lead, err := tx.GetWorker(ctx, byID)
		if err == nil {
			byLead = lead.Active && lead.Role == string(domain.RoleTeamLead)
		} else if domain.CodeOf(err) != domain.CodeNotFound {
			return err
		}
	}
	check := domain.CaseloadCheck{Open: open, FTE: domain.FTE(w.FTEHundredths), OverrideReason: reason, OverrideByLead: byLead}
	if err := check.Decide(); err != nil {
		if de, ok := err.(*domain.Error); ok {
			de.With("worker", w.Name)
		}
		return err
	}
	c.WorkerID = workerID
	if open+1 > check.FTE.MaxCaseload() {
		now := s.now()
		c.OverrideReason, c.OverrideByWorkerID, c.OverrideAt = reason, &byID, &now
	} else {
		c.OverrideReason, c.OverrideByWorkerID, c.OverrideAt = "", nil, nil
	}
	return nil
}

// GetCourse returns one course with its step progress.
func (s *CourseService) GetCourse(in IDInput) (CourseDTO, error) {
	if _, err := s.viewCourse(in.ID, "course"); err != nil {
		return CourseDTO{}, err
	}
	return s.getCourse(in)
}

func (s *CourseService) getCourse(in IDInput) (CourseDTO, error) {
	st, err := s.ready()
	if err != nil {
		return CourseDTO{}, err
	}
	ctx := s.ctx()
	c, err := st.GetCourse(ctx, in.ID)
	if err != nil {
		return CourseDTO{}, err
	}
	cit, err := st.GetCitizen(ctx, c.CitizenID)
	if err != nil {
		return CourseDTO{}, err
	}
	w, err := st.GetWorker(ctx, c.WorkerID)
	if err != nil {
		return CourseDTO{}, err
	}
	open, err := st.CountOpenCourses(ctx, w.ID)
	if err != nil {
		return CourseDTO{}, err
	}
	steps, sig, err := courseSteps(ctx, st, c, s.now())
	if err != nil {
		return CourseDTO{}, err
	}
	out := CourseDTO{ID: c.ID, CitizenID: c.CitizenID, CitizenName: cit.Name, Worker: workerDTO(w, open),
		StartDate: c.StartDate, EndDate: deref(c.EndDate), Status: c.Status,
		Steps: steps, UpdatedAt: isoTime(&c.UpdatedAt), ContactGap: sig.gap,
		NextEvaluationDue: sig.due.Format(domain.DateLayout), EvaluationState: string(sig.dueState)}
	if c.OverrideReason != "" {
		o := &OverrideDTO{CourseID: c.ID, CitizenID: c.CitizenID, CitizenName: cit.Name, Reason: c.OverrideReason, At: isoTime(c.OverrideAt)}
		if c.OverrideByWorkerID != nil {
			if lead, err := st.GetWorker(ctx, *c.OverrideByWorkerID); err == nil {
				o.ByName = lead.Name
			}
		}
		out.Override = o
	}
	a, _ := s.actor()
	out.ReadOnly = s.citizenUse(st, a, c.CitizenID, writeAccess) != nil
	return out, nil
}

func completenessDTO(step domain.Step, c domain.Completeness) StepStatusDTO {
	st := StepStatusDTO{Step: string(step), Available: true, Done: c.Done, Total: c.Total,
		Percent: c.Percent(), Missing: make([]string, 0, len(c.Missing))}
	for _, m := range c.Missing {
		st.Missing = append(st.Missing, string(m))
	}
	return st
}

func courseSummaries(ctx context.Context, st *store.Store, f store.FindCourse) ([]CourseSummaryDTO, error) {
	cs, err := st.ListCourses(ctx, f)
	if err != nil {
		return nil, err
	}
	workers := map[uint]*store.Worker{}
	out := make([]CourseSummaryDTO, 0, len(cs))
	for _, c := range cs {
		w, ok := workers[c.WorkerID]
		if !ok {
			if w, err = st.GetWorker(ctx, c.WorkerID); err != nil {
				return nil, err
			}
			workers[c.WorkerID] = w
		}
		out = append(out, CourseSummaryDTO{ID: c.ID, Status: c.Status, StartDate: c.StartDate,
			EndDate: deref(c.EndDate), WorkerID: w.ID, WorkerName: w.Name, WorkerInitials: w.Initials})
	}
	return out, nil
}

// startHousingFromCitizen fills a new course's housing at the start in from the citizen's
// current housing, as the visitation step would save it (with the course's start entry in
// the housing history); the worker corrects it there. Nothing when none is recorded.
func startHousingFromCitizen(ctx context.Context, tx *store.Store, c *store.Course, cit *store.Citizen, by uint, now time.Time) error {
	h := domain.Housing(cit.Housing)
	if h == domain.HousingUnknownStatus || !slices.Contains(domain.Housings, h) {
		return nil
	}
	row := visitationRow(c.ID, domain.Visitation{HousingAtStart: h}, now)
	if err := tx.SaveVisitation(ctx, row); err != nil {
		return err
	}
	return writeStepHousing(ctx, tx, c, domain.HousingKindStart, c.StartDate, row.HousingAtStart, "", by, now)
}
