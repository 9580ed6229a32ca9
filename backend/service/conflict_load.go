package service

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
	"icm/backend/syncstore"
)

// keptField is one field in conflict: its kept values (in stamp order) and the value every
// laptop shows now, both as the team folder writes them (references as uids).
type keptField struct {
	kept    []store.KeptValue
	table   syncstore.Table
	current any // wire form
	local   any // as the column holds it here
}

// keptFields groups the kept values by field. Kept values equal to the current value are
// left out (nothing to decide), and so is a field whose table the registry does not know.
func keptFields(ctx context.Context, st *store.Store) ([]keptField, error) {
	all, err := st.KeptValues(ctx)
	if err != nil {
		return nil, err
	}
	var out []keptField
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].UID == all[i].UID && all[j].Column == all[i].Column {
			j++
		}
		group := all[i:j]
		i = j
		t, ok := syncTable(group[0].Table)
		if !ok {
			continue
		}
		local, err := st.ColumnValue(ctx, t.Name, group[0].Column, group[0].RowID)
		if err != nil {
			return nil, err
		}
		cur, err := wireValue(ctx, st, t, group[0].Column, local)
		if err != nil {
			return nil, err
		}
		f := keptField{table: t, current: cur, local: local}
		for _, k := range group {
			if fmt.Sprint(k.Value) != fmt.Sprint(cur) {
				f.kept = append(f.kept, k)
			}
		}
		if len(f.kept) > 0 {
			out = append(out, f)
		}
	}
	return out, nil
}

// wireValue is a local value as the team folder writes it (a reference as the row's uid).
func wireValue(ctx context.Context, st *store.Store, t syncstore.Table, col string, v any) (any, error) {
	r, ok := refOf(t, col)
	id, isID := v.(int64)
	if !ok || !isID {
		return v, nil
	}
	uid, err := st.UIDOf(ctx, r.Table, uint(id))
	if err != nil || uid == "" {
		return v, err
	}
	return uid, nil
}

// list is List without the log.
func (s *ConflictService) list(st *store.Store, a Actor, in ConflictListInput) ([]ConflictDTO, error) {
	ctx := s.ctx()
	fields, err := keptFields(ctx, st)
	if err != nil {
		return nil, err
	}
	wantCitizen := in.CitizenID
	if in.CourseID != 0 && wantCitizen == 0 {
		if wantCitizen, err = st.CourseCitizen(ctx, in.CourseID); err != nil {
			return nil, err
		}
	}
	chk := newAccessCheck(ctx, st, a)
	names := newConflictNames(ctx, st)
	out := []ConflictDTO{}
	for _, f := range fields {
		k0 := f.kept[0]
		sc, err := scopeOf(ctx, st, k0)
		if err != nil {
			return nil, err
		}
		if (wantCitizen != 0 && sc.citizenID != wantCitizen) ||
			(in.CourseID != 0 && sc.courseID != 0 && sc.courseID != in.CourseID) {
			continue
		}
		if mayResolve(chk, st, a, sc) != nil {
			continue
		}
		typ, err := st.ColumnType(ctx, f.table.Name, k0.Column)
		if err != nil {
			return nil, err
		}
		c := ConflictDTO{ID: k0.ID, Field: f.table.Name + "." + k0.Column, CitizenID: sc.citizenID,
			CourseID: sc.courseID, Mergeable: mergeable(f.table, k0.Column, typ)}
		if sc.citizenID != 0 {
			c.CitizenName = names.citizen(sc.citizenID)
		}
		c.Current = names.value(f.table, k0.Column, f.current, k0.CurrentHLC)
		for _, k := range f.kept {
			v := names.value(f.table, k.Column, k.Value, k.HLC)
			v.KeptID = k.ID
			c.Kept = append(c.Kept, v)
		}
		out = append(out, c)
	}
	return out, nil
}

// mergeable says whether a column holds free text that a person may merge by hand: only
// the free-text fields of the forms, each with its form's own rule (mergeRules); every other
// column (a name, a number, a date, a choice from a list, a reference) is picked, never
// mixed.
func mergeable(t syncstore.Table, col, typ string) bool {
	_, ok := mergeRuleOf(t.Name, col)
	_, isRef := refOf(t, col)
	return ok && !isRef && strings.Contains(typ, "TEXT")
}

// mergeRule is a free-text field's rule in its form: the most characters, and whether it
// may be empty.
type mergeRule struct {
	max      int
	required bool
}

// mergeRules are the forms' free-text fields by table and column, with the forms' limits.
// A column of the same name in a table that is not listed (or a table added later) is never
// merged as text: its two values are only picked.
var mergeRules = map[string]map[string]mergeRule{
	"citizens":       {"contact_note": {2000, false}, "address": {domain.MaxShortText, false}, "housing_note": {domain.MaxHousingNote, false}},
	"housing_events": {"note": {domain.MaxHousingNote, false}},
	"visitations": {
		"housing_note": {domain.MaxHousingNote, false}, "action_plan_note": {4000, false},
		"contact_agreement": {4000, false}, "legal_note": {4000, false}, "needs_note": {4000, false},
		"referral_note": {4000, false}, "target_group_reason": {4000, false},
	},
	"goals":             {"action_plan_goal": {2000, false}, "citizen_words": {2000, true}},
	"subgoals":          {"measure": {2000, false}, "what": {2000, true}},
	"activities":        {"what": {2000, true}},
	"meetings":          {"outcome": {8000, false}, "participants": {2000, false}, "preparation": {4000, false}, "purpose": {4000, true}},
	"advocacy_cases":    {"outcome": {8000, false}},
	"evaluations":       {"plan_changes": {8000, false}, "summary": {8000, false}},
	"closings":          {"after_note": {4000, false}, "note": {2000, false}},
	"plan_versions":     {"citizen_comment": {4000, false}},
	"who5_scores":       {"note": {2000, false}},
	"weekly_checks":     {"note": {2000, false}},
	"template_versions": {"note": {2000, false}},
	"cover_periods":     {"note": {2000, false}},
}

