-- Team, workers, citizens and ICM courses.
CREATE TABLE teams (
    id           INTEGER PRIMARY KEY,
    municipality TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);

CREATE TABLE workers (
    id             INTEGER PRIMARY KEY,
    team_id        INTEGER NOT NULL REFERENCES teams(id),
    name           TEXT    NOT NULL,
    initials       TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('icm_worker', 'team_lead')),
    fte_hundredths INTEGER NOT NULL CHECK (fte_hundredths BETWEEN 1 AND 100),
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL
);
CREATE UNIQUE INDEX workers_team_initials ON workers(team_id, initials);

CREATE TABLE citizens (
    id            INTEGER PRIMARY KEY,
    team_id       INTEGER NOT NULL REFERENCES teams(id),
    name          TEXT    NOT NULL,
    cpr           TEXT,
    phone         TEXT    NOT NULL DEFAULT '',
    email         TEXT    NOT NULL DEFAULT '',
    address       TEXT    NOT NULL DEFAULT '',
    contact_note  TEXT    NOT NULL DEFAULT '',
    housing       TEXT    NOT NULL DEFAULT '',
    housing_note  TEXT    NOT NULL DEFAULT '',
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE UNIQUE INDEX citizens_cpr ON citizens(cpr) WHERE cpr IS NOT NULL;

CREATE TABLE courses (
    id                    INTEGER PRIMARY KEY,
    citizen_id            INTEGER NOT NULL REFERENCES citizens(id),
    worker_id             INTEGER NOT NULL REFERENCES workers(id),
    start_date            TEXT    NOT NULL,
    status                TEXT    NOT NULL CHECK (status IN ('visitation', 'active', 'closed')),
    end_date              TEXT,
    override_reason       TEXT    NOT NULL DEFAULT '',
    override_by_worker_id INTEGER REFERENCES workers(id),
    override_at           DATETIME,
    created_at            DATETIME NOT NULL,
    updated_at            DATETIME NOT NULL
);
CREATE INDEX courses_worker_status ON courses(worker_id, status);
-- One open course per citizen: the method gives each citizen one named worker at a time.
CREATE UNIQUE INDEX courses_one_open_per_citizen ON courses(citizen_id) WHERE status <> 'closed';
