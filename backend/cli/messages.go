package cli

import (
	"fmt"
	"strings"

	"icm/backend/domain"
	"icm/backend/store"
)

// Codes of the headless commands' own refusals, beside the domain's codes.
const (
	codeNoDataFolder       domain.Code = "no_data_folder"            // the user's data folder cannot be found
	codeNoPassphrase       domain.Code = "no_passphrase"             // no file, variable or terminal to read it from
	codePassphraseFile     domain.Code = "passphrase_file"           // the passphrase file cannot be read
	codePassphraseCoding   domain.Code = "passphrase_encoding"       // the passphrase file is in an encoding ICM does not read
	codePassphraseDiffer   domain.Code = "passphrases_differ"        // the two typed passphrases differ
	codeAppRunning         domain.Code = "app_running"               // ICM (or another command) has the database open
	codeLockFailed         domain.Code = "lock_failed"               // the instance lock beside the database cannot be made
	codeNotJoined          domain.Code = "not_joined"                // the laptop is not part of a team folder
	codeNotAFile           domain.Code = "not_a_file"                // -db names a folder (or a device), not a file
	codeNotADatabase       domain.Code = "not_a_database"            // -db names a file that is no SQLite database (an empty one too)
	codePassphraseTooLarge domain.Code = "passphrase_file_too_large" // the passphrase file is larger than a passphrase file can be
	codeOutRequired        domain.Code = "out_required"              // an export without -out
	codeCannotRead         domain.Code = "cannot_read"               // a file exists but this user may not read it
	codeDemoDirInUse       domain.Code = "demo_dir_in_use"           // -demo-team names a folder with other files in it
	codeDemoNotComplete    domain.Code = "demo_not_complete"         // the demo worker's laptop did not get the team's data
)

// What a message is about: the same code means another thing for another object
// (not_found of the database, of a course, of a backup file).
const (
	aboutDB       = "db"
	aboutCourse   = "course"
	aboutTemplate = "template"
	aboutBackup   = "backup"
	aboutOut      = "out"
	aboutSync     = "sync"
)

// message is one refusal in Danish and English: what is wrong, then what to do. {x} is
// replaced by the subject (a path, a number).
type message struct{ da, en string }

type messageKey struct {
	code  domain.Code
	about string // "" is the code's message whatever it is about
}

