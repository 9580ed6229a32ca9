package service

// CitizenListInput searches the citizen list by name, masked CPR digits or worker initials.
type CitizenListInput struct {
	Query string `json:"query"`
}

// CitizenListItem is one row of the citizen list. The CPR number is masked.
type CitizenListItem struct {
	ID             uint   `json:"id"`
	ReadOnly       bool   `json:"readOnly"` // a colleague's citizen: the worker may read, not change
	Covered        bool   `json:"covered"`  // a colleague's citizen the worker covers for today (holidays, illness)
	Name           string `json:"name"`
	CPRMasked      string `json:"cprMasked"`
	Housing        string `json:"housing"`
	CourseID       uint   `json:"courseId"`
	CourseStatus   string `json:"courseStatus"`
	WorkerName     string `json:"workerName"`
	WorkerInitials string `json:"workerInitials"`
}

// CitizenDTO is one citizen with their courses, for the citizen page.
type CitizenDTO struct {
	ID          uint               `json:"id"`
	ReadOnly    bool               `json:"readOnly"` // a colleague's citizen: the worker may read, not change
	Covered     bool               `json:"covered"`  // a colleague's citizen the worker covers for today
	Name        string             `json:"name"`
	CPR         string             `json:"cpr"`
	CPRMasked   string             `json:"cprMasked"`
	Phone       string             `json:"phone"`
	Email       string             `json:"email"`
	Address     string             `json:"address"`
	ContactNote string             `json:"contactNote"`
	Housing     string             `json:"housing"`
	HousingNote string             `json:"housingNote"`
	UpdatedAt   string             `json:"updatedAt"`
	Courses     []CourseSummaryDTO `json:"courses"`
}

// CitizenInput creates (ID 0) or updates a citizen.
type CitizenInput struct {
	ID          uint   `json:"id"`
	Name        string `json:"name"`
	CPR         string `json:"cpr"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	Address     string `json:"address"`
	ContactNote string `json:"contactNote"`
	// Housing, HousingNote and HousingDate (when it began, today if empty) start a new
	// citizen's housing history. A citizen already here changes housing through
	// RecordHousing: the fields must then be empty or what the citizen has.
	Housing     string `json:"housing"`
	HousingNote string `json:"housingNote"`
	HousingDate string `json:"housingDate"`
}

// IDInput names one record.
type IDInput struct {
	ID uint `json:"id"`
}
