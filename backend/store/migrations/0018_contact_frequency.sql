-- The contact frequency agreed with the citizen (issue 16): "once a day at first, later
-- twice a week". A course's agreements form a history, one per first day (from_date, ISO):
-- each holds until the next. times is how many contacts per "per" (day or week); note says
-- what was agreed beyond the number. The follow-up step and the overview set the actual
-- contacts of each week against the agreement in force.
--
-- GENERATED in part from the registry in backend/syncstore (capture_update*.go): do not
-- edit. After changing the registry or the hand-written part run
--     go test ./backend/syncstore -run TestMigrationFileIsGenerated -update
-- (released migrations are never edited: a later change needs a new one).

CREATE TABLE contact_frequencies (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    from_date  TEXT    NOT NULL,
    times      INTEGER NOT NULL CHECK (times BETWEEN 1 AND 21),
    per        TEXT    NOT NULL CHECK (per IN ('day', 'week')),
    note       TEXT    NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    UNIQUE (course_id, from_date)
);

-- contact_frequencies is new in the registry: its rows get their uids and its capture.
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('contact_frequencies' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = r.course_id) || ':' || r.from_date, lower(hex(randomblob(16)))), 'contact_frequencies', r.rowid FROM contact_frequencies r ORDER BY r.rowid;
CREATE TRIGGER sync_contact_frequencies_ai AFTER INSERT ON contact_frequencies
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('contact_frequencies' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = NEW.course_id) || ':' || NEW.from_date, lower(hex(randomblob(16)))), 'contact_frequencies', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'contact_frequencies', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_contact_frequencies_au AFTER UPDATE ON contact_frequencies
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.from_date IS NOT NEW.from_date
    OR OLD.times IS NOT NEW.times
    OR OLD.per IS NOT NEW.per
    OR OLD.note IS NOT NEW.note
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'contact_frequencies', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.from_date IS NOT NEW.from_date THEN ',from_date' ELSE '' END
        || CASE WHEN OLD.times IS NOT NEW.times THEN ',times' ELSE '' END
        || CASE WHEN OLD.per IS NOT NEW.per THEN ',per' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_contact_frequencies_ad AFTER DELETE ON contact_frequencies
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'contact_frequencies', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'contact_frequencies' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'contact_frequencies' AND row_id = OLD.rowid;
END;
