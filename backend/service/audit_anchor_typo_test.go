package service

import (
	"context"
	"math"
	"strings"
	"testing"

	"icm/backend/domain"
)

// A team lead who mistypes a printed point (one wrong hex digit, or a number no entry can
// have) is told it does not match (or refused), and nothing more: a typo must not make a
// lasting false "rewritten" alarm on an intact chain.
func TestMistypedAnchorMakesNoLastingAlarm(t *testing.T) {
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
			c, err := f.audit.CheckAnchor(tc.in(id, strings.ToUpper(hash)))
			if err == nil && c.Matches {
				t.Fatal("a mistyped point matches")
			}
			if err != nil {
				wantField(t, err, "id", domain.CodeOutOfRange)
			}
			// The next start of the app, on the same intact chain.
			if c := startCheck(t, f); !c.OK || c.Rewritten {
				t.Fatalf("after one mistyped point the intact chain is reported rewritten: %+v", c)
			}
		})
	}
}
