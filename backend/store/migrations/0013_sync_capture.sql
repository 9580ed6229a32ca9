-- Team folder sync: the capture of every change (docs/team-sync.md).
--
-- GENERATED from the registry in backend/syncstore (registry.go, capture_sql*.go): do not
-- edit. After changing the registry run
--     go test ./backend/syncstore -run TestMigrationFileIsGenerated -update
-- (released migrations are never edited: a registry change after release needs a new one).
--
-- Every synced row has a team-wide id (uid) in sync_ids beside its local integer id. The
-- triggers below append every local insert, update (with the columns that changed) and
-- delete to sync_outbox in the write's own transaction, naming the worker the store put
-- in sync_actor for the transaction. While the applier writes other laptops' changes
-- (sync_apply.active = 1) they stay silent.

-- The team-wide id of every synced row. row_id is the row's local rowid (NULL once the
-- row is deleted: the uid stays as a tombstone, and a delete is final). hlc is the hybrid
-- logical clock of the row's first publication (NULL: never published), the clock of
-- every column not in sync_cols. course and citizen are the uids the row belongs to, kept
-- for the row's delete.
CREATE TABLE sync_ids (
    uid     TEXT    NOT NULL PRIMARY KEY,
    tbl     TEXT    NOT NULL,
    row_id  INTEGER,
    hlc     TEXT,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    course  TEXT,
    citizen TEXT
) WITHOUT ROWID;
CREATE UNIQUE INDEX sync_ids_row ON sync_ids(tbl, row_id);

-- A column's clock when it differs from the row's: the HLC of the value it holds and the
-- HLC that value replaced (its base).
CREATE TABLE sync_cols (
    uid  TEXT NOT NULL,
    col  TEXT NOT NULL,
    hlc  TEXT NOT NULL,
    base TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (uid, col)
) WITHOUT ROWID;

-- Local changes not yet published, in the order they were written. op: ins, upd (cols
-- lists the changed columns, each after a comma), del (uid is the deleted row's). worker
-- and tx come from sync_actor.
CREATE TABLE sync_outbox (
    seq    INTEGER PRIMARY KEY,
    tbl    TEXT    NOT NULL,
    row_id INTEGER NOT NULL,
    uid    TEXT,
    op     TEXT    NOT NULL CHECK (op IN ('ins', 'upd', 'del')),
    cols   TEXT,
    worker INTEGER NOT NULL DEFAULT 0,
    tx     INTEGER NOT NULL DEFAULT 0
);

-- The values that lost a merge (a concurrent change of the same column, or a change of a
-- row another laptop deleted), kept so that nothing written is lost: the same set on
-- every laptop. value is as the column holds it, references as uids.
CREATE TABLE sync_conflicts (
    id    INTEGER PRIMARY KEY,
    tbl   TEXT NOT NULL,
    uid   TEXT NOT NULL,
    col   TEXT NOT NULL,
    hlc   TEXT NOT NULL,
    value,  -- no declared type: kept as the column held it
    UNIQUE (uid, col, hlc)
);

-- Changes from other laptops that were not applied, for the team lead: code says why
-- (a unique rule, a missing parent, no right to change it, ...); change is the change as
-- it came (JSON); citizen the uid of the citizen whose data it is.
CREATE TABLE sync_refused (
    id      INTEGER PRIMARY KEY,
    origin  TEXT NOT NULL,
    tbl     TEXT NOT NULL,
    uid     TEXT NOT NULL,
    op      TEXT NOT NULL,
    code    TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT '',
    worker  TEXT NOT NULL DEFAULT '',
    hlc     TEXT NOT NULL DEFAULT '',
    citizen TEXT NOT NULL DEFAULT '',
    change  TEXT NOT NULL DEFAULT ''
);

-- The newest HLC applied from each laptop: a change that is not newer was applied before.
CREATE TABLE sync_origins (
    origin TEXT NOT NULL PRIMARY KEY,
    hlc    TEXT NOT NULL
) WITHOUT ROWID;

-- One row: 1 while the applier writes (the triggers stay silent), else 0.
CREATE TABLE sync_apply (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
INSERT INTO sync_apply(id, active) VALUES (1, 0);

-- One row: the worker of the write transaction that is running (0: nobody signed in) and a
-- count of transactions, both set by the store at the start of every write transaction.
CREATE TABLE sync_actor (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    worker_id INTEGER NOT NULL DEFAULT 0,
    tx        INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_actor(id, worker_id, tx) VALUES (1, 0, 0);

-- Every row that exists already gets its team-wide id (parents before children: a derived
-- id is made of its parent's). Nothing goes to the outbox: a laptop's data joins the team
-- folder through a snapshot.
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'teams', r.rowid FROM teams r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'workers', r.rowid FROM workers r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('credentials' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'workers' AND row_id = r.worker_id), lower(hex(randomblob(16)))), 'credentials', r.rowid FROM credentials r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('settings' || ':' || r.key, lower(hex(randomblob(16)))), 'settings', r.rowid FROM settings r WHERE r.key IN ('colleague_access', 'contact_gap_days', 'lock_minutes') ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('template_elements' || ':' || r.element, lower(hex(randomblob(16)))), 'template_elements', r.rowid FROM template_elements r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'template_versions', r.rowid FROM template_versions r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'cover_periods', r.rowid FROM cover_periods r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'citizens', r.rowid FROM citizens r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'courses', r.rowid FROM courses r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('visitations' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = r.course_id), lower(hex(randomblob(16)))), 'visitations', r.rowid FROM visitations r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('closings' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = r.course_id), lower(hex(randomblob(16)))), 'closings', r.rowid FROM closings r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('assessment_entries' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = r.course_id) || ':' || r.topic || ':' || r.revision_date, lower(hex(randomblob(16)))), 'assessment_entries', r.rowid FROM assessment_entries r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'goals', r.rowid FROM goals r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'subgoals', r.rowid FROM subgoals r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'activities', r.rowid FROM activities r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'network_contacts', r.rowid FROM network_contacts r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'meetings', r.rowid FROM meetings r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'meeting_actions', r.rowid FROM meeting_actions r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'advocacy_cases', r.rowid FROM advocacy_cases r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'evaluations', r.rowid FROM evaluations r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('evaluation_items' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'evaluations' AND row_id = r.evaluation_id) || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'subgoals' AND row_id = r.subgoal_id), lower(hex(randomblob(16)))), 'evaluation_items', r.rowid FROM evaluation_items r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'who5_scores', r.rowid FROM who5_scores r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT COALESCE('weekly_checks' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = r.course_id) || ':' || r.week_start, lower(hex(randomblob(16)))), 'weekly_checks', r.rowid FROM weekly_checks r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'notes', r.rowid FROM notes r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'note_revisions', r.rowid FROM note_revisions r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT lower(hex(randomblob(16))), 'plan_versions', r.rowid FROM plan_versions r ORDER BY r.rowid;
INSERT INTO sync_ids(uid, tbl, row_id)
    SELECT CASE WHEN r.kind IN ('start', 'close') THEN COALESCE('housing_events' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = r.course_id) || ':' || r.kind, lower(hex(randomblob(16)))) ELSE lower(hex(randomblob(16))) END, 'housing_events', r.rowid FROM housing_events r ORDER BY r.rowid;

