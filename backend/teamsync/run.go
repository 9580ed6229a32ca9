package teamsync

import (
	"context"
	"log"
	"time"
)

// Run keeps the laptop in step while ctx lasts: a pass when the folder changes (watched,
// and scanned every `scan` for file services that do not report changes), and a publish as
// soon as a local change is waiting (checked every `poll`). Errors are logged without
// personal data and retried at the next pass.
func (e *Engine) Run(ctx context.Context, poll, scan time.Duration) {
	folderChanged := make(chan struct{}, 1)
	go func() {
		_ = e.folder.Watch(ctx, scan, func() {
			select {
			case folderChanged <- struct{}{}:
			default:
			}
		})
	}()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	pass := func() {
		if _, err := e.SyncOnce(ctx); err != nil && ctx.Err() == nil {
			log.Printf("team folder: sync pass failed: %v", err)
		}
	}
	pass()
	for {
		select {
		case <-ctx.Done():
			return
		case <-folderChanged:
			pass()
		case <-tick.C:
			var n int64
			if e.db.WithContext(ctx).Raw(`SELECT COUNT(*) FROM (SELECT 1 FROM sync_outbox LIMIT 1)`).Scan(&n).Error == nil && n > 0 {
				_, err := e.PublishOnce(ctx)
				if err == errNoTeamKey {
					err = nil
				}
				if err != nil && ctx.Err() == nil {
					log.Printf("team folder: publish failed: %v", err)
				}
				e.passed(err)
			}
		}
	}
}
