package pdf

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"icm/backend/domain"
)

func sampleFidelity() FidelityOverview {
	f := FidelityOverview{Municipality: "Solvang Kommune", Team: "ICM-teamet", Today: "2026-12-01"}
	for _, r := range domain.FidelityRules {
		f.Rules = append(f.Rules, string(r))
	}
	for i, q := range []struct{ year, quarter int }{{2025, 1}, {2025, 2}, {2025, 3}, {2025, 4}, {2026, 1}, {2026, 2}, {2026, 3}, {2026, 4}} {
		fq := FidelityQuarter{Year: q.year, Quarter: q.quarter, AsOf: domain.Quarter{Year: q.year, Quarter: q.quarter}.End().Format(domain.DateLayout),
			Courses: 6 + i/2}
		if i == 7 {
			fq.AsOf, fq.Partial = "2026-12-01", true
		}
		for k := range f.Rules {
			fq.Total = append(fq.Total, fq.Courses)
			fq.Pass = append(fq.Pass, min(fq.Courses, (i+k)%(fq.Courses+1)))
		}
		f.Quarters = append(f.Quarters, fq)
	}
	return f
}

// The management overview is read back: title, period, every requirement with its name and
// what it measures, and the figures of the latest quarter; it names no citizen.
func TestRenderFidelityOverview(t *testing.T) {
	f := sampleFidelity()
	var b bytes.Buffer
	if err := RenderFidelityOverview(&b, f, Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PDF_SAMPLE_DIR"); dir != "" {
		_ = os.WriteFile(dir+"/fidelity-overview.pdf", b.Bytes(), 0o644)
	}
	text := squash(strings.Join(pdfPages(t, b.Bytes()), " "))
	last := f.Quarters[7]
	for _, want := range []string{"ICM-mindstekrav over tid", "Overblik til ledelsen", "Solvang Kommune", "Opgjort", "01.12.2026",
		"1. kvt. 2025 – 4. kvt. 2026 til 01.12.2026", "Andel af forløbene, der opfylder kravet", "Åbne forløb",
		"Netværk og koordinering", "Barrierer registreret og fulgt op", "koordineringsmøde inden for det seneste halve år",
		"Sådan måles kravene", "ingen borgere", "K4 26"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for i, r := range f.Rules {
		for _, key := range []string{"fidRule_", "fidHow_"} {
			if labels["da"][key+r] == "" || labels["en"][key+r] == "" {
				t.Errorf("rule %s has no %s text", r, key)
			}
		}
		share := sharePercent(last.Pass[i], last.Total[i])
		if !strings.Contains(text, strconv.Itoa(share)+" %") {
			t.Errorf("rule %s: the latest share %d %% is not printed", r, share)
		}
	}
}

func TestSharePercent(t *testing.T) {
	cases := []struct{ part, total, want int }{{0, 0, -1}, {0, 5, 0}, {1, 3, 33}, {2, 3, 67}, {1, 8, 13}, {5, 5, 100}}
	for _, c := range cases {
		if got := sharePercent(c.part, c.total); got != c.want {
			t.Errorf("sharePercent(%d, %d) = %d, want %d", c.part, c.total, got, c.want)
		}
	}
}
