-- Signed plan versions (underskrevne planversioner). Signing off the plan stores a
-- self-contained snapshot (JSON of plandoc.Plan) with who signed, when and how. A signed
-- version is a record: it is never changed or deleted, which the triggers below enforce
-- even against a bug in the app, and it keeps its course and workers from being deleted.
CREATE TABLE plan_versions (
    id              INTEGER PRIMARY KEY,
    course_id       INTEGER NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
    version_no      INTEGER NOT NULL CHECK (version_no >= 1),
    snapshot        TEXT    NOT NULL CHECK (json_valid(snapshot)),
    signed_at       DATETIME NOT NULL,
    citizen_name    TEXT    NOT NULL,
    citizen_date    TEXT    NOT NULL,
    method          TEXT    NOT NULL CHECK (method IN ('paper', 'in_person')),
    worker_id       INTEGER NOT NULL REFERENCES workers(id) ON DELETE RESTRICT,
    worker_date     TEXT    NOT NULL,
    lead_id         INTEGER REFERENCES workers(id) ON DELETE RESTRICT,
    lead_date       TEXT,
    citizen_comment TEXT    NOT NULL DEFAULT '',
    created_at      DATETIME NOT NULL,
    UNIQUE (course_id, version_no),
    -- a team lead's approval has both the lead and the date, or neither
    CHECK ((lead_id IS NULL) = (lead_date IS NULL))
);

-- The messages start with the error code the store maps to domain.CodePlanSigned.
CREATE TRIGGER plan_versions_signed_no_update BEFORE UPDATE ON plan_versions
WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'plan_signed: a signed plan version cannot be changed');
END;
CREATE TRIGGER plan_versions_signed_no_delete BEFORE DELETE ON plan_versions
WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'plan_signed: a signed plan version cannot be deleted');
END;
