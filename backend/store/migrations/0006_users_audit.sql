-- Sign-in: a worker who may use the app has one credential row. The password is kept only
-- as an Argon2id hash (PHC string). Failed attempts and the lockout are kept here so that a
-- restart does not reset them.
CREATE TABLE credentials (
    worker_id       INTEGER PRIMARY KEY REFERENCES workers(id) ON DELETE CASCADE,
    username        TEXT     NOT NULL UNIQUE COLLATE NOCASE,
    password_hash   TEXT     NOT NULL,
    failed_attempts INTEGER  NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    DATETIME,
    must_change     INTEGER  NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
    last_sign_in    DATETIME,
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL
);

-- The audit log: who did what with which citizen's data, and when. Rows are only ever
-- appended; each row's hash covers its fields and the previous row's hash, so a changed or
-- removed row breaks the chain. citizen_id and course_id are plain numbers, not foreign
-- keys: the entries outlive the citizen's data when it is deleted at the end of retention.
-- Names of the actor are copied so an entry still reads after a worker is renamed.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    worker_id   INTEGER NOT NULL DEFAULT 0,
    worker_name TEXT    NOT NULL DEFAULT '',
    action      TEXT    NOT NULL,
    object      TEXT    NOT NULL DEFAULT '',
    citizen_id  INTEGER NOT NULL DEFAULT 0,
    course_id   INTEGER NOT NULL DEFAULT 0,
    detail      TEXT    NOT NULL DEFAULT '',
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL
);
CREATE INDEX audit_log_citizen ON audit_log (citizen_id, id);
CREATE INDEX audit_log_worker ON audit_log (worker_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_append_only: the audit log cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_append_only: the audit log cannot be changed');
END;
