package domain

import (
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

var (
	danishOnce sync.Once
	danish     *collate.Collator
	danishMu   sync.Mutex
)

// DanishLess compares two names in Danish alphabetical order: Æ, Ø and Å come after Z,
// and upper and lower case sort together.
func DanishLess(a, b string) bool {
	danishOnce.Do(func() {
		danish = collate.New(language.Danish, collate.IgnoreCase)
	})
	// A Collator keeps internal buffers and is not safe for concurrent use.
	danishMu.Lock()
	defer danishMu.Unlock()
	return danish.CompareString(a, b) < 0
}
