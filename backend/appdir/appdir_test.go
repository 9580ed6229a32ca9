package appdir

import (
	"path/filepath"
	"testing"
)

func TestDataDir(t *testing.T) {
	home := func() (string, error) { return "/home/anna", nil }
	cases := []struct {
		name, goos string
		env        map[string]string
		want       string
	}{
		{"linux default", "linux", nil, "/home/anna/.local/share/icm"},
		{"linux xdg", "linux", map[string]string{"XDG_DATA_HOME": "/data/x"}, "/data/x/icm"},
		{"linux relative xdg ignored", "linux", map[string]string{"XDG_DATA_HOME": "rel"}, "/home/anna/.local/share/icm"},
		{"windows", "windows", map[string]string{"LOCALAPPDATA": `C:\Users\anna\AppData\Local`}, filepath.Join(`C:\Users\anna\AppData\Local`, "ICM")},
		{"mac", "darwin", nil, "/home/anna/Library/Application Support/ICM"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := dataDir(c.goos, func(k string) string { return c.env[k] }, home)
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestDatabasePathPrecedence(t *testing.T) {
	t.Setenv(EnvDB, "/tmp/from-env.db")
	if got, _ := DatabasePath("/tmp/from-flag.db"); got != "/tmp/from-flag.db" {
		t.Fatalf("flag should win, got %q", got)
	}
	if got, _ := DatabasePath(""); got != "/tmp/from-env.db" {
		t.Fatalf("env should be used, got %q", got)
	}
}
