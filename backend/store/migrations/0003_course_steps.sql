-- Steps 2-6 of a course (assessment, planning, coordination, advocacy, follow-up) and the
-- journal notes with their Danish-aware full-text index.

-- Assessment: one row per topic per day. Edits on the same day refine that day's revision;
-- an edit on a later day starts a new one, so earlier text is never overwritten.
CREATE TABLE assessment_entries (
    id            INTEGER PRIMARY KEY,
    course_id     INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    topic         TEXT    NOT NULL,
    revision_date TEXT    NOT NULL,
    citizen_view  TEXT    NOT NULL DEFAULT '',
    worker_view   TEXT    NOT NULL DEFAULT '',
    resources     TEXT    NOT NULL DEFAULT '',
    needs         TEXT    NOT NULL DEFAULT '',
    barriers      TEXT    NOT NULL DEFAULT '',
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL,
    UNIQUE (course_id, topic, revision_date)
);

CREATE TABLE goals (
    id               INTEGER PRIMARY KEY,
    course_id        INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    citizen_words    TEXT    NOT NULL,
    area             TEXT    NOT NULL DEFAULT '',
    action_plan_goal TEXT    NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0,
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);
CREATE INDEX goals_course ON goals(course_id, position);

CREATE TABLE subgoals (
    id         INTEGER PRIMARY KEY,
    goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    what       TEXT    NOT NULL,
    measure    TEXT    NOT NULL DEFAULT '',
    owner      TEXT    NOT NULL DEFAULT '',
    deadline   TEXT,
    status     TEXT    NOT NULL DEFAULT 'not_started',
    position   INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX subgoals_goal ON subgoals(goal_id, position);

CREATE TABLE activities (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    what       TEXT    NOT NULL,
    frequency  TEXT    NOT NULL DEFAULT '',
    owner      TEXT    NOT NULL DEFAULT '',
    subgoal_id INTEGER REFERENCES subgoals(id) ON DELETE SET NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX activities_course ON activities(course_id, position);

CREATE TABLE network_contacts (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    name         TEXT    NOT NULL DEFAULT '',
    organisation TEXT    NOT NULL DEFAULT '',
    phone        TEXT    NOT NULL DEFAULT '',
    email        TEXT    NOT NULL DEFAULT '',
    role         TEXT    NOT NULL DEFAULT '',
    last_contact TEXT,
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX network_contacts_course ON network_contacts(course_id);

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    date         TEXT    NOT NULL,
    participants TEXT    NOT NULL DEFAULT '',
    purpose      TEXT    NOT NULL DEFAULT '',
    preparation  TEXT    NOT NULL DEFAULT '',
    outcome      TEXT    NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX meetings_course ON meetings(course_id, date);

CREATE TABLE meeting_actions (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    action     TEXT    NOT NULL,
    owner      TEXT    NOT NULL DEFAULT '',
    deadline   TEXT,
    done       INTEGER NOT NULL DEFAULT 0,
    position   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_actions_meeting ON meeting_actions(meeting_id, position);

CREATE TABLE advocacy_cases (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    opened     TEXT    NOT NULL,
    barrier    TEXT    NOT NULL,
    towards    TEXT    NOT NULL DEFAULT '',
    actions    TEXT    NOT NULL DEFAULT '',
    rights     TEXT    NOT NULL DEFAULT '',
    outcome    TEXT    NOT NULL DEFAULT '',
    status     TEXT    NOT NULL DEFAULT 'open',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX advocacy_cases_course ON advocacy_cases(course_id, opened);

CREATE TABLE evaluations (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    date         TEXT    NOT NULL,
    due_date     TEXT    NOT NULL,
    summary      TEXT    NOT NULL DEFAULT '',
    plan_changes TEXT    NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX evaluations_course ON evaluations(course_id, date);

CREATE TABLE evaluation_items (
    id            INTEGER PRIMARY KEY,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    subgoal_id    INTEGER NOT NULL REFERENCES subgoals(id) ON DELETE CASCADE,
    status        TEXT    NOT NULL,
    comment       TEXT    NOT NULL DEFAULT '',
    UNIQUE (evaluation_id, subgoal_id)
);

CREATE TABLE who5_scores (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    date       TEXT    NOT NULL,
    item1      INTEGER NOT NULL CHECK (item1 BETWEEN 0 AND 5),
    item2      INTEGER NOT NULL CHECK (item2 BETWEEN 0 AND 5),
    item3      INTEGER NOT NULL CHECK (item3 BETWEEN 0 AND 5),
    item4      INTEGER NOT NULL CHECK (item4 BETWEEN 0 AND 5),
    item5      INTEGER NOT NULL CHECK (item5 BETWEEN 0 AND 5),
    note       TEXT    NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX who5_scores_course ON who5_scores(course_id, date);

CREATE TABLE weekly_checks (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    week_start TEXT    NOT NULL,
    substance  INTEGER NOT NULL CHECK (substance BETWEEN 0 AND 4),
    mental     INTEGER NOT NULL CHECK (mental BETWEEN 0 AND 4),
    note       TEXT    NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    UNIQUE (course_id, week_start)
);

CREATE TABLE closings (
    course_id        INTEGER PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
    reason           TEXT NOT NULL,
    after_support    TEXT NOT NULL,
    after_note       TEXT NOT NULL DEFAULT '',
    housing_at_close TEXT NOT NULL,
    note             TEXT NOT NULL DEFAULT '',
    updated_at       DATETIME NOT NULL
);

-- Journal notes (notatpligt).
CREATE TABLE notes (
    id               INTEGER PRIMARY KEY,
    course_id        INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    occurred_at      TEXT    NOT NULL, -- local date and time, yyyy-mm-ddThh:mm
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
    location         TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);
CREATE INDEX notes_course_time ON notes(course_id, occurred_at);

-- remove_diacritics 0 keeps æ, ø and å distinct letters; unicode61 folds case for all letters.
CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, content='notes', content_rowid='id', tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF text ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
END;
