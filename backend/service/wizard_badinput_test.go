package service

import (
	"errors"
	"math"
	"strings"
	"testing"

	"icm/backend/domain"
)

func TestStepMethodsRejectBadInput(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Gitte Ravn")
	id := co.ID
	huge := strings.Repeat("a", 1<<20) // 1 MB
	hugeDK := strings.Repeat("æøå ", 1<<18)
	ctl := "tekst\x00med\x1bstyretegn\u202e"
	bad := "\xff\xfe\x00"
	const hi = uint(1) << 63 // the largest id JavaScript can send exactly
	many := make([]int, 100000)
	hugeItems := []EvaluationItemInput{{SubGoalID: 1, Status: huge, Comment: huge}, {SubGoalID: 1, Status: "achieved"}}
	hugeActions := []MeetingActionDTO{{Action: huge, Owner: hugeDK, Deadline: huge}}
	type tc struct {
		name string
		fn   func() error
	}
	cases := []tc{
		{"GetAssessment zero id", func() error { _, err := w.assess.GetAssessment(IDInput{}); return err }},
		{"GetAssessment high id", func() error { _, err := w.assess.GetAssessment(IDInput{ID: hi}); return err }},
		{"SaveTopic empty", func() error { _, err := w.assess.SaveTopic(SaveTopicInput{}); return err }},
		{"SaveTopic huge", func() error {
			_, err := w.assess.SaveTopic(SaveTopicInput{CourseID: id, Topic: huge, CitizenView: huge, WorkerView: hugeDK,
				Resources: huge, Needs: huge, Barriers: huge})
			return err
		}},
		{"SaveTopic control characters", func() error {
			_, err := w.assess.SaveTopic(SaveTopicInput{CourseID: id, Topic: "housing", CitizenView: ctl, Needs: bad})
			return err
		}},
		{"SaveTopic high course id", func() error {
			_, err := w.assess.SaveTopic(SaveTopicInput{CourseID: hi, Topic: "housing", CitizenView: "x"})
			return err
		}},

		{"GetPlan zero id", func() error { _, err := w.planning.GetPlan(IDInput{}); return err }},
		{"SaveGoal empty", func() error { _, err := w.planning.SaveGoal(GoalInput{}); return err }},
		{"SaveGoal without course", func() error { _, err := w.planning.SaveGoal(GoalInput{CitizenWords: "Bo selv"}); return err }},
		{"SaveGoal huge", func() error {
			_, err := w.planning.SaveGoal(GoalInput{CourseID: id, CitizenWords: huge, Area: huge, ActionPlanGoal: hugeDK})
			return err
		}},
		{"SaveGoal control characters", func() error {
			_, err := w.planning.SaveGoal(GoalInput{CourseID: id, CitizenWords: ctl, ActionPlanGoal: bad})
			return err
		}},
		{"SaveGoal high id", func() error {
			_, err := w.planning.SaveGoal(GoalInput{ID: hi, CourseID: id, CitizenWords: "x"})
			return err
		}},
		{"DeleteGoal empty", func() error { _, err := w.planning.DeleteGoal(ChildInput{}); return err }},
		{"DeleteGoal zero id", func() error { _, err := w.planning.DeleteGoal(ChildInput{CourseID: id}); return err }},
		{"SaveSubGoal empty", func() error { _, err := w.planning.SaveSubGoal(SubGoalInput{}); return err }},
		{"SaveSubGoal huge", func() error {
			_, err := w.planning.SaveSubGoal(SubGoalInput{CourseID: id, GoalID: 1, What: huge, Measure: huge, Owner: huge,
				Deadline: huge, Status: huge})
			return err
		}},
		{"SaveSubGoal control characters", func() error {
			_, err := w.planning.SaveSubGoal(SubGoalInput{CourseID: id, GoalID: 1, What: ctl, Owner: bad})
			return err
		}},
		{"SaveSubGoal zero goal", func() error {
			_, err := w.planning.SaveSubGoal(SubGoalInput{CourseID: id, What: "Søge om bolig"})
			return err
		}},
		{"DeleteSubGoal empty", func() error { _, err := w.planning.DeleteSubGoal(ChildInput{}); return err }},
		{"DeleteSubGoal high id", func() error { _, err := w.planning.DeleteSubGoal(ChildInput{CourseID: id, ID: hi}); return err }},
		{"SaveActivity empty", func() error { _, err := w.planning.SaveActivity(ActivityInput{}); return err }},
		{"SaveActivity huge", func() error {
			_, err := w.planning.SaveActivity(ActivityInput{CourseID: id, What: huge, Frequency: huge, Owner: hugeDK})
			return err
		}},
		{"SaveActivity unknown sub-goal", func() error {
			_, err := w.planning.SaveActivity(ActivityInput{CourseID: id, What: "Besøg", SubGoalID: hi})
			return err
		}},
		{"DeleteActivity empty", func() error { _, err := w.planning.DeleteActivity(ChildInput{}); return err }},
		{"DeleteActivity zero id", func() error { _, err := w.planning.DeleteActivity(ChildInput{CourseID: id}); return err }},

		{"GetCoordination zero id", func() error { _, err := w.coord.GetCoordination(IDInput{}); return err }},
		{"SaveContact empty", func() error { _, err := w.coord.SaveContact(ContactInput{}); return err }},
		{"SaveContact huge", func() error {
			_, err := w.coord.SaveContact(ContactInput{CourseID: id, Kind: huge, Name: huge, Organisation: huge, Phone: huge,
				Email: huge, Role: hugeDK, LastContact: huge})
			return err
		}},
		{"SaveContact control characters", func() error {
			_, err := w.coord.SaveContact(ContactInput{CourseID: id, Kind: "gp", Name: ctl, Phone: bad, Role: ctl})
			return err
		}},
		{"SaveContact unknown id", func() error {
			_, err := w.coord.SaveContact(ContactInput{ID: hi, CourseID: id, Kind: "gp", Name: "Lægen"})
			return err
		}},
		{"DeleteContact empty", func() error { _, err := w.coord.DeleteContact(ChildInput{}); return err }},
		{"DeleteContact zero id", func() error { _, err := w.coord.DeleteContact(ChildInput{CourseID: id}); return err }},
		{"SaveMeeting empty", func() error { _, err := w.coord.SaveMeeting(MeetingInput{}); return err }},
		{"SaveMeeting huge", func() error {
			_, err := w.coord.SaveMeeting(MeetingInput{CourseID: id, Date: huge, Participants: huge, Purpose: huge,
				Preparation: huge, Outcome: hugeDK, Actions: hugeActions})
			return err
		}},
		{"SaveMeeting 100 000 empty actions", func() error {
			_, err := w.coord.SaveMeeting(MeetingInput{CourseID: id, Date: "2026-12-01", Purpose: "x",
				Actions: make([]MeetingActionDTO, 100000)})
			return err
		}},
		{"SaveMeeting control characters", func() error {
			_, err := w.coord.SaveMeeting(MeetingInput{CourseID: id, Date: "2026-12-01", Purpose: ctl,
				Actions: []MeetingActionDTO{{Action: bad}}})
			return err
		}},
		{"DeleteMeeting empty", func() error { _, err := w.coord.DeleteMeeting(ChildInput{}); return err }},

		{"GetAdvocacy zero id", func() error { _, err := w.advocacy.GetAdvocacy(IDInput{}); return err }},
		{"SaveCase empty", func() error { _, err := w.advocacy.SaveCase(AdvocacyCaseInput{}); return err }},
		{"SaveCase huge", func() error {
			_, err := w.advocacy.SaveCase(AdvocacyCaseInput{CourseID: id, Opened: huge, Barrier: huge, Towards: huge,
				Actions: huge, Rights: hugeDK, Outcome: huge, Status: huge})
			return err
		}},
		{"SaveCase control characters", func() error {
			_, err := w.advocacy.SaveCase(AdvocacyCaseInput{CourseID: id, Opened: "2026-12-01", Barrier: ctl, Towards: bad})
			return err
		}},
		{"SaveCase without course", func() error {
			_, err := w.advocacy.SaveCase(AdvocacyCaseInput{Opened: "2026-12-01", Barrier: "x"})
			return err
		}},
		{"DeleteCase empty", func() error { _, err := w.advocacy.DeleteCase(ChildInput{}); return err }},
		{"DeleteCase zero id", func() error { _, err := w.advocacy.DeleteCase(ChildInput{CourseID: id}); return err }},

		{"GetFollowUp zero id", func() error { _, err := w.followUp.GetFollowUp(IDInput{}); return err }},
		{"SaveEvaluation empty", func() error { _, err := w.followUp.SaveEvaluation(EvaluationInput{}); return err }},
		{"SaveEvaluation huge", func() error {
			_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: id, Date: huge, Summary: huge, PlanChanges: hugeDK,
				Items: hugeItems})
			return err
		}},
		{"SaveEvaluation 10 000 empty items", func() error {
			_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: id, Date: "2026-12-01", Items: make([]EvaluationItemInput, 10000)})
			return err
		}},
		{"SaveEvaluation zero items", func() error {
			_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: id, Date: "2026-12-01", Items: make([]EvaluationItemInput, 3)})
			return err
		}},
		{"SaveEvaluation unknown sub-goal", func() error {
			_, err := w.followUp.SaveEvaluation(EvaluationInput{CourseID: id, Date: "2026-12-01",
				Items: []EvaluationItemInput{{SubGoalID: hi, Status: "achieved"}}})
			return err
		}},
		{"SaveEvaluation without course", func() error {
			_, err := w.followUp.SaveEvaluation(EvaluationInput{Date: "2026-12-01"})
			return err
		}},
		{"SaveWHO5 empty", func() error { _, err := w.followUp.SaveWHO5(WHO5Input{}); return err }},
		{"SaveWHO5 100 000 items", func() error {
			_, err := w.followUp.SaveWHO5(WHO5Input{CourseID: id, Date: "2026-12-01", Items: many})
			return err
		}},
		{"SaveWHO5 extreme items", func() error {
			_, err := w.followUp.SaveWHO5(WHO5Input{CourseID: id, Date: huge, Note: huge,
				Items: []int{math.MaxInt, math.MinInt, 0, 0, 0}})
			return err
		}},
		{"SaveWHO5 without course", func() error {
			_, err := w.followUp.SaveWHO5(WHO5Input{Date: "2026-12-01", Items: []int{1, 1, 1, 1, 1}})
			return err
		}},
		{"DeleteWHO5 empty", func() error { _, err := w.followUp.DeleteWHO5(ChildInput{}); return err }},
		{"DeleteWHO5 zero id", func() error { _, err := w.followUp.DeleteWHO5(ChildInput{CourseID: id}); return err }},
		{"SaveWeeklyCheck empty", func() error { _, err := w.followUp.SaveWeeklyCheck(WeeklyCheckInput{}); return err }},
		{"SaveWeeklyCheck extreme", func() error {
			_, err := w.followUp.SaveWeeklyCheck(WeeklyCheckInput{CourseID: id, Week: huge, Substance: math.MaxInt,
				Mental: math.MinInt, Note: huge})
			return err
		}},
		{"SaveWeeklyCheck control characters", func() error {
			_, err := w.followUp.SaveWeeklyCheck(WeeklyCheckInput{CourseID: id, Week: "2026-12-01", Note: ctl})
			return err
		}},
		{"CloseCourse empty", func() error { _, err := w.followUp.CloseCourse(CloseCourseInput{}); return err }},
		{"CloseCourse huge", func() error {
			_, err := w.followUp.CloseCourse(CloseCourseInput{CourseID: id, EndDate: huge, Reason: huge, AfterSupport: huge,
				AfterNote: huge, HousingAtClose: huge, Note: hugeDK})
			return err
		}},
		{"CloseCourse unknown course", func() error {
			_, err := w.followUp.CloseCourse(CloseCourseInput{CourseID: hi, EndDate: "2026-12-01", Reason: "moved",
				AfterSupport: "none", HousingAtClose: "other"})
			return err
		}},

		{"ListNotes zero id", func() error { _, err := w.notes.ListNotes(IDInput{}); return err }},
		{"SaveNote empty", func() error { _, err := w.notes.SaveNote(NoteInput{}); return err }},
		{"SaveNote huge", func() error {
			_, err := w.notes.SaveNote(NoteInput{CourseID: id, OccurredAt: huge, DurationMinutes: math.MaxInt, Location: huge,
				Kind: huge, Text: huge})
			return err
		}},
		{"SaveNote control characters", func() error {
			_, err := w.notes.SaveNote(NoteInput{CourseID: id, OccurredAt: "2026-12-01T09:00", Location: "home", Kind: "visit", Text: ctl})
			return err
		}},
		{"SaveNote invalid UTF-8", func() error {
			_, err := w.notes.SaveNote(NoteInput{CourseID: id, OccurredAt: bad, Location: bad, Kind: bad, Text: bad})
			return err
		}},
		{"SearchNotes huge", func() error { _, err := w.notes.SearchNotes(NoteSearchInput{Query: huge}); return err }},
		{"SearchNotes control characters", func() error { _, err := w.notes.SearchNotes(NoteSearchInput{Query: ctl}); return err }},
		{"SearchNotes invalid UTF-8", func() error { _, err := w.notes.SearchNotes(NoteSearchInput{Query: bad}); return err }},

		{"SaveSettings empty", func() error { _, err := w.teams.SaveSettings(TeamSettingsDTO{}); return err }},
		{"SearchNotes unknown course", func() error { _, err := w.notes.SearchNotes(NoteSearchInput{Query: "x", CourseID: hi}); return err }},
		{"SaveSettings extreme", func() error {
			_, err := w.teams.SaveSettings(TeamSettingsDTO{ContactGapDays: math.MinInt})
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := call(t, c.fn)
			var de *domain.Error
			if !errors.As(err, &de) {
				t.Fatalf("error = %v (%T), want a *domain.Error", err, err)
			}
			if de.Code == domain.CodeInternal {
				t.Fatalf("error = %v, want a code the UI can explain, not internal", err)
			}
			for _, fe := range de.Fields {
				if fe.Field == "" || fe.Code == "" || fe.Code == domain.CodeInternal {
					t.Errorf("field error %+v", fe)
				}
			}
			if len(de.Error()) > 1<<20 {
				t.Errorf("error text is %d bytes: input must not be echoed back", len(de.Error()))
			}
		})
	}

	// Odd but harmless input is answered, not refused.
	odd := []tc{
		{"SearchNotes FTS operators only", func() error {
			_, err := w.notes.SearchNotes(NoteSearchInput{Query: `" * - ( ) : ^ + NEAR( AND OR NOT {text}`})
			return err
		}},
		{"SearchNotes empty", func() error { _, err := w.notes.SearchNotes(NoteSearchInput{}); return err }},
		{"GetSettings", func() error { _, err := w.teams.GetSettings(); return err }},
	}
	for _, c := range odd {
		t.Run("ok: "+c.name, func(t *testing.T) {
			if err := call(t, c.fn); err != nil {
				t.Fatalf("error = %v, want none", err)
			}
		})
	}

	// Nothing of the above reached the database.
	if p := mustFn[PlanDTO](t)(w.planning.GetPlan(IDInput{ID: id})); len(p.Goals) != 0 || len(p.Activities) != 0 {
		t.Fatalf("plan after bad input = %+v", p)
	}
	if c := mustFn[CoordinationDTO](t)(w.coord.GetCoordination(IDInput{ID: id})); len(c.Contacts)+len(c.Meetings) != 0 {
		t.Fatalf("coordination after bad input = %+v", c)
	}
	if a := mustFn[AdvocacyDTO](t)(w.advocacy.GetAdvocacy(IDInput{ID: id})); len(a.Cases) != 0 {
		t.Fatalf("advocacy after bad input = %+v", a)
	}
	fu := mustFn[FollowUpDTO](t)(w.followUp.GetFollowUp(IDInput{ID: id}))
	if len(fu.Evaluations)+len(fu.WHO5)+len(fu.WeeklyChecks) != 0 || fu.Closing != nil {
		t.Fatalf("follow-up after bad input = %+v", fu)
	}
	if ns := mustFn[[]NoteDTO](t)(w.notes.ListNotes(IDInput{ID: id})); len(ns) != 0 {
		t.Fatalf("notes after bad input = %+v", ns)
	}
	if a := mustFn[AssessmentDTO](t)(w.assess.GetAssessment(IDInput{ID: id})); a.Completeness.Done != 0 {
		t.Fatalf("assessment after bad input = %+v", a.Completeness)
	}
	if c := mustFn[CourseDTO](t)(w.courses.GetCourse(IDInput{ID: id})); c.Status != "visitation" {
		t.Fatalf("course after bad input = %+v", c)
	}
}

