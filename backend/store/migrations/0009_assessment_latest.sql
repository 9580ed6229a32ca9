-- The latest revision of every assessment topic of every course, and whether it has any
-- text: the team overview and the fidelity check ask this of every open course, and read
-- from the revisions it meant every revision's texts. The triggers keep the table with the
-- revisions; "has text" is the same test as the service's hasText (any of the five texts
-- not empty).
CREATE TABLE assessment_latest (
    course_id     INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    topic         TEXT    NOT NULL,
    revision_date TEXT    NOT NULL,
    filled        INTEGER NOT NULL,
    PRIMARY KEY (course_id, topic)
) WITHOUT ROWID;

-- SQLite takes the bare columns of a MAX() group from the row with the maximum.
INSERT INTO assessment_latest(course_id, topic, revision_date, filled)
    SELECT course_id, topic, MAX(revision_date),
        citizen_view <> '' OR worker_view <> '' OR resources <> '' OR needs <> '' OR barriers <> ''
    FROM assessment_entries GROUP BY course_id, topic;

CREATE TRIGGER assessment_latest_ai AFTER INSERT ON assessment_entries BEGIN
    INSERT INTO assessment_latest(course_id, topic, revision_date, filled)
        VALUES (new.course_id, new.topic, new.revision_date,
            new.citizen_view <> '' OR new.worker_view <> '' OR new.resources <> '' OR new.needs <> '' OR new.barriers <> '')
        ON CONFLICT (course_id, topic) DO UPDATE SET revision_date = excluded.revision_date, filled = excluded.filled
        WHERE excluded.revision_date >= revision_date;
END;

-- A changed or removed revision: the topic's latest is looked up again (for the topic it
-- was under and, after a change, the one it is under now).
CREATE TRIGGER assessment_latest_au AFTER UPDATE ON assessment_entries BEGIN
    DELETE FROM assessment_latest WHERE (course_id = old.course_id AND topic = old.topic)
        OR (course_id = new.course_id AND topic = new.topic);
    INSERT INTO assessment_latest(course_id, topic, revision_date, filled)
        SELECT course_id, topic, MAX(revision_date),
            citizen_view <> '' OR worker_view <> '' OR resources <> '' OR needs <> '' OR barriers <> ''
        FROM assessment_entries
        WHERE (course_id = old.course_id AND topic = old.topic) OR (course_id = new.course_id AND topic = new.topic)
        GROUP BY course_id, topic;
END;
CREATE TRIGGER assessment_latest_ad AFTER DELETE ON assessment_entries BEGIN
    DELETE FROM assessment_latest WHERE course_id = old.course_id AND topic = old.topic;
    INSERT INTO assessment_latest(course_id, topic, revision_date, filled)
        SELECT course_id, topic, MAX(revision_date),
            citizen_view <> '' OR worker_view <> '' OR resources <> '' OR needs <> '' OR barriers <> ''
        FROM assessment_entries WHERE course_id = old.course_id AND topic = old.topic
        GROUP BY course_id, topic;
END;
