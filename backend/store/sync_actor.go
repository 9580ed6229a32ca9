package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// workerKey is the context key under which a service passes the signed-in worker's id to
// the store, so that the change capture of the team folder sync (migration 0013) can name
// who made each change.
type workerKey struct{}

// WithWorker returns ctx carrying the id of the worker who acts (0: nobody signed in, as
// for the first start, the demo and the command line).
func WithWorker(ctx context.Context, workerID uint) context.Context {
	return context.WithValue(ctx, workerKey{}, workerID)
}

// WorkerFrom is the worker id WithWorker put in ctx (0 when none).
func WorkerFrom(ctx context.Context) uint {
	id, _ := ctx.Value(workerKey{}).(uint)
	return id
}

// clockKey is the context key under which a service passes its clock to the store, so that
// a write transaction records when it wrote (sync_tx_times, migration 0017) by the same
// clock the service judges the day with.
type clockKey struct{}

// WithClock returns ctx carrying the clock of the service that acts.
func WithClock(ctx context.Context, now func() time.Time) context.Context {
	return context.WithValue(ctx, clockKey{}, now)
}

// ClockFrom is the clock WithClock put in ctx, or the wall clock.
func ClockFrom(ctx context.Context) func() time.Time {
	if f, ok := ctx.Value(clockKey{}).(func() time.Time); ok && f != nil {
		return f
	}
	return time.Now
}

// beginWrite starts a write transaction of a migrated store by recording its worker (see
// setActor); before migration 0013 there is nothing to record.
func (s *Store) beginWrite(ctx context.Context, tx *gorm.DB) error {
	if !s.capture {
		return nil
	}
	return setActor(ctx, tx, WorkerFrom(ctx))
}

// endWrite is the last statement of a write transaction that beginWrite started.
func (s *Store) endWrite(ctx context.Context, tx *gorm.DB) error {
	if !s.capture {
		return nil
	}
	return clearActor(ctx, tx)
}

// setActor writes the acting worker into sync_actor as the first statement of a write
// transaction, with a number for the transaction (the seq its first outbox row will get),
// so that every outbox row the capture triggers append in it names the worker and the
// transaction: the publisher never splits one transaction over two batches. It records
// when the transaction wrote under that number (sync_tx_times, by the clock of ctx): a
// change is published later, and a cover is judged by the day it was written.
// They run on the transaction's connection directly: through GORM the statements cost as
// much again as an audit entry.
func setActor(ctx context.Context, tx *gorm.DB, workerID uint) error {
	_, err := tx.Statement.ConnPool.ExecContext(ctx,
		`UPDATE sync_actor SET worker_id = ?, tx = (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox)`, workerID)
	if err != nil {
		return err
	}
	at := ClockFrom(ctx)().UTC().Format(time.RFC3339)
	_, err = tx.Statement.ConnPool.ExecContext(ctx,
		`INSERT OR REPLACE INTO sync_tx_times(tx, at) SELECT tx, ? FROM sync_actor`, at)
	return err
}

// clearActor sets sync_actor back to nobody before the transaction commits: a write made
// later outside any transaction is not put in this one's name, and a transaction leaves no
// trace of its own in the file. Its write time goes too when it captured nothing (its
// outbox rows are the ones from its number on).
func clearActor(ctx context.Context, tx *gorm.DB) error {
	_, err := tx.Statement.ConnPool.ExecContext(ctx, `DELETE FROM sync_tx_times WHERE tx = (SELECT tx FROM sync_actor)
		AND NOT EXISTS (SELECT 1 FROM sync_outbox WHERE seq >= sync_tx_times.tx)`)
	if err != nil {
		return err
	}
	_, err = tx.Statement.ConnPool.ExecContext(ctx, `UPDATE sync_actor SET worker_id = 0, tx = 0`)
	return err
}

// SyncTx runs fn in one write transaction on the underlying GORM handle, with the acting
// worker of ctx recorded as for Tx. It is for the team folder sync (backend/syncstore and
// backend/teamsync), which reads and writes the sync tables and applies remote changes;
// services use Tx.
func (s *Store) SyncTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.tx(ctx, fn)
}
