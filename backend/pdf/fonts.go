package pdf

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/jung-kurt/gofpdf"
)

// FontSource supplies the fonts for a render. A nil *FontSet with a nil error
// means "no TrueType font": the renderer then uses the built-in Helvetica with
// the cp1252 translator and folds other letters to ASCII.
type FontSource interface {
	// FontSet returns the fonts to embed, or nil for the core-font fallback.
	FontSet() (*FontSet, error)
}

// FontSet is a checked pair of UTF-8 TrueType fonts, read and checked once per
// process; each render embeds its own copy of the bytes.
type FontSet struct {
	Name    string    // where the fonts came from, for diagnostics
	Regular []byte    // the regular face, TrueType (glyf) data
	Bold    []byte    // the bold face; the regular bytes again when there is no bold file
	cover   *coverage // BMP runes both faces draw; nil when the cmap was unreadable
}

// fontCandidate is one regular/bold file pair to look for.
type fontCandidate struct{ regular, bold string }

// systemCandidates lists where the operating system keeps fonts that cover
// Danish and other Latin names, best first.
func systemCandidates() []fontCandidate {
	switch runtime.GOOS {
	case "windows":
		dir := os.Getenv("WINDIR")
		if dir == "" {
			dir = `C:\Windows`
		}
		fonts := filepath.Join(dir, "Fonts")
		return []fontCandidate{
			{filepath.Join(fonts, "arial.ttf"), filepath.Join(fonts, "arialbd.ttf")},
			{filepath.Join(fonts, "segoeui.ttf"), filepath.Join(fonts, "segoeuib.ttf")},
		}
	case "darwin":
		return []fontCandidate{
			{"/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"},
			{"/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"},
		}
	default:
		return []fontCandidate{
			{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
			{"/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"},
			{"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
			{"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
			{"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"},
		}
	}
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

var systemFonts = &cachedSource{load: func() (*FontSet, error) {
	for _, c := range systemCandidates() {
		if set, err := loadFontFiles(c.regular, c.bold); err == nil {
			return set, nil
		}
	}
	return nil, nil // no usable font: core-font fallback
}}

// SystemFonts is the default source: the first usable UTF-8 font found on the
// operating system, searched once per process. Nothing is bundled with the app.
func SystemFonts() FontSource { return systemFonts }

// coreOnly is the source that never offers a TrueType font.
type coreOnly struct{}

// FontSet always returns nil, which selects the core-font fallback.
func (coreOnly) FontSet() (*FontSet, error) { return nil, nil }

// CoreFonts forces the built-in Helvetica (cp1252) fallback, as on a machine
// without any of the known fonts.
func CoreFonts() FontSource { return coreOnly{} }

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
