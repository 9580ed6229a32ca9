// Command damagedb damages a closed ICM database file on purpose, for the end-to-end test of
// a file found damaged after the window opened (frontend/e2e/damaged.test.mjs; see
// backend/dbdamage). With -demo it first loads the fictional demo team into a new
// file. Never point it at real data.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"icm/backend/dbdamage"
	"icm/backend/service"
	"icm/backend/store"
)

func main() {
	dbPath := flag.String("db", "", "the closed database file to damage")
	table := flag.String("table", "citizens", "the table whose root page is overwritten")
	demo := flag.Bool("demo", false, "first load the fictional demo team into the (new) file")
	flag.Parse()
	if *dbPath == "" {
		fmt.Fprintln(os.Stderr, "damagedb: -db is required")
		os.Exit(2)
	}
	if *demo {
		if err := loadDemo(*dbPath); err != nil {
			fmt.Fprintln(os.Stderr, "damagedb: demo data:", err)
			os.Exit(1)
		}
	}
	if err := dbdamage.Table(*dbPath, *table); err != nil {
		fmt.Fprintln(os.Stderr, "damagedb:", err)
		os.Exit(1)
	}
}

func loadDemo(path string) error {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return err
	}
	if err := service.LoadDemo(context.Background(), st, time.Now()); err != nil {
		_ = st.Close()
		return err
	}
	return st.Close()
}
