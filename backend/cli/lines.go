package cli

import (
	"fmt"
	"io"
)

// The lines a command prints that are no refusal (its outcome, a status row, a notice), in
// Danish and English beside the refusals of messages: the same message pair, the same
// da/en/both choice. Each holds the same verbs (%s, %d) in the same order in both languages;
// the test checks it.
const (
	lineDemoLoaded        = "demo_loaded"
	lineDemoTeamReady     = "demo_team_ready"
	lineDemoTeamLead      = "demo_team_lead"
	lineDemoTeamWorker    = "demo_team_worker"
	lineDemoTeamTry       = "demo_team_try"
	lineBackupWritten     = "backup_written"
	lineRestored          = "restored"
	linePreviousKept      = "previous_kept"
	lineNothingRestored   = "nothing_restored"
	lineRestoredNoOpen    = "restored_no_open"
	lineRestoredNoAudit   = "restored_no_audit"
	lineCurrentNoOpen     = "current_no_open"
	lineReadOnly          = "read_only"
	linePlanWritten       = "plan_written"
	lineTemplateWritten   = "template_written"
	lineReplacedChars     = "replaced_chars"
	lineSyncOnce          = "sync_once"
	lineSyncJoined        = "sync_join"
	lineSyncFounded       = "sync_found"
	lineSyncEnrolled      = "sync_enrolled"
	lineSyncRevoked       = "sync_revoked"
	lineStatusFolder      = "status_folder"
	lineStatusTeam        = "status_team"
	lineStatusLaptop      = "status_laptop"
	lineStatusRestored    = "status_restored"
	lineStatusRevoked     = "status_revoked"
	lineStatusNotEnrolled = "status_not_enrolled"
	lineStatusLead        = "status_lead"
	lineStatusEnrolled    = "status_enrolled"
	lineStatusPublished   = "status_published"
	lineStatusApplied     = "status_applied"
	lineStatusRefused     = "status_refused"
	lineStatusConflicts   = "status_conflicts"
	lineStatusWaiting     = "status_waiting"
	lineRequestWaiting    = "request_waiting"
	lineRequestEnrolled   = "request_enrolled"
)

// lines holds every such line; status rows keep their label column in each language.
var lines = map[string]message{
	lineDemoLoaded: {"Demodata er lagt i %s", "Demo data loaded into %s"},
	lineDemoTeamReady: {"Demoteamet er klar i %s: to computere, der deler en teammappe.",
		"The demo team is ready in %s: two laptops sharing a team folder."},
	lineDemoTeamLead: {"Teamlederens vindue:     icm -db %s   (log ind som %s med adgangskoden %s)",
		"The team lead's window:  icm -db %s   (sign in as %s with the password %s)"},
	lineDemoTeamWorker: {"Medarbejderens vindue:   icm -db %s   (log ind som %s med adgangskoden %s)",
		"The worker's window:     icm -db %s   (sign in as %s with the password %s)"},
	lineDemoTeamTry: {"Prøv: skriv et journalnotat hos en af Aishas borgere (fx Camilla Frost) i det ene vindue, og se det komme frem i det andet efter få sekunder. Vinduerne åbner oven på hinanden: flyt det ene til side. Teammappen er %s.",
		"Try it: write a journal note for one of Aisha's citizens (Camilla Frost, say) in one window and watch it appear in the other within seconds. The windows open on top of each other: move one aside. The team folder is %s."},
	lineBackupWritten: {"Krypteret sikkerhedskopi skrevet til %s (%d bytes, %d borgere)", "Encrypted backup written to %s (%d bytes, %d citizens)"},
	lineRestored: {"Sikkerhedskopien fra %s (%d borgere, %d medarbejdere) er gendannet i %s",
		"Restored the backup of %s (%d citizens, %d workers) into %s"},
	linePreviousKept:    {"Databasen fra før gendannelsen er gemt som %s", "The database before the restore is kept as %s"},
	lineNothingRestored: {"Intet er gendannet.", "Nothing was restored."},
	lineRestoredNoOpen: {"Sikkerhedskopien er lagt på plads, men databasen kan ikke åbnes.",
		"The backup is in place, but the database does not open."},
	lineRestoredNoAudit: {"Sikkerhedskopien er lagt på plads, men gendannelsen står ikke i revisionsloggen.",
		"The backup is in place, but the restore is not in the audit log."},
	lineCurrentNoOpen: {"Den nuværende database kan ikke åbnes; den gemmes, som den er (%s).",
		"The current database does not open; it is kept as it is (%s)."},
	lineReadOnly: {"Databasen kan ikke skrives og er åbnet skrivebeskyttet: eksporten noteres ikke i dens revisionslog.",
		"The database cannot be written and was opened read-only: the export is not recorded in its audit log."},
	linePlanWritten:     {"Planen er skrevet til %s", "Plan written to %s"},
	lineTemplateWritten: {"Metodeskabelonen er skrevet til %s", "Method template written to %s"},
	lineReplacedChars: {"PDF'ens skrift mangler disse tegn; de står som □ eller et lignende bogstav: %s",
		"The PDF's font lacks these characters; they print as □ or a similar letter: %s"},
	lineSyncOnce: {"%d pakker anvendt (%d ændringer, %d afvist, %d konflikter gemt); %d computere venter.",
		"Applied %d batches (%d changes, %d refused, %d conflicts kept); %d laptops waiting."},
	lineSyncJoined: {"Anmodningen om at komme med ligger i teammappen. Teamlederen optager computeren efter at have sammenlignet koden %s.",
		"Join request left in the team folder. The team lead enrolls this laptop after comparing the code %s."},
	lineSyncFounded: {"Teammappen er klar i %s. Denne computers kode (giv den til medarbejderne, der skal med): %s",
		"Team folder ready at %s. This laptop's code (give it to the workers who join): %s"},
	lineSyncEnrolled: {"Udført: computeren %s er optaget i teamet.", "Done: enroll %s."},
	lineSyncRevoked:  {"Udført: computeren %s er taget ud af teamet.", "Done: revoke %s."},

	lineStatusFolder: {"Teammappe:        %s", "Team folder:   %s"},
	lineStatusTeam:   {"Team:             %s", "Team:          %s"},
	lineStatusLaptop: {"Denne computer:   %s (kode %s)", "This laptop:   %s (code %s)"},
	lineStatusRestored: {"Medlemskab:       stoppet: databasen er lagt tilbage fra en sikkerhedskopi, der er ældre end det, computeren\n" +
		"                  har sendt til teammappen; meld computeren ind igen som en ny computer (se README)",
		"Membership:    stopped: this database was put back from a backup older than what the laptop\n" +
			"               sent to the team folder; join the team again as a new laptop (see the README)"},
	lineStatusRevoked:     {"Medlemskab:       taget ud: computeren er taget ud af teamet", "Membership:    revoked: this laptop was taken out of the team"},
	lineStatusNotEnrolled: {"Medlemskab:       venter på, at teamlederen optager computeren", "Membership:    waiting for the team lead to enroll this laptop"},
	lineStatusLead: {"Medlemskab:       optaget, teamlederens computer (medlemsliste %d, %d computere)",
		"Membership:    enrolled, team lead's laptop (roster %d, %d laptops)"},
	lineStatusEnrolled: {"Medlemskab:       optaget (medlemsliste %d, %d computere)", "Membership:    enrolled (roster %d, %d laptops)"},
	lineStatusPublished: {"Sendt:            %d pakker; %d ændringer venter på at blive sendt",
		"Published:     %d batches; %d changes waiting to go out"},
	lineStatusApplied: {"Anvendt:          computer %s til og med pakke %d", "Applied:       laptop %s up to batch %d"},
	lineStatusRefused: {"Afvist:           %d ændringer (ingen ret til dem, eller mod en regel)",
		"Refused:       %d changes (no right to make them, or against a rule)"},
	lineStatusConflicts: {"Konflikter:       %d værdier gemt efter en samtidig ændring",
		"Conflicts:     %d values kept after a concurrent change"},
	lineStatusWaiting:   {"Venter:           %s: %s (%s; set %d gange siden %s)", "Waiting:       %s: %s (%s; seen %d times since %s)"},
	lineRequestWaiting:  {"%s  kode %s  venter    %s", "%s  code %s  waiting   %s"},
	lineRequestEnrolled: {"%s  kode %s  optaget   %s", "%s  code %s  enrolled  %s"},
}

