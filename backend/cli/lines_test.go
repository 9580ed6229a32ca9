package cli

import (
	"regexp"
	"strings"
	"testing"

	"icm/backend/backup"
	"icm/backend/teamsync"
)

// verbs lists a format's verbs in order.
func verbs(format string) string {
	var b strings.Builder
	for i := 0; i < len(format)-1; i++ {
		if format[i] == '%' {
			b.WriteByte(format[i+1])
			i++
		}
	}
	return b.String()
}

// Every line is written in both languages and takes the same values in the same order.
func TestEveryLineInBothLanguages(t *testing.T) {
	for key, m := range lines {
		if m.da == "" || m.en == "" || m.da == m.en {
			t.Errorf("%s: not in both languages: %q / %q", key, m.da, m.en)
		}
		if verbs(m.da) != verbs(m.en) {
			t.Errorf("%s: the verbs differ: %q / %q", key, verbs(m.da), verbs(m.en))
		}
	}
	for _, phase := range []string{backup.PhaseSnapshot, backup.PhaseEncrypt, backup.PhaseDecrypt, backup.PhaseVerify} {
		if _, ok := phaseNames[phase]; !ok {
			t.Errorf("the phase %q has no name", phase)
		}
	}
	for _, kind := range []string{teamsync.ProblemNewer, teamsync.ProblemRefused, teamsync.ProblemRevoked, teamsync.ProblemWaiting} {
		if _, ok := problemKinds[kind]; !ok {
			t.Errorf("the problem kind %q has no text", kind)
		}
	}
}

// say prints a block whole in each language, Danish first, and a localized value in the
// line's language.
func TestSayPrintsABlockPerLanguage(t *testing.T) {
	rows := []said{line(lineStatusTeam, "T1"),
		{lineStatusWaiting, []any{"f.batch", problemText(teamsync.ProblemNewer), teamsync.ProblemNewer, 2, "01.12.2026"}}}
	cases := []struct {
		lang language
		want string
	}{
		{langDa, "Team:             T1\nVenter:           f.batch: skrevet af en nyere version af ICM; opdatér ICM på denne computer (file_newer; set 2 gange siden 01.12.2026)\n"},
		{langEn, "Team:          T1\nWaiting:       f.batch: written by a newer version of ICM; update ICM on this laptop (file_newer; seen 2 times since 01.12.2026)\n"},
	}
	for _, c := range cases {
		io, out, _ := testIO(nil)
		io.lang = c.lang
		say(io, io.stdout, "", rows...)
		if out.String() != c.want {
			t.Errorf("lang %d:\n%s\nwant\n%s", c.lang, out, c.want)
		}
	}
	io, out, _ := testIO(nil)
	say(io, io.stdout, "", rows...)
	if s := out.String(); strings.Index(s, "Venter:") > strings.Index(s, "Team:          T1") {
		t.Errorf("both: not Danish block then English block:\n%s", s)
	}
}