// messages holds every refusal the headless commands print; explain falls back to the
// code's general entry, then to internal's. The test checks each is a sentence with advice.
var messages = map[messageKey]message{
	{domain.CodeNotFound, aboutDB}: {
		"Databasen findes ikke: {x}. Kontrollér stien i -db (eller ICM_DB).",
		"The database does not exist: {x}. Check the path given with -db (or ICM_DB)."},
	{domain.CodeNotFound, aboutCourse}: {
		"Forløbet eller planversionen findes ikke: {x}. Kontrollér nummeret i -export-plan og -plan-version.",
		"The course or plan version does not exist: {x}. Check the numbers given with -export-plan and -plan-version."},
	{domain.CodeNotFound, aboutTemplate}: {
		"Skabelonversionen findes ikke: {x}. Kontrollér nummeret i -template-version.",
		"The template version does not exist: {x}. Check the number given with -template-version."},
	{domain.CodeNotFound, aboutBackup}: {
		"Sikkerhedskopien findes ikke: {x}. Kontrollér stien i -in.",
		"The backup file does not exist: {x}. Check the path given with -in."},
	{domain.CodeNotFound, ""}: {
		"Det, kommandoen skulle bruge, findes ikke: {x}. Kontrollér kommandoens stier og numre.",
		"What the command needs does not exist: {x}. Check the paths and numbers given to the command."},
	{domain.CodeDatabaseCorrupt, ""}: {
		"Databasen er beskadiget: {x}. Gendan den nyeste sikkerhedskopi med »icmctl restore« (se README).",
		"The database is damaged: {x}. Restore the newest backup with \"icmctl restore\" (see the README)."},
	{domain.CodeDatabaseLocked, ""}: {
		"Databasen er optaget af et andet program: {x}. Vent et øjeblik, eller luk ICM, og prøv igen.",
		"Another program is using the database: {x}. Wait a moment, or close ICM, and try again."},
	{domain.CodeDatabaseNewer, ""}: {
		"Databasen er skrevet af en nyere version af ICM: {x}. Installér den nyeste version af ICM.",
		"The database was written by a newer version of ICM: {x}. Install the newest version of ICM."},
	{store.CodeSchemaOld, ""}: {
		"Databasen er fra en ældre version af ICM og ligger, hvor den ikke kan skrives: {x}. Åbn den én gang i ICM med skriveadgang, eller kopiér den til en mappe, du kan skrive i.",
		"The database is from an older version of ICM and lies where it cannot be written: {x}. Open it once in ICM with write access, or copy it to a folder you can write to."},
	{domain.CodeWriteFailed, ""}: {
		"En fil kunne ikke skrives: {x}. Kontrollér, at mappen findes, at du har skriveadgang, og at der er plads på disken.",
		"A file could not be written: {x}. Check that the folder exists, that you may write to it, and that the disk has room."},
	{domain.CodeExportFailed, ""}: {
		"PDF-filen kunne ikke skrives: {x}. Kontrollér stien i -out, og at du har skriveadgang til mappen.",
		"The PDF file could not be written: {x}. Check the path given with -out and that you may write to its folder."},
	{domain.CodeNotEmpty, ""}: {
		"Databasen indeholder allerede data: {x}. Demodata lægges kun i en ny eller tom database; angiv en anden sti med -db.",
		"The database already holds data: {x}. Demo data goes only into a new or empty database; give another path with -db."},
	{codeDemoDirInUse, ""}: {
		"Mappen til demoteamet er ikke tom og rummer ikke et færdigt demoteam: {x}. Angiv en ny eller tom mappe med -demo-team (eller DIR= til make demo-team).",
		"The folder for the demo team is not empty and holds no finished demo team: {x}. Give a new or empty folder with -demo-team (or DIR= to make demo-team)."},
	{codeDemoNotComplete, ""}: {
		"Demomedarbejderens computer fik ikke teamets data, og demoteamet er fjernet igen: {x}. Prøv igen, og skriv til udviklerne, hvis det sker igen.",
		"The demo worker's laptop did not receive the team's data, and the demo team was removed again: {x}. Try again, and tell the developers if it happens again."},
	{domain.CodeWeakPassphrase, ""}: {
		"Adgangsfrasen er for kort. Brug mindst 12 tegn, fx en kort sætning.",
		"The passphrase is too short. Use at least 12 characters, for example a short sentence."},
	{domain.CodeGuessablePassphrase, ""}: {
		"Adgangsfrasen er let at gætte (gentagne tegn, kun tal eller almindelige ord). Brug en kort sætning.",
		"The passphrase is easy to guess (repeated characters, only digits or common words). Use a short sentence."},
	{domain.CodeInvalidCharacters, ""}: {
		"Adgangsfrasen indeholder et usynligt tegn eller et styretegn. Brug synlige tegn og mellemrum.",
		"The passphrase holds an invisible or control character. Use visible characters and spaces."},
	{domain.CodeWrongPassphrase, ""}: {
		"Adgangsfrasen passer ikke til sikkerhedskopien. Kontrollér adgangsfrasen (store og små bogstaver tæller).",
		"The passphrase does not open the backup. Check the passphrase (upper and lower case count)."},
	{domain.CodeFileDamaged, ""}: {
		"Sikkerhedskopien er beskadiget eller ufuldstændig: {x}. Brug en anden kopi af filen.",
		"The backup file is damaged or incomplete: {x}. Use another copy of the file."},
	{domain.CodeNotEncrypted, ""}: {
		"Filen er ikke en krypteret ICM-sikkerhedskopi: {x}. Vælg en fil, der ender på .icmbackup.",
		"The file is not an encrypted ICM backup: {x}. Choose a file ending in .icmbackup."},
	{domain.CodeWrongFileKind, ""}: {
		"Filen er en anden slags ICM-fil (fx en overdragelse), ikke en sikkerhedskopi: {x}. Vælg en fil, der ender på .icmbackup.",
		"The file is another kind of ICM file (a handover, for example), not a backup: {x}. Choose a file ending in .icmbackup."},
	{domain.CodeFileNewer, ""}: {
		"Sikkerhedskopien er lavet af en nyere version af ICM: {x}. Installér den nyeste version, og prøv igen.",
		"The backup was made by a newer version of ICM: {x}. Install the newest version and try again."},
	{domain.CodeBackupInvalid, ""}: {
		"Sikkerhedskopien indeholder ikke en brugbar ICM-database: {x}. Brug en anden sikkerhedskopi.",
		"The backup holds no usable ICM database: {x}. Use another backup."},
	{domain.CodeAuditChainBroken, ""}: {
		"Revisionsloggen hænger ikke sammen, så data kan være ændret uden om ICM: {x}. Brug en anden sikkerhedskopi, og kontakt IT-sikkerhed.",
		"The audit log does not hold together, so data may have been changed outside ICM: {x}. Use another backup and contact IT security."},
	{domain.CodeTeamFolderOffline, ""}: {
		"Teammappen kan ikke nås: {x}. Kontrollér, at OneDrive eller netværksdrevet er tilgængeligt, og prøv igen.",
		"The team folder cannot be reached: {x}. Check that OneDrive or the network drive is available, and try again."},
	{domain.CodeInternal, ""}: {
		"Der opstod en uventet fejl. Prøv igen; sker det igen, så kontakt leverandøren og oplys koden.",
		"An unexpected error occurred. Try again; if it happens again, contact the supplier and give the code."},
	{codeNotAFile, ""}: {
		"Stien i -db er en mappe eller noget andet end en fil: {x}. Angiv selve databasefilen, fx ...\\ICM\\icm.db; intet er ændret.",
		"The path given with -db is a folder or something else than a file: {x}. Give the database file itself, e.g. ...\\ICM\\icm.db; nothing was changed."},
	{domain.CodeTeamMissing, ""}: {
		"Databasen har endnu intet team (ICM er ikke sat op i den): {x}. Kontrollér stien i -db, eller start ICM og opret teamet først.",
		"The database has no team yet (ICM was never set up in it): {x}. Check the path given with -db, or start ICM and set up the team first."},
	{codeNotADatabase, ""}: {
		"Filen er ikke en ICM-database (den er tom eller af en anden slags): {x}. Kontrollér stien i -db; intet er ændret.",
		"The file is not an ICM database (it is empty or of another kind): {x}. Check the path given with -db; nothing was changed."},
	{domain.CodeNotICMDatabase, aboutDB}: {
		"Filen i -db er en database fra et andet program, ikke fra ICM: {x}. Kontrollér stien i -db; intet er ændret.",
		"The file given with -db is a database of another program, not of ICM: {x}. Check the path given with -db; nothing was changed."},
	{domain.CodeNotICMDatabase, ""}: {
		"Sikkerhedskopien indeholder en database fra et andet program, ikke fra ICM: {x}. Brug en sikkerhedskopi, som ICM har lavet; intet er ændret.",
		"The backup holds a database of another program, not of ICM: {x}. Use a backup made by ICM; nothing was changed."},
	{codeOutRequired, ""}: {
		"Der mangler en fil at skrive til: {x} kræver -out STI. Angiv PDF-filen med -out.",
		"No file to write to: {x} needs -out PATH. Give the PDF file with -out."},
	{codeCannotRead, ""}: {
		"Du har ikke adgang til at læse filen eller dens mappe: {x}. Kontrollér rettighederne, eller kør kommandoen som en bruger med adgang.",
		"You may not read the file or its folder: {x}. Check the permissions, or run the command as a user who may."},
	{codeNoDataFolder, ""}: {
		"ICM's datamappe kan ikke findes på denne computer. Angiv databasen med -db STI.",
		"ICM's data folder cannot be found on this computer. Give the database with -db PATH."},
	{codeNoPassphrase, ""}: {
		"Der er ingen adgangsfrase. Angiv -passphrase-file FIL, sæt ICM_BACKUP_PASSPHRASE, eller kør kommandoen i et kommandovindue.",
		"There is no passphrase. Give -passphrase-file FILE, set ICM_BACKUP_PASSPHRASE, or run the command in a console window."},
	{codePassphraseFile, ""}: {
		"Filen med adgangsfrasen kan ikke læses: {x}. Kontrollér stien i -passphrase-file.",
		"The passphrase file cannot be read: {x}. Check the path given with -passphrase-file."},
	{codePassphraseTooLarge, ""}: {
		"Filen i -passphrase-file er for stor til at være en fil med en adgangsfrase (over 4 KB): {x}. Angiv en lille tekstfil, hvis første linje er adgangsfrasen.",
		"The file given with -passphrase-file is too large to be a passphrase file (over 4 KB): {x}. Give a small text file whose first line is the passphrase."},
	{codePassphraseCoding, ""}: {
		"Filen med adgangsfrasen har en tegnkodning, ICM ikke læser: {x}. Gem den som UTF-8 eller Unicode (UTF-16) i Notesblok.",
		"The passphrase file is in an encoding ICM does not read: {x}. Save it as UTF-8 or Unicode (UTF-16) in Notepad."},
	{codePassphraseDiffer, ""}: {
		"De to adgangsfraser er forskellige. Skriv den samme adgangsfrase to gange.",
		"The two passphrases differ. Type the same passphrase twice."},
	{codeAppRunning, ""}: {
		"ICM har databasen åben: {x}. Luk ICM (eller vent, til den anden kommando er færdig), og kør kommandoen igen.",
		"ICM has the database open: {x}. Close ICM (or wait for the other command to finish) and run the command again."},
	{codeAppRunning, aboutSync}: {
		"ICM har databasen åben og synkroniserer selv: {x}. Intet er gjort; luk ICM først, hvis kommandoen skal køre.",
		"ICM has the database open and syncs by itself: {x}. Nothing was done; close ICM first if the command must run."},
	{codeLockFailed, ""}: {
		"Databasen kunne ikke låses: {x}. Kontrollér, at du har skriveadgang til mappen.",
		"The database could not be locked: {x}. Check that you may write to its folder."},
	{codeNotJoined, ""}: {
		"Denne computer er ikke med i en teammappe. Brug »icmctl sync found« eller »icmctl sync join« først.",
		"This computer is not part of a team folder. Use \"icmctl sync found\" or \"icmctl sync join\" first."},
}

