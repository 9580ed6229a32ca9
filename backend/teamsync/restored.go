package teamsync

import (
	"context"
	"errors"
	"fmt"
	"log"

	"gorm.io/gorm"

	"icm/backend/teamfolder"
)

// ErrRestored stops the sync of a laptop whose database was put back from a copy older than
// what the laptop had already sent to the team folder (a backup restored after a damaged
// disk, a copy from another machine). Its batch numbers and audit log went back while the
// team holds their later versions: syncing on would write new batches under numbers the
// others have applied already (they would never read them), apply the others' changes on
// top of a past the team has left, and send audit entries under numbers already used. The
// team holds everything the laptop had sent, so nothing is lost by stopping: the laptop
// joins the team again as a new laptop (a new, empty database; the README says how) and
// gets it all back from the folder. Detected when the folder holds a batch of this laptop
// past its counter that was not written from this database (the laptop's newest batch is
// never tidied away, so there always is one to find), before anything is published or
// applied; kept in a local setting until the laptop rejoins.
var ErrRestored = errors.New("this laptop's database is older than what it has sent to the team folder (put back from a backup): it must join the team again as a new laptop")

// restoredKey is the local setting that records ErrRestored (a laptop's own setting: it
// never travels).
const restoredKey = "sync_restored"

// Restored says whether this laptop's sync stopped with ErrRestored.
func Restored(db *gorm.DB) (bool, error) {
	var n int64
	err := db.Raw(`SELECT COUNT(*) FROM settings WHERE key = ?`, restoredKey).Scan(&n).Error
	return n > 0, err
}

// stopIfRestored returns ErrRestored once it was recorded; given err from a pass, it records
// it first.
func (e *Engine) stopIfRestored(ctx context.Context, err error) error {
	db := e.db.WithContext(ctx)
	if errors.Is(err, ErrRestored) {
		if rerr := db.Exec(`INSERT INTO settings(key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING`, restoredKey).Error; rerr != nil {
			return rerr
		}
		log.Printf("team folder: sync stopped: %v", ErrRestored)
		return err
	}
	if restored, rerr := Restored(db); rerr != nil || restored {
		if rerr != nil {
			return rerr
		}
		return ErrRestored
	}
	return err
}

// adoptAhead takes this laptop's own batches at or past its counter that the folder holds
// before anything is applied: batches whose commit a kill lost are adopted (the counter moves
// past them), and one not written from this database is ErrRestored.
func (e *Engine) adoptAhead(ctx context.Context, entries []teamfolder.Entry) error {
	ahead := false
	for _, en := range entries {
		if en.Laptop == e.local.LaptopID && en.Kind == teamfolder.KindBatch && en.Seq >= e.local.NextSeq {
			ahead = true
		}
	}
	if !ahead {
		return nil
	}
	err := e.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		l := e.local
		next, orphans, err := e.nextSeq(l.NextSeq)
		if err != nil {
			return err
		}
		if err := e.adoptOrphans(tx, orphans); err != nil {
			return err
		}
		l.NextSeq = next
		if err := e.saveLocal(tx, l); err != nil {
			return err
		}
		e.local = l
		return nil
	})
	if err != nil {
		e.reload(ctx)
	}
	return err
}

// aheadOfMe is a reason to wait when another laptop's file says it applied a batch of this
// laptop that this database does not hold. Only this laptop's own files can show that its
// database went back (adoptAhead: its newest batch always stays in the folder); a claim of
// another laptop's could be wrong or forged, so it never stops this laptop: the file waits,
// with the reason in the status.
func (e *Engine) aheadOfMe(deps map[string]uint64) error {
	if n := deps[e.local.LaptopID]; n > 0 && n >= e.local.NextSeq {
		return errSkip{fmt.Sprintf("waiting: it builds on batch %d of this laptop, which this database does not hold", n)}
	}
	return nil
}

// checkOwnAhead lists the folder and takes this laptop's own batches at or past its counter
// (adoptAhead), for the steps that write without a pass before them.
func (e *Engine) checkOwnAhead(ctx context.Context) error {
	entries, _, err := e.folder.List()
	if err != nil {
		return err
	}
	return e.adoptAhead(ctx, entries)
}
