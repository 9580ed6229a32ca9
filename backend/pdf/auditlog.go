package pdf

import (
	"io"
	"strconv"
	"strings"

	"icm/backend/plandoc"
)

// AuditLog is the log of every use of one citizen's data, for the citizen or the data
// protection officer. Times are local and already formatted (dd.mm.åååå tt:mm:ss).
type AuditLog struct {
	Municipality string
	Team         string
	Citizen      string // empty when the citizen's data has been deleted
	CitizenID    uint
	CitizenCPR   string // masked
	ChainOK      bool   // the hash chain held when the log was read
	// HeadID and HeadHash are the chain's last entry when the log was read: an anchor
	// outside the database that a later check can compare the chain with.
	HeadID   uint
	HeadHash string
	// InTeam is set on a laptop in a team: the entries include the other laptops' entries
	// held here, and TeamChainsOK says whether their logs held together when read.
	InTeam       bool
	TeamChainsOK bool
	Entries      []AuditLine
}

// AuditLine is one entry; Action and Object are the codes of the log. Computer is the
// name of the computer it was logged on (empty outside a team: the column is left out).
type AuditLine struct {
	At, Worker, Action, Object, Detail string
	Computer                           string
}

func init() {
	// The audit log's own texts, in both languages, beside the other documents' labels.
	for lang, kv := range map[string]map[string]string{
		"da": {
			"auditTitle": "Log over brug af borgerens data", "auditCitizenID": "Borger-id",
			"auditChain": "Loggens kæde", "auditChainOK": "intakt – ingen poster er ændret eller fjernet",
			"auditChainBroken": "IKKE intakt – kontakt IT eller databeskyttelsesrådgiveren",
			"auditCount":       "Antal poster", "auditNone": "Der er ingen poster for denne borger.",
			"auditHead":     "Kædens sidste post",
			"auditHeadHelp": "Kædens sidste post er loggens kontrolpunkt på udskriftstidspunktet. Teamlederen kan senere taste nummer og kode ind under Logning › Kontrollér et kontrolpunkt: passer de ikke, er loggen skrevet om siden.",
			"auditIntro":    "Hver gang nogen har set, søgt i, ændret, udskrevet eller eksporteret borgerens oplysninger, står det her med tidspunkt og navn.",
			"colAt":         "Tidspunkt", "colWhoAudit": "Medarbejder", "colAction": "Handling", "colObject": "Oplysning",
			"colDetail": "Detalje", "deletedCitizen": "(borgerens data er slettet)", "colComputer": "Computer",
			"auditTeamChains": "Øvrige computeres log", "auditTeamIntro": "Teamet bruger flere computere: listen rummer posterne fra alle teamets computere, som de er nået hertil, og kolonnen Computer viser, hvor hver post er logget.",
		},
		"en": {
			"auditTitle": "Log of the use of the citizen's data", "auditCitizenID": "Citizen id",
			"auditChain": "The log's chain", "auditChainOK": "intact – no entry has been changed or removed",
			"auditChainBroken": "NOT intact – contact IT or the data protection officer",
			"auditCount":       "Entries", "auditNone": "There are no entries for this citizen.",
			"auditHead":     "Last entry of the chain",
			"auditHeadHelp": "The last entry of the chain is the log's checkpoint when this was printed. The team lead can later type its number and code under Audit log › Check a checkpoint: if they no longer match, the log has been rewritten since.",
			"auditIntro":    "Every time someone viewed, searched, changed, printed or exported the citizen's details, it is listed here with the time and name.",
			"colAt":         "Time", "colWhoAudit": "Worker", "colAction": "Action", "colObject": "Information",
			"colDetail": "Detail", "deletedCitizen": "(the citizen's data has been deleted)", "colComputer": "Computer",
			"auditTeamChains": "The other computers' logs", "auditTeamIntro": "The team uses several computers: the list holds the entries of every computer of the team as they have reached this one, and the Computer column shows where each was logged.",
		},
	} {
		for k, v := range kv {
			labels[lang][k] = v
		}
		for k, v := range auditWords[lang] {
			labels[lang]["audit."+k] = v
		}
	}
}

