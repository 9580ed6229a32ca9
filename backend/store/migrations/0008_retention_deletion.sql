-- Deletion at the end of retention (sletning efter endt opbevaring).
--
-- When the retention period of a citizen's data has run out, all of it goes, signed plan
-- versions included; only the audit log stays. A signed version is otherwise a record that
-- nothing may delete (migration 0004). The deletion therefore announces itself: in the same
-- transaction it first writes one row per closed course here, and the delete trigger lets a
-- signed version go only while its course has such a row and is closed. The deletion
-- removes its rows again before it commits, so nothing is left here afterwards (a row left
-- behind would open the next course that happened to get the same id).
CREATE TABLE retention_deletions (
    course_id  INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL,
    started_at TEXT    NOT NULL
);

DROP TRIGGER plan_versions_signed_no_delete;
CREATE TRIGGER plan_versions_signed_no_delete BEFORE DELETE ON plan_versions
WHEN OLD.signed_at IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM retention_deletions r JOIN courses c ON c.id = r.course_id
    WHERE r.course_id = OLD.course_id AND c.status = 'closed')
BEGIN
    SELECT RAISE(ABORT, 'plan_signed: a signed plan version cannot be deleted');
END;

-- A deleted note must leave no words behind in the search index: with secure-delete FTS5
-- removes a deleted row's entries from the index at once instead of writing delete markers
-- beside them, which would keep the words in the file until the next merge. The setting is
-- stored with the index: a migration that rebuilds notes_fts must set it again.
INSERT INTO notes_fts(notes_fts, rank) VALUES ('secure-delete', 1);
