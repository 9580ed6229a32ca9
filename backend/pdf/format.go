package pdf

import (
	"fmt"
	"strings"
	"time"
)

// parseDay reads an ISO date, or the date part of an RFC 3339 timestamp.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

// date renders an ISO date for the reader: 05.03.2025 in Danish, 5 Mar 2025 in
// English. Text that is not an ISO date is printed as given.
func (d *doc) date(iso string) string {
	t, ok := parseDay(iso)
	if !ok {
		return strings.TrimSpace(iso)
	}
	return d.day(t)
}

// day formats a time's calendar day in the document's language.
func (d *doc) day(t time.Time) string {
	if d.lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02.01.2006")
}

// sampleDate is the widest date the table columns must fit on one line.
func (d *doc) sampleDate() string { return d.date("2025-05-28") }

// dateTime renders an RFC 3339 timestamp as day and clock time in its own zone.
func (d *doc) dateTime(s string) string {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return d.date(s)
	}
	return d.day(t) + " " + t.Format("15:04")
}

// period renders the course period; an open end reads "ongoing".
func (d *doc) period(start, end string) string {
	if start == "" && end == "" {
		return ""
	}
	e := d.date(end)
	if e == "" {
		e = d.t("ongoing")
	}
	return d.date(start) + " – " + e
}

// t looks up a label; a missing key prints the key so it is noticed, never panics.
func (d *doc) t(key string) string {
	if s, ok := d.lbl[key]; ok {
		return s
	}
	return key
}

// tf formats a label that takes arguments.
func (d *doc) tf(key string, args ...any) string {
	return fmt.Sprintf(d.t(key), args...)
}

// orDash prints an en dash for an empty value, so an empty cell reads as
// "nothing" rather than "forgotten".
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}
