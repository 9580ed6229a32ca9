package citizenexport

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// BuildInput says what goes into a document.
type BuildInput struct {
	CitizenID  uint
	CourseID   uint // one course only; 0 for all of the citizen's courses
	Purpose    string
	WithAudit  bool // the audit log entries about the citizen (access request)
	ExportedAt time.Time
	AppVersion string
}

// Build collects everything the store holds about the citizen into a document.
func Build(ctx context.Context, st *store.Store, in BuildInput) (*Document, error) {
	team, err := st.GetTeam(ctx)
	if err != nil {
		return nil, err
	}
	c, err := st.GetCitizen(ctx, in.CitizenID)
	if err != nil {
		return nil, err
	}
	doc := &Document{Format: Format, FormatVersion: FormatVersion, Purpose: in.Purpose,
		ExportedAt: stamp(in.ExportedAt), App: App{Version: in.AppVersion},
		Source: Source{Municipality: team.Municipality, Team: team.Name},
		Citizen: Citizen{Name: c.Name, CPR: deref(c.CPR), Phone: c.Phone, Email: c.Email, Address: c.Address,
			ContactNote: c.ContactNote, Housing: c.Housing, HousingNote: c.HousingNote,
			CreatedAt: stamp(c.CreatedAt), UpdatedAt: stamp(c.UpdatedAt)},
		Courses: []Course{}, AuditLog: []AuditEntry{}}
	courses, err := st.ListCourses(ctx, store.FindCourse{CitizenID: &c.ID})
	if err != nil {
		return nil, err
	}
	byID(courses, func(c store.Course) uint { return c.ID })
	names := workerNames{st: st, byID: map[uint]*store.Worker{}}
	found := in.CourseID == 0
	for i := range courses {
		if in.CourseID != 0 && courses[i].ID != in.CourseID {
			continue
		}
		found = true
		co, err := buildCourse(ctx, st, &courses[i], &names)
		if err != nil {
			return nil, err
		}
		doc.Courses = append(doc.Courses, co)
	}
	if !found {
		return nil, domain.E(domain.CodeNotFound, "the course is not the citizen's")
	}
	if err := buildHousing(ctx, st, doc, c.ID, &names); err != nil {
		return nil, err
	}
	if in.WithAudit {
		rows, err := st.ListAudit(ctx, store.FindAudit{CitizenID: c.ID})
		if err != nil {
			return nil, err
		}
		for i := len(rows) - 1; i >= 0; i-- { // oldest first
			e := rows[i]
			if t, err := time.Parse(time.RFC3339Nano, e.At); err == nil {
				e.At = stamp(t)
			}
			doc.AuditLog = append(doc.AuditLog, AuditEntry{ID: e.ID, At: e.At, WorkerName: e.WorkerName,
				Action: e.Action, Object: e.Object, CourseID: e.CourseID, Detail: e.Detail})
		}
	}
	return doc, nil
}

// workerNames caches the workers a document names.
type workerNames struct {
	st   *store.Store
	byID map[uint]*store.Worker
}

func (w *workerNames) get(ctx context.Context, id uint) (Worker, error) {
	if id == 0 {
		return Worker{}, nil
	}
	wk, ok := w.byID[id]
	if !ok {
		var err error
		if wk, err = w.st.GetWorker(ctx, id); err != nil {
			return Worker{}, err
		}
		w.byID[id] = wk
	}
	return Worker{Name: wk.Name, Initials: wk.Initials}, nil
}

func buildCourse(ctx context.Context, st *store.Store, c *store.Course, names *workerNames) (Course, error) {
	worker, err := names.get(ctx, c.WorkerID)
	if err != nil {
		return Course{}, err
	}
	out := Course{ID: c.ID, Status: c.Status, StartDate: c.StartDate, EndDate: deref(c.EndDate), Worker: worker,
		CreatedAt: stamp(c.CreatedAt), UpdatedAt: stamp(c.UpdatedAt),
		Assessment: []AssessmentRevision{}, Plan: Plan{Goals: []Goal{}, Activities: []Activity{}},
		Coordination: Coordination{Network: []Contact{}, Meetings: []Meeting{}}, Advocacy: []AdvocacyCase{},
		FollowUp: FollowUp{Evaluations: []Evaluation{}, WHO5: []WHO5{}, WeeklyChecks: []WeeklyCheck{},
			ContactFrequencies: []ContactFrequency{}, CaseReviews: []CaseReview{}},
		Notes: []Note{}, PlanVersions: []PlanVersion{}}
	if c.OverrideReason != "" {
		o := &Override{Reason: c.OverrideReason}
		if c.OverrideAt != nil {
			o.At = stamp(*c.OverrideAt)
		}
		if c.OverrideByWorkerID != nil {
			by, err := names.get(ctx, *c.OverrideByWorkerID)
			if err != nil && domain.CodeOf(err) != domain.CodeNotFound {
				return Course{}, err
			}
			o.By = by.Name
		}
		out.Override = o
	}
	steps := []func(context.Context, *store.Store, *store.Course, *Course) error{
		buildVisitation, buildAssessment, buildPlan, buildCoordination, buildAdvocacy, buildFollowUp, buildNotes,
	}
	for _, step := range steps {
		if err := step(ctx, st, c, &out); err != nil {
			return Course{}, err
		}
	}
	return out, buildVersions(ctx, st, c, &out, names)
}

