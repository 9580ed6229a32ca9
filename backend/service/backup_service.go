package service

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"icm/backend/backup"
	"icm/backend/crypt"
	"icm/backend/domain"
	"icm/backend/store"
)

// BackupExtension ends the name of an encrypted backup file.
const BackupExtension = ".icmbackup"

// BackupDesktop is what backups need from the operating system: the native dialogs to
// choose where an encrypted backup goes and which one to restore ("" when cancelled).
type BackupDesktop interface {
	SaveBackupPath(title, defaultName string) (string, error)
	OpenBackupPath(title string) (string, error)
}

// BackupProgressDTO is one step of a long backup or restore, for the UI's progress bar.
type BackupProgressDTO struct {
	Operation string `json:"operation"` // "backup" or "restore"
	Phase     string `json:"phase"`     // snapshot, encrypt, verify, decrypt
	Done      int64  `json:"done"`
	Total     int64  `json:"total"` // 0 or -1: not counted (show a moving bar)
}

// BackupProgress receives the steps; the app sends them to the UI as events.
type BackupProgress func(BackupProgressDTO)

// BackupEntryDTO is one automatic backup in the backup folder.
type BackupEntryDTO struct {
	Name  string `json:"name"`
	Taken string `json:"taken"` // dd.mm.åååå tt:mm
	Size  int64  `json:"size"`  // bytes
}

// RestoreInfoDTO describes a restore: staged and waiting for the next start, or just done.
type RestoreInfoDTO struct {
	BackupCreated string `json:"backupCreated"` // dd.mm.åååå tt:mm, when the backup was made
	StagedAt      string `json:"stagedAt"`
	StagedBy      string `json:"stagedBy"`
	Citizens      int64  `json:"citizens"`
	Workers       int64  `json:"workers"`
	AuditEntries  int    `json:"auditEntries"`
	SchemaVersion int    `json:"schemaVersion"`
	Previous      string `json:"previous"` // file name the database before the restore was kept as
}

// BackupListDTO is the backup page: the automatic backups, newest first, and any restore.
type BackupListDTO struct {
	Folder        string           `json:"folder"`
	Entries       []BackupEntryDTO `json:"entries"`
	Due           bool             `json:"due"` // the newest is a day old, or there is none
	KeepDaily     int              `json:"keepDaily"`
	KeepWeekly    int              `json:"keepWeekly"`
	MinPassphrase int              `json:"minPassphrase"`
	Pending       *RestoreInfoDTO  `json:"pending,omitempty"`  // staged, applied at the next start
	Restored      *RestoreInfoDTO  `json:"restored,omitempty"` // applied when this window started
	RestoreFailed string           `json:"restoreFailed"`      // error code: a staged restore failed at this start
}

// SaveBackupInput is the passphrase an encrypted backup is sealed with. It is never stored.
type SaveBackupInput struct {
	Passphrase string `json:"passphrase"`
}

// SaveBackupResultDTO tells where the encrypted backup went; Cancelled when the dialog was closed.
type SaveBackupResultDTO struct {
	Path      string `json:"path"`
	Cancelled bool   `json:"cancelled"`
	Bytes     int64  `json:"bytes"`
	Citizens  int64  `json:"citizens"`
}

// RestoreFileDTO is the backup file chosen for a restore, read without the passphrase.
type RestoreFileDTO struct {
	Name      string `json:"name"`
	Created   string `json:"created"` // dd.mm.åååå tt:mm, as the file says
	Cancelled bool   `json:"cancelled"`
}

// RestoreInput is the passphrase of the chosen backup file.
type RestoreInput struct {
	Passphrase string `json:"passphrase"`
}

// backupJobs lets one backup or restore run at a time, between the window and the
// automatic backups.
type backupJobs struct{ mu sync.Mutex }

// BackupService is the team lead's backup page: automatic backups, encrypted backup files
// and restore from one.
type BackupService struct {
	base
	jobs     *backupJobs
	desktop  BackupDesktop
	progress BackupProgress
	applied  backup.Applied
	applyErr error
	mu       sync.Mutex
	chosen   string // the file ChooseRestoreFile picked; the UI never names a path itself
}

