// Package cli holds the app's headless commands, which IT runs without a window: icm backup,
// icm restore, -version, -demo, -demo-team, -export-plan and -export-template. They act as
// the command line (service.Deps without a Session), with a team lead's rights.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"icm/backend/appdir"
	"icm/backend/domain"
	"icm/backend/instance"
	"icm/backend/service"
	"icm/backend/store"
)

// cliIO is the terminal of a headless command; tests give their own.
type cliIO struct {
	stdin          *os.File
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           language // of the messages: set by run from -lang or the environment
}

func stdIO() cliIO {
	return cliIO{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
}

// valueFlags are the commands' flags that take the next argument as their value.
var valueFlags = map[string]bool{
	"db": true, "out": true, "in": true, "passphrase-file": true, "export-plan": true,
	"plan-version": true, "template-version": true, "folder": true, "lead": true, "label": true,
	"lead-code": true, "laptop": true, "worker": true, "from": true, "demo-team": true,
}

// takeLang removes -lang VALUE (or -lang=VALUE, with one or two dashes) from anywhere in
// args, so that every command accepts it, and returns its value.
func takeLang(args []string) (rest []string, lang string) {
	for i := 0; i < len(args); i++ {
		a := strings.TrimPrefix(strings.TrimPrefix(args[i], "-"), "-")
		if valueFlags[a] && i+1 < len(args) { // -out -lang: a file named -lang, not the flag
			rest = append(rest, args[i], args[i+1])
			i++
			continue
		}
		switch {
		case a == args[i]: // not a flag
		case a == "lang" && i+1 < len(args):
			lang = args[i+1]
			i++
			continue
		case a == "lang": // a bare -lang at the end: as if not given
			continue
		case strings.HasPrefix(a, "lang="):
			lang = strings.TrimPrefix(a, "lang=")
			continue
		}
		rest = append(rest, args[i])
	}
	return rest, lang
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
	args, lang := takeLang(args)
	io.lang = languageOf(lang, io.getenv)
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
	demoTeam := fs.String("demo-team", "", "make a demo team of two laptops sharing a team folder in `DIR` and print how to start their windows")
	version := fs.Bool("version", false, "print the version and exit")
	exportPlan := fs.Uint("export-plan", 0, "write the plan of course `ID` to the -out PDF and exit")
	planVersion := fs.Uint("plan-version", 0, "with -export-plan: the signed version `ID` (default: the current draft)")
	exportTemplate := fs.Bool("export-template", false, "write the method template to the -out PDF and exit")
	templateVersion := fs.Uint("template-version", 0, "with -export-template: the signed version `ID` (default: the current template)")
	out := fs.String("out", "", "with -export-plan or -export-template: the PDF file to write")
	fs.Usage = func() {
		fmt.Fprintln(io.stderr, consoleUsage) // the commands too, not only these flags
		fs.PrintDefaults()
	}
	// As the flag package's own ExitOnError: -h is no mistake, anything else is.
	if exit, ok := parseFlags(fs, args, io); !ok {
		return "", exit, true
	}

	if *version {
		fmt.Fprintln(io.stdout, service.Version)
		return "", 0, true
	}
	if *demoTeam != "" {
		if *dbFlag != "" || *demo || fs.NArg() > 0 { // its two databases are its own
			fs.Usage()
			return "", 2, true
		}
		return "", runDemoTeam(*demoTeam, io), true
	}
	dbPath, err := databasePath(*dbFlag)
	if err != nil {
		return "", failCode(io, 1, codeNoDataFolder, "", ""), true
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

// databasePath is the database file that -db (or ICM_DB, or the user's data folder) names,
// resolved once as the instance lock resolves it (instance.Resolve): a symbolic link to the
// database is followed, so that staging, applying and cleaning up a restore act on the real
// file and never replace the link with a second database.
func databasePath(flagValue string) (string, error) {
	p, err := appdir.DatabasePath(flagValue)
	if err != nil {
		return "", err
	}
	return instance.Resolve(p), nil
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// checkDBFile refuses a -db that exists but cannot be an ICM database: a folder or other
// non-file (codeNotAFile), a file without SQLite's header, an empty one included
// (codeNotADatabase), or another program's SQLite database (not_icm_database), which no
// command migrates, fills, exports, backs up or replaces. A SQLite file without any table
// passes only when the command may create the database (mayBeNew). A damaged database keeps
// its header and passes. 0: go on (also when nothing exists at the path).
func checkDBFile(dbPath string, mayBeNew bool, io cliIO) int {
	fi, err := os.Stat(dbPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0
	case errors.Is(err, fs.ErrPermission):
		return failCode(io, 1, codeCannotRead, aboutDB, dbPath)
	case err != nil: // a loop of symbolic links, for one
		return failCode(io, 1, codeNotAFile, aboutDB, dbPath)
	}
	if !fi.Mode().IsRegular() {
		return failCode(io, 1, codeNotAFile, aboutDB, dbPath)
	}
	f, err := os.Open(dbPath)
	if err != nil {
		return failCode(io, 1, codeCannotRead, aboutDB, dbPath)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := f.ReadAt(head, 0); err != nil || string(head) != sqliteHeader {
		return failCode(io, 1, codeNotADatabase, aboutDB, dbPath)
	}
	switch store.Identify(context.Background(), dbPath) {
	case store.IdentityForeign:
		return failCode(io, 1, domain.CodeNotICMDatabase, aboutDB, dbPath)
	case store.IdentityEmpty:
		if !mayBeNew {
			return failCode(io, 1, codeNotADatabase, aboutDB, dbPath)
		}
	}
	return 0
}

// mayCreate refuses a database file that does not exist where a new one would not be meant
// (a mistyped -db): a new database is made only in a folder that exists, or in the user's
// own data folder (made when missing). 0: go on.
func mayCreate(dbPath string, io cliIO) int {
	if _, err := os.Lstat(dbPath); err == nil {
		return checkDBFile(dbPath, true, io)
	}
	dir := filepath.Dir(dbPath)
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return 0
	}
	if def, err := appdir.DatabasePath(""); err == nil && instance.Resolve(def) == dbPath && os.Getenv(appdir.EnvDB) == "" {
		return 0
	}
	return failCode(io, 1, domain.CodeNotFound, aboutDB, dbPath)
}

// mustExist refuses a database file that does not exist. 0: go on.
func mustExist(dbPath string, io cliIO) int {
	if _, err := os.Lstat(dbPath); err != nil {
		return failCode(io, 1, domain.CodeNotFound, aboutDB, dbPath)
	}
	return checkDBFile(dbPath, false, io)
}

// runDemo loads the demo team into the database at dbPath and reports the outcome.
func runDemo(dbPath string, io cliIO) int {
	if code := mayCreate(dbPath, io); code != 0 {
		return code
	}
	// mayCreate let a missing folder through only when it is the user's own data folder,
	// which the first start makes: make it before probing it.
	_ = os.MkdirAll(filepath.Dir(dbPath), 0o700)
	if !folderWritable(filepath.Dir(dbPath)) {
		return failCode(io, 1, domain.CodeWriteFailed, aboutDB, filepath.Dir(dbPath))
	}
	// The app's own lock: no demo data under a running app or a second -demo.
	inst, code := claim(dbPath, io, "")
	if inst == nil {
		return code
	}
	defer inst.Close()
	inst.Headless()
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return fail(io, 1, err, aboutDB, dbPath)
	}
	defer st.Close()
	if err := service.LoadDemoBy(ctx, st, time.Now(), operator()); err != nil {
		return fail(io, 1, err, aboutDB, dbPath)
	}
	report(io, lineDemoLoaded, dbPath)
	return 0
}

// folderWritable reports whether this user may create files in dir, as SQLite must (the
// database, its -wal and -shm).
func folderWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".icm-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	_ = f.Close()
	_ = os.Remove(name)
	return true
}

// claim takes the database's instance lock for a command that writes; nil and the exit
// code when ICM or another command holds it, or it cannot be made.
func claim(dbPath string, io cliIO, about string) (*instance.Lock, int) {
	inst, err := instance.Claim(dbPath)
	var running *instance.AlreadyRunningError
	if errors.As(err, &running) {
		return nil, failCode(io, 1, codeAppRunning, about, dbPath)
	}
	if err != nil {
		return nil, failCode(io, 1, codeLockFailed, "", dbPath)
	}
	return inst, 0
}
