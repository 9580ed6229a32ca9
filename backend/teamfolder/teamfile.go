package teamfolder

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"icm/backend/domain"
)

// TeamFormat is the team folder format this version writes and reads.
const TeamFormat = 1

// maxTeamFile bounds icm-team.json; it holds three short values.
const maxTeamFile = 64 << 10

// TeamFile is icm-team.json at the top of the team folder: which team the folder belongs to
// and its format version. It holds no personal data and is not encrypted.
type TeamFile struct {
	Format    int       `json:"format"`
	TeamID    string    `json:"teamId"`
	CreatedAt time.Time `json:"createdAt"`
}

// WriteTeamFile writes icm-team.json once, atomically, when a team lead creates the team in
// an empty folder; an existing team file is never replaced (ErrExists).
func WriteTeamFile(root string, t TeamFile) error {
	if t.Format == 0 {
		t.Format = TeamFormat
	}
	if err := checkTeamFile(t); err != nil {
		return err
	}
	data, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return domain.Wrap(domain.CodeInternal, "encode team file", err)
	}
	return writeAtomic(root, TeamFileName, append(data, '\n'), false)
}

// ReadTeamFile reads icm-team.json. A folder without one has no team yet (fs.ErrNotExist
// in the chain); an empty one (a sync client's placeholder) is ErrIncomplete; a format above
// TeamFormat is ErrNewerVersion; anything else unreadable ErrTeamFile.
func ReadTeamFile(root string) (TeamFile, error) {
	in, err := os.Open(filepath.Join(root, TeamFileName))
	if errors.Is(err, fs.ErrNotExist) {
		return TeamFile{}, domain.Wrap(domain.CodeTeamMissing, "no team file in the team folder", err)
	}
	if err != nil {
		return TeamFile{}, domain.Wrap(domain.CodeFileDamaged, "open team file", err)
	}
	defer in.Close()
	data, err := io.ReadAll(io.LimitReader(in, maxTeamFile+1))
	if err != nil {
		return TeamFile{}, domain.Wrap(domain.CodeFileDamaged, "read team file", err)
	}
	if len(data) > maxTeamFile {
		return TeamFile{}, domain.Wrap(domain.CodeFileDamaged, "team file too large", ErrTeamFile)
	}
	if len(data) == 0 {
		return TeamFile{}, domain.Wrap(domain.CodeFileDamaged, "team file is an empty placeholder", ErrIncomplete)
	}
	var t TeamFile
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&t); err != nil {
		return TeamFile{}, domain.Wrap(domain.CodeFileDamaged, "team file is not JSON: "+err.Error(), ErrTeamFile)
	}
	if t.Format > TeamFormat {
		return TeamFile{}, domain.Wrap(domain.CodeFileNewer, "team folder format "+strconv.Itoa(t.Format), ErrNewerVersion)
	}
	if err := checkTeamFile(t); err != nil {
		return TeamFile{}, err
	}
	return t, nil
}

// checkTeamFile accepts a team id of 1-64 letters, digits and dashes (a uid or a UUID) and a
// known format.
func checkTeamFile(t TeamFile) error {
	if t.Format < 1 || t.Format > TeamFormat {
		return domain.Wrap(domain.CodeFileDamaged, "team file format "+strconv.Itoa(t.Format), ErrTeamFile)
	}
	if len(t.TeamID) == 0 || len(t.TeamID) > 64 {
		return domain.Wrap(domain.CodeFileDamaged, "team id length", ErrTeamFile)
	}
	for i := 0; i < len(t.TeamID); i++ {
		c := t.TeamID[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
			return domain.Wrap(domain.CodeFileDamaged, "team id characters", ErrTeamFile)
		}
	}
	return nil
}
