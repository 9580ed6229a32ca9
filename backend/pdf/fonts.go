package pdf

import (
	_ "embed" // the DejaVu Sans faces are compiled into the binary
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/jung-kurt/gofpdf"
)

// The fonts every document is printed in: DejaVu Sans 2.37, regular and bold
// (Bitstream Vera and Arev licences, see THIRD-PARTY-LICENSES). They are part
// of the program, so a plan prints the same on every laptop, whatever fonts
// the operating system has; they also draw Arabic and Hebrew.
var (
	//go:embed fonts/DejaVuSans.ttf
	dejaVuRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuBold []byte
)

// FontSource supplies the fonts for a render.
type FontSource interface {
	// FontSet returns the fonts to embed in the document.
	FontSet() (*FontSet, error)
}

// FontSet is a checked pair of UTF-8 TrueType fonts, read and checked once per
// process; each render embeds its own copy of the bytes.
type FontSet struct {
	Name    string    // where the fonts came from, for diagnostics
	Family  string    // the font's name inside the PDF (pdffonts shows it); "" means "body"
	Regular []byte    // the regular face, TrueType (glyf) data
	Bold    []byte    // the bold face; the regular bytes again when there is no bold file
	cover   *coverage // BMP runes both faces draw; nil when the cmap was unreadable
}

// cachedSource resolves its fonts once and then hands out the same set.
type cachedSource struct {
	once sync.Once
	load func() (*FontSet, error)
	set  *FontSet
	err  error
}

// FontSet returns the cached set, loading it on first use.
func (c *cachedSource) FontSet() (*FontSet, error) {
	c.once.Do(func() { c.set, c.err = c.load() })
	return c.set, c.err
}

var embeddedFonts = &cachedSource{load: func() (*FontSet, error) {
	set := &FontSet{Name: "DejaVu Sans (embedded)", Family: "DejaVuSans", Regular: dejaVuRegular, Bold: dejaVuBold}
	if err := checkFontSet(set); err != nil {
		return nil, fmt.Errorf("pdf: embedded font: %w", err)
	}
	return set, nil
}}

// EmbeddedFonts is the default source: DejaVu Sans, compiled into the program.
func EmbeddedFonts() FontSource { return embeddedFonts }

// FontFiles loads a specific regular and bold TrueType pair (bold may be "",
// then regular is used for both) once, and fails if they cannot be used.
func FontFiles(regular, bold string) FontSource {
	return &cachedSource{load: func() (*FontSet, error) { return loadFontFiles(regular, bold) }}
}

// loadFontFiles reads and checks a font pair.
func loadFontFiles(regular, bold string) (*FontSet, error) {
	reg, err := os.ReadFile(regular)
	if err != nil {
		return nil, err
	}
	bb := reg
	if bold != "" {
		if b, err := os.ReadFile(bold); err == nil {
			bb = b
		}
	}
	set := &FontSet{Name: regular, Regular: reg, Bold: bb}
	if err := checkFontSet(set); err != nil {
		return nil, fmt.Errorf("pdf: font %s: %w", regular, err)
	}
	return set, nil
}

// checkFontSet loads both faces into a throwaway document, so a broken or
// unsupported file (OpenType CFF, a collection) is refused here and not in the
// middle of an export, and records which runes both faces can draw.
func checkFontSet(set *FontSet) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("unusable TrueType font: %v", r)
		}
	}()
	for _, b := range [][]byte{set.Regular, set.Bold} {
		// gofpdf reads only TrueType outlines (and prints to stdout on anything
		// else), so refuse other data here: OpenType CFF ("OTTO"), collections.
		if len(b) < 12 || (string(b[:4]) != "\x00\x01\x00\x00" && string(b[:4]) != "true") {
			return errors.New("not a TrueType (glyf) font")
		}
	}
	p := gofpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("probe", "", set.Regular)
	p.AddUTF8FontFromBytes("probe", "B", set.Bold)
	p.SetFont("probe", "B", 10)
	p.GetStringWidth("Åse Łukasz")
	if err := p.Error(); err != nil {
		return err
	}
	reg, okR := parseCoverage(set.Regular)
	bold, okB := parseCoverage(set.Bold)
	if okR && okB {
		reg.intersect(bold)
		set.cover = reg
	}
	return nil
}
