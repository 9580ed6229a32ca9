package desktop

import (
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"icm/backend/service"
)

// handoverFilter is the file type of handover files (a citizen's course moved to a
// colleague's installation) in the dialogs.
var handoverFilter = []runtime.FileFilter{{DisplayName: "ICM-overdragelse (*" + service.HandoverExtension + ")",
	Pattern: "*" + service.HandoverExtension}}

// SaveHandoverPath shows the native save dialog for a handover file; "" means cancelled.
func (d Native) SaveHandoverPath(title, defaultName string) (string, error) {
	ctx := d.ctx()
	if ctx == nil {
		return "", errNoWindow
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: title, DefaultDirectory: documentsDir(),
		DefaultFilename: defaultName, Filters: handoverFilter, CanCreateDirectories: true})
}

// OpenHandoverPath shows the native open dialog for a handover file; "" means cancelled.
func (d Native) OpenHandoverPath(title string) (string, error) {
	ctx := d.ctx()
	if ctx == nil {
		return "", errNoWindow
	}
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title, DefaultDirectory: documentsDir(),
		Filters: handoverFilter})
}

// handoverDialogs gives a desktop without the handover dialogs (a test's) the window's own.
type handoverDialogs struct {
	service.Desktop
	win Native
}

func (h handoverDialogs) SaveHandoverPath(title, name string) (string, error) {
	return h.win.SaveHandoverPath(title, name)
}

func (h handoverDialogs) OpenHandoverPath(title string) (string, error) {
	return h.win.OpenHandoverPath(title)
}

// WithHandover is desk when it has the handover dialogs, else desk with win's.
func WithHandover(desk service.Desktop, win Native) service.HandoverDesktop {
	if h, ok := desk.(service.HandoverDesktop); ok {
		return h
	}
	return handoverDialogs{Desktop: desk, win: win}
}

// The window's desktop answers every dialog the services ask for.
var (
	_ service.Desktop         = Native{}
	_ service.BackupDesktop   = Native{}
	_ service.HandoverDesktop = Native{}
)
