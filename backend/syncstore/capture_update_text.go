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
