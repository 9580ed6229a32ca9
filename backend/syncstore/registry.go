// Package syncstore is the core of the team folder sync (docs/team-sync.md): the capture of
// every local change in its own transaction (triggers of migration 0013 append to
// sync_outbox), the team-wide row identities (sync_ids), reading the changed rows for
// publishing (Pending, Stamp), applying other laptops' changes with per-column
// last-writer-wins and keeping the value that lost (Apply), and the full state for a new
// laptop (Snapshot) and for comparing laptops (Dump). It knows nothing of files or keys.
//
// The registry below is the single source of what is synced: the migration's triggers are
// generated from it (see capture_sql.go and the golden test), and a test fails when a
// table of the schema is neither synced nor listed as local.
package syncstore

// Identity says how a synced row gets its team-wide id (uid).
type Identity int

const (
	// RandomUID rows get 32 hex characters from 16 random bytes when they are first written.
	RandomUID Identity = iota
	// DerivedUID rows are named by their key: the table name and the key columns joined by
	// ":" (references as the uids of the rows they name), so that two laptops that write the
	// same natural row (a course's visitation, a setting) meet on the same uid.
	DerivedUID
)

// Scope says whose data a table holds, for the engine's access check.
type Scope int

const (
	// ScopeTeam is team-level data: the team, workers, accounts, settings, the template.
	ScopeTeam Scope = iota
	// ScopeCitizen is a citizen's own data, not under one course.
	ScopeCitizen
	// ScopeCourse is a course and everything under it.
	ScopeCourse
)

// Ref is a column that references another synced table. In a Change its value is the uid
// of the row it names, never a local id.
type Ref struct {
	Col      string
	Table    string
	OnDelete string // as SQLite's foreign_key_list says: CASCADE, SET NULL, RESTRICT, NO ACTION
}

// Table describes one synced table.
type Table struct {
	Name     string
	Identity Identity
	// Key lists the columns a DerivedUID is made of, in order; KeyWhen, when set, is the SQL
	// condition (on "{row}.") under which a row's uid is derived, the others' being random.
	Key     []string
	KeyWhen string
	Refs    []Ref
	// Scope is whose data the table holds; Parents are the reference columns that lead to
	// the row's course or citizen, tried in order (the first that is not NULL is followed).
	// Empty for team data and for citizens and courses themselves.
	Scope   Scope
	Parents []string
	// AppendOnly records are never changed once written (a union by uid on every laptop).
	AppendOnly bool
	// LocalCols are written with a new row but then kept per laptop: their changes are not
	// captured, not applied to an existing row and not part of Dump.
	LocalCols []string
	// DerivedCols are recomputed on every laptop after a merge (journal notes follow their
	// latest revision, revision numbers are renumbered): never merged column by column.
	DerivedCols []string
	// Filter is an SQL condition on the row, written with "{row}." before its columns, that
	// selects the rows that are synced ("" for all).
	Filter string
	// Since names the later migration that created the table and its capture triggers (""
	// for the tables of the generated migration 0013, which leaves the others out).
	Since string
}

// syncedSettings are the settings the whole team shares; the others (language, the audit
// checkpoint, the demo mark) belong to one laptop.
const syncedSettings = "'colleague_access', 'contact_gap_days', 'lock_minutes'"

