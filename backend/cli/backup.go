package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"icm/backend/appdir"
	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/instance"
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
		"(else $"+envBackupPassphrase+", else asked for on the terminal)")
	fs.Usage = func() {
		fmt.Fprintln(io.stderr, usage)
		fs.PrintDefaults()
	}
	return fs, db, passFile
}

// runBackup writes an encrypted backup of the database: icm backup -out FILE.
func runBackup(args []string, io cliIO) int {
	fs, db, passFile := backupFlags("backup", io, "usage: icm backup -out FILE [-db PATH] [-passphrase-file FILE]\n"+
		"Writes an encrypted backup of the whole database (AES-256-GCM, passphrase of at least 12 characters).")
	out := fs.String("out", "", "the encrypted backup `FILE` to write (.icmbackup is added)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	dbPath, err := appdir.DatabasePath(*db)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot find the data folder:", err)
		return 1
	}
	if _, err := os.Stat(dbPath); err != nil {
		fmt.Fprintln(io.stderr, "icm: no database at", dbPath)
		return 1
	}
	pass, err := readPassphrase(*passFile, true, io)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm:", err)
		return 2
	}
	if err := crypt.CheckPassphrase(pass); err != nil {
		fmt.Fprintln(io.stderr, "icm:", passphraseAdvice(err))
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot open the database:", domain.CodeOf(err))
		return 1
	}
	defer st.Close()
	svc, _ := service.NewBackupServices(deps(st), fileBackupDesktop{save: *out},
		terminalProgress(io), backup.Applied{}, nil)
	res, err := svc.SaveEncryptedBackup(service.SaveBackupInput{Passphrase: pass})
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: backup not written:", domain.CodeOf(err))
		return 1
	}
	fmt.Fprintf(io.stdout, "Encrypted backup written to %s (%d bytes, %d citizens)\n", res.Path, res.Bytes, res.Citizens)
	return 0
}

// runRestore replaces the database with an encrypted backup: icm restore -in FILE. It
// refuses while the app has the database open. The backup is verified before anything is
// replaced; the database before the restore is kept beside it.
func runRestore(args []string, io cliIO) int {
	fs, db, passFile := backupFlags("restore", io, "usage: icm restore -in FILE [-db PATH] [-passphrase-file FILE]\n"+
		"Replaces the database with an encrypted backup, after verifying it; the current database is kept as\n"+
		"<db>.before-restore-<time>. ICM must be closed.")
	in := fs.String("in", "", "the encrypted backup `FILE` to restore")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *in == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	dbPath, err := appdir.DatabasePath(*db)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot find the data folder:", err)
		return 1
	}
	if _, err := os.Stat(*in); err != nil {
		fmt.Fprintln(io.stderr, "icm: no backup file at", *in)
		return 1
	}
	// Hold the app's own lock for the whole restore: it says whether the app is running,
	// and keeps it from starting meanwhile.
	inst, err := instance.Claim(dbPath)
	var running *instance.AlreadyRunningError
	if errors.As(err, &running) {
		fmt.Fprintln(io.stderr, "icm: ICM is running on this database; close it and run the restore again")
		return 1
	}
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: cannot lock the database:", err)
		return 1
	}
	defer inst.Close()
	inst.Headless() // an app started meanwhile is told a command is at work, not that a window came up
	pass, err := readPassphrase(*passFile, false, io)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm:", err)
		return 2
	}
	ctx := context.Background()
	info, err := stageRestore(ctx, dbPath, *in, pass, io)
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: nothing restored:", domain.CodeOf(err))
		return 1
	}
	applied, err := backup.ApplyStaged(ctx, dbPath, time.Now())
	if err != nil || !applied.Done {
		// Take the staged file back, so that the app does not restore it later by surprise.
		_ = backup.CancelStaged(dbPath)
		fmt.Fprintln(io.stderr, "icm: nothing restored:", domain.CodeOf(err))
		return 1
	}
	st, err := store.Open(ctx, dbPath) // migrates a backup from an older version
	if err != nil {
		fmt.Fprintln(io.stderr, "icm: restored, but the database does not open:", domain.CodeOf(err))
		return 1
	}
	defer st.Close()
	if err := service.LogAppliedRestore(ctx, st, applied, time.Now()); err != nil {
		fmt.Fprintln(io.stderr, "icm: restored, but the restore is not in the audit log:", domain.CodeOf(err))
		return 1
	}
	fmt.Fprintf(io.stdout, "Restored the backup of %s (%d citizens, %d workers) into %s\n",
		info.BackupCreated, info.Citizens, info.Workers, dbPath)
	if applied.Previous != "" {
		fmt.Fprintln(io.stdout, "The database before the restore is kept as", applied.Previous)
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
		fmt.Fprintf(io.stderr, "icm: the current database does not open (%s); it will be kept as it is\n", domain.CodeOf(err))
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

// passphraseAdvice says why crypt.CheckPassphrase refused a passphrase.
func passphraseAdvice(err error) string {
	switch domain.CodeOf(err) {
	case domain.CodeWeakPassphrase:
		return fmt.Sprintf("the passphrase must have at least %d characters", crypt.MinPassphrase)
	case domain.CodeInvalidCharacters:
		return "the passphrase has an invisible or control character; use visible characters and spaces"
	default:
		return "the passphrase is easy to guess (one character repeated, only digits, or common words); use a short sentence"
	}
}

// readPassphrase takes the passphrase from -passphrase-file, else the environment, else the
// terminal without echo (twice when confirm). Without any of them it refuses rather than
// read a passphrase from a pipe by surprise.
func readPassphrase(file string, confirm bool, io cliIO) (string, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("cannot read the passphrase file: %w", err)
		}
		line, _, _ := strings.Cut(string(b), "\n")
		return strings.TrimSuffix(line, "\r"), nil
	}
	if p := io.getenv(envBackupPassphrase); p != "" {
		return p, nil
	}
	if io.stdin == nil || !term.IsTerminal(int(io.stdin.Fd())) {
		return "", fmt.Errorf("no passphrase: give -passphrase-file FILE, set $%s, or run in a terminal", envBackupPassphrase)
	}
	fmt.Fprint(io.stderr, "Passphrase (adgangsfrase): ")
	p, err := term.ReadPassword(int(io.stdin.Fd()))
	fmt.Fprintln(io.stderr)
	if err != nil {
		return "", fmt.Errorf("cannot read the passphrase: %w", err)
	}
	if confirm {
		fmt.Fprint(io.stderr, "Repeat (gentag): ")
		again, err := term.ReadPassword(int(io.stdin.Fd()))
		fmt.Fprintln(io.stderr)
		if err != nil {
			return "", fmt.Errorf("cannot read the passphrase: %w", err)
		}
		if string(again) != string(p) {
			return "", errors.New("the two passphrases differ")
		}
	}
	return string(p), nil
}

// terminalProgress shows the phases and percentages on stderr when it is a terminal.
func terminalProgress(io cliIO) service.BackupProgress {
	f, ok := io.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return func(p service.BackupProgressDTO) {
		if p.Total > 0 {
			fmt.Fprintf(f, "\r%-9s %3d%%", p.Phase, p.Done*100/p.Total)
			if p.Done >= p.Total {
				fmt.Fprintln(f)
			}
			return
		}
		fmt.Fprintf(f, "%s …\n", p.Phase)
	}
}
