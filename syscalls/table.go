package syscalls

//go:generate go run ./internal/mknames

import (
	"strconv"

	"golang.org/x/sys/unix"
)

// Class is a set of strace's trace classes (-e trace=%file…).
type Class uint32

// The trace classes, as strace defines them for each syscall.
const (
	TF   Class = 1 << iota // %file: takes a file name
	TI                     // %ipc
	TN                     // %network
	TP                     // %process
	TS                     // %signal
	TD                     // %desc: takes or returns a file descriptor
	TM                     // %memory
	TST                    // %stat
	TLST                   // %lstat
	TFST                   // %fstat
	TSTA                   // %%stat: any stat variant
	TSF                    // %statfs
	TFSF                   // %fstatfs
	TSFA                   // %%statfs: any statfs variant
	PU                     // %pure: no arguments, always succeeds
	TC                     // %creds
	TCL                    // %clock
)

// Entry is one syscall's line in the table.
type Entry struct {
	Name  string // from zsysnames.go (x/sys)
	Class Class
	NArgs int    // arguments printed
	Args  []*Arg // argument kinds; nil (or short): the rest print raw in hex
	Ret   RetKind
}

func (e *Entry) nargs() int { return e.NArgs }

func (e *Entry) arg(i int) *Arg {
	if i < len(e.Args) && e.Args[i] != nil {
		return e.Args[i]
	}
	return Raw
}

// a builds an argument list for a table line.
func a(k ...*Arg) []*Arg { return k }

// table is the syscall table, one line per amd64 syscall, keyed by number.
// Names are not typed here: they come from zsysnames.go. A line with no
// argument kinds prints its arguments raw, as strace prints an undecoded
// call.
var table = [...]Entry{
	unix.SYS_READ:       {Class: TD, NArgs: 3, Args: a(Fd, OutBuf, Ulong), Ret: RetDec},
	unix.SYS_WRITE:      {Class: TD, NArgs: 3, Args: a(Fd, InBuf, Ulong), Ret: RetDec},
	unix.SYS_CLOSE:      {Class: TD, NArgs: 1, Args: a(Fd)},
	unix.SYS_EXIT_GROUP: {Class: TP, NArgs: 1, Args: a(Int)},
}

// entries is the table with names filled in, and unknown numbers beyond it
// handled by Lookup.
var entries []Entry

func init() {
	n := len(table)
	if len(names) > n {
		n = len(names)
	}
	entries = make([]Entry, n)
	copy(entries, table[:])
	for nr := range entries {
		if nr < len(names) && names[nr] != "" {
			entries[nr].Name = names[nr]
		} else if entries[nr].Name == "" {
			entries[nr].Name = "syscall_" + strconv.FormatInt(int64(nr), 16)
			entries[nr].NArgs = 6
		}
	}
}

// unknown is the entry for a number beyond the table.
var unknown = Entry{NArgs: 6}

// Lookup returns the table entry of syscall nr (an entry printing six raw
// arguments under "syscall_0x…" when nr is not a known syscall).
func Lookup(nr int) *Entry {
	if nr >= 0 && nr < len(entries) {
		return &entries[nr]
	}
	unknown.Name = "syscall_0x" + strconv.FormatUint(uint64(uint32(nr)), 16)
	return &unknown
}

// Name returns the name of syscall nr.
func Name(nr int) string { return Lookup(nr).Name }

// Number returns the number of a syscall name.
func Number(name string) (int, bool) {
	for nr := range entries {
		if entries[nr].Name == name && nr < len(names) && names[nr] != "" {
			return nr, true
		}
	}
	return 0, false
}

// Count is the number of syscall numbers in the table.
func Count() int { return len(entries) }
