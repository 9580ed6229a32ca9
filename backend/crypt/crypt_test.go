package crypt

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/domain"
)

// testParams keeps Argon2id cheap: the tests derive keys dozens of times, and the cost
// changes nothing about the format.
var testParams = Params{MemoryKiB: 64, Time: 1, Threads: 1}

const pass = "korrekt hest batteri hæfteklamme"

func TestMain(m *testing.M) {
	Default = testParams
	now = func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 500, time.UTC) }
	os.Exit(m.Run())
}

func random(t testing.TB, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func sealBytes(t testing.TB, plain []byte, chunk int) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := seal(&out, bytes.NewReader(plain), pass, KindBackup, testParams, chunk, nil); err != nil {
		t.Fatalf("seal: %v", err)
	}
	return out.Bytes()
}

// sealUntrimmed seals "x" as before passphrases were trimmed: the spaces at the ends are in the key.
func sealUntrimmed(t testing.TB, passphrase string) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := sealKeyed(&out, bytes.NewReader([]byte("x")), passphrase, KindBackup, testParams, minChunk, nil); err != nil {
		t.Fatalf("seal: %v", err)
	}
	return out.Bytes()
}

func openBytes(file []byte, passphrase, kind string) ([]byte, Header, error) {
	var out bytes.Buffer
	h, err := Open(&out, bytes.NewReader(file), passphrase, kind, nil)
	return out.Bytes(), h, err
}

// prefixLen is where the chunks begin in a file sealed by these tests.
func prefixLen(kind string) int {
	return fixedPrefix + 1 + len(kind) + 4 + 4 + 1 + saltLen + nonceLen + 8 + 4 + 2*sumLen
}

func TestRoundTrip(t *testing.T) {
	const chunk = 4 << 10
	cases := []struct {
		name   string
		size   int
		chunk  int
		chunks int
	}{
		{"empty", 0, chunk, 1},
		{"one byte", 1, chunk, 1},
		{"one byte short of a chunk", chunk - 1, chunk, 1},
		{"exactly one chunk", chunk, chunk, 1},
		{"one byte over a chunk", chunk + 1, chunk, 2},
		{"exactly three chunks", 3 * chunk, chunk, 3},
		{"many chunks", 37*chunk + 123, chunk, 38},
		{"default chunk size, several chunks", 2*DefaultChunkSize + 5, DefaultChunkSize, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plain := random(t, c.size)
			file := sealBytes(t, plain, c.chunk)
			if want := prefixLen(KindBackup) + c.size + c.chunks*tagLen; len(file) != want {
				t.Fatalf("file is %d bytes, want %d (%d chunks)", len(file), want, c.chunks)
			}
			got, h, err := openBytes(file, pass, KindBackup)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			if !bytes.Equal(got, plain) {
				t.Fatalf("round trip changed the content: %d bytes in, %d out", len(plain), len(got))
			}
			if h.Kind != KindBackup || h.ChunkSize != c.chunk || h.Version != FormatVersion || h.Params != testParams ||
				!h.Created.Equal(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)) {
				t.Fatalf("header %+v", h)
			}
		})
	}
}

func TestSealIsRandomised(t *testing.T) {
	plain := []byte("samme indhold to gange")
	a, b := sealBytes(t, plain, minChunk), sealBytes(t, plain, minChunk)
	if bytes.Equal(a, b) {
		t.Fatal("two seals of the same content are identical: salt and nonce are not random")
	}
	if bytes.Contains(a, plain) {
		t.Fatal("the plaintext appears in the file")
	}
}

// Equal chunks seal to different ciphertexts: every chunk has a nonce of its own (GCM
// under a repeated nonce would give the same keystream twice).
func TestChunkNoncesDiffer(t *testing.T) {
	file := sealBytes(t, make([]byte, 3*minChunk), minChunk)
	start := prefixLen(KindBackup)
	c := func(i int) []byte { return file[start+i*(minChunk+tagLen) : start+i*(minChunk+tagLen)+minChunk] }
	if bytes.Equal(c(0), c(1)) || bytes.Equal(c(1), c(2)) || bytes.Equal(c(0), c(2)) {
		t.Fatal("two chunks of zeros sealed to the same ciphertext: nonce reused")
	}
}

