//go:build !bench

package benchhook

import "context"

// Start does nothing: the shipped binary has no measurement hook (see the "bench" build).
func Start(context.Context) {}
