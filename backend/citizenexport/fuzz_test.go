package citizenexport

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"icm/backend/domain"
)

// decodeCodes are the only errors Decode may return.
var decodeCodes = []domain.Code{domain.CodeNotCitizenExport, domain.CodeFileNewer, domain.CodeCitizenExportBad,
	domain.CodeFileTooLarge}

// FuzzImportDecode feeds arbitrary bytes to the import's decoder and validator. It must
// never panic, and it must answer either with a coded error or with a document that is
// valid: validating it again changes nothing, and it survives a write and a read.
func FuzzImportDecode(f *testing.F) {
	sample := marshal(f, sampleDoc())
	f.Add(sample)
	minimal := &Document{Format: Format, FormatVersion: 1, Purpose: PurposeHandover, Citizen: Citizen{Name: "Bo"},
		Courses: []Course{}, AuditLog: []AuditEntry{}}
	f.Add(marshal(f, minimal))
	f.Add([]byte(`{"format":"icm-citizen-export","formatVersion":1,"purpose":"handover","citizen":{"name":"Bo"},` +
		`"courses":[{"id":1,"status":"active","startDate":"2026-01-05","worker":{"name":"Aisha"},"notes":[` +
		`{"occurredAt":"2026-02-01T10:00","location":"home","kind":"visit","text":"hej"}]}]}`))
	f.Add([]byte(`{"format":"icm-citizen-export","formatVersion":2}`))
	f.Add([]byte(`{"format":"icm-citizen-export","formatVersion":1,"courses":[{"id":1e99}]}`))
	f.Add([]byte(`{"format":"icm-citizen-export","formatVersion":1,"citizen":{"name":"\u202e"}}`))
	f.Add([]byte(`null`))
	f.Add([]byte{0xff, 0xfe, '{'})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode(data, testNow)
		if err != nil {
			var de *domain.Error
			if !errors.As(err, &de) {
				t.Fatalf("uncoded error %T: %v", err, err)
			}
			for _, c := range decodeCodes {
				if de.Code == c {
					return
				}
			}
			t.Fatalf("unexpected code %s: %v", de.Code, err)
		}
		if doc == nil {
			t.Fatal("no error and no document")
		}
		b, err := Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var again Document // a deep copy
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatal(err)
		}
		if err := Validate(&again, testNow); err != nil {
			t.Fatalf("an accepted document fails validation again: %v", err)
		}
		if !reflect.DeepEqual(&again, doc) {
			t.Fatal("validating an accepted document changed it")
		}
		if _, err := Decode(b, testNow); err != nil {
			t.Fatalf("an accepted document does not read back: %v", err)
		}
	})
}
