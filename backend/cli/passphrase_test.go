package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"icm/backend/service"
)

// danishPass has letters outside ASCII, which each encoding writes differently.
const danishPass = "grøn æblekage på Ærø"

func utf16Bytes(s string, little bool) []byte {
	var b []byte
	if little {
		b = []byte{0xFF, 0xFE}
	} else {
		b = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if little {
			b = append(b, byte(u), byte(u>>8))
		} else {
			b = append(b, byte(u>>8), byte(u))
		}
	}
	return b
}

// passphraseFiles are the files Windows and Linux tools write with the passphrase in them.
var passphraseFiles = map[string][]byte{
	"UTF-8 (Linux editor)":                 []byte(danishPass + "\n"),
	"UTF-8 without line end":               []byte(danishPass),
	"UTF-8 with BOM (Notepad)":             append([]byte{0xEF, 0xBB, 0xBF}, danishPass+"\r\n"...),
	"UTF-16LE with BOM (PowerShell 5.1 >)": utf16Bytes(danishPass+"\r\n", true),
	"UTF-16BE with BOM":                    utf16Bytes(danishPass+"\r\n", false),
}

func TestDecodePassphrase(t *testing.T) {
	for name, b := range passphraseFiles {
		got, err := decodePassphrase(b)
		if err != nil || got != danishPass {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
	cp1252 := []byte("gr\xf8n \xe6blekage p\xe5 \xc6r\xf8\r\n")
	for name, b := range map[string][]byte{
		"Windows-1252 (ANSI)":     cp1252,
		"UTF-16LE without BOM":    utf16Bytes(danishPass, true)[2:],
		"UTF-16 cut in a letter":  utf16Bytes(danishPass, true)[:7],
		"UTF-8 BOM, then invalid": append([]byte{0xEF, 0xBB, 0xBF}, cp1252...),
		"lone surrogate":          {0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00},
	} {
		if got, err := decodePassphrase(b); err == nil {
			t.Errorf("%s: read as %q, want a refusal", name, got)
		}
	}
	// Only the first line's own ending goes: spaces are part of the passphrase.
	if got, _ := decodePassphrase([]byte(" to mellemrum  \r\nanden linje")); got != " to mellemrum  " {
		t.Errorf("got %q", got)
	}
}

// Each encoding both ways: a backup sealed with the file opens with the typed passphrase
// (here given as $ICM_BACKUP_PASSPHRASE, as the prompt gives it), and one sealed with the
// typed passphrase opens with the file. Before, a BOM or UTF-16 became part of the key.
func TestPassphraseFilesInEveryEncodingBothWays(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	dir := t.TempDir()
	typed := map[string]string{envBackupPassphrase: danishPass}
	backupWith := func(t *testing.T, name string, env map[string]string, args ...string) string {
		t.Helper()
		out := filepath.Join(dir, name)
		io, _, stderr := testIO(env)
		if code := runBackupCommand("backup", append([]string{"-db", db, "-out", out}, args...), io); code != 0 {
			t.Fatalf("backup: exit %d: %s", code, stderr)
		}
		return out + service.BackupExtension
	}
	restoreWith := func(t *testing.T, file string, env map[string]string, args ...string) {
		t.Helper()
		target := filepath.Join(t.TempDir(), "icm.db")
		io, _, stderr := testIO(env)
		if code := runBackupCommand("restore", append([]string{"-db", target, "-in", file}, args...), io); code != 0 {
			t.Fatalf("restore: exit %d: %s", code, stderr)
		}
	}
	sealedTyped := backupWith(t, "typed", typed)
	i := 0
	for name, b := range passphraseFiles {
		i++
		t.Run(name, func(t *testing.T) {
			pf := filepath.Join(dir, strings.Repeat("p", i)+".txt")
			if err := os.WriteFile(pf, b, 0o600); err != nil {
				t.Fatal(err)
			}
			sealedFile := backupWith(t, strings.Repeat("f", i), nil, "-passphrase-file", pf)
			restoreWith(t, sealedFile, typed)
			restoreWith(t, sealedTyped, nil, "-passphrase-file", pf)
		})
	}
	t.Run("ANSI file refused", func(t *testing.T) {
		pf := filepath.Join(dir, "ansi.txt")
		if err := os.WriteFile(pf, []byte("gr\xf8n \xe6blekage p\xe5 \xc6r\xf8\r\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		io, _, stderr := testIO(map[string]string{"LANG": "en_US.UTF-8"})
		code := runBackupCommand("backup", []string{"-db", db, "-out", filepath.Join(dir, "ansi"), "-passphrase-file", pf}, io)
		if code != 2 || !strings.Contains(stderr.String(), "Save it as UTF-8 or Unicode (UTF-16) in Notepad. (passphrase_encoding)") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "ansi"+service.BackupExtension)); err == nil {
			t.Error("a backup was written with an unreadable passphrase file")
		}
	})
}

// A file larger than a passphrase file can be (the backup itself, the database, a log
// given by mistake) is refused with its own message, and not read into memory whole.
func TestAPassphraseFileThatIsTooLargeIsRefused(t *testing.T) {
	cheapCosts(t)
	db := demoDB(t)
	big := filepath.Join(t.TempDir(), "stor.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("en lang sætning ", 300)), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "b")
	io, _, stderr := testIO(nil)
	if code := runBackupCommand("backup", []string{"-db", db, "-out", out, "-passphrase-file", big}, io); code != 2 ||
		!strings.Contains(stderr.String(), "(passphrase_file_too_large)") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out + ".icmbackup"); err == nil {
		t.Fatal("a backup was written")
	}
}
