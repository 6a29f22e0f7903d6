package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// familyFlags are the flag sets the decoding issue names, run on every
// family tracee (testdata/tracees/{file,net,proc}_*.c).
var familyFlags = [][]string{
	nil,
	{"-v"},
	{"-x"},
	{"-s", "128"},
	{"-X", "raw"},
	{"-X", "verbose"},
}

// familyTracees lists testdata/tracees/{file,net,proc}_*.c by name.
func familyTracees(t *testing.T) []string {
	t.Helper()
	var names []string
	for _, pat := range []string{"file_*.c", "net_*.c", "proc_*.c"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "tracees", pat))
		for _, p := range m {
			names = append(names, strings.TrimSuffix(filepath.Base(p), ".c"))
		}
	}
	if len(names) == 0 {
		t.Fatal("no family tracees found")
	}
	return names
}

func TestDiffFamilies(t *testing.T) {
	names := familyTracees(t)
	for _, name := range names {
		for _, flags := range familyFlags {
			label := name + "/" + strings.Join(flags, "")
			if len(flags) == 0 {
				label = name + "/default"
			}
			t.Run(label, func(t *testing.T) {
				diffCase(t, append([]string{"-f"}, flags...), name)
			})
		}
	}
}
