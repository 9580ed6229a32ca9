package citizenexport

import (
	"context"
	"encoding/json"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// CourseCounts is how many rows of each kind a course in a document holds, for the
// import preview.
type CourseCounts struct {
	Assessment   int `json:"assessment"`
	Goals        int `json:"goals"`
	SubGoals     int `json:"subGoals"`
	Activities   int `json:"activities"`
	Contacts     int `json:"contacts"`
	Meetings     int `json:"meetings"`
	Advocacy     int `json:"advocacy"`
	Evaluations  int `json:"evaluations"`
	WHO5         int `json:"who5"`
	WeeklyChecks int `json:"weeklyChecks"`
	Notes        int `json:"notes"`
	PlanVersions int `json:"planVersions"`
}

// Counts counts the course's rows.
func (c *Course) Counts() CourseCounts {
	n := CourseCounts{Assessment: len(c.Assessment), Goals: len(c.Plan.Goals), Activities: len(c.Plan.Activities),
		Contacts: len(c.Coordination.Network), Meetings: len(c.Coordination.Meetings), Advocacy: len(c.Advocacy),
		Evaluations: len(c.FollowUp.Evaluations), WHO5: len(c.FollowUp.WHO5),
		WeeklyChecks: len(c.FollowUp.WeeklyChecks), Notes: len(c.Notes), PlanVersions: len(c.PlanVersions)}
	for _, g := range c.Plan.Goals {
		n.SubGoals += len(g.SubGoals)
	}
	return n
}

// Target is where an accepted document goes in this installation.
type Target struct {
	// CitizenID is the citizen here (same CPR) who gets the courses; 0 creates the citizen.
	CitizenID uint
	TeamID    uint
	// Assign gives course i of the document its worker here: it applies the caseload rule
	// and sets the course's WorkerID and any override.
	Assign func(c *store.Course, i int) error
	// LeadID is the team lead here who stands for the approving team lead of an imported
	// signed version (the name as signed stays in its snapshot).
	LeadID uint
	// Workers are the team's workers here. A note's author, and whoever saved a revision
	// of it, is the worker here with the name the file gives; a name no worker here has
	// stands for ImporterID (the course's worker here when 0), and the file's name stays
	// on the note and the revision.
	Workers    []store.Worker
	ImporterID uint
	Now        time.Time
}

// Imported is what Apply wrote.
type Imported struct {
	CitizenID uint
	CourseIDs []uint
}

// Apply writes a validated document into the store; call it inside one transaction so
// that a failure leaves nothing behind. It only inserts rows: an existing citizen's own
// rows are never changed. Rows keep their dates and times from the file.
func Apply(ctx context.Context, tx *store.Store, doc *Document, t Target) (Imported, error) {
	w := writer{ctx: ctx, tx: tx, now: t.Now}
	out := Imported{CitizenID: t.CitizenID}
	if out.CitizenID == 0 {
		c := doc.Citizen
		row := &store.Citizen{TeamID: t.TeamID, Name: c.Name, Phone: c.Phone, Email: c.Email, Address: c.Address,
			ContactNote: c.ContactNote, Housing: c.Housing, HousingNote: c.HousingNote,
			CreatedAt: w.time(c.CreatedAt), UpdatedAt: w.time(c.UpdatedAt)}
		if c.CPR != "" {
			cpr := c.CPR
			row.CPR = &cpr
		}
		if err := tx.CreateCitizen(ctx, row); err != nil {
			return out, err
		}
		out.CitizenID = row.ID
	}
	courseIDs := map[uint]uint{} // the file's course id → the id here
	for i := range doc.Courses {
		id, err := w.course(out.CitizenID, &doc.Courses[i], i, t)
		if err != nil {
			return out, err
		}
		out.CourseIDs = append(out.CourseIDs, id)
		courseIDs[doc.Courses[i].ID] = id
	}
	return out, w.applyHousing(doc, out.CitizenID, t.CitizenID == 0, courseIDs)
}

// writer inserts one document's rows.
type writer struct {
	ctx context.Context
	tx  *store.Store
	now time.Time
}

// time reads a validated stamp; an empty one is the time of the import.
func (w *writer) time(s string) time.Time {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t
	}
	return w.now
}

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (w *writer) course(citizenID uint, c *Course, i int, t Target) (uint, error) {
	row := &store.Course{CitizenID: citizenID, StartDate: c.StartDate, Status: c.Status, EndDate: ptr(c.EndDate),
		CreatedAt: w.time(c.CreatedAt), UpdatedAt: w.time(c.UpdatedAt)}
	if err := t.Assign(row, i); err != nil {
		return 0, err
	}
	if err := w.tx.CreateCourse(w.ctx, row); err != nil {
		return 0, err
	}
	id := row.ID
	if v := c.Visitation; v != nil {
		needs, _ := json.Marshal(v.Needs)
		err := w.tx.SaveVisitation(w.ctx, &store.Visitation{CourseID: id, HousingAtStart: v.HousingAtStart,
			HousingNote: v.HousingNote, Needs: string(needs), NeedsNote: v.NeedsNote,
			TargetGroupReason: v.TargetGroupReason, Consent: v.Consent, ConsentForm: v.ConsentForm,
			ConsentDate: ptr(v.ConsentDate), ContactAgreement: v.ContactAgreement, ReferralSource: v.ReferralSource,
			ReferralNote: v.ReferralNote, VisitationDate: ptr(v.VisitationDate), LegalBasis: v.LegalBasis,
			LegalNote: v.LegalNote, ActionPlan: v.ActionPlan, ActionPlanDate: ptr(v.ActionPlanDate),
			ActionPlanCaseworker: v.ActionPlanCaseworker, ActionPlanNote: v.ActionPlanNote, UpdatedAt: w.time(v.UpdatedAt)})
		if err != nil {
			return 0, err
		}
	}
	for _, r := range c.Assessment {
		err := w.tx.Save(w.ctx, &store.AssessmentEntry{CourseID: id, Topic: r.Topic, RevisionDate: r.RevisionDate,
			CitizenView: r.CitizenView, WorkerView: r.WorkerView, Resources: r.Resources, Needs: r.Needs,
			Barriers: r.Barriers, CreatedAt: w.time(r.CreatedAt), UpdatedAt: w.time(r.UpdatedAt)})
		if err != nil {
			return 0, err
		}
	}
	subGoals, err := w.plan(id, &c.Plan)
	if err != nil {
		return 0, err
	}
	if err := w.coordination(id, &c.Coordination); err != nil {
		return 0, err
	}
	for _, a := range c.Advocacy {
		err := w.tx.Save(w.ctx, &store.AdvocacyCase{CourseID: id, Opened: a.Opened, Barrier: a.Barrier,
			Towards: a.Towards, Actions: a.Actions, Rights: a.Rights, Outcome: a.Outcome, Status: a.Status,
			CreatedAt: w.time(a.CreatedAt), UpdatedAt: w.time(a.UpdatedAt)})
		if err != nil {
			return 0, err
		}
	}
	if err := w.followUp(id, &c.FollowUp, subGoals); err != nil {
		return 0, err
	}
	if err := w.notes(row, c.Notes, t); err != nil {
		return 0, err
	}
	return id, w.versions(row, c.PlanVersions, t.LeadID)
}