// BackupScheduler makes the automatic backups. It is not bound: the app calls it at start
// and at close.
type BackupScheduler struct {
	base
	jobs   *backupJobs
	policy backup.Policy
}

// automatic is the actor of the automatic backups in the audit log.
var automatic = Actor{Name: "ICM (automatisk sikkerhedskopi)", Initials: "ICM"}

// NewBackupServices builds the bound service and the scheduler, which share one job lock.
// applied is the restore swapped in at this start, if any, and applyErr why a staged one
// was not.
func NewBackupServices(d Deps, desktop BackupDesktop, progress BackupProgress, applied backup.Applied, applyErr error) (*BackupService, *BackupScheduler) {
	jobs := &backupJobs{}
	return &BackupService{base: base{d}, jobs: jobs, desktop: desktop, progress: progress, applied: applied, applyErr: applyErr},
		&BackupScheduler{base: base{d}, jobs: jobs, policy: backup.DefaultPolicy}
}

// RunIfDue makes an automatic backup when the newest is a day old or there is none, and
// reports whether it made one. It needs no sign-in.
func (s *BackupScheduler) RunIfDue() (bool, error) {
	st, err := s.open()
	if err != nil {
		return false, err
	}
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	due, err := backup.Due(st.Path(), s.now())
	if err != nil || !due {
		return false, err
	}
	head, err := headAnchor(s.ctx(), st, "backup", s.now())
	if err != nil {
		return false, err
	}
	e, err := backup.Automatic(s.ctx(), st, s.now(), s.policy)
	if err != nil {
		return false, err
	}
	keepAnchor(st, head)
	return true, s.audit(st, automatic, AuditBackup, "automatic", 0, 0, e.Name)
}

// ListBackups shows the automatic backups and any staged or just applied restore.
func (s *BackupService) ListBackups() (BackupListDTO, error) {
	st, _, err := s.leadReady()
	if err != nil {
		return BackupListDTO{}, err
	}
	return s.list(st)
}

func (s *BackupService) list(st *store.Store) (BackupListDTO, error) {
	dbPath := st.Path()
	list, err := backup.List(dbPath)
	if err != nil {
		return BackupListDTO{}, err
	}
	out := BackupListDTO{Folder: backup.Dir(dbPath), Entries: []BackupEntryDTO{}, KeepDaily: backup.DefaultPolicy.Daily,
		KeepWeekly: backup.DefaultPolicy.Weekly, MinPassphrase: crypt.MinPassphrase}
	for _, e := range list {
		out.Entries = append(out.Entries, BackupEntryDTO{Name: e.Name, Taken: stampOf(e.Taken), Size: e.Size})
	}
	out.Due = len(list) == 0 || s.now().Sub(list[0].Taken) >= backup.Interval
	if p, ok := backup.Pending(dbPath); ok {
		out.Pending = restoreInfo(p)
	}
	if s.applied.Done {
		r := restoreInfo(s.applied.Staged)
		r.Previous = filepath.Base(s.applied.Previous)
		out.Restored = r
	}
	if s.applyErr != nil {
		out.RestoreFailed = string(domain.CodeOf(s.applyErr))
	}
	return out, nil
}

// BackupNow makes an automatic-style backup in the backup folder at once.
func (s *BackupService) BackupNow() (BackupEntryDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return BackupEntryDTO{}, err
	}
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	progress := s.reporter("backup")
	progress(backup.PhaseSnapshot, 0, -1)
	head, err := headAnchor(s.ctx(), st, "backup", s.now())
	if err != nil {
		return BackupEntryDTO{}, err
	}
	e, err := backup.Automatic(s.ctx(), st, s.now(), backup.DefaultPolicy)
	if err != nil {
		return BackupEntryDTO{}, err
	}
	keepAnchor(st, head)
	return BackupEntryDTO{Name: e.Name, Taken: stampOf(e.Taken), Size: e.Size},
		s.audit(st, a, AuditBackup, "local", 0, 0, e.Name)
}

