// Command opendb opens a database as the app does at start (integrity check, pending
// migrations; a new file is created and migrated) and prints how long that took in
// milliseconds, for scripts/bench-start.sh.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"icm/backend/store"
)

func main() {
	dbPath := flag.String("db", "", "the database file")
	flag.Parse()
	if *dbPath == "" {
		fmt.Fprintln(os.Stderr, "opendb: -db is required")
		os.Exit(2)
	}
	began := time.Now()
	st, err := store.Open(context.Background(), *dbPath)
	took := time.Since(began)
	if err != nil {
		fmt.Fprintln(os.Stderr, "opendb:", err)
		os.Exit(1)
	}
	_ = st.Close()
	fmt.Println(took.Milliseconds())
}
