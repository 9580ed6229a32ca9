-- Note search at ten-year scale (about 200 000 journal notes).
--
-- The search matches every word the user types as a word beginning, and the UI searches as
-- they type. Without a prefix index FTS5 answers a word beginning by merging the full lists
-- of every word that starts with it before it returns the first hit: for a common word that
-- is most of the notes, 60 ms and more. With prefix indexes for word beginnings of 1 to 10
-- letters it streams the newest matches and stops at the page.
--
-- The index also gets the note's course as a second column (the token "c" followed by the
-- course id, from the view below), so that a search in one citizen's notes reads only that
-- course's entries instead of every match in the team.
--
-- The index is rebuilt from the notes; the triggers are those of migration 0003 with the
-- course column added.
DROP TRIGGER notes_ai;
DROP TRIGGER notes_ad;
DROP TRIGGER notes_au;
DROP TABLE notes_fts;
CREATE VIEW notes_fts_content AS SELECT id, text, 'c' || course_id AS course FROM notes;
CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, course, content='notes_fts_content', content_rowid='id',
    tokenize="unicode61 remove_diacritics 0", prefix='1 2 3 4 5 6 7 8 9 10');
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, text, course) VALUES (new.id, new.text, 'c' || new.course_id);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text, course) VALUES ('delete', old.id, old.text, 'c' || old.course_id);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF text, course_id ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text, course) VALUES ('delete', old.id, old.text, 'c' || old.course_id);
    INSERT INTO notes_fts(rowid, text, course) VALUES (new.id, new.text, 'c' || new.course_id);
END;

-- Search results are newest first by the note's date and time across all citizens.
CREATE INDEX notes_time ON notes(occurred_at);

-- Contact statistics per course: how many notes of each kind and place, and the latest.
-- The contact-gap warning and the fidelity check read them on every course page and for
-- every open course in the team overview; counted from the notes, an open course of several
-- years meant reading hundreds of notes each time. The triggers keep the counts with the
-- notes: a row goes when its last note goes.
CREATE TABLE note_stats (
    course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL,
    location  TEXT    NOT NULL,
    n         INTEGER NOT NULL CHECK (n > 0),
    last      TEXT    NOT NULL, -- the latest occurred_at
    PRIMARY KEY (course_id, kind, location)
) WITHOUT ROWID;
INSERT INTO note_stats(course_id, kind, location, n, last)
    SELECT course_id, kind, location, COUNT(*), MAX(occurred_at) FROM notes GROUP BY course_id, kind, location;
CREATE TRIGGER note_stats_ai AFTER INSERT ON notes BEGIN
    INSERT INTO note_stats(course_id, kind, location, n, last)
        VALUES (new.course_id, new.kind, new.location, 1, new.occurred_at)
        ON CONFLICT (course_id, kind, location) DO UPDATE SET n = n + 1, last = max(last, excluded.last);
END;
CREATE TRIGGER note_stats_ad AFTER DELETE ON notes BEGIN
    DELETE FROM note_stats WHERE course_id = old.course_id AND kind = old.kind AND location = old.location AND n = 1;
    UPDATE note_stats SET n = n - 1, last = CASE WHEN old.occurred_at < last THEN last
            ELSE (SELECT MAX(occurred_at) FROM notes
                  WHERE course_id = old.course_id AND kind = old.kind AND location = old.location) END
        WHERE course_id = old.course_id AND kind = old.kind AND location = old.location;
END;
CREATE TRIGGER note_stats_au AFTER UPDATE OF course_id, kind, location, occurred_at ON notes BEGIN
    DELETE FROM note_stats WHERE course_id = old.course_id AND kind = old.kind AND location = old.location AND n = 1;
    UPDATE note_stats SET n = n - 1, last = CASE WHEN old.occurred_at < last THEN last
            ELSE (SELECT MAX(occurred_at) FROM notes
                  WHERE course_id = old.course_id AND kind = old.kind AND location = old.location) END
        WHERE course_id = old.course_id AND kind = old.kind AND location = old.location;
    INSERT INTO note_stats(course_id, kind, location, n, last)
        VALUES (new.course_id, new.kind, new.location, 1, new.occurred_at)
        ON CONFLICT (course_id, kind, location) DO UPDATE SET n = n + 1, last = max(last, excluded.last);
END;
