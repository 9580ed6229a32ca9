package plandoc

import (
	"sort"
	"strings"
	"unicode"
)

// ChangeKind names one kind of difference between two plan versions; the UI words it.
type ChangeKind string

// The differences Diff reports. From and To of a change hold the old and new value where
// the kind has them (texts as in the snapshot, dates as ISO dates).
const (
	WishesChanged          ChangeKind = "wishes_changed"      // the citizen's wishes in their own words
	ActionPlanChanged      ChangeKind = "action_plan_changed" // the § 141 action plan's status
	GoalAdded              ChangeKind = "goal_added"
	GoalRemoved            ChangeKind = "goal_removed"
	GoalReworded           ChangeKind = "goal_reworded"     // the same goal in new words
	GoalAreaChanged        ChangeKind = "goal_area_changed" // another life area
	GoalLinkChanged        ChangeKind = "goal_link_changed" // another goal of the § 141 action plan
	SubGoalAdded           ChangeKind = "subgoal_added"     // Goal names the goal it belongs to
	SubGoalRemoved         ChangeKind = "subgoal_removed"   // Goal names the goal it belonged to
	SubGoalReworded        ChangeKind = "subgoal_reworded"  // the same sub-goal in new words
	SubGoalStatusChanged   ChangeKind = "subgoal_status"    // From and To are translated statuses
	SubGoalDeadlineChanged ChangeKind = "subgoal_deadline"  // From and To are ISO dates or ""
	SubGoalMeasureChanged  ChangeKind = "subgoal_measure"   // how we see it is reached
	SubGoalOwnerChanged    ChangeKind = "subgoal_owner"     // who does what
	ActivityAdded          ChangeKind = "activity_added"    // Item is the activity
	ActivityRemoved        ChangeKind = "activity_removed"  // Item is the activity
	ActivityChanged        ChangeKind = "activity_changed"  // how often or who; From and To are "frequency · owner"
	ContactAdded           ChangeKind = "contact_added"     // Item is "kind: name, organisation"
	ContactRemoved         ChangeKind = "contact_removed"   // left the network or marked inactive
	ActionAdded            ChangeKind = "action_added"      // an agreed action from a meeting
	ActionRemoved          ChangeKind = "action_removed"    // an agreed action no longer in the plan
	ActionDone             ChangeKind = "action_done"       // an agreed action carried out
	ActionReopened         ChangeKind = "action_reopened"   // an action no longer marked done
	ActionChanged          ChangeKind = "action_changed"    // who or by when; From and To are "owner · deadline"
	AdvocacyAdded          ChangeKind = "advocacy_added"    // Item is the barrier
	AdvocacyRemoved        ChangeKind = "advocacy_removed"  // Item is the barrier
	AdvocacyStatusChanged  ChangeKind = "advocacy_status"   // From and To are translated statuses
	NextEvaluationChanged  ChangeKind = "next_evaluation"   // From and To are ISO dates
)

// Change is one difference between two plan versions. Item is what changed (a goal's or
// sub-goal's words, an activity, a contact, an action or a barrier); Goal is the goal a
// sub-goal change belongs to, in the newer words when the goal was reworded.
type Change struct {
	Kind ChangeKind `json:"kind"`
	Goal string     `json:"goal"`
	Item string     `json:"item"`
	From string     `json:"from"`
	To   string     `json:"to"`
}

// Diff lists what changed from one plan version to a later one, in the order of the plan:
// wishes and § 141 status, goals with their sub-goals, activities, network, agreed actions,
// advocacy and the next evaluation. Snapshots carry no ids, so goals and sub-goals are
// matched by their words: identical words first, then the most similar (shared words,
// life area, position and sub-goals); what stays unmatched was added or removed. The
// result is never nil.
func Diff(from, to Plan) []Change {
	out := []Change{}
	if from.Wishes != to.Wishes {
		out = append(out, Change{Kind: WishesChanged, From: from.Wishes, To: to.Wishes})
	}
	if from.ActionPlan141 != to.ActionPlan141 {
		out = append(out, Change{Kind: ActionPlanChanged, From: from.ActionPlan141, To: to.ActionPlan141})
	}
	out = append(out, diffGoals(from.Goals, to.Goals)...)
	out = append(out, diffActivities(from.Activities, to.Activities)...)
	out = append(out, diffContacts(from.Network, to.Network)...)
	out = append(out, diffActions(from.Actions, to.Actions)...)
	out = append(out, diffAdvocacy(from.Advocacy, to.Advocacy)...)
	if from.NextEvaluation != to.NextEvaluation {
		out = append(out, Change{Kind: NextEvaluationChanged, From: from.NextEvaluation, To: to.NextEvaluation})
	}
	return out
}

