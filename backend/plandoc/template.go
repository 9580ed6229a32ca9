package plandoc

// TemplateVersion is the format of the method template snapshot.
const TemplateVersion = 1

// Template is one version of the team's method template (metodeskabelon) as it is signed
// and printed: every element with its name and fixed requirement already resolved (Danish),
// the team's answer and its status. VersionNo 0 with no Signature is the live draft.
type Template struct {
	FormatVersion int                `json:"formatVersion"`
	Municipality  string             `json:"municipality"`
	Team          string             `json:"team"`
	VersionNo     int                `json:"versionNo"`
	Elements      []TemplateElement  `json:"elements"`
	Signature     *TemplateSignature `json:"signature"` // nil for the draft
}

// TemplateElement is one element: what the method requires and how the team does it.
type TemplateElement struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Requirement string `json:"requirement"`
	// Weight is how firmly the method states the requirement (domain.RequirementWeight:
	// must, important, advice); "" in versions signed before it was recorded.
	Weight string `json:"weight,omitempty"`
	// Questions are the method template's guiding questions for the element.
	Questions []string `json:"questions,omitempty"`
	Answer    string   `json:"answer"`
	Status    string   `json:"status"`    // domain.TemplateStatus code
	UpdatedAt string   `json:"updatedAt"` // RFC 3339 or "" when never written
}

// TemplateSignature is who signed a template version and when.
type TemplateSignature struct {
	LeadID   uint   `json:"leadId"`
	LeadName string `json:"leadName"`
	Date     string `json:"date"`     // ISO date the team lead signed
	SignedAt string `json:"signedAt"` // RFC 3339, when it was recorded
	Note     string `json:"note"`
}

// Agreed counts the elements the team has agreed on.
func (t Template) Agreed() int {
	n := 0
	for _, e := range t.Elements {
		if e.Status == "agreed" {
			n++
		}
	}
	return n
}
