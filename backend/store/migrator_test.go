package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"icm/backend/domain"
)

// openUnmigrated opens a file like Open does but applies no migrations.
func openUnmigrated(t *testing.T, path string) *Store {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(DSN(path)), &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true})
	if err != nil {
		t.Fatal(err)
	}
	st := &Store{db: db, path: path}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// seedAt holds representative rows that are valid SQL at the schema version they are keyed
// by. A new migration needs an entry here so that the upgrade from the version before it
// is tested with data in every table.
var seedAt = map[int][]string{
	1: {
		`INSERT INTO teams(id, municipality, name, created_at, updated_at)
			VALUES (1, 'Solvang Kommune', 'ICM-teamet', '2025-01-02 10:00:00+00:00', '2025-01-02 10:00:00+00:00')`,
		`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
			VALUES (1, 1, 'Mette Lund', 'ML', 'team_lead', 50, 1, '2025-01-02 10:00:00+00:00', '2025-01-02 10:00:00+00:00')`,
		`INSERT INTO citizens(id, team_id, name, cpr, phone, created_at, updated_at)
			VALUES (1, 1, 'Åse Ærø 🙂', '010190-1234', '20 11 22 33', '2025-01-02 10:00:00+00:00', '2025-01-02 10:00:00+00:00')`,
		`INSERT INTO courses(id, citizen_id, worker_id, start_date, status, override_reason, override_by_worker_id,
				override_at, created_at, updated_at)
			VALUES (1, 1, 1, '2025-01-03', 'active', 'kendt relation', 1, '2025-01-03 09:00:00+00:00',
				'2025-01-03 09:00:00+00:00', '2025-01-03 09:00:00+00:00')`,
	},
	2: {
		`INSERT INTO visitations(course_id, housing_at_start, needs, consent, consent_date, updated_at)
			VALUES (1, 'shelter', '["substance"]', 'yes', '2025-01-03', '2025-01-03 09:00:00+00:00')`,
		`INSERT INTO settings(key, value) VALUES ('language', 'en')`,
	},
	3: {
		`INSERT INTO assessment_entries(id, course_id, topic, revision_date, citizen_view, created_at, updated_at)
			VALUES (1, 1, 'housing', '2025-02-01', 'Vil have egen bolig', '2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO goals(id, course_id, citizen_words, area, action_plan_goal, position, created_at, updated_at)
			VALUES (1, 1, 'Jeg vil have min egen lejlighed', 'housing', 'Bolig', 0, '2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO subgoals(id, goal_id, what, measure, owner, deadline, status, position, created_at, updated_at)
			VALUES (1, 1, 'Søge om boligstøtte sammen', 'Ansøgning sendt', 'Åse og Mette', '2025-03-01', 'in_progress', 0,
				'2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO activities(id, course_id, what, frequency, owner, subgoal_id, position, created_at, updated_at)
			VALUES (1, 1, 'Besøg i hjemmet', 'ugentligt', 'Mette', 1, 0, '2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO network_contacts(id, course_id, kind, name, organisation, phone, last_contact, active, created_at, updated_at)
			VALUES (1, 1, 'caseworker', 'Jens Holm', 'Solvang Kommune', '20 30 40 50', '2025-02-02', 1,
				'2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO meetings(id, course_id, date, participants, purpose, created_at, updated_at)
			VALUES (1, 1, '2025-02-10', 'Åse, Jens, Mette', 'Netværksmøde om bolig', '2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO meeting_actions(id, meeting_id, action, owner, deadline, done, position)
			VALUES (1, 1, 'Sende ansøgningen', 'Jens', '2025-02-20', 0, 0)`,
		`INSERT INTO advocacy_cases(id, course_id, opened, barrier, towards, status, created_at, updated_at)
			VALUES (1, 1, '2025-02-01', 'Afslag på boligstøtte uden begrundelse', 'Ydelseskontoret', 'open',
				'2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO evaluations(id, course_id, date, due_date, summary, created_at, updated_at)
			VALUES (1, 1, '2025-04-01', '2025-04-03', 'God fremgang', '2025-04-01 10:00:00+00:00', '2025-04-01 10:00:00+00:00')`,
		`INSERT INTO evaluation_items(id, evaluation_id, subgoal_id, status, comment) VALUES (1, 1, 1, 'achieved', 'Sendt')`,
		`INSERT INTO who5_scores(id, course_id, date, item1, item2, item3, item4, item5, created_at)
			VALUES (1, 1, '2025-02-01', 3, 2, 3, 2, 3, '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO weekly_checks(id, course_id, week_start, substance, mental, created_at, updated_at)
			VALUES (1, 1, '2025-02-03', 2, 1, '2025-02-05 10:00:00+00:00', '2025-02-05 10:00:00+00:00')`,
		`INSERT INTO notes(id, course_id, occurred_at, duration_minutes, location, kind, text, created_at, updated_at)
			VALUES (1, 1, '2025-02-01T10:00', 45, 'home', 'visit', 'Borgeren sov dårligt, søvnløs nat. ÆBLE på bordet.',
				'2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
		`INSERT INTO closings(course_id, reason, after_support, housing_at_close, updated_at)
			VALUES (1, 'goals_reached', 'cti', 'own', '2025-06-01 10:00:00+00:00')`,
	},
	4: {
		`INSERT INTO plan_versions(id, course_id, version_no, snapshot, signed_at, citizen_name, citizen_date, method,
				worker_id, worker_date, lead_id, lead_date, citizen_comment, created_at)
			VALUES (1, 1, 1, '{"formatVersion":1,"citizen":"Åse Ærø 🙂","goals":[{"citizenWords":"Egen lejlighed"}]}',
				'2025-02-02 10:00:00+00:00', 'Åse Ærø 🙂', '2025-02-02', 'paper', 1, '2025-02-02', 1, '2025-02-03',
				'Jeg er uenig i fristen', '2025-02-02 10:00:00+00:00')`,
	},
	5: {
		`INSERT INTO template_elements(element, answer, status, updated_at)
			VALUES ('target_group', 'Borgere fra herberget på Åvej 🙂', 'agreed', '2025-03-01 10:00:00+00:00')`,
		`INSERT INTO template_versions(id, version_no, snapshot, signed_at, lead_id, sign_date, note, created_at)
			VALUES (1, 1, '{"formatVersion":1,"elements":[{"code":"target_group","status":"agreed"}]}',
				'2025-03-02 10:00:00+00:00', 1, '2025-03-02', 'Første udgave', '2025-03-02 10:00:00+00:00')`,
	},
	6: {
		`INSERT INTO credentials(worker_id, username, password_hash, failed_attempts, created_at, updated_at)
			VALUES (1, 'mette', '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', 2,
				'2025-04-01 10:00:00+00:00', '2025-04-01 10:00:00+00:00')`,
		`INSERT INTO audit_log(id, at, worker_id, worker_name, action, object, citizen_id, course_id, detail, prev_hash, hash)
			VALUES (1, '2025-04-01T10:00:00Z', 1, 'Mette Lund', 'view', 'citizen', 1, 0, '', '', 'abc')`,
	},
	7: {
		`INSERT INTO notes(id, course_id, occurred_at, duration_minutes, location, kind, text, created_at, updated_at)
			VALUES (2, 1, '2025-05-01T09:30', 10, 'phone', 'phone_call', 'Tandlægen ringede om en ny tid.',
				'2025-05-01 10:00:00+00:00', '2025-05-01 10:00:00+00:00')`,
	},
	8: {
		`INSERT INTO retention_deletions(course_id, citizen_id, started_at) VALUES (1, 1, '2025-07-01T10:00:00Z')`,
	},
	9: {
		`INSERT INTO assessment_entries(id, course_id, topic, revision_date, barriers, created_at, updated_at)
			VALUES (2, 1, 'network', '2025-08-01', 'Ingen telefon', '2025-08-01 10:00:00+00:00', '2025-08-01 10:00:00+00:00')`,
		`INSERT INTO assessment_entries(id, course_id, topic, revision_date, created_at, updated_at)
			VALUES (3, 1, 'network', '2025-09-01', '2025-09-01 10:00:00+00:00', '2025-09-01 10:00:00+00:00')`,
	},
	10: {
		`INSERT INTO workers(id, team_id, name, initials, role, fte_hundredths, active, created_at, updated_at)
			VALUES (2, 1, 'Jonas Ørnberg', 'JØ', 'icm_worker', 100, 1, '2025-09-01 10:00:00+00:00', '2025-09-01 10:00:00+00:00')`,
		// A colleague of the responsible worker writes a note, and the lead corrects it.
		`INSERT INTO notes(id, course_id, occurred_at, duration_minutes, location, kind, text, author_worker_id, author_name,
				revision_no, revision_worker_id, revision_worker_name, created_at, updated_at)
			VALUES (10, 1, '2025-09-02T14:00', 30, 'street', 'visit', 'Mødte borgeren ved stationen.', 2, 'Jonas Ørnberg',
				1, 2, 'Jonas Ørnberg', '2025-09-02 15:00:00+00:00', '2025-09-02 15:00:00+00:00')`,
		`UPDATE notes SET text = 'Mødte borgeren ved busstationen.', revision_no = 2, revision_worker_id = 1,
				revision_worker_name = 'Mette Lund', revision_reason = 'Forkert sted', updated_at = '2025-09-03 09:00:00+00:00'
			WHERE id = 10`,
	},
	11: {
		`INSERT INTO housing_events(id, citizen_id, course_id, date, housing, note, kind, recorded_by, created_at)
			VALUES (100, 1, NULL, '2025-10-01', 'own', 'Nøgler til egen lejlighed 🙂', 'move', 1, '2025-10-01 10:00:00+00:00')`,
		`INSERT INTO housing_events(id, citizen_id, course_id, date, housing, note, kind, corrects_id, recorded_by, created_at)
			VALUES (101, 1, NULL, '2025-10-02', '', 'Forkert borger', 'withdrawal', 100, 1, '2025-10-02 10:00:00+00:00')`,
	},
	12: {
		// A colleague covers for the worker over Christmas (the team folder engine's own
		// tables start empty).
		`INSERT INTO cover_periods(id, worker_id, cover_worker_id, from_date, to_date, note, created_by, created_at)
			VALUES (1, 2, 1, '2025-12-22', '2026-01-04', 'Jul', 1, '2025-12-01 10:00:00+00:00')`,
	},
	13: {
		// A change and a new row, written while a worker acts: both go to the sync outbox.
		`UPDATE sync_actor SET worker_id = 1`,
		`UPDATE goals SET citizen_words = 'Min egen lejlighed med altan' WHERE id = 1`,
		`INSERT INTO goals(id, course_id, citizen_words, created_at, updated_at)
			VALUES (2, 1, 'Et arbejde', '2025-11-01 10:00:00+00:00', '2025-11-01 10:00:00+00:00')`,
		`UPDATE sync_actor SET worker_id = 0`,
	},
	14: {
		// A cover for one of the worker's citizens, set while the lead acts, and the
		// Christmas cover withdrawn on a day: both captured with the new columns.
		`UPDATE sync_actor SET worker_id = 1`,
		`INSERT INTO cover_periods(id, worker_id, cover_worker_id, from_date, to_date, note, created_by, created_at, citizen_id)
			VALUES (2, 2, 1, '2026-07-01', '2026-07-14', 'Sommer', 1, '2026-06-01 10:00:00+00:00', 1)`,
		`UPDATE cover_periods SET withdrawn = 1, withdrawn_on = '2025-12-23' WHERE id = 1`,
		`UPDATE sync_actor SET worker_id = 0`,
	},
	15: {
		// A value kept from a merge, and the course owner's decision on it.
		`INSERT INTO sync_conflicts(tbl, uid, col, hlc, value) SELECT 'goals', uid, 'citizen_words', '0000000000010000-X', 'Et hus'
			FROM sync_ids WHERE tbl = 'goals' AND row_id = 1`,
		`UPDATE sync_actor SET worker_id = 1`,
		`INSERT INTO conflict_resolutions(citizen_id, course_id, tbl, row_uid, col, hlc, choice, worker_id, created_at)
			SELECT 1, 1, 'goals', uid, 'citizen_words', '0000000000010000-X', 'current', 1, '2025-12-01 10:00:00+00:00'
			FROM sync_ids WHERE tbl = 'goals' AND row_id = 1`,
		`UPDATE sync_actor SET worker_id = 0`,
	},
	16: {
		// Another laptop's entry about citizen 1, as the team lead's audit list reads it.
		`INSERT INTO audit_remote(laptop, origin_id, at, worker_uid, worker_name, action, object, citizen_uid, detail, prev_hash, hash)
			SELECT 'ab12', 7, '2025-12-02T09:00:00.000000000Z', '', 'Jonas Ørnberg', 'view', 'citizen', uid, '', '', 'h7'
			FROM sync_ids WHERE tbl = 'citizens' AND row_id = 1`,
	},
	17: {
		// A transaction that wrote while the team folder was out of reach, not yet published.
		`UPDATE sync_actor SET worker_id = 1, tx = (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_outbox)`,
		`INSERT INTO sync_tx_times(tx, at) SELECT tx, '2025-12-01T07:30:00Z' FROM sync_actor`,
		`UPDATE citizens SET phone = '20 30 40 50' WHERE id = 1`,
		`UPDATE sync_actor SET worker_id = 0, tx = 0`,
	},
	18: {
		// Daily contact at first, later twice a week.
		`UPDATE sync_actor SET worker_id = 1`,
		`INSERT INTO contact_frequencies(course_id, from_date, times, per, note, created_at, updated_at)
			VALUES (1, '2025-01-15', 1, 'day', 'Den første tid', '2025-01-15 10:00:00+00:00', '2025-01-15 10:00:00+00:00')`,
		`INSERT INTO contact_frequencies(course_id, from_date, times, per, note, created_at, updated_at)
			VALUES (1, '2025-03-01', 2, 'week', '', '2025-03-01 10:00:00+00:00', '2025-03-01 10:00:00+00:00')`,
		`UPDATE sync_actor SET worker_id = 0`,
	},
	19: {
		`UPDATE sync_actor SET worker_id = 1`,
		`INSERT INTO case_reviews(course_id, date, participants, agreed, created_at, updated_at)
			VALUES (1, '2025-04-02', 'ML, JØ', 'Fortsæt to besøg om ugen', '2025-04-02 10:00:00+00:00', '2025-04-02 10:00:00+00:00')`,
		`INSERT INTO team_meetings(team_id, kind, date, participants, note, created_at, updated_at)
			VALUES (1, 'supervision', '2025-04-03', 'Hele teamet', 'Ekstern supervisor', '2025-04-03 10:00:00+00:00', '2025-04-03 10:00:00+00:00')`,
		`UPDATE sync_actor SET worker_id = 0`,
	},
}

// seedLatest holds a version's seed rows as they are written on the latest schema, where a
// later migration made the version's own SQL invalid. Version 10 made every new note name
// its author and its revision's writer.
var seedLatest = map[int][]string{
	3: {
		`INSERT INTO notes(id, course_id, occurred_at, duration_minutes, location, kind, text, author_worker_id, author_name,
				revision_worker_id, revision_worker_name, created_at, updated_at)
			VALUES (1, 1, '2025-02-01T10:00', 45, 'home', 'visit', 'Borgeren sov dårligt, søvnløs nat. ÆBLE på bordet.',
				1, 'Mette Lund', 1, 'Mette Lund', '2025-02-01 10:00:00+00:00', '2025-02-01 10:00:00+00:00')`,
	},
	7: {
		`INSERT INTO notes(id, course_id, occurred_at, duration_minutes, location, kind, text, author_worker_id, author_name,
				revision_worker_id, revision_worker_name, created_at, updated_at)
			VALUES (2, 1, '2025-05-01T09:30', 10, 'phone', 'phone_call', 'Tandlægen ringede om en ny tid.',
				1, 'Mette Lund', 1, 'Mette Lund', '2025-05-01 10:00:00+00:00', '2025-05-01 10:00:00+00:00')`,
	},
}

// seedRows returns the statements that seed version v: on the latest schema, the form of
// seedLatest where there is one, else seedAt's. A version's other rows stay in seedAt.
func seedRows(v int, latest bool) []string {
	if !latest {
		return seedAt[v]
	}
	out := []string{}
	for _, q := range seedAt[v] {
		if !strings.Contains(q, "INSERT INTO notes(") || len(seedLatest[v]) == 0 {
			out = append(out, q)
		}
	}
	return append(out, seedLatest[v]...)
}

// seedChecks are queries that must each return 1 once the rows of that version are in.
var seedChecks = map[int][]string{
	1: {
		`SELECT COUNT(*) FROM teams WHERE id = 1 AND name = 'ICM-teamet'`,
		`SELECT COUNT(*) FROM workers WHERE id = 1 AND initials = 'ML' AND fte_hundredths = 50`,
		`SELECT COUNT(*) FROM citizens WHERE id = 1 AND name = 'Åse Ærø 🙂' AND cpr = '010190-1234'`,
		`SELECT COUNT(*) FROM courses WHERE id = 1 AND status = 'active' AND override_reason = 'kendt relation'`,
	},
	2: {
		`SELECT COUNT(*) FROM visitations WHERE course_id = 1 AND needs = '["substance"]'`,
		`SELECT COUNT(*) FROM settings WHERE key = 'language' AND value = 'en'`,
	},
	3: {
		`SELECT COUNT(*) FROM assessment_entries WHERE course_id = 1 AND topic = 'housing' AND worker_view = ''`,
		`SELECT COUNT(*) FROM subgoals s JOIN goals g ON g.id = s.goal_id WHERE g.course_id = 1 AND s.status = 'in_progress'`,
		`SELECT COUNT(*) FROM activities WHERE subgoal_id = 1`,
		`SELECT COUNT(*) FROM network_contacts WHERE course_id = 1 AND kind = 'caseworker' AND email = ''`,
		`SELECT COUNT(*) FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.course_id = 1`,
		`SELECT COUNT(*) FROM advocacy_cases WHERE course_id = 1 AND actions = ''`,
		`SELECT COUNT(*) FROM evaluation_items i JOIN evaluations e ON e.id = i.evaluation_id WHERE e.course_id = 1`,
		`SELECT COUNT(*) FROM who5_scores WHERE item1 + item2 + item3 + item4 + item5 = 13`,
		`SELECT COUNT(*) FROM weekly_checks WHERE week_start = '2025-02-03'`,
		`SELECT COUNT(*) FROM closings WHERE course_id = 1 AND note = ''`,
		// The insert trigger filled the full-text index, case-blind and with ø kept.
		`SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"SØVN"*'`,
		`SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"æble"' AND rowid = 1`,
		`SELECT 1 - COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"sovn"*'`,
	},
	4: {
		`SELECT COUNT(*) FROM plan_versions WHERE course_id = 1 AND version_no = 1 AND lead_id = 1
			AND json_extract(snapshot, '$.goals[0].citizenWords') = 'Egen lejlighed'`,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'plan_versions_signed_no_update'`,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'plan_versions_signed_no_delete'`,
	},
	5: {
		`SELECT COUNT(*) FROM template_elements WHERE element = 'target_group' AND status = 'agreed'`,
		`SELECT COUNT(*) FROM template_versions WHERE version_no = 1 AND lead_id = 1
			AND json_extract(snapshot, '$.elements[0].status') = 'agreed'`,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'template_versions_signed_no_update'`,
	},
	6: {
		`SELECT COUNT(*) FROM credentials WHERE worker_id = 1 AND username = 'METTE' AND failed_attempts = 2`,
		`SELECT COUNT(*) FROM audit_log WHERE id = 1 AND citizen_id = 1 AND action = 'view'`,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_delete'`,
	},
	7: {
		`SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"TANDL"*' AND rowid = 2`,
		`SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes_fts' AND sql LIKE '%prefix=''1 2 3 4 5 6 7 8 9 10''%'`,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'notes_time'`,
		// The contact counts hold the note of version 3 (copied by the migration or kept by
		// its triggers) and the note of version 7, and the course column finds both.
		`SELECT COUNT(*) FROM note_stats WHERE course_id = 1 AND kind = 'visit' AND location = 'home' AND n = 1
			AND last = '2025-02-01T10:00'`,
		`SELECT COUNT(*) FROM note_stats WHERE course_id = 1 AND kind = 'phone_call' AND location = 'phone' AND n = 1`,
		`SELECT COUNT(*) = 2 FROM notes_fts WHERE notes_fts MATCH 'course : "c1"' AND rowid IN (1, 2)`,
	},
	8: {
		`SELECT COUNT(*) FROM retention_deletions WHERE course_id = 1 AND citizen_id = 1`,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'plan_versions_signed_no_delete'
			AND sql LIKE '%retention_deletions%'`,
		// Deleted notes leave no words in the search index (FTS5 secure-delete).
		`SELECT COUNT(*) FROM notes_fts_config WHERE k = 'secure-delete' AND v = 1`,
	},
	9: {
		// The revision of version 3 has text; the network topic's latest revision is empty.
		`SELECT COUNT(*) FROM assessment_latest WHERE course_id = 1 AND topic = 'housing' AND revision_date = '2025-02-01' AND filled`,
		`SELECT COUNT(*) FROM assessment_latest WHERE course_id = 1 AND topic = 'network' AND revision_date = '2025-09-01' AND NOT filled`,
	},
	10: {
		// The notes of versions 3 and 7 have the course's worker as author and one revision
		// with their text (copied by the migration, or written by the triggers).
		`SELECT COUNT(*) = 2 FROM notes WHERE id IN (1, 2) AND author_worker_id = 1 AND author_name = 'Mette Lund'
			AND revision_no = 1 AND revision_worker_id = 1`,
		`SELECT COUNT(*) = 2 FROM note_revisions r JOIN notes n ON n.id = r.note_id AND n.text = r.text
			WHERE r.note_id IN (1, 2) AND r.revision_no = 1 AND r.worker_id = 1 AND r.worker_name = 'Mette Lund' AND r.reason = ''`,
		// The colleague's note keeps its author; the lead's correction is its revision 2 and
		// the first text is kept as revision 1. The search finds the current text only.
		`SELECT COUNT(*) FROM notes WHERE id = 10 AND author_worker_id = 2 AND revision_no = 2 AND revision_worker_id = 1
			AND revision_reason = 'Forkert sted'`,
		`SELECT COUNT(*) FROM note_revisions WHERE note_id = 10 AND revision_no = 1 AND worker_id = 2
			AND text = 'Mødte borgeren ved stationen.' AND created_at = '2025-09-02 15:00:00+00:00'`,
		`SELECT COUNT(*) FROM note_revisions WHERE note_id = 10 AND revision_no = 2 AND worker_id = 1
			AND text = 'Mødte borgeren ved busstationen.' AND reason = 'Forkert sted'`,
		`SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"busstationen"' AND rowid = 10`,
		`SELECT 1 - COUNT(*) FROM notes_fts WHERE notes_fts MATCH '"stationen"'`,
	},
	11: {
		`SELECT COUNT(*) FROM housing_events WHERE id = 100 AND note = 'Nøgler til egen lejlighed 🙂' AND kind = 'move'`,
		`SELECT COUNT(*) FROM housing_events WHERE id = 101 AND corrects_id = 100 AND housing = ''`,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'courses_close_through_closing'`,
	},
	12: {
		`SELECT COUNT(*) FROM cover_periods WHERE id = 1 AND worker_id = 2 AND cover_worker_id = 1 AND to_date = '2026-01-04'`,
		`SELECT 1 - COUNT(*) FROM sync_local`,
	},
	13: {
		// Every synced row has its team-wide id, random or made of its parent's; a setting of
		// the laptop (language) has none.
		`SELECT COUNT(*) = 0 FROM goals g WHERE NOT EXISTS (SELECT 1 FROM sync_ids s WHERE s.tbl = 'goals' AND s.row_id = g.id
			AND length(s.uid) = 32 AND s.deleted = 0)`,
		`SELECT COUNT(*) FROM sync_ids v JOIN sync_ids c ON c.tbl = 'courses' AND c.row_id = 1
			WHERE v.tbl = 'visitations' AND v.row_id = 1 AND v.uid = 'visitations:' || c.uid`,
		`SELECT 1 - COUNT(*) FROM sync_ids WHERE tbl = 'settings'`,
		`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'goals' AND row_id = 1 AND op = 'upd' AND cols = ',citizen_words' AND worker = 1`,
		`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'goals' AND row_id = 2 AND op = 'ins' AND worker = 1`,
	},
	14: {
		`SELECT COUNT(*) FROM cover_periods WHERE id = 2 AND citizen_id = 1 AND withdrawn_on IS NULL`,
		`SELECT COUNT(*) FROM cover_periods WHERE id = 1 AND citizen_id IS NULL AND withdrawn AND withdrawn_on = '2025-12-23'`,
		`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'cover_periods' AND row_id = 2 AND op = 'ins' AND worker = 1`,
		`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'cover_periods' AND row_id = 1 AND op = 'upd'
			AND cols = ',withdrawn,withdrawn_on' AND worker = 1`,
	},
	15: {
		// The decision removed the kept value and goes to the team folder.
		`SELECT 1 - COUNT(*) FROM sync_conflicts`,
		`SELECT COUNT(*) FROM conflict_resolutions WHERE choice = 'current' AND citizen_id = 1`,
		`SELECT COUNT(*) FROM sync_outbox WHERE tbl = 'conflict_resolutions' AND op = 'ins' AND worker = 1`,
	},
	16: {
		// Each filter of the list has its index (INDEXED BY fails where one is missing).
		`SELECT COUNT(*) FROM audit_remote INDEXED BY audit_remote_citizen
			WHERE citizen_uid = (SELECT uid FROM sync_ids WHERE tbl = 'citizens' AND row_id = 1)`,
		`SELECT COUNT(*) FROM audit_remote INDEXED BY audit_remote_laptop_at WHERE laptop = 'ab12'`,
		`SELECT COUNT(*) FROM audit_remote INDEXED BY audit_remote_at WHERE at >= '2025-12-02'`,
		`SELECT COUNT(*) FROM audit_remote INDEXED BY audit_remote_worker WHERE worker_uid = ''`,
	},
	17: {
		// The write's outbox row finds when its transaction wrote.
		`SELECT COUNT(*) FROM sync_outbox o JOIN sync_tx_times w ON w.tx = o.tx
			WHERE o.tbl = 'citizens' AND o.row_id = 1 AND o.op = 'upd' AND w.at = '2025-12-01T07:30:00Z'`,
	}, 18: {
		// One agreement per course and first day; both are captured with their derived uids.
		`SELECT COUNT(*) = 2 FROM contact_frequencies WHERE course_id = 1`,
		`SELECT COUNT(*) = 2 FROM sync_outbox WHERE tbl = 'contact_frequencies' AND op = 'ins' AND worker = 1`,
		`SELECT COUNT(*) = 2 FROM sync_ids WHERE tbl = 'contact_frequencies' AND uid LIKE 'contact_frequencies:%'`,
	},
	19: {
		`SELECT COUNT(*) FROM case_reviews INDEXED BY case_reviews_course WHERE course_id = 1`,
		`SELECT COUNT(*) FROM team_meetings INDEXED BY team_meetings_team WHERE team_id = 1 AND kind = 'supervision'`,
		`SELECT COUNT(*) = 2 FROM sync_outbox WHERE tbl IN ('case_reviews', 'team_meetings') AND op = 'ins' AND worker = 1`,
	},
}

// stepTables are the tables of migration 3 (steps 2-6 and the journal).
var stepTables = []string{"assessment_entries", "goals", "subgoals", "activities", "network_contacts", "meetings",
	"meeting_actions", "advocacy_cases", "evaluations", "evaluation_items", "who5_scores", "weekly_checks", "closings",
	"notes", "notes_fts", "notes_ai", "notes_ad", "notes_au"}

// schema lists the database's tables and indexes with their SQL, for comparing an upgraded
// file with a fresh one.
func schema(t *testing.T, st *Store) map[string]string {
	t.Helper()
	var rows []struct{ Name, SQL string }
	if err := st.db.Raw(`SELECT name, COALESCE(sql, '') AS sql FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.Name] = strings.Join(strings.Fields(r.SQL), " ")
	}
	return out
}

