package teamsync

import (
	"bytes"
	"compress/gzip"
	"testing"

	"icm/backend/syncstore"
)

// FuzzDecodeBatch: the content of a verified file is still read defensively (a laptop of the
// team may be compromised). Whatever the bytes, decoding never panics, and what it accepts
// encodes again and decodes to the same changes.
func FuzzDecodeBatch(f *testing.F) {
	sample := &batch{Deps: map[string]uint64{"0123456789abcdef0123456789abcdef": 7}, MaxHLC: "0192a3b4c5d60001-0123456789abcdef0123456789abcdef",
		Team: []syncstore.Change{{Table: "workers", UID: "fedcba9876543210fedcba9876543210", Op: syncstore.OpPut,
			Cols: map[string]any{"name": "Anna Berg", "fte_hundredths": int64(100), "active": int64(1)},
			HLC:  map[string]string{"name": "h1", "fte_hundredths": "h1", "active": "h1"}}},
		Audit: []auditEntry{{ID: 3, At: "2026-12-01T10:00:00Z", Action: "create", Hash: "ab", PrevHash: "aa"}}}
	data, err := encodeBatch(sample)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte{})
	f.Add([]byte("not gzip"))
	for _, plain := range []string{`{"format":1}`, `{"format":2}`, `{"format":1,"team":[{"op":"put","cols":{"x":1e400}}]}`,
		`{"format":1,"team":[{"hlc":{"*":"h"},"op":"del"}]}`, `{"format":1,"deps":{"a":-1}}`, `[[[[[[[[[[]]]]]]]]]]`} {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(plain))
		zw.Close()
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := decodeBatch(data)
		if err != nil {
			return
		}
		again, err := encodeBatch(b)
		if err != nil {
			t.Fatalf("an accepted batch does not encode again: %v", err)
		}
		b2, err := decodeBatch(again)
		if err != nil || len(b2.Team) != len(b.Team) || len(b2.Citizens) != len(b.Citizens) || len(b2.Audit) != len(b.Audit) {
			t.Fatalf("re-encoded batch differs: %v", err)
		}
	})
}
