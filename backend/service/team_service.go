package service

import (
	"context"
	"icm/backend/auth"
	"sort"
	"strings"
	"unicode/utf8"

	"icm/backend/domain"
	"icm/backend/store"
)

// TeamService sets up the team and manages its workers and their caseloads.
type TeamService struct{ base }

// NewTeamService builds the service.
func NewTeamService(d Deps) *TeamService { return &TeamService{base{d}} }

// GetTeam returns the team, or team_missing before first setup.
func (s *TeamService) GetTeam() (TeamDTO, error) {
	st, err := s.ready()
	if err != nil {
		return TeamDTO{}, err
	}
	t, err := st.GetTeam(s.ctx())
	if err != nil {
		return TeamDTO{}, err
	}
	return teamDTO(t), nil
}

// SetupTeam creates the team and its first team lead; it is refused once a team exists.
func (s *TeamService) SetupTeam(in SetupTeamInput) (TeamDTO, error) {
	st, err := s.open()
	if err != nil {
		return TeamDTO{}, err
	}
	var p domain.Problems
	withAccount := s.deps.Session != nil || in.LeadUsername != "" || in.LeadPassword != ""
	var username, hash string
	if withAccount {
		username = validUsername(&p, "leadUsername", in.LeadUsername)
		validPassword(&p, "leadPassword", in.LeadPassword, username)
	}
	muni := domain.CleanLine(&p, "municipality", in.Municipality, domain.MaxName, true)
	name := domain.CleanLine(&p, "teamName", in.TeamName, domain.MaxName, true)
	lead := validateWorker(&p, WorkerInput{Name: in.LeadName, Initials: in.LeadInitials,
		Role: string(domain.RoleTeamLead), FTE: in.LeadFTE, Active: true}, "lead")
	if err := p.Err(); err != nil {
		return TeamDTO{}, err
	}
	if withAccount {
		if hash, err = auth.Hash(in.LeadPassword); err != nil {
			return TeamDTO{}, domain.Wrap(domain.CodeInternal, "hash password", err)
		}
	}
	var out TeamDTO
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		if _, err := tx.GetTeam(s.ctx()); err == nil {
			return domain.E(domain.CodeTeamExists, "team already set up")
		}
		now := s.now()
		t := &store.Team{Municipality: muni, Name: name, CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateTeam(s.ctx(), t); err != nil {
			return err
		}
		lead.TeamID, lead.CreatedAt, lead.UpdatedAt = t.ID, now, now
		if err := tx.CreateWorker(s.ctx(), lead); err != nil {
			return err
		}
		out = teamDTO(t)
		if !withAccount {
			return nil
		}
		if err := saveAccount(s.ctx(), tx, lead.ID, username, hash, false, now); err != nil {
			return err
		}
		actor := Actor{WorkerID: lead.ID, Name: lead.Name, Initials: lead.Initials, Role: domain.RoleTeamLead}
		return tx.AppendAudit(s.ctx(), now, auditEntry(actor, AuditAccount, "team", 0, 0, "team and first team lead account set up"))
	})
	if err != nil || !withAccount {
		return out, err
	}
	if s.deps.Session != nil {
		actor := Actor{WorkerID: lead.ID, Name: lead.Name, Initials: lead.Initials, Role: domain.RoleTeamLead}
		s.deps.Session.signIn(actor, s.now(), lockMinutes(s.ctx(), st))
	}
	return out, nil
}

// UpdateTeam renames the team or its municipality; the change is logged.
func (s *TeamService) UpdateTeam(in UpdateTeamInput) (TeamDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamDTO{}, err
	}
	var p domain.Problems
	muni := domain.CleanLine(&p, "municipality", in.Municipality, domain.MaxName, true)
	name := domain.CleanLine(&p, "teamName", in.TeamName, domain.MaxName, true)
	if err := p.Err(); err != nil {
		return TeamDTO{}, err
	}
	t, err := st.GetTeam(s.ctx())
	if err != nil {
		return TeamDTO{}, err
	}
	t.Municipality, t.Name, t.UpdatedAt = muni, name, s.now()
	err = s.commitLogged(st, func(ctx context.Context, tx *store.Store) ([]store.AuditEntry, error) {
		return []store.AuditEntry{auditEntry(a, AuditSetting, "team", 0, 0, "municipality and team name")}, tx.UpdateTeam(ctx, t)
	})
	if err != nil {
		return TeamDTO{}, err
	}
	return teamDTO(t), nil
}

