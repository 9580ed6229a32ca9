package domain

// TemplateElement is one element of the method template (metodeskabelon): a part of the ICM
// method for which the team writes down how it works in practice.
type TemplateElement string

// The elements of the method template, in the order of the template.
const (
	ElemTargetGroup       TemplateElement = "target_group"                 // Målgruppe
	ElemLinking           TemplateElement = "linking"                      // Tilknytning af borger til case manager
	ElemAssessmentBefore  TemplateElement = "assessment_before_visitation" // Udredning (løbende; the code is older than the name)
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

// TemplateElementText is the Danish name of an element, its requirement and how firmly the
// method states it, printed in the PDF (the questions are in TemplateQuestions). The UI has
// the same Danish texts (plus English) in frontend/src/features/wizard/i18n/template.ts; a
// test keeps the two in step.
type TemplateElementText struct {
	Name        string
	Requirement string
	Weight      RequirementWeight
}

// RequirementWeight is how firmly the method template states an element's requirement.
type RequirementWeight string

// Weights: most elements are fixed requirements ("skal"); for some the method says "det er
// vigtigt", and for the course plan it only suggests one. "" reads as WeightMust.
const (
	WeightMust      RequirementWeight = "must"
	WeightImportant RequirementWeight = "important"
	WeightAdvice    RequirementWeight = "advice"
)

// TemplateWeight is the weight of an element's requirement, WeightMust unless stated.
func TemplateWeight(e TemplateElement) RequirementWeight {
	if w := TemplateTexts[e].Weight; w != "" {
		return w
	}
	return WeightMust
}

// TemplateQuestions are the guiding questions of the method template per element (Danish,
// in the template's order), printed under each element's requirement.
var TemplateQuestions = map[TemplateElement][]string{
	ElemTargetGroup: {
		"Hvordan finder I konkret frem til borgerne i målgruppen – kommer de for eksempel fra et bestemt tilbud?",
		"Hvor mange borgere regner I med, at målgruppen omfatter?",
	},
	ElemLinking: {
		"Hvordan bliver en borger visiteret til ICM?",
		"Hvor og hvordan skabes kontakten og relationen mellem borger og case manager, og har I en fast fremgangsmåde for det?",
		"Hvordan bliver borgeren præsenteret for sin case manager?",
	},
	ElemAssessmentBefore: {
		"Hvad skal I vide om borgeren, før borgeren kan visiteres til ICM – skal der for eksempel være lavet en Udredning og Plan?",
		"Hvordan får case manageren den viden om borgeren, som medarbejdere i andre enheder har – på et møde, gennem handleplanen eller på anden måde?",
		"Hvordan sørger I for, at udredningen fortsætter, mens borgeren er i ICM, og hvilken viden har I brug for, i hvilken dybde?",
		"Hvordan sikrer I, at der bliver lavet en § 141-handleplan, hvis borgeren ikke har en, og at den hænger sammen med ICM-indsatsen?",
	},
	ElemCitizensPerWorker: {
		"Hvor mange borgere skal hver case manager have, og hvad gør I med den grænse, hvis der bliver brug for flere case managere?",
		"Hvad sker der helt konkret, når en case manager holder ferie eller er syg?",
	},
	ElemAvailability: {
		"Hvornår kan case manageren træffes?",
		"Hvordan får borgeren fat i case manageren, hvis der akut er brug for støtte?",
	},
	ElemTimeFrame: {
		"Hvornår og under hvilke omstændigheder kan ICM-indsatsen afsluttes?",
		"Hvilken støtte kan borgeren få, når ICM-indsatsen er slut?",
	},
	ElemWorkAssessment: {
		"Hvilken viden om borgeren skal case manageren samle, og hvordan skal den ordnes – bruger I bestemte redskaber, planer eller lignende?",
		"Hvordan får case manageren fat i den viden i praksis?",
	},
	ElemWorkPlanning: {
		"Hvad skal planlægningen føre til – skal der laves en konkret plan, og hvilke rammer gælder for den?",
	},
	ElemWorkCoordination: {
		"Hvilke indsatser forventer I, at case manageren skal koordinere?",
	},
	ElemWorkAdvocacy: {
		"I hvilke situationer må I regne med, at case manageren skal tale for borgerens rettigheder?",
		"Hvordan bliver case manageren klædt på til den opgave?",
	},
	ElemWorkFollowUp: {
		"Har I rammer for, hvor tit case manageren skal følge op på borgerens planer og revidere dem?",
	},
	ElemPassivityBalance: {
		"Hvordan kan case manageren håndtere det dilemma?",
	},
	ElemCourseStructure: {
		"Følger ICM-indsatsen et bestemt forløb hos jer?",
	},
	ElemIntensity: {
		"Hvordan sikrer I, at støtten er intensiv?",
		"Hvordan sikrer I, at støtten følger borgerens behov, som de er lige nu?",
	},
	ElemLocation: {
		"Hvor forestiller I jer, at I mødes med borgeren – vil der for eksempel også være møder på et kontor eller over telefonen?",
	},
	ElemViewOfCitizen: {
		"Hvordan bliver borgeren inddraget?",
		"Hvordan sikrer I, at der er fokus på at udvikle borgerens kompetencer og styrke borgerens ressourcer?",
	},
}

// TemplateTexts holds the Danish name and fixed requirement of every element.
var TemplateTexts = map[TemplateElement]TemplateElementText{
	ElemTargetGroup: {Name: "Målgruppe",
		Requirement: "Indsatsen er for borgere med sammensatte problemer, som har brug for mange forskellige former for hjælp og for støtte over længere tid. Det gælder både borgere uden bolig og borgere, der har en bolig, men risikerer at miste den."},
	ElemLinking: {Name: "Tilknytning af borger til case manager",
		Requirement: "Hver borger har én fast case manager. Case manageren og borgeren skal have skabt en kontakt, som relationen mellem dem kan bygge videre på."},
	ElemAssessmentBefore: {Name: "Udredning", Weight: WeightImportant,
		Requirement: "Det er vigtigt, at case manageren ved så meget som muligt om borgerens behov og ønsker, så indsatsen kan tilpasses borgeren. Udredningen er ikke færdig ved visitationen: den fortsætter hele forløbet igennem."},
	ElemCitizensPerWorker: {Name: "Antal borgere per case manager",
		Requirement: "Hver case manager har få borgere, så indsatsen kan være intensiv og tilpasset den enkelte. Anbefalingen er højst otte borgere per case manager."},
	ElemAvailability: {Name: "Tilgængelighed", Weight: WeightImportant,
		Requirement: "Det er vigtigt, at borgeren kan få hjælp, når behovet opstår."},
	ElemTimeFrame: {Name: "Tidsramme",
		Requirement: "Case manageren bliver ved med at støtte borgeren over tid, så tilliden mellem dem holder, og indsatsen hænger sammen. Case manageren slipper ikke kontakten, heller ikke når borgeren ikke følger de planer eller forløb, der er aftalt."},
	ElemWorkAssessment: {Name: "Indsatser – udredning",
		Requirement: "Case manageren har ansvaret for at skabe sig et samlet billede af borgerens problemer og behov. Uden det billede kan case manageren ikke sørge for og koordinere den hjælp, der passer bedst til borgerens egne behov og ønsker."},
	ElemWorkPlanning: {Name: "Indsatser – planlægning",
		Requirement: "Case manageren og borgeren planlægger sammen, hvad der skal ske fremover. Case manageren undersøger også, hvad der står i vejen for, at borgeren selv søger hjælp – for eksempel om borgeren er mistroisk over for overhovedet at søge hjælp."},
	ElemWorkCoordination: {Name: "Indsatser – koordination",
		Requirement: "Case manageren koordinerer de indsatser, der er aftalt med borgeren. Borgeren er med til at planlægge, men ansvaret for koordineringen ligger hos case manageren, så indsatserne ikke falder fra hinanden, hvis borgeren ikke selv kontakter de øvrige dele af systemet."},
	ElemWorkAdvocacy: {Name: "Indsatser – fortalerrolle",
		Requirement: "Case manageren er borgerens fortaler: case manageren taler for borgerens rettigheder og arbejder på at fjerne de barrierer, der står mellem borgeren og dem, der leverer indsatserne."},
	ElemWorkFollowUp: {Name: "Indsatser – opfølgning",
		Requirement: "Case manageren har ansvaret for at følge borgeren gennem de forskellige støtte- og behandlingstilbud og for at sikre, at de aftalte planer bliver ført ud i livet eller ændret, når borgerens behov og ønsker ændrer sig."},
	ElemPassivityBalance: {Name: "Afvejning af støttebehov og risiko for at passivere borgeren",
		Requirement: "Case manageren er meget aktiv og vedholdende over for borgeren. Derfor er der en risiko for, at borgeren bliver passiv og for afhængig af sin case manager og ikke lærer at bruge det almindelige støtte- og behandlingssystem eller civilsamfundet uden en støtteperson ved sin side."},
	ElemCourseStructure: {Name: "Forløb", Weight: WeightAdvice,
		Requirement: "ICM består af indsatserne ovenfor. Nogle gange hjælper det også at have en plan for, hvornår og hvordan indsatserne skal gives."},
	ElemIntensity: {Name: "Intensitet",
		Requirement: "Borgeren skal have intensiv støtte, som samtidig passer til det, borgeren har brug for."},
	ElemLocation: {Name: "Lokalitet",
		Requirement: "Som udgangspunkt mødes case manageren og borgeren i borgerens nærmiljø. Det gør det lettere for case manageren at følge borgerens udvikling, lære borgerens ressourcer og barrierer at kende og opdage kriser og problemer."},
	ElemViewOfCitizen: {Name: "Syn på borgeren",
		Requirement: "Borgeren ses som et menneske, der kan komme sig og igen finde en plads i samfundet. Fokus er på at udvikle borgerens kompetencer og på at finde og styrke borgerens ressourcer."},
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