func buildVisitation(ctx context.Context, st *store.Store, c *store.Course, out *Course) error {
	v, err := st.GetVisitation(ctx, c.ID)
	if err != nil || v.UpdatedAt.IsZero() { // zero: the step was never saved
		return err
	}
	needs := []string{}
	_ = json.Unmarshal([]byte(v.Needs), &needs)
	out.Visitation = &Visitation{HousingAtStart: v.HousingAtStart, HousingNote: v.HousingNote, Needs: needs,
		NeedsNote: v.NeedsNote, TargetGroupReason: v.TargetGroupReason, Consent: v.Consent,
		ConsentForm: v.ConsentForm, ConsentDate: deref(v.ConsentDate), ContactAgreement: v.ContactAgreement,
		ReferralSource: v.ReferralSource, ReferralNote: v.ReferralNote, VisitationDate: deref(v.VisitationDate),
		LegalBasis: v.LegalBasis, LegalNote: v.LegalNote, ActionPlan: v.ActionPlan,
		ActionPlanDate: deref(v.ActionPlanDate), ActionPlanCaseworker: v.ActionPlanCaseworker,
		ActionPlanNote: v.ActionPlanNote, UpdatedAt: stamp(v.UpdatedAt)}
	return nil
}

func buildAssessment(ctx context.Context, st *store.Store, c *store.Course, out *Course) error {
	rows, err := st.ListAssessment(ctx, c.ID)
	byID(rows, func(r store.AssessmentEntry) uint { return r.ID })
	for _, r := range rows {
		out.Assessment = append(out.Assessment, AssessmentRevision{Topic: r.Topic, RevisionDate: r.RevisionDate,
			CitizenView: r.CitizenView, WorkerView: r.WorkerView, Resources: r.Resources, Needs: r.Needs,
			Barriers: r.Barriers, CreatedAt: stamp(r.CreatedAt), UpdatedAt: stamp(r.UpdatedAt)})
	}
	return err
}

func buildPlan(ctx context.Context, st *store.Store, c *store.Course, out *Course) error {
	goals, err := st.ListGoals(ctx, c.ID)
	if err != nil {
		return err
	}
	subs, err := st.ListSubGoals(ctx, c.ID) // in plan order
	if err != nil {
		return err
	}
	for _, g := range goals {
		goal := Goal{CitizenWords: g.CitizenWords, Area: g.Area, ActionPlanGoal: g.ActionPlanGoal,
			SubGoals: []SubGoal{}, CreatedAt: stamp(g.CreatedAt), UpdatedAt: stamp(g.UpdatedAt)}
		for _, s := range subs {
			if s.GoalID == g.ID {
				goal.SubGoals = append(goal.SubGoals, SubGoal{ID: s.ID, What: s.What, Measure: s.Measure,
					Owner: s.Owner, Deadline: deref(s.Deadline), Status: s.Status,
					CreatedAt: stamp(s.CreatedAt), UpdatedAt: stamp(s.UpdatedAt)})
			}
		}
		out.Plan.Goals = append(out.Plan.Goals, goal)
	}
	acts, err := st.ListActivities(ctx, c.ID)
	for _, a := range acts {
		act := Activity{What: a.What, Frequency: a.Frequency, Owner: a.Owner,
			CreatedAt: stamp(a.CreatedAt), UpdatedAt: stamp(a.UpdatedAt)}
		if a.SubGoalID != nil {
			act.SubGoalID = *a.SubGoalID
		}
		out.Plan.Activities = append(out.Plan.Activities, act)
	}
	return err
}

