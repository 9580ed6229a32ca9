// Command opendb times what the app does with its database at start, for
// scripts/bench-start.sh, and prints the milliseconds:
//
//	-what open       store.Open with the integrity check before use (the command line's way,
//	                 and the app's after a session that did not end cleanly)
//	-what app-open   what the app does before its window: store.OpenChecked with the check
//	                 left for after the first screen when the last session ended cleanly
//	-what deferred   that open, then the check left for later (the first background step)
//	-what chain      the audit chain check at start, the second background step, twice: the
//	                 first walks the whole chain and leaves a checkpoint, the second (printed
//	                 after a space) walks only what came after it
//
// A new file is created and migrated.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"icm/backend/service"
	"icm/backend/store"
)

func main() {
	dbPath := flag.String("db", "", "the database file")
	what := flag.String("what", "open", "open, app-open, deferred or chain")
	flag.Parse()
	if *dbPath == "" {
		fmt.Fprintln(os.Stderr, "opendb: -db is required")
		os.Exit(2)
	}
	ctx := context.Background()
	mode := store.CheckAfterCleanEnd
	if *what == "open" {
		mode = store.CheckBeforeUse
	}
	began := time.Now()
	st, err := store.OpenChecked(ctx, *dbPath, mode)
	opened := time.Since(began)
	if err != nil {
		fail(err)
	}
	defer st.Close()
	switch *what {
	case "open", "app-open":
		fmt.Println(opened.Milliseconds())
	case "deferred":
		began = time.Now()
		if err := st.CheckDeferred(ctx); err != nil {
			fail(err)
		}
		fmt.Println(time.Since(began).Milliseconds())
	case "chain":
		audit := service.NewAuditService(service.Deps{Store: st}, nil)
		var took []int64
		for range 2 {
			began = time.Now()
			c, err := service.CheckChainAtStart(ctx, audit)
			if err != nil {
				fail(err)
			}
			if !c.OK {
				fail(fmt.Errorf("the audit chain is broken at entry %d", c.BrokenAt))
			}
			took = append(took, time.Since(began).Milliseconds())
		}
		fmt.Println(took[0], took[1])
	default:
		fmt.Fprintln(os.Stderr, "opendb: -what must be open, app-open, deferred or chain")
		os.Exit(2)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "opendb:", err)
	_ = os.Stderr.Sync()
	os.Exit(1)
}
