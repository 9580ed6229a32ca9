package pdf

import (
	"io"
	"strconv"
	"strings"

	"icm/backend/plandoc"
)

// FidelityOverview is the team's fidelity over time for the management meeting: per
// quarter, how many of the open courses met each of the method's minimum requirements.
// It holds counts only, never a citizen.
type FidelityOverview struct {
	Municipality string
	Team         string
	Today        string            // ISO date the figures were made
	Rules        []string          // rule codes (domain.FidelityRules), in order
	Quarters     []FidelityQuarter // oldest first
}

// FidelityQuarter is one quarter's figures; Pass and Total follow Rules.
type FidelityQuarter struct {
	Year, Quarter int
	AsOf          string // the quarter's last day, or today when Partial
	Partial       bool
	Courses       int
	Pass, Total   []int
}

var fidelityLabels = map[string]map[string]string{
	"da": {
		"fidTitle":     "ICM-mindstekrav over tid",
		"fidStatus":    "Overblik til ledelsen",
		"fidIntro":     "Andelen af teamets åbne forløb, der opfylder hvert af ICM-metodens mindstekrav, kvartal for kvartal. Hvert kvartal er opgjort, som data så ud på kvartalets sidste dag; det igangværende kvartal er opgjort i dag. Dokumentet indeholder kun tal, ingen borgere.",
		"fidHistory":   "Forhold som ikke gemmes med dato, tælles som de er i dag: forløbets kontaktperson og dennes årsværk, målenes ordlyd, om en netværkskontakt er aktiv, og hvad der er gjort ved en barriere.",
		"fidMadeOn":    "Opgjort",
		"fidPeriod":    "Periode",
		"fidChart":     "Andel af forløbene, der opfylder kravet",
		"fidTable":     "Tallene",
		"fidRule":      "Krav",
		"fidCourses":   "Åbne forløb",
		"fidQuarter":   "%d. kvt. %d",
		"fidSoFar":     "til %s",
		"fidNone":      "Teamet har endnu ingen forløb at opgøre.",
		"fidPartial":   "Den lyse søjle er det kvartal, der ikke er slut endnu. Tallet ved kravets navn er andelen i dag.",
		"fidRules":     "Sådan måles kravene",
		"fidNoCourses": "–",
	},
	"en": {
		"fidTitle":     "ICM minimum requirements over time",
		"fidStatus":    "Overview for management",
		"fidIntro":     "The share of the team's open courses that meet each of the ICM method's minimum requirements, quarter by quarter. Each quarter is counted as the records stood on its last day; the current quarter is counted today. The document holds figures only, no citizens.",
		"fidHistory":   "What is not kept with a date counts as it is today: the course's worker and their FTE, the wording of the goals, whether a network contact is active, and what is done about a barrier.",
		"fidMadeOn":    "Made",
		"fidPeriod":    "Period",
		"fidChart":     "Share of the courses meeting the requirement",
		"fidTable":     "The figures",
		"fidRule":      "Requirement",
		"fidCourses":   "Open courses",
		"fidQuarter":   "Q%d %d",
		"fidSoFar":     "to %s",
		"fidNone":      "The team has no courses to count yet.",
		"fidPartial":   "The light bar is the quarter that is not over yet. The figure beside the requirement's name is the share today.",
		"fidRules":     "How the requirements are measured",
		"fidNoCourses": "–",
	},
}

func init() {
	for lang, m := range fidelityLabels {
		for k, v := range m {
			labels[lang][k] = v
		}
	}
	for lang, m := range fidelityRuleLabels {
		for k, v := range m {
			labels[lang][k] = v
		}
	}
}

// RenderFidelityOverview writes the fidelity over time: a small chart per requirement, the
// figures as a table, and what each requirement measures.
func RenderFidelityOverview(w io.Writer, f FidelityOverview, o Options) (err error) {
	defer recoverRender(&err)
	d, err := newDoc(o, plandoc.CourseHeader{Municipality: f.Municipality, Team: f.Team}, "fidTitle", false)
	if err != nil {
		return err
	}
	d.title(d.t("fidTitle"), d.t("fidStatus"), false)
	fields := []field{{d.t("tplMunicipality"), f.Municipality}, {d.t("tplTeam"), f.Team}, {d.t("fidMadeOn"), d.date(f.Today)}}
	if n := len(f.Quarters); n > 0 {
		fields = append(fields, field{d.t("fidPeriod"), d.quarterName(f.Quarters[0]) + " – " + d.quarterName(f.Quarters[n-1])})
	}
	d.infoBlock(fields)
	d.note(d.t("fidIntro"))
	if len(f.Quarters) == 0 {
		d.paragraph(d.t("fidNone"))
		return d.finish(w)
	}
	d.heading(d.t("fidChart"), 60)
	d.fidelityPanels(f)
	d.note(d.t("fidPartial"))
	d.heading(d.t("fidTable"), 30)
	d.fidelityTable(f)
	d.note(d.t("fidHistory"))
	d.heading(d.t("fidRules"), 30)
	for _, r := range f.Rules {
		d.subheading(d.t("fidRule_"+r), 6)
		d.note(d.t("fidHow_" + r))
	}
	return d.finish(w)
}