func diffGoals(old, new []Goal) []Change {
	exact := func(i, j int) bool { return old[i].CitizenWords == new[j].CitizenWords }
	score := func(i, j int) float64 {
		a, b := old[i], new[j]
		s := similarity(a.CitizenWords, b.CitizenWords)
		if a.Area != "" && a.Area == b.Area {
			s += 0.2
		}
		if a.ActionPlanGoal != "" && a.ActionPlanGoal == b.ActionPlanGoal {
			s += 0.2
		}
		if i == j {
			s += 0.2
		}
		return s + 0.6*sharedSubGoals(a.SubGoals, b.SubGoals)
	}
	pairs := match(len(old), len(new), exact, score, 0.5)
	var out []Change
	for j, g := range new {
		i, ok := pairs.newToOld[j]
		if !ok {
			out = append(out, Change{Kind: GoalAdded, Item: g.CitizenWords})
			for _, s := range g.SubGoals {
				out = append(out, Change{Kind: SubGoalAdded, Goal: g.CitizenWords, Item: s.What})
			}
			continue
		}
		o := old[i]
		if o.CitizenWords != g.CitizenWords {
			out = append(out, Change{Kind: GoalReworded, Item: g.CitizenWords, From: o.CitizenWords, To: g.CitizenWords})
		}
		if o.Area != g.Area {
			out = append(out, Change{Kind: GoalAreaChanged, Item: g.CitizenWords, From: o.Area, To: g.Area})
		}
		if o.ActionPlanGoal != g.ActionPlanGoal {
			out = append(out, Change{Kind: GoalLinkChanged, Item: g.CitizenWords, From: o.ActionPlanGoal, To: g.ActionPlanGoal})
		}
		out = append(out, diffSubGoals(g.CitizenWords, o.SubGoals, g.SubGoals)...)
	}
	for i, g := range old {
		if _, ok := pairs.oldToNew[i]; ok {
			continue
		}
		out = append(out, Change{Kind: GoalRemoved, Item: g.CitizenWords})
		for _, s := range g.SubGoals {
			out = append(out, Change{Kind: SubGoalRemoved, Goal: g.CitizenWords, Item: s.What})
		}
	}
	return out
}

func diffSubGoals(goal string, old, new []SubGoal) []Change {
	exact := func(i, j int) bool { return old[i].What == new[j].What }
	score := func(i, j int) float64 {
		a, b := old[i], new[j]
		s := similarity(a.What, b.What)
		for _, same := range []bool{a.Measure != "" && a.Measure == b.Measure, a.Owner != "" && a.Owner == b.Owner,
			a.Deadline != "" && a.Deadline == b.Deadline, i == j} {
			if same {
				s += 0.15
			}
		}
		return s
	}
	pairs := match(len(old), len(new), exact, score, 0.5)
	var out []Change
	for j, s := range new {
		i, ok := pairs.newToOld[j]
		if !ok {
			out = append(out, Change{Kind: SubGoalAdded, Goal: goal, Item: s.What})
			continue
		}
		o := old[i]
		field := func(kind ChangeKind, from, to string) {
			if from != to {
				out = append(out, Change{Kind: kind, Goal: goal, Item: s.What, From: from, To: to})
			}
		}
		field(SubGoalReworded, o.What, s.What)
		field(SubGoalStatusChanged, o.Status, s.Status)
		field(SubGoalDeadlineChanged, o.Deadline, s.Deadline)
		field(SubGoalMeasureChanged, o.Measure, s.Measure)
		field(SubGoalOwnerChanged, o.Owner, s.Owner)
	}
	for i, s := range old {
		if _, ok := pairs.oldToNew[i]; !ok {
			out = append(out, Change{Kind: SubGoalRemoved, Goal: goal, Item: s.What})
		}
	}
	return out
}

func diffActivities(old, new []Activity) []Change {
	pairs := match(len(old), len(new), func(i, j int) bool { return old[i].What == new[j].What }, nil, 0)
	var out []Change
	for j, a := range new {
		i, ok := pairs.newToOld[j]
		switch {
		case !ok:
			out = append(out, Change{Kind: ActivityAdded, Item: a.What})
		case old[i].Frequency != a.Frequency || old[i].Owner != a.Owner:
			out = append(out, Change{Kind: ActivityChanged, Item: a.What,
				From: joinNonEmpty(" · ", old[i].Frequency, old[i].Owner), To: joinNonEmpty(" · ", a.Frequency, a.Owner)})
		}
	}
	for i, a := range old {
		if _, ok := pairs.oldToNew[i]; !ok {
			out = append(out, Change{Kind: ActivityRemoved, Item: a.What})
		}
	}
	return out
}

// contactLabel names a contact the way a change shows it: "kind: name, organisation".
func contactLabel(c Contact) string {
	who := joinNonEmpty(", ", c.Name, c.Organisation)
	if c.Kind == "" {
		return who
	}
	return c.Kind + ": " + who
}

