package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"icm/backend/domain"
	"icm/backend/instance"
)

// decodeWire checks that formatError produced a JSON string and decodes it.
func decodeWire(t *testing.T, v any) (wireError, string) {
	t.Helper()
	s, ok := v.(string)
	if !ok {
		t.Fatalf("formatError returned %T, want string (Wails keeps only strings intact)", v)
	}
	var w wireError
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return w, s
}

func TestFormatErrorDomainErrors(t *testing.T) {
	var p domain.Problems
	p.Add("name", domain.CodeTooLong, "max", "120", "length", "121")
	p.Add("cpr", domain.CodeInvalidCPR)
	invalid := p.Err()
	full := domain.E(domain.CodeCaseloadFull, "caseload ceiling reached").With("open", "4").With("max", "4")
	cases := []struct {
		name    string
		err     error
		code    domain.Code
		fields  []domain.FieldError
		params  map[string]string
		message string
	}{
		{"field errors", invalid, domain.CodeInvalidInput, []domain.FieldError{
			{Field: "cpr", Code: domain.CodeInvalidCPR},
			{Field: "name", Code: domain.CodeTooLong, Params: map[string]string{"max": "120", "length": "121"}},
		}, nil, "input failed validation"},
		{"params", full, domain.CodeCaseloadFull, nil, map[string]string{"open": "4", "max": "4"}, "caseload ceiling reached"},
		{"wrapped in fmt.Errorf", fmt.Errorf("create course: %w", full), domain.CodeCaseloadFull, nil,
			map[string]string{"open": "4", "max": "4"}, "caseload ceiling reached"},
		{"database newer", domain.E(domain.CodeDatabaseNewer, "newer").With("version", "3"), domain.CodeDatabaseNewer, nil,
			map[string]string{"version": "3"}, "newer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, raw := decodeWire(t, formatError(c.err))
			if w.Code != c.code || w.Message != c.message {
				t.Errorf("code %q message %q, want %q %q", w.Code, w.Message, c.code, c.message)
			}
			if !reflect.DeepEqual(w.Fields, c.fields) {
				t.Errorf("fields = %+v, want %+v", w.Fields, c.fields)
			}
			if !reflect.DeepEqual(w.Params, c.params) {
				t.Errorf("params = %v, want %v", w.Params, c.params)
			}
			if c.fields != nil && !strings.Contains(raw, `"fields":[{"field":"cpr","code":"invalid_cpr"}`) {
				t.Errorf("wire names differ from the UI's: %s", raw)
			}
		})
	}
}

func TestFormatErrorHidesInternalDetail(t *testing.T) {
	const secret = "010190-1234"
	cases := []struct {
		name string
		err  error
	}{
		{"plain error", errors.New("secret cpr " + secret)},
		{"internal domain error with cause", domain.Wrap(domain.CodeInternal, "storage",
			errors.New("UNIQUE constraint failed: citizens.cpr = '"+secret+"'"))},
		{"internal domain error with message", domain.E(domain.CodeInternal, "query for "+secret+" failed")},
		{"plain error wrapping nothing coded", fmt.Errorf("save %s: %w", secret, errors.New("disk full"))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, raw := decodeWire(t, formatError(c.err))
			if w.Code != domain.CodeInternal || w.Message != "internal error" {
				t.Errorf("wire = %+v, want code internal with the generic message", w)
			}
			if strings.Contains(raw, secret) || strings.Contains(raw, "secret") || strings.Contains(raw, "UNIQUE") {
				t.Errorf("internal detail leaked to the UI: %s", raw)
			}
		})
	}
	t.Run("coded error wrapped with personal data keeps only its own message", func(t *testing.T) {
		err := fmt.Errorf("citizen %s: %w", secret, domain.E(domain.CodeNotFound, "record not found"))
		w, raw := decodeWire(t, formatError(err))
		if w.Code != domain.CodeNotFound || strings.Contains(raw, secret) {
			t.Fatalf("wire = %s", raw)
		}
	})
}

// TestWindowHiddenFromScreenCapture: the options ask Wails to exclude the window from screen
// capture on the systems that can (Windows, macOS), and keep Wails' own lock for Windows.
func TestWindowHiddenFromScreenCapture(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	app := newApp(context.Background(), db)
	defer app.shutdown(context.Background())
	o := appOptions(app, db)
	if o.Windows == nil || !o.Windows.ContentProtection {
		t.Error("Windows: ContentProtection is off")
	}
	if o.Mac == nil || !o.Mac.ContentProtection {
		t.Error("macOS: ContentProtection is off")
	}
	if o.SingleInstanceLock == nil || o.SingleInstanceLock.UniqueId != instance.ID(db) {
		t.Error("Wails' SingleInstanceLock (used on Windows) is not set for this database")
	}
}

// TestLinuxWebViewWithoutGPU: giving Linux options at all turns Wails' default (no GPU) into
// "always" (the zero value), which set up GL before the first screen; the options keep it off.
func TestLinuxWebViewWithoutGPU(t *testing.T) {
	db := filepath.Join(t.TempDir(), "icm.db")
	app := newApp(context.Background(), db)
	defer app.shutdown(context.Background())
	if o := appOptions(app, db); o.Linux == nil || o.Linux.WebviewGpuPolicy != linux.WebviewGpuPolicyNever {
		t.Error("Linux: the web view's GPU policy is not Never")
	}
}