// notes inserts the journal: each note as its first revision, then every correction in
// turn, with the times, names and reasons of the file.
func (w *writer) notes(c *store.Course, notes []Note, t Target) error {
	who := func(name string) uint {
		for _, wk := range t.Workers {
			if domain.FoldForSearch(wk.Name) == domain.FoldForSearch(name) {
				return wk.ID
			}
		}
		if t.ImporterID != 0 {
			return t.ImporterID
		}
		return c.WorkerID
	}
	for _, n := range notes {
		revisions := n.Revisions
		if len(revisions) == 0 { // not from Decode: the note as it reads is its one revision
			revisions = []NoteRevision{{RevisionNo: 1, OccurredAt: n.OccurredAt, DurationMinutes: n.DurationMinutes,
				Location: n.Location, Kind: n.Kind, Text: n.Text, WorkerName: n.AuthorName, SavedAt: n.UpdatedAt}}
		}
		first := revisions[0]
		row := &store.Note{CourseID: c.ID, OccurredAt: first.OccurredAt, DurationMinutes: first.DurationMinutes,
			Location: first.Location, Kind: first.Kind, Text: first.Text,
			AuthorWorkerID: who(n.AuthorName), AuthorName: n.AuthorName,
			RevisionWorkerID: who(first.WorkerName), RevisionWorkerName: first.WorkerName,
			CreatedAt: w.time(n.CreatedAt), UpdatedAt: w.time(first.SavedAt)}
		if err := w.tx.AddNote(w.ctx, row); err != nil {
			return err
		}
		for _, r := range revisions[1:] {
			row.OccurredAt, row.DurationMinutes, row.Location, row.Kind, row.Text = r.OccurredAt, r.DurationMinutes, r.Location, r.Kind, r.Text
			row.RevisionWorkerID, row.RevisionWorkerName, row.RevisionReason = who(r.WorkerName), r.WorkerName, r.Reason
			row.UpdatedAt = w.time(r.SavedAt)
			if err := w.tx.ReviseNote(w.ctx, row, row.RevisionNo); err != nil {
				return err
			}
		}
	}
	return nil
}

