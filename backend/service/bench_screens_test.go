package service

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"icm/backend/benchdata"
	"icm/backend/domain"
	"icm/backend/store"
)

// tenYears is the signed-in test fixture filled with the fictional ten-year database: 300
// citizens, 600 courses with every step filled in, 200 000 journal notes.
func tenYears(b *testing.B) (*fixture, benchdata.Summary) {
	b.Helper()
	f := newFixture(b)
	sum, err := benchdata.Generate(context.Background(), f.d.Store, benchdata.TenYears(testNow))
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("ten-year database written in %v: %d citizens, %d courses (%d open), %d notes",
		sum.Elapsed, sum.Citizens, sum.Courses, sum.OpenCourses, sum.Notes)
	return f, sum
}

// screenCall is one bound method as a screen calls it, with a check of what it returned,
// and where the service has one, the same call without the access check and the audit
// entry of the view (what the audit log adds is the difference).
type screenCall struct {
	name     string
	call     func() (string, error) // returns what the check failed on, "" when the result is right
	unlogged func() error
}

func want(ok bool, format string, args ...any) (string, error) {
	if ok {
		return "", nil
	}
	return fmt.Sprintf(format, args...), nil
}

// BenchmarkScreens measures every screen's backend call at ten-year scale, through the same
// services and sign-in the app uses (so the audit entry of each view is included).
func BenchmarkScreens(b *testing.B) {
	f, sum := tenYears(b)
	d := f.d
	course, busy := IDInput{ID: sum.TypicalCourse}, IDInput{ID: sum.BusiestCourse}
	notes, steps := NewNoteService(d), struct {
		assess *AssessmentService
		plan   *PlanningService
		coord  *CoordinationService
		adv    *AdvocacyService
		fu     *FollowUpService
	}{NewAssessmentService(d), NewPlanningService(d), NewCoordinationService(d), NewAdvocacyService(d), NewFollowUpService(d)}
	overview, versions, tmpl := NewOverviewService(d), NewPlanVersionService(d), NewTemplateService(d, &fakeDesktop{})
	export := NewExportService(d, &fakeDesktop{path: filepath.Join(b.TempDir(), "plan.pdf")}, b.TempDir())
	// The same calls as the ICM worker of the busiest course sees them: for a worker, every
	// citizen in a list is checked against the team's access rule for colleagues' citizens.
	bc, err := f.courses.GetCourse(busy)
	if err != nil {
		b.Fatal(err)
	}
	wd := f.d
	wd.As = &Actor{WorkerID: bc.Worker.ID, Name: bc.Worker.Name, Initials: bc.Worker.Initials, Role: domain.RoleICMWorker}
	wCitizens, wNotes, wCourses := NewCitizenService(wd), NewNoteService(wd), NewCourseService(wd)
	vs, err := versions.ListVersions(IDInput{ID: sum.Versioned})
	if err != nil || len(vs) < 2 {
		b.Fatalf("versions of course %d: %d, %v", sum.Versioned, len(vs), err)
	}

	calls := []screenCall{
		{"CitizenList", func() (string, error) {
			l, err := f.citizens.ListCitizens(CitizenListInput{})
			return wantErr(err, len(l) == sum.Citizens, "%d citizens", len(l))
		}, nil},
		{"CitizenList_query", func() (string, error) {
			l, err := f.citizens.ListCitizens(CitizenListInput{Query: "an"})
			return wantErr(err, len(l) > 0 && len(l) < sum.Citizens, "%d citizens", len(l))
		}, nil},
		{"CitizenList_as_worker", func() (string, error) {
			l, err := wCitizens.ListCitizens(CitizenListInput{})
			return wantErr(err, len(l) > 0, "%d citizens", len(l))
		}, nil},
		{"CitizenDetail", func() (string, error) {
			c, err := f.citizens.GetCitizen(IDInput{ID: sum.Citizen})
			return wantErr(err, len(c.Courses) >= 2, "%d courses", len(c.Courses))
		}, func() error { _, err := f.citizens.load(f.d.Store, sum.Citizen); return err }},
		{"GetCourse", func() (string, error) {
			c, err := f.courses.GetCourse(course)
			return wantErr(err, len(c.Steps) == 6, "%d steps", len(c.Steps))
		}, func() error { _, err := f.courses.getCourse(course); return err }},
		{"GetCourse_busiest", func() (string, error) {
			c, err := f.courses.GetCourse(busy)
			return wantErr(err, len(c.Steps) == 6, "%d steps", len(c.Steps))
		}, func() error { _, err := f.courses.getCourse(busy); return err }},
		{"GetCourse_busiest_as_worker", func() (string, error) {
			c, err := wCourses.GetCourse(busy)
			return wantErr(err, len(c.Steps) == 6 && !c.ReadOnly, "%d steps, read-only %v", len(c.Steps), c.ReadOnly)
		}, nil},
		{"Step1_Visitation", func() (string, error) {
			v, err := f.courses.GetVisitation(busy)
			return wantErr(err, v.CourseID == busy.ID, "course %d", v.CourseID)
		}, func() error { _, err := f.courses.getVisitation(busy); return err }},
		{"Step2_Assessment", func() (string, error) {
			a, err := steps.assess.GetAssessment(busy)
			return wantErr(err, len(a.Topics) > 0, "%d topics", len(a.Topics))
		}, func() error { _, err := steps.assess.getAssessment(busy); return err }},
		{"Step3_Plan", func() (string, error) {
			p, err := steps.plan.GetPlan(busy)
			return wantErr(err, len(p.Goals) > 0, "%d goals", len(p.Goals))
		}, func() error { _, err := steps.plan.getPlan(busy); return err }},
		{"Step4_Coordination", func() (string, error) {
			c, err := steps.coord.GetCoordination(busy)
			return wantErr(err, len(c.Contacts) > 0 && len(c.Meetings) > 0, "%d contacts, %d meetings", len(c.Contacts), len(c.Meetings))
		}, func() error { _, err := steps.coord.getCoordination(busy); return err }},
		{"Step5_Advocacy", func() (string, error) {
			a, err := steps.adv.GetAdvocacy(busy)
			return wantErr(err, a.CourseID == busy.ID, "course %d", a.CourseID)
		}, func() error { _, err := steps.adv.getAdvocacy(busy); return err }},
		{"Step6_FollowUp", func() (string, error) {
			u, err := steps.fu.GetFollowUp(busy)
			return wantErr(err, len(u.Evaluations) > 0 && len(u.WHO5) > 0, "%d evaluations", len(u.Evaluations))
		}, func() error { _, err := steps.fu.getFollowUp(busy); return err }},
		{"NotesList", func() (string, error) {
			l, err := notes.ListNotes(course)
			return wantErr(err, len(l) == sum.TypicalNotes, "%d notes, want %d", len(l), sum.TypicalNotes)
		}, func() error { _, err := notes.listNotes(course); return err }},
		{"NotesList_busiest", func() (string, error) {
			l, err := notes.ListNotes(busy)
			return wantErr(err, len(l) == sum.BusiestNotes, "%d notes, want %d", len(l), sum.BusiestNotes)
		}, func() error { _, err := notes.listNotes(busy); return err }},
		{"NoteSearch_rare", func() (string, error) {
			h, err := notes.SearchNotes(NoteSearchInput{Query: benchdata.RareWord})
			return wantErr(err, len(h) == sum.RareHits, "%d hits, want %d", len(h), sum.RareHits)
		}, nil},
		{"NoteSearch_common", func() (string, error) {
			h, err := notes.SearchNotes(NoteSearchInput{Query: benchdata.CommonWord})
			return wantErr(err, len(h) == 200, "%d hits, want 200", len(h))
		}, nil},
		{"NoteSearch_common_as_worker", func() (string, error) {
			h, err := wNotes.SearchNotes(NoteSearchInput{Query: benchdata.CommonWord})
			return wantErr(err, len(h) > 0, "%d hits", len(h))
		}, nil},
		{"NoteSearch_common_in_course", func() (string, error) {
			h, err := notes.SearchNotes(NoteSearchInput{Query: benchdata.CommonWord, CourseID: busy.ID})
			return wantErr(err, len(h) == 200, "%d hits, want 200", len(h))
		}, nil},
		{"NoteSearch_two_prefixes", func() (string, error) {
			h, err := notes.SearchNotes(NoteSearchInput{Query: "borg aft"})
			return wantErr(err, len(h) == 200, "%d hits, want 200", len(h))
		}, nil},
		{"TeamPage", func() (string, error) {
			w, err := f.teams.ListWorkers()
			if err != nil {
				return "", err
			}
			_, err = f.teams.GetTeam()
			return wantErr(err, len(w) > 12, "%d workers", len(w))
		}, nil},
		{"Caseload", func() (string, error) {
			o, err := f.teams.TeamOverview()
			return wantErr(err, o.Open == sum.OpenCourses, "%d open", o.Open)
		}, nil},
		{"TeamOverview", func() (string, error) {
			o, err := overview.TeamOverview()
			return wantErr(err, o.OpenCourses == sum.OpenCourses && len(o.Fidelity) == sum.OpenCourses, "%d open", o.OpenCourses)
		}, nil},
		{"Fidelity", func() (string, error) {
			r, err := overview.CourseFidelity(busy)
			return wantErr(err, r.Total > 0, "%d rules", r.Total)
		}, func() error { _, err := overview.courseFidelity(busy); return err }},
		{"Template", func() (string, error) {
			t, err := tmpl.GetTemplate()
			return wantErr(err, len(t.Versions) == 3, "%d versions", len(t.Versions))
		}, nil},
		{"PlanVersions_list", func() (string, error) {
			l, err := versions.ListVersions(IDInput{ID: sum.Versioned})
			return wantErr(err, len(l) == len(vs), "%d versions", len(l))
		}, nil},
		{"PlanVersions_compare", func() (string, error) {
			c, err := versions.Compare(CompareInput{CourseID: sum.Versioned, FromID: vs[len(vs)-1].ID, ToID: vs[0].ID})
			return wantErr(err, len(c.Changes) > 0, "%d changes", len(c.Changes))
		}, nil},
		{"PlanVersions_draft", func() (string, error) {
			p, err := versions.Draft(busy)
			return wantErr(err, len(p.Plan.Goals) > 0, "%d goals", len(p.Plan.Goals))
		}, nil},
		{"PlanPDF_export", func() (string, error) {
			r, err := export.SavePlanPDF(ExportPlanInput{CourseID: busy.ID})
			return wantErr(err, r.Path != "", "no file")
		}, func() error { _, err := export.savePlanPDF(ExportPlanInput{CourseID: busy.ID}); return err }},
	}
	for _, c := range calls {
		if bad, err := c.call(); err != nil || bad != "" {
			b.Fatalf("%s: %v %s", c.name, err, bad)
		}
		b.Run(c.name, func(b *testing.B) {
			timed(b, func() error { _, err := c.call(); return err })
		})
		if c.unlogged != nil {
			b.Run(c.name+"_unlogged", func(b *testing.B) { timed(b, c.unlogged) })
		}
	}
	// One audit entry on its own, as every view above appends it (a write transaction with
	// a synchronous commit).
	b.Run("AuditAppend", func(b *testing.B) {
		e := store.AuditEntry{WorkerID: f.lead.ID, WorkerName: f.lead.Name, Action: AuditView, Object: "plan",
			CitizenID: sum.Citizen, CourseID: busy.ID}
		timed(b, func() error { return f.d.Store.AppendAudit(context.Background(), testNow, e) })
	})
}

// timed runs call in the benchmark loop and reports, beside the mean, the median and the
// 90th percentile of the single calls: on a shared machine a few calls that wait for the
// disk or the CPU move the mean far more than what a user mostly sees.
func timed(b *testing.B, call func() error) {
	b.Helper()
	b.ReportAllocs()
	var took []time.Duration
	for b.Loop() {
		began := time.Now()
		if err := call(); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(began))
	}
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)*9/10]), "p90-ms")
}

func wantErr(err error, ok bool, format string, args ...any) (string, error) {
	if err != nil {
		return "", err
	}
	return want(ok, format, args...)
}