// ListWorkers returns every worker, active first, in Danish name order.
func (s *TeamService) ListWorkers() ([]WorkerDTO, error) {
	st, err := s.ready()
	if err != nil {
		return nil, err
	}
	return listWorkers(s.ctx(), st)
}

// listWorkers lists the workers as ListWorkers does, read through st (which may be a
// read transaction).
func listWorkers(ctx context.Context, st *store.Store) ([]WorkerDTO, error) {
	ws, err := st.ListWorkers(ctx, store.FindWorker{})
	if err != nil {
		return nil, err
	}
	counts, err := st.OpenCourseCounts(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]WorkerDTO, 0, len(ws))
	for i := range ws {
		out = append(out, workerDTO(&ws[i], counts[ws[i].ID]))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Active != out[j].Active {
			return out[i].Active
		}
		return domain.DanishLess(out[i].Name, out[j].Name)
	})
	return out, nil
}

// SaveWorker creates or updates a worker. A team keeps at least one active team lead, and
// one who can sign in: the last of them can neither step down nor go inactive. A worker with
// open courses cannot be made inactive until the courses are handed over. Lowering an FTE
// below the current caseload is allowed: the overview then shows it as over. A change to the
// signed-in worker's own role applies to the session at once.
func (s *TeamService) SaveWorker(in WorkerInput) (WorkerDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return WorkerDTO{}, err
	}
	var p domain.Problems
	w := validateWorker(&p, in, "")
	if err := p.Err(); err != nil {
		return WorkerDTO{}, err
	}
	var out WorkerDTO
	var before *store.Worker
	err = st.Tx(s.ctx(), func(tx *store.Store) error {
		team, err := tx.GetTeam(s.ctx())
		if err != nil {
			return err
		}
		if taken, err := tx.InitialsTaken(s.ctx(), w.Initials, in.ID); err != nil {
			return err
		} else if taken {
			var p domain.Problems
			p.Add("initials", domain.CodeDuplicateInitials)
			return p.Err()
		}
		now := s.now()
		open := 0
		if in.ID == 0 {
			w.TeamID, w.CreatedAt, w.UpdatedAt = team.ID, now, now
			if err := tx.CreateWorker(s.ctx(), w); err != nil {
				return err
			}
		} else {
			old, err := tx.GetWorker(s.ctx(), in.ID)
			if err != nil {
				return err
			}
			before = old
			if open, err = tx.CountOpenCourses(s.ctx(), in.ID); err != nil {
				return err
			}
			if !w.Active && open > 0 {
				return domain.E(domain.CodeWorkerHasCourses, "worker has open courses").
					With("open", itoa(open))
			}
			if old.Role == string(domain.RoleTeamLead) && old.Active &&
				(w.Role != string(domain.RoleTeamLead) || !w.Active) {
				lead := string(domain.RoleTeamLead)
				active := true
				leads, err := tx.ListWorkers(s.ctx(), store.FindWorker{Role: &lead, Active: &active})
				if err != nil {
					return err
				}
				if len(leads) <= 1 {
					return domain.E(domain.CodeLastTeamLead, "the team needs an active team lead")
				}
				canSignIn, err := tx.ActiveLeadsWithCredentials(s.ctx())
				if err != nil {
					return err
				}
				if len(canSignIn) == 1 && canSignIn[0] == old.ID {
					return domain.E(domain.CodeLastTeamLead, "the team needs a team lead who can sign in")
				}
			}
			w.ID, w.TeamID, w.CreatedAt, w.UpdatedAt = old.ID, old.TeamID, old.CreatedAt, now
			if err := tx.UpdateWorker(s.ctx(), w); err != nil {
				return err
			}
		}
		out = workerDTO(w, open)
		action, detail := workerChange(before, w)
		return tx.AppendAudit(s.ctx(), now, auditEntry(a, action, "worker", 0, 0, detail))
	})
	if err != nil {
		return out, err
	}
	if s.deps.Session != nil {
		s.deps.Session.changed(w.ID, w.Name, w.Initials, domain.Role(w.Role), w.Active)
	}
	return out, nil
}