// mergeRuleOf is the rule a merged text of the table's column must meet; false when the
// column is not a free-text field of a form.
func mergeRuleOf(table, col string) (mergeRule, bool) {
	r, ok := mergeRules[table][col]
	return r, ok
}

// leadOnlyColumns may be changed by a team lead only, whoever's data they are in: choosing
// another value than the one every laptop shows is then the lead's (giving a course to
// another worker is a handover).
var leadOnlyColumns = map[string]bool{"courses.worker_id": true}

// conflictNames finds the names the screens show for workers, laptops and citizens, each
// read once per call.
type conflictNames struct {
	ctx      context.Context
	st       *store.Store
	laptops  map[string]rosterMember
	workers  map[string]string // worker uid -> name
	citizens map[uint]string
}

// rosterMember is what the roster says of a laptop.
type rosterMember struct {
	Laptop string `json:"laptop"`
	Worker string `json:"worker"`
	Label  string `json:"label"`
}

func newConflictNames(ctx context.Context, st *store.Store) *conflictNames {
	n := &conflictNames{ctx: ctx, st: st, laptops: map[string]rosterMember{}, workers: map[string]string{},
		citizens: map[uint]string{}}
	if body, err := st.LatestRoster(ctx); err == nil && body != "" {
		var r struct {
			Members []rosterMember `json:"members"`
		}
		if json.Unmarshal([]byte(body), &r) == nil {
			for _, m := range r.Members {
				n.laptops[m.Laptop] = m
			}
		}
	}
	return n
}

func (n *conflictNames) citizen(id uint) string {
	if name, ok := n.citizens[id]; ok {
		return name
	}
	name := ""
	if c, err := n.st.GetCitizen(n.ctx, id); err == nil {
		name = c.Name
	}
	n.citizens[id] = name
	return name
}

func (n *conflictNames) worker(uid string) string {
	if name, ok := n.workers[uid]; ok {
		return name
	}
	name := ""
	if id, err := n.st.LocalID(n.ctx, uid); err == nil && id != 0 {
		if w, err := n.st.GetWorker(n.ctx, id); err == nil {
			name = w.Name
		}
	}
	n.workers[uid] = name
	return name
}

// writer says who wrote a stamp and when: the laptop id follows the dash of the stamp.
func (n *conflictNames) writer(hlc string) (name, laptop, at string) {
	if t, ok := stampTime(hlc); ok {
		at = t.Format(time.RFC3339)
	}
	if i := strings.IndexByte(hlc, '-'); i >= 0 {
		if m, ok := n.laptops[hlc[i+1:]]; ok {
			return n.worker(m.Worker), m.Label, at
		}
	}
	return "", "", at
}

// stampTime is the wall time in a clock stamp (twelve hex digits of milliseconds first).
func stampTime(hlc string) (time.Time, bool) {
	if len(hlc) < 12 {
		return time.Time{}, false
	}
	ms, err := strconv.ParseInt(hlc[:12], 16, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.UnixMilli(ms).UTC(), true
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// value shows a value (wire form) as the screens do: a reference by the name of its row.
func (n *conflictNames) value(t syncstore.Table, col string, v any, hlc string) ConflictValueDTO {
	var out ConflictValueDTO
	out.WriterName, out.Laptop, out.At = n.writer(hlc)
	if r, ok := refOf(t, col); ok {
		uid, _ := v.(string)
		switch {
		case v == nil || uid == "":
			out.Kind = "empty"
		case r.Table == "workers":
			out.Kind, out.Text = "ref", n.worker(uid)
		case r.Table == "citizens":
			if id, err := n.st.LocalID(n.ctx, uid); err == nil && id != 0 {
				out.Kind, out.Text = "ref", n.citizen(id)
			}
		}
		if out.Kind == "" || out.Text == "" && out.Kind == "ref" {
			out.Kind, out.Text = "linked", ""
		}
		return out
	}
	switch x := v.(type) {
	case nil:
		out.Kind = "empty"
	case string:
		out.Kind, out.Text = "text", x
		if x == "" {
			out.Kind = "empty"
		} else if isoDay.MatchString(x) {
			out.Kind = "date"
		}
	case int64, float64, bool:
		out.Kind, out.Text = "number", fmt.Sprint(x)
	case time.Time:
		out.Kind, out.Text = "text", x.UTC().Format(time.RFC3339)
	default:
		out.Kind, out.Text = "text", fmt.Sprint(x)
	}
	return out
}
