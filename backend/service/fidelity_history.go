package service

import (
	"bytes"
	"context"
	"time"

	"icm/backend/domain"
	"icm/backend/pdf"
	"icm/backend/store"
)

// FidelityHistoryQuarters is how many quarters the fidelity over time goes back: two years,
// enough for management to see a trend.
const FidelityHistoryQuarters = 8

// FidelityQuarterDTO is the fidelity check of the courses that were open on one day: a
// quarter's last day, or today for the quarter that is not over (Partial).
type FidelityQuarterDTO struct {
	Year    int            `json:"year"`
	Quarter int            `json:"quarter"`
	AsOf    string         `json:"asOf"`
	Partial bool           `json:"partial"`
	Courses int            `json:"courses"`
	Rules   []RuleTotalDTO `json:"rules"`
}

// FidelityHistoryDTO is the team's fidelity over time: per quarter, how many of the courses
// open at its end met each rule, oldest quarter first.
type FidelityHistoryDTO struct {
	Today    string               `json:"today"`
	Team     TeamDTO              `json:"team"`
	Quarters []FidelityQuarterDTO `json:"quarters"`
}

// FidelityHistory gives the team's fidelity per quarter over the last two years, computed
// from the records as they stood at each quarter's end. Team leads only: it is the
// management view of the team.
func (s *OverviewService) FidelityHistory() (FidelityHistoryDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return FidelityHistoryDTO{}, err
	}
	out, err := fidelityHistory(s.ctx(), st, s.now())
	if err != nil {
		return FidelityHistoryDTO{}, err
	}
	return out, s.audit(st, a, AuditView, "fidelity_history", 0, 0, itoa(len(out.Quarters))+" quarters")
}

func fidelityHistory(ctx context.Context, st *store.Store, now time.Time) (FidelityHistoryDTO, error) {
	today := domain.Day(now)
	out := FidelityHistoryDTO{Today: today.Format(domain.DateLayout), Quarters: []FidelityQuarterDTO{}}
	team, err := st.GetTeam(ctx)
	if err != nil {
		return out, err
	}
	out.Team = TeamDTO{ID: team.ID, Municipality: team.Municipality, Name: team.Name}
	env, err := loadOverviewEnv(ctx, st, now)
	if err != nil {
		return out, err
	}
	firstStart, err := st.FirstCourseStart(ctx)
	if err != nil {
		return out, err
	}
	first, err := time.Parse(domain.DateLayout, firstStart)
	if err != nil {
		return out, nil // no course yet: nothing to follow
	}
	points := domain.FidelityQuarters(first, today, FidelityHistoryQuarters)
	if len(points) == 0 {
		return out, nil
	}
	h, err := st.LoadFidelityHistory(ctx, points[0].AsOf.Format(domain.DateLayout), out.Today, overviewContactKinds())
	if err != nil {
		return out, err
	}
	byCourse := indexHistory(h)
	for _, p := range points {
		out.Quarters = append(out.Quarters, quarterFidelity(env, h, byCourse, p))
	}
	return out, nil
}

// courseHistory is one course's dated rows.
type courseHistory struct {
	assessment  []store.HistoryRevision
	signed      []string
	goals       []store.HistoryGoal
	evaluations []string
	meetings    []string
	network     []store.HistoryNetwork
	barriers    []store.HistoryBarrier
	contacts    []store.HistoryContactMonth
}

func indexHistory(h *store.FidelityHistory) map[uint]*courseHistory {
	m := map[uint]*courseHistory{}
	of := func(id uint) *courseHistory {
		if m[id] == nil {
			m[id] = &courseHistory{}
		}
		return m[id]
	}
	for _, r := range h.Assessment {
		of(r.CourseID).assessment = append(of(r.CourseID).assessment, r)
	}
	for _, r := range h.Signed {
		of(r.CourseID).signed = append(of(r.CourseID).signed, r.Date)
	}
	for _, r := range h.Goals {
		of(r.CourseID).goals = append(of(r.CourseID).goals, r)
	}
	for _, r := range h.Evaluations {
		of(r.CourseID).evaluations = append(of(r.CourseID).evaluations, r.Date)
	}
	for _, r := range h.Meetings {
		of(r.CourseID).meetings = append(of(r.CourseID).meetings, r.Date)
	}
	for _, r := range h.Network {
		of(r.CourseID).network = append(of(r.CourseID).network, r)
	}
	for _, r := range h.Advocacy {
		of(r.CourseID).barriers = append(of(r.CourseID).barriers, r)
	}
	for _, r := range h.Contacts {
		of(r.CourseID).contacts = append(of(r.CourseID).contacts, r)
	}
	return m
}

// openOn reports whether a course was open at the end of day: started by then and not yet
// ended.
func openOn(c store.HistoryCourse, day string) bool {
	return c.StartDate <= day && (c.EndDate == nil || *c.EndDate == "" || *c.EndDate > day)
}

func quarterFidelity(env *overviewEnv, h *store.FidelityHistory, byCourse map[uint]*courseHistory, p domain.QuarterPoint) FidelityQuarterDTO {
	day := p.AsOf.Format(domain.DateLayout)
	q := FidelityQuarterDTO{Year: p.Quarter.Year, Quarter: p.Quarter.Quarter, AsOf: day, Partial: p.Partial,
		Rules: make([]RuleTotalDTO, len(domain.FidelityRules))}
	for i, r := range domain.FidelityRules {
		q.Rules[i].Rule = string(r)
	}
	open := map[uint]int{} // the workers' open courses that day
	for _, c := range h.Courses {
		if openOn(c, day) {
			open[c.WorkerID]++
		}
	}
	for _, c := range h.Courses {
		if !openOn(c, day) {
			continue
		}
		ch := byCourse[c.ID]
		if ch == nil {
			ch = &courseHistory{}
		}
		facts := factsAsOf(env, c, ch, h.ActionPlans[c.ID], open[c.WorkerID], day, p.Partial)
		q.Courses++
		for i, r := range domain.CheckFidelity(facts, p.AsOf) {
			q.Rules[i].Total++
			if r.Pass {
				q.Rules[i].Pass++
			}
		}
	}
	return q
}