func TestMigrationsNumbering(t *testing.T) {
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || LatestVersion() != len(ms) {
		t.Fatalf("%d migrations, LatestVersion %d", len(ms), LatestVersion())
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %d has version %d, want %d", i, m.Version, i+1)
		}
		if want := fmt.Sprintf("%04d_", m.Version); !strings.HasPrefix(m.Name, want) || !strings.HasSuffix(m.Name, ".sql") {
			t.Errorf("migration name %q, want %s….sql", m.Name, want)
		}
		if strings.TrimSpace(m.SQL) == "" {
			t.Errorf("migration %s is empty", m.Name)
		}
	}
}

func TestMigrateEmptyFileToLatestAndIdempotent(t *testing.T) {
	ctx := context.Background()
	st := openUnmigrated(t, filepath.Join(t.TempDir(), "icm.db"))
	if v, err := st.SchemaVersion(ctx); err != nil || v != 0 {
		t.Fatalf("empty file SchemaVersion = %d, %v; want 0", v, err)
	}
	for i := 0; i < 2; i++ { // the second run must be a no-op
		if err := st.Migrate(ctx); err != nil {
			t.Fatalf("Migrate run %d: %v", i+1, err)
		}
		if v, err := st.SchemaVersion(ctx); err != nil || v != LatestVersion() {
			t.Fatalf("run %d SchemaVersion = %d, %v; want %d", i+1, v, err, LatestVersion())
		}
		var n int64
		st.db.Raw("SELECT COUNT(*) FROM schema_migrations").Scan(&n)
		if int(n) != LatestVersion() {
			t.Fatalf("run %d: %d rows in schema_migrations, want %d", i+1, n, LatestVersion())
		}
	}
	for _, table := range append([]string{"teams", "workers", "citizens", "courses", "visitations", "settings"}, stepTables...) {
		if _, ok := schema(t, st)[table]; !ok {
			t.Errorf("table %s missing after Migrate", table)
		}
	}
}

