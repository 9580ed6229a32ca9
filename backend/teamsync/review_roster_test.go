package teamsync_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icm/backend/teamfolder"
	"icm/backend/teamfolder/faulty"
	"icm/backend/teamkeys"
	"icm/backend/teamsync"
)

// copyTree copies the files of one laptop's team folder into another's.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o700)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// REVIEW finding: a laptop that joins pins as its trust root whichever self-signed first
// roster in the folder has the lowest hash. Anyone who can write to the team folder (any
// worker, or anyone the share reaches) leaves a roster 1 of their own under a made-up
// laptop folder, with the team's id from the plaintext icm-team.json, signed until its hash
// is lower than the genuine one's. The joining laptop trusts the stranger as the team's
// founder: it never takes the team lead's rosters (its enrolment), and would take the
// stranger's team key and encrypt its worker's citizens' data to it.
func TestReviewFirstRosterHijackOnJoin(t *testing.T) {
	tm := newTeam(t, faulty.Options{Seed: 22}, "AA", "CK")
	lead := tm.laptops[0]
	ctx := context.Background()
	st, err := lead.eng.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	founderRoster, err := os.ReadFile(filepath.Join(lead.dir, "laptops", lead.eng.LaptopID(), teamfolder.RosterName(1)))
	if err != nil {
		t.Fatal(err)
	}
	genuine := sha256.Sum256(founderRoster)
	wantRoot := value(t, lead, `SELECT trust_root FROM sync_local`)

	// The new laptop's copy of the folder, with the stranger's roster 1 in it.
	ck := newLaptop(t, "new", tm.clock)
	copyTree(t, lead.dir, ck.dir)
	rogue, err := teamkeys.NewLaptopKeys()
	if err != nil {
		t.Fatal(err)
	}
	pub := rogue.Public()
	body, _ := json.Marshal(teamsync.Roster{Format: 1, TeamID: st.TeamID, Version: 1, Epoch: 1, Members: []teamsync.Member{{
		Laptop: rogue.LaptopID, Worker: "00000000000000000000000000000000", Label: "x", Sign: hex.EncodeToString(pub.Sign),
		Age: pub.Age, Lead: true}}})
	var data []byte
	for i := 0; ; i++ {
		data, err = teamkeys.SealPlain(teamkeys.Header{Format: 1, Kind: "roster", TeamID: st.TeamID, Laptop: rogue.LaptopID,
			Seq: 1, Name: teamfolder.RosterName(1), Created: time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC)}, body, rogue)
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) < hex.EncodeToString(genuine[:]) {
			break
		}
		if i > 10000 {
			t.Fatal("no lower hash found")
		}
	}
	dir := filepath.Join(ck.dir, "laptops", rogue.LaptopID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, teamfolder.RosterName(1)), data, 0o600); err != nil {
		t.Fatal(err)
	}

	if _, err := teamsync.Join(ctx, ck.st.Gorm(), ck.dbPath, ck.dir, "new", lead.eng.Fingerprint(), tm.clock.now); err != nil {
		t.Fatalf("Join: %v", err)
	}
	if ck.eng, err = teamsync.Open(ck.st.Gorm(), ck.dbPath, tm.clock.now); err != nil {
		t.Fatal(err)
	}
	ck.sync(t)
	if got := value(t, ck, `SELECT trust_root FROM sync_local`); got != wantRoot {
		t.Errorf("the joining laptop pinned a stranger's key as the team's trust root (%s…, founder %s…)", got[:8], wantRoot[:8])
	}
	// The team lead enrolls the laptop as usual: the enrolment must reach it.
	copyTree(t, ck.dir, lead.dir)
	if err := lead.eng.Enroll(ctx, ck.eng.LaptopID(), workerUID(t, lead, "CK"), false); err != nil {
		t.Fatalf("Enroll: %v", err)
	}
	copyTree(t, lead.dir, ck.dir)
	ck.sync(t)
	if s, _ := ck.eng.Status(ctx); !s.Enrolled {
		t.Errorf("the team lead's enrolment never reaches the laptop (roster %d)", s.RosterVersion)
	}
}
