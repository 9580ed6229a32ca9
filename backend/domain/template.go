package domain

// TemplateElement is one element of the method template (metodeskabelon): a part of the ICM
// method for which the team writes down how it works in practice.
type TemplateElement string

// The elements of the method template, in the order of the template.
const (
	ElemTargetGroup       TemplateElement = "target_group"                 // Målgruppe
	ElemLinking           TemplateElement = "linking"                      // Tilknytning af borger til case manager
	ElemAssessmentBefore  TemplateElement = "assessment_before_visitation" // Udredning før visitation
	ElemCitizensPerWorker TemplateElement = "citizens_per_worker"          // Antal borgere per case manager
	ElemAvailability      TemplateElement = "availability"                 // Tilgængelighed
	ElemTimeFrame         TemplateElement = "time_frame"                   // Tidsramme
	ElemWorkAssessment    TemplateElement = "work_assessment"              // Indsatser – udredning
	ElemWorkPlanning      TemplateElement = "work_planning"                // Indsatser – planlægning
	ElemWorkCoordination  TemplateElement = "work_coordination"            // Indsatser – koordination
	ElemWorkAdvocacy      TemplateElement = "work_advocacy"                // Indsatser – fortalerrolle
	ElemWorkFollowUp      TemplateElement = "work_followup"                // Indsatser – opfølgning
	ElemPassivityBalance  TemplateElement = "passivity_balance"            // Afvejning af støttebehov og risiko for at passivere borgeren
	ElemCourseStructure   TemplateElement = "course_structure"             // Forløb
	ElemIntensity         TemplateElement = "intensity"                    // Intensitet
	ElemLocation          TemplateElement = "location"                     // Lokalitet
	ElemViewOfCitizen     TemplateElement = "view_of_citizen"              // Syn på borgeren
)

// Length limits of the template's free text, in characters.
const (
	MaxTemplateAnswer = 8000 // one element's answer
	MaxTemplateNote   = 2000 // the note of a signed version
)

// TemplateElements lists the elements in the template's order.
var TemplateElements = []TemplateElement{
	ElemTargetGroup, ElemLinking, ElemAssessmentBefore, ElemCitizensPerWorker, ElemAvailability, ElemTimeFrame,
	ElemWorkAssessment, ElemWorkPlanning, ElemWorkCoordination, ElemWorkAdvocacy, ElemWorkFollowUp,
	ElemPassivityBalance, ElemCourseStructure, ElemIntensity, ElemLocation, ElemViewOfCitizen,
}

// TemplateStatus is how far the team has come with one element.
type TemplateStatus string

// Statuses of a template element.
const (
	TemplateNotStarted TemplateStatus = "not_started" // Ikke startet
	TemplateDraft      TemplateStatus = "draft"       // Udkast
	TemplateAgreed     TemplateStatus = "agreed"      // Aftalt
)

// TemplateStatuses lists the statuses in UI order.
var TemplateStatuses = []TemplateStatus{TemplateNotStarted, TemplateDraft, TemplateAgreed}

// TemplateElementText is the Danish name of an element and its fixed requirement, printed in
// the PDF. The UI has the same Danish texts (plus English and the guiding questions) in
// frontend/src/features/wizard/i18n/template.ts; a test keeps the two in step.
type TemplateElementText struct {
	Name        string
	Requirement string
}