// tables is the registry in the order rows must be written: every table after the tables
// it references.
var tables = []Table{
	{Name: "teams", Scope: ScopeTeam},
	{Name: "workers", Scope: ScopeTeam, Refs: []Ref{{"team_id", "teams", "NO ACTION"}}},
	{Name: "credentials", Identity: DerivedUID, Key: []string{"worker_id"}, Scope: ScopeTeam,
		Refs: []Ref{{"worker_id", "workers", "CASCADE"}},
		// The sign-in attempts, the lockout and the last sign-in belong to the laptop.
		LocalCols: []string{"failed_attempts", "locked_until", "last_sign_in", "updated_at"}},
	{Name: "settings", Identity: DerivedUID, Key: []string{"key"}, Scope: ScopeTeam,
		Filter: "{row}.key IN (" + syncedSettings + ")"},
	{Name: "template_elements", Identity: DerivedUID, Key: []string{"element"}, Scope: ScopeTeam},
	{Name: "template_versions", Scope: ScopeTeam, AppendOnly: true,
		Refs: []Ref{{"lead_id", "workers", "RESTRICT"}}},
	{Name: "citizens", Scope: ScopeCitizen, Refs: []Ref{{"team_id", "teams", "NO ACTION"}}},
	// A colleague's cover during holidays or illness, set by a team lead: for all the
	// worker's citizens or for one of them (citizen_id, migration 0014), which takes the
	// row with it when it is deleted at the end of retention. Team data all the same: only
	// a team lead sets or withdraws a cover.
	{Name: "cover_periods", Scope: ScopeTeam, Refs: []Ref{{"worker_id", "workers", "RESTRICT"},
		{"cover_worker_id", "workers", "RESTRICT"}, {"created_by", "workers", "RESTRICT"},
		{"citizen_id", "citizens", "CASCADE"}}},
	{Name: "courses", Scope: ScopeCourse, Refs: []Ref{
		{"citizen_id", "citizens", "NO ACTION"}, {"worker_id", "workers", "NO ACTION"},
		{"override_by_worker_id", "workers", "NO ACTION"}}},
	{Name: "visitations", Identity: DerivedUID, Key: []string{"course_id"}, Scope: ScopeCourse,
		Parents: []string{"course_id"}, Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "closings", Identity: DerivedUID, Key: []string{"course_id"}, Scope: ScopeCourse,
		Parents: []string{"course_id"}, Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "assessment_entries", Identity: DerivedUID, Key: []string{"course_id", "topic", "revision_date"},
		Scope: ScopeCourse, Parents: []string{"course_id"}, Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "goals", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "subgoals", Scope: ScopeCourse, Parents: []string{"goal_id"},
		Refs: []Ref{{"goal_id", "goals", "CASCADE"}}},
	{Name: "activities", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}, {"subgoal_id", "subgoals", "SET NULL"}}},
	{Name: "network_contacts", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "meetings", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "meeting_actions", Scope: ScopeCourse, Parents: []string{"meeting_id"},
		Refs: []Ref{{"meeting_id", "meetings", "CASCADE"}}},
	{Name: "advocacy_cases", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "evaluations", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "evaluation_items", Identity: DerivedUID, Key: []string{"evaluation_id", "subgoal_id"},
		Scope: ScopeCourse, Parents: []string{"evaluation_id"},
		Refs: []Ref{{"evaluation_id", "evaluations", "CASCADE"}, {"subgoal_id", "subgoals", "CASCADE"}}},
	{Name: "who5_scores", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "weekly_checks", Identity: DerivedUID, Key: []string{"course_id", "week_start"}, Scope: ScopeCourse,
		Parents: []string{"course_id"}, Refs: []Ref{{"course_id", "courses", "CASCADE"}}},
	{Name: "notes", Scope: ScopeCourse, Parents: []string{"course_id"}, AppendOnly: true,
		Refs: []Ref{{"course_id", "courses", "CASCADE"}, {"author_worker_id", "workers", "NO ACTION"},
			{"revision_worker_id", "workers", "NO ACTION"}},
		// The note row is its latest revision (by the revisions' HLC): a correction travels
		// as a new note_revisions row, never as a change of these columns.
		DerivedCols: []string{"occurred_at", "duration_minutes", "location", "kind", "text", "updated_at",
			"revision_no", "revision_worker_id", "revision_worker_name", "revision_reason"}},
	{Name: "note_revisions", Scope: ScopeCourse, Parents: []string{"note_id"}, AppendOnly: true,
		Refs: []Ref{{"note_id", "notes", "RESTRICT"}, {"worker_id", "workers", "RESTRICT"}},
		// Numbered 1, 2, ... by the revisions' HLC on every laptop (two laptops may both
		// have written a revision 2 of the same note).
		DerivedCols: []string{"revision_no"}},
	{Name: "plan_versions", Scope: ScopeCourse, Parents: []string{"course_id"}, AppendOnly: true,
		Refs: []Ref{{"course_id", "courses", "RESTRICT"}, {"worker_id", "workers", "RESTRICT"},
			{"lead_id", "workers", "RESTRICT"}}},
	// A course's start and close entries are natural rows (one of each per course); the
	// other entries are random.
	{Name: "housing_events", Identity: DerivedUID, Key: []string{"course_id", "kind"},
		KeyWhen: "{row}.kind IN ('start', 'close')", Scope: ScopeCitizen, Parents: []string{"course_id", "citizen_id"},
		Refs: []Ref{{"citizen_id", "citizens", "NO ACTION"}, {"course_id", "courses", "NO ACTION"},
			{"corrects_id", "housing_events", "NO ACTION"}, {"recorded_by", "workers", "NO ACTION"}}},
	// A course owner's (or team lead's) decision on a value kept in sync_conflicts: its row
	// removes the kept value on every laptop it reaches (trigger of migration 0015).
	{Name: "conflict_resolutions", Scope: ScopeCitizen, Parents: []string{"course_id", "citizen_id"}, AppendOnly: true,
		Refs: []Ref{{"citizen_id", "citizens", "CASCADE"}, {"course_id", "courses", "CASCADE"},
			{"worker_id", "workers", "NO ACTION"}},
		Since: ResolutionMigration},
	// The contact frequency agreed with the citizen, one row per course and first day: two
	// laptops that record the same day's agreement meet on one row.
	{Name: "contact_frequencies", Identity: DerivedUID, Key: []string{"course_id", "from_date"}, Scope: ScopeCourse,
		Parents: []string{"course_id"}, Refs: []Ref{{"course_id", "courses", "CASCADE"}}, Since: ContactFrequencyMigration},
	// A course discussed at a team meeting (case review).
	{Name: "case_reviews", Scope: ScopeCourse, Parents: []string{"course_id"},
		Refs: []Ref{{"course_id", "courses", "CASCADE"}}, Since: CaseReviewsMigration},
	// The team's status meetings and external supervision: team data.
	{Name: "team_meetings", Scope: ScopeTeam, Refs: []Ref{{"team_id", "teams", "NO ACTION"}}, Since: CaseReviewsMigration},
}