// language is which of the two languages a command writes its messages in.
type language int

const (
	langBoth language = iota // Danish, then English: when nothing says which
	langDa
	langEn
)

// languageOf reads the language from -lang (given as lang) or the environment (ICM_LANG,
// then the POSIX LC_ALL, LC_MESSAGES, LANG). Windows sets none of these by default: both.
func languageOf(lang string, getenv func(string) string) language {
	if lang == "" && getenv != nil {
		for _, k := range []string{"ICM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
			if lang = getenv(k); lang != "" {
				break
			}
		}
	}
	switch l := strings.ToLower(lang); {
	case strings.HasPrefix(l, "da"):
		return langDa
	case strings.HasPrefix(l, "en"):
		return langEn
	}
	return langBoth
}

// explain is the message for code about a kind of object, with its subject filled in.
// The code follows in brackets, for IT to search and report.
func explain(code domain.Code, about, subject string, lang language) []string {
	m, ok := messages[messageKey{code, about}]
	if !ok {
		m, ok = messages[messageKey{code, ""}]
	}
	if !ok {
		m = messages[messageKey{domain.CodeInternal, ""}] // the code itself still follows
	}
	if subject == "" {
		subject = "-"
	}
	fill := func(s string) string {
		return strings.ReplaceAll(s, "{x}", subject) + " (" + string(code) + ")"
	}
	switch lang {
	case langDa:
		return []string{fill(m.da)}
	case langEn:
		return []string{fill(m.en)}
	}
	return []string{fill(m.da), fill(m.en)}
}

// fail prints err's message about a kind of object on stderr and returns exit.
func fail(io cliIO, exit int, err error, about, subject string) int {
	return failCode(io, exit, domain.CodeOf(err), about, subject)
}

// failCode prints code's message on stderr and returns exit.
func failCode(io cliIO, exit int, code domain.Code, about, subject string) int {
	for _, line := range explain(code, about, subject, io.lang) {
		fmt.Fprintln(io.stderr, "icm:", line)
	}
	return exit
}

// subjectOf is what a failed export's message names: the -out file when writing it failed,
// else the course or version asked for.
func subjectOf(err error, asked, out string) string {
	switch domain.CodeOf(err) {
	case domain.CodeExportFailed, domain.CodeWriteFailed:
		return out
	}
	return asked
}
