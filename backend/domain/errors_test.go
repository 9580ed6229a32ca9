package domain

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func TestProblemsErr(t *testing.T) {
	var empty Problems
	if err := empty.Err(); err != nil {
		t.Fatalf("empty Problems.Err() = %v, want nil", err)
	}
	var p Problems
	p.Add("phone", CodeInvalidPhone)
	p.Add("cpr", CodeInvalidCPR)
	p.Add("name", CodeTooLong, "max", "120", "length", "130")
	p.Add("address", CodeInvalidCharacters)
	p.Add("cpr", CodeDuplicateCPR)
	err := p.Err()
	var de *Error
	if !errors.As(err, &de) || de.Code != CodeInvalidInput {
		t.Fatalf("Err() = %v, want invalid_input", err)
	}
	var got []string
	for _, f := range de.Fields {
		got = append(got, f.Field+":"+string(f.Code))
	}
	want := []string{"address:invalid_characters", "cpr:invalid_cpr", "cpr:duplicate_cpr",
		"name:too_long", "phone:invalid_phone"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fields = %v, want %v (sorted by field, stable within a field)", got, want)
	}
	if de.Fields[3].Params["max"] != "120" || de.Fields[3].Params["length"] != "130" {
		t.Errorf("params lost: %v", de.Fields[3].Params)
	}
	if !p.Has("cpr") || p.Has("email") {
		t.Error("Has reports the wrong fields")
	}
	// Err must not sort the collector in place or share its backing array.
	p.Add("aaa", CodeRequired)
	if len(de.Fields) != 5 {
		t.Error("an earlier Err() result changed after Add")
	}
}

func TestCodeOfAndWrap(t *testing.T) {
	cause := errors.New("disk I/O")
	wrapped := fmt.Errorf("saving: %w", Wrap(CodeDatabaseLocked, "locked", cause))
	cases := []struct {
		name string
		err  error
		want Code
	}{
		{"domain error", E(CodeNotFound, "x"), CodeNotFound},
		{"wrapped domain error", wrapped, CodeDatabaseLocked},
		{"plain error", errors.New("boom"), CodeInternal},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CodeOf(c.err); got != c.want {
				t.Fatalf("CodeOf = %s, want %s", got, c.want)
			}
		})
	}
	if !errors.Is(wrapped, cause) {
		t.Error("Wrap must keep the cause for errors.Is")
	}
	if s := E(CodeCaseloadFull, "full").With("max", "4").Error(); s != "caseload_full: full" {
		t.Errorf("Error() = %q", s)
	}
}

func TestOneOf(t *testing.T) {
	cases := []struct {
		name     string
		in       Housing
		required bool
		want     Housing
		code     Code
	}{
		{"allowed", HousingShelter, true, HousingShelter, ""},
		{"empty optional", "", false, "", ""},
		{"empty required", "", true, "", CodeRequired},
		{"unknown", "castle", false, "", CodeInvalidChoice},
		{"wrong case", "SHELTER", false, "", CodeInvalidChoice},
		{"padded", " shelter", false, "", CodeInvalidChoice},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Problems
			got := OneOf(&p, "housing", c.in, Housings, c.required)
			codes := fieldCodes(&p, "housing")
			if got != c.want {
				t.Errorf("OneOf = %q, want %q", got, c.want)
			}
			if (c.code == "" && len(codes) != 0) || (c.code != "" && (len(codes) != 1 || codes[0] != c.code)) {
				t.Errorf("problems = %v, want %q", codes, c.code)
			}
		})
	}
}
