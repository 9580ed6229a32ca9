package service

// TemplateElementDTO is the team's answer to one element of the method template. The UI
// has the element's name, fixed requirement and guiding questions by its code.
type TemplateElementDTO struct {
	Element   string `json:"element"`
	Answer    string `json:"answer"`
	Status    string `json:"status"`    // not_started, draft or agreed
	UpdatedAt string `json:"updatedAt"` // RFC 3339, "" when never written
}

// TemplateCompletenessDTO is how many of the elements the team has agreed on.
type TemplateCompletenessDTO struct {
	Agreed int `json:"agreed"`
	Total  int `json:"total"`
}

// TemplateVersionSummaryDTO is one signed version in the list: who signed it and when.
type TemplateVersionSummaryDTO struct {
	ID        uint   `json:"id"`
	VersionNo int    `json:"versionNo"`
	LeadID    uint   `json:"leadId"`
	LeadName  string `json:"leadName"` // as signed
	Date      string `json:"date"`     // ISO date the team lead signed
	SignedAt  string `json:"signedAt"` // RFC 3339, when it was recorded
	Note      string `json:"note"`
	Agreed    int    `json:"agreed"`
	Total     int    `json:"total"`
}

// TemplateDTO is the live template with its signed versions, newest first.
type TemplateDTO struct {
	Elements     []TemplateElementDTO        `json:"elements"`
	Completeness TemplateCompletenessDTO     `json:"completeness"`
	Versions     []TemplateVersionSummaryDTO `json:"versions"`
}

// TemplateVersionDTO is one signed version with its elements exactly as signed.
type TemplateVersionDTO struct {
	Summary  TemplateVersionSummaryDTO `json:"summary"`
	Elements []TemplateElementDTO      `json:"elements"`
}

// TemplateElementInput saves one element's answer and status.
type TemplateElementInput struct {
	Element string `json:"element"`
	Answer  string `json:"answer"`
	Status  string `json:"status"`
}

// SignTemplateInput signs the live template as the next version, in the name of the
// signed-in team lead.
type SignTemplateInput struct {
	Date string `json:"date"` // ISO date, not in the future
	Note string `json:"note"`
}

// ExportTemplateInput names a template version to export; VersionID 0 is the live draft.
type ExportTemplateInput struct {
	VersionID uint `json:"versionId"`
}
