package domain

import (
	"testing"
	"time"
)

func isoDay(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func datePtr(s string) *time.Time { t := isoDay(s); return &t }

func wantResult(t *testing.T, got FidelityResult, pass bool, reason FidelityReason, step Step) {
	t.Helper()
	if got.Pass != pass || got.Reason != reason || got.Step != step {
		t.Fatalf("got pass=%v reason=%s step=%s, want pass=%v reason=%s step=%s", got.Pass, got.Reason, got.Step, pass, reason, step)
	}
}

func TestCheckNamedWorker(t *testing.T) {
	cases := []struct {
		name        string
		has, active bool
		pass        bool
		reason      FidelityReason
	}{
		{"active worker", true, true, true, ReasonOK},
		{"inactive worker", true, false, false, ReasonWorkerInactive},
		{"no worker", false, false, false, ReasonNoWorker},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantResult(t, CheckNamedWorker(c.has, c.active), c.pass, c.reason, StepVisitation)
		})
	}
}

func TestCheckCaseload(t *testing.T) {
	cases := []struct {
		name     string
		open     int
		fte      FTE
		override string
		pass     bool
		reason   FidelityReason
	}{
		{"8 of 8 at full time", 8, 100, "", true, ReasonOK},
		{"9 of 8 at full time", 9, 100, "", false, ReasonOverCeiling},
		{"4 of 4 at 0.6 (floor of 4.8)", 4, 60, "", true, ReasonOK},
		{"5 of 4 at 0.6", 5, 60, "", false, ReasonOverCeiling},
		{"5 of 4 with a reason still fails", 5, 60, "Kender borgeren", false, ReasonOverWithReason},
		{"blank reason is no reason", 5, 60, "  ", false, ReasonOverCeiling},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := CheckCaseload(c.open, c.fte, c.override)
			wantResult(t, r, c.pass, c.reason, FixCaseload)
			if c.reason == ReasonOverWithReason && r.Params["reason"] != c.override {
				t.Fatalf("reason param = %q", r.Params["reason"])
			}
		})
	}
}

func TestCheckAssessment(t *testing.T) {
	all := map[LifeArea]bool{}
	for _, a := range FidelityAssessmentTopics {
		all[a] = true
	}
	without := func(a LifeArea) map[LifeArea]bool {
		m := map[LifeArea]bool{}
		for k, v := range all {
			m[k] = v
		}
		delete(m, a)
		return m
	}
	cases := []struct {
		name    string
		filled  map[LifeArea]bool
		pass    bool
		missing string
	}{
		{"all ten areas and wishes", all, true, ""},
		{"help barriers not required", without(AreaHelpBarriers), true, ""},
		{"wishes missing", without(AreaWishes), false, "1"},
		{"crime missing", without(AreaCrime), false, "1"},
		{"nothing", map[LifeArea]bool{}, false, "11"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reason := ReasonOK
			if !c.pass {
				reason = ReasonAreasMissing
			}
			r := CheckAssessment(c.filled)
			wantResult(t, r, c.pass, reason, StepAssessment)
			if r.Params["missing"] != c.missing {
				t.Fatalf("missing = %q, want %q", r.Params["missing"], c.missing)
			}
		})
	}
}

func TestCheckSignedPlan(t *testing.T) {
	wantResult(t, CheckSignedPlan(0), false, ReasonNotSigned, StepPlanning)
	wantResult(t, CheckSignedPlan(1), true, ReasonOK, StepPlanning)
}

func TestCheckActionPlan(t *testing.T) {
	cases := []struct {
		name   string
		status ActionPlanStatus
		linked int
		pass   bool
		reason FidelityReason
		step   Step
	}{
		{"exists and one goal linked", ActionPlanExists, 1, true, ReasonOK, StepPlanning},
		{"exists, no goal linked", ActionPlanExists, 0, false, ReasonNotLinked, StepPlanning},
		{"requested, no goal linked", ActionPlanRequested, 0, false, ReasonNoActionPlan, StepVisitation},
		{"not recorded", "", 0, false, ReasonNoActionPlan, StepVisitation},
		{"declined by the citizen", ActionPlanDeclined, 0, true, ReasonPlanDeclined, StepVisitation},
		{"linked though status lags", ActionPlanInProgress, 2, true, ReasonOK, StepPlanning},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantResult(t, CheckActionPlan(c.status, c.linked), c.pass, c.reason, c.step)
		})
	}
}

