package plandoc

import (
	"reflect"
	"testing"
)

// base is a plan as it could have been signed: two goals, an activity, a network, an
// agreed action and an advocacy case.
func base() Plan {
	return Plan{
		Wishes:        "Jeg vil have et sted at bo og se min datter igen.",
		ActionPlan141: "Den er bestilt hos myndigheden",
		Goals: []Goal{
			{CitizenWords: "Jeg vil have min egen lejlighed", Area: "Bolig", ActionPlanGoal: "Mål 1: bolig",
				SubGoals: []SubGoal{
					{What: "Søge om boligstøtte sammen", Measure: "Ansøgning sendt", Owner: "Åse og Mette", Deadline: "2026-12-15", Status: "I gang"},
					{What: "Skrive sig op hos boligforeningen", Owner: "Åse", Status: "Ikke startet"},
				}},
			{CitizenWords: "Jeg vil se min datter", Area: "Netværk og familie",
				SubGoals: []SubGoal{{What: "Ringe til datteren hver søndag", Owner: "Åse", Status: "I gang"}}},
		},
		Activities: []Activity{{What: "Besøg i hjemmet", Frequency: "ugentligt", Owner: "Mette"}},
		Network: []Contact{
			{Kind: "Myndighedssagsbehandler", Name: "Jens Holm", Organisation: "Solvang Kommune"},
			{Kind: "Egen læge", Organisation: "Lægehuset"},
		},
		Actions:        []Action{{Action: "Sende ansøgningen", Owner: "Jens", Deadline: "2026-12-20"}},
		Advocacy:       []AdvocacyCase{{Barrier: "Afslag på boligstøtte uden begrundelse", Status: "I gang"}},
		NextEvaluation: "2027-02-01",
	}
}

