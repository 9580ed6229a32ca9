package service

import (
	"context"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/plandoc"
	"icm/backend/store"
)

// Danish labels the summary needs beyond those of the plan snapshot.
var summaryLabels = map[string]map[string]string{
	"status":   {"visitation": "Under visitation", "active": "I gang", "closed": "Afsluttet"},
	"referral": {"caseworker": "Myndighedssagsbehandler", "outreach": "Fremskudt rådgivning eller gadeplan", "shelter": "Herberg eller forsorgshjem", "psychiatry": "Psykiatrien", "addiction": "Misbrugsbehandling", "hospital": "Hospital", "probation": "Kriminalforsorgen", "housing": "Boligorganisation eller boliganvisning", "self": "Borgeren selv eller pårørende", "other": "Andet"},
	"need":     {"mental_health": "Psykisk lidelse eller sårbarhed", "substance": "Misbrug af alkohol, stoffer eller medicin", "debt": "Gæld og økonomi", "physical": "Fysisk helbred og tandsundhed", "cognitive": "Kognitive vanskeligheder", "isolation": "Ensomhed og manglende netværk", "crime": "Kriminalitet", "daily_living": "Praktiske dagligdagsfunktioner", "other": "Andet"},
	"legal":    {"sel_85": "Serviceloven § 85", "sel_99": "Serviceloven § 99", "other": "Anden hjemmel"},
	"noteKind": {"visit": "Besøg eller samtale", "phone_call": "Telefonsamtale", "accompaniment": "Ledsagelse", "meeting": "Møde", "attempt": "Forsøg på kontakt (ikke truffet)", "cancelled": "Aflyst af borgeren", "collaboration": "Samarbejdspartner", "other": "Andet"},
	"closing":  {"goals_reached": "Klarer sig med mindre støtte", "citizen_ended": "Borgeren ønskede ikke støtten længere", "moved": "Fraflyttet kommunen", "institution": "Længerevarende ophold", "death": "Dødsfald", "other": "Andet"},
	"after":    {"cti": "CTI", "sel_85": "Almindelig § 85-støtte", "other": "Anden støtte", "none": "Ingen støtte"},
}

func sl(group, v string) string {
	if s, ok := summaryLabels[group][v]; ok {
		return s
	}
	return v
}

// buildSummary collects the whole course for the summary PDF: the current plan, the
// visitation, the latest text of every assessment topic, the evaluations, every WHO-5
// score and, when asked, the journal notes.
func buildSummary(ctx context.Context, st *store.Store, c *store.Course, now time.Time, withNotes bool) (plandoc.Summary, error) {
	plan, err := buildPlanDoc(ctx, st, c, now, snapshotLang)
	if err != nil {
		return plandoc.Summary{}, err
	}
	out := plandoc.Summary{FormatVersion: plandoc.Version, Plan: plan, CourseStatus: sl("status", c.Status)}
	if cl, err := st.GetClosing(ctx, c.ID); err != nil {
		return out, err
	} else if cl != nil {
		out.EndReason = sl("closing", cl.Reason) + " · " + sl("after", cl.AfterSupport)
	}
	v, err := st.GetVisitation(ctx, c.ID)
	if err != nil {
		return out, err
	}
	referred := sl("referral", v.ReferralSource)
	if v.ReferralNote != "" {
		referred = strings.TrimSpace(referred + " – " + v.ReferralNote)
	}
	out.Visitation = plandoc.Visitation{Date: deref(v.VisitationDate), ReferredBy: referred, Reason: v.TargetGroupReason,
		DecidedBy: sl("legal", v.LegalBasis)}
	for _, n := range storedNeeds(v.Needs) {
		out.Visitation.Criteria = append(out.Visitation.Criteria, sl("need", string(n)))
	}
	rows, err := st.ListAssessment(ctx, c.ID)
	if err != nil {
		return out, err
	}
	for _, t := range domain.AssessmentTopics {
		l := latestRevision(rows, string(t))
		if l == nil || !hasText(*l) {
			continue
		}
		out.Assessment = append(out.Assessment, plandoc.AssessmentTopic{Topic: label(snapshotLang, labelLifeArea, string(t)),
			Text: assessmentText(*l), UpdatedAt: l.RevisionDate})
	}
	fu, err := loadFollowUp(ctx, st, c, now)
	if err != nil {
		return out, err
	}
	goalOf, err := goalWordsBySubGoal(ctx, st, c.ID)
	if err != nil {
		return out, err
	}
	for _, e := range fu.Evaluations {
		out.Evaluations = append(out.Evaluations, evaluationDoc(e, goalOf))
	}
	for _, w := range fu.WHO5 {
		out.WHO5 = append(out.WHO5, plandoc.WHO5Point{Date: w.Date, Percent: w.Percent})
	}
	if withNotes {
		notes, err := st.ListNotes(ctx, c.ID, 0)
		if err != nil {
			return out, err
		}
		for i := len(notes) - 1; i >= 0; i-- { // oldest first on paper
			n := notes[i]
			j := plandoc.JournalNote{Date: n.OccurredAt[:10], Author: n.AuthorName, Kind: sl("noteKind", n.Kind), Text: n.Text}
			if n.RevisionNo > 1 {
				j.CorrectedOn, j.CorrectedBy = n.UpdatedAt.Local().Format(domain.DateLayout), n.RevisionWorkerName
			}
			out.Journal = append(out.Journal, j)
		}
	}
	return out, nil
}

