-- Step 1 of the course (target group and visitation) and per-installation settings.
CREATE TABLE visitations (
    course_id              INTEGER PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
    housing_at_start       TEXT NOT NULL DEFAULT '',
    housing_note           TEXT NOT NULL DEFAULT '',
    needs                  TEXT NOT NULL DEFAULT '[]',
    needs_note             TEXT NOT NULL DEFAULT '',
    target_group_reason    TEXT NOT NULL DEFAULT '',
    consent                TEXT NOT NULL DEFAULT '',
    consent_form           TEXT NOT NULL DEFAULT '',
    consent_date           TEXT,
    contact_agreement      TEXT NOT NULL DEFAULT '',
    referral_source        TEXT NOT NULL DEFAULT '',
    referral_note          TEXT NOT NULL DEFAULT '',
    visitation_date        TEXT,
    legal_basis            TEXT NOT NULL DEFAULT '',
    legal_note             TEXT NOT NULL DEFAULT '',
    action_plan            TEXT NOT NULL DEFAULT '',
    action_plan_date       TEXT,
    action_plan_caseworker TEXT NOT NULL DEFAULT '',
    action_plan_note       TEXT NOT NULL DEFAULT '',
    updated_at             DATETIME NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