func TestUpgradeFromEveryVersionKeepsData(t *testing.T) {
	ctx := context.Background()
	fresh, _ := openTemp(t)
	want := schema(t, fresh)
	latest := LatestVersion()
	for k := 1; k < latest; k++ {
		t.Run("from version "+strconv.Itoa(k), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "icm.db")
			old := openUnmigrated(t, path)
			if err := old.MigrateTo(ctx, k); err != nil {
				t.Fatal(err)
			}
			if v, _ := old.SchemaVersion(ctx); v != k {
				t.Fatalf("MigrateTo(%d) left version %d", k, v)
			}
			for v := 1; v <= k; v++ {
				if len(seedAt[v]) == 0 {
					t.Fatalf("no seed rows for version %d: add them to seedAt and seedChecks", v)
				}
				// From version 10 on, a new note names its author (seedLatest's form).
				for _, q := range seedRows(v, k >= 10) {
					if err := old.db.Exec(q).Error; err != nil {
						t.Fatalf("seed at version %d: %v\n%s", k, err, q)
					}
				}
			}
			if err := old.Close(); err != nil {
				t.Fatal(err)
			}

			st, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("Open after version %d: %v", k, err)
			}
			defer st.Close()
			if v, _ := st.SchemaVersion(ctx); v != latest {
				t.Fatalf("upgraded to %d, want %d", v, latest)
			}
			for v := 1; v <= k; v++ {
				for _, q := range seedChecks[v] {
					var n int
					if err := st.db.Raw(q).Scan(&n).Error; err != nil || n != 1 {
						t.Errorf("after upgrade %s = %d, %v; want 1", q, n, err)
					}
				}
			}
			got := schema(t, st)
			for name, sql := range want {
				if got[name] != sql {
					t.Errorf("after upgrade %s is\n  %q\nwant (fresh install)\n  %q", name, got[name], sql)
				}
			}
			if len(got) != len(want) {
				t.Errorf("upgraded schema has %d objects, fresh has %d", len(got), len(want))
			}
			if k < 3 {
				for _, name := range stepTables {
					if _, ok := got[name]; !ok {
						t.Errorf("%s missing after upgrading from version %d", name, k)
					}
				}
			}
			// The upgraded data goes on working with the new tables.
			for v := k + 1; v <= latest; v++ {
				for _, q := range seedRows(v, true) {
					if err := st.db.Exec(q).Error; err != nil {
						t.Errorf("insert at version %d after upgrade: %v", v, err)
					}
				}
				for _, q := range seedChecks[v] {
					var n int
					if err := st.db.Raw(q).Scan(&n).Error; err != nil || n != 1 {
						t.Errorf("after upgrade and insert %s = %d, %v; want 1", q, n, err)
					}
				}
			}
			// The old rows are still there after the new ones went in beside them.
			for v := 1; v <= k; v++ {
				for _, q := range seedChecks[v] {
					var n int
					if err := st.db.Raw(q).Scan(&n).Error; err != nil || n != 1 {
						t.Errorf("after new inserts %s = %d, %v; want 1", q, n, err)
					}
				}
			}
		})
	}
}

