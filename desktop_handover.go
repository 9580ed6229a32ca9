package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"icm/backend/service"
)

// handoverFilter is the file type of handover files (a citizen's course moved to a
// colleague's installation) in the dialogs.
var handoverFilter = []runtime.FileFilter{{DisplayName: "ICM-overdragelse (*" + service.HandoverExtension + ")",
	Pattern: "*" + service.HandoverExtension}}

// errNoDialogWindow is a dialog asked for before the window exists.
var errNoDialogWindow = errors.New("no window for a dialog")

// handoverDir is where the dialogs start: the user's Documents folder when there is one.
func handoverDir() string {
	dir, _ := os.UserHomeDir()
	if docs := filepath.Join(dir, "Documents"); isDir(docs) {
		return docs
	}
	return dir
}

// SaveHandoverPath shows the native save dialog for a handover file; "" means cancelled.
func (d desktop) SaveHandoverPath(title, defaultName string) (string, error) {
	ctx := d.ctx()
	if ctx == nil {
		return "", errNoDialogWindow
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: title, DefaultDirectory: handoverDir(),
		DefaultFilename: defaultName, Filters: handoverFilter, CanCreateDirectories: true})
}

// OpenHandoverPath shows the native open dialog for a handover file; "" means cancelled.
func (d desktop) OpenHandoverPath(title string) (string, error) {
	ctx := d.ctx()
	if ctx == nil {
		return "", errNoDialogWindow
	}
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title, DefaultDirectory: handoverDir(),
		Filters: handoverFilter})
}

// handoverDialogs gives a desktop without the handover dialogs (a test's) the window's own.
type handoverDialogs struct {
	service.Desktop
	win desktop
}

func (h handoverDialogs) SaveHandoverPath(title, name string) (string, error) {
	return h.win.SaveHandoverPath(title, name)
}

func (h handoverDialogs) OpenHandoverPath(title string) (string, error) {
	return h.win.OpenHandoverPath(title)
}

// handoverDesktop is desk when it has the handover dialogs, else desk with the window's.
func handoverDesktop(desk service.Desktop, ctx func() context.Context) service.HandoverDesktop {
	if h, ok := desk.(service.HandoverDesktop); ok {
		return h
	}
	return handoverDialogs{Desktop: desk, win: desktop{ctx: ctx}}
}
