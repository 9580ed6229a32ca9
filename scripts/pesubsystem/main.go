// Command pesubsystem prints the subsystem of Windows executables, for scripts/dist-check.sh:
// "gui" (2, a windowed program: no console output, cmd does not wait for it) or "console"
// (3), else the number. With -want it exits 1 unless every file has that subsystem.
//
//	go run ./scripts/pesubsystem [-want gui|console] FILE.exe...
package main

import (
	"debug/pe"
	"flag"
	"fmt"
	"os"
	"strconv"
)

// subsystem reads the Subsystem field of a PE file's optional header.
func subsystem(path string) (string, error) {
	f, err := pe.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var n uint16
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		n = h.Subsystem
	case *pe.OptionalHeader32:
		n = h.Subsystem
	default:
		return "", fmt.Errorf("%s: no optional header", path)
	}
	switch n {
	case pe.IMAGE_SUBSYSTEM_WINDOWS_GUI:
		return "gui", nil
	case pe.IMAGE_SUBSYSTEM_WINDOWS_CUI:
		return "console", nil
	}
	return strconv.Itoa(int(n)), nil
}

func main() {
	want := flag.String("want", "", "fail unless every file has this subsystem (gui or console)")
	flag.Parse()
	bad := 0
	for _, path := range flag.Args() {
		got, err := subsystem(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pesubsystem:", err)
			bad++
			continue
		}
		fmt.Printf("%s: %s\n", path, got)
		if *want != "" && got != *want {
			fmt.Fprintf(os.Stderr, "pesubsystem: %s is %s, want %s\n", path, got, *want)
			bad++
		}
	}
	if bad > 0 || flag.NArg() == 0 {
		os.Exit(1)
	}
}