func TestEveryVersionHasSeedRows(t *testing.T) {
	for v := 1; v <= LatestVersion(); v++ {
		if len(seedAt[v]) == 0 || len(seedChecks[v]) == 0 {
			t.Errorf("version %d has no seed rows or checks: add them to seedAt and seedChecks", v)
		}
	}
	// Seeding every version on a fresh install passes every check.
	st, _ := openTemp(t)
	for v := 1; v <= LatestVersion(); v++ {
		for _, q := range seedRows(v, true) {
			if err := st.db.Exec(q).Error; err != nil {
				t.Fatalf("seed version %d on a fresh install: %v\n%s", v, err, q)
			}
		}
		for _, q := range seedChecks[v] {
			var n int
			if err := st.db.Raw(q).Scan(&n).Error; err != nil || n != 1 {
				t.Errorf("%s = %d, %v; want 1", q, n, err)
			}
		}
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	ctx := context.Background()
	st, path := openTemp(t)
	future := LatestVersion() + 1
	if err := st.db.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
		future, fmt.Sprintf("%04d_future.sql", future), "2030-01-01 00:00:00+00:00").Error; err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := Open(ctx, path)
	wantCode(t, err, domain.CodeDatabaseNewer)
	de := err.(*domain.Error)
	if de.Params["version"] != strconv.Itoa(future) || de.Params["supported"] != strconv.Itoa(LatestVersion()) {
		t.Errorf("params = %v", de.Params)
	}
	// MigrateTo on an open handle refuses too, whatever the target.
	again := openUnmigrated(t, path)
	for _, target := range []int{0, LatestVersion(), future} {
		wantCode(t, again.MigrateTo(ctx, target), domain.CodeDatabaseNewer)
	}
}