func buildCoordination(ctx context.Context, st *store.Store, c *store.Course, out *Course) error {
	contacts, err := st.ListNetwork(ctx, c.ID)
	if err != nil {
		return err
	}
	byID(contacts, func(r store.NetworkContact) uint { return r.ID })
	for _, k := range contacts {
		out.Coordination.Network = append(out.Coordination.Network, Contact{Kind: k.Kind, Name: k.Name,
			Organisation: k.Organisation, Phone: k.Phone, Email: k.Email, Role: k.Role,
			LastContact: deref(k.LastContact), Active: k.Active, CreatedAt: stamp(k.CreatedAt), UpdatedAt: stamp(k.UpdatedAt)})
	}
	meetings, err := st.ListMeetings(ctx, c.ID)
	if err != nil {
		return err
	}
	actions, err := st.ListMeetingActions(ctx, c.ID) // by meeting, in position order
	byID(meetings, func(r store.Meeting) uint { return r.ID })
	for _, m := range meetings {
		meeting := Meeting{Date: m.Date, Participants: m.Participants, Purpose: m.Purpose,
			Preparation: m.Preparation, Outcome: m.Outcome, Actions: []MeetingAction{},
			CreatedAt: stamp(m.CreatedAt), UpdatedAt: stamp(m.UpdatedAt)}
		for _, a := range actions {
			if a.MeetingID == m.ID {
				meeting.Actions = append(meeting.Actions, MeetingAction{Action: a.Action, Owner: a.Owner,
					Deadline: deref(a.Deadline), Done: a.Done})
			}
		}
		out.Coordination.Meetings = append(out.Coordination.Meetings, meeting)
	}
	return err
}

func buildAdvocacy(ctx context.Context, st *store.Store, c *store.Course, out *Course) error {
	cases, err := st.ListAdvocacy(ctx, c.ID)
	byID(cases, func(r store.AdvocacyCase) uint { return r.ID })
	for _, a := range cases {
		out.Advocacy = append(out.Advocacy, AdvocacyCase{Opened: a.Opened, Barrier: a.Barrier, Towards: a.Towards,
			Actions: a.Actions, Rights: a.Rights, Outcome: a.Outcome, Status: a.Status,
			CreatedAt: stamp(a.CreatedAt), UpdatedAt: stamp(a.UpdatedAt)})
	}
	return err
}

func buildFollowUp(ctx context.Context, st *store.Store, c *store.Course, out *Course) error {
	evals, err := st.ListEvaluations(ctx, c.ID)
	if err != nil {
		return err
	}
	items, err := st.ListEvaluationItems(ctx, c.ID)
	if err != nil {
		return err
	}
	byID(evals, func(r store.Evaluation) uint { return r.ID })
	byID(items, func(r store.EvaluationItem) uint { return r.ID })
	for _, e := range evals {
		ev := Evaluation{Date: e.Date, DueDate: e.DueDate, Summary: e.Summary, PlanChanges: e.PlanChanges,
			Items: []EvaluationItem{}, CreatedAt: stamp(e.CreatedAt), UpdatedAt: stamp(e.UpdatedAt)}
		for _, it := range items {
			if it.EvaluationID == e.ID {
				ev.Items = append(ev.Items, EvaluationItem{SubGoalID: it.SubGoalID, Status: it.Status, Comment: it.Comment})
			}
		}
		out.FollowUp.Evaluations = append(out.FollowUp.Evaluations, ev)
	}
	who5, err := st.ListWHO5(ctx, c.ID)
	if err != nil {
		return err
	}
	byID(who5, func(r store.WHO5) uint { return r.ID })
	for _, w := range who5 {
		out.FollowUp.WHO5 = append(out.FollowUp.WHO5, WHO5{Date: w.Date, Items: w.Items(), Note: w.Note, CreatedAt: stamp(w.CreatedAt)})
	}
	weekly, err := st.ListWeeklyChecks(ctx, c.ID)
	if err != nil {
		return err
	}
	byID(weekly, func(r store.WeeklyCheck) uint { return r.ID })
	for _, w := range weekly {
		out.FollowUp.WeeklyChecks = append(out.FollowUp.WeeklyChecks, WeeklyCheck{WeekStart: w.WeekStart,
			Substance: w.Substance, Mental: w.Mental, Note: w.Note, CreatedAt: stamp(w.CreatedAt), UpdatedAt: stamp(w.UpdatedAt)})
	}
	freqs, err := st.ListContactFrequencies(ctx, c.ID) // oldest first
	if err != nil {
		return err
	}
	for _, f := range freqs {
		out.FollowUp.ContactFrequencies = append(out.FollowUp.ContactFrequencies, ContactFrequency{FromDate: f.FromDate,
			Times: f.Times, Per: f.Per, Note: f.Note, CreatedAt: stamp(f.CreatedAt), UpdatedAt: stamp(f.UpdatedAt)})
	}
	reviews, err := st.ListCaseReviews(ctx, c.ID)
	if err != nil {
		return err
	}
	byID(reviews, func(r store.CaseReview) uint { return r.ID })
	for _, r := range reviews {
		out.FollowUp.CaseReviews = append(out.FollowUp.CaseReviews, CaseReview{Date: r.Date, Participants: r.Participants,
			Agreed: r.Agreed, CreatedAt: stamp(r.CreatedAt), UpdatedAt: stamp(r.UpdatedAt)})
	}
	cl, err := st.GetClosing(ctx, c.ID)
	if err != nil || cl == nil {
		return err
	}
	out.FollowUp.Closing = &Closing{Reason: cl.Reason, AfterSupport: cl.AfterSupport, AfterNote: cl.AfterNote,
		HousingAtClose: cl.HousingAtClose, Note: cl.Note, UpdatedAt: stamp(cl.UpdatedAt)}
	return nil
}

