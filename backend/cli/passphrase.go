package cli

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// errPassphraseEncoding is decodePassphrase's refusal of a file in another encoding.
var errPassphraseEncoding = errors.New("passphrase file: not UTF-8 or UTF-16 with a byte order mark")

// decodePassphrase reads a passphrase file as Windows tools write it: UTF-8 with or without
// a byte order mark (Notepad, PowerShell 7, every Linux editor), UTF-16 little or big endian
// with one (Windows PowerShell 5.1's `'…' > file`, Notepad's "Unicode"). Anything else, an
// ANSI code page or UTF-16 without a mark, is refused rather than read as other characters:
// a backup sealed with the wrong characters opens only with that same file. The passphrase
// is the first line, without its line ending.
func decodePassphrase(b []byte) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		if !utf8.Valid(b) {
			return "", errPassphraseEncoding
		}
		s = string(b)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		little := b[0] == 0xFF
		b = b[2:]
		if len(b)%2 != 0 {
			return "", errPassphraseEncoding
		}
		units := make([]uint16, len(b)/2)
		for i := range units {
			if little {
				units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		s = string(utf16.Decode(units))
		if strings.ContainsRune(s, utf8.RuneError) {
			return "", errPassphraseEncoding // an unpaired surrogate: not text
		}
	default:
		if !utf8.Valid(b) {
			return "", errPassphraseEncoding
		}
		s = string(b)
	}
	if strings.ContainsRune(s, 0) {
		return "", errPassphraseEncoding // UTF-16 without its mark reads as NULs between letters
	}
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSuffix(line, "\r"), nil
}