// SaveEncryptedBackup asks where to save and writes an encrypted backup of the whole
// database there, sealed with the passphrase.
func (s *BackupService) SaveEncryptedBackup(in SaveBackupInput) (SaveBackupResultDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return SaveBackupResultDTO{}, err
	}
	if err := passphraseProblem(in.Passphrase); err != nil {
		return SaveBackupResultDTO{}, err
	}
	name := "ICM-sikkerhedskopi " + s.now().Local().Format("2006-01-02 1504") + BackupExtension
	path, err := s.desktop.SaveBackupPath("Gem krypteret sikkerhedskopi", name)
	if err != nil {
		return SaveBackupResultDTO{}, domain.Wrap(domain.CodeWriteFailed, "save dialog", err)
	}
	if path == "" {
		return SaveBackupResultDTO{Cancelled: true}, nil
	}
	if !strings.EqualFold(filepath.Ext(path), BackupExtension) {
		path += BackupExtension
	}
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	head, err := headAnchor(s.ctx(), st, "backup", s.now())
	if err != nil {
		return SaveBackupResultDTO{}, err
	}
	w, err := backup.WriteEncrypted(s.ctx(), st, path, in.Passphrase, s.reporter("backup"))
	if err != nil {
		return SaveBackupResultDTO{}, err
	}
	keepAnchor(st, head)
	detail := strconv.FormatInt(w.Citizens, 10) + " citizens"
	if err := s.audit(st, a, AuditBackup, "encrypted", 0, 0, detail); err != nil {
		return SaveBackupResultDTO{}, err
	}
	return SaveBackupResultDTO{Path: w.Path, Bytes: w.Bytes, Citizens: w.Citizens}, nil
}

// ChooseRestoreFile opens the file dialog for the backup to restore and reads what the file
// says about itself. The choice is kept for RestoreFromFile.
func (s *BackupService) ChooseRestoreFile() (RestoreFileDTO, error) {
	if _, _, err := s.leadReady(); err != nil {
		return RestoreFileDTO{}, err
	}
	path, err := s.desktop.OpenBackupPath("Vælg sikkerhedskopi")
	if err != nil {
		return RestoreFileDTO{}, domain.Wrap(domain.CodeInternal, "open dialog", err)
	}
	if path == "" {
		return RestoreFileDTO{Cancelled: true}, nil
	}
	h, err := readBackupHeader(path)
	if err != nil {
		return RestoreFileDTO{}, err
	}
	s.mu.Lock()
	s.chosen = path
	s.mu.Unlock()
	return RestoreFileDTO{Name: filepath.Base(path), Created: stampOf(h.Created)}, nil
}

// RestoreFromFile decrypts the chosen backup with the passphrase, verifies it and stages it
// to replace the database at the next start. The UI then asks the user to restart.
func (s *BackupService) RestoreFromFile(in RestoreInput) (RestoreInfoDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return RestoreInfoDTO{}, err
	}
	s.mu.Lock()
	path := s.chosen
	s.mu.Unlock()
	if path == "" {
		var p domain.Problems
		p.Add("file", domain.CodeRequired)
		return RestoreInfoDTO{}, p.Err()
	}
	if in.Passphrase == "" {
		var p domain.Problems
		p.Add("passphrase", domain.CodeRequired)
		return RestoreInfoDTO{}, p.Err()
	}
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	staged, err := backup.Stage(s.ctx(), st.Path(), path, in.Passphrase,
		backup.Staged{StagedAt: s.now(), WorkerID: a.WorkerID, WorkerName: a.Name}, s.reporter("restore"))
	if err != nil {
		return RestoreInfoDTO{}, err
	}
	s.mu.Lock()
	s.chosen = ""
	s.mu.Unlock()
	detail := "staged: backup of " + staged.BackupCreated.UTC().Format(time.RFC3339) + ", " +
		strconv.FormatInt(staged.Citizens, 10) + " citizens"
	if err := s.audit(st, a, AuditRestore, "database", 0, 0, detail); err != nil {
		_ = backup.CancelStaged(st.Path())
		return RestoreInfoDTO{}, err
	}
	return *restoreInfo(staged), nil
}