// TemplateTexts holds the Danish name and fixed requirement of every element.
var TemplateTexts = map[TemplateElement]TemplateElementText{
	ElemTargetGroup: {"Målgruppe",
		"Indsatsen er for borgere med sammensatte problemer, som har brug for mange forskellige former for hjælp og for støtte over længere tid. Det gælder både borgere uden bolig og borgere, der har en bolig, men risikerer at miste den."},
	ElemLinking: {"Tilknytning af borger til case manager",
		"Hver borger har én fast case manager. Case manageren og borgeren skal have skabt en kontakt, som relationen mellem dem kan bygge videre på."},
	ElemAssessmentBefore: {"Udredning før visitation",
		"Case manageren skal vide så meget som muligt om borgerens behov og ønsker, så indsatsen kan tilrettelægges, så den passer til borgeren."},
	ElemCitizensPerWorker: {"Antal borgere per case manager",
		"Hver case manager har få borgere, så indsatsen kan være intensiv og tilpasset den enkelte. Anbefalingen er højst otte borgere per case manager."},
	ElemAvailability: {"Tilgængelighed",
		"Borgeren skal kunne få hjælp, når behovet opstår."},
	ElemTimeFrame: {"Tidsramme",
		"Case manageren bliver ved med at støtte borgeren over tid, så tilliden mellem dem holder, og indsatsen hænger sammen. Case manageren slipper ikke kontakten, heller ikke når borgeren ikke følger de planer eller forløb, der er aftalt."},
	ElemWorkAssessment: {"Indsatser – udredning",
		"Case manageren har ansvaret for at skabe sig et samlet billede af borgerens problemer og behov. Uden det billede kan case manageren ikke sørge for og koordinere den hjælp, der passer bedst til borgerens egne behov og ønsker."},
	ElemWorkPlanning: {"Indsatser – planlægning",
		"Case manageren og borgeren planlægger sammen, hvad der skal ske fremover. Case manageren undersøger også, hvad der står i vejen for, at borgeren selv søger hjælp – for eksempel om borgeren er mistroisk over for overhovedet at søge hjælp."},
	ElemWorkCoordination: {"Indsatser – koordination",
		"Case manageren koordinerer de indsatser, der er aftalt med borgeren. Borgeren er med til at planlægge, men ansvaret for koordineringen ligger hos case manageren, så indsatserne ikke falder fra hinanden, hvis borgeren ikke selv kontakter de øvrige dele af systemet."},
	ElemWorkAdvocacy: {"Indsatser – fortalerrolle",
		"Case manageren er borgerens fortaler: case manageren taler for borgerens rettigheder og arbejder på at fjerne de barrierer, der står mellem borgeren og dem, der leverer indsatserne."},
	ElemWorkFollowUp: {"Indsatser – opfølgning",
		"Case manageren har ansvaret for at følge borgeren gennem de forskellige støtte- og behandlingstilbud og for at sikre, at de aftalte planer bliver ført ud i livet eller ændret, når borgerens behov og ønsker ændrer sig."},
	ElemPassivityBalance: {"Afvejning af støttebehov og risiko for at passivere borgeren",
		"Case manageren er meget aktiv og vedholdende over for borgeren. Derfor er der en risiko for, at borgeren bliver passiv og for afhængig af sin case manager og ikke lærer at bruge det almindelige støtte- og behandlingssystem eller civilsamfundet uden en støtteperson ved sin side."},
	ElemCourseStructure: {"Forløb",
		"ICM består af indsatserne ovenfor. Nogle gange hjælper det også at have en plan for, hvornår og hvordan indsatserne skal gives."},
	ElemIntensity: {"Intensitet",
		"Borgeren skal have intensiv støtte, som samtidig passer til det, borgeren har brug for."},
	ElemLocation: {"Lokalitet",
		"Som udgangspunkt mødes case manageren og borgeren i borgerens nærmiljø. Det gør det lettere for case manageren at følge borgerens udvikling, lære borgerens ressourcer og barrierer at kende og opdage kriser og problemer."},
	ElemViewOfCitizen: {"Syn på borgeren",
		"Borgeren ses som et menneske, der kan komme sig og igen finde en plads i samfundet. Fokus er på at udvikle borgerens kompetencer og på at finde og styrke borgerens ressourcer."},
}

// TemplateStatusNames are the Danish names of the statuses, for the PDF.
var TemplateStatusNames = map[TemplateStatus]string{
	TemplateNotStarted: "Ikke startet", TemplateDraft: "Udkast", TemplateAgreed: "Aftalt",
}

// IsTemplateElement reports whether e is one of TemplateElements.
func IsTemplateElement(e TemplateElement) bool {
	_, ok := TemplateTexts[e]
	return ok
}
