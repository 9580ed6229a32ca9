package service

import (
	"context"
	"icm/backend/auth"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// demoCitizen is one fictional citizen of the demo team. Every person here is invented.
type demoCitizen struct {
	name, phone, housing string
	worker               int // index into the demo workers, -1 for no course
	daysAgo              int // course start, days before today
	stage                string
	needs                []string
	referral             string
}

// demoMove is a change of housing in a demo citizen's history.
type demoMove struct {
	daysAgo int
	housing string
	note    string
}

// demoHousing gives some demo citizens a housing history: where they lived at the course
// start (if not where they live now) and the moves since, so that the overview's housing
// outcome has citizens who moved into a home of their own.
var demoHousing = map[string]struct {
	start string
	moves []demoMove
}{
	"Bjørn Aagaard": {"sofa", []demoMove{{350, "own", "Fik en etværelses lejlighed gennem boliganvisningen."},
		{200, "sofa", "Opsagt efter klager over uro; bor igen hos sin bror."}}},
	"Emil Ærenlund": {"shelter", []demoMove{{600, "temporary", "Akutbolig, mens han venter på anvisning."},
		{540, "own", "Flyttet ind i egen lejlighed."}}},
}

var demoCitizens = []demoCitizen{
	{"Bjørn Aagaard", "20 11 22 33", "sofa", 1, 420, "active", []string{"substance", "debt"}, "shelter"},
	{"Åse Holm", "", "own_at_risk", 1, 300, "active", []string{"mental_health", "isolation"}, "psychiatry"},
	{"Ørjan Kvist", "31 45 67 89", "street", 1, 12, "visitation_partial", []string{"substance"}, "outreach"},
	{"Camilla Frost", "", "shelter", 2, 200, "active", []string{"mental_health", "substance", "daily_living"}, "caseworker"},
	{"Dennis Møller", "", "temporary", 2, 200, "active", []string{"crime", "substance", "mental_health"}, "shelter"},
	{"Łukasz Nowak", "+48 501 234 567", "shelter", 2, 5, "visitation_new", nil, "shelter"},
	{"Emil Ærenlund", "", "own", 0, 700, "closed", []string{"debt", "isolation"}, "caseworker"},
	{"Fatima Hassan", "", "own_at_risk", 2, 90, "active", []string{"mental_health", "debt"}, "housing"},
	{"Gitte Ravn", "", "sofa", 1, 20, "visitation_partial", []string{"mental_health"}, "self"},
	{"Henrik Vang", "42 00 11 99", "temporary", 2, 60, "active_override", []string{"substance", "physical"}, "hospital"},
	{"Ida Sommer", "", "shelter", -1, 0, "", nil, ""},
	{"Karsten Bøgh", "", "own", 0, 240, "active", []string{"cognitive", "daily_living"}, "caseworker"},
}

// LoadDemo fills an empty database with a fictional team: three workers with different FTE
// and twelve citizens at different stages. It goes through the services, so every rule holds.
func LoadDemo(ctx context.Context, st *store.Store, now time.Time) error {
	return LoadDemoBy(ctx, st, now, "")
}

// LoadDemoBy is LoadDemo run by a headless command: the audit log names the demo data's
// entries "Demodata: " and the operator (see CommandLineAs).
func LoadDemoBy(ctx context.Context, st *store.Store, now time.Time, operator string) error {
	as := demoActor
	as.Name = actorName(as.Name, operator)
	empty, err := st.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return domain.E(domain.CodeNotEmpty, "demo data only goes into an empty database")
	}
	d := Deps{Store: st, Clock: func() time.Time { return now }, As: &as}
	teams, citizens, courses := NewTeamService(d), NewCitizenService(d), NewCourseService(d)
	if _, err := teams.SetupTeam(SetupTeamInput{Municipality: "Solvang Kommune (demo)", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 0.5}); err != nil {
		return err
	}
	workers, err := teams.ListWorkers()
	if err != nil {
		return err
	}
	ids := []uint{workers[0].ID}
	for _, w := range []WorkerInput{
		{Name: "Jonas Ørnberg", Initials: "JØ", Role: string(domain.RoleICMWorker), FTE: 1, Active: true},
		{Name: "Aisha Khalil", Initials: "AK", Role: string(domain.RoleICMWorker), FTE: 0.6, Active: true},
	} {
		saved, err := teams.SaveWorker(w)
		if err != nil {
			return err
		}
		ids = append(ids, saved.ID)
	}
	if err := demoAccounts(ctx, st, ids, now); err != nil {
		return err
	}
	day := func(daysAgo int) string { return domain.Day(now).AddDate(0, 0, -daysAgo).Format(domain.DateLayout) }
	for _, dc := range demoCitizens {
		h := demoHousing[dc.name]
		if h.start == "" {
			h.start = dc.housing
		}
		since := ""
		if dc.worker >= 0 {
			since = day(dc.daysAgo + 30)
		}
		c, err := citizens.SaveCitizen(CitizenInput{Name: dc.name, Phone: dc.phone, Housing: h.start, HousingDate: since})
		if err != nil {
			return err
		}
		for _, m := range h.moves {
			if _, err := citizens.RecordHousing(HousingInput{CitizenID: c.ID, Date: day(m.daysAgo), Housing: m.housing,
				Note: m.note}); err != nil {
				return err
			}
		}
		if dc.worker < 0 {
			continue
		}
		in := CreateCourseInput{CitizenID: c.ID, WorkerID: ids[dc.worker], StartDate: day(dc.daysAgo)}
		starts := courses
		if dc.stage == "active_override" {
			// The override is the team lead's own: Mette starts this course.
			in.OverrideReason = "Borgeren kender Aisha fra herberget; en ny relation vil sætte forløbet tilbage. Genvurderes ved næste teammøde."
			asLead := d
			asLead.As = &Actor{WorkerID: ids[0], Name: workers[0].Name, Initials: workers[0].Initials, Role: domain.RoleTeamLead}
			starts = NewCourseService(asLead)
		}
		course, err := starts.CreateCourse(in)
		if err != nil {
			return err
		}
		if dc.stage == "visitation_new" {
			continue
		}
		v := SaveVisitationInput{CourseID: course.ID, HousingAtStart: h.start, Needs: dc.needs,
			ReferralSource: dc.referral, VisitationDate: day(dc.daysAgo)}
		if dc.stage != "visitation_partial" {
			v.Consent, v.ConsentForm, v.ConsentDate = "yes", "written", day(dc.daysAgo)
			v.LegalBasis, v.ActionPlan = "sel_85", "exists"
			v.ActionPlanDate = day(dc.daysAgo + 30)
			v.TargetGroupReason = "Har brug for vedvarende, intensiv støtte til at bo og til kontakten med behandling og myndighed."
			v.ContactAgreement = "Må kontakte søster og herberget, hvis der ikke er kontakt i en uge."
		}
		if _, err := courses.SaveVisitation(v); err != nil {
			return err
		}
		if dc.name == "Dennis Møller" {
			start, _ := time.Parse(domain.DateLayout, course.StartDate)
			if err := demoFullCourse(d, course.ID, start); err != nil {
				return err
			}
		}
		switch dc.stage {
		case "active", "active_override":
			up := UpdateCourseInput{ID: course.ID, WorkerID: course.Worker.ID, StartDate: course.StartDate,
				Status: string(domain.CourseActive)}
			if _, err := courses.UpdateCourse(up); err != nil {
				return err
			}
		case "closed": // through the closing, as in the app
			if _, err := NewFollowUpService(d).CloseCourse(CloseCourseInput{CourseID: course.ID, EndDate: day(dc.daysAgo - 400),
				Reason: string(domain.CloseGoalsReached), AfterSupport: string(domain.AfterNone),
				AfterNote: "Klarer sig selv i egen bolig; ved, hvor han kan henvende sig.", HousingAtClose: dc.housing}); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoActor is who the audit log names for the demo data's own entries.
var demoActor = Actor{Name: "Demodata", Initials: "DEMO", Role: domain.RoleTeamLead}

// DemoUsernames are the demo workers' usernames, in the order of the demo team; every demo
// worker has DemoPassword. The sign-in screen shows them when the demo team is loaded.
var DemoUsernames = []string{"mette", "jonas", "aisha"}

func demoAccounts(ctx context.Context, st *store.Store, workerIDs []uint, now time.Time) error {
	hash, err := auth.Hash(DemoPassword)
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "hash password", err)
	}
	for i, id := range workerIDs {
		if err := saveAccount(ctx, st, id, DemoUsernames[i], hash, false, now); err != nil {
			return err
		}
	}
	return st.SetSetting(ctx, settingDemo, "1")
}
