// Package appdir finds where the app keeps its database: the operating system's per-user
// local data folder, unless a flag or the ICM_DB environment variable says otherwise.
package appdir

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// AppName is the folder name under the user's data folder.
const AppName = "ICM"

// EnvDB overrides the database path.
const EnvDB = "ICM_DB"

// DatabaseFile is the file name inside the data folder.
const DatabaseFile = "icm.db"

// DataDir returns the per-user local data folder for the app:
// Linux $XDG_DATA_HOME/icm (default ~/.local/share/icm), Windows %LOCALAPPDATA%\ICM,
// macOS ~/Library/Application Support/ICM.
func DataDir() (string, error) {
	return dataDir(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func dataDir(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	switch goos {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, AppName), nil
		}
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, "AppData", "Local", AppName), nil
	case "darwin":
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, "Library", "Application Support", AppName), nil
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "icm"), nil
		}
		h, err := home()
		if err != nil {
			return "", err
		}
		if h == "" {
			return "", errors.New("no home folder")
		}
		return filepath.Join(h, ".local", "share", "icm"), nil
	}
}

// DatabasePath picks the database file: the flag value if set, else $ICM_DB, else the
// default file in DataDir.
func DatabasePath(flagValue string) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	if env := os.Getenv(EnvDB); env != "" {
		return filepath.Abs(env)
	}
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, DatabaseFile), nil
}
