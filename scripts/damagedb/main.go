// Command damagedb damages a closed ICM database file on purpose, for the end-to-end test of
// a file found damaged after the window opened (frontend/e2e/damaged.test.mjs): it writes
// garbage over the end of a table's root page, where a small table keeps its rows, so that
// SQLite's quick_check reports it. Never point it at real data.
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
	if err := damage(*dbPath, *table); err != nil {
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

func damage(path, table string) error {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return err
	}
	db, err := st.SQLDB()
	if err != nil {
		return err
	}
	var root, pageSize int64
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&root); err != nil {
		return fmt.Errorf("table %s: %w", table, err)
	}
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		return err
	}
	if err := st.Close(); err != nil { // checkpoints the write-ahead log into the file
		return err
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		return fmt.Errorf("the write-ahead log is still there after closing")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	junk := make([]byte, 256)
	for i := range junk {
		junk[i] = byte(0xA5 ^ (i * 31))
	}
	if _, err := f.WriteAt(junk, root*pageSize-int64(len(junk))-8); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