// plan inserts goals, sub-goals and activities and maps the file's sub-goal ids to the new ones.
func (w *writer) plan(courseID uint, p *Plan) (map[uint]uint, error) {
	ids := map[uint]uint{}
	for i, g := range p.Goals {
		goal := &store.Goal{CourseID: courseID, CitizenWords: g.CitizenWords, Area: g.Area,
			ActionPlanGoal: g.ActionPlanGoal, Position: i, CreatedAt: w.time(g.CreatedAt), UpdatedAt: w.time(g.UpdatedAt)}
		if err := w.tx.Save(w.ctx, goal); err != nil {
			return nil, err
		}
		for j, s := range g.SubGoals {
			sub := &store.SubGoal{GoalID: goal.ID, What: s.What, Measure: s.Measure, Owner: s.Owner,
				Deadline: ptr(s.Deadline), Status: s.Status, Position: j,
				CreatedAt: w.time(s.CreatedAt), UpdatedAt: w.time(s.UpdatedAt)}
			if err := w.tx.Save(w.ctx, sub); err != nil {
				return nil, err
			}
			ids[s.ID] = sub.ID
		}
	}
	for i, a := range p.Activities {
		act := &store.Activity{CourseID: courseID, What: a.What, Frequency: a.Frequency, Owner: a.Owner, Position: i,
			CreatedAt: w.time(a.CreatedAt), UpdatedAt: w.time(a.UpdatedAt)}
		if a.SubGoalID != 0 {
			sub := ids[a.SubGoalID]
			act.SubGoalID = &sub
		}
		if err := w.tx.Save(w.ctx, act); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func (w *writer) coordination(courseID uint, c *Coordination) error {
	for _, k := range c.Network {
		err := w.tx.Save(w.ctx, &store.NetworkContact{CourseID: courseID, Kind: k.Kind, Name: k.Name,
			Organisation: k.Organisation, Phone: k.Phone, Email: k.Email, Role: k.Role, LastContact: ptr(k.LastContact),
			Active: k.Active, CreatedAt: w.time(k.CreatedAt), UpdatedAt: w.time(k.UpdatedAt)})
		if err != nil {
			return err
		}
	}
	for _, m := range c.Meetings {
		meeting := &store.Meeting{CourseID: courseID, Date: m.Date, Participants: m.Participants, Purpose: m.Purpose,
			Preparation: m.Preparation, Outcome: m.Outcome, CreatedAt: w.time(m.CreatedAt), UpdatedAt: w.time(m.UpdatedAt)}
		if err := w.tx.Save(w.ctx, meeting); err != nil {
			return err
		}
		actions := make([]store.MeetingAction, 0, len(m.Actions))
		for j, a := range m.Actions {
			actions = append(actions, store.MeetingAction{MeetingID: meeting.ID, Action: a.Action, Owner: a.Owner,
				Deadline: ptr(a.Deadline), Done: a.Done, Position: j})
		}
		if err := w.tx.ReplaceMeetingActions(w.ctx, meeting.ID, actions); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) followUp(courseID uint, f *FollowUp, subGoals map[uint]uint) error {
	for _, e := range f.Evaluations {
		ev := &store.Evaluation{CourseID: courseID, Date: e.Date, DueDate: e.DueDate, Summary: e.Summary,
			PlanChanges: e.PlanChanges, CreatedAt: w.time(e.CreatedAt), UpdatedAt: w.time(e.UpdatedAt)}
		if err := w.tx.Save(w.ctx, ev); err != nil {
			return err
		}
		items := make([]store.EvaluationItem, 0, len(e.Items))
		for _, it := range e.Items {
			items = append(items, store.EvaluationItem{EvaluationID: ev.ID, SubGoalID: subGoals[it.SubGoalID],
				Status: it.Status, Comment: it.Comment})
		}
		if err := w.tx.ReplaceEvaluationItems(w.ctx, ev.ID, items); err != nil {
			return err
		}
	}
	for _, s := range f.WHO5 {
		err := w.tx.Save(w.ctx, &store.WHO5{CourseID: courseID, Date: s.Date, Item1: s.Items[0], Item2: s.Items[1],
			Item3: s.Items[2], Item4: s.Items[3], Item5: s.Items[4], Note: s.Note, CreatedAt: w.time(s.CreatedAt)})
		if err != nil {
			return err
		}
	}
	for _, c := range f.WeeklyChecks {
		err := w.tx.Save(w.ctx, &store.WeeklyCheck{CourseID: courseID, WeekStart: c.WeekStart, Substance: c.Substance,
			Mental: c.Mental, Note: c.Note, CreatedAt: w.time(c.CreatedAt), UpdatedAt: w.time(c.UpdatedAt)})
		if err != nil {
			return err
		}
	}
	for _, c := range f.ContactFrequencies {
		err := w.tx.Save(w.ctx, &store.ContactFrequency{CourseID: courseID, FromDate: c.FromDate, Times: c.Times, Per: c.Per,
			Note: c.Note, CreatedAt: w.time(c.CreatedAt), UpdatedAt: w.time(c.UpdatedAt)})
		if err != nil {
			return err
		}
	}
	for _, r := range f.CaseReviews {
		err := w.tx.Save(w.ctx, &store.CaseReview{CourseID: courseID, Date: r.Date, Participants: r.Participants,
			Agreed: r.Agreed, CreatedAt: w.time(r.CreatedAt), UpdatedAt: w.time(r.UpdatedAt)})
		if err != nil {
			return err
		}
	}
	if cl := f.Closing; cl != nil {
		return w.tx.SaveClosing(w.ctx, &store.Closing{CourseID: courseID, Reason: cl.Reason, AfterSupport: cl.AfterSupport,
			AfterNote: cl.AfterNote, HousingAtClose: cl.HousingAtClose, Note: cl.Note, UpdatedAt: w.time(cl.UpdatedAt)})
	}
	return nil
}

// versions inserts the signed plan versions exactly as signed. The worker who signed is
// the course's worker here and the approving lead is t.LeadID: the rows need workers of
// this installation, while the names as signed are in the snapshot.
func (w *writer) versions(c *store.Course, versions []PlanVersion, leadID uint) error {
	for _, v := range versions {
		snap, err := json.Marshal(v.Snapshot)
		if err != nil {
			return domain.Wrap(domain.CodeInternal, "encode signed plan version", err)
		}
		row := &store.PlanVersion{CourseID: c.ID, VersionNo: v.VersionNo, Snapshot: string(snap),
			SignedAt: w.time(v.SignedAt), CitizenName: v.CitizenName, CitizenDate: v.CitizenDate, Method: v.Method,
			WorkerID: c.WorkerID, WorkerDate: v.WorkerDate, CitizenComment: v.CitizenComment, CreatedAt: w.time(v.CreatedAt)}
		if v.LeadDate != "" {
			lead := leadID
			row.LeadID, row.LeadDate = &lead, ptr(v.LeadDate)
		}
		if err := w.tx.CreatePlanVersion(w.ctx, row); err != nil {
			return err
		}
	}
	return nil
}
