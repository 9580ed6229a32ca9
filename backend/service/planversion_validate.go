package service

import (
	"context"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// signature is a validated sign-off form.
type signature struct {
	citizenName, citizenDate, method, workerDate string
	lead                                         *store.Worker // nil: no team lead approval
	leadDate                                     string
	comment                                      string
}

// validateSignature checks the sign-off form against the course: every date lies between
// the course's start and today, the method is one of domain.SignMethods, and an approval
// is the acting team lead's (an active one) and comes with a date (and a date only with an
// approval). An empty citizen name becomes the citizen's registered name.
func validateSignature(ctx context.Context, st *store.Store, c *store.Course, citizen *store.Citizen,
	in SignPlanInput, now time.Time, a Actor) (signature, error) {
	var p domain.Problems
	start, err := time.Parse(domain.DateLayout, c.StartDate)
	if err != nil {
		start = domain.MinCourseDate
	}
	today := domain.Day(now)
	date := func(field, s string, required bool) string {
		return domain.FormatDate(domain.ParseDate(&p, field, s, required, start, today))
	}
	name := in.CitizenName
	if strings.TrimSpace(name) == "" {
		name = citizen.Name
	}
	sig := signature{
		citizenName: domain.CleanLine(&p, "citizenName", name, domain.MaxName, true),
		citizenDate: date("citizenDate", in.CitizenDate, true),
		method:      string(domain.OneOf(&p, "method", domain.SignMethod(in.Method), domain.SignMethods, true)),
		workerDate:  date("workerDate", in.WorkerDate, true),
		comment:     domain.CleanText(&p, "citizenComment", in.CitizenComment, 4000, false),
	}
	if !in.LeadApproval {
		if in.LeadDate != "" {
			p.Add("leadApproval", domain.CodeRequired) // a date of approval, but no approval
		}
		return sig, p.Err()
	}
	sig.leadDate = date("leadDate", in.LeadDate, true)
	lead, err := actingLead(ctx, st, a)
	if err != nil {
		if domain.CodeOf(err) != domain.CodeForbidden {
			return sig, err
		}
		p.Add("leadApproval", domain.CodeApprovalByLead)
	}
	sig.lead = lead
	return sig, p.Err()
}

// actingLead is the acting worker when an active team lead: who approves or signs. The
// command line (no worker) and anyone else get forbidden.
func actingLead(ctx context.Context, st *store.Store, a Actor) (*store.Worker, error) {
	if !a.IsLead() || a.WorkerID == 0 {
		return nil, domain.E(domain.CodeForbidden, "only a signed-in team lead approves")
	}
	w, err := st.GetWorker(ctx, a.WorkerID)
	if domain.CodeOf(err) == domain.CodeNotFound || (err == nil && (!w.Active || w.Role != string(domain.RoleTeamLead))) {
		return nil, domain.E(domain.CodeForbidden, "only an active team lead approves")
	}
	return w, err
}
