package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"icm/backend/auth"
	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
)

// testDesktop stands in for the window's dialogs: every save goes to one file in a
// temporary folder, and nothing is opened.
type testDesktop struct{ dir string }

func (d testDesktop) SavePath(_, name string) (string, error) {
	return filepath.Join(d.dir, "export.pdf"), nil
}
func (d testDesktop) Open(string) error { return nil }

// hostile are the values every text field of every input gets in turn.
var hostile = map[string]string{
	"empty":      "",
	"huge":       strings.Repeat("æ", 1<<19), // 1 MB of two-byte letters
	"control":    "tekst\x00med\x1b[31mstyretegn\x07",
	"emoji":      "🙂👩‍👩‍👧 ✨",
	"rtl":        "\u202eשלום عربى\u202c",
	"bad utf-8":  "\xff\xfe\xfd",
	"bad date":   "2026-02-30",
	"zero date":  "0000-00-00",
	"dk date":    "31.12.2026",
	"far future": "9999-12-31",
	"sql":        "'; DROP TABLE citizens; --",
}

// TestEveryBoundMethodSurvivesHostileInput calls every method of every bound service,
// signed in as the team lead, with each hostile text in every text field and extreme
// numbers in every number field. A call may succeed or be refused, but only with a coded
// error the UI can explain: never a panic, never "internal".
func TestEveryBoundMethodSurvivesHostileInput(t *testing.T) {
	auth.Default = auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	a := newAppWith(context.Background(), filepath.Join(t.TempDir(), "icm.db"), func() time.Time { return now },
		testDesktop{dir: t.TempDir()})
	if a.store == nil {
		t.Fatal("the database did not open")
	}
	t.Cleanup(func() { _ = a.store.Close() })
	s := a.services
	if _, err := s.team.SetupTeam(service.SetupTeamInput{Municipality: "Solvang Kommune", TeamName: "ICM-teamet",
		LeadName: "Mette Lund", LeadInitials: "ML", LeadFTE: 1, LeadUsername: "mette", LeadPassword: "en lang adgangskode"}); err != nil {
		t.Fatal(err)
	}
	cit, err := s.citizens.SaveCitizen(service.CitizenInput{Name: "Åse Ærø"})
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := s.team.ListWorkers()
	co, err := s.courses.CreateCourse(service.CreateCourseInput{CitizenID: cit.ID, WorkerID: ws[0].ID, StartDate: "2026-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	signIn := func() {
		// Hostile passwords given to Unlock and ChangePassword count as failed tries of the
		// lead's password; lift the lockout as another team lead would.
		if c, err := a.store.GetCredential(context.Background(), ws[0].ID); err == nil && (c.FailedAttempts > 0 || c.LockedUntil != nil) {
			c.FailedAttempts, c.LockedUntil = 0, nil
			if err := a.store.SaveCredential(context.Background(), c); err != nil {
				t.Fatal(err)
			}
		}
		st, err := s.auth.Status()
		if err == nil && st.SignedIn && !st.Locked && st.User != nil && st.User.WorkerID == ws[0].ID {
			return
		}
		if _, err := s.auth.SignIn(service.SignInInput{Username: "mette", Password: "en lang adgangskode"}); err != nil {
			t.Fatalf("sign in again: %v", err)
		}
	}
	calls := 0
	for _, svc := range a.bindings() {
		v := reflect.ValueOf(svc)
		for i := 0; i < v.Type().NumMethod(); i++ {
			m := v.Type().Method(i)
			name := v.Type().Elem().Name() + "." + m.Name
			if m.Type.NumIn() != 2 {
				continue // no input to make hostile
			}
			in := m.Type.In(1)
			for _, args := range hostileInputs(in, co.ID) {
				signIn()
				calls++
				err := callSafely(v.Method(i), args.value)
				if _, lerr := a.store.ListAudit(context.Background(), store.FindAudit{Limit: 1}); lerr != nil {
					t.Fatalf("after %s with %s: %v", name, args.name, lerr)
				}
				if err != nil {
					t.Errorf("%s with %s: %v", name, args.name, err)
				}
			}
		}
	}
	t.Logf("%d hostile calls", calls)
	if calls < 300 {
		t.Fatalf("only %d calls: the bindings were not all reached", calls)
	}
	// The database is still whole after all of it.
	if err := a.store.QuickCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
}

type namedValue struct {
	name  string
	value reflect.Value
}

// hostileInputs builds one input per hostile text (in every string field at once) and one
// with extreme numbers, with ids pointing at the real course where a field is an id.
func hostileInputs(typ reflect.Type, courseID uint) []namedValue {
	var out []namedValue
	fill := func(text string, extreme bool) reflect.Value {
		v := reflect.New(typ).Elem()
		if typ.Kind() != reflect.Struct {
			return v
		}
		for i := 0; i < typ.NumField(); i++ {
			fv := v.Field(i)
			if !typ.Field(i).IsExported() {
				continue
			}
			switch fv.Kind() {
			case reflect.String:
				fv.SetString(text)
			case reflect.Uint, reflect.Uint64, reflect.Uint32:
				if extreme {
					fv.SetUint(1 << 63)
				} else {
					fv.SetUint(uint64(courseID))
				}
			case reflect.Int, reflect.Int64, reflect.Int32:
				if extreme {
					fv.SetInt(math.MinInt32)
				} else {
					fv.SetInt(math.MaxInt32)
				}
			case reflect.Float64:
				if extreme {
					fv.SetFloat(math.NaN())
				} else {
					fv.SetFloat(math.Inf(1))
				}
			case reflect.Bool:
				fv.SetBool(true)
			case reflect.Slice:
				if fv.Type().Elem().Kind() == reflect.String {
					fv.Set(reflect.ValueOf(make([]string, 20000)).Convert(fv.Type()))
					for j := 0; j < fv.Len(); j++ {
						fv.Index(j).SetString(text)
					}
				}
			}
		}
		return v
	}
	for name, text := range hostile {
		out = append(out, namedValue{name, fill(text, false)})
	}
	out = append(out, namedValue{"extreme numbers", fill("x", true)})
	return out
}

// callSafely calls fn and reports a panic or an error the UI could not explain.
func callSafely(fn reflect.Value, in reflect.Value) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	out := fn.Call([]reflect.Value{in})
	res, _ := out[len(out)-1].Interface().(error)
	if res == nil {
		return nil
	}
	var de *domain.Error
	if !errors.As(res, &de) {
		return fmt.Errorf("error %v (%T) is not a coded error", res, res)
	}
	if de.Code == domain.CodeInternal {
		return fmt.Errorf("internal error: %v (cause: %v)", res, errors.Unwrap(res))
	}
	if len(de.Error()) > 64<<10 {
		return fmt.Errorf("the error echoes the input back (%d bytes)", len(de.Error()))
	}
	return nil
}
