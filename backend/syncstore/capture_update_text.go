package syncstore

// The hand-written parts of the migrations after 0013 (see capture_update.go).

const coverCitizensHeader = `-- Cover for some of a worker's citizens (issue 14): a cover period names one citizen, or
-- none for all the worker's citizens (a cover for three citizens is three rows, set
-- together). The citizen's deletion at the end of retention takes its cover rows with it.
-- withdrawn_on is the day a team lead withdrew the cover (ISO date; NULL: not withdrawn,
-- or withdrawn before this migration), for the worker's "while you were away".
`

const coverCitizensChange = `
ALTER TABLE cover_periods ADD COLUMN citizen_id INTEGER REFERENCES citizens(id) ON DELETE CASCADE;
ALTER TABLE cover_periods ADD COLUMN withdrawn_on TEXT;
CREATE INDEX cover_periods_worker ON cover_periods(worker_id, to_date);
CREATE INDEX cover_periods_citizen ON cover_periods(citizen_id) WHERE citizen_id IS NOT NULL;
`

const contactFrequencyHeader = `-- The contact frequency agreed with the citizen (issue 16): "once a day at first, later
-- twice a week". A course's agreements form a history, one per first day (from_date, ISO):
-- each holds until the next. times is how many contacts per "per" (day or week); note says
-- what was agreed beyond the number. The follow-up step and the overview set the actual
-- contacts of each week against the agreement in force.
`

const contactFrequencyChange = `
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
`

const caseReviewsHeader = `-- Team routines of the method and the Copenhagen project (issue 16). case_reviews: a
-- course discussed at a team meeting (date, who took part, what was agreed), at least three
-- times a year. team_meetings: the team's weekly status meetings and external supervision
-- (kind, date, who took part, a short note without citizens' details).
`

const caseReviewsChange = `
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
`
