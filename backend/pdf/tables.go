package pdf

// column is one table column; frac is its share of the content width, and
// fit, when set, is a sample value (a date, a phone number) that must fit on one
// line whatever the font, taking the room from the other columns.
type column struct {
	title string
	frac  float64
	fit   string
}

// Table metrics: 9 pt body with a 4.3 mm line, a little air around each cell.
const (
	tableSize  = 9.0
	headSize   = 8.5
	tableLH    = 4.3
	cellPadX   = 1.6
	cellPadY   = 1.4
	tableAfter = 4.0
)

// tableLayout is a table measured for the current page width.
type tableLayout struct {
	widths []float64
	head   [][]string
	headH  float64
}

// table prints rows under a header row. Every row is measured before it is
// drawn: a row that does not fit moves whole to the next page, and the header
// row is repeated there. Only a row taller than a full page is continued
// line by line, so no text is ever cut off.
func (d *doc) table(cols []column, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	t := d.layoutTable(cols)
	room := contentEnd - marginTop - t.headH // what one fresh page offers a row
	for i, row := range rows {
		cells, lines := d.measureRow(t, row)
		h := float64(lines)*tableLH + 2*cellPadY
		switch {
		case i == 0:
			d.ensure(t.headH + min(h, room))
			d.tableHead(t)
		case d.y()+h > contentEnd && h <= room:
			d.pdf.AddPage()
			d.tableHead(t)
		}
		zebra := i%2 == 1
		for from := 0; from < lines; {
			avail := int((contentEnd - d.y() - 2*cellPadY) / tableLH)
			if avail < 1 {
				d.pdf.AddPage()
				d.tableHead(t)
				continue
			}
			n := min(avail, lines-from)
			d.tableRow(t, cells, from, n, zebra)
			from += n
		}
	}
	d.gap(tableAfter)
}

// layoutTable computes column widths and wraps the header titles.
func (d *doc) layoutTable(cols []column) tableLayout {
	sum := 0.0
	for _, c := range cols {
		sum += c.frac
	}
	t := tableLayout{widths: make([]float64, len(cols)), head: make([][]string, len(cols))}
	d.font("", tableSize)
	deficit, flexible := 0.0, 0.0
	for i, c := range cols {
		t.widths[i] = contentW * c.frac / sum
		if c.fit == "" {
			flexible += t.widths[i]
			continue
		}
		if need := d.sw(d.oneLine(c.fit)) + 2*cellPadX + 0.5; need > t.widths[i] {
			deficit += need - t.widths[i]
			t.widths[i] = need
		}
	}
	for i, c := range cols {
		if c.fit == "" && flexible > 0 {
			t.widths[i] -= deficit * t.widths[i] / flexible
		}
	}
	maxLines := 1
	for i, c := range cols {
		t.head[i] = d.wrapIn("B", headSize, c.title, t.widths[i]-2*cellPadX)
		maxLines = max(maxLines, len(t.head[i]))
	}
	t.headH = float64(maxLines)*4.0 + 2*cellPadY
	return t
}

// measureRow wraps every cell and returns the lines and the row's line count.
func (d *doc) measureRow(t tableLayout, row []string) ([][]string, int) {
	cells := make([][]string, len(t.widths))
	lines := 1
	for i := range t.widths {
		v := ""
		if i < len(row) {
			v = row[i]
		}
		cells[i] = d.wrapIn("", tableSize, orDash(v), t.widths[i]-2*cellPadX)
		lines = max(lines, len(cells[i]))
	}
	return cells, lines
}

// tableHead draws the shaded header row at the cursor.
func (d *doc) tableHead(t tableLayout) {
	y := d.y()
	d.fillColor(colHeadBG)
	d.pdf.Rect(marginX, y, contentW, t.headH, "F")
	d.font("B", headSize)
	d.textColor(colText)
	x := marginX
	for i, w := range t.widths {
		for k, l := range t.head[i] {
			d.put(x+cellPadX, y+cellPadY+float64(k)*4.0, w-2*cellPadX, 4.0, l, "L")
		}
		x += w
	}
	d.drawColor(colAccent)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginX, y+t.headH, marginX+contentW, y+t.headH)
	d.pdf.SetY(y + t.headH)
}

// tableRow draws lines [from, from+n) of every cell as one band.
func (d *doc) tableRow(t tableLayout, cells [][]string, from, n int, zebra bool) {
	y := d.y()
	h := float64(n)*tableLH + 2*cellPadY
	if zebra {
		d.fillColor(colZebra)
		d.pdf.Rect(marginX, y, contentW, h, "F")
	}
	d.font("", tableSize)
	d.textColor(colText)
	x := marginX
	for i, w := range t.widths {
		for k := from; k < from+n && k < len(cells[i]); k++ {
			d.put(x+cellPadX, y+cellPadY+float64(k-from)*tableLH, w-2*cellPadX, tableLH, cells[i][k], "L")
		}
		x += w
	}
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.15)
	d.pdf.Line(marginX, y+h, marginX+contentW, y+h)
	d.pdf.SetY(y + h)
}
