package pdf

import (
	"io"
	"strings"

	"icm/backend/plandoc"
)

// AccessReport is the readable half of an access request (indsigt, GDPR art. 15):
// everything the team holds about one citizen, put into words by the caller (Danish
// headings and labels, dates as dd.mm.åååå), course by course, and the audit log of who
// used the data. The renderer only lays it out.
type AccessReport struct {
	Municipality string
	Team         string
	Citizen      string
	Intro        []string      // paragraphs that explain the document to the citizen
	Personal     []AccessField // the personal and contact details
	Courses      []AccessCourse
	Audit        []AuditLine // oldest first; times already formatted
}

// AccessField is one label and its value; empty values are left out.
type AccessField struct {
	Label, Value string
}

// AccessCourse is one course: a heading, its facts and a section per step of the method.
type AccessCourse struct {
	Title    string
	Facts    []AccessField
	Sections []AccessSection
}

// AccessSection is one part of a course, such as the assessment or the journal; Empty is
// printed when it has no blocks.
type AccessSection struct {
	Heading string
	Empty   string
	Blocks  []AccessBlock
}

// AccessBlock is one record in a section: an optional title and muted line (dates, who),
// then any of facts, a text and a table.
type AccessBlock struct {
	Title  string
	Meta   string
	Fields []AccessField
	Text   string
	Table  *AccessTable
}

// AccessTable is a table; a column's Fit is a sample value (a date) that must fit on one line.
type AccessTable struct {
	Columns []AccessColumn
	Rows    [][]string
}

// AccessColumn is one column of an AccessTable with its share of the width.
type AccessColumn struct {
	Title string
	Width float64
	Fit   string
}

func init() {
	for lang, kv := range map[string]map[string]string{
		"da": {
			"accessTitle":    "Indsigt i egne oplysninger",
			"accessMade":     "Udskrevet %s",
			"accessPersonal": "Dine oplysninger",
			"accessCourses":  "ICM-forløb",
			"accessNoCourse": "Der er ikke registreret noget ICM-forløb.",
			"accessAudit":    "Hvem har brugt oplysningerne",
			"accessAuditIntro": "Her står hver gang en medarbejder har set, søgt i, ændret, udskrevet eller " +
				"eksporteret dine oplysninger, med tidspunkt og navn. Ældste først.",
		},
		"en": {
			"accessTitle":    "Access to your own data",
			"accessMade":     "Printed %s",
			"accessPersonal": "Your details",
			"accessCourses":  "ICM courses",
			"accessNoCourse": "No ICM course has been recorded.",
			"accessAudit":    "Who has used the data",
			"accessAuditIntro": "Every time a worker viewed, searched, changed, printed or exported your " +
				"details is listed here with the time and name. Oldest first.",
		},
	} {
		for k, v := range kv {
			labels[lang][k] = v
		}
	}
}

// RenderAccess writes the access request's PDF: the personal details, then each course
// with every step of the method, the journal and the signed plans, then the audit log.
func RenderAccess(w io.Writer, r AccessReport, o Options) (err error) {
	defer recoverRender(&err)
	d, err := newDoc(o, plandoc.CourseHeader{Municipality: r.Municipality, Team: r.Team, Citizen: r.Citizen},
		"accessTitle", false)
	if err != nil {
		return err
	}
	d.title(d.t("accessTitle"), d.tf("accessMade", d.day(d.printed)), false)
	for _, p := range r.Intro {
		d.paragraph(p)
	}
	d.heading(d.t("accessPersonal"), 20)
	d.accessFields(r.Personal)
	if len(r.Courses) == 0 {
		d.heading(d.t("accessCourses"), 10)
		d.note(d.t("accessNoCourse"))
	}
	for _, c := range r.Courses {
		d.heading(c.Title, 24)
		d.accessFields(c.Facts)
		for _, s := range c.Sections {
			d.accessSection(s)
		}
	}
	d.heading(d.t("accessAudit"), 20)
	d.note(d.t("accessAuditIntro"))
	d.auditTable(r.Audit)
	return d.finish(w)
}

func (d *doc) accessFields(fs []AccessField) {
	fields := make([]field, 0, len(fs))
	for _, f := range fs {
		fields = append(fields, field{f.Label, f.Value})
	}
	d.infoBlock(fields)
}

// accessSection prints a part of a course under a heading smaller than the course's.
func (d *doc) accessSection(s AccessSection) {
	lines := d.wrapIn("B", 11.5, s.Heading, contentW)
	d.ensure(float64(len(lines))*6 + 14)
	d.gap(2)
	d.textColor(colAccent)
	d.drawLines(lines, marginX, contentW, 6, "L")
	d.gap(1)
	if len(s.Blocks) == 0 {
		d.note(orDash(s.Empty))
		return
	}
	for _, b := range s.Blocks {
		d.accessBlock(b)
	}
}

func (d *doc) accessBlock(b AccessBlock) {
	if strings.TrimSpace(b.Title) != "" {
		d.subheading(b.Title, 8)
	}
	if strings.TrimSpace(b.Meta) != "" {
		d.font("", 8.5)
		d.textColor(colMuted)
		d.drawLines(d.wrap(b.Meta, contentW), marginX, contentW, 4.2, "L")
		d.gap(1)
	}
	d.accessFields(b.Fields)
	if strings.TrimSpace(b.Text) != "" {
		d.paragraph(b.Text)
	}
	if t := b.Table; t != nil && len(t.Rows) > 0 {
		cols := make([]column, len(t.Columns))
		for i, c := range t.Columns {
			cols[i] = column{title: c.Title, frac: c.Width, fit: c.Fit}
		}
		d.table(cols, t.Rows)
	}
}
