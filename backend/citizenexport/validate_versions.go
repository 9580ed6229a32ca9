package citizenexport

import (
	"reflect"
	"strconv"

	"icm/backend/domain"
	"icm/backend/plandoc"
)

// versions checks the signed plan versions as PlanVersionService.SignPlan checks a
// sign-off. The snapshot is a record and is kept exactly as signed: its texts are only
// checked, never cleaned.
func (v *validator) versions(f string, c *Course) {
	if v.tooMany(f+"planVersions", len(c.PlanVersions), maxRows) {
		c.PlanVersions = nil
	}
	seen := map[int]bool{}
	for i := range c.PlanVersions {
		pv := &c.PlanVersions[i]
		h := at(f+"planVersions", i, "")
		if pv.VersionNo < 1 || seen[pv.VersionNo] {
			v.p.Add(h+"versionNo", domain.CodeInvalidChoice)
		}
		seen[pv.VersionNo] = true
		if pv.SignedAt == "" {
			v.p.Add(h+"signedAt", domain.CodeRequired)
		}
		v.stamp(h+"signedAt", &pv.SignedAt)
		v.stamp(h+"createdAt", &pv.CreatedAt)
		v.line(h+"citizenName", &pv.CitizenName, domain.MaxName, true)
		v.date(h+"citizenDate", &pv.CitizenDate, true, pastEvent)
		oneOf(v, h+"method", &pv.Method, domain.SignMethods, true)
		v.line(h+"workerName", &pv.WorkerName, domain.MaxName, false)
		v.date(h+"workerDate", &pv.WorkerDate, true, pastEvent)
		v.line(h+"leadName", &pv.LeadName, domain.MaxName, false)
		v.date(h+"leadDate", &pv.LeadDate, false, pastEvent)
		v.text(h+"citizenComment", &pv.CitizenComment, maxNote4000, false)
		if n := pv.Snapshot.FormatVersion; n < 1 || n > plandoc.Version {
			v.p.Add(h+"snapshot.formatVersion", domain.CodeOutOfRange, "min", "1", "max", strconv.Itoa(plandoc.Version))
		}
		v.recordTexts(h+"snapshot", reflect.ValueOf(pv.Snapshot))
	}
}

// recordTexts checks every string inside a signed snapshot the way CleanText checks typed
// text (valid UTF-8, no control or direction-override characters, not too long) without
// changing it.
func (v *validator) recordTexts(field string, x reflect.Value) {
	switch x.Kind() {
	case reflect.String:
		var p domain.Problems
		domain.CleanText(&p, field, x.String(), domain.MaxLongText, false)
		if p.Err() != nil {
			v.p.Add(field, domain.CodeInvalidCharacters)
		}
	case reflect.Pointer:
		if !x.IsNil() {
			v.recordTexts(field, x.Elem())
		}
	case reflect.Struct:
		for i := 0; i < x.NumField(); i++ {
			v.recordTexts(field+"."+jsonName(x.Type().Field(i)), x.Field(i))
		}
	case reflect.Slice:
		for i := 0; i < x.Len(); i++ {
			v.recordTexts(field+"["+strconv.Itoa(i)+"]", x.Index(i))
		}
	}
}

// jsonName is a struct field's name in the file.
func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			tag = tag[:i]
			break
		}
	}
	if tag == "" {
		return f.Name
	}
	return tag
}
