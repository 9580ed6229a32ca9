package pdf

import (
	"strings"
	"unicode"
)

// strokeGlyphs draws the few capitals the draft watermark needs as pen
// strokes on a 4 x 6 grid (y up). Drawing the mark as lines, not text, keeps it
// out of copied text, screen readers and pdftotext, where rotated letters
// would otherwise turn up in the middle of the plan's sentences.
var strokeGlyphs = map[rune][][]float64{
	'A': {{0, 0, 2, 6, 4, 0}, {0.7, 2.1, 3.3, 2.1}},
	'D': {{0, 0, 0, 6, 2, 6, 3.4, 5.3, 4, 4, 4, 2, 3.4, 0.7, 2, 0, 0, 0}},
	'E': {{4, 6, 0, 6, 0, 0, 4, 0}, {0, 3, 3.2, 3}},
	'F': {{4, 6, 0, 6, 0, 0}, {0, 3, 3.2, 3}},
	'K': {{0, 0, 0, 6}, {4, 6, 0, 2}, {1.4, 3.4, 4, 0}},
	'L': {{0, 6, 0, 0, 4, 0}},
	'R': {{0, 0, 0, 6, 3, 6, 4, 5.1, 4, 3.9, 3, 3, 0, 3}, {2.2, 3, 4, 0}},
	'T': {{0, 6, 4, 6}, {2, 6, 2, 0}},
	' ': {},
}

// drawWatermark lays the draft mark diagonally across the page. It runs from
// the footer, after the content, in Multiply blend mode: text stays black,
// table shading is tinted rather than hiding the mark.
func (d *doc) drawWatermark() {
	mark := strings.ToUpper(d.watermark)
	p := d.pdf
	p.SetAlpha(1, "Multiply")
	defer p.SetAlpha(1, "Normal")
	p.TransformBegin()
	defer p.TransformEnd()
	p.TransformRotate(54, pageW/2, pageH/2)
	for _, r := range mark {
		if _, ok := strokeGlyphs[r]; !ok && !unicode.IsSpace(r) {
			// A letter the stroke set lacks (a new translation): fall back to text.
			d.font("B", 96)
			d.textColor(colWater)
			w := d.sw(d.oneLine(mark))
			p.Text(pageW/2-w/2, pageH/2+12, d.visual(d.clean(mark)))
			return
		}
	}
	const unit, advance = 5.6, 5.9 // mm per grid step; grid steps per letter
	n := float64(len([]rune(mark)))
	x0 := pageW/2 - (n*advance-1.9)*unit/2
	base := pageH/2 + 3*unit
	d.drawColor(colWater)
	p.SetLineWidth(unit * 0.75)
	p.SetLineCapStyle("round")
	p.SetLineJoinStyle("round")
	for i, r := range mark {
		ox := x0 + float64(i)*advance*unit
		for _, s := range strokeGlyphs[r] {
			p.MoveTo(ox+s[0]*unit, base-s[1]*unit)
			for k := 2; k+1 < len(s); k += 2 {
				p.LineTo(ox+s[k]*unit, base-s[k+1]*unit)
			}
			p.DrawPath("D")
		}
	}
	p.SetLineCapStyle("butt")
	p.SetLineJoinStyle("miter")
}
