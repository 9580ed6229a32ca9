package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"icm/backend/plandoc"
)

// Page geometry in mm (A4 portrait) and the body text size in points.
const (
	pageW      = 210.0
	pageH      = 297.0
	marginX    = 18.0
	marginTop  = 20.0
	contentEnd = 278.0 // lowest y for body content; the footer sits below
	contentW   = pageW - 2*marginX
	bodySize   = 10.0
	bodyLH     = 5.0 // line height for 10 pt
)

// rgb is a colour; the palette keeps to tints that survive a grey-scale printer.
type rgb struct{ r, g, b int }

var (
	colText    = rgb{33, 37, 41}
	colMuted   = rgb{95, 99, 104}
	colAccent  = rgb{0, 82, 128}
	colRule    = rgb{190, 196, 202}
	colHeadBG  = rgb{222, 231, 239}
	colZebra   = rgb{245, 247, 249}
	colInfoBG  = rgb{241, 243, 245}
	colWishBG  = rgb{232, 243, 250}
	colWarn    = rgb{170, 28, 28}
	colWater   = rgb{246, 222, 222}
	colChartLn = rgb{0, 102, 153}
)

// Options control one render.
type Options struct {
	PrintedAt time.Time  // printed in the footer as given (pass local time); zero means now
	Lang      string     // "da" (default) or "en"
	Fonts     FontSource // nil means EmbeddedFonts()
	Report    *Report    // when set, filled with what the render could not print as written
}

// Report tells the caller what a render had to change: characters the fonts
// cannot draw (emoji, scripts such as Chinese) print as ReplacementMark, and
// the export passes the list on so the user knows.
type Report struct {
	Replaced []string // each replaced character once, in the order first met
}

// ReplacementMark is printed in place of a character the fonts cannot draw.
const ReplacementMark = "□"

// doc is one PDF being drawn, with the text pipeline for its font mode.
type doc struct {
	pdf       *gofpdf.Fpdf
	lang      string
	lbl       map[string]string
	fam       string
	cover     *coverage
	replaced  []string        // see Report
	seen      map[string]bool // replaced characters already listed
	report    *Report
	printed   time.Time
	headLeft  string // municipality · team
	footTitle string // document title and citizen, so a loose page can be placed
	watermark string
}

// newDoc sets up fonts, header and footer; the caller adds the first page.
func newDoc(o Options, h plandoc.CourseHeader, titleKey string, draft bool) (*doc, error) {
	src := o.Fonts
	if src == nil {
		src = EmbeddedFonts()
	}
	set, err := src.FontSet()
	if err == nil && set == nil {
		err = fmt.Errorf("no font set")
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: fonts: %w", err)
	}
	p := gofpdf.New("P", "mm", "A4", "")
	p.AliasNbPages("{nb}") // before the UTF-8 fonts: it decides which digits get embedded
	d := &doc{pdf: p, printed: o.PrintedAt, report: o.Report, seen: map[string]bool{}}
	d.lang, d.lbl = labelsFor(o.Lang)
	if d.printed.IsZero() {
		d.printed = time.Now()
	}
	// Each render gets its own copy: gofpdf's subsetter appends padding to
	// slices of the font data and so writes into the array it was given, which
	// would race between concurrent exports sharing the cache.
	d.fam, d.cover = set.Family, set.cover
	if d.fam == "" {
		d.fam = "body"
	}
	p.AddUTF8FontFromBytes(d.fam, "", bytes.Clone(set.Regular))
	p.AddUTF8FontFromBytes(d.fam, "B", bytes.Clone(set.Bold))
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdf: fonts: %w", err)
	}
	d.headLeft = strings.Join(nonEmpty(h.Municipality, h.Team), " · ")
	d.footTitle = strings.Join(nonEmpty(d.t(titleKey), h.Citizen), " – ")
	if draft {
		d.watermark = d.t("watermark")
	}
	p.SetMargins(marginX, marginTop, marginX)
	p.SetAutoPageBreak(false, 0) // every break is decided here, so rows never split
	p.SetCellMargin(0)
	p.SetCreator("ICM", true)
	p.SetTitle(d.t(titleKey), true) // no personal data in the file's metadata
	p.SetCreationDate(d.printed)
	p.SetCatalogSort(true)
	p.SetHeaderFuncMode(d.drawHeader, true)
	p.SetFooterFunc(d.drawFooter)
	p.AddPage()
	return d, nil
}

// finish writes the document, reporting any error gofpdf collected on the way.
func (d *doc) finish(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: render: %w", err)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	if d.report != nil {
		d.report.Replaced = append([]string{}, d.replaced...) // never nil: JSON [] rather than null
	}
	return nil
}

// recoverRender turns a panic inside gofpdf into an error: an export must fail
// politely, never take the app down.
func recoverRender(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("pdf: render failed: %v", r)
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *doc) font(style string, size float64) { d.pdf.SetFont(d.fam, style, size) }
func (d *doc) textColor(c rgb)                 { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fillColor(c rgb)                 { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) drawColor(c rgb)                 { d.pdf.SetDrawColor(c.r, c.g, c.b) }
func (d *doc) y() float64                      { return d.pdf.GetY() }

// put draws one line of raw text in a box of width w and height h at (x, y);
// line breaks in it become spaces (wrapped text arrives line by line).
func (d *doc) put(x, y, w, h float64, s, align string) {
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, d.visual(d.oneLine(s)), "", 0, align, false, 0, "")
}

