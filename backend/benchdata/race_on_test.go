//go:build race

package benchdata

// raceDetector is set when the tests run with -race, which slows SQLite down about tenfold.
const raceDetector = true