func code(err error) domain.Code {
	if err == nil {
		return ""
	}
	return domain.CodeOf(err)
}

func TestWrongPassphraseAndKind(t *testing.T) {
	file := sealBytes(t, random(t, 5000), minChunk)
	if _, _, err := openBytes(file, pass+"x", KindBackup); code(err) != domain.CodeWrongPassphrase {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if _, _, err := openBytes(file, "", KindBackup); code(err) != domain.CodeWrongPassphrase {
		t.Fatalf("empty passphrase: %v", err)
	}
	_, _, err := openBytes(file, pass, KindHandover)
	var de *domain.Error
	if code(err) != domain.CodeWrongFileKind || !errors.As(err, &de) || de.Params["kind"] != KindBackup {
		t.Fatalf("wrong kind: %v", err)
	}
}

// The same letters typed as a precomposed "æ" or as "a" + combining letters give one key.
func TestPassphraseIsNormalised(t *testing.T) {
	composed := "blåbærgrød på bordet"
	decomposed := "bla\u030abærgrød pa\u030a bordet"
	var out bytes.Buffer
	if err := seal(&out, bytes.NewReader([]byte("x")), composed, KindBackup, testParams, minChunk, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := openBytes(out.Bytes(), decomposed, KindBackup); err != nil {
		t.Fatalf("decomposed passphrase: %v", err)
	}
}

func TestWeakPassphrase(t *testing.T) {
	cases := []struct {
		name, pass string
		code       domain.Code
	}{
		{"empty", "", domain.CodeWeakPassphrase},
		{"short", "kort", domain.CodeWeakPassphrase},
		{"eleven", "elleve tegn", domain.CodeWeakPassphrase},
		{"eleven runes", "æblegrød på", domain.CodeWeakPassphrase},
		{"invalid UTF-8", "æblegrød på bordet\xc3", domain.CodeInvalidCharacters},
		{"short once trimmed", "   elleve tegn   ", domain.CodeWeakPassphrase},
		{"one character repeated", "aaaaaaaaaaaaaaaa", domain.CodeGuessablePassphrase},
		{"one letter repeated with spaces", "x x x x x x x x", domain.CodeGuessablePassphrase},
		{"two characters repeated", "abababababababab", domain.CodeGuessablePassphrase},
		{"only digits", "123456789012", domain.CodeGuessablePassphrase},
		{"a common word with digits", "Password1234", domain.CodeGuessablePassphrase},
		{"a Danish common word with a year", "adgangskode2026!", domain.CodeGuessablePassphrase},
		{"a season and a year", "Sommer2026!!", domain.CodeGuessablePassphrase},
		{"common words together", "kodeord kodeord kodeord", domain.CodeGuessablePassphrase},
		{"a keyboard row", "qwertyuiop12", domain.CodeGuessablePassphrase},
		{"the alphabet", "abcdefghijklmn", domain.CodeGuessablePassphrase},
		{"a zero-width space", "hest\u200bbatteri hæfteklamme", domain.CodeInvalidCharacters},
		{"a direction mark", "hest batteri hæfteklamme\u200f", domain.CodeInvalidCharacters},
		{"a no-break space", "hest\u00a0batteri hæfteklamme", domain.CodeInvalidCharacters},
		{"a tab", "hest\tbatteri hæfteklamme", domain.CodeInvalidCharacters},
		{"a newline", "hest batteri\nhæfteklamme", domain.CodeInvalidCharacters},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := seal(io.Discard, bytes.NewReader(nil), c.pass, KindBackup, testParams, minChunk, nil)
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != c.code {
				t.Fatalf("passphrase %q: %v, want %s", c.pass, err, c.code)
			}
			if c.code == domain.CodeWeakPassphrase && de.Params["min"] != "12" {
				t.Fatalf("passphrase %q: params %v", c.pass, de.Params)
			}
		})
	}
	// Twelve characters, even when several bytes each, are enough; so is a short sentence.
	for _, ok := range []string{"Ærø på Fyn å", pass, "Min kat hedder Bodil 2026", "sommerhus ved vesterhavet"} {
		if err := CheckPassphrase(ok); err != nil {
			t.Fatalf("%q: %v", ok, err)
		}
	}
}

