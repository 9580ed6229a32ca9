package teamkeys

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func TestNewLaptopKeys(t *testing.T) {
	a, err := NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(a.LaptopID) {
		t.Errorf("laptop id %q", a.LaptopID)
	}
	if a.LaptopID == b.LaptopID || a.Public().Age == b.Public().Age || bytes.Equal(a.Sign, b.Sign) {
		t.Error("two new laptops share an id or a key")
	}
	if err := a.Public().Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if !strings.HasPrefix(a.Public().Age, "age1") {
		t.Errorf("age recipient %q", a.Public().Age)
	}
	// Printing keys, as a careless log line would, shows no secret.
	secretSeed := base64.StdEncoding.EncodeToString(a.Sign.Seed())
	for _, s := range []string{
		fmt.Sprint(a), fmt.Sprintf("%v", *a), fmt.Sprintf("%+v", a), fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", *a),
	} {
		if strings.Contains(s, a.Age.String()) || strings.Contains(s, secretSeed) || strings.Contains(s, fmt.Sprint([]byte(a.Sign))) {
			t.Errorf("printed keys show a secret: %s", s)
		}
	}
}

func TestPublicKeysValidate(t *testing.T) {
	k, err := NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	mod := func(f func(*PublicKeys)) PublicKeys { p := k.Public(); f(&p); return p }
	cases := []struct {
		name string
		p    PublicKeys
	}{
		{"uppercase id", mod(func(p *PublicKeys) { p.LaptopID = strings.ToUpper(p.LaptopID) })},
		{"short id", mod(func(p *PublicKeys) { p.LaptopID = p.LaptopID[:31] })},
		{"short signing key", mod(func(p *PublicKeys) { p.Sign = p.Sign[:31] })},
		{"secret key as recipient", mod(func(p *PublicKeys) { p.Age = k.Age.String() })},
		{"no recipient", mod(func(p *PublicKeys) { p.Age = "" })},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.p.Validate(); !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate: %v", err)
			}
		})
	}
}

func TestFingerprint(t *testing.T) {
	w := newWorld(t)
	fa := Fingerprint(w.a.Public())
	if !regexp.MustCompile(`^[0-9A-F]{4}(-[0-9A-F]{4}){4}$`).MatchString(fa) {
		t.Fatalf("fingerprint %q", fa)
	}
	// Fixed keys give a fixed code: another build must show the lead the same one.
	if fa != Fingerprint(fixedKeys(t, 1, testAgeA).Public()) {
		t.Error("same keys, different fingerprint")
	}
	changed := []PublicKeys{w.b.Public(), w.a.Public(), w.a.Public(), w.a.Public()}
	changed[1].LaptopID = w.b.LaptopID
	changed[2].Sign = w.b.Public().Sign
	changed[3].Age = w.b.Public().Age
	for i, p := range changed {
		if Fingerprint(p) == fa {
			t.Errorf("case %d: different keys, same fingerprint", i)
		}
	}
}

func TestSaveLoadLaptopKeys(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "icm.db.laptop-key")
	k, err := NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	if err := SaveLaptopKeys(path, k); err != nil {
		t.Fatalf("Save: %v", err)
	}
	if runtime.GOOS != "windows" {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %v, want 0600", st.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries after Save, want only the key file", len(entries))
	}
	got, err := LoadLaptopKeys(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got.LaptopID != k.LaptopID || !bytes.Equal(got.Sign, k.Sign) || got.Age.String() != k.Age.String() {
		t.Fatal("loaded keys differ from the saved ones")
	}
	// What the loaded keys seal, the original keys verify and decrypt.
	signers := func(id string) (ed25519.PublicKey, uint64, bool) {
		return k.Public().Sign, NotRevoked, id == k.LaptopID
	}
	data, err := Seal(batchHeader(k, 1), []byte("x"), []PublicKeys{k.Public()}, got)
	if err != nil {
		t.Fatal(err)
	}
	if _, p, err := Open(data, signers, k); err != nil || string(p) != "x" {
		t.Fatalf("Open with the original keys: %v", err)
	}
}