// factsAsOf gives a course's fidelity facts as the records stood at the end of day. What
// has no history is read as it is now (see store.FidelityHistory); a worker who has left
// counts as inactive only today, since the data does not say when they left.
func factsAsOf(env *overviewEnv, c store.HistoryCourse, ch *courseHistory, actionPlan string, workerOpen int, day string, current bool) domain.FidelityFacts {
	asOf, _ := time.Parse(domain.DateLayout, day)
	f := domain.FidelityFacts{AssessmentFilled: map[domain.LifeArea]bool{}, ActionPlan: domain.ActionPlanStatus(actionPlan),
		ContactGapLimit: env.limit, OverrideReason: c.OverrideReason, WorkerOpen: workerOpen}
	f.Start, _ = time.Parse(domain.DateLayout, c.StartDate)
	if w := env.workers[c.WorkerID]; w != nil {
		f.HasWorker, f.WorkerActive, f.WorkerFTE = true, w.Active || !current, domain.FTE(w.FTEHundredths)
	}
	latest := map[string]store.HistoryRevision{}
	for _, r := range ch.assessment {
		if r.RevisionDate <= day && r.RevisionDate >= latest[r.Topic].RevisionDate {
			latest[r.Topic] = r
		}
	}
	for topic, r := range latest {
		f.AssessmentFilled[domain.LifeArea(topic)] = r.Filled
	}
	for _, d := range ch.signed {
		if d <= day {
			f.SignedPlanVersions++
		}
	}
	for _, g := range ch.goals {
		if g.Created <= day {
			f.GoalWords = append(f.GoalWords, g.CitizenWords)
			if g.Linked {
				f.LinkedGoals++
			}
		}
	}
	f.LastEvaluation = latestDay(ch.evaluations, day)
	f.LastMeeting = latestDay(ch.meetings, day)
	for _, n := range ch.network {
		if n.Created <= day && n.Active {
			f.ActiveNetwork++
		}
	}
	for _, b := range ch.barriers {
		if b.Opened <= day {
			f.Barriers++
			if b.Open && b.NoAction {
				f.OpenBarriersNoAction++
			}
		}
	}
	last := ""
	for _, m := range ch.contacts {
		if m.Month <= day[:7] {
			f.Contacts += m.N
			f.LocalContacts += m.Local
			last = max(last, m.Last)
		}
	}
	f.ContactGap = domain.CheckContactGap(f.Start, contactDay(last), asOf, env.limit)
	return f
}

// latestDay is the latest of the ISO dates on or before day, nil when there is none.
func latestDay(dates []string, day string) *time.Time {
	best := ""
	for _, d := range dates {
		if d <= day && d > best {
			best = d
		}
	}
	if best == "" {
		return nil
	}
	t, err := time.Parse(domain.DateLayout, best)
	if err != nil {
		return nil
	}
	return &t
}

// SaveFidelityPDF writes the team's fidelity over time as a PDF for the management meeting,
// where the team lead chooses. It holds figures only, no citizen. Team leads only.
func (s *OverviewService) SaveFidelityPDF() (ExportResultDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return ExportResultDTO{}, err
	}
	h, err := fidelityHistory(s.ctx(), st, s.now())
	if err != nil {
		return ExportResultDTO{}, err
	}
	var buf bytes.Buffer
	if err := pdf.RenderFidelityOverview(&buf, fidelityDoc(h), pdf.Options{PrintedAt: s.now()}); err != nil {
		return ExportResultDTO{}, domain.Wrap(domain.CodeInternal, "render fidelity overview", err)
	}
	if s.deps.Desktop == nil {
		return ExportResultDTO{}, domain.E(domain.CodeExportFailed, "no save dialog")
	}
	title := "ICM-mindstekrav over tid"
	path, err := s.deps.Desktop.SavePath(title, SafeFileName(title+" "+h.Today)+".pdf")
	if err != nil {
		return ExportResultDTO{}, domain.Wrap(domain.CodeExportFailed, "save dialog", err)
	}
	if path == "" {
		return ExportResultDTO{Cancelled: true}, nil
	}
	path = EnsurePDFExtension(path)
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return ExportResultDTO{}, err
	}
	return ExportResultDTO{Path: path}, s.audit(st, a, AuditExport, "fidelity_overview", 0, 0, itoa(len(h.Quarters))+" quarters")
}

// fidelityDoc turns the fidelity over time into the PDF's document.
func fidelityDoc(h FidelityHistoryDTO) pdf.FidelityOverview {
	doc := pdf.FidelityOverview{Municipality: h.Team.Municipality, Team: h.Team.Name, Today: h.Today}
	for _, r := range domain.FidelityRules {
		doc.Rules = append(doc.Rules, string(r))
	}
	for _, q := range h.Quarters {
		fq := pdf.FidelityQuarter{Year: q.Year, Quarter: q.Quarter, AsOf: q.AsOf, Partial: q.Partial, Courses: q.Courses}
		for _, r := range q.Rules {
			fq.Pass, fq.Total = append(fq.Pass, r.Pass), append(fq.Total, r.Total)
		}
		doc.Quarters = append(doc.Quarters, fq)
	}
	return doc
}
