package teamsync

import (
	"testing"

	"icm/backend/syncstore"
)

// A worker may change their own password on their own sign-in, and nothing else of an
// account: not another worker's, not their username, not a new account, not a deletion.
func TestOwnPasswordOnly(t *testing.T) {
	const me, other = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	cases := []struct {
		name string
		c    syncstore.Change
		want bool
	}{
		{"own password", syncstore.Change{Table: "credentials", UID: "credentials:" + me, Op: syncstore.OpPut,
			Cols: map[string]any{"password_hash": "x", "must_change": 0}}, true},
		{"another worker's password", syncstore.Change{Table: "credentials", UID: "credentials:" + other, Op: syncstore.OpPut,
			Cols: map[string]any{"password_hash": "x"}}, false},
		{"own username", syncstore.Change{Table: "credentials", UID: "credentials:" + me, Op: syncstore.OpPut,
			Cols: map[string]any{"password_hash": "x", "username": "boss"}}, false},
		{"a new account", syncstore.Change{Table: "credentials", UID: "credentials:" + me, Op: syncstore.OpPut,
			Cols: map[string]any{"password_hash": "x", "must_change": 0, "worker_id": me, "username": "me"}}, false},
		{"own account deleted", syncstore.Change{Table: "credentials", UID: "credentials:" + me, Op: syncstore.OpDel}, false},
		{"another table", syncstore.Change{Table: "workers", UID: me, Op: syncstore.OpPut,
			Cols: map[string]any{"must_change": 0}}, false},
	}
	for _, tc := range cases {
		if got := ownPassword(tc.c, me); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
