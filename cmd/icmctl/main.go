// Command icmctl is ICM's console program for IT: the headless commands of backend/cli
// (backup, restore, sync, -export-plan, -export-template, -demo, -version) built as a
// console program. On Windows, icm.exe is a windowed program, so cmd and PowerShell neither
// show its output nor wait for it nor get its exit code, and its passphrase prompt has no
// console; icmctl.exe, installed beside it, has all four. It never opens the window.
package main

import (
	"os"

	"icm/backend/cli"
)

func main() { os.Exit(cli.Main(os.Args)) }
