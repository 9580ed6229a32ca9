package citizenexport

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"time"

	"icm/backend/domain"
)

// MaxFileBytes is the largest document Decode reads: ten years of daily notes for one
// citizen are far below it, and a file that is larger is not one this app wrote.
const MaxFileBytes = 64 << 20

// maxFieldErrors caps the field errors one refused file reports.
const maxFieldErrors = 20

// Decode reads a document from a file's bytes and checks it as Validate does. It never
// panics: it returns either a valid document or a coded error — not_citizen_export for
// anything that is not this format, file_newer for a newer version of it,
// citizen_export_invalid (with the failing fields) for content the app would refuse when
// typed, file_too_large above MaxFileBytes.
func Decode(data []byte, now time.Time) (*Document, error) {
	if len(data) > MaxFileBytes {
		return nil, domain.E(domain.CodeFileTooLarge, "citizen export too large").
			With("max", strconv.Itoa(MaxFileBytes>>20))
	}
	// The format and version first, loosely: a newer version may have fields this one
	// does not know, and must be reported as newer rather than as broken.
	var head struct {
		Format        string `json:"format"`
		FormatVersion int    `json:"formatVersion"`
	}
	if err := json.Unmarshal(data, &head); err != nil || head.Format != Format {
		return nil, domain.E(domain.CodeNotCitizenExport, "not an ICM citizen export")
	}
	if head.FormatVersion > FormatVersion {
		return nil, domain.E(domain.CodeFileNewer, "citizen export of a newer format").
			With("version", strconv.Itoa(head.FormatVersion)).With("supported", strconv.Itoa(FormatVersion))
	}
	if head.FormatVersion < 1 {
		return nil, domain.E(domain.CodeNotCitizenExport, "citizen export without a format version")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc Document
	if err := dec.Decode(&doc); err != nil {
		return nil, invalidJSON(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, domain.E(domain.CodeNotCitizenExport, "data after the document")
	}
	if err := Validate(&doc, now); err != nil {
		return nil, err
	}
	return &doc, nil
}

// invalidJSON reports a field of the wrong type or unknown to this version as invalid
// content, anything else as not this format.
func invalidJSON(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return invalidAt(te.Field, domain.CodeInvalidInput)
	}
	if msg := err.Error(); len(msg) > len(`json: unknown field "`) && msg[:len(`json: unknown field "`)] == `json: unknown field "` {
		return invalidAt(msg[len(`json: unknown field "`):len(msg)-1], domain.CodeInvalidChoice)
	}
	return domain.Wrap(domain.CodeNotCitizenExport, "citizen export does not parse", err)
}

func invalidAt(field string, code domain.Code) error {
	return &domain.Error{Code: domain.CodeCitizenExportBad, Message: "citizen export invalid",
		Fields: []domain.FieldError{{Field: field, Code: code}}, Params: map[string]string{"field": field}}
}

// Marshal writes a document as the file holds it: indented UTF-8 JSON, readable in any
// text editor.
func Marshal(doc *Document) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, domain.Wrap(domain.CodeInternal, "encode citizen export", err)
	}
	return b.Bytes(), nil
}
