package cli

import (
	"errors"

	"icm/backend/domain"
	"icm/backend/teamsync"
)

// Codes of the team folder's refusals, as the sync commands print them.
const (
	codeSyncNoFolder     domain.Code = "team_folder_missing" // -folder does not exist or is no folder
	codeSyncHasData      domain.Code = "laptop_has_data"     // join: the database already holds a team's data
	codeSyncJoined       domain.Code = "already_joined"      // found/join: the laptop is part of a team folder
	codeSyncNotLead      domain.Code = "not_team_lead"       // only a team lead's laptop may do it
	codeSyncNoRequest    domain.Code = "no_join_request"     // enroll: no request from that laptop
	codeSyncRevoked      domain.Code = "laptop_revoked"      // enroll: the laptop was revoked
	codeSyncOwnLaptop    domain.Code = "own_laptop"          // revoke: a laptop cannot revoke itself
	codeSyncNotMember    domain.Code = "laptop_not_member"   // revoke: the laptop is not in the roster
	codeSyncNoWorker     domain.Code = "unknown_initials"    // no active worker with those initials
	codeSyncLeadCode     domain.Code = "lead_code_unknown"   // join: no roster signed by that code
	codeSyncRestored     domain.Code = "laptop_restored"     // the database was put back from an older backup
	codeSyncUnclassified domain.Code = "sync_failed"         // any other failure of the team folder
)

// syncCodes maps the team folder's errors to the codes of their messages.
var syncCodes = []struct {
	err  error
	code domain.Code
}{
	{teamsync.ErrNoFolder, codeSyncNoFolder}, {teamsync.ErrHasData, codeSyncHasData},
	{teamsync.ErrAlreadyJoined, codeSyncJoined}, {teamsync.ErrNotLead, codeSyncNotLead},
	{teamsync.ErrNoRequest, codeSyncNoRequest}, {teamsync.ErrRevokedLaptop, codeSyncRevoked},
	{teamsync.ErrOwnLaptop, codeSyncOwnLaptop}, {teamsync.ErrNotMember, codeSyncNotMember},
	{teamsync.ErrNoWorker, codeSyncNoWorker}, {teamsync.ErrLeadCode, codeSyncLeadCode},
	{teamsync.ErrRestored, codeSyncRestored},
}

// syncFail prints a sync command's failure through the message table, in the chosen
// language(s), and returns exit code 1. A coded error keeps its own code.
func syncFail(io cliIO, err error, subject string) int {
	for _, c := range syncCodes {
		if errors.Is(err, c.err) {
			return failCode(io, 1, c.code, aboutSync, subject)
		}
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return fail(io, 1, err, aboutSync, subject)
	}
	return failCode(io, 1, codeSyncUnclassified, aboutSync, subject)
}

// syncMessages are the sync commands' refusals, merged into messages.
var syncMessages = map[messageKey]message{
	{codeSyncNoFolder, ""}: {
		"Teammappen findes ikke eller er ikke en mappe: {x}. Kontrollér stien i -folder (fx OneDrive-mappen).",
		"The team folder does not exist or is not a folder: {x}. Check the path given with -folder (the OneDrive folder, for example)."},
	{codeSyncHasData, ""}: {
		"Databasen på denne computer indeholder allerede et teams data: {x}. En computer melder sig ind med en tom database; angiv en ny sti med -db.",
		"The database on this computer already holds a team's data: {x}. A computer joins with an empty database; give a new path with -db."},
	{codeSyncJoined, ""}: {
		"Denne computer er allerede med i en teammappe: {x}. Se »icmctl sync status«; intet er ændret.",
		"This computer is already part of a team folder: {x}. See \"icmctl sync status\"; nothing was changed."},
	{codeSyncNotLead, ""}: {
		"Det kan kun teamlederens computer: {x}. Kør kommandoen på teamlederens computer.",
		"Only the team lead's computer may do this: {x}. Run the command on the team lead's computer."},
	{codeSyncNoRequest, ""}: {
		"Der er ingen anmodning fra den computer i teammappen: {x}. Kontrollér id'et med »icmctl sync requests«.",
		"There is no join request from that computer in the team folder: {x}. Check the id with \"icmctl sync requests\"."},
	{codeSyncRevoked, ""}: {
		"Computeren er taget ud af teamet og kan ikke optages igen: {x}. Lad den melde sig ind på ny med »icmctl sync join«.",
		"The computer was taken out of the team and cannot be enrolled again: {x}. Let it ask again with \"icmctl sync join\"."},
	{codeSyncOwnLaptop, ""}: {
		"En computer kan ikke tage sig selv ud af teamet: {x}. Kør kommandoen på teamlederens computer.",
		"A computer cannot take itself out of the team: {x}. Run the command on the team lead's computer."},
	{codeSyncNotMember, ""}: {
		"Computeren er ikke med i teamet: {x}. Kontrollér id'et med »icmctl sync status«.",
		"The computer is not in the team: {x}. Check the id with \"icmctl sync status\"."},
	{codeSyncNoWorker, ""}: {
		"Der er ingen aktiv medarbejder med de initialer: {x}. Kontrollér initialerne (store og små bogstaver tæller).",
		"There is no active worker with those initials: {x}. Check the initials (upper and lower case count)."},
	{codeSyncLeadCode, ""}: {
		"Teammappen er ikke oprettet af en computer med den kode: {x}. Kontrollér koden hos teamlederen (»icmctl sync status« dér).",
		"The team folder was not founded by a computer with that code: {x}. Check the code with the team lead (\"icmctl sync status\" there)."},
	{codeSyncRestored, ""}: {
		"Databasen er lagt tilbage fra en ældre sikkerhedskopi, end computeren har sendt til teammappen. Meld computeren ind igen som en ny computer (se README).",
		"The database was put back from a backup older than what the computer sent to the team folder. Join the team again as a new computer (see the README)."},
	{codeSyncUnclassified, ""}: {
		"Synkroniseringen med teammappen mislykkedes: {x}. Kontrollér, at teammappen kan nås, og prøv igen; sker det igen, så kontakt leverandøren og oplys koden.",
		"The sync with the team folder failed: {x}. Check that the team folder can be reached and try again; if it happens again, contact the supplier and give the code."},
}

func init() {
	for k, m := range syncMessages {
		messages[k] = m
	}
}
