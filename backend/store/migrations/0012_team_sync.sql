-- The team folder engine's own state on this laptop (see docs/team-sync.md). None of these
-- tables travels: each laptop keeps its own place in the team's exchange.

-- This laptop's membership: one row once it has founded or joined a team.
CREATE TABLE sync_local (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    team_id      TEXT    NOT NULL,
    laptop_id    TEXT    NOT NULL,
    folder       TEXT    NOT NULL,            -- the team folder as this laptop sees it
    trust_root   TEXT    NOT NULL,            -- hex ed25519 key of the laptop that founded the team
    worker_uid   TEXT    NOT NULL DEFAULT '', -- the worker who uses this laptop
    next_seq     INTEGER NOT NULL DEFAULT 1,  -- the number of this laptop's next batch
    audit_sent   INTEGER NOT NULL DEFAULT 0,  -- the last local audit entry published
    hlc          TEXT    NOT NULL DEFAULT '', -- the clock's last stamp, so it survives restarts
    snap_mark    INTEGER NOT NULL DEFAULT 0,  -- batches known (own and applied) at the last snapshot
    last_publish TEXT    NOT NULL DEFAULT '',
    last_apply   TEXT    NOT NULL DEFAULT ''
);

-- Per other laptop, the highest batch applied here (batches are applied in order).
-- content is the highest of them that held changes (not an empty heartbeat).
CREATE TABLE sync_applied (
    laptop  TEXT    PRIMARY KEY,
    seq     INTEGER NOT NULL,
    content INTEGER NOT NULL DEFAULT 0
);

-- Every verified roster version; the highest is the team's current membership.
CREATE TABLE sync_rosters (
    version INTEGER PRIMARY KEY,
    signer  TEXT    NOT NULL,
    body    TEXT    NOT NULL
);

-- The team key of every epoch this laptop was given (to read old files too).
CREATE TABLE sync_team_keys (
    epoch    INTEGER PRIMARY KEY,
    identity TEXT    NOT NULL
);

-- Citizens' data keys: one per citizen and writing laptop. Forgotten at the end of retention.
-- last_seq is, for this laptop's own keys, the last batch that used the key.
CREATE TABLE sync_data_keys (
    laptop   TEXT    NOT NULL,
    citizen  TEXT    NOT NULL,
    key      BLOB    NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (laptop, citizen)
);

-- What each laptop has applied of each other laptop's batches, as its own batches say
-- (their dependencies): a laptop removes a file of its own only when every member has it.
CREATE TABLE sync_acks (
    laptop TEXT    NOT NULL, -- the laptop that applied
    of     TEXT    NOT NULL, -- whose batches
    seq    INTEGER NOT NULL,
    PRIMARY KEY (laptop, of)
);

-- Citizens deleted at the end of retention: their data in the folder is skipped for good.
CREATE TABLE sync_shredded (
    citizen TEXT PRIMARY KEY,
    at      TEXT NOT NULL
);

-- Files that could not be used (refused signature, truncated, waiting for a missing one).
CREATE TABLE sync_problems (
    name       TEXT    PRIMARY KEY,
    laptop     TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    first_seen TEXT    NOT NULL,
    last_seen  TEXT    NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1
);

-- The audit logs of the other laptops, entry by entry as each laptop chained them.
CREATE TABLE audit_remote (
    laptop      TEXT    NOT NULL,
    origin_id   INTEGER NOT NULL,
    at          TEXT    NOT NULL,
    worker_uid  TEXT    NOT NULL DEFAULT '',
    worker_name TEXT    NOT NULL DEFAULT '',
    action      TEXT    NOT NULL,
    object      TEXT    NOT NULL DEFAULT '',
    citizen_uid TEXT    NOT NULL DEFAULT '',
    course_uid  TEXT    NOT NULL DEFAULT '',
    detail      TEXT    NOT NULL DEFAULT '',
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL,
    PRIMARY KEY (laptop, origin_id)
);
CREATE TRIGGER audit_remote_no_update BEFORE UPDATE ON audit_remote
BEGIN
    SELECT RAISE(ABORT, 'audit_append_only: the audit log cannot be changed');
END;

-- A colleague covers for a worker during holidays or illness: for the period, they may
-- change the worker's courses (a team lead sets it; it travels to every laptop).
CREATE TABLE cover_periods (
    id              INTEGER PRIMARY KEY,
    worker_id       INTEGER NOT NULL REFERENCES workers(id) ON DELETE RESTRICT,
    cover_worker_id INTEGER NOT NULL REFERENCES workers(id) ON DELETE RESTRICT,
    from_date       TEXT    NOT NULL,
    to_date         TEXT    NOT NULL,
    note            TEXT    NOT NULL DEFAULT '',
    withdrawn       INTEGER NOT NULL DEFAULT 0,
    created_by      INTEGER REFERENCES workers(id) ON DELETE RESTRICT,
    created_at      DATETIME NOT NULL,
    CHECK (from_date <= to_date),
    CHECK (worker_id <> cover_worker_id)
);
CREATE INDEX cover_periods_cover ON cover_periods(cover_worker_id, from_date);
