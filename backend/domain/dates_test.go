package domain

import (
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	min, max := date(1990, 1, 1), date(2027, 12, 2)
	wide := date(1, 1, 1)
	cases := []struct {
		name     string
		in       string
		required bool
		min, max time.Time
		want     *time.Time
		code     Code
	}{
		{"empty optional", "", false, min, max, nil, ""},
		{"empty required", "", true, min, max, nil, CodeRequired},
		{"valid", "2026-03-15", true, min, max, ptr(date(2026, 3, 15)), ""},
		{"min inclusive", "1990-01-01", true, min, max, ptr(min), ""},
		{"day before min", "1989-12-31", true, min, max, nil, CodeDateOutOfRange},
		{"max inclusive", "2027-12-02", true, min, max, ptr(max), ""},
		{"day after max", "2027-12-03", true, min, max, nil, CodeDateOutOfRange},
		{"zero max means no upper bound", "9999-12-31", true, min, time.Time{}, ptr(date(9999, 12, 31)), ""},
		{"Feb 29 leap year", "2024-02-29", true, min, max, ptr(date(2024, 2, 29)), ""},
		{"Feb 29 year 2000 (leap)", "2000-02-29", true, min, max, ptr(date(2000, 2, 29)), ""},
		{"Feb 29 non-leap year", "2025-02-29", true, min, max, nil, CodeInvalidDate},
		{"Feb 29 year 1900 (not leap)", "1900-02-29", true, wide, max, nil, CodeInvalidDate},
		{"31 Feb", "2026-02-31", true, min, max, nil, CodeInvalidDate},
		{"31 April", "2026-04-31", true, min, max, nil, CodeInvalidDate},
		{"month 13", "2026-13-01", true, min, max, nil, CodeInvalidDate},
		{"year 0001", "0001-01-01", true, wide, time.Time{}, ptr(wide), ""},
		{"year 0001 before min", "0001-01-01", true, min, max, nil, CodeDateOutOfRange},
		{"year 9999", "9999-12-31", true, wide, date(9999, 12, 31), ptr(date(9999, 12, 31)), ""},
		{"year 9999 after max", "9999-12-31", true, min, max, nil, CodeDateOutOfRange},
		{"Danish display format", "15.03.2026", true, min, max, nil, CodeInvalidDate},
		{"Danish display format 31.02", "31.02.2026", true, min, max, nil, CodeInvalidDate},
		{"no leading zeros", "2026-3-5", true, min, max, nil, CodeInvalidDate},
		{"with time", "2026-03-15T10:00:00Z", true, min, max, nil, CodeInvalidDate},
		{"surrounding space", " 2026-03-15", true, min, max, nil, CodeInvalidDate},
		{"five digit year", "10000-01-01", true, wide, time.Time{}, nil, CodeInvalidDate},
		{"garbage", "i går", true, min, max, nil, CodeInvalidDate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Problems
			got := ParseDate(&p, "d", c.in, c.required, c.min, c.max)
			switch {
			case c.want == nil && got != nil:
				t.Errorf("got %v, want nil", got)
			case c.want != nil && (got == nil || !got.Equal(*c.want)):
				t.Errorf("got %v, want %v", got, *c.want)
			}
			codes := fieldCodes(&p, "d")
			if c.code == "" && len(codes) > 0 {
				t.Errorf("unexpected problems %v", codes)
			}
			if c.code != "" && (len(codes) != 1 || codes[0] != c.code) {
				t.Errorf("problems = %v, want [%s]", codes, c.code)
			}
		})
	}
}

func TestParseDateOutOfRangeParams(t *testing.T) {
	var p Problems
	ParseDate(&p, "d", "2030-01-01", true, date(1990, 1, 1), date(2027, 12, 2))
	f := p.fields[0]
	if f.Params["min"] != "1990-01-01" || f.Params["max"] != "2027-12-02" {
		t.Fatalf("params = %v", f.Params)
	}
}

func TestLatestCourseDateAndFormat(t *testing.T) {
	now := time.Date(2026, 12, 1, 23, 59, 0, 0, time.UTC)
	if got := LatestCourseDate(now); !got.Equal(date(2027, 12, 2)) {
		t.Fatalf("LatestCourseDate = %v, want 2027-12-02 (366 days ahead)", got)
	}
	if FormatDate(nil) != "" {
		t.Error("FormatDate(nil) should be empty")
	}
	d := date(2026, 2, 3)
	if got := FormatDate(&d); got != "2026-02-03" {
		t.Errorf("FormatDate = %q", got)
	}
}

func ptr[T any](v T) *T { return &v }
