package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// desktop is the operating system side of exporting: the native save dialog and the
// default program for a file.
type desktop struct {
	ctx func() context.Context
}

// SavePath shows the native save dialog for a PDF; "" means the user cancelled.
func (d desktop) SavePath(title, defaultName string) (string, error) {
	dir, _ := os.UserHomeDir()
	if docs := filepath.Join(dir, "Documents"); isDir(docs) {
		dir = docs
	}
	return runtime.SaveFileDialog(d.ctx(), runtime.SaveDialogOptions{
		Title:                title,
		DefaultDirectory:     dir,
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
func (d desktop) SaveBackupPath(title, defaultName string) (string, error) {
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
func (d desktop) OpenBackupPath(title string) (string, error) {
	if d.ctx() == nil {
		return "", errNoWindow
	}
	return runtime.OpenFileDialog(d.ctx(), runtime.OpenDialogOptions{
		Title:            title,
		DefaultDirectory: documentsDir(),
		Filters:          backupFilter,
	})
}

func documentsDir() string {
	dir, _ := os.UserHomeDir()
	if docs := filepath.Join(dir, "Documents"); isDir(docs) {
		return docs
	}
	return dir
}

// Open opens a file in its default program without waiting for it to close.
func (d desktop) Open(path string) error {
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

// printDir is where files opened for printing are put: the user's cache folder, private.
func printDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "icm", "print")
}
