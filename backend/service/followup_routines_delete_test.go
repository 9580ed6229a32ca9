package service

import (
	"testing"

	"icm/backend/domain"
)

// Agreements, case reviews and team meetings entered by mistake can be deleted, audited,
// only through their own course (or by the team lead for team meetings).
func TestRoutinesDelete(t *testing.T) {
	w := newWizard(t) // 2026-12-01
	co := w.courseFrom(t, "Åse Ærø", "2026-11-02")
	other := w.courseFrom(t, "Bo Berg", "2026-11-02")
	mustFn[FollowUpDTO](t)(w.followUp.SaveContactFrequency(ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-02", Times: 2, Per: "week"}))
	fu := mustFn[FollowUpDTO](t)(w.followUp.SaveContactFrequency(ContactFrequencyInput{CourseID: co.ID, FromDate: "2026-11-30", Times: 1, Per: "day"}))
	fu = mustFn[FollowUpDTO](t)(w.followUp.SaveCaseReview(CaseReviewInput{CourseID: co.ID, Date: "2026-11-20", Participants: "ML", Agreed: "x"}))
	freqID, reviewID := fu.ContactFrequencies[1].ID, fu.CaseReviews[0].ID

	_, err := w.followUp.DeleteContactFrequency(ChildInput{CourseID: other.ID, ID: freqID})
	wantCode(t, err, domain.CodeNotFound)
	_, err = w.followUp.DeleteCaseReview(ChildInput{CourseID: other.ID, ID: reviewID})
	wantCode(t, err, domain.CodeNotFound)

	fu = mustFn[FollowUpDTO](t)(w.followUp.DeleteContactFrequency(ChildInput{CourseID: co.ID, ID: freqID}))
	if len(fu.ContactFrequencies) != 1 || fu.FrequencyNow == nil || fu.FrequencyNow.Per != "week" {
		t.Fatalf("after deleting the agreement: %+v now %+v", fu.ContactFrequencies, fu.FrequencyNow)
	}
	if e := lastAudit(t, w.d.Store, AuditDelete); e.CourseID != co.ID || e.Detail != "contact_frequency "+itoa(int(freqID)) {
		t.Fatalf("audit %+v", e)
	}
	fu = mustFn[FollowUpDTO](t)(w.followUp.DeleteCaseReview(ChildInput{CourseID: co.ID, ID: reviewID}))
	if len(fu.CaseReviews) != 0 || fu.LastCaseReview != "" {
		t.Fatalf("after deleting the review: %+v", fu.CaseReviews)
	}
	if e := lastAudit(t, w.d.Store, AuditDelete); e.Detail != "case_review "+itoa(int(reviewID)) {
		t.Fatalf("audit %+v", e)
	}
	_, err = w.followUp.DeleteCaseReview(ChildInput{CourseID: co.ID, ID: reviewID})
	wantCode(t, err, domain.CodeNotFound)

	lead := NewTeamService(asLead(t, w.d))
	r := mustFn[TeamRoutinesDTO](t)(lead.SaveTeamMeeting(TeamMeetingInput{Kind: "status", Date: "2026-11-30"}))
	worker := w.worker(t, "Jonas Ørnberg", "JØ", domain.RoleICMWorker, 1)
	_, err = NewTeamService(asWorker(w.d, worker)).DeleteTeamMeeting(IDInput{ID: r.Meetings[0].ID})
	wantCode(t, err, domain.CodeForbidden)
	r = mustFn[TeamRoutinesDTO](t)(lead.DeleteTeamMeeting(IDInput{ID: r.Meetings[0].ID}))
	if len(r.Meetings) != 0 || !r.StatusMeetingLate {
		t.Fatalf("after deleting the meeting: %+v", r)
	}
	if e := lastAudit(t, w.d.Store, AuditDelete); e.Object != "team_meeting" {
		t.Fatalf("audit %+v", e)
	}
	_, err = lead.DeleteTeamMeeting(IDInput{ID: 999})
	wantCode(t, err, domain.CodeNotFound)
}
