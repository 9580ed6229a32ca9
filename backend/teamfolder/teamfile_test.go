package teamfolder

import (
	"errors"
	"io/fs"
	"testing"
	"time"

	"icm/backend/domain"
)

func TestTeamFileRoundTripAndWrittenOnce(t *testing.T) {
	root := t.TempDir()
	created := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	want := TeamFile{TeamID: "7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a", CreatedAt: created}
	if _, err := ReadTeamFile(root); !errors.Is(err, fs.ErrNotExist) || domain.CodeOf(err) != domain.CodeTeamMissing {
		t.Errorf("before: %v", err)
	}
	if err := WriteTeamFile(root, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTeamFile(root)
	want.Format = TeamFormat
	if err != nil || got.TeamID != want.TeamID || got.Format != 1 || !got.CreatedAt.Equal(created) {
		t.Fatalf("read %+v %v", got, err)
	}
	if err := WriteTeamFile(root, TeamFile{TeamID: "other"}); !errors.Is(err, ErrExists) {
		t.Errorf("second team file: %v", err)
	}
}

func TestReadTeamFileRefusesWhatItCannotTrust(t *testing.T) {
	cases := []struct {
		name, body string
		cause      error
	}{
		{"empty placeholder", "", ErrIncomplete},
		{"half a file", `{"format":1,"teamId":"ab`, ErrTeamFile},
		{"newer format", `{"format":2,"teamId":"abc","createdAt":"2026-12-06T10:00:00Z"}`, ErrNewerVersion},
		{"no format", `{"teamId":"abc"}`, ErrTeamFile},
		{"no team id", `{"format":1}`, ErrTeamFile},
		{"odd team id", `{"format":1,"teamId":"../x"}`, ErrTeamFile},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			put(t, root, TeamFileName, []byte(c.body))
			if _, err := ReadTeamFile(root); !errors.Is(err, c.cause) {
				t.Errorf("err %v, want %v", err, c.cause)
			}
		})
	}
	if err := WriteTeamFile(t.TempDir(), TeamFile{}); !errors.Is(err, ErrTeamFile) {
		t.Errorf("write without id: %v", err)
	}
}
