package service

import (
	"context"
	"math"
	"strings"
	"testing"
)

// Review: a team lead who mistypes a printed point (one wrong hex digit, or a number no entry can
// have) gets "does not match", but the typed point is also written to the anchor
// journal, so every later check raises the "rewritten" alarm on an intact chain, and per the
// README the alarm only goes with a restore from a backup. A typo must not make a permanent
// false alarm.
func TestReviewMistypedAnchorMakesNoLastingAlarm(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   func(id uint, hash string) AnchorInput
	}{
		{"one wrong digit", func(id uint, hash string) AnchorInput {
			d := "0"
			if hash[0] == '0' {
				d = "1"
			}
			return AnchorInput{ID: id, Hash: d + hash[1:]}
		}},
		{"largest number", func(_ uint, hash string) AnchorInput { return AnchorInput{ID: math.MaxUint64, Hash: hash} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newSignedIn(t)
			appendViews(t, f, 5)
			if c := startCheck(t, f); !c.OK {
				t.Fatalf("first check = %+v", c)
			}
			id, hash, err := f.d.Store.AuditHead(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			c := mustFn[AnchorCheckDTO](t)(f.audit.CheckAnchor(tc.in(id, strings.ToUpper(hash))))
			if c.Matches {
				t.Fatal("a mistyped point matches")
			}
			// The next start of the app, on the same intact chain.
			if c := startCheck(t, f); !c.OK || c.Rewritten {
				t.Fatalf("after one mistyped point the intact chain is reported rewritten: %+v", c)
			}
		})
	}
}