func TestDiff(t *testing.T) {
	const goal1, goal2 = "Jeg vil have min egen lejlighed", "Jeg vil se min datter"
	cases := []struct {
		name   string
		change func(p *Plan)
		want   []Change
	}{
		{"nothing changed", func(p *Plan) {}, []Change{}},
		{"wishes and § 141 status", func(p *Plan) {
			p.Wishes = "Et hjem."
			p.ActionPlan141 = "Ja, der er en handleplan"
		}, []Change{
			{Kind: WishesChanged, From: "Jeg vil have et sted at bo og se min datter igen.", To: "Et hjem."},
			{Kind: ActionPlanChanged, From: "Den er bestilt hos myndigheden", To: "Ja, der er en handleplan"},
		}},
		{"goal added with its sub-goal", func(p *Plan) {
			p.Goals = append(p.Goals, Goal{CitizenWords: "Jeg vil i arbejde", SubGoals: []SubGoal{{What: "Møde på jobcentret"}}})
		}, []Change{
			{Kind: GoalAdded, Item: "Jeg vil i arbejde"},
			{Kind: SubGoalAdded, Goal: "Jeg vil i arbejde", Item: "Møde på jobcentret"},
		}},
		{"goal removed with its sub-goal", func(p *Plan) { p.Goals = p.Goals[:1] }, []Change{
			{Kind: GoalRemoved, Item: goal2},
			{Kind: SubGoalRemoved, Goal: goal2, Item: "Ringe til datteren hver søndag"},
		}},
		{"goal reworded keeps its sub-goals", func(p *Plan) {
			p.Goals[0].CitizenWords = "Jeg vil have min egen lejlighed inden sommer"
		}, []Change{
			{Kind: GoalReworded, Item: "Jeg vil have min egen lejlighed inden sommer", From: goal1, To: "Jeg vil have min egen lejlighed inden sommer"},
		}},
		{"goal in entirely new words is matched by its sub-goals", func(p *Plan) {
			p.Goals[0].CitizenWords = "Et hjem med egen dør"
		}, []Change{{Kind: GoalReworded, Item: "Et hjem med egen dør", From: goal1, To: "Et hjem med egen dør"}}},
		{"goals moved around are not changes", func(p *Plan) {
			p.Goals[0], p.Goals[1] = p.Goals[1], p.Goals[0]
		}, []Change{}},
		{"an unrelated new goal in place of an old one is removed and added", func(p *Plan) {
			p.Goals[1] = Goal{CitizenWords: "Færre stoffer", Area: "Rusmidler"}
		}, []Change{
			{Kind: GoalAdded, Item: "Færre stoffer"},
			{Kind: GoalRemoved, Item: goal2},
			{Kind: SubGoalRemoved, Goal: goal2, Item: "Ringe til datteren hver søndag"},
		}},
		{"area and § 141 link of a goal", func(p *Plan) {
			p.Goals[0].Area = "Økonomi, gæld og forsørgelse"
			p.Goals[0].ActionPlanGoal = ""
		}, []Change{
			{Kind: GoalAreaChanged, Item: goal1, From: "Bolig", To: "Økonomi, gæld og forsørgelse"},
			{Kind: GoalLinkChanged, Item: goal1, From: "Mål 1: bolig", To: ""},
		}},
		{"sub-goal added and removed", func(p *Plan) {
			p.Goals[0].SubGoals = []SubGoal{p.Goals[0].SubGoals[0], {What: "Besøge tre lejligheder"}}
		}, []Change{
			{Kind: SubGoalAdded, Goal: goal1, Item: "Besøge tre lejligheder"},
			{Kind: SubGoalRemoved, Goal: goal1, Item: "Skrive sig op hos boligforeningen"},
		}},
		{"sub-goal status, deadline, measure and owner", func(p *Plan) {
			s := &p.Goals[0].SubGoals[0]
			s.Status, s.Deadline, s.Measure, s.Owner = "Nået", "2027-01-10", "Svar fra kommunen", "Åse"
		}, []Change{
			{Kind: SubGoalStatusChanged, Goal: goal1, Item: "Søge om boligstøtte sammen", From: "I gang", To: "Nået"},
			{Kind: SubGoalDeadlineChanged, Goal: goal1, Item: "Søge om boligstøtte sammen", From: "2026-12-15", To: "2027-01-10"},
			{Kind: SubGoalMeasureChanged, Goal: goal1, Item: "Søge om boligstøtte sammen", From: "Ansøgning sendt", To: "Svar fra kommunen"},
			{Kind: SubGoalOwnerChanged, Goal: goal1, Item: "Søge om boligstøtte sammen", From: "Åse og Mette", To: "Åse"},
		}},
		{"deadline removed", func(p *Plan) { p.Goals[0].SubGoals[0].Deadline = "" }, []Change{
			{Kind: SubGoalDeadlineChanged, Goal: goal1, Item: "Søge om boligstøtte sammen", From: "2026-12-15", To: ""},
		}},
		{"sub-goal reworded under a reworded goal", func(p *Plan) {
			p.Goals[1].CitizenWords = "Jeg vil se min datter igen"
			p.Goals[1].SubGoals[0].What = "Ringe til datteren hver anden søndag"
		}, []Change{
			{Kind: GoalReworded, Item: "Jeg vil se min datter igen", From: goal2, To: "Jeg vil se min datter igen"},
			{Kind: SubGoalReworded, Goal: "Jeg vil se min datter igen", Item: "Ringe til datteren hver anden søndag",
				From: "Ringe til datteren hver søndag", To: "Ringe til datteren hver anden søndag"},
		}},
		{"activities", func(p *Plan) {
			p.Activities[0].Frequency = "to gange om ugen"
			p.Activities = append(p.Activities, Activity{What: "Gåtur", Owner: "Åse"})
		}, []Change{
			{Kind: ActivityChanged, Item: "Besøg i hjemmet", From: "ugentligt · Mette", To: "to gange om ugen · Mette"},
			{Kind: ActivityAdded, Item: "Gåtur"},
		}},
		{"activity removed", func(p *Plan) { p.Activities = nil }, []Change{{Kind: ActivityRemoved, Item: "Besøg i hjemmet"}}},
		{"network", func(p *Plan) {
			p.Network = []Contact{p.Network[1], {Kind: "Familie", Name: "Anne"}}
		}, []Change{
			{Kind: ContactAdded, Item: "Familie: Anne"},
			{Kind: ContactRemoved, Item: "Myndighedssagsbehandler: Jens Holm, Solvang Kommune"},
		}},
		{"contact's phone is not a change of the network", func(p *Plan) { p.Network[0].Phone = "20 30 40 50" }, []Change{}},
		{"action done, changed and added", func(p *Plan) {
			p.Actions[0].Done = true
			p.Actions[0].Deadline = "2026-12-22"
			p.Actions = append(p.Actions, Action{Action: "Ringe til lægen", Owner: "Åse"})
		}, []Change{
			{Kind: ActionChanged, Item: "Sende ansøgningen", From: "Jens · 2026-12-20", To: "Jens · 2026-12-22"},
			{Kind: ActionDone, Item: "Sende ansøgningen"},
			{Kind: ActionAdded, Item: "Ringe til lægen"},
		}},
		{"action removed", func(p *Plan) { p.Actions = nil }, []Change{{Kind: ActionRemoved, Item: "Sende ansøgningen"}}},
		{"advocacy", func(p *Plan) {
			p.Advocacy[0].Status = "Løst"
			p.Advocacy = append(p.Advocacy, AdvocacyCase{Barrier: "Lægen vil ikke skrive en erklæring", Status: "I gang"})
		}, []Change{
			{Kind: AdvocacyStatusChanged, Item: "Afslag på boligstøtte uden begrundelse", From: "I gang", To: "Løst"},
			{Kind: AdvocacyAdded, Item: "Lægen vil ikke skrive en erklæring"},
		}},
		{"advocacy removed", func(p *Plan) { p.Advocacy = nil }, []Change{
			{Kind: AdvocacyRemoved, Item: "Afslag på boligstøtte uden begrundelse"},
		}},
		{"next evaluation", func(p *Plan) { p.NextEvaluation = "2027-05-01" }, []Change{
			{Kind: NextEvaluationChanged, From: "2027-02-01", To: "2027-05-01"},
		}},
		{"signature and WHO-5 are not plan changes", func(p *Plan) {
			p.VersionNo = 3
			p.Signature = &Signature{CitizenName: "Åse"}
			p.WHO5 = []WHO5Point{{Date: "2026-12-01", Percent: 40}}
		}, []Change{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			from, to := base(), base()
			c.change(&to)
			got := Diff(from, to)
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("Diff =\n%s\nwant\n%s", show(got), show(c.want))
			}
		})
	}
}

