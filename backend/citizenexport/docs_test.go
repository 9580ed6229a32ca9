package citizenexport

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// fieldPaths lists every field of t as the file spells its path: objects joined with a
// dot, list elements as [] (courses[].plan.goals[].citizenWords).
func fieldPaths(t reflect.Type, prefix string) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		path := prefix + jsonName(f)
		out = append(out, path)
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft.Kind() == reflect.Struct:
			out = append(out, fieldPaths(ft, path+".")...)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			out = append(out, fieldPaths(ft.Elem(), path+"[].")...)
		}
	}
	return out
}

// docSection returns the text of one "## " section of docs/file-formats.md.
func docSection(t *testing.T, heading string) string {
	t.Helper()
	b, err := os.ReadFile("../../docs/file-formats.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "\n## "+heading+"\n")
	if start < 0 {
		t.Fatalf("docs/file-formats.md has no section %q", heading)
	}
	rest := text[start+len(heading)+4:]
	if end := strings.Index(rest, "\n## "); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// documentedFields reads the field tables of a section: each "### `path`" heading names an
// object (or "### Top level"), and each table row "| `field` |" one field of it.
func documentedFields(section string) map[string]bool {
	out := map[string]bool{}
	heading := regexp.MustCompile("^### `([A-Za-z0-9.\\[\\]]+)`")
	row := regexp.MustCompile("^\\| `([A-Za-z0-9.]+)` \\|")
	prefix := ""
	for _, line := range strings.Split(section, "\n") {
		if m := heading.FindStringSubmatch(line); m != nil {
			prefix = m[1] + "."
		} else if strings.HasPrefix(line, "### ") {
			prefix = ""
		} else if m := row.FindStringSubmatch(line); m != nil {
			out[prefix+m[1]] = true
		}
	}
	return out
}

// The document describes every field the exporter writes, and no field it does not.
func TestFileFormatDocumentsEveryField(t *testing.T) {
	documented := documentedFields(docSection(t, "Citizen export (JSON)"))
	fields := fieldPaths(reflect.TypeOf(Document{}), "")
	for _, p := range fields {
		if !documented[p] {
			t.Errorf("docs/file-formats.md does not describe %s", p)
		}
	}
	for p := range documented {
		if !slices.Contains(fields, p) {
			t.Errorf("docs/file-formats.md describes %s, which the exporter does not write", p)
		}
	}
	if len(fields) < 150 {
		t.Errorf("only %d fields found: the walk over the types is broken", len(fields))
	}
}
