package pdf

import "encoding/binary"

// coverage is the set of BMP code points a font maps to a real glyph; the
// renderer drops or folds the rest instead of printing empty boxes.
type coverage [0x10000 / 64]uint64

// has reports whether r has a glyph.
func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c[r>>6]&(1<<(uint(r)&63)) != 0
}

// add marks r as covered.
func (c *coverage) add(r int) {
	if r >= 0 && r < 0x10000 {
		c[r>>6] |= 1 << (uint(r) & 63)
	}
}

// intersect keeps only the runes o covers too.
func (c *coverage) intersect(o *coverage) {
	for i := range c {
		c[i] &= o[i]
	}
}

// parseCoverage reads the Unicode cmap (format 4 or 12) of a TrueType file.
// It returns false for anything it cannot read, so the caller trusts the font.
func parseCoverage(ttf []byte) (*coverage, bool) {
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(ttf[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(ttf[off:])), true
	}
	numTables, ok := u16(4)
	if !ok {
		return nil, false
	}
	cmap := -1
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, false
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, false
	}
	n, ok := u16(cmap + 2)
	if !ok {
		return nil, false
	}
	best, bestFormat := -1, 0
	for i := 0; i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, _ := u16(rec)
		encoding, _ := u16(rec + 2)
		off, ok := u32(rec + 4)
		if !ok {
			return nil, false
		}
		unicodeTable := platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
		format, _ := u16(cmap + off)
		if unicodeTable && (format == 4 || format == 12) && format > bestFormat {
			best, bestFormat = cmap+off, format
		}
	}
	var c coverage
	switch bestFormat {
	case 4:
		segX2, ok := u16(best + 6)
		if !ok {
			return nil, false
		}
		ends, starts, deltas, ranges := best+14, best+16+segX2, best+16+2*segX2, best+16+3*segX2
		for s := 0; s < segX2; s += 2 {
			end, ok1 := u16(ends + s)
			start, ok2 := u16(starts + s)
			delta, ok3 := u16(deltas + s)
			ro, ok4 := u16(ranges + s)
			if !(ok1 && ok2 && ok3 && ok4) {
				return nil, false
			}
			for ch := start; ch <= end && ch < 0xFFFF; ch++ {
				g := 0
				if ro == 0 {
					g = (ch + delta) & 0xFFFF
				} else if v, ok := u16(ranges + s + ro + 2*(ch-start)); ok && v != 0 {
					g = (v + delta) & 0xFFFF
				}
				if g != 0 {
					c.add(ch)
				}
			}
		}
	case 12:
		groups, ok := u32(best + 12)
		if !ok {
			return nil, false
		}
		for i := 0; i < groups; i++ {
			g := best + 16 + 12*i
			start, ok1 := u32(g)
			end, ok2 := u32(g + 4)
			glyph, ok3 := u32(g + 8)
			if !(ok1 && ok2 && ok3) {
				return nil, false
			}
			for ch := start; ch <= end && ch < 0x10000; ch++ {
				if glyph+(ch-start) != 0 {
					c.add(ch)
				}
			}
		}
	default:
		return nil, false
	}
	return &c, true
}
