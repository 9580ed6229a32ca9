package main

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
)

// openBeforeSignIn are the bound methods the UI calls before anyone has signed in: the
// start-up status, the language, first setup and demo data, and signing in itself.
var openBeforeSignIn = map[string]bool{
	"AppService.Status": true, "AppService.SetLanguage": true, "AppService.LoadDemoData": true,
	"AppService.Vocabulary": true, "TeamService.SetupTeam": true,
	"AuthService.Status": true, "AuthService.SignIn": true, "AuthService.Unlock": true, "AuthService.Lock": true,
	"AuthService.SignOut": true, "AuthService.SetupFirstAccount": true,
}

// TestEveryBoundMethodNeedsASignedInSession calls every method of every bound service,
// signed out and then on a locked screen, and expects each to refuse before doing anything.
// A new service or method that forgets the session check fails here.
func TestEveryBoundMethodNeedsASignedInSession(t *testing.T) {
	a, courseID, versionID := signedApp(t)
	for _, state := range []struct {
		name string
		set  func() error
		want domain.Code
	}{
		{"signed out", func() error { _, err := a.services.auth.SignOut(); return err }, domain.CodeNotSignedIn},
		{"locked", func() error {
			if _, err := a.services.auth.SignIn(service.SignInInput{Username: "mette", Password: "en lang adgangskode"}); err != nil {
				return err
			}
			_, err := a.services.auth.Lock()
			return err
		}, domain.CodeSessionLocked},
		// A worker with the first password the lead gave may only choose their own: the
		// backend refuses everything else, whatever the UI shows.
		{"must change password", func() error {
			if _, err := a.services.auth.SignIn(service.SignInInput{Username: "mette", Password: "en lang adgangskode"}); err != nil {
				return err
			}
			w, err := a.services.team.SaveWorker(service.WorkerInput{Name: "Jonas Ørnberg", Initials: "JØ",
				Role: string(domain.RoleTeamLead), FTE: 1, Active: true})
			if err != nil {
				return err
			}
			if _, err := a.services.auth.SaveAccount(service.AccountInput{WorkerID: w.ID, Username: "jonas",
				Password: "første kode 123"}); err != nil {
				return err
			}
			_, err = a.services.auth.SignIn(service.SignInInput{Username: "jonas", Password: "første kode 123"})
			return err
		}, domain.CodePasswordChange},
	} {
		if err := state.set(); err != nil {
			t.Fatal(err)
		}
		before := lastAuditID(t, a)
		checked := 0
		for _, svc := range a.bindings() {
			v := reflect.ValueOf(svc)
			typ := v.Type()
			name := typ.Elem().Name()
			if name == "CloseGuard" {
				continue // the window's close handshake: no data
			}
			for i := 0; i < typ.NumMethod(); i++ {
				m := typ.Method(i)
				full := name + "." + m.Name
				if openBeforeSignIn[full] || (state.want == domain.CodePasswordChange && full == "AuthService.ChangePassword") {
					continue
				}
				args := []reflect.Value{v}
				for j := 1; j < m.Type.NumIn(); j++ {
					args = append(args, inputs(m.Type.In(j), courseID, versionID)[1])
				}
				out := m.Func.Call(args)
				err, _ := out[len(out)-1].Interface().(error)
				var de *domain.Error
				if !errors.As(err, &de) || de.Code != state.want {
					t.Errorf("%s: %s returned %v, want %s", state.name, full, err, state.want)
				}
				checked++
			}
		}
		if checked < 60 {
			t.Fatalf("%s: only %d methods checked", state.name, checked)
		}
		if after := lastAuditID(t, a); after != before {
			t.Errorf("%s: refused calls wrote %d audit entries", state.name, after-before)
		}
		t.Logf("%s: %d bound methods refused", state.name, checked)
	}
}

func lastAuditID(t *testing.T, a *App) uint {
	t.Helper()
	rows, err := a.store.ListAudit(context.Background(), store.FindAudit{Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("audit log: %v, %d rows", err, len(rows))
	}
	return rows[0].ID
}