func TestDiffFromAnEmptyPlanListsEverything(t *testing.T) {
	got := Diff(Plan{}, base())
	count := map[ChangeKind]int{}
	for _, c := range got {
		count[c.Kind]++
	}
	want := map[ChangeKind]int{WishesChanged: 1, ActionPlanChanged: 1, GoalAdded: 2, SubGoalAdded: 3, ActivityAdded: 1,
		ContactAdded: 2, ActionAdded: 1, AdvocacyAdded: 1, NextEvaluationChanged: 1}
	if !reflect.DeepEqual(count, want) {
		t.Fatalf("kinds = %v, want %v", count, want)
	}
	// and back again: everything removed
	for _, c := range Diff(base(), Plan{}) {
		switch c.Kind {
		case GoalRemoved, SubGoalRemoved, ActivityRemoved, ContactRemoved, ActionRemoved, AdvocacyRemoved,
			WishesChanged, ActionPlanChanged, NextEvaluationChanged:
		default:
			t.Errorf("unexpected %+v", c)
		}
	}
}

func TestDiffMatchesDuplicatesOneToOne(t *testing.T) {
	from := Plan{Actions: []Action{{Action: "Ringe"}, {Action: "Ringe"}}}
	to := Plan{Actions: []Action{{Action: "Ringe", Done: true}}}
	want := []Change{{Kind: ActionDone, Item: "Ringe"}, {Kind: ActionRemoved, Item: "Ringe"}}
	if got := Diff(from, to); !reflect.DeepEqual(got, want) {
		t.Fatalf("Diff = %s, want %s", show(got), show(want))
	}
}

func show(cs []Change) string {
	s := ""
	for _, c := range cs {
		s += "  " + string(c.Kind) + " goal=" + c.Goal + " item=" + c.Item + " from=" + c.From + " to=" + c.To + "\n"
	}
	return s
}
