//go:build race

package teamsync_test

// raceDetector is set when the tests run with -race, which slows SQLite down about tenfold:
// the property test then takes fewer steps.
const raceDetector = true