-- The capture: per synced table, generated from the registry in backend/syncstore.

CREATE TRIGGER sync_teams_ai AFTER INSERT ON teams
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'teams', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'teams', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_teams_au AFTER UPDATE ON teams
WHEN (OLD.municipality IS NOT NEW.municipality
    OR OLD.name IS NOT NEW.name
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'teams', NEW.rowid, 'upd',
        CASE WHEN OLD.municipality IS NOT NEW.municipality THEN ',municipality' ELSE '' END
        || CASE WHEN OLD.name IS NOT NEW.name THEN ',name' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_teams_ad AFTER DELETE ON teams
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'teams', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'teams' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'teams' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_workers_ai AFTER INSERT ON workers
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'workers', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'workers', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_workers_au AFTER UPDATE ON workers
WHEN (OLD.team_id IS NOT NEW.team_id
    OR OLD.name IS NOT NEW.name
    OR OLD.initials IS NOT NEW.initials
    OR OLD.role IS NOT NEW.role
    OR OLD.fte_hundredths IS NOT NEW.fte_hundredths
    OR OLD.active IS NOT NEW.active
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'workers', NEW.rowid, 'upd',
        CASE WHEN OLD.team_id IS NOT NEW.team_id THEN ',team_id' ELSE '' END
        || CASE WHEN OLD.name IS NOT NEW.name THEN ',name' ELSE '' END
        || CASE WHEN OLD.initials IS NOT NEW.initials THEN ',initials' ELSE '' END
        || CASE WHEN OLD.role IS NOT NEW.role THEN ',role' ELSE '' END
        || CASE WHEN OLD.fte_hundredths IS NOT NEW.fte_hundredths THEN ',fte_hundredths' ELSE '' END
        || CASE WHEN OLD.active IS NOT NEW.active THEN ',active' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_workers_ad AFTER DELETE ON workers
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'workers', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'workers' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'workers' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_credentials_ai AFTER INSERT ON credentials
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('credentials' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'workers' AND row_id = NEW.worker_id), lower(hex(randomblob(16)))), 'credentials', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'credentials', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_credentials_au AFTER UPDATE ON credentials
WHEN (OLD.worker_id IS NOT NEW.worker_id
    OR OLD.username IS NOT NEW.username
    OR OLD.password_hash IS NOT NEW.password_hash
    OR OLD.must_change IS NOT NEW.must_change
    OR OLD.created_at IS NOT NEW.created_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'credentials', NEW.rowid, 'upd',
        CASE WHEN OLD.worker_id IS NOT NEW.worker_id THEN ',worker_id' ELSE '' END
        || CASE WHEN OLD.username IS NOT NEW.username THEN ',username' ELSE '' END
        || CASE WHEN OLD.password_hash IS NOT NEW.password_hash THEN ',password_hash' ELSE '' END
        || CASE WHEN OLD.must_change IS NOT NEW.must_change THEN ',must_change' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_credentials_ad AFTER DELETE ON credentials
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'credentials', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'credentials' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'credentials' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_settings_ai AFTER INSERT ON settings
WHEN NEW.key IN ('colleague_access', 'contact_gap_days', 'lock_minutes') AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('settings' || ':' || NEW.key, lower(hex(randomblob(16)))), 'settings', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'settings', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_settings_au AFTER UPDATE ON settings
WHEN NEW.key IN ('colleague_access', 'contact_gap_days', 'lock_minutes') AND (OLD.key IS NOT NEW.key
    OR OLD.value IS NOT NEW.value)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'settings', NEW.rowid, 'upd',
        CASE WHEN OLD.key IS NOT NEW.key THEN ',key' ELSE '' END
        || CASE WHEN OLD.value IS NOT NEW.value THEN ',value' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_settings_ad AFTER DELETE ON settings
WHEN OLD.key IN ('colleague_access', 'contact_gap_days', 'lock_minutes')
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'settings', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'settings' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'settings' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_template_elements_ai AFTER INSERT ON template_elements
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('template_elements' || ':' || NEW.element, lower(hex(randomblob(16)))), 'template_elements', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'template_elements', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_template_elements_au AFTER UPDATE ON template_elements
WHEN (OLD.element IS NOT NEW.element
    OR OLD.answer IS NOT NEW.answer
    OR OLD.status IS NOT NEW.status
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'template_elements', NEW.rowid, 'upd',
        CASE WHEN OLD.element IS NOT NEW.element THEN ',element' ELSE '' END
        || CASE WHEN OLD.answer IS NOT NEW.answer THEN ',answer' ELSE '' END
        || CASE WHEN OLD.status IS NOT NEW.status THEN ',status' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_template_elements_ad AFTER DELETE ON template_elements
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'template_elements', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'template_elements' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'template_elements' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_template_versions_ai AFTER INSERT ON template_versions
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'template_versions', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'template_versions', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_template_versions_au AFTER UPDATE ON template_versions
WHEN (OLD.version_no IS NOT NEW.version_no
    OR OLD.snapshot IS NOT NEW.snapshot
    OR OLD.signed_at IS NOT NEW.signed_at
    OR OLD.lead_id IS NOT NEW.lead_id
    OR OLD.sign_date IS NOT NEW.sign_date
    OR OLD.note IS NOT NEW.note
    OR OLD.created_at IS NOT NEW.created_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'template_versions', NEW.rowid, 'upd',
        CASE WHEN OLD.version_no IS NOT NEW.version_no THEN ',version_no' ELSE '' END
        || CASE WHEN OLD.snapshot IS NOT NEW.snapshot THEN ',snapshot' ELSE '' END
        || CASE WHEN OLD.signed_at IS NOT NEW.signed_at THEN ',signed_at' ELSE '' END
        || CASE WHEN OLD.lead_id IS NOT NEW.lead_id THEN ',lead_id' ELSE '' END
        || CASE WHEN OLD.sign_date IS NOT NEW.sign_date THEN ',sign_date' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_template_versions_ad AFTER DELETE ON template_versions
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'template_versions', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'template_versions' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'template_versions' AND row_id = OLD.rowid;
END;

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
    OR OLD.created_at IS NOT NEW.created_at)
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
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_cover_periods_ad AFTER DELETE ON cover_periods
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'cover_periods', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'cover_periods' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'cover_periods' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_citizens_ai AFTER INSERT ON citizens
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'citizens', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'citizens', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_citizens_au AFTER UPDATE ON citizens
WHEN (OLD.team_id IS NOT NEW.team_id
    OR OLD.name IS NOT NEW.name
    OR OLD.cpr IS NOT NEW.cpr
    OR OLD.phone IS NOT NEW.phone
    OR OLD.email IS NOT NEW.email
    OR OLD.address IS NOT NEW.address
    OR OLD.contact_note IS NOT NEW.contact_note
    OR OLD.housing IS NOT NEW.housing
    OR OLD.housing_note IS NOT NEW.housing_note
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'citizens', NEW.rowid, 'upd',
        CASE WHEN OLD.team_id IS NOT NEW.team_id THEN ',team_id' ELSE '' END
        || CASE WHEN OLD.name IS NOT NEW.name THEN ',name' ELSE '' END
        || CASE WHEN OLD.cpr IS NOT NEW.cpr THEN ',cpr' ELSE '' END
        || CASE WHEN OLD.phone IS NOT NEW.phone THEN ',phone' ELSE '' END
        || CASE WHEN OLD.email IS NOT NEW.email THEN ',email' ELSE '' END
        || CASE WHEN OLD.address IS NOT NEW.address THEN ',address' ELSE '' END
        || CASE WHEN OLD.contact_note IS NOT NEW.contact_note THEN ',contact_note' ELSE '' END
        || CASE WHEN OLD.housing IS NOT NEW.housing THEN ',housing' ELSE '' END
        || CASE WHEN OLD.housing_note IS NOT NEW.housing_note THEN ',housing_note' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_citizens_ad AFTER DELETE ON citizens
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'citizens', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'citizens' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_courses_ai AFTER INSERT ON courses
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'courses', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'courses', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_courses_au AFTER UPDATE ON courses
WHEN (OLD.citizen_id IS NOT NEW.citizen_id
    OR OLD.worker_id IS NOT NEW.worker_id
    OR OLD.start_date IS NOT NEW.start_date
    OR OLD.status IS NOT NEW.status
    OR OLD.end_date IS NOT NEW.end_date
    OR OLD.override_reason IS NOT NEW.override_reason
    OR OLD.override_by_worker_id IS NOT NEW.override_by_worker_id
    OR OLD.override_at IS NOT NEW.override_at
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'courses', NEW.rowid, 'upd',
        CASE WHEN OLD.citizen_id IS NOT NEW.citizen_id THEN ',citizen_id' ELSE '' END
        || CASE WHEN OLD.worker_id IS NOT NEW.worker_id THEN ',worker_id' ELSE '' END
        || CASE WHEN OLD.start_date IS NOT NEW.start_date THEN ',start_date' ELSE '' END
        || CASE WHEN OLD.status IS NOT NEW.status THEN ',status' ELSE '' END
        || CASE WHEN OLD.end_date IS NOT NEW.end_date THEN ',end_date' ELSE '' END
        || CASE WHEN OLD.override_reason IS NOT NEW.override_reason THEN ',override_reason' ELSE '' END
        || CASE WHEN OLD.override_by_worker_id IS NOT NEW.override_by_worker_id THEN ',override_by_worker_id' ELSE '' END
        || CASE WHEN OLD.override_at IS NOT NEW.override_at THEN ',override_at' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_courses_ad AFTER DELETE ON courses
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'courses', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'courses' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_visitations_ai AFTER INSERT ON visitations
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('visitations' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = NEW.course_id), lower(hex(randomblob(16)))), 'visitations', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'visitations', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_visitations_au AFTER UPDATE ON visitations
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.housing_at_start IS NOT NEW.housing_at_start
    OR OLD.housing_note IS NOT NEW.housing_note
    OR OLD.needs IS NOT NEW.needs
    OR OLD.needs_note IS NOT NEW.needs_note
    OR OLD.target_group_reason IS NOT NEW.target_group_reason
    OR OLD.consent IS NOT NEW.consent
    OR OLD.consent_form IS NOT NEW.consent_form
    OR OLD.consent_date IS NOT NEW.consent_date
    OR OLD.contact_agreement IS NOT NEW.contact_agreement
    OR OLD.referral_source IS NOT NEW.referral_source
    OR OLD.referral_note IS NOT NEW.referral_note
    OR OLD.visitation_date IS NOT NEW.visitation_date
    OR OLD.legal_basis IS NOT NEW.legal_basis
    OR OLD.legal_note IS NOT NEW.legal_note
    OR OLD.action_plan IS NOT NEW.action_plan
    OR OLD.action_plan_date IS NOT NEW.action_plan_date
    OR OLD.action_plan_caseworker IS NOT NEW.action_plan_caseworker
    OR OLD.action_plan_note IS NOT NEW.action_plan_note
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'visitations', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.housing_at_start IS NOT NEW.housing_at_start THEN ',housing_at_start' ELSE '' END
        || CASE WHEN OLD.housing_note IS NOT NEW.housing_note THEN ',housing_note' ELSE '' END
        || CASE WHEN OLD.needs IS NOT NEW.needs THEN ',needs' ELSE '' END
        || CASE WHEN OLD.needs_note IS NOT NEW.needs_note THEN ',needs_note' ELSE '' END
        || CASE WHEN OLD.target_group_reason IS NOT NEW.target_group_reason THEN ',target_group_reason' ELSE '' END
        || CASE WHEN OLD.consent IS NOT NEW.consent THEN ',consent' ELSE '' END
        || CASE WHEN OLD.consent_form IS NOT NEW.consent_form THEN ',consent_form' ELSE '' END
        || CASE WHEN OLD.consent_date IS NOT NEW.consent_date THEN ',consent_date' ELSE '' END
        || CASE WHEN OLD.contact_agreement IS NOT NEW.contact_agreement THEN ',contact_agreement' ELSE '' END
        || CASE WHEN OLD.referral_source IS NOT NEW.referral_source THEN ',referral_source' ELSE '' END
        || CASE WHEN OLD.referral_note IS NOT NEW.referral_note THEN ',referral_note' ELSE '' END
        || CASE WHEN OLD.visitation_date IS NOT NEW.visitation_date THEN ',visitation_date' ELSE '' END
        || CASE WHEN OLD.legal_basis IS NOT NEW.legal_basis THEN ',legal_basis' ELSE '' END
        || CASE WHEN OLD.legal_note IS NOT NEW.legal_note THEN ',legal_note' ELSE '' END
        || CASE WHEN OLD.action_plan IS NOT NEW.action_plan THEN ',action_plan' ELSE '' END
        || CASE WHEN OLD.action_plan_date IS NOT NEW.action_plan_date THEN ',action_plan_date' ELSE '' END
        || CASE WHEN OLD.action_plan_caseworker IS NOT NEW.action_plan_caseworker THEN ',action_plan_caseworker' ELSE '' END
        || CASE WHEN OLD.action_plan_note IS NOT NEW.action_plan_note THEN ',action_plan_note' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_visitations_ad AFTER DELETE ON visitations
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'visitations', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'visitations' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'visitations' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_closings_ai AFTER INSERT ON closings
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('closings' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = NEW.course_id), lower(hex(randomblob(16)))), 'closings', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'closings', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_closings_au AFTER UPDATE ON closings
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.reason IS NOT NEW.reason
    OR OLD.after_support IS NOT NEW.after_support
    OR OLD.after_note IS NOT NEW.after_note
    OR OLD.housing_at_close IS NOT NEW.housing_at_close
    OR OLD.note IS NOT NEW.note
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'closings', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.reason IS NOT NEW.reason THEN ',reason' ELSE '' END
        || CASE WHEN OLD.after_support IS NOT NEW.after_support THEN ',after_support' ELSE '' END
        || CASE WHEN OLD.after_note IS NOT NEW.after_note THEN ',after_note' ELSE '' END
        || CASE WHEN OLD.housing_at_close IS NOT NEW.housing_at_close THEN ',housing_at_close' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_closings_ad AFTER DELETE ON closings
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'closings', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'closings' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'closings' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_assessment_entries_ai AFTER INSERT ON assessment_entries
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('assessment_entries' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = NEW.course_id) || ':' || NEW.topic || ':' || NEW.revision_date, lower(hex(randomblob(16)))), 'assessment_entries', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'assessment_entries', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_assessment_entries_au AFTER UPDATE ON assessment_entries
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.topic IS NOT NEW.topic
    OR OLD.revision_date IS NOT NEW.revision_date
    OR OLD.citizen_view IS NOT NEW.citizen_view
    OR OLD.worker_view IS NOT NEW.worker_view
    OR OLD.resources IS NOT NEW.resources
    OR OLD.needs IS NOT NEW.needs
    OR OLD.barriers IS NOT NEW.barriers
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'assessment_entries', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.topic IS NOT NEW.topic THEN ',topic' ELSE '' END
        || CASE WHEN OLD.revision_date IS NOT NEW.revision_date THEN ',revision_date' ELSE '' END
        || CASE WHEN OLD.citizen_view IS NOT NEW.citizen_view THEN ',citizen_view' ELSE '' END
        || CASE WHEN OLD.worker_view IS NOT NEW.worker_view THEN ',worker_view' ELSE '' END
        || CASE WHEN OLD.resources IS NOT NEW.resources THEN ',resources' ELSE '' END
        || CASE WHEN OLD.needs IS NOT NEW.needs THEN ',needs' ELSE '' END
        || CASE WHEN OLD.barriers IS NOT NEW.barriers THEN ',barriers' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_assessment_entries_ad AFTER DELETE ON assessment_entries
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'assessment_entries', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'assessment_entries' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'assessment_entries' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_goals_ai AFTER INSERT ON goals
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'goals', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'goals', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_goals_au AFTER UPDATE ON goals
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.citizen_words IS NOT NEW.citizen_words
    OR OLD.area IS NOT NEW.area
    OR OLD.action_plan_goal IS NOT NEW.action_plan_goal
    OR OLD.position IS NOT NEW.position
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'goals', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.citizen_words IS NOT NEW.citizen_words THEN ',citizen_words' ELSE '' END
        || CASE WHEN OLD.area IS NOT NEW.area THEN ',area' ELSE '' END
        || CASE WHEN OLD.action_plan_goal IS NOT NEW.action_plan_goal THEN ',action_plan_goal' ELSE '' END
        || CASE WHEN OLD.position IS NOT NEW.position THEN ',position' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_goals_ad AFTER DELETE ON goals
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'goals', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'goals' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'goals' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_subgoals_ai AFTER INSERT ON subgoals
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'subgoals', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'subgoals', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_subgoals_au AFTER UPDATE ON subgoals
WHEN (OLD.goal_id IS NOT NEW.goal_id
    OR OLD.what IS NOT NEW.what
    OR OLD.measure IS NOT NEW.measure
    OR OLD.owner IS NOT NEW.owner
    OR OLD.deadline IS NOT NEW.deadline
    OR OLD.status IS NOT NEW.status
    OR OLD.position IS NOT NEW.position
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'subgoals', NEW.rowid, 'upd',
        CASE WHEN OLD.goal_id IS NOT NEW.goal_id THEN ',goal_id' ELSE '' END
        || CASE WHEN OLD.what IS NOT NEW.what THEN ',what' ELSE '' END
        || CASE WHEN OLD.measure IS NOT NEW.measure THEN ',measure' ELSE '' END
        || CASE WHEN OLD.owner IS NOT NEW.owner THEN ',owner' ELSE '' END
        || CASE WHEN OLD.deadline IS NOT NEW.deadline THEN ',deadline' ELSE '' END
        || CASE WHEN OLD.status IS NOT NEW.status THEN ',status' ELSE '' END
        || CASE WHEN OLD.position IS NOT NEW.position THEN ',position' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_subgoals_ad AFTER DELETE ON subgoals
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'subgoals', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'subgoals' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'subgoals' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_activities_ai AFTER INSERT ON activities
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'activities', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'activities', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_activities_au AFTER UPDATE ON activities
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.what IS NOT NEW.what
    OR OLD.frequency IS NOT NEW.frequency
    OR OLD.owner IS NOT NEW.owner
    OR OLD.subgoal_id IS NOT NEW.subgoal_id
    OR OLD.position IS NOT NEW.position
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'activities', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.what IS NOT NEW.what THEN ',what' ELSE '' END
        || CASE WHEN OLD.frequency IS NOT NEW.frequency THEN ',frequency' ELSE '' END
        || CASE WHEN OLD.owner IS NOT NEW.owner THEN ',owner' ELSE '' END
        || CASE WHEN OLD.subgoal_id IS NOT NEW.subgoal_id THEN ',subgoal_id' ELSE '' END
        || CASE WHEN OLD.position IS NOT NEW.position THEN ',position' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_activities_ad AFTER DELETE ON activities
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'activities', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'activities' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'activities' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_network_contacts_ai AFTER INSERT ON network_contacts
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'network_contacts', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'network_contacts', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_network_contacts_au AFTER UPDATE ON network_contacts
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.kind IS NOT NEW.kind
    OR OLD.name IS NOT NEW.name
    OR OLD.organisation IS NOT NEW.organisation
    OR OLD.phone IS NOT NEW.phone
    OR OLD.email IS NOT NEW.email
    OR OLD.role IS NOT NEW.role
    OR OLD.last_contact IS NOT NEW.last_contact
    OR OLD.active IS NOT NEW.active
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'network_contacts', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.kind IS NOT NEW.kind THEN ',kind' ELSE '' END
        || CASE WHEN OLD.name IS NOT NEW.name THEN ',name' ELSE '' END
        || CASE WHEN OLD.organisation IS NOT NEW.organisation THEN ',organisation' ELSE '' END
        || CASE WHEN OLD.phone IS NOT NEW.phone THEN ',phone' ELSE '' END
        || CASE WHEN OLD.email IS NOT NEW.email THEN ',email' ELSE '' END
        || CASE WHEN OLD.role IS NOT NEW.role THEN ',role' ELSE '' END
        || CASE WHEN OLD.last_contact IS NOT NEW.last_contact THEN ',last_contact' ELSE '' END
        || CASE WHEN OLD.active IS NOT NEW.active THEN ',active' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_network_contacts_ad AFTER DELETE ON network_contacts
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'network_contacts', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'network_contacts' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'network_contacts' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_meetings_ai AFTER INSERT ON meetings
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'meetings', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'meetings', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_meetings_au AFTER UPDATE ON meetings
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.date IS NOT NEW.date
    OR OLD.participants IS NOT NEW.participants
    OR OLD.purpose IS NOT NEW.purpose
    OR OLD.preparation IS NOT NEW.preparation
    OR OLD.outcome IS NOT NEW.outcome
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'meetings', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.date IS NOT NEW.date THEN ',date' ELSE '' END
        || CASE WHEN OLD.participants IS NOT NEW.participants THEN ',participants' ELSE '' END
        || CASE WHEN OLD.purpose IS NOT NEW.purpose THEN ',purpose' ELSE '' END
        || CASE WHEN OLD.preparation IS NOT NEW.preparation THEN ',preparation' ELSE '' END
        || CASE WHEN OLD.outcome IS NOT NEW.outcome THEN ',outcome' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_meetings_ad AFTER DELETE ON meetings
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'meetings', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'meetings' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'meetings' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_meeting_actions_ai AFTER INSERT ON meeting_actions
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'meeting_actions', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'meeting_actions', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_meeting_actions_au AFTER UPDATE ON meeting_actions
WHEN (OLD.meeting_id IS NOT NEW.meeting_id
    OR OLD.action IS NOT NEW.action
    OR OLD.owner IS NOT NEW.owner
    OR OLD.deadline IS NOT NEW.deadline
    OR OLD.done IS NOT NEW.done
    OR OLD.position IS NOT NEW.position)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'meeting_actions', NEW.rowid, 'upd',
        CASE WHEN OLD.meeting_id IS NOT NEW.meeting_id THEN ',meeting_id' ELSE '' END
        || CASE WHEN OLD.action IS NOT NEW.action THEN ',action' ELSE '' END
        || CASE WHEN OLD.owner IS NOT NEW.owner THEN ',owner' ELSE '' END
        || CASE WHEN OLD.deadline IS NOT NEW.deadline THEN ',deadline' ELSE '' END
        || CASE WHEN OLD.done IS NOT NEW.done THEN ',done' ELSE '' END
        || CASE WHEN OLD.position IS NOT NEW.position THEN ',position' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_meeting_actions_ad AFTER DELETE ON meeting_actions
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'meeting_actions', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'meeting_actions' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'meeting_actions' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_advocacy_cases_ai AFTER INSERT ON advocacy_cases
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'advocacy_cases', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'advocacy_cases', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_advocacy_cases_au AFTER UPDATE ON advocacy_cases
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.opened IS NOT NEW.opened
    OR OLD.barrier IS NOT NEW.barrier
    OR OLD.towards IS NOT NEW.towards
    OR OLD.actions IS NOT NEW.actions
    OR OLD.rights IS NOT NEW.rights
    OR OLD.outcome IS NOT NEW.outcome
    OR OLD.status IS NOT NEW.status
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'advocacy_cases', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.opened IS NOT NEW.opened THEN ',opened' ELSE '' END
        || CASE WHEN OLD.barrier IS NOT NEW.barrier THEN ',barrier' ELSE '' END
        || CASE WHEN OLD.towards IS NOT NEW.towards THEN ',towards' ELSE '' END
        || CASE WHEN OLD.actions IS NOT NEW.actions THEN ',actions' ELSE '' END
        || CASE WHEN OLD.rights IS NOT NEW.rights THEN ',rights' ELSE '' END
        || CASE WHEN OLD.outcome IS NOT NEW.outcome THEN ',outcome' ELSE '' END
        || CASE WHEN OLD.status IS NOT NEW.status THEN ',status' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_advocacy_cases_ad AFTER DELETE ON advocacy_cases
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'advocacy_cases', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'advocacy_cases' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'advocacy_cases' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_evaluations_ai AFTER INSERT ON evaluations
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'evaluations', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'evaluations', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_evaluations_au AFTER UPDATE ON evaluations
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.date IS NOT NEW.date
    OR OLD.due_date IS NOT NEW.due_date
    OR OLD.summary IS NOT NEW.summary
    OR OLD.plan_changes IS NOT NEW.plan_changes
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'evaluations', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.date IS NOT NEW.date THEN ',date' ELSE '' END
        || CASE WHEN OLD.due_date IS NOT NEW.due_date THEN ',due_date' ELSE '' END
        || CASE WHEN OLD.summary IS NOT NEW.summary THEN ',summary' ELSE '' END
        || CASE WHEN OLD.plan_changes IS NOT NEW.plan_changes THEN ',plan_changes' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_evaluations_ad AFTER DELETE ON evaluations
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'evaluations', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'evaluations' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'evaluations' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_evaluation_items_ai AFTER INSERT ON evaluation_items
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('evaluation_items' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'evaluations' AND row_id = NEW.evaluation_id) || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'subgoals' AND row_id = NEW.subgoal_id), lower(hex(randomblob(16)))), 'evaluation_items', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'evaluation_items', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_evaluation_items_au AFTER UPDATE ON evaluation_items
WHEN (OLD.evaluation_id IS NOT NEW.evaluation_id
    OR OLD.subgoal_id IS NOT NEW.subgoal_id
    OR OLD.status IS NOT NEW.status
    OR OLD.comment IS NOT NEW.comment)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'evaluation_items', NEW.rowid, 'upd',
        CASE WHEN OLD.evaluation_id IS NOT NEW.evaluation_id THEN ',evaluation_id' ELSE '' END
        || CASE WHEN OLD.subgoal_id IS NOT NEW.subgoal_id THEN ',subgoal_id' ELSE '' END
        || CASE WHEN OLD.status IS NOT NEW.status THEN ',status' ELSE '' END
        || CASE WHEN OLD.comment IS NOT NEW.comment THEN ',comment' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_evaluation_items_ad AFTER DELETE ON evaluation_items
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'evaluation_items', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'evaluation_items' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'evaluation_items' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_who5_scores_ai AFTER INSERT ON who5_scores
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'who5_scores', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'who5_scores', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_who5_scores_au AFTER UPDATE ON who5_scores
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.date IS NOT NEW.date
    OR OLD.item1 IS NOT NEW.item1
    OR OLD.item2 IS NOT NEW.item2
    OR OLD.item3 IS NOT NEW.item3
    OR OLD.item4 IS NOT NEW.item4
    OR OLD.item5 IS NOT NEW.item5
    OR OLD.note IS NOT NEW.note
    OR OLD.created_at IS NOT NEW.created_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'who5_scores', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.date IS NOT NEW.date THEN ',date' ELSE '' END
        || CASE WHEN OLD.item1 IS NOT NEW.item1 THEN ',item1' ELSE '' END
        || CASE WHEN OLD.item2 IS NOT NEW.item2 THEN ',item2' ELSE '' END
        || CASE WHEN OLD.item3 IS NOT NEW.item3 THEN ',item3' ELSE '' END
        || CASE WHEN OLD.item4 IS NOT NEW.item4 THEN ',item4' ELSE '' END
        || CASE WHEN OLD.item5 IS NOT NEW.item5 THEN ',item5' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_who5_scores_ad AFTER DELETE ON who5_scores
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'who5_scores', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'who5_scores' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'who5_scores' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_weekly_checks_ai AFTER INSERT ON weekly_checks
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (COALESCE('weekly_checks' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = NEW.course_id) || ':' || NEW.week_start, lower(hex(randomblob(16)))), 'weekly_checks', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'weekly_checks', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_weekly_checks_au AFTER UPDATE ON weekly_checks
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.week_start IS NOT NEW.week_start
    OR OLD.substance IS NOT NEW.substance
    OR OLD.mental IS NOT NEW.mental
    OR OLD.note IS NOT NEW.note
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.updated_at IS NOT NEW.updated_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'weekly_checks', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.week_start IS NOT NEW.week_start THEN ',week_start' ELSE '' END
        || CASE WHEN OLD.substance IS NOT NEW.substance THEN ',substance' ELSE '' END
        || CASE WHEN OLD.mental IS NOT NEW.mental THEN ',mental' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.updated_at IS NOT NEW.updated_at THEN ',updated_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_weekly_checks_ad AFTER DELETE ON weekly_checks
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'weekly_checks', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'weekly_checks' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'weekly_checks' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_notes_ai AFTER INSERT ON notes
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'notes', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'notes', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_notes_au AFTER UPDATE ON notes
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.created_at IS NOT NEW.created_at
    OR OLD.author_worker_id IS NOT NEW.author_worker_id
    OR OLD.author_name IS NOT NEW.author_name)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'notes', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END
        || CASE WHEN OLD.author_worker_id IS NOT NEW.author_worker_id THEN ',author_worker_id' ELSE '' END
        || CASE WHEN OLD.author_name IS NOT NEW.author_name THEN ',author_name' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_notes_ad AFTER DELETE ON notes
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'notes', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'notes' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'notes' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_note_revisions_ai AFTER INSERT ON note_revisions
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'note_revisions', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'note_revisions', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_note_revisions_au AFTER UPDATE ON note_revisions
WHEN (OLD.note_id IS NOT NEW.note_id
    OR OLD.occurred_at IS NOT NEW.occurred_at
    OR OLD.duration_minutes IS NOT NEW.duration_minutes
    OR OLD.location IS NOT NEW.location
    OR OLD.kind IS NOT NEW.kind
    OR OLD.text IS NOT NEW.text
    OR OLD.worker_id IS NOT NEW.worker_id
    OR OLD.worker_name IS NOT NEW.worker_name
    OR OLD.reason IS NOT NEW.reason
    OR OLD.created_at IS NOT NEW.created_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'note_revisions', NEW.rowid, 'upd',
        CASE WHEN OLD.note_id IS NOT NEW.note_id THEN ',note_id' ELSE '' END
        || CASE WHEN OLD.occurred_at IS NOT NEW.occurred_at THEN ',occurred_at' ELSE '' END
        || CASE WHEN OLD.duration_minutes IS NOT NEW.duration_minutes THEN ',duration_minutes' ELSE '' END
        || CASE WHEN OLD.location IS NOT NEW.location THEN ',location' ELSE '' END
        || CASE WHEN OLD.kind IS NOT NEW.kind THEN ',kind' ELSE '' END
        || CASE WHEN OLD.text IS NOT NEW.text THEN ',text' ELSE '' END
        || CASE WHEN OLD.worker_id IS NOT NEW.worker_id THEN ',worker_id' ELSE '' END
        || CASE WHEN OLD.worker_name IS NOT NEW.worker_name THEN ',worker_name' ELSE '' END
        || CASE WHEN OLD.reason IS NOT NEW.reason THEN ',reason' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_note_revisions_ad AFTER DELETE ON note_revisions
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'note_revisions', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'note_revisions' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'note_revisions' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_plan_versions_ai AFTER INSERT ON plan_versions
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (lower(hex(randomblob(16))), 'plan_versions', NEW.rowid);
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'plan_versions', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_plan_versions_au AFTER UPDATE ON plan_versions
WHEN (OLD.course_id IS NOT NEW.course_id
    OR OLD.version_no IS NOT NEW.version_no
    OR OLD.snapshot IS NOT NEW.snapshot
    OR OLD.signed_at IS NOT NEW.signed_at
    OR OLD.citizen_name IS NOT NEW.citizen_name
    OR OLD.citizen_date IS NOT NEW.citizen_date
    OR OLD.method IS NOT NEW.method
    OR OLD.worker_id IS NOT NEW.worker_id
    OR OLD.worker_date IS NOT NEW.worker_date
    OR OLD.lead_id IS NOT NEW.lead_id
    OR OLD.lead_date IS NOT NEW.lead_date
    OR OLD.citizen_comment IS NOT NEW.citizen_comment
    OR OLD.created_at IS NOT NEW.created_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'plan_versions', NEW.rowid, 'upd',
        CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.version_no IS NOT NEW.version_no THEN ',version_no' ELSE '' END
        || CASE WHEN OLD.snapshot IS NOT NEW.snapshot THEN ',snapshot' ELSE '' END
        || CASE WHEN OLD.signed_at IS NOT NEW.signed_at THEN ',signed_at' ELSE '' END
        || CASE WHEN OLD.citizen_name IS NOT NEW.citizen_name THEN ',citizen_name' ELSE '' END
        || CASE WHEN OLD.citizen_date IS NOT NEW.citizen_date THEN ',citizen_date' ELSE '' END
        || CASE WHEN OLD.method IS NOT NEW.method THEN ',method' ELSE '' END
        || CASE WHEN OLD.worker_id IS NOT NEW.worker_id THEN ',worker_id' ELSE '' END
        || CASE WHEN OLD.worker_date IS NOT NEW.worker_date THEN ',worker_date' ELSE '' END
        || CASE WHEN OLD.lead_id IS NOT NEW.lead_id THEN ',lead_id' ELSE '' END
        || CASE WHEN OLD.lead_date IS NOT NEW.lead_date THEN ',lead_date' ELSE '' END
        || CASE WHEN OLD.citizen_comment IS NOT NEW.citizen_comment THEN ',citizen_comment' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_plan_versions_ad AFTER DELETE ON plan_versions
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'plan_versions', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'plan_versions' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'plan_versions' AND row_id = OLD.rowid;
END;

CREATE TRIGGER sync_housing_events_ai AFTER INSERT ON housing_events
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_ids(uid, tbl, row_id) VALUES (CASE WHEN NEW.kind IN ('start', 'close') THEN COALESCE('housing_events' || ':' || (SELECT uid FROM sync_ids WHERE tbl = 'courses' AND row_id = NEW.course_id) || ':' || NEW.kind, lower(hex(randomblob(16)))) ELSE lower(hex(randomblob(16))) END, 'housing_events', NEW.rowid)
        ON CONFLICT (uid) DO UPDATE SET row_id = excluded.row_id, deleted = 0;
    INSERT INTO sync_outbox(tbl, row_id, op, worker, tx) SELECT 'housing_events', NEW.rowid, 'ins', worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_housing_events_au AFTER UPDATE ON housing_events
WHEN (OLD.citizen_id IS NOT NEW.citizen_id
    OR OLD.course_id IS NOT NEW.course_id
    OR OLD.date IS NOT NEW.date
    OR OLD.housing IS NOT NEW.housing
    OR OLD.note IS NOT NEW.note
    OR OLD.kind IS NOT NEW.kind
    OR OLD.corrects_id IS NOT NEW.corrects_id
    OR OLD.recorded_by IS NOT NEW.recorded_by
    OR OLD.created_at IS NOT NEW.created_at)
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, op, cols, worker, tx) SELECT 'housing_events', NEW.rowid, 'upd',
        CASE WHEN OLD.citizen_id IS NOT NEW.citizen_id THEN ',citizen_id' ELSE '' END
        || CASE WHEN OLD.course_id IS NOT NEW.course_id THEN ',course_id' ELSE '' END
        || CASE WHEN OLD.date IS NOT NEW.date THEN ',date' ELSE '' END
        || CASE WHEN OLD.housing IS NOT NEW.housing THEN ',housing' ELSE '' END
        || CASE WHEN OLD.note IS NOT NEW.note THEN ',note' ELSE '' END
        || CASE WHEN OLD.kind IS NOT NEW.kind THEN ',kind' ELSE '' END
        || CASE WHEN OLD.corrects_id IS NOT NEW.corrects_id THEN ',corrects_id' ELSE '' END
        || CASE WHEN OLD.recorded_by IS NOT NEW.recorded_by THEN ',recorded_by' ELSE '' END
        || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN ',created_at' ELSE '' END,
        worker_id, tx FROM sync_actor;
END;
CREATE TRIGGER sync_housing_events_ad AFTER DELETE ON housing_events
BEGIN
    INSERT INTO sync_outbox(tbl, row_id, uid, op, worker, tx)
        SELECT 'housing_events', OLD.rowid, (SELECT uid FROM sync_ids WHERE tbl = 'housing_events' AND row_id = OLD.rowid), 'del', worker_id, tx
        FROM sync_actor WHERE (SELECT active FROM sync_apply) = 0;
    UPDATE sync_ids SET row_id = NULL, deleted = 1 WHERE tbl = 'housing_events' AND row_id = OLD.rowid;
END;

-- At the end of retention a citizen's data goes from every laptop: with the citizen's row
-- go the values kept from merges of the citizen's rows and the citizen's refused changes
-- (the applier keeps nothing more of a citizen whose row is deleted).
CREATE TRIGGER sync_citizens_forget BEFORE DELETE ON citizens
BEGIN
    DELETE FROM sync_conflicts WHERE uid IN (SELECT uid FROM sync_ids WHERE citizen =
        (SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = OLD.rowid));
    DELETE FROM sync_refused WHERE citizen <> '' AND citizen =
        (SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = OLD.rowid);
END;

-- Journal notes (migration 0010) while the applier writes: the note rows and their
-- revisions come from the other laptop as they were written there, so the rules for a
-- local correction and the copying of revisions stand aside; the applier renumbers a
-- note's revisions by their HLC and may change nothing else of a revision. A note, its
-- revisions and a signed plan version are deleted by the applier when the deletion at the
-- end of retention on another laptop deleted them there (the rules held on that laptop;
-- the engine lets only a team lead's deletes through). Locally the rules stand as they were.
DROP TRIGGER notes_new_revision_1;
CREATE TRIGGER notes_new_revision_1 BEFORE INSERT ON notes
WHEN (SELECT active FROM sync_apply) = 0 AND (COALESCE(NEW.author_worker_id, 0) = 0 OR NEW.author_name = ''
    OR NEW.revision_no <> 1 OR COALESCE(NEW.revision_worker_id, 0) = 0 OR NEW.revision_worker_name = '')
BEGIN
    SELECT RAISE(ABORT, 'note_record: a new journal note is revision 1 and names its author');
END;
DROP TRIGGER notes_correct_by_revision;
CREATE TRIGGER notes_correct_by_revision BEFORE UPDATE ON notes
WHEN (SELECT active FROM sync_apply) = 0 AND (NEW.revision_no IS NOT OLD.revision_no + 1 OR NEW.id IS NOT OLD.id
    OR NEW.author_worker_id IS NOT OLD.author_worker_id OR NEW.author_name IS NOT OLD.author_name
    OR NEW.created_at IS NOT OLD.created_at
    OR COALESCE(NEW.revision_worker_id, 0) = 0 OR NEW.revision_worker_name = '')
BEGIN
    SELECT RAISE(ABORT, 'note_record: a journal note is corrected by a new revision, never changed in place');
END;
DROP TRIGGER notes_revision_ai;
CREATE TRIGGER notes_revision_ai AFTER INSERT ON notes
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO note_revisions(note_id, revision_no, occurred_at, duration_minutes, location, kind, text,
            worker_id, worker_name, reason, created_at)
        VALUES (new.id, new.revision_no, new.occurred_at, new.duration_minutes, new.location, new.kind, new.text,
            new.revision_worker_id, new.revision_worker_name, new.revision_reason, new.updated_at);
END;
DROP TRIGGER notes_revision_au;
CREATE TRIGGER notes_revision_au AFTER UPDATE ON notes
WHEN (SELECT active FROM sync_apply) = 0
BEGIN
    INSERT INTO note_revisions(note_id, revision_no, occurred_at, duration_minutes, location, kind, text,
            worker_id, worker_name, reason, created_at)
        VALUES (new.id, new.revision_no, new.occurred_at, new.duration_minutes, new.location, new.kind, new.text,
            new.revision_worker_id, new.revision_worker_name, new.revision_reason, new.updated_at);
END;
DROP TRIGGER note_revisions_no_update;
CREATE TRIGGER note_revisions_no_update BEFORE UPDATE ON note_revisions
WHEN (SELECT active FROM sync_apply) = 0 OR NEW.id IS NOT OLD.id OR NEW.note_id IS NOT OLD.note_id
    OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.duration_minutes IS NOT OLD.duration_minutes
    OR NEW.location IS NOT OLD.location OR NEW.kind IS NOT OLD.kind OR NEW.text IS NOT OLD.text
    OR NEW.worker_id IS NOT OLD.worker_id OR NEW.worker_name IS NOT OLD.worker_name
    OR NEW.reason IS NOT OLD.reason OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'note_record: a revision of a journal note cannot be changed');
END;
DROP TRIGGER note_revisions_no_delete;
CREATE TRIGGER note_revisions_no_delete BEFORE DELETE ON note_revisions
WHEN NOT EXISTS (
    SELECT 1 FROM notes n JOIN retention_deletions r ON r.course_id = n.course_id JOIN courses c ON c.id = r.course_id
    WHERE n.id = OLD.note_id AND c.status = 'closed')
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    SELECT RAISE(ABORT, 'note_record: a revision of a journal note cannot be deleted');
END;
DROP TRIGGER notes_no_delete;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
WHEN NOT EXISTS (
    SELECT 1 FROM retention_deletions r JOIN courses c ON c.id = r.course_id
    WHERE r.course_id = OLD.course_id AND c.status = 'closed')
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    SELECT RAISE(ABORT, 'note_record: a journal note cannot be deleted');
END;
DROP TRIGGER plan_versions_signed_no_delete;
CREATE TRIGGER plan_versions_signed_no_delete BEFORE DELETE ON plan_versions
WHEN OLD.signed_at IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM retention_deletions r JOIN courses c ON c.id = r.course_id
    WHERE r.course_id = OLD.course_id AND c.status = 'closed')
    AND (SELECT active FROM sync_apply) = 0
BEGIN
    SELECT RAISE(ABORT, 'plan_signed: a signed plan version cannot be deleted');
END;
