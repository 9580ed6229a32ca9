package domain

// LifeArea is one area of the citizen's life that the assessment (udredning) covers.
type LifeArea string

// The life areas of the assessment, in the order the screen shows them.
const (
	AreaHousing     LifeArea = "housing"      // bolig
	AreaFinances    LifeArea = "finances"     // økonomi, gæld og forsørgelsesgrundlag
	AreaPhysical    LifeArea = "physical"     // fysisk helbred inkl. tandsundhed
	AreaMental      LifeArea = "mental"       // psykisk helbred
	AreaSubstance   LifeArea = "substance"    // rusmidler
	AreaNetwork     LifeArea = "network"      // netværk og familie
	AreaDailyLiving LifeArea = "daily_living" // dagligdagsfunktioner
	AreaEmployment  LifeArea = "employment"   // beskæftigelse, uddannelse og aktiviteter
	AreaAuthorities LifeArea = "authorities"  // kontakt med myndigheder
	AreaCrime       LifeArea = "crime"        // kriminalitet og kriminalforsorg
)

// LifeAreas lists the assessment's life areas in screen order.
var LifeAreas = []LifeArea{AreaHousing, AreaFinances, AreaPhysical, AreaMental, AreaSubstance,
	AreaNetwork, AreaDailyLiving, AreaEmployment, AreaAuthorities, AreaCrime}

// The two assessment entries that are about the citizen as a whole, not one life area.
const (
	AreaWishes       LifeArea = "wishes"        // ønsker, håb og drømme med borgerens egne ord
	AreaHelpBarriers LifeArea = "help_barriers" // hvad holder borgeren fra at søge hjælp
)

// AssessmentTopics is every entry of the assessment: the citizen's wishes and what keeps
// them from seeking help first, then the life areas.
var AssessmentTopics = append([]LifeArea{AreaWishes, AreaHelpBarriers}, LifeAreas...)

// NoteLocation is where a contact with the citizen took place.
type NoteLocation string

// Note locations; the method wants most contacts in the citizen's own surroundings.
const (
	LocationHome    NoteLocation = "home"    // borgerens hjem
	LocationStreet  NoteLocation = "street"  // på gaden / i nærmiljøet
	LocationShelter NoteLocation = "shelter" // herberg, forsorgshjem, væresteder
	LocationOffice  NoteLocation = "office"  // kontoret
	LocationPhone   NoteLocation = "phone"   // telefon, sms, video
	LocationOther   NoteLocation = "other"
)

// NoteLocations lists the locations in UI order.
var NoteLocations = []NoteLocation{LocationHome, LocationStreet, LocationShelter, LocationOffice,
	LocationPhone, LocationOther}

// InCitizensSurroundings reports whether a contact took place where the citizen lives or stays.
func (l NoteLocation) InCitizensSurroundings() bool {
	return l == LocationHome || l == LocationStreet || l == LocationShelter
}

// NoteKind is what sort of contact or work a journal note records.
type NoteKind string

// Journal note kinds.
const (
	NoteVisit         NoteKind = "visit"         // besøg / samtale med borgeren
	NotePhoneCall     NoteKind = "phone_call"    // telefonsamtale med borgeren
	NoteAccompaniment NoteKind = "accompaniment" // ledsagelse til møde, læge, myndighed
	NoteMeeting       NoteKind = "meeting"       // møde med samarbejdspartnere og borgeren
	NoteAttempt       NoteKind = "attempt"       // forsøg på kontakt uden at træffe borgeren
	NoteCancelled     NoteKind = "cancelled"     // borgeren aflyste eller udeblev fra en aftale
	NoteCollaboration NoteKind = "collaboration" // kontakt med samarbejdspartner uden borgeren
	NoteOther         NoteKind = "other"
)

// NoteKinds lists the kinds in UI order.
var NoteKinds = []NoteKind{NoteVisit, NotePhoneCall, NoteAccompaniment, NoteMeeting,
	NoteAttempt, NoteCancelled, NoteCollaboration, NoteOther}

// IsContact reports whether the note records a contact where the worker met or spoke with
// the citizen: what the actual contacts per week and the local-contact rule count.
func (k NoteKind) IsContact() bool {
	return k == NoteVisit || k == NotePhoneCall || k == NoteAccompaniment || k == NoteMeeting
}

// IsPersistence reports whether the note records the worker seeking the citizen without
// meeting them: an attempt nobody answered, or a meeting the citizen cancelled.
func (k NoteKind) IsPersistence() bool { return k == NoteAttempt || k == NoteCancelled }

