// Package desktop is the operating system's side of the window: the native save and open
// dialogs (PDFs, encrypted backups, handover files), opening a file in its default program,
// and the private folder for files opened to be printed.
package desktop

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Native is the window's dialogs and the system's default programs. It implements the
// services' Desktop, BackupDesktop, HandoverDesktop and FolderDesktop.
type Native struct {
	ctx func() context.Context
}

// New is the desktop of the window whose Wails context ctx returns; nil until the window
// has started, and the dialogs refuse until then.
func New(ctx func() context.Context) Native { return Native{ctx: ctx} }

// SavePath shows the native save dialog for a PDF; "" means the user cancelled.
func (d Native) SavePath(title, defaultName string) (string, error) {
	return runtime.SaveFileDialog(d.ctx(), runtime.SaveDialogOptions{
		Title:                title,
		DefaultDirectory:     documentsDir(),
		DefaultFilename:      defaultName,
		Filters:              []runtime.FileFilter{{DisplayName: "PDF (*.pdf)", Pattern: "*.pdf"}},
		CanCreateDirectories: true,
	})
}

// backupFilter is the file type of encrypted backups in the dialogs.
var backupFilter = []runtime.FileFilter{{DisplayName: "ICM-sikkerhedskopi (*.icmbackup)", Pattern: "*.icmbackup"}}

// errNoWindow is a dialog asked for before the window exists.
var errNoWindow = errors.New("no window for a dialog")

// SaveBackupPath shows the native save dialog for an encrypted backup; "" means cancelled.
func (d Native) SaveBackupPath(title, defaultName string) (string, error) {
	if d.ctx() == nil {
		return "", errNoWindow
	}
	return runtime.SaveFileDialog(d.ctx(), runtime.SaveDialogOptions{
		Title:                title,
		DefaultDirectory:     documentsDir(),
		DefaultFilename:      defaultName,
		Filters:              backupFilter,
		CanCreateDirectories: true,
	})
}

// OpenBackupPath shows the native open dialog for an encrypted backup; "" means cancelled.
func (d Native) OpenBackupPath(title string) (string, error) {
	if d.ctx() == nil {
		return "", errNoWindow
	}
	return runtime.OpenFileDialog(d.ctx(), runtime.OpenDialogOptions{
		Title:            title,
		DefaultDirectory: documentsDir(),
		Filters:          backupFilter,
	})
}

// documentsDir is where the dialogs start: the user's Documents folder when there is one.
func documentsDir() string {
	dir, _ := os.UserHomeDir()
	if docs := filepath.Join(dir, "Documents"); isDir(docs) {
		return docs
	}
	return dir
}

// Open opens a file in its default program without waiting for it to close.
func (d Native) Open(path string) error {
	var cmd *exec.Cmd
	switch goruntime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// PrintDir is where files opened for printing are put: the user's cache folder, private.
func PrintDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "icm", "print")
}
