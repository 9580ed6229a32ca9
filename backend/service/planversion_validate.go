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
// the course's start and today, the method is one of domain.SignMethods, an approving lead
// is an active team lead and comes with a date (and a date only with a lead). An empty
// citizen name becomes the citizen's registered name.
func validateSignature(ctx context.Context, st *store.Store, c *store.Course, citizen *store.Citizen,
	in SignPlanInput, now time.Time) (signature, error) {
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
	if in.LeadID == 0 {
		if in.LeadDate != "" {
			p.Add("leadId", domain.CodeRequired) // a date of approval, but nobody who approved
		}
		return sig, p.Err()
	}
	sig.leadDate = date("leadDate", in.LeadDate, true)
	lead, err := st.GetWorker(ctx, in.LeadID)
	switch {
	case domain.CodeOf(err) == domain.CodeNotFound:
		p.Add("leadId", domain.CodeInvalidChoice)
	case err != nil:
		return sig, err
	case !lead.Active || lead.Role != string(domain.RoleTeamLead):
		p.Add("leadId", domain.CodeInvalidChoice)
	default:
		sig.lead = lead
	}
	return sig, p.Err()
}
