package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"icm/backend/appdir"
	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
)

// envBackupPassphrase holds the passphrase of the headless backup and restore commands.
const envBackupPassphrase = "ICM_BACKUP_PASSPHRASE"

// runBackupCommand runs "backup" or "restore" with its own flags and returns the exit code:
// 0 done, 1 failed, 2 wrong use.
func runBackupCommand(name string, args []string, io cliIO) int {
	if name == "restore" {
		return runRestore(args, io)
	}
	return runBackup(args, io)
}

// fileBackupDesktop answers the backup dialogs with the paths given on the command line.
type fileBackupDesktop struct{ save, open string }

func (d fileBackupDesktop) SaveBackupPath(string, string) (string, error) { return d.save, nil }
func (d fileBackupDesktop) OpenBackupPath(string) (string, error)         { return d.open, nil }

func backupFlags(name string, io cliIO, usage string) (*flag.FlagSet, *string, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.stderr)
	db := fs.String("db", "", "database file (default: the user's data folder, or $"+appdir.EnvDB+")")
	passFile := fs.String("passphrase-file", "", "read the passphrase from the first line of `FILE` "+
		"(UTF-8 or UTF-16 with BOM; else $"+envBackupPassphrase+", else asked for in the console)")
	fs.Usage = func() {
		fmt.Fprintln(io.stderr, usage)
		fs.PrintDefaults()
	}
	return fs, db, passFile
}

