package pdf

import (
	"strings"

	"icm/backend/plandoc"
)

// field is one label/value pair of an info block.
type field struct{ label, value string }

// infoBlock prints fields two per row in a light box: small grey label above
// the value, the way a form reads on paper.
func (d *doc) infoBlock(fields []field) {
	var kept []field
	for _, f := range fields {
		if strings.TrimSpace(f.value) != "" {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 {
		return
	}
	const pad, colGap, labelLH, valueLH = 3.5, 8.0, 4.0, 5.0
	colW := (contentW - 2*pad - colGap) / 2
	type cell struct{ label, value []string }
	var rows [][2]cell
	var heights []float64
	for i := 0; i < len(kept); i += 2 {
		var row [2]cell
		h := 0.0
		for j := 0; j < 2 && i+j < len(kept); j++ {
			row[j].label = d.wrapIn("", 8, kept[i+j].label, colW)
			row[j].value = d.wrapIn("B", bodySize, kept[i+j].value, colW)
			h = max(h, float64(len(row[j].label))*labelLH+float64(len(row[j].value))*valueLH)
		}
		rows = append(rows, row)
		heights = append(heights, h+2)
	}
	total := 2 * pad
	for _, h := range heights {
		total += h
	}
	d.ensure(total)
	top := d.y()
	d.fillColor(colInfoBG)
	d.pdf.Rect(marginX, top, contentW, total, "F")
	y := top + pad
	for r, row := range rows {
		for j, c := range row {
			x := marginX + pad + float64(j)*(colW+colGap)
			cy := y
			d.font("", 8)
			d.textColor(colMuted)
			for _, l := range c.label {
				d.put(x, cy, colW, labelLH, l, "L")
				cy += labelLH
			}
			d.font("B", bodySize)
			d.textColor(colText)
			for _, l := range c.value {
				d.put(x, cy, colW, valueLH, l, "L")
				cy += valueLH
			}
		}
		y += heights[r]
	}
	d.pdf.SetY(top + total + 4)
}

// quoteBlock sets the citizen's own words apart: a tinted band with an accent
// bar, one text line at a time so a long text may continue on the next page.
func (d *doc) quoteBlock(s string) {
	const pad, lh, size = 4.0, 5.6, 11.0
	lines := d.wrapIn("", size, s, contentW-2*pad-3)
	d.ensure(2*pad + lh*float64(min(len(lines), 3)))
	band := func(h float64) {
		d.fillColor(colWishBG)
		d.pdf.Rect(marginX, d.y(), contentW, h+0.05, "F")
		d.fillColor(colAccent)
		d.pdf.Rect(marginX, d.y(), 1.4, h+0.05, "F")
	}
	band(pad)
	d.gap(pad)
	d.font("", size)
	d.textColor(colText)
	for _, l := range lines {
		if d.y()+lh > contentEnd {
			d.pdf.AddPage()
			d.font("", size)
			d.textColor(colText)
		}
		band(lh)
		d.put(marginX+pad+3, d.y(), contentW-2*pad-3, lh, l, "L")
		d.gap(lh)
	}
	band(pad)
	d.gap(pad + 3)
}

// callout prints one fact that people must not miss, such as the next
// evaluation date, in a framed band.
func (d *doc) callout(label, value string) {
	d.ensure(16)
	d.gap(2)
	top := d.y()
	d.drawColor(colAccent)
	d.pdf.SetLineWidth(0.6)
	d.fillColor(colWishBG)
	d.pdf.Rect(marginX, top, contentW, 12, "FD")
	d.font("B", 12)
	d.textColor(colAccent)
	lw := d.sw(d.oneLine(label+":")) + 3
	d.put(marginX+5, top, lw, 12, label+":", "L")
	d.font("B", 14)
	d.textColor(colText)
	d.put(marginX+5+lw, top, contentW-10-lw, 12, d.fit(d.oneLine(value), contentW-10-lw), "L")
	d.pdf.SetY(top + 16)
}

// courseFields are the facts about whom the document is for.
func (d *doc) courseFields(c plandoc.CourseHeader) []field {
	citizen := c.Citizen
	if strings.TrimSpace(c.CitizenCPR) != "" {
		citizen += "  (" + d.t("cpr") + " " + c.CitizenCPR + ")"
	}
	return []field{
		{d.t("citizen"), citizen},
		{d.t("worker"), c.Worker},
		{d.t("course"), d.period(c.CourseStart, c.CourseEnd)},
	}
}
