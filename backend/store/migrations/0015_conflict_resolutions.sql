-- Conflicts resolved by a course's owner (or a team lead). Where two laptops changed the
-- same field offline, every laptop keeps the value that lost in sync_conflicts. A decision
-- on such a kept value is a row here: it is synced like every other change (captured by the
-- triggers below, generated from the registry in backend/syncstore), and on every laptop
-- where it is written, locally or by the applier, it removes the kept value it names. The
-- chosen or merged value itself travels as an ordinary change of the field.
--
-- tbl, row_uid, col, hlc name the kept value (its table, its row's team-wide id, its column
-- and its HLC); choice is what was decided: current (the value every laptop shows stays),
-- kept (the kept value was written back) or merged (a text made of both was written).
-- citizen_id and course_id say whose data it is (both NULL for team-level data).
CREATE TABLE conflict_resolutions (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER REFERENCES citizens(id) ON DELETE CASCADE,
    course_id  INTEGER REFERENCES courses(id) ON DELETE CASCADE,
    tbl        TEXT    NOT NULL,
    row_uid    TEXT    NOT NULL,
    col        TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    choice     TEXT    NOT NULL CHECK (choice IN ('current', 'kept', 'merged')),
    worker_id  INTEGER REFERENCES workers(id),
    created_at DATETIME NOT NULL
);
CREATE INDEX conflict_resolutions_row ON conflict_resolutions(row_uid, col);

-- A resolution removes the kept value it names, wherever it is written.
CREATE TRIGGER conflict_resolutions_forget AFTER INSERT ON conflict_resolutions
BEGIN
    DELETE FROM sync_conflicts WHERE uid = NEW.row_uid AND col = NEW.col AND hlc = NEW.hlc;
END;

-- The capture, as backend/syncstore generates it for the table (a test compares them).
CREATE TRIGGER sync_conflict_resolutions_ai AFTER INSERT ON conflict_resolutions
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'conflict_resolutions', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'conflict_resolutions', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;

CREATE TRIGGER sync_conflict_resolutions_au AFTER UPDATE ON conflict_resolutions
WHEN (OLD.citizen_id IS NOT NEW.citizen_id
    OR OLD.course_id IS NOT NEW.course_id
    OR OLD.tbl IS NOT NEW.tbl
    OR OLD.row_uid IS NOT NEW.row_uid
    OR OLD.col IS NOT NEW.col
    OR OLD.hlc IS NOT NEW.hlc
    OR OLD.choice IS NOT NEW.choice
    OR OLD.worker_id IS NOT NEW.worker_id
    OR OLD.created_at IS NOT NEW.created_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'conflict_resolutions', NEW.rowid, 'upd',
        CASE WHEN OLD.citizen_id IS NOT NEW.citizen_id THEN ',citizen_id' ELSE '' END
        || CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.tbl IS NOT NEW.tbl THEN ',tbl' ELSE '' END
        || CASE WHEN OLD.row_uid IS NOT NEW.row_uid THEN ',row_uid' ELSE '' END
        || CASE WHEN OLD.col IS NOT NEW.col THEN ',col' ELSE '' END
        || CASE WHEN OLD.hlc IS NOT NEW.hlc THEN ',hlc' ELSE '' END
        || CASE WHEN OLD.choice IS NOT NEW.choice THEN ',choice' ELSE '' END
        || CASE WHEN OLD.worker_id IS NOT NEW.worker_id THEN ',worker_id' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;

CREATE TRIGGER sync_conflict_resolutions_ad AFTER DELETE ON conflict_resolutions
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'conflict_resolutions', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'conflict_resolutions' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'conflict_resolutions' AND row_id = OLD.rowid;
END;

