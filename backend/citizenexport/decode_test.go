package citizenexport

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"icm/backend/domain"
)

func marshal(t testing.TB, doc *Document) []byte {
	t.Helper()
	b, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeSample(t *testing.T) {
	want := sampleDoc()
	b := marshal(t, want)
	if !bytes.Contains(b, []byte(`"citizenWords": "Jeg vil have min egen lejlighed"`)) ||
		!bytes.Contains(b, []byte("Åse Ærø Łukasz")) {
		t.Fatalf("not readable, indented UTF-8:\n%.400s", b)
	}
	got, err := Decode(b, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		t.Fatalf("decoded document differs:\n got %s\nwant %s", g, w)
	}
}

// Typed input is cleaned the same way: surrounding space trimmed, line ends made \n, NFC.
func TestDecodeCleansText(t *testing.T) {
	doc := sampleDoc()
	doc.Citizen.Name = "  A\u030aSE  "
	doc.Courses[1].Notes[0].Text = "linje 1\r\nlinje 2  "
	doc.Courses[1].Notes[0].Revisions[1].Text = "linje 1\r\nlinje 2  "
	doc.Courses[1].FollowUp.WeeklyChecks[0].WeekStart = "2026-05-28" // a Thursday: stored as its Monday
	got, err := Decode(marshal(t, doc), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if got.Citizen.Name != "ÅSE" || got.Courses[1].Notes[0].Text != "linje 1\nlinje 2" ||
		got.Courses[1].Notes[0].Revisions[1].Text != "linje 1\nlinje 2" ||
		got.Courses[1].FollowUp.WeeklyChecks[0].WeekStart != "2026-05-25" {
		t.Errorf("got %q, %q, %q", got.Citizen.Name, got.Courses[1].Notes[0].Text, got.Courses[1].FollowUp.WeeklyChecks[0].WeekStart)
	}
}

func TestDecodeRefuses(t *testing.T) {
	edit := func(f func(d *Document)) []byte {
		d := sampleDoc()
		f(d)
		return marshal(t, d)
	}
	replace := func(old, new string) []byte {
		b := marshal(t, sampleDoc())
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("sample has no %q", old)
		}
		return bytes.Replace(b, []byte(old), []byte(new), 1)
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		code  domain.Code
		field string
	}{
		{"empty", nil, domain.CodeNotCitizenExport, ""},
		{"not JSON", []byte("ICMCRYPT\x01 not json"), domain.CodeNotCitizenExport, ""},
		{"a list", []byte(`[{"format":"icm-citizen-export"}]`), domain.CodeNotCitizenExport, ""},
		{"another format", replace(`"format": "icm-citizen-export"`, `"format": "icm-backup"`), domain.CodeNotCitizenExport, ""},
		{"newer version", replace(`"formatVersion": 3,`, `"formatVersion": 4, "newThing": true,`), domain.CodeFileNewer, ""},
		{"no version", replace(`"formatVersion": 3,`, ``), domain.CodeNotCitizenExport, ""},
		{"unknown field", replace(`"purpose": "handover",`, `"purpose": "handover", "extra": 1,`), domain.CodeCitizenExportBad, "extra"},
		{"wrong type", replace(`"durationMinutes": 45`, `"durationMinutes": "45"`), domain.CodeCitizenExportBad, "courses.notes.durationMinutes"},
		{"negative id", replace(`"id": 41`, `"id": -41`), domain.CodeCitizenExportBad, "courses.plan.goals.subGoals.id"},
		{"data after it", append(marshal(t, sampleDoc()), []byte(`{"format":"x"}`)...), domain.CodeNotCitizenExport, ""},
		{"too large", append(marshal(t, sampleDoc()), bytes.Repeat([]byte(" "), MaxFileBytes)...), domain.CodeFileTooLarge, ""},
		{"unknown purpose", edit(func(d *Document) { d.Purpose = "backup" }), domain.CodeCitizenExportBad, "purpose"},
		{"no name", edit(func(d *Document) { d.Citizen.Name = " " }), domain.CodeCitizenExportBad, "citizen.name"},
		{"control character", edit(func(d *Document) { d.Courses[1].Notes[1].Text = "ok\x00" }), domain.CodeCitizenExportBad, "courses[1].notes[1].text"},
		{"note without author", edit(func(d *Document) { d.Courses[1].Notes[1].AuthorName = "" }), domain.CodeCitizenExportBad, "courses[1].notes[1].authorName"},
		{"note without revisions", edit(func(d *Document) { d.Courses[1].Notes[1].Revisions = nil }), domain.CodeCitizenExportBad, "courses[1].notes[1].revisions"},
		{"revisions out of order", edit(func(d *Document) { d.Courses[1].Notes[0].Revisions[1].RevisionNo = 3 }), domain.CodeCitizenExportBad, "courses[1].notes[0].revisions[1].revisionNo"},
		{"last revision is not the note", edit(func(d *Document) { d.Courses[1].Notes[0].Revisions[1].Text = "Noget andet." }), domain.CodeCitizenExportBad, "courses[1].notes[0].revisions"},
		{"revision without its worker", edit(func(d *Document) { d.Courses[1].Notes[0].Revisions[0].WorkerName = "" }), domain.CodeCitizenExportBad, "courses[1].notes[0].revisions[0].workerName"},
		{"reason for the first text", edit(func(d *Document) { d.Courses[1].Notes[0].Revisions[0].Reason = "Hvorfor?" }), domain.CodeCitizenExportBad, "courses[1].notes[0].revisions[0].reason"},
		{"reason too long", edit(func(d *Document) {
			d.Courses[1].Notes[0].Revisions[1].Reason = strings.Repeat("x", domain.MaxShortText+1)
		}), domain.CodeCitizenExportBad, "courses[1].notes[0].revisions[1].reason"},
		{"revision of an unknown kind", edit(func(d *Document) { d.Courses[1].Notes[0].Revisions[0].Kind = "chat" }), domain.CodeCitizenExportBad, "courses[1].notes[0].revisions[0].kind"},
		{"revisions in a version 1 file", edit(func(d *Document) { d.FormatVersion = 1 }), domain.CodeCitizenExportBad, "courses[0].notes[0].revisions"},
		{"agreed contact in a version 2 file", edit(func(d *Document) { d.FormatVersion = 2 }), domain.CodeCitizenExportBad, "courses[0].followUp.contactFrequencies"},
		{"direction override", edit(func(d *Document) { d.Citizen.Name = "Åse \u202eesÅ" }), domain.CodeCitizenExportBad, "citizen.name"},
		{"note too long", edit(func(d *Document) { d.Courses[1].Notes[0].Text = strings.Repeat("ø", domain.MaxLongText+1) }), domain.CodeCitizenExportBad, "courses[1].notes[0].text"},
		{"bad CPR", edit(func(d *Document) { d.Citizen.CPR = "321390-1234" }), domain.CodeCitizenExportBad, "citizen.cpr"},
		{"bad e-mail", edit(func(d *Document) { d.Citizen.Email = "aase@" }), domain.CodeCitizenExportBad, "citizen.email"},
		{"bad phone", edit(func(d *Document) { d.Citizen.Phone = "ring til mig" }), domain.CodeCitizenExportBad, "citizen.phone"},
		{"unknown housing", edit(func(d *Document) { d.Citizen.Housing = "castle" }), domain.CodeCitizenExportBad, "citizen.housing"},
		{"unknown status", edit(func(d *Document) { d.Courses[0].Status = "paused" }), domain.CodeCitizenExportBad, "courses[0].status"},
		{"two open courses", edit(func(d *Document) { d.Courses[0].Status = "active" }), domain.CodeCitizenExportBad, "courses[1].status"},
		{"closed without end", edit(func(d *Document) { d.Courses[0].EndDate = "" }), domain.CodeCitizenExportBad, "courses[0].endDate"},
		{"end before start", edit(func(d *Document) { d.Courses[0].EndDate = "2024-01-01" }), domain.CodeCitizenExportBad, "courses[0].endDate"},
		{"same course twice", edit(func(d *Document) { d.Courses[1].ID = d.Courses[0].ID }), domain.CodeCitizenExportBad, "courses[1].id"},
		{"note in the future", edit(func(d *Document) { d.Courses[1].Notes[0].OccurredAt = "2027-01-01T10:00" }), domain.CodeCitizenExportBad, "courses[1].notes[0].occurredAt"},
		{"not a date", edit(func(d *Document) { d.Courses[1].StartDate = "02.03.2026" }), domain.CodeCitizenExportBad, "courses[1].startDate"},
		{"date before 1990", edit(func(d *Document) { d.Courses[1].Advocacy[0].Opened = "1989-12-31" }), domain.CodeCitizenExportBad, "courses[1].advocacy[0].opened"},
		{"bad time", edit(func(d *Document) { d.Citizen.CreatedAt = "yesterday" }), domain.CodeCitizenExportBad, "citizen.createdAt"},
		{"assessment revised twice a day", edit(func(d *Document) {
			d.Courses[1].Assessment[1].RevisionDate = d.Courses[1].Assessment[0].RevisionDate
		}), domain.CodeCitizenExportBad, "courses[1].assessment[1].revisionDate"},
		{"sub-goal id twice", edit(func(d *Document) { d.Courses[1].Plan.Goals[0].SubGoals[1].ID = 41 }), domain.CodeCitizenExportBad, "courses[1].plan.goals[0].subGoals[1].id"},
		{"activity of an unknown sub-goal", edit(func(d *Document) { d.Courses[1].Plan.Activities[0].SubGoalID = 99 }), domain.CodeCitizenExportBad, "courses[1].plan.activities[0].subGoalId"},
		{"evaluation of another course's sub-goal", edit(func(d *Document) {
			d.Courses[0].Plan.Goals = []Goal{{CitizenWords: "Mål", SubGoals: []SubGoal{{ID: 5, What: "Delmål", Status: "achieved"}}}}
			d.Courses[1].FollowUp.Evaluations[0].Items[0].SubGoalID = 5
		}), domain.CodeCitizenExportBad, "courses[1].followUp.evaluations[0].items[0].subGoalId"},
		{"evaluation before the start", edit(func(d *Document) { d.Courses[1].FollowUp.Evaluations[0].Date = "2026-01-01" }), domain.CodeCitizenExportBad, "courses[1].followUp.evaluations[0].date"},
		{"agreed contact before the start", edit(func(d *Document) { d.Courses[1].FollowUp.ContactFrequencies[0].FromDate = "2026-03-01" }), domain.CodeCitizenExportBad, "courses[1].followUp.contactFrequencies[0].fromDate"},
		{"case review before the start", edit(func(d *Document) { d.Courses[1].FollowUp.CaseReviews[0].Date = "2026-03-01" }), domain.CodeCitizenExportBad, "courses[1].followUp.caseReviews[0].date"},
		{"two case reviews on one day", edit(func(d *Document) {
			d.Courses[1].FollowUp.CaseReviews = append(d.Courses[1].FollowUp.CaseReviews, d.Courses[1].FollowUp.CaseReviews[0])
		}), domain.CodeCitizenExportBad, "courses[1].followUp.caseReviews[1].date"},
		{"seven contacts a day agreed", edit(func(d *Document) { d.Courses[1].FollowUp.ContactFrequencies[0].Times = 7 }), domain.CodeCitizenExportBad, "courses[1].followUp.contactFrequencies[0].times"},
		{"WHO-5 of four answers", edit(func(d *Document) { d.Courses[1].FollowUp.WHO5[0].Items = []int{1, 2, 3, 4} }), domain.CodeCitizenExportBad, "courses[1].followUp.who5[0].items"},
		{"WHO-5 answer 6", edit(func(d *Document) { d.Courses[1].FollowUp.WHO5[0].Items[2] = 6 }), domain.CodeCitizenExportBad, "courses[1].followUp.who5[0].items.2"},
		{"weekly check twice a week", edit(func(d *Document) {
			d.Courses[1].FollowUp.WeeklyChecks = append(d.Courses[1].FollowUp.WeeklyChecks, WeeklyCheck{WeekStart: "2026-05-27"})
		}), domain.CodeCitizenExportBad, "courses[1].followUp.weeklyChecks[1].weekStart"},
		{"weekly rating 5", edit(func(d *Document) { d.Courses[1].FollowUp.WeeklyChecks[0].Mental = 5 }), domain.CodeCitizenExportBad, "courses[1].followUp.weeklyChecks[0].mental"},
		{"closing without reason", edit(func(d *Document) { d.Courses[0].FollowUp.Closing.Reason = "" }), domain.CodeCitizenExportBad, "courses[0].followUp.closing.reason"},
		{"contact without name", edit(func(d *Document) {
			d.Courses[1].Coordination.Network[0].Name, d.Courses[1].Coordination.Network[0].Organisation = "", ""
		}), domain.CodeCitizenExportBad, "courses[1].coordination.network[0].name"},
		{"too many meeting actions", edit(func(d *Document) {
			d.Courses[1].Coordination.Meetings[0].Actions = make([]MeetingAction, maxActions+1)
		}), domain.CodeCitizenExportBad, "courses[1].coordination.meetings[0].actions"},
		{"consent without date", edit(func(d *Document) { d.Courses[1].Visitation.ConsentDate = "" }), domain.CodeCitizenExportBad, "courses[1].visitation.consentDate"},
		{"unknown need", edit(func(d *Document) { d.Courses[1].Visitation.Needs = []string{"money"} }), domain.CodeCitizenExportBad, "courses[1].visitation.needs"},
		{"version 0", edit(func(d *Document) { d.Courses[1].PlanVersions[0].VersionNo = 0 }), domain.CodeCitizenExportBad, "courses[1].planVersions[0].versionNo"},
		{"unknown sign method", edit(func(d *Document) { d.Courses[1].PlanVersions[0].Method = "email" }), domain.CodeCitizenExportBad, "courses[1].planVersions[0].method"},
		{"newer snapshot", edit(func(d *Document) { d.Courses[1].PlanVersions[0].Snapshot.FormatVersion = 9 }), domain.CodeCitizenExportBad, "courses[1].planVersions[0].snapshot.formatVersion"},
		{"control character in a snapshot", edit(func(d *Document) {
			d.Courses[1].PlanVersions[0].Snapshot.Goals[0].SubGoals[0].What = "a\x07b"
		}), domain.CodeCitizenExportBad, "courses[1].planVersions[0].snapshot.goals[0].subGoals[0].what"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(tc.data, testNow)
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != tc.code {
				t.Fatalf("error = %v, want code %s", err, tc.code)
			}
			if tc.field == "" {
				return
			}
			for _, f := range de.Fields {
				if f.Field == tc.field {
					if de.Params["field"] == "" {
						t.Error("no field parameter for the message")
					}
					return
				}
			}
			t.Fatalf("fields = %+v, want %s", de.Fields, tc.field)
		})
	}
}

