// Command gendb writes the fictional ten-year benchmark database (see backend/benchdata)
// into a new file and prints what it wrote as JSON, for scripts/bench.sh.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"icm/backend/benchdata"
	"icm/backend/store"
)

func main() {
	dbPath := flag.String("db", "", "the database file to create (must not exist)")
	today := flag.String("now", "", "the database's today as yyyy-mm-dd (default: today)")
	flag.Parse()
	if *dbPath == "" {
		fmt.Fprintln(os.Stderr, "gendb: -db is required")
		os.Exit(2)
	}
	if _, err := os.Stat(*dbPath); err == nil {
		fmt.Fprintln(os.Stderr, "gendb: the file exists already:", *dbPath)
		os.Exit(1)
	}
	now := time.Now()
	if *today != "" {
		t, err := time.ParseInLocation("2006-01-02", *today, time.Local)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gendb: -now:", err)
			os.Exit(2)
		}
		now = t.Add(10 * time.Hour)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendb:", err)
		os.Exit(1)
	}
	sum, err := benchdata.Generate(ctx, st, benchdata.TenYears(now))
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendb:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(sum)
}
