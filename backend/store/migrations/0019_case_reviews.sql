-- Team routines of the method and the Copenhagen project (issue 16). case_reviews: a
-- course discussed at a team meeting (date, who took part, what was agreed), at least three
-- times a year. team_meetings: the team's weekly status meetings and external supervision
-- (kind, date, who took part, a short note without citizens' details).
--
-- GENERATED in part from the registry in backend/syncstore (capture_update*.go): do not
-- edit. After changing the registry or the hand-written part run
--     go test ./backend/syncstore -run TestMigrationFileIsGenerated -update
-- (released migrations are never edited: a later change needs a new one).

CREATE TABLE case_reviews (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    date         TEXT    NOT NULL,
    participants TEXT    NOT NULL DEFAULT '',
    agreed       TEXT    NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX case_reviews_course ON case_reviews(course_id, date);
CREATE TABLE team_meetings (
    id           INTEGER PRIMARY KEY,
    team_id      INTEGER NOT NULL REFERENCES teams(id),
    kind         TEXT    NOT NULL CHECK (kind IN ('status', 'supervision')),
    date         TEXT    NOT NULL,
    participants TEXT    NOT NULL DEFAULT '',
    note         TEXT    NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX team_meetings_team ON team_meetings(team_id, kind, date);

-- case_reviews is new in the registry: its rows get their uids and its capture.
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'case_reviews', r.rowid FROM case_reviews r ORDER BY r.rowid;
CREATE TRIGGER sync_case_reviews_ai AFTER INSERT ON case_reviews
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'case_reviews', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'case_reviews', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_case_reviews_au AFTER UPDATE ON case_reviews
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.date IS NOT NEW.date
    OR OLD.participants IS NOT NEW.participants
    OR OLD.agreed IS NOT NEW.agreed
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'case_reviews', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.date IS NOT NEW.date THEN ',date' ELSE '' END
        || CASE WHEN OLD.participants IS NOT NEW.participants THEN ',participants' ELSE '' END
        || CASE WHEN OLD.agreed IS NOT NEW.agreed THEN ',agreed' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_case_reviews_ad AFTER DELETE ON case_reviews
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'case_reviews', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'case_reviews' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'case_reviews' AND row_id = OLD.rowid;
END;

-- team_meetings is new in the registry: its rows get their uids and its capture.
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'team_meetings', r.rowid FROM team_meetings r ORDER BY r.rowid;
CREATE TRIGGER sync_team_meetings_ai AFTER INSERT ON team_meetings
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'team_meetings', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'team_meetings', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_team_meetings_au AFTER UPDATE ON team_meetings
WHEN (OLD.team_id IS NOT NEW.team_id
    OR OLD.kind IS NOT NEW.kind
    OR OLD.date IS NOT NEW.date
    OR OLD.participants IS NOT NEW.participants
    OR OLD.note IS NOT NEW.note
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'team_meetings', NEW.rowid, 'upd',
        CASE WHEN OLD.team_id IS NOT NEW.team_id THEN ',team_id' ELSE '' END
        || CASE WHEN OLD.kind IS NOT NEW.kind THEN ',kind' ELSE '' END
        || CASE WHEN OLD.date IS NOT NEW.date THEN ',date' ELSE '' END
        || CASE WHEN OLD.participants IS NOT NEW.participants THEN ',participants' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_team_meetings_ad AFTER DELETE ON team_meetings
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'team_meetings', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'team_meetings' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'team_meetings' AND row_id = OLD.rowid;
END;
