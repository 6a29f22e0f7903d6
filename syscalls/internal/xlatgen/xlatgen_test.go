package xlatgen

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestGenerate(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte(`# openFlags is open's flags.
flags openFlags O_CREAT
	O_SYNC __O_SYNC=oSyncOnly # multi-bit first
	FASYNC=unix.O_ASYNC

values whence SEEK_SET SEEK_CUR
`)}}
	code, err := Generate(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		Header,
		"// openFlags is open's flags.\nvar openFlags = format.FlagSet{\n" +
			"\t{Val: unix.O_CREAT, Name: \"O_CREAT\"},\n" +
			"\t// multi-bit first\n" +
			"\t{Val: unix.O_SYNC, Name: \"O_SYNC\"},\n" +
			"\t{Val: oSyncOnly, Name: \"__O_SYNC\"},\n" +
			"\t{Val: unix.O_ASYNC, Name: \"FASYNC\"},\n}",
		"var whence = format.ValueSet{\n\t{Val: unix.SEEK_SET, Name: \"SEEK_SET\"},\n\t{Val: unix.SEEK_CUR, Name: \"SEEK_CUR\"},\n}",
	} {
		if !strings.Contains(string(code), want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, code)
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"flag x A\n", "want `flags NAME` or `values NAME`"},
		{"flags 1x A\n", "want `flags NAME`"},
		{"\tA B\n", "indented line outside a table"},
		{"flags x A-B\n", `bad entry "A-B"`},
		{"flags x A=(1\n", "entry A: value"},
		{"flags x\n", "table x has no entries"},
		{"flags x A\nvalues x B\n", "table x already declared"},
	} {
		_, err := Generate(fstest.MapFS{"f.txt": {Data: []byte(tc.src)}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
}