// buildEvaluationDoc gives one evaluation of the course with the course header.
func buildEvaluationDoc(ctx context.Context, st *store.Store, c *store.Course, evaluationID uint, now time.Time) (plandoc.EvaluationDoc, error) {
	plan, err := buildPlanDoc(ctx, st, c, now, snapshotLang)
	if err != nil {
		return plandoc.EvaluationDoc{}, err
	}
	fu, err := loadFollowUp(ctx, st, c, now)
	if err != nil {
		return plandoc.EvaluationDoc{}, err
	}
	goalOf, err := goalWordsBySubGoal(ctx, st, c.ID)
	if err != nil {
		return plandoc.EvaluationDoc{}, err
	}
	for _, e := range fu.Evaluations {
		if e.ID == evaluationID {
			return plandoc.EvaluationDoc{FormatVersion: plandoc.Version, Course: plan.Header(), Evaluation: evaluationDoc(e, goalOf)}, nil
		}
	}
	return plandoc.EvaluationDoc{}, domain.E(domain.CodeNotFound, "no such evaluation on this course")
}

func evaluationDoc(e EvaluationDTO, goalOf map[uint]string) plandoc.Evaluation {
	out := plandoc.Evaluation{Date: e.Date, DueDate: e.DueDate, Summary: e.Summary, PlanChanges: e.PlanChanges}
	for _, it := range e.Items {
		out.SubGoals = append(out.SubGoals, plandoc.SubGoalReview{Goal: goalOf[it.SubGoalID], What: it.SubGoalWhat,
			Status: label(snapshotLang, labelSubGoalStatus, it.Status), Comment: it.Comment})
	}
	return out
}

func goalWordsBySubGoal(ctx context.Context, st *store.Store, courseID uint) (map[uint]string, error) {
	goals, err := st.ListGoals(ctx, courseID)
	if err != nil {
		return nil, err
	}
	words := map[uint]string{}
	for _, g := range goals {
		words[g.ID] = g.CitizenWords
	}
	subs, err := st.ListSubGoals(ctx, courseID)
	if err != nil {
		return nil, err
	}
	out := map[uint]string{}
	for _, s := range subs {
		out[s.ID] = words[s.GoalID]
	}
	return out, nil
}

// assessmentText joins a revision's fields into one readable text with their headings.
func assessmentText(e store.AssessmentEntry) string {
	parts := []struct{ head, text string }{{"Borgerens oplevelse", e.CitizenView}, {"Iagttagelser", e.WorkerView},
		{"Ressourcer", e.Resources}, {"Behov", e.Needs}, {"Barrierer", e.Barriers}}
	var b strings.Builder
	for _, p := range parts {
		if p.text == "" {
			continue
		}
		if e.Topic == string(domain.AreaWishes) || e.Topic == string(domain.AreaHelpBarriers) {
			b.WriteString(p.text)
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(p.head + ": " + p.text)
	}
	return b.String()
}
