package service

// The plan snapshot holds texts, not codes, so that a signed version reads the same
// forever and the PDF needs no translation. These are the Go side's labels for the enum
// values a snapshot contains; they match the UI's Danish texts. Only Danish exists so far:
// the lang parameter is there for an English print later.

// labelGroup is one enum whose values the snapshot shows.
type labelGroup string

const (
	labelLifeArea      labelGroup = "lifeArea"      // domain.LifeArea
	labelSubGoalStatus labelGroup = "subGoalStatus" // domain.SubGoalStatus
	labelContactKind   labelGroup = "contactKind"   // domain.ContactKind
	labelAdvocacy      labelGroup = "advocacy"      // domain.AdvocacyStatus
	labelActionPlan    labelGroup = "actionPlan"    // domain.ActionPlanStatus, as a sentence
	labelSignMethod    labelGroup = "signMethod"    // domain.SignMethod
)

var danishLabels = map[labelGroup]map[string]string{
	labelLifeArea: {
		"wishes":        "Ønsker, håb og drømme",
		"help_barriers": "Barrierer for at søge hjælp",
		"housing":       "Bolig",
		"finances":      "Økonomi, gæld og forsørgelse",
		"physical":      "Fysisk helbred og tænder",
		"mental":        "Psykisk helbred",
		"substance":     "Rusmidler",
		"network":       "Netværk og familie",
		"daily_living":  "Dagligdagsfunktioner",
		"employment":    "Beskæftigelse, uddannelse og aktiviteter",
		"authorities":   "Kontakt med myndigheder",
		"crime":         "Kriminalitet og kriminalforsorg",
	},
	labelSubGoalStatus: {
		"not_started": "Ikke startet",
		"in_progress": "I gang",
		"achieved":    "Nået",
		"adjusted":    "Justeret",
		"dropped":     "Opgivet",
	},
	labelContactKind: {
		"caseworker": "Myndighedssagsbehandler",
		"jobcenter":  "Jobcenter",
		"addiction":  "Misbrugsbehandling",
		"psychiatry": "Psykiatri",
		"gp":         "Egen læge",
		"dentist":    "Tandlæge",
		"housing":    "Boligorganisation",
		"probation":  "Kriminalforsorgen",
		"shelter":    "Herberg eller forsorgshjem",
		"hospital":   "Hospital",
		"pharmacy":   "Apotek (dosisdispensering)",
		"pension":    "Pensionskontor / Udbetaling Danmark",
		"alcohol":    "Alkoholbehandling",
		"family":     "Familie",
		"partner":    "Kæreste eller partner",
		"friend":     "Ven",
		"other":      "Andet",
	},
	labelAdvocacy: {
		"open":     "I gang",
		"resolved": "Løst",
		"stuck":    "Fastlåst – arbejdes videre",
	},
	labelActionPlan: {
		"exists":      "Der er en handleplan",
		"in_progress": "Handleplanen er ved at blive lavet",
		"requested":   "Handleplanen er bestilt hos myndigheden",
		"declined":    "Borgeren har takket nej til en handleplan",
		"none":        "Der er ingen handleplan endnu",
	},
	labelSignMethod: {
		"paper":     "Underskrevet på papir ved et møde",
		"in_person": "Bekræftet personligt",
	},
}

// label gives the text of an enum value in lang (Danish for now). An empty value stays
// empty; an unknown one is shown as it is rather than lost.
func label(lang string, group labelGroup, value string) string {
	_ = lang // reserved: only Danish labels exist yet
	if value == "" {
		return ""
	}
	if s, ok := danishLabels[group][value]; ok {
		return s
	}
	return value
}
