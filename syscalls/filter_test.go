package syscalls

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sys/unix"
)

// tableKeys returns the unix.SYS_* keys of the composite literal var name
// in file, in source order.
func tableKeys(t *testing.T, file, name string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != name || len(vs.Values) != 1 {
			return true
		}
		for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
			kv := e.(*ast.KeyValueExpr)
			sel := kv.Key.(*ast.SelectorExpr)
			keys = append(keys, sel.Sel.Name)
		}
		return false
	})
	return keys
}

// TestTableLines: one table line per named syscall, in number order, as
// the generated names have them.
func TestTableLines(t *testing.T) {
	want := tableKeys(t, "zsysnames.go", "names")
	got := tableKeys(t, "table.go", "table")
	if len(want) == 0 || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("table keys differ from zsysnames.go:\n got %d: %v\nwant %d: %v", len(got), got, len(want), want)
	}
	for nr, name := range names {
		if name == "" {
			continue
		}
		e := Lookup(nr)
		if e.Name != name || e.NArgs < 0 || e.NArgs > 6 || len(e.Args) > e.NArgs {
			t.Errorf("%d %s: bad entry %+v", nr, name, *e)
		}
	}
}

// TestTableStrace spot-checks classes and argument counts against strace
// 6.1's x86_64 table.
func TestTableStrace(t *testing.T) {
	for _, c := range []struct {
		nr    int
		class Class
		nargs int
	}{
		{unix.SYS_READ, TD, 3},
		{unix.SYS_OPEN, TD | TF, 3},
		{unix.SYS_STAT, TF | TST | TSTA, 2},
		{unix.SYS_FSTAT, TD | TFST | TSTA, 2},
		{unix.SYS_LSTAT, TF | TLST | TSTA, 2},
		{unix.SYS_MMAP, TD | TM, 6},
		{unix.SYS_SCHED_YIELD, 0, 0},
		{unix.SYS_GETPID, PU, 0},
		{unix.SYS_SENDFILE, TD | TN, 4},
		{unix.SYS_CLONE, TP, 5},
		{unix.SYS_EXECVE, TF | TP, 3},
		{unix.SYS_KILL, TS | TP, 2},
		{unix.SYS_UMASK, 0, 1},
		{unix.SYS_GETTIMEOFDAY, TCL, 2},
		{unix.SYS_GETUID, TC | PU, 0},
		{unix.SYS_USTAT, TSFA, 2},
		{unix.SYS_STATFS, TF | TSF | TSFA, 2},
		{unix.SYS_FSTATFS, TD | TFSF | TSFA, 2},
		{unix.SYS_PRCTL, TC, 5},
		{unix.SYS_FUTEX, 0, 6},
		{unix.SYS_NEWFSTATAT, TD | TF | TFST | TSTA, 4},
		{unix.SYS_EXECVEAT, TD | TF | TP, 5},
		{unix.SYS_STATX, TD | TF | TFST | TSTA, 5},
		{unix.SYS_PIDFD_SEND_SIGNAL, TD | TS | TP, 4},
		{unix.SYS_IO_URING_REGISTER, TD | TM, 4},
		{unix.SYS_CLOSE_RANGE, 0, 3},
		{unix.SYS_SET_MEMPOLICY_HOME_NODE, TM, 4},
		{unix.SYS_EXIT_GROUP, TP, 1},
		// Newer than strace 6.1: from strace's current table.
		{unix.SYS_FCHMODAT2, TD | TF, 4},
		// Unknown to strace: six raw arguments.
		{unix.SYS_RSEQ_SLICE_YIELD, 0, 6},
	} {
		e := Lookup(c.nr)
		if e.Class != c.class || e.NArgs != c.nargs {
			t.Errorf("%s: class %v nargs %d, want %v %d", e.Name, ClassNames(e.Class), e.NArgs, ClassNames(c.class), c.nargs)
		}
	}
}

func mustSet(t *testing.T, spec string) SyscallSet {
	t.Helper()
	s, err := ParseSyscallSet(spec)
	if err != nil {
		t.Fatalf("ParseSyscallSet(%q): %v", spec, err)
	}
	return s
}