func TestCheckEvaluation(t *testing.T) {
	cases := []struct {
		name   string
		start  string
		last   *time.Time
		today  string
		pass   bool
		reason FidelityReason
	}{
		// last evaluation 2026-09-01 → due 2026-12-01
		{"due today passes", "2026-01-10", datePtr("2026-09-01"), "2026-12-01", true, ReasonOK},
		{"due yesterday fails", "2026-01-10", datePtr("2026-09-01"), "2026-12-02", false, ReasonEvalOverdue},
		// no evaluation yet: due three months after the start
		{"young course, first not due", "2026-09-15", nil, "2026-12-15", true, ReasonFirstNotDue},
		{"first evaluation overdue", "2026-09-15", nil, "2026-12-16", false, ReasonEvalOverdue},
		{"month end clamps", "2026-11-30", nil, "2027-02-28", true, ReasonFirstNotDue},
		{"month end clamps, day after", "2026-11-30", nil, "2027-03-01", false, ReasonEvalOverdue},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantResult(t, CheckEvaluation(isoDay(c.start), c.last, isoDay(c.today)), c.pass, c.reason, StepFollowUp)
		})
	}
}

func TestCheckContact(t *testing.T) {
	today := isoDay("2026-12-01")
	cases := []struct {
		name   string
		start  string
		last   *time.Time
		limit  int
		pass   bool
		reason FidelityReason
	}{
		{"14 days at limit 14 passes", "2026-01-01", datePtr("2026-11-17"), 14, true, ReasonOK},
		{"15 days at limit 14 fails", "2026-01-01", datePtr("2026-11-16"), 14, false, ReasonGapOver},
		{"team limit 21", "2026-01-01", datePtr("2026-11-10"), 21, true, ReasonOK},
		{"no contact, started 14 days ago", "2026-11-17", nil, 14, true, ReasonOK},
		{"no contact, started 15 days ago", "2026-11-16", nil, 14, false, ReasonNoContactYet},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := CheckContactGap(isoDay(c.start), c.last, today, c.limit)
			wantResult(t, CheckContact(g, c.limit), c.pass, c.reason, StepFollowUp)
		})
	}
}

func TestCheckLocalContact(t *testing.T) {
	cases := []struct {
		name         string
		local, total int
		pass         bool
		reason       FidelityReason
	}{
		{"5 of 8 passes", 5, 8, true, ReasonOK},
		{"4 of 8 fails", 4, 8, false, ReasonMostlyElsewhere},
		{"1 of 1 passes", 1, 1, true, ReasonOK},
		{"0 of 1 fails", 0, 1, false, ReasonMostlyElsewhere},
		{"no contacts fails on its own", 0, 0, false, ReasonNoContacts},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantResult(t, CheckLocalContact(c.local, c.total), c.pass, c.reason, StepFollowUp)
		})
	}
}

func TestCheckOwnWords(t *testing.T) {
	cases := []struct {
		name   string
		goals  []string
		pass   bool
		reason FidelityReason
	}{
		{"no goals", nil, false, ReasonNoGoals},
		{"three words pass", []string{"Egen bolig nu"}, true, ReasonOK},
		{"two words fail", []string{"Egen bolig"}, false, ReasonTooFewOwnWords},
		{"one short goal fails all", []string{"Jeg vil have min egen lejlighed", "Bolig"}, false, ReasonTooFewOwnWords},
		{"whitespace is not words", []string{"  Jeg   vil \n bo  "}, true, ReasonOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantResult(t, CheckOwnWords(c.goals), c.pass, c.reason, StepPlanning)
		})
	}
}

func TestCheckFidelityOrder(t *testing.T) {
	rs := CheckFidelity(FidelityFacts{}, isoDay("2026-12-01"))
	if len(rs) != len(FidelityRules) {
		t.Fatalf("len = %d", len(rs))
	}
	for i, r := range rs {
		if r.Rule != FidelityRules[i] {
			t.Fatalf("rule %d = %s, want %s", i, r.Rule, FidelityRules[i])
		}
	}
}