func diffContacts(old, new []Contact) []Change {
	same := func(i, j int) bool {
		return old[i].Kind == new[j].Kind && old[i].Name == new[j].Name && old[i].Organisation == new[j].Organisation
	}
	pairs := match(len(old), len(new), same, nil, 0)
	var out []Change
	for j, c := range new {
		if _, ok := pairs.newToOld[j]; !ok {
			out = append(out, Change{Kind: ContactAdded, Item: contactLabel(c)})
		}
	}
	for i, c := range old {
		if _, ok := pairs.oldToNew[i]; !ok {
			out = append(out, Change{Kind: ContactRemoved, Item: contactLabel(c)})
		}
	}
	return out
}

func diffActions(old, new []Action) []Change {
	pairs := match(len(old), len(new), func(i, j int) bool { return old[i].Action == new[j].Action }, nil, 0)
	var out []Change
	for j, a := range new {
		i, ok := pairs.newToOld[j]
		if !ok {
			out = append(out, Change{Kind: ActionAdded, Item: a.Action})
			continue
		}
		o := old[i]
		if o.Owner != a.Owner || o.Deadline != a.Deadline {
			out = append(out, Change{Kind: ActionChanged, Item: a.Action,
				From: joinNonEmpty(" · ", o.Owner, o.Deadline), To: joinNonEmpty(" · ", a.Owner, a.Deadline)})
		}
		if !o.Done && a.Done {
			out = append(out, Change{Kind: ActionDone, Item: a.Action})
		} else if o.Done && !a.Done {
			out = append(out, Change{Kind: ActionReopened, Item: a.Action})
		}
	}
	for i, a := range old {
		if _, ok := pairs.oldToNew[i]; !ok {
			out = append(out, Change{Kind: ActionRemoved, Item: a.Action})
		}
	}
	return out
}

func diffAdvocacy(old, new []AdvocacyCase) []Change {
	pairs := match(len(old), len(new), func(i, j int) bool { return old[i].Barrier == new[j].Barrier }, nil, 0)
	var out []Change
	for j, c := range new {
		i, ok := pairs.newToOld[j]
		switch {
		case !ok:
			out = append(out, Change{Kind: AdvocacyAdded, Item: c.Barrier})
		case old[i].Status != c.Status:
			out = append(out, Change{Kind: AdvocacyStatusChanged, Item: c.Barrier, From: old[i].Status, To: c.Status})
		}
	}
	for i, c := range old {
		if _, ok := pairs.oldToNew[i]; !ok {
			out = append(out, Change{Kind: AdvocacyRemoved, Item: c.Barrier})
		}
	}
	return out
}

// pairing maps matched positions both ways.
type pairing struct {
	oldToNew map[int]int
	newToOld map[int]int
}

func (p pairing) add(i, j int) {
	p.oldToNew[i] = j
	p.newToOld[j] = i
}

// match pairs old items with new ones: first every identical pair in order, then (when
// score is given) the remaining pairs by falling score down to the threshold, so that an
// item that was only reworded is matched rather than reported as removed and added.
func match(nOld, nNew int, exact func(i, j int) bool, score func(i, j int) float64, threshold float64) pairing {
	p := pairing{oldToNew: map[int]int{}, newToOld: map[int]int{}}
	for j := 0; j < nNew; j++ {
		for i := 0; i < nOld; i++ {
			if _, used := p.oldToNew[i]; !used && exact(i, j) {
				p.add(i, j)
				break
			}
		}
	}
	if score == nil {
		return p
	}
	type candidate struct {
		i, j int
		s    float64
	}
	var cands []candidate
	for i := 0; i < nOld; i++ {
		if _, used := p.oldToNew[i]; used {
			continue
		}
		for j := 0; j < nNew; j++ {
			if _, used := p.newToOld[j]; used {
				continue
			}
			if s := score(i, j); s >= threshold {
				cands = append(cands, candidate{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].s > cands[b].s })
	for _, c := range cands {
		_, usedOld := p.oldToNew[c.i]
		_, usedNew := p.newToOld[c.j]
		if !usedOld && !usedNew {
			p.add(c.i, c.j)
		}
	}
	return p
}

// similarity is the share of distinct words two texts have in common (Jaccard), case-blind.
func similarity(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return float64(common) / float64(len(wa)+len(wb)-common)
}

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// sharedSubGoals is the share of sub-goals two goals have with identical words.
func sharedSubGoals(a, b []SubGoal) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	pairs := match(len(a), len(b), func(i, j int) bool { return a[i].What == b[j].What }, nil, 0)
	return float64(len(pairs.oldToNew)) / float64(max(len(a), len(b)))
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
