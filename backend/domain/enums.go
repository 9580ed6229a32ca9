package domain

// Role is what a worker does in the team.
type Role string

// Roles in an ICM team.
const (
	RoleICMWorker Role = "icm_worker" // ICM-medarbejder (case manager)
	RoleTeamLead  Role = "team_lead"  // teamleder
)

// CourseStatus is where an ICM course stands.
type CourseStatus string

// Course statuses. A course is "open" (counts in the caseload) until it is closed.
const (
	CourseVisitation CourseStatus = "visitation" // referred, visitation under way
	CourseActive     CourseStatus = "active"     // support under way
	CourseClosed     CourseStatus = "closed"     // ended, see the closing reason
)

// Open reports whether the course takes a place in the worker's caseload.
func (s CourseStatus) Open() bool { return s == CourseVisitation || s == CourseActive }

// Housing is a citizen's housing situation, the method's headline outcome.
type Housing string

// Housing situations, from the street to a stable home of one's own.
const (
	HousingStreet        Housing = "street"      // sleeping rough
	HousingShelter       Housing = "shelter"     // § 110 shelter or hostel
	HousingSofa          Housing = "sofa"        // staying with family or friends
	HousingTemporary     Housing = "temporary"   // emergency or temporary flat
	HousingInstitution   Housing = "institution" // treatment, hospital, prison, care home
	HousingOwnAtRisk     Housing = "own_at_risk" // own home, at risk of losing it
	HousingOwn           Housing = "own"         // own home, stable
	HousingOther         Housing = "other"       // anything else, described in the note
	HousingUnknownStatus Housing = ""            // not recorded yet
)

// Housings lists the choices in the order the UI offers them.
var Housings = []Housing{HousingStreet, HousingShelter, HousingSofa, HousingTemporary,
	HousingInstitution, HousingOwnAtRisk, HousingOwn, HousingOther}

// Need is one of the complex needs that make a citizen part of the target group.
type Need string

// Complex needs considered at visitation.
const (
	NeedMentalHealth Need = "mental_health" // psykisk lidelse eller sårbarhed
	NeedSubstance    Need = "substance"     // misbrug af alkohol, stoffer eller medicin
	NeedDebt         Need = "debt"          // gæld og økonomi
	NeedPhysical     Need = "physical"      // somatisk sygdom, tandsundhed
	NeedCognitive    Need = "cognitive"     // kognitive vanskeligheder
	NeedIsolation    Need = "isolation"     // ensomhed, manglende netværk
	NeedCrime        Need = "crime"         // kriminalitet, kriminalforsorg
	NeedDailyLiving  Need = "daily_living"  // praktiske dagligdagsfunktioner
	NeedOther        Need = "other"
)

// Needs lists the complex needs in UI order.
var Needs = []Need{NeedMentalHealth, NeedSubstance, NeedDebt, NeedPhysical, NeedCognitive,
	NeedIsolation, NeedCrime, NeedDailyLiving, NeedOther}

// Referral is who referred the citizen to ICM.
type Referral string

// Referral sources.
const (
	ReferralCaseworker Referral = "caseworker" // myndighedssagsbehandler
	ReferralOutreach   Referral = "outreach"   // fremskudt rådgivning / gadeplan
	ReferralShelter    Referral = "shelter"    // § 110 boform / herberg
	ReferralPsychiatry Referral = "psychiatry" // psykiatrien
	ReferralAddiction  Referral = "addiction"  // misbrugsbehandling
	ReferralHospital   Referral = "hospital"   // hospital / somatik
	ReferralProbation  Referral = "probation"  // kriminalforsorgen
	ReferralHousing    Referral = "housing"    // boligorganisation / boliganvisning
	ReferralSelf       Referral = "self"       // borgeren selv eller pårørende
	ReferralOther      Referral = "other"
)

// Referrals lists the referral sources in UI order.
var Referrals = []Referral{ReferralCaseworker, ReferralOutreach, ReferralShelter,
	ReferralPsychiatry, ReferralAddiction, ReferralHospital, ReferralProbation,
	ReferralHousing, ReferralSelf, ReferralOther}

// LegalBasis is the provision the support is granted under.
type LegalBasis string

// Legal bases for ICM support (the Danish Social Services Act, serviceloven).
const (
	LegalSEL85 LegalBasis = "sel_85" // socialpædagogisk støtte, § 85
	LegalSEL99 LegalBasis = "sel_99" // opsøgende arbejde, § 99
	LegalOther LegalBasis = "other"  // described in the note
)

// LegalBases lists the legal bases in UI order.
var LegalBases = []LegalBasis{LegalSEL85, LegalSEL99, LegalOther}

// ActionPlanStatus tells whether the municipality's § 141 action plan exists.
type ActionPlanStatus string

// § 141 action plan statuses.
const (
	ActionPlanExists     ActionPlanStatus = "exists"      // a plan exists
	ActionPlanInProgress ActionPlanStatus = "in_progress" // being prepared
	ActionPlanRequested  ActionPlanStatus = "requested"   // asked for by the ICM worker
	ActionPlanDeclined   ActionPlanStatus = "declined"    // the citizen declined a plan
	ActionPlanNone       ActionPlanStatus = "none"        // none, not yet requested
)

// ActionPlanStatuses lists the statuses in UI order.
var ActionPlanStatuses = []ActionPlanStatus{ActionPlanExists, ActionPlanInProgress,
	ActionPlanRequested, ActionPlanDeclined, ActionPlanNone}

// Consent is the citizen's own answer to taking part in ICM.
type Consent string

// Consent answers. The method requires the citizen's active yes.
const (
	ConsentYes     Consent = "yes"     // said yes to working with the ICM worker
	ConsentPending Consent = "pending" // not asked or still considering
	ConsentNo      Consent = "no"      // declined
)

// Consents lists the consent answers in UI order.
var Consents = []Consent{ConsentYes, ConsentPending, ConsentNo}

// ConsentForm is how the consent was given.
type ConsentForm string

// Consent forms.
const (
	ConsentOral    ConsentForm = "oral"
	ConsentWritten ConsentForm = "written"
)

// ConsentForms lists the consent forms in UI order.
var ConsentForms = []ConsentForm{ConsentOral, ConsentWritten}

// OneOf checks that v is one of the allowed values; empty is allowed unless required.
func OneOf[T ~string](p *Problems, field string, v T, allowed []T, required bool) T {
	if v == "" {
		if required {
			p.Add(field, CodeRequired)
		}
		return v
	}
	for _, a := range allowed {
		if a == v {
			return v
		}
	}
	p.Add(field, CodeInvalidChoice)
	return ""
}
