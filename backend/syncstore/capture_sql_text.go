package syncstore

// The hand-written parts of migration 0013; capture_sql.go puts the generated parts between them.

const migrationHeader = `-- Team folder sync: the capture of every change (docs/team-sync.md).
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
`

const migrationTables = `
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
`

const migrationNotes = `
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
`
