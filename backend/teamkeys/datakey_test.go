package teamkeys

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestDataKeys(t *testing.T) {
	k, err := NewDataKey()
	if err != nil {
		t.Fatal(err)
	}
	k2, _ := NewDataKey()
	if k == k2 {
		t.Fatal("two new data keys are equal")
	}
	ad := []byte("citizen:0123456789abcdef0123456789abcdef/notes:fedcba9876543210fedcba9876543210")
	plain := []byte("Borgeren sov i opgangen i nat; aftalt besøg hos egen læge fredag.")
	sealed := SealData(k, plain, ad)
	if len(sealed) != len(plain)+DataOverhead {
		t.Errorf("sealed %d bytes, want %d", len(sealed), len(plain)+DataOverhead)
	}
	if bytes.Equal(SealData(k, plain, ad), sealed) {
		t.Error("two seals of the same value are equal: the nonce is not fresh")
	}
	got, err := OpenData(k, sealed, ad)
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("OpenData: %q, %v", got, err)
	}
	if got, err := OpenData(k, SealData(k, nil, nil), nil); err != nil || len(got) != 0 {
		t.Fatalf("empty value: %q, %v", got, err)
	}
	cases := []struct {
		name   string
		key    DataKey
		sealed []byte
		ad     []byte
	}{
		{"another key", k2, sealed, ad},
		{"other associated data (moved to another row)", k, sealed, []byte("citizen:x/notes:y")},
		{"no associated data", k, sealed, nil},
		{"a byte added", k, append(bytes.Clone(sealed), 0), ad},
		{"empty", k, nil, ad},
	}
	for i := range sealed {
		cases = append(cases, struct {
			name   string
			key    DataKey
			sealed []byte
			ad     []byte
		}{fmt.Sprintf("byte %d flipped", i), k, withByte(sealed, i, sealed[i]^0x01), ad})
	}
	for n := 0; n < len(sealed); n++ {
		cases = append(cases, struct {
			name   string
			key    DataKey
			sealed []byte
			ad     []byte
		}{fmt.Sprintf("cut at %d", n), k, sealed[:n], ad})
	}
	for _, tc := range cases {
		if got, err := OpenData(tc.key, tc.sealed, tc.ad); !errors.Is(err, ErrCorrupt) || got != nil {
			t.Errorf("%s: %q, %v, want ErrCorrupt", tc.name, got, err)
		}
	}
	for _, s := range []string{fmt.Sprint(k), fmt.Sprintf("%v %+v %#v %s", k, k, k, k)} {
		if strings.Contains(s, fmt.Sprint(k[0])+" "+fmt.Sprint(k[1])) {
			t.Errorf("printed data key shows its bytes: %s", s)
		}
	}
}