// KeepsContact reports whether the note shows the worker keeping the contact, which is
// the method's persistence duty: a contact, or an attempt or a cancelled meeting. The
// contact-gap warning and the contact rule count these.
func (k NoteKind) KeepsContact() bool { return k.IsContact() || k.IsPersistence() }

// IsWhereCitizenIs reports whether a contact of this kind at this location counts as work
// where the citizen lives or stays: in their surroundings, or accompanying them to a
// hospital, an authority or a treatment place, wherever that is.
func (k NoteKind) IsWhereCitizenIs(l NoteLocation) bool {
	return k.IsContact() && (k == NoteAccompaniment || l.InCitizensSurroundings())
}

// ContactKind is the kind of service or person in the citizen's network.
type ContactKind string

// Network contact kinds.
const (
	ContactCaseworker ContactKind = "caseworker" // myndighedssagsbehandler
	ContactJobcenter  ContactKind = "jobcenter"
	ContactAddiction  ContactKind = "addiction"  // misbrugsbehandling
	ContactPsychiatry ContactKind = "psychiatry" // psykiatri
	ContactGP         ContactKind = "gp"         // egen læge
	ContactDentist    ContactKind = "dentist"
	ContactHousing    ContactKind = "housing"   // boligorganisation, vicevært
	ContactProbation  ContactKind = "probation" // kriminalforsorgen
	ContactShelter    ContactKind = "shelter"   // herberg, forsorgshjem
	ContactHospital   ContactKind = "hospital"  // hospital, somatisk eller psykiatrisk afdeling
	ContactPharmacy   ContactKind = "pharmacy"  // apotek, fx dosisdispensering af medicin
	ContactPension    ContactKind = "pension"   // pensionskontor, Udbetaling Danmark
	ContactAlcohol    ContactKind = "alcohol"   // alkoholbehandling
	ContactFamily     ContactKind = "family"
	ContactPartner    ContactKind = "partner" // kæreste, ægtefælle
	ContactFriend     ContactKind = "friend"
	ContactOther      ContactKind = "other"
)

// ContactKinds lists the network kinds in UI order.
var ContactKinds = []ContactKind{ContactCaseworker, ContactJobcenter, ContactAddiction, ContactAlcohol,
	ContactPsychiatry, ContactHospital, ContactGP, ContactDentist, ContactPharmacy, ContactPension,
	ContactHousing, ContactProbation, ContactShelter, ContactFamily, ContactPartner, ContactFriend, ContactOther}

// AdvocacyStatus tells whether a barrier is still being worked on.
type AdvocacyStatus string

// Advocacy statuses.
const (
	AdvocacyOpen     AdvocacyStatus = "open"
	AdvocacyResolved AdvocacyStatus = "resolved"
	AdvocacyStuck    AdvocacyStatus = "stuck" // no way through for now; keep pursuing
)

// AdvocacyStatuses lists the statuses in UI order.
var AdvocacyStatuses = []AdvocacyStatus{AdvocacyOpen, AdvocacyResolved, AdvocacyStuck}

// ClosingReason is why a course ended.
type ClosingReason string

// Closing reasons. Giving up contact is not one: the method forbids it.
const (
	CloseGoalsReached ClosingReason = "goals_reached" // klarer sig med mindre støtte
	CloseCitizenEnded ClosingReason = "citizen_ended" // borgeren ønsker ikke støtten mere
	CloseMoved        ClosingReason = "moved"         // fraflyttet kommunen
	CloseInstitution  ClosingReason = "institution"   // længerevarende ophold, fx behandling eller fængsel
	CloseDeath        ClosingReason = "death"
	CloseOther        ClosingReason = "other"
)

// ClosingReasons lists the reasons in UI order.
var ClosingReasons = []ClosingReason{CloseGoalsReached, CloseCitizenEnded, CloseMoved,
	CloseInstitution, CloseDeath, CloseOther}

// AfterSupport is the support that follows when an ICM course closes.
type AfterSupport string

// Support after ICM.
const (
	AfterCTI   AfterSupport = "cti"    // Critical Time Intervention
	AfterSEL85 AfterSupport = "sel_85" // almindelig § 85-støtte
	AfterOther AfterSupport = "other"
	AfterNone  AfterSupport = "none"
)

// AfterSupports lists the choices in UI order.
var AfterSupports = []AfterSupport{AfterCTI, AfterSEL85, AfterOther, AfterNone}

// WeeklyScaleMax is the top of the weekly check's simple scale: 0 none, 1 slight,
// 2 moderate, 3 serious, 4 severe.
const WeeklyScaleMax = 4
