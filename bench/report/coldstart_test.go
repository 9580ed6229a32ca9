package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestColdStartSummary: the summary judges the ten-year database's cold start against the
// 1.2 × target from the runs (as make bench writes them), and says when it was not measured.
func TestColdStartSummary(t *testing.T) {
	for _, tc := range []struct {
		name  string
		start map[string]string
		want  []string
	}{
		{"met", map[string]string{"bare_runs_ms": "662,573,696,665", "icm_ten_runs_ms": "720,742,683,894", "icm_empty_runs_ms": "800,810", "icm_audit_runs_ms": "835,833,704", "audit_entries": "1000000"},
			[]string{"≤ 1.2 ×", "731.0 ms vs 663.5 ms: 1.10 × | yes |", "833.0 ms (1.26 ×) / 805.0 ms (1.21 ×)"}},
		{"missed", map[string]string{"bare_runs_ms": "600", "icm_ten_runs_ms": "900"},
			[]string{"900.0 ms vs 600.0 ms: 1.50 × | **no** |", "– (–) / – (–)"}},
		{"not measured", map[string]string{},
			[]string{"– vs –: – | not measured |"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			r := &report{start: tc.start}
			r.coldStartSummary(func(f string, a ...any) { fmt.Fprintf(&b, f+"\n", a...) })
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("summary lacks %q:\n%s", w, b.String())
				}
			}
		})
	}
}