// TeamOverview gives every active worker's caseload (n of max) with the overrides that
// explain a caseload above the ceiling. It is logged as one view and one entry for each
// citizen an override row names.
func (s *TeamService) TeamOverview() (TeamOverviewDTO, error) {
	st, err := s.ready()
	if err != nil {
		return TeamOverviewDTO{}, err
	}
	a, _ := s.actor()
	out, err := s.teamOverview(st, a)
	if err != nil {
		return out, err
	}
	entries := []store.AuditEntry{auditEntry(a, AuditView, "caseload", 0, 0, itoa(len(out.Caseloads))+" workers")}
	for _, c := range out.Caseloads {
		for _, o := range c.Overrides {
			entries = append(entries, auditEntry(a, AuditList, "caseload", o.CitizenID, o.CourseID, "override"))
		}
	}
	return out, st.AppendAudit(s.ctx(), s.now(), entries...)
}

// teamOverview is TeamOverview without the log: the team overview logs what it shows itself.
func (s *TeamService) teamOverview(st *store.Store, a Actor) (TeamOverviewDTO, error) {
	ctx := s.ctx()
	team, err := st.GetTeam(ctx)
	if err != nil {
		return TeamOverviewDTO{}, err
	}
	workers, err := listWorkers(ctx, st)
	if err != nil {
		return TeamOverviewDTO{}, err
	}
	overrides, err := overridesByWorker(ctx, st, a)
	if err != nil {
		return TeamOverviewDTO{}, err
	}
	out := TeamOverviewDTO{Team: teamDTO(team), Caseloads: []CaseloadDTO{}}
	for _, w := range workers {
		if !w.Active {
			continue
		}
		c := CaseloadDTO{Worker: w, Open: w.OpenCourses, Max: w.MaxCaseload,
			Over: w.OpenCourses > w.MaxCaseload, Overrides: overrides[w.ID]}
		if c.Overrides == nil {
			c.Overrides = []OverrideDTO{}
		}
		out.Open += c.Open
		out.Capacity += c.Max
		out.Caseloads = append(out.Caseloads, c)
	}
	return out, nil
}

// overridesByWorker collects the recorded caseload overrides of open courses per worker:
// only those of citizens the actor may read, since each names the citizen and the reason.
func overridesByWorker(ctx context.Context, st *store.Store, a Actor) (map[uint][]OverrideDTO, error) {
	rows, err := st.ListOverrides(ctx)
	if err != nil {
		return nil, err
	}
	owners, err := st.WorkersByCitizen(ctx)
	if err != nil {
		return nil, err
	}
	check := newAccessCheck(ctx, st, a)
	out := map[uint][]OverrideDTO{}
	for _, r := range rows {
		if err := check.may(owners[r.CitizenID], readAccess); domain.CodeOf(err) == domain.CodeNoAccess {
			continue
		} else if err != nil {
			return nil, err
		}
		out[r.WorkerID] = append(out[r.WorkerID], OverrideDTO{CourseID: r.CourseID, CitizenID: r.CitizenID,
			CitizenName: r.CitizenName, Reason: r.Reason, ByName: r.ByName, At: isoTime(r.At)})
	}
	return out, nil
}

// validateWorker checks a worker input; prefix names the fields ("lead" gives "leadName").
func validateWorker(p *domain.Problems, in WorkerInput, prefix string) *store.Worker {
	f := func(name string) string {
		if prefix == "" {
			return name
		}
		return prefix + strings.ToUpper(name[:1]) + name[1:]
	}
	name := domain.CleanLine(p, f("name"), in.Name, domain.MaxName, true)
	initials := strings.ToUpper(domain.CleanLine(p, f("initials"), in.Initials, 6, true))
	if initials != "" && !p.Has(f("initials")) && (utf8.RuneCountInString(initials) < 2 || strings.ContainsAny(initials, " \t")) {
		p.Add(f("initials"), domain.CodeInvalidInitials)
	}
	role := domain.OneOf(p, f("role"), domain.Role(in.Role), []domain.Role{domain.RoleICMWorker, domain.RoleTeamLead}, true)
	fte := domain.ParseFTE(p, f("fte"), in.FTE)
	return &store.Worker{Name: name, Initials: initials, Role: string(role), FTEHundredths: int(fte), Active: in.Active}
}
