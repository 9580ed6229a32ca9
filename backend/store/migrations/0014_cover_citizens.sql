-- Cover for some of a worker's citizens (issue 14): a cover period names one citizen, or
-- none for all the worker's citizens (a cover for three citizens is three rows, set
-- together). The citizen's deletion at the end of retention takes its cover rows with it.
-- withdrawn_on is the day a team lead withdrew the cover (ISO date; NULL: not withdrawn,
-- or withdrawn before this migration), for the worker's "while you were away".
--
-- GENERATED in part from the registry in backend/syncstore (capture_update*.go): do not
-- edit. After changing the registry or the hand-written part run
--     go test ./backend/syncstore -run TestMigrationFileIsGenerated -update
-- (released migrations are never edited: a later change needs a new one).

ALTER TABLE cover_periods ADD COLUMN citizen_id INTEGER REFERENCES citizens(id) ON DELETE CASCADE;
ALTER TABLE cover_periods ADD COLUMN withdrawn_on TEXT;
CREATE INDEX cover_periods_worker ON cover_periods(worker_id, to_date);
CREATE INDEX cover_periods_citizen ON cover_periods(citizen_id) WHERE citizen_id IS NOT NULL;

-- The columns of cover_periods changed: its capture triggers are made anew.
DROP TRIGGER sync_cover_periods_ai;
DROP TRIGGER sync_cover_periods_au;
DROP TRIGGER sync_cover_periods_ad;
CREATE TRIGGER sync_cover_periods_ai AFTER INSERT ON cover_periods
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'cover_periods', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'cover_periods', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_cover_periods_au AFTER UPDATE ON cover_periods
WHEN (OLD.worker_id IS NOT NEW.worker_id
    OR OLD.cover_worker_id IS NOT NEW.cover_worker_id
    OR OLD.from_date IS NOT NEW.from_date
    OR OLD.to_date IS NOT NEW.to_date
    OR OLD.note IS NOT NEW.note
    OR OLD.withdrawn IS NOT NEW.withdrawn
    OR OLD.created_by IS NOT NEW.created_by
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.citizen_id IS NOT NEW.citizen_id
    OR OLD.withdrawn_on IS NOT NEW.withdrawn_on)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'cover_periods', NEW.rowid, 'upd',
        CASE WHEN OLD.worker_id IS NOT NEW.worker_id THEN ',worker_id' ELSE '' END
        || CASE WHEN OLD.cover_worker_id IS NOT NEW.cover_worker_id THEN ',cover_worker_id' ELSE '' END
        || CASE WHEN OLD.from_date IS NOT NEW.from_date THEN ',from_date' ELSE '' END
        || CASE WHEN OLD.to_date IS NOT NEW.to_date THEN ',to_date' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.withdrawn IS NOT NEW.withdrawn THEN ',withdrawn' ELSE '' END
        || CASE WHEN OLD.created_by IS NOT NEW.created_by THEN ',created_by' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.citizen_id IS NOT NEW.citizen_id THEN ',citizen_id' ELSE '' END
        || CASE WHEN OLD.withdrawn_on IS NOT NEW.withdrawn_on THEN ',withdrawn_on' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_cover_periods_ad AFTER DELETE ON cover_periods
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'cover_periods', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'cover_periods' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'cover_periods' AND row_id = OLD.rowid;
END;
