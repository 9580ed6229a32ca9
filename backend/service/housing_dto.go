package service

// HousingHistoryDTO is a citizen's housing history (boligforløb): the situation in force
// now and every entry, newest first.
type HousingHistoryDTO struct {
	CitizenID   uint              `json:"citizenId"`
	ReadOnly    bool              `json:"readOnly"` // a colleague's citizen: the worker may read, not change
	Current     string            `json:"current"`  // "" when nothing is recorded
	Since       string            `json:"since"`    // the date the current situation began, ISO
	CurrentNote string            `json:"currentNote"`
	Entries     []HousingEntryDTO `json:"entries"`
}

// HousingEntryDTO is one dated entry. From is the situation in force before it (derived,
// "" for the first or when the entry is not in force). A corrected or withdrawn entry stays
// in the list with the correction's facts; a withdrawal is shown on the entry it withdraws.
type HousingEntryDTO struct {
	ID          uint   `json:"id"`
	Date        string `json:"date"`
	From        string `json:"from"`
	Housing     string `json:"housing"`
	Note        string `json:"note"`
	Kind        string `json:"kind"`     // move, start, close, carried_over
	CourseID    uint   `json:"courseId"` // the course of a start or close entry
	CorrectsID  uint   `json:"correctsId"`
	InForce     bool   `json:"inForce"`
	Correctable bool   `json:"correctable"` // a move that is in force may be corrected or withdrawn
	RecordedBy  string `json:"recordedBy"`  // the worker's initials, "" when not made by a worker
	CreatedAt   string `json:"createdAt"`
	// CorrectedBy is the entry that corrects this one (0 when none); Withdrawn says it was
	// taken back instead, with WithdrawnNote the reason given.
	CorrectedBy   uint   `json:"correctedBy"`
	Withdrawn     bool   `json:"withdrawn"`
	WithdrawnNote string `json:"withdrawnNote"`
	WithdrawnAt   string `json:"withdrawnAt"`
	WithdrawnBy   string `json:"withdrawnBy"`
}

// HousingInput registers a move or a new housing situation from Date; with CorrectsID it
// corrects that earlier entry instead, which stays visible as corrected.
type HousingInput struct {
	CitizenID  uint   `json:"citizenId"`
	Date       string `json:"date"`
	Housing    string `json:"housing"`
	Note       string `json:"note"`
	CorrectsID uint   `json:"correctsId"`
}

// HousingWithdrawInput takes back an entry made by mistake; Note says why.
type HousingWithdrawInput struct {
	CitizenID uint   `json:"citizenId"`
	ID        uint   `json:"id"`
	Note      string `json:"note"`
}