func TestStepServicesWithoutDatabase(t *testing.T) {
	d := Deps{}
	as, pl, co, ad := NewAssessmentService(d), NewPlanningService(d), NewCoordinationService(d), NewAdvocacyService(d)
	fu, no, te := NewFollowUpService(d), NewNoteService(d), NewTeamService(d)
	for name, fn := range map[string]func() error{
		"GetAssessment":   func() error { _, err := as.GetAssessment(IDInput{ID: 1}); return err },
		"SaveTopic":       func() error { _, err := as.SaveTopic(SaveTopicInput{CourseID: 1, Topic: "housing"}); return err },
		"GetPlan":         func() error { _, err := pl.GetPlan(IDInput{ID: 1}); return err },
		"SaveGoal":        func() error { _, err := pl.SaveGoal(GoalInput{CourseID: 1, CitizenWords: "x"}); return err },
		"DeleteGoal":      func() error { _, err := pl.DeleteGoal(ChildInput{CourseID: 1, ID: 1}); return err },
		"GetCoordination": func() error { _, err := co.GetCoordination(IDInput{ID: 1}); return err },
		"SaveContact": func() error {
			_, err := co.SaveContact(ContactInput{CourseID: 1, Kind: "gp", Name: "x"})
			return err
		},
		"GetAdvocacy": func() error { _, err := ad.GetAdvocacy(IDInput{ID: 1}); return err },
		"SaveCase": func() error {
			_, err := ad.SaveCase(AdvocacyCaseInput{CourseID: 1, Opened: "2026-01-01", Barrier: "x"})
			return err
		},
		"DeleteCase":  func() error { _, err := ad.DeleteCase(ChildInput{CourseID: 1, ID: 1}); return err },
		"GetFollowUp": func() error { _, err := fu.GetFollowUp(IDInput{ID: 1}); return err },
		"SaveEvaluation": func() error {
			_, err := fu.SaveEvaluation(EvaluationInput{CourseID: 1, Date: "2026-01-01"})
			return err
		},
		"SaveWHO5": func() error {
			_, err := fu.SaveWHO5(WHO5Input{CourseID: 1, Date: "2026-01-01", Items: []int{1, 1, 1, 1, 1}})
			return err
		},
		"ListNotes":    func() error { _, err := no.ListNotes(IDInput{ID: 1}); return err },
		"SaveNote":     func() error { _, err := no.SaveNote(NoteInput{CourseID: 1}); return err },
		"SearchNotes":  func() error { _, err := no.SearchNotes(NoteSearchInput{Query: "x"}); return err },
		"GetSettings":  func() error { _, err := te.GetSettings(); return err },
		"SaveSettings": func() error { _, err := te.SaveSettings(TeamSettingsDTO{ContactGapDays: 7}); return err },
	} {
		t.Run(name, func(t *testing.T) {
			var de *domain.Error
			if err := call(t, fn); !errors.As(err, &de) {
				t.Fatalf("error = %v, want a *domain.Error", err)
			}
		})
	}
}
