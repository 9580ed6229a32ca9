package teamfolder

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The kinds of file the team folder holds. The envelope's Header.Kind uses the same words.
const (
	KindBatch    = "batch"
	KindSnapshot = "snapshot"
	KindRoster   = "roster"
	KindKey      = "key"
	KindJoin     = "join"
)

// Why List passed over a name. A sync client leaves all of these behind; none is ever read.
const (
	SkipTemporary   = "temporary"          // a name a writer or sync client uses while copying
	SkipConflicted  = "conflicted copy"    // a second copy a sync client made of a file
	SkipPlaceholder = "empty placeholder"  // a recognised name with no bytes yet (on-demand file, copy begun)
	SkipUnknown     = "unknown name"       // none of the above, and not a team folder name
	SkipNotFile     = "not a regular file" // a folder, link or device where a file is expected
)

// Folder and file names inside the team folder.
const (
	LaptopsDir   = "laptops"       // laptops/<laptop id>/ holds one laptop's files
	JoinDir      = "join"          // join/<laptop id>.icmjoin: enrolment requests
	TeamFileName = "icm-team.json" // the team id and format version, at the top of the folder
	fileExt      = ".icm"
	joinExt      = ".icmjoin"
	tmpSuffix    = ".tmp"
	seqDigits    = 12
)

// BatchName is the file name of a laptop's batch number n.
func BatchName(n uint64) string { return seqName(KindBatch, n) }

// SnapshotName is the file name of a laptop's snapshot as of its batch n.
func SnapshotName(n uint64) string { return seqName(KindSnapshot, n) }

// RosterName is the file name of roster version n.
func RosterName(n uint64) string { return seqName(KindRoster, n) }

// KeyName is the file name of a citizen's data key file; citizenUID is 32 lowercase hex.
func KeyName(citizenUID string) string { return KindKey + "-" + citizenUID + fileExt }

// JoinName is the file name, inside join/, of a laptop's enrolment request.
func JoinName(laptopID string) string { return laptopID + joinExt }

func seqName(kind string, n uint64) string {
	return fmt.Sprintf("%s-%0*d%s", kind, seqDigits, n, fileExt)
}

// ValidID reports whether s is a laptop id or citizen uid: 32 lowercase hex characters.
func ValidID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// ParsedName is what a recognised name of a laptop folder says.
type ParsedName struct {
	Kind string // KindBatch, KindSnapshot, KindRoster or KindKey
	Seq  uint64 // the number of a batch, snapshot or roster
	Key  string // the citizen uid of a key file
}

// ParseName reads a file name of a laptop folder. It accepts exactly the names that
// BatchName, SnapshotName, RosterName and KeyName make and nothing else (no other case, no
// other width, nothing before or after), so a copy a sync client renamed is never taken for
// the file itself.
func ParseName(name string) (ParsedName, bool) {
	if !strings.HasSuffix(name, fileExt) {
		return ParsedName{}, false
	}
	stem := strings.TrimSuffix(name, fileExt)
	kind, rest, ok := strings.Cut(stem, "-")
	if !ok {
		return ParsedName{}, false
	}
	switch kind {
	case KindKey:
		if !ValidID(rest) {
			return ParsedName{}, false
		}
		return ParsedName{Kind: KindKey, Key: rest}, true
	case KindBatch, KindSnapshot, KindRoster:
		if len(rest) < seqDigits || strings.TrimLeft(rest, "0123456789") != "" {
			return ParsedName{}, false
		}
		n, err := strconv.ParseUint(rest, 10, 64)
		if err != nil || seqName(kind, n) != name {
			return ParsedName{}, false // only the one spelling BatchName(n) gives
		}
		return ParsedName{Kind: kind, Seq: n}, true
	}
	return ParsedName{}, false
}

// parseJoinName reads a file name inside join/ and returns the requesting laptop's id.
func parseJoinName(name string) (string, bool) {
	id, ok := strings.CutSuffix(name, joinExt)
	if !ok || !ValidID(id) {
		return "", false
	}
	return id, true
}

// Patterns of names sync clients and editors leave behind, matched case-insensitively.
var (
	// Temporary names: ours (<name>.tmp), Office (~$), LibreOffice (.~lock), browsers and
	// downloaders (.partial, .crdownload, .part), Resilio (.!sync), Syncthing (.syncthing.*.tmp).
	tempSuffixes = []string{".tmp", ".partial", ".crdownload", ".part", ".!sync", ".download"}
	tempPrefixes = []string{"~$", ".~lock", ".syncthing.", "~"}
	// Conflicted copies: "name (1).icm", "name(2).icm", "name (conflicted copy 2026-12-06).icm",
	// Syncthing's "name.sync-conflict-....icm", Windows' "name - Copy.icm" / "name - Kopi.icm",
	// "Kopi af name.icm", "Copy of name.icm", macOS' "name 2.icm".
	conflictRe = regexp.MustCompile(`(?i)(\(\d+\)|conflict|conflicted copy|^kopi af |^copy of | - (copy|kopi)( \(\d+\))?\.|\s\d+\.icm(join)?$)`)
	// A recognised name with something added before the extension: OneDrive's
	// "batch-000000000007-DESKTOP-AB12.icm" (the other computer's name) and the like.
	stemRe = regexp.MustCompile(`(?i)^((batch|snapshot|roster)-\d{12}|key-[0-9a-f]{32}|[0-9a-f]{32})[^.]+\.icm(join)?$`)
)

// classify says why a name that is not recognised is skipped.
func classify(name string) string {
	lower := strings.ToLower(name)
	for _, s := range tempSuffixes {
		if strings.HasSuffix(lower, s) {
			return SkipTemporary
		}
	}
	for _, p := range tempPrefixes {
		if strings.HasPrefix(lower, p) {
			return SkipTemporary
		}
	}
	if conflictRe.MatchString(name) || stemRe.MatchString(name) {
		return SkipConflicted
	}
	return SkipUnknown
}
