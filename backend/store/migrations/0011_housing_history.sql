-- Housing history (boligforløb): every change of a citizen's housing situation is a dated
-- entry instead of a field that is overwritten. The situation an entry came from is not
-- stored: it is the situation of the entry in force before it, so that a correction of an
-- earlier entry never leaves a later one with a stale "from".
--
-- kind: move (registered by a worker), start (the visitation step's housing at the start of
-- a course, dated the course start), close (the closing's housing, dated the end date),
-- carried_over (the citizen's housing field from before this history), withdrawal (takes
-- back the entry it corrects; has no housing). A correction is a new entry that names the
-- entry it replaces in corrects_id; the replaced entry stays as it was, visible as
-- corrected. Only a start entry may have no housing (a note written before the situation).
--
-- citizens.housing/housing_note (the entry in force last), visitations.housing_at_start/
-- housing_note (the course's start entry) and closings.housing_at_close (its close entry)
-- stay as copies that the app keeps in step in the same transaction as the entries.
CREATE TABLE housing_events (
    id          INTEGER PRIMARY KEY,
    citizen_id  INTEGER NOT NULL REFERENCES citizens(id),
    course_id   INTEGER REFERENCES courses(id),
    date        TEXT    NOT NULL,
    housing     TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT '',
    kind        TEXT    NOT NULL CHECK (kind IN ('move', 'start', 'close', 'carried_over', 'withdrawal')),
    corrects_id INTEGER REFERENCES housing_events(id),
    recorded_by INTEGER REFERENCES workers(id),
    created_at  DATETIME NOT NULL,
    CHECK ((kind IN ('start', 'close')) = (course_id IS NOT NULL)),
    CHECK (kind <> 'withdrawal' OR (housing = '' AND corrects_id IS NOT NULL)),
    CHECK (housing <> '' OR kind IN ('start', 'carried_over', 'withdrawal'))
);
CREATE INDEX housing_events_citizen ON housing_events(citizen_id, date, id);
-- An entry is corrected or withdrawn once; a course has one start and one close entry.
CREATE UNIQUE INDEX housing_events_corrects ON housing_events(corrects_id) WHERE corrects_id IS NOT NULL;
CREATE UNIQUE INDEX housing_events_step ON housing_events(course_id, kind) WHERE kind IN ('start', 'close');

-- The housing at the start of each course, dated the course start.
INSERT INTO housing_events(citizen_id, course_id, date, housing, note, kind, created_at)
SELECT c.citizen_id, c.id, c.start_date, v.housing_at_start, v.housing_note, 'start', v.updated_at
FROM visitations v JOIN courses c ON c.id = v.course_id
WHERE v.housing_at_start <> '' OR v.housing_note <> ''
ORDER BY c.start_date, c.id;

-- The housing at each closing, dated the course's end (the closing's own day if it has none).
INSERT INTO housing_events(citizen_id, course_id, date, housing, note, kind, created_at)
SELECT c.citizen_id, c.id, COALESCE(c.end_date, substr(cl.updated_at, 1, 10)), cl.housing_at_close, '', 'close', cl.updated_at
FROM closings cl JOIN courses c ON c.id = cl.course_id
WHERE cl.housing_at_close <> ''
ORDER BY COALESCE(c.end_date, substr(cl.updated_at, 1, 10)), c.id;

-- The citizen's housing as it stood, where the latest entry does not say the same: dated
-- when the citizen was last changed, and never before the latest entry.
INSERT INTO housing_events(citizen_id, course_id, date, housing, note, kind, created_at)
SELECT ci.id, NULL,
    MAX(substr(ci.updated_at, 1, 10), COALESCE((SELECT MAX(e.date) FROM housing_events e WHERE e.citizen_id = ci.id), '')),
    ci.housing, ci.housing_note, 'carried_over', ci.updated_at
FROM citizens ci
WHERE (ci.housing <> '' OR ci.housing_note <> '')
  AND NOT EXISTS (
    SELECT 1 FROM (SELECT e.housing, e.note FROM housing_events e WHERE e.citizen_id = ci.id AND e.housing <> ''
                   ORDER BY e.date DESC, e.id DESC LIMIT 1) AS last
    WHERE last.housing = ci.housing AND last.note = ci.housing_note)
ORDER BY ci.id;

-- The citizen's housing is the entry in force last (changes only where the citizen had none).
UPDATE citizens SET
    housing = COALESCE((SELECT e.housing FROM housing_events e WHERE e.citizen_id = citizens.id AND e.housing <> ''
                        ORDER BY e.date DESC, e.id DESC LIMIT 1), housing),
    housing_note = COALESCE((SELECT e.note FROM housing_events e WHERE e.citizen_id = citizens.id AND e.housing <> ''
                             ORDER BY e.date DESC, e.id DESC LIMIT 1), housing_note);

-- A course is closed only through its closing (the follow-up step's last section), which
-- writes the closing before the status: any other update to "closed" is refused here too.
CREATE TRIGGER courses_close_through_closing BEFORE UPDATE OF status ON courses
WHEN NEW.status = 'closed' AND OLD.status <> 'closed'
    AND NOT EXISTS (SELECT 1 FROM closings WHERE course_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'close_through_closing: a course is closed only through its closing');
END;
