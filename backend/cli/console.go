package cli

import "fmt"

// consoleUsage is what icmctl prints when it is started without a command: it never opens
// the window.
const consoleUsage = `usage: icmctl COMMAND [flags]     (ICM's console program for IT; the window is icm / icm.exe)
  icmctl -version
  icmctl backup  -out FILE [-db PATH] [-passphrase-file FILE]
  icmctl restore -in FILE  [-db PATH] [-passphrase-file FILE]
  icmctl -export-plan COURSE_ID [-plan-version ID] -out FILE.pdf [-db PATH]
  icmctl -export-template [-template-version ID] -out FILE.pdf [-db PATH]
  icmctl -demo -db PATH
  icmctl -demo-team DIR             (two demo laptops sharing a team folder, for trying sync on one machine)
  icmctl sync status|once|found|join|requests|enroll|revoke [-db PATH] [flags]
Every command takes -lang da|en (default: both, or the system's language). "icmctl backup -h" and
the like list a command's flags. Exit codes: 0 done, 1 failed, 2 wrong use (sync: see "icmctl sync").`

// Main is the console program's whole run (cmd/icmctl): the same commands as the window
// program's command line, with the exit code to end with. Started without a command it
// shows how to use it instead of opening a window.
func Main(args []string) int {
	io := stdIO()
	_, code, done := run(args, io)
	if done {
		return code
	}
	fmt.Fprintln(io.stderr, consoleUsage)
	return 2
}
