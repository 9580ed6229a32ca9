package auth

import (
	"strings"
	"testing"
)

func TestHashAndVerify(t *testing.T) {
	old := Default
	Default = Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	defer func() { Default = old }()

	h, err := Hash("korrekt hest batteri hæfteklamme")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash %q is not an Argon2id PHC string", h)
	}
	if ok, err := Verify(h, "korrekt hest batteri hæfteklamme"); err != nil || !ok {
		t.Fatalf("right password: ok=%v err=%v", ok, err)
	}
	for _, wrong := range []string{"", "korrekt hest batteri hæfteklamm", "Korrekt hest batteri hæfteklamme"} {
		if ok, _ := Verify(h, wrong); ok {
			t.Errorf("wrong password %q accepted", wrong)
		}
	}
	h2, _ := Hash("korrekt hest batteri hæfteklamme")
	if h2 == h {
		t.Error("two hashes of the same password are equal: the salt is not random")
	}
	if NeedsRehash(h) {
		t.Error("a hash made at the current cost must not need a rehash")
	}
	Default = old
	if !NeedsRehash(h) {
		t.Error("a hash cheaper than Default must need a rehash")
	}
}

func TestVerifyRejectsMalformed(t *testing.T) {
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=18$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=19$m=1024,t=1,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"} {
		if ok, err := Verify(bad, "x"); ok || err == nil {
			t.Errorf("Verify(%q) = %v, %v; want an error", bad, ok, err)
		}
	}
}