func nr(t *testing.T, name string) int {
	t.Helper()
	n, ok := Number(name)
	if !ok {
		t.Fatalf("no syscall %q", name)
	}
	return n
}

// TestFilterClasses: each class holds what strace puts in it.
func TestFilterClasses(t *testing.T) {
	for _, c := range []struct {
		spec    string
		in, out []string
		len     int
	}{
		{"%file", []string{"open", "openat", "execve", "newfstatat", "stat", "statfs", "inotify_add_watch", "getcwd", "fchmodat2"}, []string{"read", "fstat", "close", "fchmod"}, 0},
		{"file", []string{"openat", "execve"}, []string{"read"}, 0},
		{"%desc", []string{"read", "write", "epoll_wait", "mmap", "openat", "fstat", "close"}, []string{"open_by_handle_at_x", "stat", "getpid", "close_range"}, 0},
		{"%network", []string{"accept4", "sendfile", "socket", "recvmmsg", "getpmsg"}, []string{"read", "pipe"}, 0},
		{"%net", []string{"accept4", "sendfile"}, []string{"read"}, 0},
		{"%process", []string{"clone", "clone3", "execve", "execveat", "exit", "exit_group", "wait4", "waitid", "kill", "tgkill", "pidfd_send_signal"}, []string{"getpid", "read"}, 0},
		{"%signal", []string{"rt_sigaction", "kill", "pause", "signalfd4", "io_uring_enter"}, []string{"read"}, 0},
		{"%ipc", []string{"shmget", "semop", "msgrcv", "semtimedop"}, []string{"mq_open", "read"}, 0},
		{"%memory", []string{"mmap", "munmap", "brk", "mprotect", "io_setup", "shmat", "mseal"}, []string{"read"}, 0},
		{"%stat", []string{"stat"}, []string{"lstat", "fstat", "newfstatat", "statx"}, 1},
		{"%lstat", []string{"lstat"}, []string{"stat"}, 1},
		{"%fstat", []string{"fstat", "newfstatat", "statx"}, []string{"stat", "lstat"}, 3},
		{"%%stat", []string{"stat", "fstat", "lstat", "newfstatat", "statx"}, []string{"statfs"}, 5},
		{"%statfs", []string{"statfs"}, []string{"fstatfs", "ustat"}, 1},
		{"%fstatfs", []string{"fstatfs"}, []string{"statfs"}, 1},
		{"%%statfs", []string{"statfs", "fstatfs", "ustat"}, []string{"stat"}, 3},
		{"%pure", []string{"getpid", "gettid", "getppid", "getpgrp", "getuid", "getgid", "geteuid", "getegid"}, []string{"umask", "sched_yield", "getcwd"}, 8},
		{"%creds", []string{"getuid", "setuid", "setresgid", "capget", "capset", "prctl", "setfsuid", "getgroups"}, []string{"getpid"}, 0},
		{"%clock", []string{"gettimeofday", "settimeofday", "clock_gettime", "clock_settime", "clock_getres", "clock_adjtime", "adjtimex", "time"}, []string{"nanosleep", "clock_nanosleep", "timer_create"}, 8},
	} {
		s := mustSet(t, c.spec)
		for _, name := range c.in {
			if !s.Has(nr(t, name)) {
				t.Errorf("%s lacks %s", c.spec, name)
			}
		}
		for _, name := range c.out {
			if n, ok := Number(name); ok && s.Has(n) {
				t.Errorf("%s has %s", c.spec, name)
			}
		}
		if c.len != 0 && s.Len() != c.len {
			t.Errorf("%s: %d syscalls, want %d", c.spec, s.Len(), c.len)
		}
	}
}