// auditWords names the log's actions and objects.
var auditWords = map[string]map[string]string{
	"da": {
		"view": "så", "list": "så listen", "search": "søgte", "create": "oprettede", "change": "ændrede",
		"delete": "slettede", "export": "eksporterede", "print": "udskrev", "sign": "underskrev",
		"import": "importerede", "sign_in": "loggede ind", "sign_in_failed": "mislykket login",
		"sign_out": "loggede ud", "lock": "låste skærmen", "account": "adgang", "settings": "indstillinger",
		"backup": "sikkerhedskopi", "restore": "gendannelse", "verify": "kontrollerede loggen",
		"citizen": "stamoplysninger", "course": "forløb", "visitation": "målgruppe og visitation",
		"assessment": "udredning", "plan": "plan", "goal": "mål", "subgoal": "delmål", "activity": "aktivitet",
		"network": "netværk", "meeting": "møde", "coordination": "koordinering", "advocacy": "fortalerrolle",
		"follow_up": "opfølgning", "evaluation": "evaluering", "who5": "WHO-5", "team_meeting": "teammøde", "weekly_check": "ugentligt tjek",
		"closing": "afslutning", "housing": "boligforløb", "notes": "journalnotater", "note": "journalnotat", "fidelity": "metodetroskab",
		"plan_versions": "planversioner", "plan_version": "planversion", "summary": "forløbsresumé",
		"access_request": "indsigt", "handover": "overdragelse", "audit_log": "log",
		"database": "database", "deletion": "sletning", "automatic": "automatisk", "encrypted": "krypteret",
		"local": "lokal", "team": "team", "team_overview": "overblik", "fidelity_history": "mindstekrav over tid", "fidelity_overview": "mindstekrav over tid (PDF)", "worker": "medarbejder", "cover": "dækning", "team_folder": "teammappe",
		"caseload": "caseload", "conflict": "konflikt mellem computere", "template": "metodeskabelon", "cpr": "CPR-nummer",
	},
	"en": {
		"view": "viewed", "list": "viewed the list", "search": "searched", "create": "created", "change": "changed",
		"delete": "deleted", "export": "exported", "print": "printed", "sign": "signed",
		"import": "imported", "sign_in": "signed in", "sign_in_failed": "failed sign-in",
		"sign_out": "signed out", "lock": "locked the screen", "account": "account", "settings": "settings",
		"backup": "backup", "restore": "restore", "verify": "checked the log",
		"citizen": "personal details", "course": "course", "visitation": "target group and visitation",
		"assessment": "assessment", "plan": "plan", "goal": "goal", "subgoal": "sub-goal", "activity": "activity",
		"network": "network", "meeting": "meeting", "coordination": "coordination", "advocacy": "advocacy",
		"follow_up": "follow-up", "evaluation": "evaluation", "who5": "WHO-5", "team_meeting": "team meeting", "weekly_check": "weekly check",
		"closing": "closing", "housing": "housing history", "notes": "journal notes", "note": "journal note", "fidelity": "fidelity",
		"plan_versions": "plan versions", "plan_version": "plan version", "summary": "course summary",
		"access_request": "access request", "handover": "handover", "audit_log": "log",
		"database": "database", "deletion": "deletion", "automatic": "automatic", "encrypted": "encrypted",
		"local": "local", "team": "team", "team_overview": "overview", "fidelity_history": "requirements over time", "fidelity_overview": "requirements over time (PDF)", "worker": "worker", "cover": "cover", "team_folder": "team folder",
		"caseload": "caseload", "conflict": "conflict between computers", "template": "method template", "cpr": "CPR number",
	},
}

// auditWord translates an action or object code, keeping an unknown code as it is.
func (d *doc) auditWord(code string) string {
	if v, ok := d.lbl["audit."+code]; ok {
		return v
	}
	return code
}

// RenderAuditLog writes the audit entries of one citizen as a table, newest first.
func RenderAuditLog(w io.Writer, l AuditLog, o Options) (err error) {
	defer recoverRender(&err)
	name := l.Citizen
	d, err := newDoc(o, plandoc.CourseHeader{Municipality: l.Municipality, Team: l.Team, Citizen: name},
		"auditTitle", false)
	if err != nil {
		return err
	}
	if name == "" {
		name = d.t("deletedCitizen")
	}
	chain := d.t("auditChainOK")
	if !l.ChainOK {
		chain = d.t("auditChainBroken")
	}
	d.title(d.t("auditTitle"), "", false)
	info := []field{
		{d.t("citizen"), name},
		{d.t("cpr"), l.CitizenCPR},
		{d.t("auditCitizenID"), strconv.FormatUint(uint64(l.CitizenID), 10)},
		{d.t("auditCount"), strconv.Itoa(len(l.Entries))},
		{d.t("auditChain"), chain},
	}
	if l.InTeam {
		team := d.t("auditChainOK")
		if !l.TeamChainsOK {
			team = d.t("auditChainBroken")
		}
		info = append(info, field{d.t("auditTeamChains"), team})
	}
	if l.HeadID > 0 {
		info = append(info, field{d.t("auditHead"), HeadLabel(l.HeadID, l.HeadHash)})
	}
	d.infoBlock(info)
	d.note(d.t("auditIntro"))
	if l.InTeam {
		d.note(d.t("auditTeamIntro"))
	}
	if l.HeadID > 0 {
		d.note(d.t("auditHeadHelp"))
	}
	d.auditTable(l.Entries)
	return d.finish(w)
}

// auditTable prints audit entries in the order given, or a note that there are none.
func (d *doc) auditTable(entries []AuditLine) {
	if len(entries) == 0 {
		d.note(d.t("auditNone"))
		return
	}
	computers := false
	for _, e := range entries {
		computers = computers || e.Computer != ""
	}
	rows := make([][]string, 0, len(entries))
	for _, e := range entries {
		row := []string{e.At, e.Worker, d.auditWord(e.Action), d.auditWord(e.Object), e.Detail}
		if computers {
			row = []string{e.At, e.Computer, e.Worker, d.auditWord(e.Action), d.auditWord(e.Object), e.Detail}
		}
		rows = append(rows, row)
	}
	if computers {
		d.table([]column{
			{title: d.t("colAt"), frac: 0.19, fit: "28.12.2026 23:59:59"},
			{title: d.t("colComputer"), frac: 0.12},
			{title: d.t("colWhoAudit"), frac: 0.2},
			{title: d.t("colAction"), frac: 0.13},
			{title: d.t("colObject"), frac: 0.19},
			{title: d.t("colDetail"), frac: 0.17},
		}, rows)
		return
	}
	d.table([]column{
		{title: d.t("colAt"), frac: 0.22, fit: "28.12.2026 23:59:59"},
		{title: d.t("colWhoAudit"), frac: 0.24},
		{title: d.t("colAction"), frac: 0.16},
		{title: d.t("colObject"), frac: 0.2},
		{title: d.t("colDetail"), frac: 0.18},
	}, rows)
}

// HeadLabel is how a chain entry is printed as an anchor: its number and its hash in groups
// of eight hex digits, easy to read aloud and to type back.
func HeadLabel(id uint, hash string) string {
	var groups []string
	for i := 0; i+8 <= len(hash); i += 8 {
		groups = append(groups, hash[i:i+8])
	}
	return strconv.FormatUint(uint64(id), 10) + " · " + strings.Join(groups, " ")
}
