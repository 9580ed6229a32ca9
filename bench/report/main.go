// Command report turns the raw results of scripts/bench.sh (test-output/bench/) into
// docs/performance.md: the machine, every figure with its target, and how it was measured.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir := flag.String("dir", "test-output/bench", "the folder scripts/bench.sh wrote")
	out := flag.String("out", "docs/performance.md", "the Markdown file to write")
	flag.Parse()
	r, err := load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, []byte(r.markdown()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// result is one benchmark's runs (one per -count).
type result struct {
	ns, bytes, allocs []float64
	extra             map[string][]float64
}

// ms is the median call in milliseconds: the median over the runs of each run's median
// call where the benchmark reports it (p50-ms), otherwise of the mean.
func (r *result) ms() float64 {
	if v := r.extra["p50-ms"]; len(v) > 0 {
		return median(v)
	}
	return median(r.ns) / 1e6
}

// mean is the median over the runs of the mean call in milliseconds.
func (r *result) mean() float64 { return median(r.ns) / 1e6 }

// p90 is the median over the runs of the 90th percentile call in milliseconds.
func (r *result) p90() float64 { return median(r.extra["p90-ms"]) }

type report struct {
	machine map[string]string
	bench   map[string]*result // by name without the -GOMAXPROCS suffix
	start   map[string]string
	tour    []string // the tour lines in order
	dist    [][2]string
	gen     genSummary
}

type genSummary struct {
	Citizens, Courses, OpenCourses, Notes int
	Rows                                  map[string]int
	BusiestNotes, TypicalNotes            int
	Span                                  string
	Elapsed                               int64
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+\d+\s+(.*)$`)

func load(dir string) (*report, error) {
	r := &report{bench: map[string]*result{}, start: map[string]string{}}
	var err error
	if r.machine, err = keyValues(filepath.Join(dir, "machine.txt"), nil); err != nil {
		return nil, err
	}
	if r.start, err = keyValues(filepath.Join(dir, "start.txt"), &r.tour); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "go-bench.txt"))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		res := r.bench[m[1]]
		if res == nil {
			res = &result{extra: map[string][]float64{}}
			r.bench[m[1]] = res
		}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				res.ns = append(res.ns, v)
			case "B/op":
				res.bytes = append(res.bytes, v)
			case "allocs/op":
				res.allocs = append(res.allocs, v)
			default:
				res.extra[f[i+1]] = append(res.extra[f[i+1]], v)
			}
		}
	}
	if d, err := os.ReadFile(filepath.Join(dir, "dist.txt")); err == nil {
		for _, l := range strings.Split(strings.TrimSpace(string(d)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				r.dist = append(r.dist, [2]string{k, v})
			}
		}
	}
	if g, err := os.ReadFile(filepath.Join(dir, "gendb.json")); err == nil {
		_ = json.Unmarshal(g, &r.gen)
	}
	return r, nil
}

// keyValues reads key=value lines; lines whose key starts with "tour_" also go to tour.
func keyValues(path string, tour *[]string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			continue
		}
		if tour != nil && strings.HasPrefix(k, "tour_") {
			*tour = append(*tour, strings.TrimPrefix(k, "tour_")+" "+v)
			continue
		}
		out[k] = v
	}
	return out, sc.Err()
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ints(s string) []float64 {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		if v, err := strconv.ParseFloat(strings.TrimSpace(f), 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

func mib(bytes string) string {
	v, _ := strconv.ParseFloat(bytes, 64)
	return fmt.Sprintf("%.1f MiB", v/(1<<20))
}

func kib(v string) string {
	n, _ := strconv.ParseFloat(v, 64)
	return fmt.Sprintf("%.0f MiB", n/1024)
}

func msf(v float64) string {
	switch {
	case v == 0:
		return "–"
	case v < 10:
		return fmt.Sprintf("%.2f ms", v)
	default:
		return fmt.Sprintf("%.1f ms", v)
	}
}

func ok(v, limit float64) string {
	if v == 0 {
		return "not measured"
	}
	if v < limit {
		return "yes"
	}
	return "**no**"
}

func (r *report) get(name string) *result {
	if res := r.bench[name]; res != nil {
		return res
	}
	return &result{extra: map[string][]float64{}}
}

// fields reads "key=value" words of a tour line.
func fields(line string) (string, string, map[string]string) {
	f := strings.Fields(line)
	kv := map[string]string{}
	for _, w := range f[2:] {
		if k, v, ok := strings.Cut(w, "="); ok {
			kv[k] = v
		}
	}
	return f[0], f[1], kv
}
