package main

import "testing"

// TestDiffVerboseSet: -e verbose=SET. Outside the set strace prints every
// structure and array as its address (strings and data buffers still
// print); inside it, as usual.
func TestDiffVerboseSet(t *testing.T) {
	for _, c := range []struct {
		name   string
		flags  []string
		tracee string
	}{
		{"none-core", []string{"-e", "verbose=none"}, "core_basic"},
		{"none-signals", []string{"-f", "-e", "verbose=none"}, "core_signal"},
		{"some-files", []string{"-e", "verbose=fstat,newfstatat,execve"}, "file_stat"},
		{"none-net", []string{"-f", "-e", "verbose=none"}, "net_tcp"},
		{"none-procs", []string{"-f", "-e", "verbose=none"}, "proc_misc"},
		{"not-signals", []string{"-f", "-e", "verbose=!%signal"}, "proc_signal"},
		{"none-time", []string{"-f", "-e", "verbose=none"}, "proc_time"},
		{"none-io", []string{"-f", "-e", "verbose=none"}, "net_io"},
	} {
		t.Run(c.name, func(t *testing.T) { diffCase(t, c.flags, c.tracee) })
	}
	// And every family tracee with no call verbose.
	for _, name := range familyTracees(t) {
		t.Run("none/"+name, func(t *testing.T) { diffCase(t, []string{"-f", "-e", "verbose=none"}, name) })
	}
}