// TestSaveLaptopKeysRefusesOverwrite: a laptop key file is never replaced, whatever is at
// the path, and a refused save leaves nothing behind.
func TestSaveLaptopKeysRefusesOverwrite(t *testing.T) {
	k1, _ := NewLaptopKeys()
	k2, _ := NewLaptopKeys()
	cases := []struct {
		name  string
		setup func(t *testing.T, path string)
	}{
		{"an earlier key file", func(t *testing.T, path string) {
			if err := SaveLaptopKeys(path, k1); err != nil {
				t.Fatal(err)
			}
		}},
		{"an empty file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"a folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "icm.db.laptop-key")
			tc.setup(t, path)
			before := snapshotDir(t, dir)
			if err := SaveLaptopKeys(path, k2); !errors.Is(err, ErrKeyFileExists) {
				t.Fatalf("Save over %s: %v, want ErrKeyFileExists", tc.name, err)
			}
			if after := snapshotDir(t, dir); after != before {
				t.Errorf("folder changed by a refused save:\n%s\n---\n%s", before, after)
			}
		})
	}
	t.Run("the name appears while the file is written", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "icm.db.laptop-key")
		tmp := filepath.Join(dir, "tmp")
		if err := os.WriteFile(tmp, []byte("new"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("first"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := placeNew(tmp, path); !errors.Is(err, ErrKeyFileExists) {
			t.Fatalf("placeNew: %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "first" {
			t.Fatalf("existing file replaced: %q", b)
		}
	})
}

// snapshotDir lists dir's entries with their contents.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		fmt.Fprintf(&b, "%s %v %x\n", e.Name(), e.IsDir(), data)
	}
	return b.String()
}

func TestLoadLaptopKeysRefuses(t *testing.T) {
	k, err := NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	other, _ := NewLaptopKeys()
	good := keyFile{
		Format: KeyFileFormat, Version: KeyFileVersion, LaptopID: k.LaptopID,
		SignSeed:    base64.StdEncoding.EncodeToString(k.Sign.Seed()),
		SignPublic:  base64.StdEncoding.EncodeToString(k.Public().Sign),
		AgeIdentity: k.Age.String(), AgeRecipient: k.Public().Age,
	}
	mod := func(f func(*keyFile)) []byte {
		kf := good
		f(&kf)
		b, _ := json.Marshal(kf)
		return b
	}
	goodBytes := mod(func(*keyFile) {})
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", []byte{}, ErrKeyFile},
		{"not JSON", []byte("AGE-SECRET-KEY-1..."), ErrKeyFile},
		{"unknown field", append([]byte(`{"extra":1,`), goodBytes[1:]...), ErrKeyFile},
		{"data after the object", append(bytes.Clone(goodBytes), []byte("{}")...), ErrKeyFile},
		{"another format", mod(func(f *keyFile) { f.Format = "icm-backup" }), ErrKeyFile},
		{"newer version", mod(func(f *keyFile) { f.Version = 2 }), ErrVersion},
		{"bad laptop id", mod(func(f *keyFile) { f.LaptopID = "laptop-1" }), ErrKeyFile},
		{"short seed", mod(func(f *keyFile) { f.SignSeed = base64.StdEncoding.EncodeToString(make([]byte, 31)) }), ErrKeyFile},
		{"seed not base64", mod(func(f *keyFile) { f.SignSeed = "!!" }), ErrKeyFile},
		{"signing halves differ", mod(func(f *keyFile) { f.SignPublic = base64.StdEncoding.EncodeToString(other.Public().Sign) }), ErrKeyFile},
		{"age identity damaged", mod(func(f *keyFile) { f.AgeIdentity = f.AgeIdentity[:40] }), ErrKeyFile},
		{"age halves differ", mod(func(f *keyFile) { f.AgeRecipient = other.Public().Age }), ErrKeyFile},
		{"too large", append(bytes.Clone(goodBytes), bytes.Repeat([]byte(" "), maxKeyFile)...), ErrKeyFile},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "icm.db.laptop-key")
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			if got, err := LoadLaptopKeys(path); !errors.Is(err, tc.want) || got != nil {
				t.Fatalf("Load: %v, want %v", err, tc.want)
			}
		})
	}
	t.Run("the good file loads", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "icm.db.laptop-key")
		if err := os.WriteFile(path, goodBytes, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadLaptopKeys(path); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("missing", func(t *testing.T) {
		if _, err := LoadLaptopKeys(filepath.Join(t.TempDir(), "none")); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("Load: %v", err)
		}
	})
}
