-- The team's method template (metodeskabelon): per element of the ICM method, how the team
-- does it in practice and how far it has come. Only the element codes are stored; their
-- names and fixed requirements are texts of the app. There is one team per database.
CREATE TABLE template_elements (
    element    TEXT PRIMARY KEY,
    answer     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'draft', 'agreed')),
    updated_at DATETIME NOT NULL
);

-- Signed versions of the template: a snapshot (JSON of plandoc.Template) of every element
-- as the team lead signed it. Like plan_versions, a signed version is a record that the
-- triggers below keep from being changed or deleted, and it keeps its team lead.
CREATE TABLE template_versions (
    id         INTEGER PRIMARY KEY,
    version_no INTEGER NOT NULL UNIQUE CHECK (version_no >= 1),
    snapshot   TEXT    NOT NULL CHECK (json_valid(snapshot)),
    signed_at  DATETIME NOT NULL,
    lead_id    INTEGER NOT NULL REFERENCES workers(id) ON DELETE RESTRICT,
    sign_date  TEXT    NOT NULL,
    note       TEXT    NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);

-- The messages start with the error code the store maps to domain.CodeTemplateSigned.
CREATE TRIGGER template_versions_signed_no_update BEFORE UPDATE ON template_versions
WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'template_signed: a signed template version cannot be changed');
END;
CREATE TRIGGER template_versions_signed_no_delete BEFORE DELETE ON template_versions
WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'template_signed: a signed template version cannot be deleted');
END;
