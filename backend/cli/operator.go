package cli

import (
	"os"
	"os/user"
	"time"

	"icm/backend/service"
	"icm/backend/store"
)

// operator names who runs a headless command and on which computer, "user@host", for the
// audit log: the operating system's user (DOMAIN\user on Windows) and the computer's name.
// A part the system does not give is "?".
func operator() string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	for _, env := range []string{"USER", "USERNAME"} { // when the user database cannot be read
		if name == "" {
			name = os.Getenv(env)
		}
	}
	if name == "" {
		name = "?"
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "?"
	}
	return name + "@" + host
}

// deps is what a headless command's services get: the store and the wall clock, acting as
// the command line run by this operator.
func deps(st *store.Store) service.Deps {
	return service.Deps{Store: st, Clock: time.Now, As: service.CommandLineAs(operator())}
}
