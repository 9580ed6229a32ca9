package desktop

import "github.com/wailsapp/wails/v2/pkg/runtime"

// ChooseFolder shows the native dialog for choosing a folder (the team folder); "" means the
// user cancelled.
func (d Native) ChooseFolder(title string) (string, error) {
	if d.ctx() == nil {
		return "", errNoWindow
	}
	return runtime.OpenDirectoryDialog(d.ctx(), runtime.OpenDialogOptions{
		Title:                title,
		DefaultDirectory:     documentsDir(),
		CanCreateDirectories: true,
	})
}
