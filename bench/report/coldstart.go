package main

import "fmt"

// coldStartTarget is the target: the first screen on the ten-year database within
// 1.2 times a bare Wails app's, measured side by side.
const coldStartTarget = 1.2

// startRatio is the median of an ICM row's runs against the bare app's median (0: not measured).
func (r *report) startRatio(key string) (icm, bare, ratio float64) {
	icm, bare = median(ints(r.start[key+"_runs_ms"])), median(ints(r.start["bare_runs_ms"]))
	if icm > 0 && bare > 0 {
		ratio = icm / bare
	}
	return icm, bare, ratio
}

// ratioText is "1.09 ×", or "–" when either side was not measured.
func ratioText(ratio float64) string {
	if ratio == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f ×", ratio)
}

// coldStartSummary prints the summary's cold-start rows: the ten-year database against the
// target, then the audit-log and new databases as reported figures.
func (r *report) coldStartSummary(p printer) {
	ten, bare, ratio := r.startRatio("icm_ten")
	met := "not measured"
	switch {
	case ratio > 0 && ratio <= coldStartTarget:
		met = "yes"
	case ratio > 0:
		met = "**no**"
	}
	p("| Cold start to the first screen, ten-year database, against a bare Wails app | ≤ %.1f × | %s vs %s: %s | %s |", coldStartTarget, msf(ten), msf(bare), ratioText(ratio), met)
	audit, _, ar := r.startRatio("icm_audit")
	empty, _, er := r.startRatio("icm_empty")
	p("| … with a ten-year audit log (%s entries) / on a new database | reported | %s (%s) / %s (%s) | – |",
		r.start["audit_entries"], msf(audit), ratioText(ar), msf(empty), ratioText(er))
}

// coldStartNotes prints what keeps the first screen close to the bare app's, under the table.
func coldStartNotes(p printer) {
	p("What keeps the first screen close to the bare app's (docs kept with the code: main.go,")
	p("frontend/src/styles.css, frontend/src/Routed.tsx):")
	p("- the Linux web view draws without the GPU (`WebviewGpuPolicyNever`, Wails' own default when")
	p("  no Linux options are given): with the policy Wails sets for any Linux options (\"always\"),")
	p("  WebKitGTK set up GL before the first frame, which without a GPU driver (Xvfb, many virtual")
	p("  desktops) is Mesa's software GL compiling its shaders with LLVM: about 250 ms of processor")
	p("  time. Never is also Wails' protection against blank windows with some GPU drivers;")
	p("- one named font per system (DejaVu Sans on Linux, Segoe UI on Windows), never a list that")
	p("  WebKitGTK must search: a missing family first in the list cost a fontconfig search of")
	p("  50–100 ms on the first screen;")
	p("- the screens after sign-in and their texts load in their own chunks when first opened;")
	p("- the app's state and the sign-in state are asked for together before the first render;")
	p("- the whole-file check, the audit chain check and the team folder's first pass wait for the")
	p("  first screen.")
	p("")
}
