package service

import (
	"context"
	"encoding/json"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// PlanVersionService signs off the plan: signing stores a snapshot of the plan as it was
// agreed, with the citizen's and the ICM worker's signatures and an optional team lead
// approval. A signed version is a record and this service has no way to change or delete
// one (the database refuses it too); the live plan stays the draft, and signing it again
// makes the next version.
type PlanVersionService struct{ base }

// NewPlanVersionService builds the service.
func NewPlanVersionService(d Deps) *PlanVersionService { return &PlanVersionService{base{d}} }

// ListVersions returns a course's signed versions, newest first.
func (s *PlanVersionService) ListVersions(in IDInput) ([]PlanVersionSummaryDTO, error) {
	if _, err := s.viewCourse(in.ID, "plan_versions"); err != nil {
		return nil, err
	}
	return s.listVersions(in)
}

func (s *PlanVersionService) listVersions(in IDInput) ([]PlanVersionSummaryDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	if _, err := st.GetCourse(s.ctx(), in.ID); err != nil {
		return nil, err
	}
	rows, err := st.ListPlanVersions(s.ctx(), in.ID)
	if err != nil {
		return nil, err
	}
	out := make([]PlanVersionSummaryDTO, 0, len(rows))
	for i := range rows {
		doc, err := decodeSnapshot(&rows[i])
		if err != nil {
			return nil, err
		}
		out = append(out, versionSummary(&rows[i], doc))
	}
	return out, nil
}

// GetVersion returns one signed version with its plan exactly as it was signed.
func (s *PlanVersionService) GetVersion(in IDInput) (PlanVersionDTO, error) {
	st, err := s.ready()
	if err != nil {
		return PlanVersionDTO{}, err
	}
	v, err := st.GetPlanVersion(s.ctx(), in.ID)
	if err != nil {
		return PlanVersionDTO{}, err
	}
	if _, err := s.viewCourse(v.CourseID, "plan_version"); err != nil {
		return PlanVersionDTO{}, err
	}
	return versionDTO(v)
}

// Draft returns the current plan as an unsigned snapshot (version 0): what signing now
// would store.
func (s *PlanVersionService) Draft(in IDInput) (PlanVersionDTO, error) {
	if _, err := s.viewCourse(in.ID, "plan"); err != nil {
		return PlanVersionDTO{}, err
	}
	return s.draft(in)
}

func (s *PlanVersionService) draft(in IDInput) (PlanVersionDTO, error) {
	st, err := s.ready()
	if err != nil {
		return PlanVersionDTO{}, err
	}
	c, err := st.GetCourse(s.ctx(), in.ID)
	if err != nil {
		return PlanVersionDTO{}, err
	}
	doc, err := buildPlanDoc(s.ctx(), st, c, s.now(), snapshotLang)
	if err != nil {
		return PlanVersionDTO{}, err
	}
	return draftDTO(c.ID, doc), nil
}

// SignPlan signs off the current plan as the course's next version. The course must be
// open and the plan must have at least one goal; see validateSignature for the form's rules.
func (s *PlanVersionService) SignPlan(in SignPlanInput) (PlanVersionDTO, error) {
	ch, err := s.changing(in.CourseID, "plan", AuditSign)
	if err != nil {
		return PlanVersionDTO{}, err
	}
	return s.signPlan(ch, in)
}

// signPlan writes the signed version and its audit entry (ch) in one transaction.
func (s *PlanVersionService) signPlan(ch *change, in SignPlanInput) (PlanVersionDTO, error) {
	var out PlanVersionDTO
	err := ch.commit(func(ctx context.Context, tx *store.Store) error {
		now := s.now()
		c, err := writableCourse(ctx, tx, in.CourseID)
		if err != nil {
			return err
		}
		doc, err := buildPlanDoc(ctx, tx, c, now, snapshotLang)
		if err != nil {
			return err
		}
		if len(doc.Goals) == 0 {
			return domain.E(domain.CodePlanEmpty, "a plan without goals cannot be signed")
		}
		citizen, err := tx.GetCitizen(ctx, c.CitizenID)
		if err != nil {
			return err
		}
		a, _ := s.actor()
		sig, err := validateSignature(ctx, tx, c, citizen, in, now, a)
		if err != nil {
			return err
		}
		no, err := tx.NextPlanVersionNo(ctx, c.ID)
		if err != nil {
			return err
		}
		row := &store.PlanVersion{CourseID: c.ID, VersionNo: no, SignedAt: now, CitizenName: sig.citizenName,
			CitizenDate: sig.citizenDate, Method: sig.method, WorkerID: c.WorkerID, WorkerDate: sig.workerDate,
			CitizenComment: sig.comment, CreatedAt: now}
		if sig.lead != nil {
			row.LeadID, row.LeadDate = &sig.lead.ID, &sig.leadDate
		}
		doc = signedDoc(doc, no, sig, doc.Worker, row)
		snap, err := json.Marshal(doc)
		if err != nil {
			return domain.Wrap(domain.CodeInternal, "write plan snapshot", err)
		}
		row.Snapshot = string(snap)
		if err := tx.CreatePlanVersion(ctx, row); err != nil {
			return err
		}
		out = PlanVersionDTO{Summary: versionSummary(row, doc), Signed: true, Plan: doc}
		ch.name("version " + itoa(no))
		return nil
	})
	return out, err
}

// Compare lists what changed between two versions of a course's plan. FromID 0 is the
// latest signed version, ToID 0 the current draft; both must belong to the course.
func (s *PlanVersionService) Compare(in CompareInput) (PlanDiffDTO, error) {
	if _, err := s.viewCourse(in.CourseID, "plan_versions"); err != nil {
		return PlanDiffDTO{}, err
	}
	return s.compare(in)
}

func (s *PlanVersionService) compare(in CompareInput) (PlanDiffDTO, error) {
	st, err := s.ready()
	if err != nil {
		return PlanDiffDTO{}, err
	}
	ctx := s.ctx()
	c, err := st.GetCourse(ctx, in.CourseID)
	if err != nil {
		return PlanDiffDTO{}, err
	}
	from, fromRef, err := s.side(ctx, st, c, in.FromID, true)
	if err != nil {
		return PlanDiffDTO{}, err
	}
	to, toRef, err := s.side(ctx, st, c, in.ToID, false)
	if err != nil {
		return PlanDiffDTO{}, err
	}
	return PlanDiffDTO{CourseID: c.ID, From: fromRef, To: toRef, Changes: plandoc.Diff(from, to)}, nil
}

// side loads one side of a comparison: a signed version by id, or for id 0 the latest
// signed version (latest) or the current draft.
func (s *PlanVersionService) side(ctx context.Context, st *store.Store, c *store.Course, id uint, latest bool) (plandoc.Plan, PlanVersionRefDTO, error) {
	var v *store.PlanVersion
	var err error
	switch {
	case id != 0:
		if v, err = st.GetPlanVersion(ctx, id); err == nil {
			err = owned(v.CourseID, c.ID)
		}
	case latest:
		if v, err = st.LatestPlanVersion(ctx, c.ID); err == nil && v == nil {
			err = domain.E(domain.CodeNotFound, "no signed plan version yet")
		}
	default:
		doc, err := buildPlanDoc(ctx, st, c, s.now(), snapshotLang)
		return doc, PlanVersionRefDTO{}, err
	}
	if err != nil {
		return plandoc.Plan{}, PlanVersionRefDTO{}, err
	}
	doc, err := decodeSnapshot(v)
	return doc, PlanVersionRefDTO{ID: v.ID, VersionNo: v.VersionNo, CitizenDate: v.CitizenDate}, err
}