// Spaces at the ends of a passphrase are dropped: typed with a trailing space or without,
// the file opens. A file sealed before the trimming, with the spaces in its key, opens too.
func TestPassphraseIsTrimmed(t *testing.T) {
	var out bytes.Buffer
	if err := seal(&out, bytes.NewReader([]byte("x")), "  "+pass+" ", KindBackup, testParams, minChunk, nil); err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{pass, " " + pass, pass + "\t"} {
		if _, _, err := openBytes(out.Bytes(), typed, KindBackup); err != nil {
			t.Fatalf("%q: %v", typed, err)
		}
	}
	old := sealUntrimmed(t, " "+pass+" ")
	if _, _, err := openBytes(old, " "+pass+" ", KindBackup); err != nil {
		t.Fatalf("a file sealed with the spaces: %v", err)
	}
	if _, _, err := openBytes(old, pass, KindBackup); code(err) != domain.CodeWrongPassphrase {
		t.Fatalf("a file sealed with the spaces, opened without: %v", err)
	}
}

// Every kind of damage is detected, and told apart from a wrong passphrase where the file
// allows it.
func TestDamage(t *testing.T) {
	const chunk = minChunk
	plain := random(t, 3*chunk+100) // 4 chunks
	file := sealBytes(t, plain, chunk)
	start := prefixLen(KindBackup)
	sealedChunk := chunk + tagLen
	flip := func(at int) []byte {
		b := bytes.Clone(file)
		b[at] ^= 0x01
		return b
	}
	swap := func() []byte { // chunks 1 and 2 change places
		b := bytes.Clone(file)
		c1 := bytes.Clone(b[start+sealedChunk : start+2*sealedChunk])
		copy(b[start+sealedChunk:], b[start+2*sealedChunk:start+3*sealedChunk])
		copy(b[start+2*sealedChunk:], c1)
		return b
	}
	cases := []struct {
		name string
		file []byte
		want domain.Code
	}{
		{"flipped byte in the magic", flip(0), domain.CodeNotEncrypted},
		{"flipped byte in the kind", flip(fixedPrefix + 2), domain.CodeFileDamaged},
		{"flipped byte in the salt", flip(fixedPrefix + 1 + len(KindBackup) + 9 + 3), domain.CodeFileDamaged},
		{"flipped byte in the key check", flip(start - 2*sumLen + 5), domain.CodeFileDamaged},
		{"flipped byte in the checksum", flip(start - 3), domain.CodeFileDamaged},
		{"flipped byte in the first chunk", flip(start + 10), domain.CodeFileDamaged},
		{"flipped byte in a middle chunk", flip(start + 2*sealedChunk + 500), domain.CodeFileDamaged},
		{"flipped byte in a chunk's tag", flip(start + sealedChunk - 1), domain.CodeFileDamaged},
		{"flipped byte in the last tag", flip(len(file) - 1), domain.CodeFileDamaged},
		{"chunks reordered", swap(), domain.CodeFileDamaged},
		{"cut after the header", file[:start], domain.CodeFileDamaged},
		{"cut at a chunk boundary", file[:start+2*sealedChunk], domain.CodeFileDamaged},
		{"cut inside a chunk", file[:start+sealedChunk+100], domain.CodeFileDamaged},
		{"last byte missing", file[:len(file)-1], domain.CodeFileDamaged},
		{"cut in the header", file[:fixedPrefix+5], domain.CodeFileDamaged},
		{"garbage appended", append(bytes.Clone(file), []byte("ekstra")...), domain.CodeFileDamaged},
		{"a whole chunk appended", append(bytes.Clone(file), file[start:start+sealedChunk]...), domain.CodeFileDamaged},
		{"last chunk dropped", append(bytes.Clone(file[:start+2*sealedChunk]), file[start+3*sealedChunk:]...), domain.CodeFileDamaged},
		{"empty file", nil, domain.CodeNotEncrypted},
		{"a plain SQLite file", []byte("SQLite format 3\x00 and then some pages"), domain.CodeNotEncrypted},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := openBytes(c.file, pass, KindBackup)
			if code(err) != c.want {
				t.Fatalf("got %v, want %s", err, c.want)
			}
		})
	}
	if got, _, err := openBytes(file, pass, KindBackup); err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("the undamaged file no longer opens: %v", err)
	}
}

