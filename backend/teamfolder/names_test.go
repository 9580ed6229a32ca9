package teamfolder

import "testing"

func TestNamesRoundTrip(t *testing.T) {
	for _, n := range []uint64{0, 1, 7, 999999999999, 1000000000000, 1<<64 - 1} {
		for kind, name := range map[string]string{KindBatch: BatchName(n), KindSnapshot: SnapshotName(n), KindRoster: RosterName(n)} {
			p, ok := ParseName(name)
			if !ok || p.Kind != kind || p.Seq != n {
				t.Errorf("ParseName(%q) = %+v, %v; want %s %d", name, p, ok, kind, n)
			}
		}
	}
	if got := BatchName(7); got != "batch-000000000007.icm" {
		t.Errorf("BatchName(7) = %q", got)
	}
	p, ok := ParseName(KeyName(citizen))
	if !ok || p.Kind != KindKey || p.Key != citizen {
		t.Errorf("key name: %+v %v", p, ok)
	}
	if id, ok := parseJoinName(JoinName(laptopB)); !ok || id != laptopB {
		t.Errorf("join name: %q %v", id, ok)
	}
}

func TestParseNameRefusesEveryOtherSpelling(t *testing.T) {
	for _, name := range []string{
		"batch-7.icm",                                        // not 12 digits
		"batch-0000000000007.icm",                            // 13 digits with a leading zero
		"batch-00000000000a.icm",                             // not a digit
		"batch-+00000000007.icm",                             // a sign
		"Batch-000000000007.icm",                             // other case
		"batch-000000000007.ICM",                             // other case
		"batch-000000000007.icm.tmp",                         // temporary
		"batch-000000000007 (1).icm",                         // conflicted copy
		"batch-000000000007-DESKTOP.icm",                     // another computer's name added
		"batch-000000000007",                                 // no extension
		"batch-000000000007.icmjoin",                         // join extension
		"journal-000000000007.icm",                           // unknown kind
		"key-" + citizen[:31] + ".icm",                       // short uid
		"key-" + "5F3C0E9A1B2D4C6E8F0A1B2C3D4E5F60" + ".icm", // upper-case hex
		"key-" + citizen + "x.icm",
		"batch-99999999999999999999999.icm", // beyond uint64
		"",
		".icm",
	} {
		if p, ok := ParseName(name); ok {
			t.Errorf("ParseName(%q) accepted: %+v", name, p)
		}
	}
}

func TestClassifyGivesEachLeftoverItsReason(t *testing.T) {
	cases := []struct{ name, want string }{
		{"batch-000000000007.icm.tmp", SkipTemporary},
		{"BATCH-000000000007.ICM.TMP", SkipTemporary},
		{"~$batch-000000000007.icm", SkipTemporary},
		{".~lock.batch-000000000007.icm#", SkipTemporary},
		{"batch-000000000007.icm.partial", SkipTemporary},
		{"batch-000000000007.icm.crdownload", SkipTemporary},
		{".syncthing.batch-000000000007.icm.tmp", SkipTemporary},
		{"batch-000000000007 (1).icm", SkipConflicted},
		{"batch-000000000007(2).icm", SkipConflicted},
		{"batch-000000000007-conflict.icm", SkipConflicted},
		{"batch-000000000007 (DESKTOP-AB12's conflicted copy 2026-12-06).icm", SkipConflicted},
		{"batch-000000000007.sync-conflict-20261206-101010-ABCDEFG.icm", SkipConflicted},
		{"batch-000000000007-DESKTOP-AB12.icm", SkipConflicted},
		{"snapshot-000000000003-LAPTOP7.icm", SkipConflicted},
		{"key-" + citizen + "-PC01.icm", SkipConflicted},
		{laptopB + "-PC01.icmjoin", SkipConflicted},
		{"Kopi af batch-000000000007.icm", SkipConflicted},
		{"Copy of batch-000000000007.icm", SkipConflicted},
		{"batch-000000000007 - Kopi.icm", SkipConflicted},
		{"batch-000000000007 - Copy (2).icm", SkipConflicted},
		{"batch-000000000007 2.icm", SkipConflicted},
		{"desktop.ini", SkipUnknown},
		{".DS_Store", SkipUnknown},
		{"batch-7.icm", SkipUnknown},
		{"notes.txt", SkipUnknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := classify(c.name); got != c.want {
				t.Errorf("classify(%q) = %q, want %q", c.name, got, c.want)
			}
		})
	}
}