// Every line the sync commands print on success or as status is in the chosen language:
// found, join, status (waiting and enrolled), requests, enroll, once and revoke, in Danish
// and in English, with nothing of the other language.
func TestSyncLinesSpeakTheChosenLanguage(t *testing.T) {
	codeRE := regexp.MustCompile(`[0-9A-F]{4}(-[0-9A-F]{4}){4}`)
	type step struct {
		name string
		args func() []string
		want map[string]string // language -> a phrase of its line
	}
	// Phrases that only the other language's lines hold.
	foreign := map[string][]string{
		"da": {"Team folder", "Membership", "Published", "Applied", "Refused", "Conflicts", "Done:", "batches", "code ", "waiting", "enrolled"},
		"en": {"Teammappe", "Medlemskab", "Sendt", "Anvendt", "Afvist", "Konflikter", "Udført", "pakker", "kode ", "venter", "optaget"},
	}
	for _, lang := range []string{"da", "en"} {
		t.Run(lang, func(t *testing.T) {
			lead, laptop := demoDB(t), emptyDB(t)
			folder := t.TempDir()
			var leadCode, laptopID string
			steps := []step{
				{"found", func() []string { return []string{"found", "-db", lead, "-folder", folder, "-lead", "ML"} },
					map[string]string{"da": "Teammappen er klar i " + folder, "en": "Team folder ready at " + folder}},
				{"join", func() []string { return []string{"join", "-db", laptop, "-folder", folder, "-lead-code", leadCode} },
					map[string]string{"da": "Teamlederen optager computeren", "en": "The team lead enrolls this laptop"}},
				{"status waiting", func() []string { return []string{"status", "-db", laptop} },
					map[string]string{"da": "Medlemskab:       venter på, at teamlederen optager computeren", "en": "Membership:    waiting for the team lead"}},
				{"requests", func() []string { return []string{"requests", "-db", lead} },
					map[string]string{"da": "  venter  ", "en": "  waiting  "}},
				{"enroll", func() []string { return []string{"enroll", "-db", lead, "-laptop", laptopID, "-worker", "JØ"} },
					map[string]string{"da": "er optaget i teamet", "en": "Done: enroll " + laptopID}},
				{"once", func() []string { return []string{"once", "-db", laptop} },
					map[string]string{"da": "pakker anvendt", "en": "Applied "}},
				{"status enrolled", func() []string { return []string{"status", "-db", laptop} },
					map[string]string{"da": "Medlemskab:       optaget (medlemsliste 2, 2 computere)", "en": "Membership:    enrolled (roster 2, 2 laptops)"}},
				{"status lead", func() []string { return []string{"status", "-db", lead} },
					map[string]string{"da": "teamlederens computer", "en": "team lead's laptop"}},
				{"revoke", func() []string { return []string{"revoke", "-db", lead, "-laptop", laptopID} },
					map[string]string{"da": "er taget ud af teamet", "en": "Done: revoke " + laptopID}},
			}
			for _, s := range steps {
				code, out, errs := runSyncCmd(t, append(s.args(), "-lang", lang)...)
				if code != 0 || !strings.Contains(out, s.want[lang]) {
					t.Fatalf("%s: exit %d\n%s%s", s.name, code, out, errs)
				}
				for _, other := range foreign[lang] {
					if strings.Contains(out, other) {
						t.Errorf("%s: %q of the other language in\n%s", s.name, other, out)
					}
				}
				switch s.name {
				case "found":
					leadCode = codeRE.FindString(out)
				case "requests":
					laptopID = strings.Fields(out)[0]
				}
			}
		})
	}
}

// A flag the command does not have, or one without its value, is named in the chosen
// language with its code (never the flag package's English line, never the value given),
// and the command's usage follows; exit 2 as before.
func TestWrongFlagsSpeakTheChosenLanguage(t *testing.T) {
	cases := []struct {
		args []string
		want map[string]string
	}{
		{[]string{"-nope"}, map[string]string{"da": "Kommandoen kender ikke flaget -nope.", "en": "The command does not know the flag -nope."}},
		{[]string{"backup", "-out", "x", "-nope"}, map[string]string{"da": "Kommandoen kender ikke flaget -nope.", "en": "The command does not know the flag -nope."}},
		{[]string{"sync", "enroll", "-laptop", "a", "-worker"}, map[string]string{"da": "Flaget -worker mangler sin værdi", "en": "The flag -worker lacks its value"}},
		{[]string{"-export-plan", "hemmelig-sti"}, map[string]string{"da": "Flaget -export-plan mangler sin værdi", "en": "The flag -export-plan lacks its value"}},
		{[]string{"restore", "-in"}, map[string]string{"da": "Flaget -in mangler sin værdi", "en": "The flag -in lacks its value"}},
	}
	for _, c := range cases {
		for _, lang := range []string{"da", "en"} {
			io, _, stderr := testIO(nil)
			_, code, _ := run(append([]string{"icmctl", "-lang", lang}, c.args...), io)
			s := stderr.String()
			if code != 2 || !strings.Contains(s, c.want[lang]) || !strings.Contains(s, "usage: icmctl") ||
				strings.Contains(s, "flag provided") || strings.Contains(s, "needs an argument") || strings.Contains(s, "hemmelig-sti") {
				t.Errorf("%v %s: exit %d\n%s", c.args, lang, code, s)
			}
		}
	}
}