// oneLine cleans s for a single-line slot, turning line breaks into spaces.
func (d *doc) oneLine(s string) string {
	s = d.clean(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

// ensure starts a new page unless h mm still fit below the cursor.
func (d *doc) ensure(h float64) {
	if d.y()+h > contentEnd {
		d.pdf.AddPage()
	}
}

// gap moves the cursor down, as spacing between blocks.
func (d *doc) gap(h float64) { d.pdf.SetY(d.y() + h) }

// drawHeader prints the page header: who the document belongs to, and that it
// is confidential.
func (d *doc) drawHeader() {
	p := d.pdf
	conf := strings.ToUpper(d.t("confidential"))
	d.font("B", 8)
	cw := d.sw(conf)
	d.textColor(colWarn)
	d.put(pageW-marginX-cw, 9, cw, 4, conf, "R")
	d.font("", 8)
	d.textColor(colMuted)
	d.put(marginX, 9, contentW-cw-4, 4, d.fit(d.oneLine(d.headLeft), contentW-cw-6), "L")
	d.drawColor(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginX, 14.5, pageW-marginX, 14.5)
}

// drawFooter prints when the document was printed and "page x of y", and lays
// the draft watermark over the finished page.
func (d *doc) drawFooter() {
	p := d.pdf
	if d.watermark != "" {
		d.drawWatermark()
	}
	d.drawColor(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginX, 283, pageW-marginX, 283)
	d.font("", 8)
	d.textColor(colMuted)
	printed := d.tf("printed", d.day(d.printed), d.printed.Format("15:04"))
	d.put(marginX, 284.5, 60, 4, printed, "L")
	// The total is an alias filled in at the end, so right-aligning on its width
	// would drift: start the text where the widest plausible value would start.
	pageRef := d.sw(d.tf("page", 88, "88"))
	d.put(pageW-marginX-pageRef, 284.5, pageRef, 4, d.tf("page", p.PageNo(), "{nb}"), "L")
	mid := contentW - 60 - pageRef - 8
	d.put(marginX+64, 284.5, mid, 4, d.fit(d.oneLine(d.footTitle), mid), "C")
}

// title prints the document title with its status line: a red draft badge or
// the signed version.
func (d *doc) title(title, status string, draft bool) {
	d.font("B", 20)
	d.textColor(colText)
	d.put(marginX, d.y(), contentW, 10, title, "L")
	d.pdf.SetY(d.y() + 11)
	if status == "" {
		return
	}
	if draft {
		d.font("B", 11)
		w := d.sw(d.oneLine(status)) + 8
		d.drawColor(colWarn)
		d.pdf.SetLineWidth(0.6)
		d.pdf.Rect(marginX, d.y(), w, 8, "D")
		d.textColor(colWarn)
		d.put(marginX+4, d.y(), w-8, 8, status, "L")
		d.pdf.SetY(d.y() + 11)
		return
	}
	d.font("", 11)
	d.textColor(colMuted)
	d.put(marginX, d.y(), contentW, 6, status, "L")
	d.pdf.SetY(d.y() + 8)
}

// heading starts a section; keep is how much of what follows must fit on the
// same page, so a heading never stands alone at the foot of a page.
func (d *doc) heading(s string, keep float64) {
	d.ensure(13 + keep)
	d.gap(3)
	d.font("B", 13)
	d.textColor(colAccent)
	d.put(marginX, d.y(), contentW, 7, s, "L")
	d.drawColor(colAccent)
	d.pdf.SetLineWidth(0.4)
	d.pdf.Line(marginX, d.y()+7.5, marginX+contentW, d.y()+7.5)
	d.pdf.SetY(d.y() + 10)
}

// subheading is a smaller heading inside a section.
func (d *doc) subheading(s string, keep float64) {
	lines := d.wrapIn("B", 10.5, s, contentW)
	d.ensure(float64(len(lines))*5.2 + 2 + keep)
	d.gap(1)
	d.textColor(colText)
	d.drawLines(lines, marginX, contentW, 5.2, "L")
	d.gap(1)
}

// wrapIn sets the font and wraps s for it.
func (d *doc) wrapIn(style string, size float64, s string, w float64) []string {
	d.font(style, size)
	return d.wrap(s, w)
}

// drawLines prints wrapped lines in the current font, breaking pages between lines.
func (d *doc) drawLines(lines []string, x, w, lh float64, align string) {
	for _, l := range lines {
		d.ensure(lh)
		d.put(x, d.y(), w, lh, l, align)
		d.pdf.SetY(d.y() + lh)
	}
}

// paragraph prints body text across the full width.
func (d *doc) paragraph(s string) {
	lines := d.wrapIn("", bodySize, s, contentW)
	d.textColor(colText)
	d.drawLines(lines, marginX, contentW, bodyLH, "L")
	d.gap(1.5)
}

// note prints a short muted remark, such as "nothing recorded".
func (d *doc) note(s string) {
	lines := d.wrapIn("", 9.5, s, contentW)
	d.textColor(colMuted)
	d.drawLines(lines, marginX, contentW, 4.8, "L")
	d.gap(1.5)
}

// textOr prints a paragraph, or a muted note when the text is empty.
func (d *doc) textOr(s, empty string) {
	if strings.TrimSpace(s) == "" {
		d.note(empty)
		return
	}
	d.paragraph(s)
}
