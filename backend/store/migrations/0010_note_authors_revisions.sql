-- Journal notes keep their author and their history (notatpligt).
--
-- Every note names the worker who wrote it (author_worker_id, with the name as it was
-- then: workers can be renamed), which is not always the course's responsible worker: a
-- colleague may write on a citizen's course. A saved note is never changed in place: a
-- correction is a new revision, and every revision is kept in note_revisions with who saved
-- it, when and, for a correction, why.
--
-- The notes row stays the current revision, so the search index (notes_fts) and the
-- contact counts (note_stats) keep following the notes as before and find the current
-- text. The row also carries who saved the current revision, why and its number; the
-- triggers below copy every inserted or updated row into note_revisions, so no write to a
-- note can leave its history behind, even through a bug in the app.
ALTER TABLE notes ADD COLUMN author_worker_id INTEGER REFERENCES workers(id);
ALTER TABLE notes ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN revision_no INTEGER NOT NULL DEFAULT 1;
ALTER TABLE notes ADD COLUMN revision_worker_id INTEGER REFERENCES workers(id);
ALTER TABLE notes ADD COLUMN revision_worker_name TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN revision_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE note_revisions (
    id               INTEGER PRIMARY KEY,
    note_id          INTEGER NOT NULL REFERENCES notes(id) ON DELETE RESTRICT,
    revision_no      INTEGER NOT NULL CHECK (revision_no >= 1),
    occurred_at      TEXT    NOT NULL,
    duration_minutes INTEGER NOT NULL,
    location         TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    worker_id        INTEGER NOT NULL REFERENCES workers(id) ON DELETE RESTRICT,
    worker_name      TEXT    NOT NULL,
    reason           TEXT    NOT NULL DEFAULT '',
    created_at       DATETIME NOT NULL,
    UNIQUE (note_id, revision_no)
);

-- The notes written before this version: the course's responsible worker is the author
-- (before, a note named no one else), and the text as it is now is revision 1, saved when
-- the note was last saved.
UPDATE notes SET
    author_worker_id = (SELECT worker_id FROM courses WHERE courses.id = notes.course_id),
    author_name = (SELECT w.name FROM courses c JOIN workers w ON w.id = c.worker_id WHERE c.id = notes.course_id),
    revision_worker_id = (SELECT worker_id FROM courses WHERE courses.id = notes.course_id),
    revision_worker_name = (SELECT w.name FROM courses c JOIN workers w ON w.id = c.worker_id WHERE c.id = notes.course_id);
INSERT INTO note_revisions(note_id, revision_no, occurred_at, duration_minutes, location, kind, text,
        worker_id, worker_name, reason, created_at)
    SELECT id, 1, occurred_at, duration_minutes, location, kind, text,
        revision_worker_id, revision_worker_name, '', updated_at
    FROM notes ORDER BY id;

-- The messages start with the error code the store maps to domain.CodeNoteRecord.
CREATE TRIGGER notes_new_revision_1 BEFORE INSERT ON notes
WHEN COALESCE(NEW.author_worker_id, 0) = 0 OR NEW.author_name = '' OR NEW.revision_no <> 1
    OR COALESCE(NEW.revision_worker_id, 0) = 0 OR NEW.revision_worker_name = ''
BEGIN
    SELECT RAISE(ABORT, 'note_record: a new journal note is revision 1 and names its author');
END;
CREATE TRIGGER notes_correct_by_revision BEFORE UPDATE ON notes
WHEN NEW.revision_no IS NOT OLD.revision_no + 1 OR NEW.id IS NOT OLD.id
    OR NEW.author_worker_id IS NOT OLD.author_worker_id OR NEW.author_name IS NOT OLD.author_name
    OR NEW.created_at IS NOT OLD.created_at
    OR COALESCE(NEW.revision_worker_id, 0) = 0 OR NEW.revision_worker_name = ''
BEGIN
    SELECT RAISE(ABORT, 'note_record: a journal note is corrected by a new revision, never changed in place');
END;
CREATE TRIGGER notes_revision_ai AFTER INSERT ON notes BEGIN
    INSERT INTO note_revisions(note_id, revision_no, occurred_at, duration_minutes, location, kind, text,
            worker_id, worker_name, reason, created_at)
        VALUES (new.id, new.revision_no, new.occurred_at, new.duration_minutes, new.location, new.kind, new.text,
            new.revision_worker_id, new.revision_worker_name, new.revision_reason, new.updated_at);
END;
CREATE TRIGGER notes_revision_au AFTER UPDATE ON notes BEGIN
    INSERT INTO note_revisions(note_id, revision_no, occurred_at, duration_minutes, location, kind, text,
            worker_id, worker_name, reason, created_at)
        VALUES (new.id, new.revision_no, new.occurred_at, new.duration_minutes, new.location, new.kind, new.text,
            new.revision_worker_id, new.revision_worker_name, new.revision_reason, new.updated_at);
END;

-- A revision is a record: never changed, and deleted (with its note) only by the deletion
-- at the end of retention, which announces itself in retention_deletions (migration 0008).
CREATE TRIGGER note_revisions_no_update BEFORE UPDATE ON note_revisions
BEGIN
    SELECT RAISE(ABORT, 'note_record: a revision of a journal note cannot be changed');
END;
CREATE TRIGGER note_revisions_no_delete BEFORE DELETE ON note_revisions
WHEN NOT EXISTS (
    SELECT 1 FROM notes n JOIN retention_deletions r ON r.course_id = n.course_id JOIN courses c ON c.id = r.course_id
    WHERE n.id = OLD.note_id AND c.status = 'closed')
BEGIN
    SELECT RAISE(ABORT, 'note_record: a revision of a journal note cannot be deleted');
END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
WHEN NOT EXISTS (
    SELECT 1 FROM retention_deletions r JOIN courses c ON c.id = r.course_id
    WHERE r.course_id = OLD.course_id AND c.status = 'closed')
BEGIN
    SELECT RAISE(ABORT, 'note_record: a journal note cannot be deleted');
END;
