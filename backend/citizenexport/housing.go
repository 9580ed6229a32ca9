package citizenexport

import (
	"context"
	"strconv"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// The housing history in the file (format version 2). A file of version 1 has none: its
// import makes the entries from the housing fields the way migration 0011 did.

// HousingEntry is one dated entry of the citizen's housing history (see
// store.HousingEvent): the situation from Date, where it was made (Kind), the course of a
// start or close entry and the entry a correction or withdrawal replaces.
type HousingEntry struct {
	ID         uint    `json:"id"`
	Date       string  `json:"date"`
	Housing    string  `json:"housing"`
	Note       string  `json:"note"`
	Kind       string  `json:"kind"`
	CourseID   uint    `json:"courseId"`
	Corrects   uint    `json:"corrects"`
	RecordedBy *Worker `json:"recordedBy"`
	CreatedAt  string  `json:"createdAt"`
}

// buildHousing puts the citizen's history into the document: every entry of a file of all
// the citizen's courses; for one course, the moves and that course's own entries.
func buildHousing(ctx context.Context, st *store.Store, doc *Document, citizenID uint, names *workerNames) error {
	rows, err := st.ListHousingEvents(ctx, citizenID)
	if err != nil {
		return err
	}
	inFile := map[uint]bool{}
	for _, c := range doc.Courses {
		inFile[c.ID] = true
	}
	byID(rows, func(r store.HousingEventRow) uint { return r.ID }) // the order they were made
	doc.Citizen.HousingHistory = []HousingEntry{}
	for _, r := range rows {
		if r.CourseID != nil && !inFile[*r.CourseID] {
			continue
		}
		e := HousingEntry{ID: r.ID, Date: r.Date, Housing: r.Housing, Note: r.Note, Kind: r.Kind,
			CourseID: idOf(r.CourseID), Corrects: idOf(r.CorrectsID), CreatedAt: stamp(r.CreatedAt)}
		if r.RecordedBy != nil {
			w, err := names.get(ctx, *r.RecordedBy)
			if err != nil && domain.CodeOf(err) != domain.CodeNotFound {
				return err
			}
			e.RecordedBy = &w
		}
		doc.Citizen.HousingHistory = append(doc.Citizen.HousingHistory, e)
	}
	return nil
}

func idOf(p *uint) uint {
	if p == nil {
		return 0
	}
	return *p
}

// housing checks the history as the services write it: known codes and dates, a course
// for each start and close entry and none for the others, corrections of an earlier move,
// each once, and the course steps' copies the same as their entries.
func (v *validator) housing(d *Document) {
	h := d.Citizen.HousingHistory
	if d.FormatVersion < 2 && h != nil {
		v.p.Add("citizen.housingHistory", domain.CodeInvalidChoice) // not a field of version 1
		d.Citizen.HousingHistory = nil
		return
	}
	if v.tooMany("citizen.housingHistory", len(h), maxRows) {
		d.Citizen.HousingHistory = nil
		return
	}
	courses := map[uint]*Course{}
	for i := range d.Courses {
		courses[d.Courses[i].ID] = &d.Courses[i]
	}
	kinds, seen := map[uint]string{}, map[uint]bool{}
	corrected, steps := map[uint]bool{}, map[string]*HousingEntry{}
	for i := range h {
		e := &h[i]
		f := at("citizen.housingHistory", i, "")
		if e.ID == 0 || kinds[e.ID] != "" || seen[e.ID] {
			v.p.Add(f+"id", domain.CodeInvalidChoice)
		}
		oneOf(v, f+"kind", &e.Kind, domain.HousingKinds, true)
		kind := domain.HousingKind(e.Kind)
		ahead := pastEvent
		if kind == domain.HousingKindStart {
			ahead = planned
		}
		v.date(f+"date", &e.Date, true, ahead)
		oneOf(v, f+"housing", &e.Housing, domain.Housings, kind == domain.HousingKindMove || kind == domain.HousingKindClose)
		if kind == domain.HousingKindWithdrawal && e.Housing != "" {
			v.p.Add(f+"housing", domain.CodeInvalidChoice)
		}
		v.text(f+"note", &e.Note, domain.MaxHousingNote, kind == domain.HousingKindWithdrawal)
		seen[e.ID] = true
		v.stamp(f+"createdAt", &e.CreatedAt)
		if e.RecordedBy != nil {
			v.line(f+"recordedBy.name", &e.RecordedBy.Name, domain.MaxName, false)
			v.line(f+"recordedBy.initials", &e.RecordedBy.Initials, domain.MaxShortText, false)
		}
		step := kind == domain.HousingKindStart || kind == domain.HousingKindClose
		key := e.Kind + "/" + strconv.Itoa(int(e.CourseID))
		if step != (e.CourseID != 0) || (step && (courses[e.CourseID] == nil || steps[key] != nil)) {
			v.p.Add(f+"courseId", domain.CodeInvalidChoice)
		} else if step {
			steps[key] = e
		}
		// A correction names an earlier move of this file, and each entry is corrected once.
		switch {
		case kind == domain.HousingKindWithdrawal && e.Corrects == 0,
			kind != domain.HousingKindWithdrawal && kind != domain.HousingKindMove && e.Corrects != 0,
			e.Corrects != 0 && (!domain.HousingKind(kinds[e.Corrects]).Correctable() || corrected[e.Corrects]):
			v.p.Add(f+"corrects", domain.CodeInvalidChoice)
		}
		if e.Corrects != 0 {
			corrected[e.Corrects] = true
		}
		kinds[e.ID] = e.Kind
	}
	if d.FormatVersion < 2 {
		return
	}
	for i := range d.Courses {
		c := &d.Courses[i]
		f := at("courses", i, "")
		start, close := steps["start/"+strconv.Itoa(int(c.ID))], steps["close/"+strconv.Itoa(int(c.ID))]
		if vi := c.Visitation; vi != nil && (start == nil && (vi.HousingAtStart != "" || vi.HousingNote != "") ||
			start != nil && (vi.HousingAtStart != start.Housing || vi.HousingNote != start.Note)) {
			v.p.Add(f+"visitation.housingAtStart", domain.CodeInvalidChoice)
		}
		if cl := c.FollowUp.Closing; cl != nil && (close == nil || close.Housing != cl.HousingAtClose) {
			v.p.Add(f+"followUp.closing.housingAtClose", domain.CodeInvalidChoice)
		}
	}
}

// applyHousing writes the history: for a citizen new here every entry, for a citizen
// already here only the entries of the imported courses (the citizen's own moves here are
// the ones that count).
func (w *writer) applyHousing(doc *Document, citizenID uint, newCitizen bool, courseIDs map[uint]uint) error {
	entries := doc.Citizen.HousingHistory // a version 1 file's is made from its fields by Validate
	if newCitizen {
		entries = carryOver(entries, doc.Citizen, w.now)
	}
	ids := map[uint]uint{}
	for _, e := range entries {
		var course *uint
		if e.CourseID != 0 {
			id, ok := courseIDs[e.CourseID]
			if !ok {
				continue
			}
			course = &id
		} else if !newCitizen {
			continue
		}
		row := &store.HousingEvent{CitizenID: citizenID, CourseID: course, Date: e.Date, Housing: e.Housing,
			Note: e.Note, Kind: e.Kind, CreatedAt: w.time(e.CreatedAt)}
		if e.Corrects != 0 {
			id, ok := ids[e.Corrects]
			if !ok {
				continue
			}
			row.CorrectsID = &id
		}
		if err := w.tx.AddHousingEvent(w.ctx, row); err != nil {
			return err
		}
		ids[e.ID] = row.ID
	}
	return w.tx.SyncCitizenHousing(w.ctx, citizenID, w.now)
}

// housingFromFields makes the entries of a version 1 file as migration 0011 made them from
// a database: the start housing on the course start and the closing's on the end date.
func housingFromFields(doc *Document) []HousingEntry {
	var out []HousingEntry
	add := func(e HousingEntry) { e.ID = uint(len(out) + 1); out = append(out, e) }
	for _, c := range doc.Courses {
		if v := c.Visitation; v != nil && (v.HousingAtStart != "" || v.HousingNote != "") {
			add(HousingEntry{Date: c.StartDate, Housing: v.HousingAtStart, Note: v.HousingNote,
				Kind: string(domain.HousingKindStart), CourseID: c.ID, CreatedAt: v.UpdatedAt})
		}
	}
	for _, c := range doc.Courses {
		if cl := c.FollowUp.Closing; cl != nil && cl.HousingAtClose != "" {
			date := c.EndDate
			if date == "" && len(cl.UpdatedAt) >= 10 {
				date = cl.UpdatedAt[:10]
			}
			add(HousingEntry{Date: date, Housing: cl.HousingAtClose, Kind: string(domain.HousingKindClose), CourseID: c.ID,
				CreatedAt: cl.UpdatedAt})
		}
	}
	return out
}

// carryOver adds the citizen's housing fields as an entry where the entry in force last
// says otherwise (as migration 0011 did): dated the day the citizen was last changed, and
// never before the latest entry. A file for one course leaves out the other courses'
// entries, so its citizen's housing may be newer than what the file's entries say.
func carryOver(entries []HousingEntry, ci Citizen, now time.Time) []HousingEntry {
	if ci.Housing == "" && ci.HousingNote == "" {
		return entries
	}
	dom := make([]domain.HousingEntry, 0, len(entries))
	latest, next := "", uint(1)
	for _, e := range entries {
		d, _ := time.Parse(domain.DateLayout, e.Date)
		dom = append(dom, domain.HousingEntry{ID: e.ID, Date: d, Housing: domain.Housing(e.Housing),
			Kind: domain.HousingKind(e.Kind), Corrects: e.Corrects})
		latest, next = max(latest, e.Date), max(next, e.ID+1)
	}
	if cur, ok := domain.CurrentHousing(dom); ok {
		for _, e := range entries {
			if e.ID == cur.ID && e.Housing == ci.Housing && e.Note == ci.HousingNote {
				return entries
			}
		}
	}
	date := domain.Day(now).Format(domain.DateLayout)
	if t, err := time.Parse(time.RFC3339Nano, ci.UpdatedAt); err == nil {
		date = t.UTC().Format(domain.DateLayout)
	}
	return append(entries, HousingEntry{ID: next, Date: max(date, latest), Housing: ci.Housing, Note: ci.HousingNote,
		Kind: string(domain.HousingKindCarried), CreatedAt: ci.UpdatedAt})
}