// ResolutionMigration is the migration that adds conflict_resolutions and its triggers.
const ResolutionMigration = "0015_conflict_resolutions.sql"

// ContactFrequencyMigration is the migration that adds contact_frequencies and its capture.
const ContactFrequencyMigration = "0018_contact_frequency.sql"

// CaseReviewsMigration is the migration that adds case_reviews and team_meetings and their capture.
const CaseReviewsMigration = "0019_case_reviews.sql"

// localTables are the tables that stay on one laptop, with the reason.
var localTables = map[string]string{
	"sync_local":          "this laptop's place in the team folder (engine)",
	"sync_applied":        "the batches applied on this laptop (engine)",
	"sync_rosters":        "the rosters this laptop verified (engine)",
	"sync_team_keys":      "the team keys given to this laptop (engine)",
	"sync_data_keys":      "citizens' data keys as this laptop holds them (engine)",
	"sync_shredded":       "citizens whose data keys this laptop forgot (engine)",
	"sync_problems":       "files this laptop could not use yet (engine)",
	"sync_acks":           "what the other laptops have applied, as their batches say (engine)",
	"audit_remote":        "the other laptops' audit entries, carried by the engine outside the registry",
	"schema_migrations":   "the schema version of this file",
	"audit_log":           "each laptop's own hash chain; the engine carries it separately",
	"retention_deletions": "written and emptied inside one deletion's transaction",
	"note_stats":          "derived from notes by triggers",
	"assessment_latest":   "derived from assessment_entries by triggers",
	"notes_fts":           "the search index, derived from notes",
	"notes_fts_config":    "the search index's shadow table",
	"notes_fts_data":      "the search index's shadow table",
	"notes_fts_docsize":   "the search index's shadow table",
	"notes_fts_idx":       "the search index's shadow table",
	"sqlite_sequence":     "SQLite's own",
	"sync_ids":            "the sync's bookkeeping",
	"sync_cols":           "the sync's bookkeeping",
	"sync_outbox":         "the sync's bookkeeping",
	"sync_conflicts":      "the sync's bookkeeping (travels in snapshots)",
	"sync_refused":        "the sync's bookkeeping",
	"sync_apply":          "the sync's bookkeeping",
	"sync_actor":          "the sync's bookkeeping",
	"sync_origins":        "the sync's bookkeeping",
	"sync_tx_times":       "the sync's bookkeeping (sent as a change's written)",
}

// Tables lists the synced tables, every table after the tables it references.
func Tables() []Table {
	out := make([]Table, len(tables))
	copy(out, tables)
	return out
}

// LocalTables names the tables that are deliberately not synced, with the reason.
func LocalTables() map[string]string {
	out := make(map[string]string, len(localTables))
	for k, v := range localTables {
		out[k] = v
	}
	return out
}

// byName finds a synced table.
var byName = func() map[string]*Table {
	m := make(map[string]*Table, len(tables))
	for i := range tables {
		m[tables[i].Name] = &tables[i]
	}
	return m
}()

// ref returns the reference of column col, if it is one.
func (t *Table) ref(col string) (Ref, bool) {
	for _, r := range t.Refs {
		if r.Col == col {
			return r, true
		}
	}
	return Ref{}, false
}

func (t *Table) isLocal(col string) bool   { return contains(t.LocalCols, col) }
func (t *Table) isDerived(col string) bool { return contains(t.DerivedCols, col) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
