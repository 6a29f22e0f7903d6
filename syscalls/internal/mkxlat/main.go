// Command mkxlat writes syscalls/zxlat.go, the flag and value sets of the
// syscall families, from the name lists in syscalls/xlat/*.txt, so each
// constant's name is typed once. Run it with `go generate ./syscalls` (or
// `make generate`); TestZxlatUpToDate fails when zxlat.go and the lists
// disagree, so never edit zxlat.go by hand.
//
// A list file (one per family: xlat/file.txt holds file.go's tables)
// declares tables, each a header line at the left margin followed by
// indented lines of entries:
//
//	# openFlagSet is the rest of open's flags; O_SYNC before O_DSYNC.
//	flags openFlagSet
//		O_CREAT O_EXCL O_NOCTTY
//		__O_SYNC=oSyncOnly FASYNC=unix.O_ASYNC # x/sys lacks these
//	values whenceSet SEEK_SET SEEK_CUR SEEK_END
//
// The rules:
//
//   - `flags NAME` declares `var NAME = format.FlagSet{…}` and `values NAME`
//     a format.ValueSet; entries may follow on the header line itself.
//   - An entry NAME is {Val: unix.NAME, Name: "NAME"}; NAME=expr is
//     {Val: expr, Name: "NAME"}, for names x/sys lacks or spells otherwise:
//     expr is a Go expression without spaces, usually a constant declared
//     (with a comment on where its value comes from) in the family's .go
//     file.
//   - Entries keep their order exactly: a FlagSet prints a wider mask before
//     its subsets only if it is listed first.
//   - `#` starts a comment. Comment lines right before a header become the
//     variable's doc comment; a comment on an indented line is copied into
//     the literal before that line's entries. A blank line ends a table.
//
// Tables that are not plain lists (built at init, appended from others, or
// with names that are not identifiers) stay hand-written in the family's
// .go file.
package main

import (
	"log"
	"os"

	"github.com/gotrace/gotrace/syscalls/internal/xlatgen"
)

func main() {
	code, err := xlatgen.Generate(os.DirFS("xlat"))
	if err != nil {
		log.Fatalf("mkxlat: %v", err)
	}
	if err := os.WriteFile("zxlat.go", code, 0o644); err != nil {
		log.Fatalf("mkxlat: %v", err)
	}
}