// runBackup writes an encrypted backup of the database: icm backup -out FILE.
func runBackup(args []string, io cliIO) int {
	fs, db, passFile := backupFlags("backup", io, "usage: icmctl backup -out FILE [-db PATH] [-passphrase-file FILE]\n"+
		"Writes an encrypted backup of the whole database (AES-256-GCM, passphrase of at least 12 characters).")
	out := fs.String("out", "", "the encrypted backup `FILE` to write (.icmbackup is added)")
	if exit, ok := parseFlags(fs, args, io); !ok {
		return exit
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	dbPath, err := databasePath(*db)
	if err != nil {
		return failCode(io, 1, codeNoDataFolder, "", "")
	}
	if code := mustExist(dbPath, io); code != 0 {
		return code
	}
	pass, code, err := readPassphrase(*passFile, true, io)
	if err != nil {
		return failCode(io, 2, code, "", *passFile)
	}
	if err := crypt.CheckPassphrase(pass); err != nil {
		return fail(io, 2, err, "", "")
	}
	if !store.Writable(dbPath) {
		// The backup is recorded in the database's audit log: it must be written.
		return failCode(io, 1, domain.CodeWriteFailed, aboutDB, dbPath)
	}
	ctx := context.Background()
	st, err := store.OpenExisting(ctx, dbPath)
	if err != nil {
		return fail(io, 1, err, aboutDB, dbPath)
	}
	defer st.Close()
	svc, _ := service.NewBackupServices(deps(st), fileBackupDesktop{save: *out},
		terminalProgress(io), backup.Applied{}, nil)
	res, err := svc.SaveEncryptedBackup(service.SaveBackupInput{Passphrase: pass})
	if err != nil {
		return fail(io, 1, err, aboutDB, *out)
	}
	report(io, lineBackupWritten, res.Path, res.Bytes, res.Citizens)
	return 0
}

// runRestore replaces the database with an encrypted backup: icm restore -in FILE. It
// refuses while the app has the database open. The backup is verified before anything is
// replaced; the database before the restore is kept beside it.
func runRestore(args []string, io cliIO) int {
	fs, db, passFile := backupFlags("restore", io, "usage: icmctl restore -in FILE [-db PATH] [-passphrase-file FILE]\n"+
		"Replaces the database with an encrypted backup, after verifying it; the current database is kept as\n"+
		"<db>.before-restore-<time>. ICM must be closed.")
	in := fs.String("in", "", "the encrypted backup `FILE` to restore")
	if exit, ok := parseFlags(fs, args, io); !ok {
		return exit
	}
	if *in == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	dbPath, err := databasePath(*db)
	if err != nil {
		return failCode(io, 1, codeNoDataFolder, "", "")
	}
	if f, err := os.Open(*in); err != nil {
		if errors.Is(err, os.ErrPermission) {
			return failCode(io, 1, codeCannotRead, "", *in)
		}
		return failCode(io, 1, domain.CodeNotFound, aboutBackup, *in)
	} else {
		_ = f.Close()
	}
	// A new laptop may be restored onto, but a mistyped -db makes no folders.
	if code := mayCreate(dbPath, io); code != 0 {
		return code
	}
	// Hold the app's own lock for the whole restore: it says whether the app is running,
	// and keeps it from starting meanwhile.
	inst, exit := claim(dbPath, io, "")
	if inst == nil {
		return exit
	}
	defer inst.Close()
	inst.Headless() // an app started meanwhile is told a command is at work, not that a window came up
	// What a restore killed midway left: a whole decrypted copy of a backup.
	backup.RemoveLeftovers(dbPath)
	pass, code, err := readPassphrase(*passFile, false, io)
	if err != nil {
		return failCode(io, 2, code, "", *passFile)
	}
	ctx := context.Background()
	info, err := stageRestore(ctx, dbPath, *in, pass, io)
	if err != nil {
		notice(io, lineNothingRestored)
		return fail(io, 1, err, aboutBackup, *in)
	}
	applied, err := backup.ApplyStaged(ctx, dbPath, time.Now())
	if err != nil || !applied.Done {
		// Take the staged file back, so that the app does not restore it later by surprise.
		_ = backup.CancelStaged(dbPath)
		notice(io, lineNothingRestored)
		return fail(io, 1, err, aboutDB, dbPath)
	}
	st, err := store.Open(ctx, dbPath) // migrates a backup from an older version
	if err != nil {
		notice(io, lineRestoredNoOpen)
		return fail(io, 1, err, aboutDB, dbPath)
	}
	defer st.Close()
	if err := service.LogAppliedRestore(ctx, st, applied, time.Now()); err != nil {
		notice(io, lineRestoredNoAudit)
		return fail(io, 1, err, aboutDB, dbPath)
	}
	report(io, lineRestored, info.BackupCreated, info.Citizens, info.Workers, dbPath)
	if applied.Previous != "" {
		report(io, linePreviousKept, applied.Previous)
	}
	return 0
}

// stageRestore stages the backup through the backup service, so that the current database's
// audit log records it; a database that does not open (often why IT restores) or does not
// exist yet is skipped and the backup staged directly.
func stageRestore(ctx context.Context, dbPath, in, pass string, io cliIO) (service.RestoreInfoDTO, error) {
	if _, err := os.Stat(dbPath); err == nil {
		st, err := store.Open(ctx, dbPath)
		if err == nil {
			defer st.Close()
			svc, _ := service.NewBackupServices(deps(st), fileBackupDesktop{open: in},
				terminalProgress(io), backup.Applied{}, nil)
			if _, err := svc.ChooseRestoreFile(); err != nil {
				return service.RestoreInfoDTO{}, err
			}
			return svc.RestoreFromFile(service.RestoreInput{Passphrase: pass})
		}
		notice(io, lineCurrentNoOpen, domain.CodeOf(err))
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return service.RestoreInfoDTO{}, domain.Wrap(domain.CodeWriteFailed, "data folder", err)
	}
	p := terminalProgress(io)
	// Staged as the command line's actor, whom the restored database's log then names.
	staged, err := backup.Stage(ctx, dbPath, in, pass, backup.Staged{StagedAt: time.Now(),
		WorkerName: service.CommandLineAs(operator()).Name}, func(phase string, done, total int64) {
		if p != nil {
			p(service.BackupProgressDTO{Operation: "restore", Phase: phase, Done: done, Total: total})
		}
	})
	if err != nil {
		return service.RestoreInfoDTO{}, err
	}
	return service.RestoreInfoDTO{BackupCreated: staged.BackupCreated.Local().Format("02.01.2006 15:04"),
		Citizens: staged.Citizens, Workers: staged.Workers}, nil
}

// readPassphrase takes the passphrase from -passphrase-file (see decodePassphrase), else the
// environment, else the terminal without echo (twice when confirm). Without any of them it
// refuses rather than read a passphrase from a pipe by surprise. A refusal comes with the
// code of its message.
func readPassphrase(file string, confirm bool, io cliIO) (string, domain.Code, error) {
	if file != "" {
		b, code, err := readPassphraseFile(file)
		if err != nil {
			return "", code, err
		}
		p, err := decodePassphrase(b)
		if err != nil {
			return "", codePassphraseCoding, err
		}
		return p, "", nil
	}
	if p := io.getenv(envBackupPassphrase); p != "" {
		return p, "", nil
	}
	if io.stdin == nil || !term.IsTerminal(int(io.stdin.Fd())) {
		return "", codeNoPassphrase, errors.New("no passphrase")
	}
	fmt.Fprint(io.stderr, inLang(io, "Adgangsfrase: ", "Passphrase: ", "Adgangsfrase (passphrase): "))
	p, err := term.ReadPassword(int(io.stdin.Fd()))
	fmt.Fprintln(io.stderr)
	if err != nil {
		return "", codeNoPassphrase, err
	}
	if confirm {
		fmt.Fprint(io.stderr, inLang(io, "Gentag: ", "Repeat: ", "Gentag (repeat): "))
		again, err := term.ReadPassword(int(io.stdin.Fd()))
		fmt.Fprintln(io.stderr)
		if err != nil {
			return "", codeNoPassphrase, err
		}
		if string(again) != string(p) {
			return "", codePassphraseDiffer, errors.New("the two passphrases differ")
		}
	}
	return string(p), "", nil
}

// maxPassphraseFile is the most a passphrase file holds: a line, with room for UTF-16 and
// long sentences. A larger file is some other file (the backup, the database, a log) given
// by mistake, and is not read into memory whole.
const maxPassphraseFile = 4096

// readPassphraseFile reads the passphrase file, refusing one larger than maxPassphraseFile.
func readPassphraseFile(file string) ([]byte, domain.Code, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, codePassphraseFile, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPassphraseFile+1))
	if err != nil {
		return nil, codePassphraseFile, err
	}
	if len(b) > maxPassphraseFile {
		return nil, codePassphraseTooLarge, errors.New("passphrase file too large")
	}
	return b, "", nil
}

// terminalProgress shows the phases and percentages on stderr when it is a terminal.
func terminalProgress(io cliIO) service.BackupProgress {
	f, ok := io.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return func(p service.BackupProgressDTO) {
		if p.Total > 0 {
			fmt.Fprintf(f, "\r%-24s %3d%%", phaseName(io, p.Phase), p.Done*100/p.Total)
			if p.Done >= p.Total {
				fmt.Fprintln(f)
			}
			return
		}
		fmt.Fprintf(f, "%s …\n", phaseName(io, p.Phase))
	}
}
