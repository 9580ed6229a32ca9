// Package cli holds the app's headless commands, which IT runs without a window: icm backup,
// icm restore, -version, -demo, -export-plan and -export-template. They act as the command
// line (service.Deps without a Session), with a team lead's rights.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"icm/backend/appdir"
	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
)

// cliIO is the terminal of a headless command; tests give their own.
type cliIO struct {
	stdin          *os.File
	stdout, stderr io.Writer
	getenv         func(string) string
}

func stdIO() cliIO {
	return cliIO{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
}

// Run runs the command that args (the program's name, then its arguments, as os.Args) ask
// for. done reports that a command ran, or that the arguments were wrong, and the process
// should exit with code; otherwise nothing was asked for but the window, and dbPath is the
// database it opens.
func Run(args []string) (dbPath string, code int, done bool) { return run(args, stdIO()) }

func run(args []string, io cliIO) (dbPath string, code int, done bool) {
	name := "icm"
	if len(args) > 0 {
		name, args = args[0], args[1:]
	}
	if len(args) > 0 && args[0] == "sync" {
		return "", runSync(args[1:], io), true
	}
	if len(args) > 0 && (args[0] == "backup" || args[0] == "restore") {
		return "", runBackupCommand(args[0], args[1:], io), true
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.stderr)
	dbFlag := fs.String("db", "", "database file (default: the user's data folder, or $"+appdir.EnvDB+")")
	demo := fs.Bool("demo", false, "fill an empty database with fictional demo data and exit")
	version := fs.Bool("version", false, "print the version and exit")
	exportPlan := fs.Uint("export-plan", 0, "write the plan of course `ID` to the -out PDF and exit")
	planVersion := fs.Uint("plan-version", 0, "with -export-plan: the signed version `ID` (default: the current draft)")
	exportTemplate := fs.Bool("export-template", false, "write the method template to the -out PDF and exit")
	templateVersion := fs.Uint("template-version", 0, "with -export-template: the signed version `ID` (default: the current template)")
	out := fs.String("out", "", "with -export-plan or -export-template: the PDF file to write")
	if err := fs.Parse(args); err != nil {
		// As the flag package's own ExitOnError: -h is no mistake, anything else is.
		if errors.Is(err, flag.ErrHelp) {
			return "", 0, true
		}
		return "", 2, true
	}

	if *version {
		fmt.Fprintln(io.stdout, service.Version)
		return "", 0, true
	}
	dbPath, err := appdir.DatabasePath(*dbFlag)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot find the data folder:", err)
		return "", 1, true
	}
	switch {
	case *exportTemplate:
		return "", runExportTemplate(dbPath, *templateVersion, *out, io), true
	case *exportPlan != 0:
		return "", runExportPlan(dbPath, *exportPlan, *planVersion, *out, io), true
	case *demo:
		return "", runDemo(dbPath, io), true
	}
	return dbPath, 0, false
}

// runDemo loads the demo team into the database at dbPath and reports the outcome.
func runDemo(dbPath string, io cliIO) int {
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot open the database:", domain.CodeOf(err))
		return 1
	}
	defer st.Close()
	if err := service.LoadDemoBy(ctx, st, time.Now(), operator()); err != nil {
		fmt.Fprintln(io.stderr, "icm: demo data not loaded:", domain.CodeOf(err))
		return 1
	}
	fmt.Fprintln(io.stdout, "Demo data loaded into", dbPath)
	return 0
}
