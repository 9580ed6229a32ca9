package syncstore

import (
	"database/sql"
	"math"
	"math/rand/v2"
	"testing"

	_ "github.com/glebarez/go-sqlite"
)

// Every value a bulk insert hands SQLite as JSON comes back as the same value of the same
// type; a value JSON cannot carry exactly is refused, so that its rows go one by one.
func TestBulkJSONValuesComeBackUnchanged(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cases := []struct {
		in       any
		kind     string
		asString string
	}{
		{nil, "null", ""},
		{int64(0), "integer", "0"},
		{int64(math.MaxInt64), "integer", "9223372036854775807"},
		{int64(math.MinInt64), "integer", "-9223372036854775808"},
		{3.0, "real", "3.0"},
		{-0.25, "real", "-0.25"},
		{1e300, "real", "1.0e+300"},
		{"", "text", ""},
		{`"citat" og \ skråstreg`, "text", `"citat" og \ skråstreg`},
		{"linje 1\nlinje 2\r\n\tind", "text", "linje 1\nlinje 2\r\n\tind"},
		{"styretegn \x01\x1f\x7f", "text", "styretegn \x01\x1f\x7f"},
		{"Åse Ærø 😀 مرحبا \u2028 <b>&amp;</b>", "text", "Åse Ærø 😀 مرحبا \u2028 <b>&amp;</b>"},
	}
	for _, c := range cases {
		buf, ok := appendJSON([]byte("["), c.in)
		if !ok {
			t.Fatalf("%q refused", c.in)
		}
		buf = append(buf, ']')
		var kind string
		var got sql.NullString
		if err := db.QueryRow(`SELECT typeof(value), CAST(value AS TEXT) FROM jsonb_each(?)`, string(buf)).Scan(&kind, &got); err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if kind != c.kind || (c.in != nil && got.String != c.asString) {
			t.Errorf("%q came back as %s %q, want %s %q", c.in, kind, got.String, c.kind, c.asString)
		}
	}
	// Random text from an alphabet of what needs escaping and what does not.
	alphabet := []rune("aZ æøåÆØÅ\"\\/\b\f\n\r\t\x01\x1f\x7f\u0080\u00a0\u2028\u2029\ufeff\ufffd😀مرحباשלום")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		r := make([]rune, rng.IntN(40))
		for j := range r {
			r[j] = alphabet[rng.IntN(len(alphabet))]
		}
		in := string(r)
		buf, ok := appendJSON([]byte("["), in)
		if !ok {
			t.Fatalf("%q refused", in)
		}
		var got string
		if err := db.QueryRow(`SELECT value FROM jsonb_each(?)`, string(append(buf, ']'))).Scan(&got); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if got != in {
			t.Fatalf("%q came back as %q", in, got)
		}
	}
	for _, bad := range []any{math.NaN(), math.Inf(1), "a\x00b", "\xff\xfe", true, []byte("x")} {
		if _, ok := appendJSON(nil, bad); ok {
			t.Errorf("%q was not refused", bad)
		}
	}
}