func TestFilterSyntax(t *testing.T) {
	all := 0
	for _, n := range names {
		if n != "" {
			all++
		}
	}
	for _, c := range []struct {
		spec    string
		in, out []string
		len     int // -1: don't check
	}{
		{"all", []string{"read", "open"}, nil, all},
		{"none", nil, []string{"read"}, 0},
		{"!none", []string{"read"}, nil, all},
		{"!all", nil, []string{"read"}, 0},
		{"open", []string{"open"}, []string{"openat"}, 1},
		{"!open", []string{"read", "openat"}, []string{"open"}, all - 1},
		{"!!open", []string{"open"}, []string{"read"}, 1},
		{"open,,read,", []string{"open", "read"}, []string{"write"}, 2},
		{"open,all", []string{"open", "read"}, nil, all},
		{"0,1", []string{"read", "write"}, []string{"open"}, 2},
		{"010", []string{"mprotect"}, nil, 1},
		{"/^open", []string{"open", "openat", "openat2", "open_by_handle_at", "open_tree"}, []string{"fsopen"}, -1},
		{"/", []string{"read"}, nil, all},
		{"/stat$|^fstatfs", []string{"stat", "fstat", "lstat", "fstatfs"}, []string{"statfs", "statx", "newfstatat"}, -1},
		{"/^(.*_)?statv?fs", []string{"statfs"}, []string{"fstatfs", "ustat"}, 1},
		{"/\\<read\\>", []string{"read"}, []string{"readv", "pread64"}, 1},
		{"?/^(..)\\1$", nil, nil, 0},
		{"/^(.)[^_]*_\\1", []string{"sched_setscheduler", "sched_setparam"}, []string{"read"}, -1},
		{"?/^(.)(.)\\2\\1", nil, []string{"read"}, 0},
		{"/^b{1}r[[:alpha:]]{1}$", []string{"brk"}, []string{"read"}, 1},
		{"?bogus", nil, []string{"read"}, 0},
		{"?bogus,read", []string{"read"}, nil, 1},
		{"?%bogus", nil, nil, 0},
		{"?/^zz", nil, nil, 0},
		{"?!open", nil, []string{"open"}, 0},
		{"open@64", []string{"open"}, nil, 1},
		{"open@32", nil, []string{"open"}, 0},
		{"waitpid", nil, nil, 0},
		{"send,waitpid@32,ioctl#64@x32", nil, nil, 0},
		{"%file@32", nil, []string{"open"}, 0},
		{"/^waitpid$", nil, nil, 0},
		{"520@x32", nil, nil, 0},
		{"335", []string{"uretprobe"}, nil, 1},
		{"%desc,!%desc", nil, nil, -1}, // "!%desc" is no syscall: see errors
	} {
		s, err := ParseSyscallSet(c.spec)
		if c.spec == "%desc,!%desc" {
			if err == nil || err.Error() != "invalid system call '!%desc'" {
				t.Errorf("%q: err %v", c.spec, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.spec, err)
			continue
		}
		for _, name := range c.in {
			if !s.Has(nr(t, name)) {
				t.Errorf("%q lacks %s", c.spec, name)
			}
		}
		for _, name := range c.out {
			if s.Has(nr(t, name)) {
				t.Errorf("%q has %s", c.spec, name)
			}
		}
		if c.len >= 0 && s.Len() != c.len {
			t.Errorf("%q: %d syscalls, want %d", c.spec, s.Len(), c.len)
		}
	}
	// Numbers with no name are in every set, as strace traces unknown
	// syscalls whatever -e trace says.
	none := mustSet(t, "none")
	var zero SyscallSet
	for _, n := range []int{-1, 400, 999, 1 << 20} {
		if !none.Has(n) || !zero.Has(n) {
			t.Errorf("unknown syscall %d not in the empty set", n)
		}
	}
	if zero.Len() != 0 || zero.Has(0) {
		t.Error("zero SyscallSet not empty")
	}
	zero.Add(0)
	if !zero.Has(0) || zero.Len() != 1 {
		t.Error("Add")
	}
}

func TestParseSignalSet(t *testing.T) {
	for _, c := range []struct {
		spec    string
		in, out []int
	}{
		{"all", []int{0, 1, 9, 64, 255, 300}, nil},
		{"none", nil, []int{0, 9, 300}},
		{"SIGINT", []int{2}, []int{9}},
		{"int,sigkill,Sigterm", []int{2, 9, 15}, []int{1}},
		{"!SIGCHLD", []int{1, 9, 255, 300}, []int{17}},
		{"0,255", []int{0, 255}, []int{1}},
		{"SIGRTMIN,rt_1,SIGRT_32", []int{32, 33, 64}, []int{34}},
		{"SIGSTKFLT,PWR,SIGIO,SIGSYS", []int{16, 30, 29, 31}, nil},
		{"9,", []int{9}, nil},
	} {
		s, err := ParseSignalSet(c.spec)
		if err != nil {
			t.Errorf("%q: %v", c.spec, err)
			continue
		}
		for _, n := range c.in {
			if !s.Has(n) {
				t.Errorf("%q lacks %d", c.spec, n)
			}
		}
		for _, n := range c.out {
			if s.Has(n) {
				t.Errorf("%q has %d", c.spec, n)
			}
		}
	}
}

func TestParseStatusSet(t *testing.T) {
	all := []Status{StatusSuccessful, StatusFailed, StatusUnfinished, StatusUnavailable, StatusDetached}
	for _, c := range []struct {
		spec string
		want []Status
	}{
		{"all", all},
		{"none", nil},
		{"failed", []Status{StatusFailed}},
		{"!failed", []Status{StatusSuccessful, StatusUnfinished, StatusUnavailable, StatusDetached}},
		{"Successful,UNFINISHED,", []Status{StatusSuccessful, StatusUnfinished}},
		{"unavailable,detached", []Status{StatusUnavailable, StatusDetached}},
	} {
		s, err := ParseStatusSet(c.spec)
		if err != nil {
			t.Errorf("%q: %v", c.spec, err)
			continue
		}
		for _, st := range all {
			want := false
			for _, w := range c.want {
				want = want || w == st
			}
			if s.Has(st) != want {
				t.Errorf("%q: Has(%d) = %v", c.spec, st, !want)
			}
		}
	}
}

func TestParseQualifier(t *testing.T) {
	for _, c := range []struct{ arg, name, value string }{
		{"open", "trace", "open"},
		{"trace=open", "trace", "open"},
		{"t=open,read", "trace", "open,read"},
		{"trace=", "trace", ""},
		{"foo=bar", "trace", "foo=bar"},
		{"Trace=open", "trace", "Trace=open"},
		{"trace", "trace", "trace"},
		{"a=all", "abbrev", "all"},
		{"abbrev=none", "abbrev", "none"},
		{"v=all", "verbose", "all"},
		{"verbose=!open", "verbose", "!open"},
		{"x=all", "raw", "all"},
		{"raw=open", "raw", "open"},
		{"s=INT", "signal", "INT"},
		{"signal=INT", "signal", "INT"},
		{"signals=INT", "signal", "INT"},
		{"status=failed", "status", "failed"},
		{"q=attach", "quiet", "attach"},
		{"quiet=attach", "quiet", "attach"},
		{"silent=exit", "quiet", "exit"},
		{"silence=exit", "quiet", "exit"},
		{"r=3", "read", "3"},
		{"reads=3", "read", "3"},
		{"read=3", "read", "3"},
		{"w=3", "write", "3"},
		{"writes=3", "write", "3"},
		{"write=3", "write", "3"},
		{"decode-fd=path", "decode-fds", "path"},
		{"decode-fds=all", "decode-fds", "all"},
		{"decode-pid=comm", "decode-pids", "comm"},
		{"decode-pids=comm", "decode-pids", "comm"},
		{"fault=open", "fault", "open"},
		{"inject=open:error=ENOENT", "inject", "open:error=ENOENT"},
		{"kvm=vcpu", "kvm", "vcpu"},
		{"trace=open=x", "trace", "open=x"},
	} {
		name, value, err := ParseQualifier(c.arg)
		if err != nil || name != c.name || value != c.value {
			t.Errorf("ParseQualifier(%q) = %q, %q, %v; want %q, %q", c.arg, name, value, err, c.name, c.value)
		}
	}
}

func TestParseOtherSets(t *testing.T) {
	fds, err := ParseDescriptorSet("1,3")
	if err != nil || !fds.Has(1) || !fds.Has(3) || fds.Has(2) {
		t.Errorf("ParseDescriptorSet(1,3): %v %v", fds, err)
	}
	fds, err = ParseDescriptorSet("!0")
	if err != nil || fds.Has(0) || !fds.Has(7) {
		t.Errorf("ParseDescriptorSet(!0): %v %v", fds, err)
	}
	q, err := ParseWordSet("quiet", "exits,thread-execve")
	if err != nil || !q.Has("exit") || !q.Has("superseded") || q.Has("attach") {
		t.Errorf("ParseWordSet(quiet): %v %v", q, err)
	}
	d, err := ParseWordSet("decode-fds", "!path")
	if err != nil || d.Has("path") || !d.Has("socket") || !d.Has("pidfd") {
		t.Errorf("ParseWordSet(decode-fds): %v %v", d, err)
	}
}

// qualify applies one -e argument the way the CLI does, for the
// differential test.
func qualify(arg string) error {
	name, value, err := ParseQualifier(arg)
	if err != nil {
		return err
	}
	switch name {
	case "trace", "abbrev", "verbose", "raw":
		_, err = ParseSyscallSet(value)
	case "signal":
		_, err = ParseSignalSet(value)
	case "status":
		_, err = ParseStatusSet(value)
	case "read", "write":
		_, err = ParseDescriptorSet(value)
	case "quiet", "decode-fds", "decode-pids":
		_, err = ParseWordSet(name, value)
	}
	return err
}

// straceBin returns the reference strace, 6.1, or skips the test (fails it
// under CI=true).
func straceBin(t *testing.T) string {
	t.Helper()
	skip := t.Skipf
	if os.Getenv("CI") == "true" {
		skip = t.Fatalf
	}
	path, err := exec.LookPath("strace")
	if err != nil {
		skip("no strace to compare with: %v", err)
		return ""
	}
	out, err := exec.Command(path, "-V").Output()
	if err != nil || !bytes.Contains(out, []byte("version 6.1\n")) {
		skip("the reference is strace 6.1; %s says %q (%v)", path, firstLine(string(out)), err)
	}
	return path
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// filterCases are -e arguments compared with strace 6.1: good and bad.
// (Syscalls newer than strace 6.1, which gotrace knows, are left out.)
var filterCases = []string{
	// Syscall sets.
	"trace=bogus", "trace=%bogus", "trace=", "trace=!", "trace=,", "trace=,,", "trace=!!",
	"trace=!,", "trace=open,", "trace=,open", "trace=open,,read", "trace=none", "trace=all",
	"trace=!none", "trace=!all", "trace=all,open", "trace=open,none", "trace=%all", "trace=OPEN",
	"trace=%NET", "trace=%net", "trace=%network", "trace=network", "trace=%", "trace=%%",
	"trace=creds", "trace=%creds", "trace=%clock", "trace=%pure", "trace=%%stat", "trace=%%statfs",
	"trace=%file,bogus", "trace=bogus,/[", "trace=?", "trace=?bogus", "trace=??bogus",
	"trace=?%bogus", "trace=!?bogus", "trace=?!open", "trace=?,bogus", "trace=0", "trace=010",
	"trace=12abc", "trace=-1", "trace=+1", "trace= 1", "trace=1 ", "trace=400", "trace=500",
	"trace=501", "trace=510", "trace=512", "trace=547", "trace=548", "trace=4294967296",
	"trace=waitpid", "trace=send", "trace=socketcall", "trace=ioctl#64", "trace=open@64",
	"trace=open@32", "trace=open@x32", "trace=waitpid@64", "trace=waitpid@32", "trace=send@x32",
	"trace=520@64", "trace=520@x32", "trace=1@32", "trace=%file@32", "trace=open@", "trace=@64",
	"trace=open@foo", "trace=?open@foo", "trace=/a@b", "trace=/a@64", "trace=/^waitpid$",
	"trace=/^send$", "trace=/^$", "trace=/zzzz", "trace=/", "trace=/[", "trace=/(", "trace=/)",
	"trace=/*open", "trace=/a{", "trace=/a{1", "trace=/a{2,1}", "trace=/a{x}", "trace=/a{}",
	"trace=/a{32768}", "trace=/\\", "trace=/[b-a]", "trace=/[[:foo:]]", "trace=/[[.ab.]]",
	"trace=/[[:alpha:]-z]", "trace=/a**", "trace=/\\d", "trace=/\\1", "trace=/(a)\\2",
	"trace=/(o)|\\1", "trace=/+", "trace=/a|*b", "trace=/^*", "trace=?/(", "trace=/[^",
	"trace=/[]", "trace=/[a", "trace=/[[:", "trace=/\\<read\\>", "trace=/^(.)(.)\\2\\1",
	"t=open", "t=bogus", "x=bogus", "v=bogus", "a=bogus", "raw=all", "abbrev=none",
	"verbose=!open", "foo=bar", "trace=open=x", "trace", "Trace=open", "trace =open", "e=open",
	"trace-fds=1", "open", "bogus", "?bogus", "!open", "%file",
	// Signal sets.
	"signal=FOO", "signal=", "signal=!", "signal=,", "signal=SIGINT", "signal=sigint",
	"signal=int", "signal=0", "signal=64", "signal=65", "signal=255", "signal=256", "signal=9x",
	"signal=+1", "signal=-1", "signal=1,", "signal=!0", "signal=SIG", "signal=sigsigint",
	"signal=SIGRTMIN", "signal=RTMIN", "signal=rtmin", "signal=SIGRT_1", "signal=RT_32",
	"signal=SIGRT_33", "signal=SIGRT_0", "signal=SIGRTMAX", "signal=SIGIOT", "signal=SIGPOLL",
	"signal=SIGCLD", "signal=SIGUNUSED", "signal=SIGSTKFLT", "signal=SIGPWR", "signal=SIGLOST",
	"signal=all", "signal=none", "signal=!SIGCHLD,SIGINT", "s=INT", "signals=bogus",
	// Status sets.
	"status=bar", "status=", "status=!", "status=,", "status=0", "status=none", "status=all",
	"status=!failed", "status=Successful", "status=SUCCESSFUL", "status=failed,",
	"status=unfinished,unavailable,detached", "status=detach",
	// Others.
	"read=abc", "write=-1", "read=1,x", "r=9999999999", "reads=1", "w=1", "read=all",
	"write=!3", "read=", "quiet=foo", "quiet=attach,exits,thread-execve", "q=none",
	"silence=path-resolution,personality,superseded", "quiet=", "decode-fds=foo",
	"decode-fds=all", "decode-fds=path,socket,dev,pidfd", "decode-fd=none", "decode-pids=foo",
	"decode-pids=pidns,comm", "decode-pid=", "secontext=foo", "secontext=full",
}

// TestFilterStrace runs strace 6.1 on every case and compares its verdict
// and message with ours.
func TestFilterStrace(t *testing.T) {
	strace := straceBin(t)
	var wg sync.WaitGroup
	type result struct {
		msg  string
		help bool
		err  error
	}
	results := make([]result, len(filterCases))
	sem := make(chan struct{}, 8)
	for i, c := range filterCases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			// -V after -e: strace checks the expression, then prints its
			// version instead of tracing.
			cmd := exec.Command(strace, "-e", c, "-V")
			cmd.Args[0] = "strace" // strace's messages start with its argv[0]
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			lines := strings.Split(stderr.String(), "\n")
			results[i] = result{
				msg:  strings.TrimPrefix(lines[0], "strace: "),
				help: len(lines) > 1 && lines[1] == "Try 'strace -h' for more information.",
				err:  err,
			}
		}()
	}
	wg.Wait()
	for i, c := range filterCases {
		r := results[i]
		got := qualify(c)
		switch {
		case r.err == nil && got != nil:
			t.Errorf("-e %q: strace accepts it, we say %q", c, got)
		case r.err != nil && got == nil:
			t.Errorf("-e %q: strace says %q, we accept it", c, r.msg)
		case r.err != nil && got.Error() != r.msg:
			t.Errorf("-e %q:\n strace: %q\n    we: %q", c, r.msg, got)
		case r.err != nil:
			qe, ok := got.(*QualifyError)
			if !ok || qe.Help != r.help {
				t.Errorf("-e %q: Help %v, strace adds the help line: %v", c, ok && qe.Help, r.help)
			}
		}
	}
}