func buildNotes(ctx context.Context, st *store.Store, c *store.Course, out *Course) error {
	notes, err := st.ListNotes(ctx, c.ID, 0)
	if err != nil {
		return err
	}
	revisions, err := st.CourseNoteRevisions(ctx, c.ID)
	if err != nil {
		return err
	}
	byID(notes, func(r store.Note) uint { return r.ID })
	for _, n := range notes {
		note := Note{OccurredAt: n.OccurredAt, DurationMinutes: n.DurationMinutes, Location: n.Location, Kind: n.Kind,
			Text: n.Text, AuthorName: n.AuthorName, CreatedAt: stamp(n.CreatedAt), UpdatedAt: stamp(n.UpdatedAt),
			Revisions: []NoteRevision{}}
		for _, r := range revisions[n.ID] {
			note.Revisions = append(note.Revisions, NoteRevision{RevisionNo: r.RevisionNo, OccurredAt: r.OccurredAt,
				DurationMinutes: r.DurationMinutes, Location: r.Location, Kind: r.Kind, Text: r.Text,
				WorkerName: r.WorkerName, Reason: r.Reason, SavedAt: stamp(r.CreatedAt)})
		}
		out.Notes = append(out.Notes, note)
	}
	return nil
}

func buildVersions(ctx context.Context, st *store.Store, c *store.Course, out *Course, names *workerNames) error {
	versions, err := st.ListPlanVersions(ctx, c.ID)
	if err != nil {
		return err
	}
	slices.SortFunc(versions, func(a, b store.PlanVersion) int { return a.VersionNo - b.VersionNo })
	for _, v := range versions {
		var snap plandoc.Plan
		if err := json.Unmarshal([]byte(v.Snapshot), &snap); err != nil {
			return domain.Wrap(domain.CodeInternal, "signed plan version does not decode", err)
		}
		worker, err := names.get(ctx, v.WorkerID)
		if err != nil {
			return err
		}
		pv := PlanVersion{VersionNo: v.VersionNo, SignedAt: stamp(v.SignedAt), CitizenName: v.CitizenName,
			CitizenDate: v.CitizenDate, Method: v.Method, WorkerName: worker.Name, WorkerDate: v.WorkerDate,
			LeadDate: deref(v.LeadDate), CitizenComment: v.CitizenComment, CreatedAt: stamp(v.CreatedAt), Snapshot: snap}
		if v.LeadID != nil {
			lead, err := names.get(ctx, *v.LeadID)
			if err != nil {
				return err
			}
			pv.LeadName = lead.Name
		}
		out.PlanVersions = append(out.PlanVersions, pv)
	}
	return nil
}

// byID sorts rows in the order they were written, which the import keeps.
func byID[T any](rows []T, id func(T) uint) {
	slices.SortStableFunc(rows, func(a, b T) int {
		switch x, y := id(a), id(b); {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
}

// stamp is the file's form of a point in time: RFC 3339 in UTC, to the nanosecond.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
