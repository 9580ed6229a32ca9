package pdf

import (
	"sort"
	"strconv"
	"time"

	"icm/backend/plandoc"
)

// chartHeight is the WHO-5 chart's height in mm, axis labels included.
const chartHeight = 62.0

// chartPoint is a WHO-5 score placed on the time axis.
type chartPoint struct {
	day   time.Time
	label string
	score int
}

// who5Chart draws the WHO-5 trend: scores 0-100 over time with dashed
// reference lines at 50 and 28. Without scores it says so instead.
func (d *doc) who5Chart(points []plandoc.WHO5Point) {
	if len(points) == 0 {
		d.note(d.t("who5None"))
		return
	}
	pts := make([]chartPoint, 0, len(points))
	dated := true
	for _, p := range points {
		day, ok := parseDay(p.Date)
		dated = dated && ok
		pts = append(pts, chartPoint{day: day, label: d.date(p.Date), score: min(max(p.Percent, 0), 100)})
	}
	if dated {
		sort.SliceStable(pts, func(i, j int) bool { return pts[i].day.Before(pts[j].day) })
	}

	const height, axisW, refW, inset = chartHeight, 10.0, 36.0, 7.0
	d.ensure(height + 4)
	p := d.pdf
	top := d.y() + 2
	x0, x1 := marginX+axisW, marginX+contentW-refW // plot area
	y0, y1 := top+2, top+height-12                 // y0 = 100, y1 = 0
	yOf := func(v int) float64 { return y1 - (y1-y0)*float64(v)/100 }

	// Grid and y axis.
	d.font("", 7)
	d.textColor(colMuted)
	for v := 0; v <= 100; v += 20 {
		d.drawColor(rgb{226, 229, 232})
		p.SetLineWidth(0.15)
		p.Line(x0, yOf(v), x1, yOf(v))
		d.put(marginX, yOf(v)-2, axisW-2, 4, strconv.Itoa(v), "R")
	}
	d.drawColor(colMuted)
	p.SetLineWidth(0.3)
	p.Line(x0, y0, x0, y1)
	p.Line(x0, y1, x1, y1)

	// Reference lines, labelled in the margin to the right of the plot.
	p.SetDashPattern([]float64{1.6, 1.2}, 0)
	for _, ref := range []struct {
		v   int
		key string
		c   rgb
	}{{50, "ref50", rgb{200, 120, 0}}, {28, "ref28", colWarn}} {
		d.drawColor(ref.c)
		p.SetLineWidth(0.35)
		p.Line(x0, yOf(ref.v), x1, yOf(ref.v))
		d.font("", 7)
		d.textColor(ref.c)
		lines := d.wrap(d.t(ref.key), refW-3)
		for k, l := range lines {
			d.put(x1+2, yOf(ref.v)-2+float64(k)*3.2-float64(len(lines)-1)*1.6, refW-3, 4, l, "L")
		}
	}
	p.SetDashPattern([]float64{}, 0)

	// Point positions: proportional to time; evenly spread in the given order
	// when a date is unreadable or all share a day.
	xs := make([]float64, len(pts))
	span := 0.0
	if dated {
		span = pts[len(pts)-1].day.Sub(pts[0].day).Hours()
	}
	for i, pt := range pts {
		switch {
		case len(pts) == 1:
			xs[i] = (x0 + x1) / 2
		case span <= 0:
			xs[i] = x0 + inset + (x1-x0-2*inset)*float64(i)/float64(len(pts)-1)
		default:
			xs[i] = x0 + inset + (x1-x0-2*inset)*pt.day.Sub(pts[0].day).Hours()/span
		}
	}
	d.drawColor(colChartLn)
	p.SetLineWidth(0.6)
	for i := 1; i < len(pts); i++ {
		p.Line(xs[i-1], yOf(pts[i-1].score), xs[i], yOf(pts[i].score))
	}
	d.fillColor(colChartLn)
	for i, pt := range pts {
		y := yOf(pt.score)
		p.Circle(xs[i], y, 1.1, "F")
		d.font("B", 7.5)
		d.textColor(colText)
		ly := y - 5.2
		if pt.score > 90 {
			ly = y + 1.4
		}
		d.put(xs[i]-6, ly, 12, 4, strconv.Itoa(pt.score), "C")
	}
	// Dates under the axis, newest first so the latest always shows; a date
	// that would run into one already printed is left out.
	d.font("", 7)
	d.textColor(colMuted)
	nextStart := 1e9
	for i := len(pts) - 1; i >= 0; i-- {
		w := d.sw(d.oneLine(pts[i].label))
		if xs[i]+w/2+1.5 > nextStart {
			continue
		}
		d.put(xs[i]-w/2-1, y1+1.5, w+2, 4, pts[i].label, "C")
		nextStart = xs[i] - w/2
	}
	p.SetY(top + height)
}
