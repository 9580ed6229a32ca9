package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every action and object the services write to the audit log has a word in the PDF, in
// both languages: the service files are read for the strings they pass.
func TestAuditWordsCoverTheServices(t *testing.T) {
	files, err := filepath.Glob("../service/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("service files: %v", err)
	}
	objects := regexp.MustCompile(`(?:audit\(st, \w+, Audit\w+|auditEntry\(\w+, Audit\w+|viewCourse\([^,]+|changes\([^,]+|changeCourse\([^,]+|courseUse\([^,]+|viewCitizen\([^,]+), "([a-z_0-9]+)"`)
	actions := regexp.MustCompile(`Audit\w+\s+= "([a-z_]+)"`)
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{objects, actions} {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				seen[m[1]] = true
			}
		}
	}
	if len(seen) < 30 {
		t.Fatalf("only %d words found: the patterns no longer match the services", len(seen))
	}
	for w := range seen {
		for _, lang := range []string{"da", "en"} {
			if auditWords[lang][w] == "" && w != "" {
				t.Errorf("no %s word for audit %q", lang, w)
			}
		}
	}
}
