package syncstore

// Op values of a Change.
const (
	OpPut = "put" // the row is written (a new row: all its columns)
	OpDel = "del" // the row is deleted, for good
)

// ConflictTable is the Table of the pseudo-changes Snapshot emits for the values kept in
// sync_conflicts (Cols: tbl, col, hlc, value), so that a new laptop starts with the same
// kept values as the team. Apply takes them back into sync_conflicts.
const ConflictTable = "sync_conflicts"

// Change is one row's change as it travels between laptops.
type Change struct {
	Table string `json:"table"`
	UID   string `json:"uid"` // team-wide id of the row
	Op    string `json:"op"`  // OpPut or OpDel
	// Cols holds the changed columns only (every column of a new row); references are the
	// uids (string) of the rows they name, never local ids; a table's own integer id is
	// left out. Values are int64, float64, string or nil (Apply also accepts what
	// encoding/json makes of them).
	Cols map[string]any `json:"cols,omitempty"`
	// HLC is, per column of Cols, the new hybrid logical clock the engine assigns before
	// publishing (Stamp records it). The strings must compare in the clock's total order.
	HLC map[string]string `json:"hlc,omitempty"`
	// Base is, per column of Cols, the HLC the value replaced ("" for a new row). For a
	// delete, Base[""] is the row's first HLC and Base[col] the HLC of every column changed
	// since: what the deleting laptop knew of the row.
	Base map[string]string `json:"base,omitempty"`
	// Course and Citizen are the uids the row belongs to ("" for none), for the access
	// check and the citizen's data key.
	Course  string `json:"course,omitempty"`
	Citizen string `json:"citizen,omitempty"`
	// Worker is the uid of the worker who made the change ("" when nobody was signed in).
	Worker string `json:"worker,omitempty"`
	// Written is when the row's latest write was made, by the writing laptop's clock (UTC,
	// RFC 3339; "" when not known: a write before migration 0017 or outside a transaction,
	// an older laptop, a snapshot). A change is stamped when it is published, which may be
	// days later; a receiver judges a cover period by this time, bounded by what it can
	// trust (teamsync).
	Written string `json:"written,omitempty"`
}

// Refusal is a change Apply did not apply, and why.
type Refusal struct {
	Index  int    // position of the change in the list given to Apply
	Table  string // the change's table
	UID    string // the change's row
	Code   string // see the Refuse* codes
	Detail string // the database's message, without values
}

// Result counts what Apply did with each change.
type Result struct {
	Applied   int // written (a new row, a newer value, a delete)
	Skipped   int // nothing to do: applied before, or older than what is here without a conflict
	Conflicts int // a value that lost was kept in sync_conflicts (the winner may have been written)
	Refused   []Refusal
}

// Codes of a Refusal (the database's own rules keep the code their trigger raises, such as
// plan_signed, note_record or close_through_closing).
const (
	RefuseUnknownTable  = "unknown_table"  // not a synced table
	RefuseUnknownColumn = "unknown_column" // a column the table does not have
	RefuseBadChange     = "bad_change"     // malformed: no uid, an unknown op, a column without HLC, a value of a wrong kind
	RefuseMissingParent = "missing_parent" // it references a row that is not here (and not deleted here)
	RefuseMissingRow    = "missing_row"    // a change of some columns of a row that is not here
	RefuseUnique        = "unique"         // a unique rule (cpr, one open course per citizen, initials, ...)
	RefuseForeignKey    = "foreign_key"    // a reference rule of the database
	RefuseCheck         = "check"          // a check or not-null rule of the database
	RefuseSQL           = "sql_error"      // any other error of the database
)

// ok reports an Op value.
func validOp(op string) bool { return op == OpPut || op == OpDel }