func TestNewerVersionAndBadCost(t *testing.T) {
	file := sealBytes(t, []byte("x"), minChunk)
	newer := bytes.Clone(file)
	newer[len(Magic)] = FormatVersion + 1
	if _, _, err := openBytes(newer, pass, KindBackup); code(err) != domain.CodeFileNewer {
		t.Fatalf("newer version: %v", err)
	}
	// A crafted header asking for 4 GiB of memory, with a checksum that matches, is refused
	// before any key is derived.
	crafted := bytes.Clone(file)
	binary.BigEndian.PutUint32(crafted[fixedPrefix+1+len(KindBackup):], 4<<20)
	sumAt := prefixLen(KindBackup) - sumLen
	sum := sha256.Sum256(crafted[:sumAt])
	copy(crafted[sumAt:], sum[:])
	if _, _, err := openBytes(crafted, pass, KindBackup); code(err) != domain.CodeFileDamaged {
		t.Fatalf("4 GiB cost accepted: %v", err)
	}
}

func TestReadHeader(t *testing.T) {
	file := sealBytes(t, random(t, 10), minChunk)
	h, err := ReadHeader(bytes.NewReader(file))
	if err != nil || h.Kind != KindBackup || h.ChunkSize != minChunk {
		t.Fatalf("ReadHeader = %+v, %v", h, err)
	}
}

// Progress reaches the input's size and never goes back.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	plain := random(t, 10*minChunk+7)
	src := filepath.Join(dir, "plain")
	if err := os.WriteFile(src, plain, 0o600); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var calls int
	var last int64
	var enc bytes.Buffer
	err = seal(&enc, in, pass, KindBackup, testParams, minChunk, func(done, total int64) {
		if total != int64(len(plain)) || done < last || done > total {
			t.Fatalf("seal progress %d/%d after %d", done, total, last)
		}
		calls, last = calls+1, done
	})
	if err != nil || calls != 11 || last != int64(len(plain)) {
		t.Fatalf("seal: %v, %d calls, last %d", err, calls, last)
	}
	calls, last = 0, 0
	fileLen := int64(enc.Len())
	_, err = Open(io.Discard, bytes.NewReader(enc.Bytes()), pass, KindBackup, func(done, total int64) {
		if total != fileLen || done < last || done > total {
			t.Fatalf("open progress %d/%d after %d", done, total, last)
		}
		calls, last = calls+1, done
	})
	if err != nil || calls != 11 || last != fileLen {
		t.Fatalf("open: %v, %d calls, last %d of %d", err, calls, last, fileLen)
	}
}

// A failing writer is reported as a write failure, not as damage.
func TestWriteFailure(t *testing.T) {
	err := seal(failWriter{}, bytes.NewReader(random(t, 3000)), pass, KindBackup, testParams, minChunk, nil)
	if code(err) != domain.CodeWriteFailed {
		t.Fatalf("seal into a failing writer: %v", err)
	}
	file := sealBytes(t, random(t, 3000), minChunk)
	if _, err := Open(failWriter{}, bytes.NewReader(file), pass, KindBackup, nil); code(err) != domain.CodeWriteFailed {
		t.Fatalf("open into a failing writer: %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func BenchmarkSeal(b *testing.B) {
	plain := random(b, 32<<20)
	b.SetBytes(int64(len(plain)))
	for b.Loop() {
		if err := seal(io.Discard, bytes.NewReader(plain), pass, KindBackup, testParams, DefaultChunkSize, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	plain := random(b, 32<<20)
	file := sealBytes(b, plain, DefaultChunkSize)
	b.SetBytes(int64(len(plain)))
	for b.Loop() {
		if _, err := Open(io.Discard, bytes.NewReader(file), pass, KindBackup, nil); err != nil {
			b.Fatal(err)
		}
	}
}
