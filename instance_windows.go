//go:build windows

package main

import "os"

// claimInstance on Windows leaves the job to Wails' SingleInstanceLock (main.go): a named
// mutex per instanceID, which needs no session bus, and a window message that brings the
// first window forward. The returned instance holds nothing.
func claimInstance(string) (*instance, error) { return &instance{}, nil }

func unlockFile(f *os.File) error { return f.Close() }