// said is one line to print: its key and the values for its verbs.
type said struct {
	key  string
	args []any
}

// say prints lines to w in the command's language(s): every line in Danish, then every
// line in English when both are asked for, so that a block (the status) reads whole in
// each. prefix ("icm: " on stderr) starts each line.
func say(io cliIO, w io.Writer, prefix string, ls ...said) {
	for _, lang := range []language{langDa, langEn} {
		if io.lang != langBoth && io.lang != lang {
			continue
		}
		for _, l := range ls {
			m := lines[l.key]
			text := m.en
			if lang == langDa {
				text = m.da
			}
			args := make([]any, len(l.args))
			for i, a := range l.args {
				if t, ok := a.(localized); ok {
					a = t.en
					if lang == langDa {
						a = t.da
					}
				}
				args[i] = a
			}
			fmt.Fprintln(w, prefix+fmt.Sprintf(text, args...))
		}
	}
}

// localized is a value of a line that is itself text, in both languages: say prints the
// line's language.
type localized message

// line is one line to print.
func line(key string, args ...any) said { return said{key, args} }

// report prints a command's outcome on stdout in the command's language(s).
func report(io cliIO, key string, args ...any) { say(io, io.stdout, "", line(key, args...)) }

// notice prints a line that is no error on stderr in the command's language(s).
func notice(io cliIO, key string, args ...any) { say(io, io.stderr, "icm: ", line(key, args...)) }

// inLang is da, en or both (for a prompt or a progress line, on one line) in the command's
// language.
func inLang(io cliIO, da, en, both string) string {
	switch io.lang {
	case langDa:
		return da
	case langEn:
		return en
	}
	return both
}

// phaseNames are the backup and restore phases (backup.Phase*) as the console shows them.
var phaseNames = map[string]message{
	"snapshot": {"kopierer", "copying"},
	"encrypt":  {"krypterer", "encrypting"},
	"decrypt":  {"dekrypterer", "decrypting"},
	"verify":   {"kontrollerer", "verifying"},
}

// phaseName is a phase in the command's language(s); an unknown one as it is.
func phaseName(io cliIO, phase string) string {
	m, ok := phaseNames[phase]
	if !ok {
		return phase
	}
	return inLang(io, m.da, m.en, m.da+"/"+m.en)
}
