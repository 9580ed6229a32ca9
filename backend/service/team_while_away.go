package service

import (
	"strings"

	"icm/backend/domain"
	"icm/backend/store"
)

// whileAwayDays is how long after a cover for a worker ended the worker's start screen
// shows what was written meanwhile.
const whileAwayDays = 30

// settingWhileAwayRead is the local setting (one per worker, "while_away_read:<id>") that
// holds the day the worker marked "while you were away" as read. It stays on the laptop:
// a worker returns to their own laptop, and one who reads it on another sees it there once
// more, which does no harm; a synced marker would need a team-level rule for a worker's
// own row in a table only team leads may change.
const settingWhileAwayRead = "while_away_read:"

// WhileAwayDTO is what colleagues wrote in the signed-in worker's courses while others
// covered for them: the covers that ended (or were withdrawn) in the last 30 days and
// that the worker has not marked as read, and the notes and plan versions of those days.
type WhileAwayDTO struct {
	Periods []AwayPeriodDTO `json:"periods"`
	Items   []AwayItemDTO   `json:"items"`
}

// AwayPeriodDTO is one cover for the worker that has ended: who covered, from when until
// when it lasted (Until is the withdrawal day when it was withdrawn early).
type AwayPeriodDTO struct {
	CoverID         uint   `json:"coverId"`
	CoverWorkerName string `json:"coverWorkerName"`
	From            string `json:"from"`
	Until           string `json:"until"`
	All             bool   `json:"all"`
	CitizenCount    int    `json:"citizenCount"`
}

// AwayItemDTO is one thing a colleague wrote in the worker's course: a journal note (its
// date, kind, author and first line) or a signed plan version (its number).
type AwayItemDTO struct {
	Kind        string `json:"kind"` // "note" or "plan_version"
	Day         string `json:"day"`  // the day it was written (ISO date)
	CourseID    uint   `json:"courseId"`
	CitizenID   uint   `json:"citizenId"`
	CitizenName string `json:"citizenName"`
	Author      string `json:"author"`
	NoteKind    string `json:"noteKind"`
	OccurredAt  string `json:"occurredAt"`
	FirstLine   string `json:"firstLine"`
	VersionNo   int    `json:"versionNo"`
}

// WhileAway lists, for the signed-in worker, what colleagues wrote in their courses during
// the covers for them that ended in the last 30 days ("Mens du var væk"). Every citizen
// whose data it lists is logged as listed.
func (s *TeamService) WhileAway() (WhileAwayDTO, error) {
	out := WhileAwayDTO{Periods: []AwayPeriodDTO{}, Items: []AwayItemDTO{}}
	st, err := s.ready()
	if err != nil {
		return out, err
	}
	a, _ := s.actor()
	if a.WorkerID == 0 {
		return out, nil
	}
	today := s.today()
	day := today.Format(domain.DateLayout)
	since := today.AddDate(0, 0, -whileAwayDays).Format(domain.DateLayout)
	read, err := st.GetSetting(s.ctx(), settingWhileAwayRead+itoa(int(a.WorkerID)), "")
	if err != nil {
		return out, err
	}
	rows, err := st.CoversOf(s.ctx(), a.WorkerID, since, day)
	if err != nil {
		return out, err
	}
	var ended []store.Cover
	var untils []string
	for _, c := range rows {
		until, ok := coverEnded(c, day)
		if !ok || until < since || until <= read {
			continue
		}
		ended = append(ended, c)
		untils = append(untils, until)
	}
	if len(ended) == 0 {
		return out, nil
	}
	names, err := workerNames(s.ctx(), st)
	if err != nil {
		return out, err
	}
	sets, err := coverSets(s.ctx(), st, a, ended, names, day)
	if err != nil {
		return out, err
	}
	from, to := day, ""
	for _, set := range sets {
		i := 0
		for i < len(ended) && ended[i].ID != set.ID {
			i++
		}
		until := untils[min(i, len(untils)-1)]
		out.Periods = append(out.Periods, AwayPeriodDTO{CoverID: set.ID, CoverWorkerName: set.CoverWorkerName,
			From: set.From, Until: until, All: set.All, CitizenCount: set.CitizenCount})
		from, to = min(from, set.From), max(to, until)
	}
	writes, err := st.WrittenInCourses(s.ctx(), a.WorkerID, from, to)
	if err != nil {
		return out, err
	}
	byCitizen, err := st.WorkersByCitizen(s.ctx())
	if err != nil {
		return out, err
	}
	check := newAccessCheck(s.ctx(), st, a)
	var entries []store.AuditEntry
	logged := map[[2]uint]bool{}
	for _, w := range writes {
		if !inAnyPeriod(w.Day, out.Periods) || check.may(byCitizen[w.CitizenID], readAccess) != nil {
			continue
		}
		out.Items = append(out.Items, AwayItemDTO{Kind: w.Kind, Day: w.Day, CourseID: w.CourseID, CitizenID: w.CitizenID,
			CitizenName: w.CitizenName, Author: w.AuthorName, NoteKind: w.NoteKind, OccurredAt: w.OccurredAt,
			FirstLine: firstLine(w.Text, 120), VersionNo: w.VersionNo})
		if k := [2]uint{w.CitizenID, w.CourseID}; !logged[k] {
			logged[k] = true
			entries = append(entries, auditEntry(a, AuditList, "notes", w.CitizenID, w.CourseID, "while away"))
		}
	}
	if len(entries) == 0 {
		return out, nil
	}
	return out, st.AppendAudit(s.ctx(), s.now(), entries...)
}

// MarkWhileAwayRead hides the signed-in worker's "while you were away" until a cover for
// them ends again.
func (s *TeamService) MarkWhileAwayRead() (WhileAwayDTO, error) {
	st, err := s.ready()
	if err != nil {
		return WhileAwayDTO{}, err
	}
	a, _ := s.actor()
	if a.WorkerID == 0 {
		return WhileAwayDTO{}, domain.E(domain.CodeForbidden, "no worker is signed in")
	}
	if err := st.SetSetting(s.ctx(), settingWhileAwayRead+itoa(int(a.WorkerID)), s.today().Format(domain.DateLayout)); err != nil {
		return WhileAwayDTO{}, err
	}
	return s.WhileAway()
}

// coverEnded says whether a cover has ended by today (ISO date) and on which day it last
// held: its end date, or the day it was withdrawn. A cover withdrawn before it began never
// held; one withdrawn before migration 0014 (no day kept) counts from its end date.
func coverEnded(c store.Cover, today string) (string, bool) {
	if c.Withdrawn && c.WithdrawnOn != nil && *c.WithdrawnOn != "" {
		until := min(*c.WithdrawnOn, c.ToDate)
		return until, until >= c.FromDate && until <= today
	}
	return c.ToDate, c.ToDate < today
}

// inAnyPeriod says whether a day lies in one of the periods.
func inAnyPeriod(day string, ps []AwayPeriodDTO) bool {
	for _, p := range ps {
		if p.From <= day && day <= p.Until {
			return true
		}
	}
	return false
}

// firstLine is the first non-empty line of a text, cut to n characters.
func firstLine(text string, n int) string {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if r := []rune(l); len(r) > n {
				return string(r[:n]) + "…"
			}
			return l
		}
	}
	return ""
}
