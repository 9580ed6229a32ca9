// Package benchhook is the performance measurement's hook in the app (make bench,
// scripts/bench-start.sh): with ICM_BENCH_READY=1 it prints when the first screen has
// rendered with its data, walks the screens of ICM_BENCH_TOUR and prints the memory after
// each. It is compiled in only with the build tag "bench"; the shipped binary gets the
// stand-in that does nothing.
package benchhook