// A file with a problem in every row reports a bounded number of fields.
func TestDecodeCapsFieldErrors(t *testing.T) {
	doc := sampleDoc()
	for i := 0; i < 500; i++ {
		doc.Courses[1].Notes = append(doc.Courses[1].Notes, Note{OccurredAt: "x"})
	}
	_, err := Decode(marshal(t, doc), testNow)
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.CodeCitizenExportBad || len(de.Fields) != maxFieldErrors {
		t.Fatalf("error = %v with %d fields, want %d", err, len(de.Fields), maxFieldErrors)
	}
}

// A file of version 1 (before notes had authors and revisions) still reads: each note gets
// the course's worker as author and one revision, and the document reads as version 2.
func TestDecodeVersion1(t *testing.T) {
	got, err := Decode(version1(t, sampleDoc()), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if got.FormatVersion != FormatVersion {
		t.Errorf("format version %d after reading, want %d", got.FormatVersion, FormatVersion)
	}
	for i, c := range got.Courses {
		for j, n := range c.Notes {
			want := []NoteRevision{{RevisionNo: 1, OccurredAt: n.OccurredAt, DurationMinutes: n.DurationMinutes,
				Location: n.Location, Kind: n.Kind, Text: n.Text, WorkerName: c.Worker.Name, SavedAt: n.UpdatedAt}}
			if n.AuthorName != c.Worker.Name || !reflect.DeepEqual(n.Revisions, want) {
				t.Errorf("course %d note %d: author %q, revisions %+v; want %q and %+v", i, j, n.AuthorName, n.Revisions,
					c.Worker.Name, want)
			}
		}
	}
	// What was read is a valid document of this version.
	if _, err := Decode(marshal(t, got), testNow); err != nil {
		t.Fatalf("the upgraded document does not read back: %v", err)
	}
}

// version1 writes doc as a file of format version 1: without the notes' authors and
// revisions, without the housing history, and without the agreed contact frequencies and
// case reviews of version 3.
func version1(t *testing.T, doc *Document) []byte {
	t.Helper()
	doc.FormatVersion = 1
	doc.Citizen.HousingHistory = nil
	for i := range doc.Courses {
		doc.Courses[i].FollowUp.ContactFrequencies, doc.Courses[i].FollowUp.CaseReviews = nil, nil
	}
	for i := range doc.Courses {
		for j := range doc.Courses[i].Notes {
			doc.Courses[i].Notes[j].AuthorName, doc.Courses[i].Notes[j].Revisions = "", nil
		}
	}
	b := marshal(t, doc)
	b = bytes.ReplaceAll(b, []byte(`"authorName": "",`), nil)
	b = regexp.MustCompile(`,\s*"(revisions|housingHistory)": null`).ReplaceAll(b, nil)
	b = regexp.MustCompile(`\s*"(contactFrequencies|caseReviews)": null,`).ReplaceAll(b, nil)
	if bytes.Contains(b, []byte("revisions")) || bytes.Contains(b, []byte("authorName")) || bytes.Contains(b, []byte("housingHistory")) ||
		bytes.Contains(b, []byte("contactFrequencies")) || bytes.Contains(b, []byte("caseReviews")) {
		t.Fatalf("the version 1 file still has the fields of version 2:\n%s", b)
	}
	return b
}
