package domain

import (
	"testing"
	"time"
)

func TestCheckCoordination(t *testing.T) {
	start := "2026-01-15" // the first meeting is due 6 months later, on 15.07.2026
	cases := []struct {
		name    string
		network int
		last    string // "" when no meeting
		today   string
		pass    bool
		reason  FidelityReason
	}{
		{"no network on the first day passes", 0, "", "2026-01-15", true, ReasonNetworkNotDue},
		{"no network, three months to the day", 0, "", "2026-04-15", true, ReasonNetworkNotDue},
		{"no network, three months and a day", 0, "", "2026-04-16", false, ReasonNoNetwork},
		{"no network, with a meeting, after the grace", 0, "2026-03-01", "2026-04-16", false, ReasonNoNetwork},
		{"no network, with a meeting, within the grace", 0, "2026-03-01", "2026-04-01", true, ReasonNetworkNotDue},
		{"network, no meeting, on the first day", 1, "", "2026-01-15", true, ReasonFirstMeetingNotDue},
		{"network, no meeting, 6 months less a day", 1, "", "2026-07-14", true, ReasonFirstMeetingNotDue},
		{"network, no meeting, first due today", 2, "", "2026-07-15", true, ReasonFirstMeetingNotDue},
		{"network, no meeting, a day past the first due", 2, "", "2026-07-16", false, ReasonMeetingOverdue},
		{"meeting 6 months ago to the day", 1, "2026-03-31", "2026-09-30", true, ReasonOK},
		{"meeting 6 months and a day ago", 1, "2026-03-31", "2026-10-01", false, ReasonMeetingOverdue},
		{"meeting last week", 3, "2026-11-20", "2026-11-27", true, ReasonOK},
		{"a meeting dated before the start counts from the start", 1, "2025-12-01", "2026-07-15", true, ReasonOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var last *time.Time
			if c.last != "" {
				last = datePtr(c.last)
			}
			wantResult(t, CheckCoordination(c.network, isoDay(start), last, isoDay(c.today)), c.pass, c.reason, StepCoordination)
		})
	}
}

func TestCheckAdvocacy(t *testing.T) {
	start := "2026-01-31" // nothing recorded is accepted until 30.04.2026 (clamped)
	cases := []struct {
		name           string
		barriers, open int
		today          string
		pass           bool
		reason         FidelityReason
	}{
		{"nothing recorded, grace ends today", 0, 0, "2026-04-30", true, ReasonBarriersNotDue},
		{"nothing recorded, a day after the grace", 0, 0, "2026-05-01", false, ReasonNoBarriers},
		{"barriers, all acted on", 2, 0, "2026-12-01", true, ReasonOK},
		{"one open barrier without action", 2, 1, "2026-12-01", false, ReasonBarrierNoAction},
		{"open barrier without action fails inside the grace too", 1, 1, "2026-02-01", false, ReasonBarrierNoAction},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantResult(t, CheckAdvocacy(c.barriers, c.open, isoDay(start), isoDay(c.today)), c.pass, c.reason, StepAdvocacy)
		})
	}
}
