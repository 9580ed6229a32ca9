package cli

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"icm/backend/domain"
	"icm/backend/store"
)

// cliCodes is every code the headless commands can print: the refusals of the store, the
// encrypted files, the backup and export services they call, and their own.
var cliCodes = []domain.Code{
	domain.CodeNotFound, domain.CodeDatabaseCorrupt, domain.CodeDatabaseLocked, domain.CodeDatabaseNewer,
	store.CodeSchemaOld, domain.CodeWriteFailed, domain.CodeExportFailed, domain.CodeNotEmpty,
	domain.CodeWeakPassphrase, domain.CodeGuessablePassphrase, domain.CodeInvalidCharacters,
	domain.CodeWrongPassphrase, domain.CodeFileDamaged, domain.CodeNotEncrypted, domain.CodeWrongFileKind,
	domain.CodeFileNewer, domain.CodeBackupInvalid, domain.CodeAuditChainBroken, domain.CodeTeamFolderOffline,
	domain.CodeInternal, domain.CodeNotICMDatabase,
	codeNoDataFolder, codeNoPassphrase, codePassphraseFile, codePassphraseCoding, codePassphraseDiffer,
	codeAppRunning, codeLockFailed, codeNotJoined, codeNotAFile, codeNotADatabase, codeCannotRead, codePassphraseTooLarge, codeOutRequired,
	domain.CodeTeamMissing,
	codeSyncNoFolder, codeSyncHasData, codeSyncJoined, codeSyncNotLead, codeSyncNoRequest, codeSyncRevoked,
	codeSyncOwnLaptop, codeSyncNotMember, codeSyncNoWorker, codeSyncLeadCode, codeSyncRestored, codeSyncUnclassified,
	codeUnknownFlag, codeFlagValue, codeDemoDirInUse, codeDemoNotComplete,
}

// Every code has its own message in both languages: a sentence that says what is wrong,
// then one that says what to do, the subject filled in, and the code after it.
func TestEveryCodeHasAnActionableMessage(t *testing.T) {
	sentences := regexp.MustCompile(`^\p{Lu}.*[.)] .*\p{Lu}.*\.$`)
	for _, code := range cliCodes {
		if _, ok := messages[messageKey{code, ""}]; !ok {
			t.Errorf("%s: no general message", code)
		}
	}
	for key, m := range messages {
		if !slices.Contains(cliCodes, key.code) {
			t.Errorf("%s: a message for a code missing from cliCodes", key.code)
		}
		for lang, text := range map[string]string{"da": m.da, "en": m.en} {
			if !sentences.MatchString(text) {
				t.Errorf("%v %s: %q is not two sentences (what is wrong, what to do)", key, lang, text)
			}
		}
		if strings.Contains(m.da, "{x}") != strings.Contains(m.en, "{x}") {
			t.Errorf("%v: only one language names the subject", key)
		}
		for lang, l := range map[string]language{"da": langDa, "en": langEn} {
			lines := explain(key.code, key.about, `C:\Users\it\icm.db`, l)
			want := " (" + string(key.code) + ")"
			if len(lines) != 1 || !strings.HasSuffix(lines[0], want) || strings.Contains(lines[0], "{x}") {
				t.Errorf("%v %s: %q", key, lang, lines)
			}
			if strings.Contains(m.da, "{x}") && !strings.Contains(lines[0], `C:\Users\it\icm.db`) {
				t.Errorf("%v %s: the subject is missing: %q", key, lang, lines[0])
			}
		}
		if both := explain(key.code, key.about, "x", langBoth); len(both) != 2 {
			t.Errorf("%v: both languages give %d lines", key, len(both))
		}
	}
}

// The example, word for word in its meaning, and a code nobody foresaw still says
// something a person can act on, with the code.
func TestExplain(t *testing.T) {
	got := explain(domain.CodeNotFound, aboutDB, `C:\Users\it\icm.db`, langDa)
	want := `Databasen findes ikke: C:\Users\it\icm.db. Kontrollér stien i -db (eller ICM_DB). (not_found)`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	got = explain("something_new", "", "", langEn)
	if len(got) != 1 || !strings.HasPrefix(got[0], "An unexpected error occurred.") || !strings.HasSuffix(got[0], "(something_new)") {
		t.Errorf("unknown code: %q", got)
	}
	// Not a domain error: internal.
	io, _, stderr := testIO(nil)
	io.lang = langEn
	if code := fail(io, 1, errors.New("disk I/O error on /home/x"), aboutDB, ""); code != 1 ||
		!strings.HasSuffix(strings.TrimSpace(stderr.String()), "(internal)") || strings.Contains(stderr.String(), "/home/x") {
		t.Errorf("plain error: %q", stderr)
	}
}

func TestLanguageOf(t *testing.T) {
	for _, c := range []struct {
		flag string
		env  map[string]string
		want language
	}{
		{"", nil, langBoth}, // Windows: none set
		{"", map[string]string{"LANG": "da_DK.UTF-8"}, langDa}, // a Danish Linux
		{"", map[string]string{"LANG": "en_GB.UTF-8"}, langEn},
		{"", map[string]string{"LANG": "C.UTF-8"}, langBoth},
		{"", map[string]string{"LANG": "da_DK.UTF-8", "LC_ALL": "en_US.UTF-8"}, langEn},
		{"", map[string]string{"ICM_LANG": "da", "LC_ALL": "en_US.UTF-8"}, langDa},
		{"en", map[string]string{"ICM_LANG": "da"}, langEn},
		{"DA", nil, langDa},
		{"both", map[string]string{"LANG": "en_GB.UTF-8"}, langBoth},
	} {
		if got := languageOf(c.flag, func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("languageOf(%q, %v) = %v, want %v", c.flag, c.env, got, c.want)
		}
	}
}

func TestTakeLang(t *testing.T) {
	for _, c := range []struct {
		in   []string
		rest []string
		lang string
	}{
		{[]string{"backup", "-out", "x", "-lang", "en"}, []string{"backup", "-out", "x"}, "en"},
		{[]string{"-lang=da", "-version"}, []string{"-version"}, "da"},
		{[]string{"--lang", "en", "sync", "status"}, []string{"sync", "status"}, "en"},
		{[]string{"-db", "lang"}, []string{"-db", "lang"}, ""},
		{[]string{"backup", "-out", "-lang", "-lang", "da"}, []string{"backup", "-out", "-lang"}, "da"},
		{[]string{"-version", "-lang"}, []string{"-version"}, ""},
	} {
		rest, lang := takeLang(c.in)
		if !slices.Equal(rest, c.rest) || lang != c.lang {
			t.Errorf("takeLang(%v) = %v %q, want %v %q", c.in, rest, lang, c.rest, c.lang)
		}
	}
}