// CancelRestore removes a staged restore: the next start opens the database as it is.
func (s *BackupService) CancelRestore() (BackupListDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return BackupListDTO{}, err
	}
	s.jobs.mu.Lock()
	defer s.jobs.mu.Unlock()
	if _, ok := backup.Pending(st.Path()); ok {
		if err := backup.CancelStaged(st.Path()); err != nil {
			return BackupListDTO{}, err
		}
		if err := s.audit(st, a, AuditRestore, "database", 0, 0, "cancelled"); err != nil {
			return BackupListDTO{}, err
		}
	}
	return s.list(st)
}

// LogAppliedRestore writes the restore swapped in at start into the restored database's
// audit log, as the one who staged it. It is a function, not a method, so that it is not
// callable from the UI.
func LogAppliedRestore(ctx context.Context, st *store.Store, applied backup.Applied, now time.Time) error {
	if !applied.Done {
		return nil
	}
	a := Actor{WorkerID: applied.Staged.WorkerID, Name: applied.Staged.WorkerName}
	if a.Name == "" {
		a = commandLine
	}
	detail := "applied: backup of " + applied.Staged.BackupCreated.UTC().Format(time.RFC3339)
	if applied.Previous != "" {
		detail += ", previous database kept as " + filepath.Base(applied.Previous)
	}
	if err := st.AppendAudit(ctx, now, auditEntry(a, AuditRestore, "database", 0, 0, detail)); err != nil {
		return err
	}
	// The restored chain is older than the anchors this laptop kept since the backup: they
	// are set aside beside the previous database, and the journal starts again here.
	if j, ok := journalOf(st); ok {
		head, err := headAnchor(ctx, st, "restore", now)
		if err != nil {
			return err
		}
		return j.Restart("before-restore-"+now.UTC().Format("20060102-150405"), head)
	}
	return nil
}

func readBackupHeader(path string) (crypt.Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return crypt.Header{}, domain.Wrap(domain.CodeNotFound, "open backup file", err)
	}
	defer f.Close()
	h, err := crypt.ReadHeader(f)
	if err != nil {
		return h, err
	}
	if h.Kind != crypt.KindBackup {
		return h, domain.E(domain.CodeWrongFileKind, "not a backup").With("kind", h.Kind)
	}
	return h, nil
}

// reporter turns the backup package's progress into the UI's, at most ten steps a second
// (and always the first step of a phase and the last of a count).
func (s *BackupService) reporter(operation string) backup.Progress {
	var last time.Time
	var lastPhase string
	return func(phase string, done, total int64) {
		if s.progress == nil {
			return
		}
		now := time.Now()
		if phase == lastPhase && now.Sub(last) < 100*time.Millisecond && (total <= 0 || done < total) {
			return
		}
		last, lastPhase = now, phase
		s.progress(BackupProgressDTO{Operation: operation, Phase: phase, Done: done, Total: total})
	}
}

func restoreInfo(p backup.Staged) *RestoreInfoDTO {
	r := &RestoreInfoDTO{Citizens: p.Citizens, Workers: p.Workers, AuditEntries: p.AuditEntries,
		SchemaVersion: p.SchemaVersion, StagedBy: p.WorkerName}
	if !p.BackupCreated.IsZero() {
		r.BackupCreated = stampOf(p.BackupCreated)
	}
	if !p.StagedAt.IsZero() {
		r.StagedAt = stampOf(p.StagedAt)
	}
	return r
}

// stampOf is a time as the UI shows it: dd.mm.åååå tt:mm, local time.
func stampOf(t time.Time) string { return t.Local().Format("02.01.2006 15:04") }