// quarterName is "3. kvt. 2026", with "til 01.12.2026" for the quarter not yet over.
func (d *doc) quarterName(q FidelityQuarter) string {
	s := d.tf("fidQuarter", q.Quarter, q.Year)
	if q.Partial {
		s += " " + d.tf("fidSoFar", d.date(q.AsOf))
	}
	return s
}

// sharePercent is part of total as a whole percentage; -1 when there is no total.
func sharePercent(part, total int) int {
	if total <= 0 {
		return -1
	}
	return (200*part + total) / (2 * total) // rounded half up
}

// fidelityPanels draws one small bar chart per requirement, three to a row: a bar per
// quarter from 0 to 100 %, the latest share written beside the name.
func (d *doc) fidelityPanels(f FidelityOverview) {
	const cols, gapX, panelH, nameH, axisW = 3, 5.0, 42.0, 12.0, 7.0
	panelW := (contentW - gapX*(cols-1)) / cols
	p := d.pdf
	for i, r := range f.Rules {
		if i%cols == 0 {
			d.ensure(panelH + 3)
			if i > 0 {
				d.gap(panelH + 3)
			}
		}
		x := marginX + float64(i%cols)*(panelW+gapX)
		top := d.y()
		last := f.Quarters[len(f.Quarters)-1]
		pct := sharePercent(last.Pass[i], last.Total[i])
		d.font("B", 8)
		d.textColor(colText)
		names := d.wrap(d.t("fidRule_"+r), panelW-14)
		if len(names) > 2 {
			names = []string{names[0], d.oneLineIn(strings.Join(names[1:], " "), panelW-14)}
		}
		for k, l := range names {
			d.put(x, top+float64(k)*3.6, panelW-13, 4.2, l, "L")
		}
		if pct >= 0 {
			d.textColor(colAccent)
			d.put(x+panelW-13, top, 13, 4.2, strconv.Itoa(pct)+" %", "R")
		}
		// Plot: 0-100 % with grid lines at 50 and 100.
		x0, x1 := x+axisW, x+panelW
		y0, y1 := top+nameH-2, top+panelH-6 // y0 = 100 %, y1 = 0 %
		d.font("", 6)
		d.textColor(colMuted)
		for _, v := range []int{0, 50, 100} {
			y := y1 - (y1-y0)*float64(v)/100
			d.drawColor(rgb{226, 229, 232})
			p.SetLineWidth(0.15)
			p.Line(x0, y, x1, y)
			d.put(x, y-1.6, axisW-1, 3.2, strconv.Itoa(v), "R")
		}
		n := len(f.Quarters)
		slot := (x1 - x0) / float64(n)
		for k, q := range f.Quarters {
			v := sharePercent(q.Pass[i], q.Total[i])
			bx := x0 + float64(k)*slot + slot*0.18
			if v > 0 {
				h := (y1 - y0) * float64(v) / 100
				c := colAccent
				if q.Partial {
					c = rgb{102, 151, 184}
				}
				d.fillColor(c)
				p.Rect(bx, y1-h, slot*0.64, h, "F")
			}
			if k == 0 || k == n-1 || n <= 4 {
				d.font("", 5.5)
				d.textColor(colMuted)
				d.put(x0+float64(k)*slot-1, y1+0.8, slot+2, 3, d.shortQuarter(q), "C")
			}
		}
		d.drawColor(colMuted)
		p.SetLineWidth(0.25)
		p.Line(x0, y1, x1, y1)
		p.SetY(top)
	}
	d.gap(panelH + 4)
}

// shortQuarter is "K3 26" under a bar.
func (d *doc) shortQuarter(q FidelityQuarter) string {
	s := strconv.Itoa(q.Year % 100)
	if len(s) == 1 {
		s = "0" + s
	}
	if d.lang == "en" {
		return "Q" + strconv.Itoa(q.Quarter) + " " + s
	}
	return "K" + strconv.Itoa(q.Quarter) + " " + s
}

// oneLineIn shortens s with an ellipsis until it fits width in the current font.
func (d *doc) oneLineIn(s string, width float64) string {
	if d.pdf.GetStringWidth(d.oneLine(s)) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && d.pdf.GetStringWidth(d.oneLine(string(r)+"…")) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// fidelityTable prints the figures: a row per requirement, a column per quarter.
func (d *doc) fidelityTable(f FidelityOverview) {
	n := len(f.Quarters)
	first := 0.28
	cols := []column{{title: d.t("fidRule"), frac: first}}
	for _, q := range f.Quarters {
		cols = append(cols, column{title: d.shortQuarter(q), frac: (1 - first) / float64(n)})
	}
	courses := []string{d.t("fidCourses")}
	for _, q := range f.Quarters {
		courses = append(courses, strconv.Itoa(q.Courses))
	}
	rows := [][]string{courses}
	for i, r := range f.Rules {
		row := []string{d.t("fidRule_" + r)}
		for _, q := range f.Quarters {
			if v := sharePercent(q.Pass[i], q.Total[i]); v >= 0 {
				row = append(row, strconv.Itoa(v)+" %\n"+strconv.Itoa(q.Pass[i])+"/"+strconv.Itoa(q.Total[i]))
			} else {
				row = append(row, d.t("fidNoCourses"))
			}
		}
		rows = append(rows, row)
	}
	d.table(cols, rows)
}
