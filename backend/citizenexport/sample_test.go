package citizenexport

import (
	"time"

	"icm/backend/plandoc"
)

// testNow is the fixed clock of the package's tests.
var testNow = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

// sampleDoc is a handover of a fictional citizen with every field of the format filled,
// one closed and one open course, as Build writes it (already clean).
func sampleDoc() *Document {
	t := func(s string) string { return s + "T09:30:00.123456789Z" }
	closed := Course{ID: 3, Status: "closed", StartDate: "2024-02-01", EndDate: "2025-01-31",
		Worker: Worker{Name: "Jonas Ravn", Initials: "JR"}, CreatedAt: t("2024-02-01"), UpdatedAt: t("2025-01-31"),
		Assessment: []AssessmentRevision{}, Plan: Plan{Goals: []Goal{}, Activities: []Activity{}},
		Coordination: Coordination{Network: []Contact{}, Meetings: []Meeting{}}, Advocacy: []AdvocacyCase{},
		FollowUp: FollowUp{Evaluations: []Evaluation{}, WHO5: []WHO5{}, WeeklyChecks: []WeeklyCheck{},
			ContactFrequencies: []ContactFrequency{}, CaseReviews: []CaseReview{},
			Closing: &Closing{Reason: "moved", AfterSupport: "none", AfterNote: "Flyttede til Aarhus.",
				HousingAtClose: "own", Note: "", UpdatedAt: t("2025-01-31")}},
		Notes: []Note{{OccurredAt: "2024-03-01T10:00", DurationMinutes: 30, Location: "office", Kind: "visit",
			Text: "Første samtale om flytningen.", AuthorName: "Jonas Ravn", CreatedAt: t("2024-03-01"), UpdatedAt: t("2024-03-01"),
			Revisions: []NoteRevision{{RevisionNo: 1, OccurredAt: "2024-03-01T10:00", DurationMinutes: 30, Location: "office",
				Kind: "visit", Text: "Første samtale om flytningen.", WorkerName: "Jonas Ravn", SavedAt: t("2024-03-01")}}}},
		PlanVersions: []PlanVersion{}}
	open := Course{ID: 7, Status: "active", StartDate: "2026-03-02", Worker: Worker{Name: "Aisha Berg", Initials: "AB"},
		Override:  &Override{Reason: "Kender borgeren fra tidligere.", By: "Mette Lund", At: t("2026-03-02")},
		CreatedAt: t("2026-03-02"), UpdatedAt: t("2026-06-01"),
		Visitation: &Visitation{HousingAtStart: "shelter", HousingNote: "Herberget på Åvej.",
			Needs: []string{"mental_health", "substance"}, NeedsNote: "Angst og alkohol.",
			TargetGroupReason: "Har brug for støtte over lang tid.", Consent: "yes", ConsentForm: "written",
			ConsentDate: "2026-03-02", ContactAgreement: "Må kontakte søsteren.", ReferralSource: "shelter",
			ReferralNote: "Pia fra herberget", VisitationDate: "2026-02-25", LegalBasis: "sel_85",
			LegalNote: "Afgørelse 20.02.2026", ActionPlan: "exists", ActionPlanDate: "2026-02-20",
			ActionPlanCaseworker: "Jens Holm", ActionPlanNote: "Målene hænger sammen.", UpdatedAt: t("2026-03-03")},
		Assessment: []AssessmentRevision{
			{Topic: "housing", RevisionDate: "2026-03-05", CitizenView: "Vil have egen bolig.", WorkerView: "Sover på herberg.",
				Resources: "Har en søster.", Needs: "Boligstøtte.", Barriers: "Gæld.", CreatedAt: t("2026-03-05"), UpdatedAt: t("2026-03-05")},
			{Topic: "housing", RevisionDate: "2026-05-10", CitizenView: "Har fået en lejlighed i sigte.",
				CreatedAt: t("2026-05-10"), UpdatedAt: t("2026-05-10")},
			{Topic: "wishes", RevisionDate: "2026-03-05", CitizenView: "At komme i arbejde igen.",
				CreatedAt: t("2026-03-05"), UpdatedAt: t("2026-03-05")},
		},
		Plan: Plan{
			Goals: []Goal{{CitizenWords: "Jeg vil have min egen lejlighed", Area: "housing", ActionPlanGoal: "Bolig",
				CreatedAt: t("2026-03-10"), UpdatedAt: t("2026-03-10"),
				SubGoals: []SubGoal{
					{ID: 41, What: "Søge boligstøtte sammen", Measure: "Ansøgning sendt", Owner: "Aisha og borgeren",
						Deadline: "2026-04-01", Status: "achieved", CreatedAt: t("2026-03-10"), UpdatedAt: t("2026-04-02")},
					{ID: 42, What: "Se tre lejligheder", Measure: "Tre fremvisninger", Owner: "Borgeren",
						Deadline: "2027-01-15", Status: "in_progress", CreatedAt: t("2026-03-10"), UpdatedAt: t("2026-03-10")},
				}}},
			Activities: []Activity{
				{What: "Besøg på herberget", Frequency: "ugentligt", Owner: "Aisha", SubGoalID: 42, CreatedAt: t("2026-03-10"), UpdatedAt: t("2026-03-10")},
				{What: "Ringe til søsteren", Frequency: "hver 14. dag", Owner: "Borgeren", CreatedAt: t("2026-03-11"), UpdatedAt: t("2026-03-11")},
			},
		},
		Coordination: Coordination{
			Network: []Contact{{Kind: "caseworker", Name: "Jens Holm", Organisation: "Solvang Kommune", Phone: "20 30 40 50",
				Email: "jens.holm@example.org", Role: "Myndighed", LastContact: "2026-05-20", Active: true,
				CreatedAt: t("2026-03-03"), UpdatedAt: t("2026-05-20")}},
			Meetings: []Meeting{{Date: "2026-04-15", Participants: "Borgeren, Jens, Aisha", Purpose: "Netværksmøde om bolig",
				Preparation: "Talte om mødet dagen før.", Outcome: "Aftale om ansøgning.", CreatedAt: t("2026-04-15"), UpdatedAt: t("2026-04-16"),
				Actions: []MeetingAction{{Action: "Sende ansøgningen", Owner: "Jens", Deadline: "2026-04-30", Done: true},
					{Action: "Finde depositum", Owner: "Aisha"}}}},
		},
		Advocacy: []AdvocacyCase{{Opened: "2026-04-20", Barrier: "Afslag uden begrundelse", Towards: "Ydelseskontoret",
			Actions: "Klage skrevet sammen", Rights: "Krav på begrundelse", Outcome: "Sagen genoptaget", Status: "resolved",
			CreatedAt: t("2026-04-20"), UpdatedAt: t("2026-05-01")}},
		FollowUp: FollowUp{
			Evaluations: []Evaluation{{Date: "2026-06-01", DueDate: "2026-06-02", Summary: "God fremgang.",
				PlanChanges: "Nyt delmål om lejligheder.", CreatedAt: t("2026-06-01"), UpdatedAt: t("2026-06-01"),
				Items: []EvaluationItem{{SubGoalID: 41, Status: "achieved", Comment: "Sendt."}, {SubGoalID: 42, Status: "in_progress"}}}},
			WHO5: []WHO5{{Date: "2026-03-05", Items: []int{2, 1, 2, 1, 1}, Note: "Træt.", CreatedAt: t("2026-03-05")},
				{Date: "2026-06-01", Items: []int{3, 3, 2, 3, 3}, CreatedAt: t("2026-06-01")}},
			WeeklyChecks: []WeeklyCheck{{WeekStart: "2026-05-25", Substance: 2, Mental: 1, Note: "Bedre uge.",
				CreatedAt: t("2026-05-27"), UpdatedAt: t("2026-05-27")}},
			ContactFrequencies: []ContactFrequency{
				{FromDate: "2026-03-02", Times: 1, Per: "day", Note: "Dagligt den første tid.", CreatedAt: t("2026-03-02"), UpdatedAt: t("2026-03-02")},
				{FromDate: "2026-05-01", Times: 2, Per: "week", CreatedAt: t("2026-05-01"), UpdatedAt: t("2026-05-01")}},
			CaseReviews: []CaseReview{{Date: "2026-04-15", Participants: "AB, JR", Agreed: "Fortsæt to besøg om ugen.",
				CreatedAt: t("2026-04-15"), UpdatedAt: t("2026-04-15")}},
		},
		Notes: []Note{
			{OccurredAt: "2026-03-05T13:15", DurationMinutes: 45, Location: "shelter", Kind: "visit",
				Text: "Samtale om bolig.\nBorgeren sov dårligt.", AuthorName: "Aisha Berg", CreatedAt: t("2026-03-05"), UpdatedAt: t("2026-03-06"),
				Revisions: []NoteRevision{
					{RevisionNo: 1, OccurredAt: "2026-03-05T12:15", DurationMinutes: 45, Location: "shelter", Kind: "visit",
						Text: "Samtale om bolig.", WorkerName: "Aisha Berg", SavedAt: t("2026-03-05")},
					{RevisionNo: 2, OccurredAt: "2026-03-05T13:15", DurationMinutes: 45, Location: "shelter", Kind: "visit",
						Text: "Samtale om bolig.\nBorgeren sov dårligt.", WorkerName: "Mette Lund", Reason: "Klokkeslæt og søvn tilføjet",
						SavedAt: t("2026-03-06")},
				}},
			{OccurredAt: "2026-05-20T09:00", DurationMinutes: 10, Location: "phone", Kind: "collaboration",
				Text: "Talte med Jens om ansøgningen.", AuthorName: "Aisha Berg", CreatedAt: t("2026-05-20"), UpdatedAt: t("2026-05-21"),
				Revisions: []NoteRevision{{RevisionNo: 1, OccurredAt: "2026-05-20T09:00", DurationMinutes: 10, Location: "phone",
					Kind: "collaboration", Text: "Talte med Jens om ansøgningen.", WorkerName: "Aisha Berg", SavedAt: t("2026-05-21")}}},
		},
		PlanVersions: []PlanVersion{{VersionNo: 1, SignedAt: t("2026-03-12"), CitizenName: "Åse Ærø Łukasz",
			CitizenDate: "2026-03-12", Method: "paper", WorkerName: "Aisha Berg", WorkerDate: "2026-03-12",
			LeadName: "Mette Lund", LeadDate: "2026-03-13", CitizenComment: "Uenig i fristen.", CreatedAt: t("2026-03-12"),
			Snapshot: plandoc.Plan{FormatVersion: 1, Municipality: "Solvang Kommune", Team: "ICM-teamet",
				Citizen: "Åse Ærø Łukasz", CitizenCPR: "010190-••••", Worker: "Aisha Berg", CourseStart: "2026-03-02",
				VersionNo: 1, Wishes: "At komme i arbejde igen.",
				Goals: []plandoc.Goal{{CitizenWords: "Jeg vil have min egen lejlighed", Area: "Bolig", ActionPlanGoal: "Bolig",
					SubGoals: []plandoc.SubGoal{{What: "Søge boligstøtte sammen", Measure: "Ansøgning sendt", Owner: "Aisha",
						Deadline: "2026-04-01", Status: "I gang"}}}},
				Activities:     []plandoc.Activity{{What: "Besøg på herberget", Frequency: "ugentligt", Owner: "Aisha"}},
				Network:        []plandoc.Contact{{Kind: "Myndighedssagsbehandler", Name: "Jens Holm", Organisation: "Solvang Kommune", Role: "Myndighed", Phone: "20 30 40 50"}},
				Actions:        []plandoc.Action{{Action: "Sende ansøgningen", Owner: "Jens", Deadline: "2026-04-30"}},
				Advocacy:       []plandoc.AdvocacyCase{{Barrier: "Afslag uden begrundelse", Towards: "Ydelseskontoret", Status: "I gang"}},
				NextEvaluation: "2026-06-02", ActionPlan141: "Der er en handleplan",
				WHO5: []plandoc.WHO5Point{{Date: "2026-03-05", Percent: 28}},
				Signature: &plandoc.Signature{CitizenName: "Åse Ærø Łukasz", CitizenDate: "2026-03-12",
					Method: "Underskrevet på papir ved et møde", WorkerName: "Aisha Berg", WorkerDate: "2026-03-12",
					LeadName: "Mette Lund", LeadDate: "2026-03-13", CitizenComment: "Uenig i fristen.",
					SignedAt: "2026-03-12T09:30:00Z"}}}},
	}
	return &Document{Format: Format, FormatVersion: FormatVersion, Purpose: PurposeHandover, ExportedAt: t("2026-11-30"),
		App: App{Version: "0.1.0"}, Source: Source{Municipality: "Solvang Kommune", Team: "ICM-teamet"},
		Citizen: Citizen{Name: "Åse Ærø Łukasz", CPR: "010190-1234", Phone: "+45 20 11 22 33", Email: "aase@example.org",
			Address: "Herberget, Åvej 3\n9999 Solvang", ContactNote: "Ring om formiddagen.", Housing: "shelter",
			HousingNote: "Midlertidigt.", CreatedAt: t("2024-02-01"), UpdatedAt: t("2026-03-02"),
			HousingHistory: []HousingEntry{
				{ID: 1, Date: "2024-01-15", Housing: "street", Note: "Sover i opgange.", Kind: "move",
					RecordedBy: &Worker{Name: "Jonas Ravn", Initials: "JR"}, CreatedAt: t("2024-02-01")},
				{ID: 2, Date: "2024-02-01", Housing: "shelter", Kind: "start", CourseID: 3, CreatedAt: t("2024-02-02")},
				{ID: 3, Date: "2024-06-01", Housing: "own", Note: "Egen lejlighed.", Kind: "move", CreatedAt: t("2024-06-02")},
				{ID: 4, Date: "2024-06-10", Housing: "own", Note: "Egen lejlighed (rettet dato).", Kind: "move", Corrects: 3,
					CreatedAt: t("2024-06-12")},
				{ID: 5, Date: "2025-01-31", Housing: "own", Kind: "close", CourseID: 3, CreatedAt: t("2025-01-31")},
				{ID: 6, Date: "2025-02-01", Housing: "sofa", Kind: "move", CreatedAt: t("2025-02-02")},
				{ID: 8, Date: "2025-02-03", Note: "Forkert borger.", Kind: "withdrawal", Corrects: 6, CreatedAt: t("2025-02-03")},
				{ID: 9, Date: "2026-03-02", Housing: "shelter", Note: "Herberget på Åvej.", Kind: "start", CourseID: 7, CreatedAt: t("2026-03-03")},
				{ID: 10, Date: "2026-03-02", Housing: "shelter", Note: "Midlertidigt.", Kind: "move", CreatedAt: t("2026-03-03")},
			}},
		Courses:  []Course{closed, open},
		AuditLog: []AuditEntry{{ID: 12, At: "2026-03-02T09:00:00Z", WorkerName: "Aisha Berg", Action: "view", Object: "citizen", Detail: ""}},
	}
}
