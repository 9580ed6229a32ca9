package crypt

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"icm/backend/domain"
)

// minDistinct is the fewest different characters (spaces and case aside) a passphrase needs:
// fewer means one character or a short run of them repeated.
const minDistinct = 5

// normalized is the passphrase the key is made from: NFC, so that the same letters typed on
// another system give the same key, and without spaces at the ends, which nobody sees.
func normalized(passphrase string) string {
	return strings.TrimSpace(norm.NFC.String(passphrase))
}

// CheckPassphrase reports a passphrase too weak to seal a file with. Spaces at the ends do
// not count. It must have MinPassphrase characters (weak_passphrase), no invisible or control
// characters, which nobody can type again from what they see (invalid_characters), and it
// must not be easy to guess (guessable_passphrase): one character or a short run repeated,
// only digits and signs, or nothing but common passwords, words and keyboard runs with
// digits and signs around them.
func CheckPassphrase(passphrase string) error {
	p := normalized(passphrase)
	for _, r := range p {
		if r != ' ' && (unicode.IsControl(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError) {
			return domain.E(domain.CodeInvalidCharacters, "passphrase has an invisible character")
		}
	}
	if utf8.RuneCountInString(p) < MinPassphrase {
		return domain.E(domain.CodeWeakPassphrase, "passphrase too short").With("min", strconv.Itoa(MinPassphrase))
	}
	if guessable(p) {
		return domain.E(domain.CodeGuessablePassphrase, "passphrase easy to guess")
	}
	return nil
}

// guessable: too few different characters, or its letters are only common words.
func guessable(p string) bool {
	lower := strings.ToLower(p)
	distinct := map[rune]bool{}
	var letters strings.Builder
	for _, r := range lower {
		if r != ' ' {
			distinct[r] = true
		}
		if unicode.IsLetter(r) {
			letters.WriteRune(r)
		}
	}
	if len(distinct) < minDistinct {
		return true
	}
	core := letters.String()
	if core == "" {
		return true // only digits and signs
	}
	for _, run := range keyboardRuns {
		if strings.Contains(run, core) {
			return true
		}
	}
	return onlyCommonWords(core)
}

// onlyCommonWords reports whether s splits into words of commonWords alone ("kodeordkodeord",
// "sommervinter").
func onlyCommonWords(s string) bool {
	ok := make([]bool, len(s)+1) // ok[i]: s[:i] splits
	ok[0] = true
	for i := 1; i <= len(s); i++ {
		for _, w := range commonWords {
			if len(w) <= i && ok[i-len(w)] && s[i-len(w):i] == w {
				ok[i] = true
				break
			}
		}
	}
	return ok[len(s)]
}

// keyboardRuns are the letters in the order of the Danish keyboard and the alphabet: any
// run along them is guessed early.
var keyboardRuns = []string{"qwertyuiopå", "asdfghjklæø", "zxcvbnm", "abcdefghijklmnopqrstuvwxyzæøå",
	"åøæzyxwvutsrqponmlkjihgfedcba", "qazwsxedcrfvtgbyhnujmikolp"}

// commonWords are the passwords and words that guessing lists try first, in Danish and
// English, in lower case without digits (those are stripped before the check). Each has four
// letters or more, so that ordinary sentences do not split into them by chance.
var commonWords = []string{
	"password", "passw", "passwd", "adgangskode", "adgangsfrase", "kodeord", "kode", "hemmelig", "hemmeligt",
	"secret", "sikkerhedskopi", "sikkerhed", "backup", "admin", "administrator", "login", "logon", "user",
	"bruger", "welcome", "velkommen", "letmein", "iloveyou", "jegelskerdig", "elskerdig", "test", "testing",
	"qwerty", "asdf", "zxcv", "abcd", "monkey", "dragon", "master", "shadow", "sunshine", "princess",
	"football", "fodbold", "baseball", "superman", "batman", "trustno", "whatever", "freedom", "hello",
	"hejmeddig", "hejsa", "sommer", "vinter", "forår", "efterår", "foraar", "efteraar", "summer", "winter",
	"spring", "autumn", "januar", "februar", "marts", "april", "juni", "juli", "august", "september",
	"oktober", "november", "december", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag",
	"søndag", "danmark", "denmark", "københavn", "kobenhavn", "aarhus", "odense", "aalborg", "kommune",
	"team", "teamet", "borger", "icmteam", "correcthorsebatterystaple",
}
