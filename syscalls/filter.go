package syscalls

import (
	"math/bits"
	"strconv"
	"strings"
)

// This file reads strace's -e qualifier language: which syscalls to trace
// (-e trace=, and the same syntax for abbrev=, verbose=, raw=), which
// signals (-e signal=) and which return statuses (-e status=) to show.
//
// strace 6.1 is the reference, its error texts included. Facts worth knowing
// (each checked against the strace 6.1 binary, see filter_test.go):
//
//   - A later -e trace= replaces an earlier one; the caller assigns.
//   - Leading '!' characters each invert the whole set; "all" and "none" are
//     recognised only as the whole expression (after the '!'s), while "all"
//     inside a list is the class of every syscall and "none" an error.
//   - Empty items in a list are skipped ("open,,read"); a list with no items
//     at all ("", ",", "!") is an error naming the whole expression.
//   - An item may start with any number of '?': a syscall, class or regex
//     that matches nothing is then not an error.
//   - An item may end in @64, @32 or @x32: strace's three x86_64
//     personalities. gotrace traces 64-bit processes only, but the names
//     and numbers of the i386 and x32 tables are accepted as strace accepts
//     them (they select nothing here), so "-e trace=waitpid" is no error.
//   - A number selects that syscall; /REGEX is a POSIX extended regular
//     expression, read as glibc's regcomp reads it (ereCompile below), so
//     its errors and its matches are strace's.
//   - A syscall strace does not know is traced (raw) whatever the sets say:
//     SyscallSet.Has reports true for a number with no name.

// QualifyError is a bad -e expression. Msg is strace's message without the
// "strace: " prefix.
type QualifyError struct {
	Msg string
	// Help is set where strace follows the message with the line
	// "Try 'strace -h' for more information.".
	Help bool
}

func (e *QualifyError) Error() string { return e.Msg }

func qualErr(format string, args ...string) *QualifyError {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) && format[i+1] == 's' && len(args) > 0 {
			b.WriteString(args[0])
			args = args[1:]
			i++
			continue
		}
		b.WriteByte(format[i])
	}
	return &QualifyError{Msg: b.String()}
}

// ---------------------------------------------------------------------------
// Qualifier names.

// qualifierNames maps every name strace 6.1 accepts before '=' in an -e
// expression to its canonical name, in strace's lookup order.
var qualifierNames = [...][2]string{
	{"trace", "trace"}, {"t", "trace"},
	{"abbrev", "abbrev"}, {"a", "abbrev"},
	{"verbose", "verbose"}, {"v", "verbose"},
	{"raw", "raw"}, {"x", "raw"},
	{"signal", "signal"}, {"signals", "signal"},
	{"status", "status"}, {"s", "signal"},
	{"quiet", "quiet"}, {"silent", "quiet"}, {"silence", "quiet"}, {"q", "quiet"},
	{"read", "read"}, {"reads", "read"}, {"r", "read"},
	{"write", "write"}, {"writes", "write"}, {"w", "write"},
	{"fault", "fault"}, {"inject", "inject"}, {"kvm", "kvm"},
	{"decode-fd", "decode-fds"}, {"decode-fds", "decode-fds"},
	{"decode-pid", "decode-pids"}, {"decode-pids", "decode-pids"},
	{"secontext", "secontext"},
}

// ParseQualifier splits the argument of -e into a canonical qualifier name
// (trace, abbrev, verbose, raw, signal, status, quiet, read, write, fault,
// inject, kvm, decode-fds, decode-pids, secontext) and its value.
//
// As in strace, an argument that does not start with a known name and '='
// is a trace expression as a whole: "-e open" is trace=open, and "-e
// foo=bar" is trace=foo=bar, which ParseSyscallSet then rejects with
// "invalid system call 'foo=bar'". So no name is unknown; the one error is
// secontext, which this build (like the reference strace) does not support.
func ParseQualifier(arg string) (name, value string, err error) {
	name, value = "trace", arg
	for _, q := range qualifierNames {
		if len(arg) > len(q[0]) && arg[len(q[0])] == '=' && arg[:len(q[0])] == q[0] {
			name, value = q[1], arg[len(q[0])+1:]
			break
		}
	}
	if name == "secontext" {
		return name, value, qualErr("SELinux context printing (--secontext option) is not supported by this build of strace")
	}
	return name, value, nil
}

// qualItems calls f for each non-empty comma-separated item of s, as
// strtok does, and reports whether there was any.
func qualItems(s string, f func(item string) error) (bool, error) {
	any := false
	for len(s) > 0 {
		i := strings.IndexByte(s, ',')
		item := s
		if i >= 0 {
			item, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if item == "" {
			continue
		}
		any = true
		if err := f(item); err != nil {
			return any, err
		}
	}
	return any, nil
}

// qualStripNot removes the leading '!'s of an expression and reports whether
// their number is odd.
func qualStripNot(spec string) (string, bool) {
	not := false
	for strings.HasPrefix(spec, "!") {
		spec = spec[1:]
		not = !not
	}
	return spec, not
}

// qualUint reads a decimal number up to max as strace's string_to_uint
// does: digits only, the whole string; -1 if it is not one.
func qualUint(s string, max int64) int64 {
	if s == "" {
		return -1
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > max {
		return -1
	}
	return n
}

const qualIntMax = 1<<31 - 1

// ---------------------------------------------------------------------------
// Syscall sets.

// syscallSetSlots is the size of a SyscallSet's bitmap: one bit per syscall number
// the table names.
const syscallSetSlots = (len(names) + 63) / 64

// SyscallSet is a set of syscall numbers, the result of a -e trace= (or
// abbrev=, verbose=, raw=) expression. The zero value is empty.
type SyscallSet struct {
	bits [syscallSetSlots]uint64
}

// syscallNamed reports whether nr is a syscall with a name in the table.
func syscallNamed(nr int) bool {
	return nr >= 0 && nr < len(names) && names[nr] != ""
}

// Has reports whether syscall nr is in the set. A number the table does not
// name is in every set: strace traces a syscall it does not know whatever
// -e trace says, and prints it raw whatever -e raw says.
func (s *SyscallSet) Has(nr int) bool {
	if !syscallNamed(nr) {
		return true
	}
	return s.bits[nr/64]&(1<<(nr%64)) != 0
}

// Add puts syscall nr in the set (a number beyond the table is ignored).
func (s *SyscallSet) Add(nr int) {
	if nr >= 0 && nr < len(names) {
		s.bits[nr/64] |= 1 << (nr % 64)
	}
}

// Len returns the number of named syscalls in the set.
func (s *SyscallSet) Len() int {
	n := 0
	for nr := range names {
		if names[nr] != "" && s.bits[nr/64]&(1<<(nr%64)) != 0 {
			n++
		}
	}
	return n
}

func (s *SyscallSet) invert() {
	for i := range s.bits {
		s.bits[i] = ^s.bits[i]
	}
}

// traceClasses are the class words of a trace expression, strace's list:
// the %names, and the legacy bare words (strace's own "all" is the class
// every syscall belongs to).
var traceClasses = map[string]Class{
	"%desc": TD, "%file": TF, "%memory": TM, "%process": TP, "%creds": TC,
	"%signal": TS, "%ipc": TI, "%net": TN, "%network": TN, "%stat": TST,
	"%lstat": TLST, "%fstat": TFST, "%%stat": TSTA, "%statfs": TSF,
	"%fstatfs": TFSF, "%%statfs": TSFA, "%pure": PU, "%clock": TCL,
	"all": 0, "desc": TD, "file": TF, "memory": TM, "process": TP,
	"signal": TS, "ipc": TI, "network": TN,
}

// ClassNames returns the %names of the classes in c, in strace's order.
func ClassNames(c Class) []string {
	var out []string
	for _, k := range classNameOrder {
		if c&k.c != 0 {
			out = append(out, k.name)
		}
	}
	return out
}

var classNameOrder = [...]struct {
	name string
	c    Class
}{
	{"%desc", TD}, {"%file", TF}, {"%memory", TM}, {"%process", TP},
	{"%creds", TC}, {"%signal", TS}, {"%ipc", TI}, {"%network", TN},
	{"%stat", TST}, {"%lstat", TLST}, {"%fstat", TFST}, {"%%stat", TSTA},
	{"%statfs", TSF}, {"%fstatfs", TFSF}, {"%%statfs", TSFA}, {"%pure", PU},
	{"%clock", TCL},
}

// ParseSyscallSet reads a trace expression: a comma-separated list of
// syscall names, numbers, classes (%file…, and the bare legacy words) and
// /regexes, each optionally prefixed with '?' and suffixed with a
// personality (@64, @32, @x32); or "all" or "none"; the whole optionally
// negated with a leading '!'. Errors carry strace's message.
func ParseSyscallSet(spec string) (SyscallSet, error) {
	var set SyscallSet
	s, not := qualStripNot(spec)
	switch s {
	case "none":
	case "all":
		not = !not
	default:
		any, err := qualItems(s, func(item string) error {
			ok, err := qualifySyscall(item, &set)
			if err != nil {
				return err
			}
			if !ok {
				return qualErr("invalid system call '%s'", item)
			}
			return nil
		})
		if err != nil {
			return SyscallSet{}, err
		}
		if !any {
			return SyscallSet{}, qualErr("invalid system call '%s'", spec)
		}
	}
	if not {
		set.invert()
	}
	return set, nil
}

// The personalities of strace on x86_64, by designator.
const (
	persX86_64 = iota
	persI386
	persX32
	nPers
)

var persDesignators = [nPers]string{"64", "32", "x32"}

// qualifySyscall adds the syscalls one item names to set, and reports
// whether it named any (or began with '?').
func qualifySyscall(item string, set *SyscallSet) (bool, error) {
	tok := item
	optional := false
	for strings.HasPrefix(tok, "?") {
		tok = tok[1:]
		optional = true
	}
	if at := strings.LastIndexByte(tok, '@'); at >= 0 {
		for p, d := range persDesignators {
			if tok[at+1:] == d {
				ok, err := qualifyPers(tok[:at], p, set)
				return ok || optional, err
			}
		}
		return false, &QualifyError{Msg: "incorrect personality designator '" + tok[at+1:] + "' in qualification '" + tok + "'", Help: true}
	}
	found := optional
	for p := 0; p < nPers; p++ {
		ok, err := qualifyPers(tok, p, set)
		if err != nil {
			return false, err
		}
		found = found || ok
	}
	return found, nil
}

// qualifyPers adds what tok names in personality p (only persX86_64 adds
// anything: the others are looked up to accept what strace accepts).
func qualifyPers(tok string, p int, set *SyscallSet) (bool, error) {
	if tok != "" && tok[0] >= '0' && tok[0] <= '9' {
		nr := qualUint(tok, qualIntMax)
		if nr < 0 || !persValid(p, int(nr)) {
			return false, nil
		}
		if p == persX86_64 {
			set.Add(int(nr))
		}
		return true, nil
	}
	if strings.HasPrefix(tok, "/") {
		re, err := ereCompile(tok[1:])
		if err != nil {
			return false, qualErr("regcomp: %s: %s", tok[1:], err.Error())
		}
		found := false
		persNames(p, func(nr int, name string) {
			if re.match(name) {
				found = true
				if p == persX86_64 {
					set.Add(nr)
				}
			}
		})
		return found, nil
	}
	if c, ok := traceClasses[tok]; ok {
		if p == persX86_64 {
			for nr := range names {
				if names[nr] != "" && Lookup(nr).Class&c == c {
					set.Add(nr)
				}
			}
		}
		return true, nil
	}
	found := false
	persNames(p, func(nr int, name string) {
		if name == tok {
			found = true
			if p == persX86_64 {
				set.Add(nr)
			}
		}
	})
	return found, nil
}

// persNames calls f for every named syscall of personality p. nr is
// meaningful for persX86_64 only.
func persNames(p int, f func(nr int, name string)) {
	switch p {
	case persX86_64:
		for nr, name := range names {
			if name != "" {
				f(nr, name)
			}
		}
	case persI386:
		for nr, name := range i386Table {
			if name != "" {
				f(nr, name)
			}
		}
		for _, name := range i386Subcalls {
			f(-1, name)
		}
	case persX32:
		for nr := 0; nr <= x32Max; nr++ {
			if name := x32Name(nr); name != "" {
				f(nr, name)
			}
		}
	}
}

// persValid reports whether nr is a syscall number of personality p.
func persValid(p, nr int) bool {
	switch p {
	case persX86_64:
		return syscallNamed(nr)
	case persI386:
		return nr < len(i386Table) && i386Table[nr] != ""
	case persX32:
		return x32Name(nr) != ""
	}
	return false
}

// The other two personalities of strace 6.1 on x86_64, kept only so that
// the trace expressions strace accepts are accepted here too.

// x32Max is the highest x32 syscall number.
const x32Max = 547

// x32Name returns the name of x32 syscall nr in strace 6.1's table: the
// x86_64 names (of strace 6.1: up to 450), those the x32 ABI replaced by
// its own calls at 512 and up marked "#64", then those calls.
func x32Name(nr int) string {
	switch {
	case nr >= 512 && nr <= x32Max:
		return x32High[nr-512]
	case nr < 0 || nr > 450 || (nr > 334 && nr < 424) || !syscallNamed(nr):
		return ""
	}
	if x32Replaced[nr] {
		return names[nr] + "#64"
	}
	return names[nr]
}

var x32Replaced = func() map[int]bool {
	m := map[int]bool{}
	for _, nr := range [...]int{13, 15, 16, 19, 20, 45, 46, 47, 54, 55, 59, 101, 127, 128,
		129, 131, 134, 156, 174, 177, 178, 180, 205, 206, 209, 211, 214, 215, 222, 236,
		244, 246, 247, 273, 274, 278, 279, 295, 296, 297, 299, 307, 310, 311, 322, 327, 328} {
		m[nr] = true
	}
	return m
}()

var x32High = strings.Fields(`
	rt_sigaction rt_sigreturn ioctl readv writev recvfrom sendmsg recvmsg execve ptrace
	rt_sigpending rt_sigtimedwait rt_sigqueueinfo sigaltstack timer_create mq_notify kexec_load
	waitid set_robust_list get_robust_list vmsplice move_pages preadv pwritev rt_tgsigqueueinfo
	recvmmsg sendmmsg process_vm_readv process_vm_writev setsockopt getsockopt io_setup io_submit
	execveat preadv2 pwritev2`)

// i386Subcalls are the names strace 6.1 gives only to socketcall and ipc
// subcalls on i386: names, but not syscall numbers.
var i386Subcalls = [...]string{"accept", "recv", "semop", "semtimedop", "send"}

// i386Table holds the names of strace 6.1's i386 syscalls by number ("-"
// in the list: none).
var i386Table = func() []string {
	t := strings.Fields(`
	restart_syscall exit fork read write open close waitpid creat link unlink execve chdir time
	mknod chmod lchown break oldstat lseek getpid mount umount setuid getuid stime ptrace alarm
	oldfstat pause utime stty gtty access nice ftime sync kill rename mkdir rmdir dup pipe times
	prof brk setgid getgid signal geteuid getegid acct umount2 lock ioctl fcntl mpx setpgid ulimit
	oldolduname umask chroot ustat dup2 getppid getpgrp setsid sigaction sgetmask ssetmask setreuid
	setregid sigsuspend sigpending sethostname setrlimit getrlimit getrusage gettimeofday
	settimeofday getgroups setgroups select symlink oldlstat readlink uselib swapon reboot readdir
	mmap munmap truncate ftruncate fchmod fchown getpriority setpriority profil statfs fstatfs
	ioperm socketcall syslog setitimer getitimer stat lstat fstat olduname iopl vhangup idle vm86old
	wait4 swapoff sysinfo ipc fsync sigreturn clone setdomainname uname modify_ldt adjtimex mprotect
	sigprocmask create_module init_module delete_module get_kernel_syms quotactl getpgid fchdir
	bdflush sysfs personality afs_syscall setfsuid setfsgid _llseek getdents _newselect flock msync
	readv writev getsid fdatasync _sysctl mlock munlock mlockall munlockall sched_setparam
	sched_getparam sched_setscheduler sched_getscheduler sched_yield sched_get_priority_max
	sched_get_priority_min sched_rr_get_interval nanosleep mremap setresuid getresuid vm86
	query_module poll nfsservctl setresgid getresgid prctl rt_sigreturn rt_sigaction rt_sigprocmask
	rt_sigpending rt_sigtimedwait rt_sigqueueinfo rt_sigsuspend pread64 pwrite64 chown getcwd capget
	capset sigaltstack sendfile getpmsg putpmsg vfork ugetrlimit mmap2 truncate64 ftruncate64 stat64
	lstat64 fstat64 lchown32 getuid32 getgid32 geteuid32 getegid32 setreuid32 setregid32 getgroups32
	setgroups32 fchown32 setresuid32 getresuid32 setresgid32 getresgid32 chown32 setuid32 setgid32
	setfsuid32 setfsgid32 pivot_root mincore madvise getdents64 fcntl64 - - gettid readahead
	setxattr lsetxattr fsetxattr getxattr lgetxattr fgetxattr listxattr llistxattr flistxattr
	removexattr lremovexattr fremovexattr tkill sendfile64 futex sched_setaffinity sched_getaffinity
	set_thread_area get_thread_area io_setup io_destroy io_getevents io_submit io_cancel fadvise64 -
	exit_group lookup_dcookie epoll_create epoll_ctl epoll_wait remap_file_pages set_tid_address
	timer_create timer_settime timer_gettime timer_getoverrun timer_delete clock_settime
	clock_gettime clock_getres clock_nanosleep statfs64 fstatfs64 tgkill utimes fadvise64_64 vserver
	mbind get_mempolicy set_mempolicy mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify
	mq_getsetattr kexec_load waitid - add_key request_key keyctl ioprio_set ioprio_get inotify_init
	inotify_add_watch inotify_rm_watch migrate_pages openat mkdirat mknodat fchownat futimesat
	fstatat64 unlinkat renameat linkat symlinkat readlinkat fchmodat faccessat pselect6 ppoll
	unshare set_robust_list get_robust_list splice sync_file_range tee vmsplice move_pages getcpu
	epoll_pwait utimensat signalfd timerfd_create eventfd fallocate timerfd_settime timerfd_gettime
	signalfd4 eventfd2 epoll_create1 dup3 pipe2 inotify_init1 preadv pwritev rt_tgsigqueueinfo
	perf_event_open recvmmsg fanotify_init fanotify_mark prlimit64 name_to_handle_at
	open_by_handle_at clock_adjtime syncfs sendmmsg setns process_vm_readv process_vm_writev kcmp
	finit_module sched_setattr sched_getattr renameat2 seccomp getrandom memfd_create bpf execveat
	socket socketpair bind connect listen accept4 getsockopt setsockopt getsockname getpeername
	sendto sendmsg recvfrom recvmsg shutdown userfaultfd membarrier mlock2 copy_file_range preadv2
	pwritev2 pkey_mprotect pkey_alloc pkey_free statx arch_prctl io_pgetevents rseq - - - - - -
	semget semctl shmget shmctl shmat shmdt msgget msgsnd msgrcv msgctl clock_gettime64
	clock_settime64 clock_adjtime64 clock_getres_time64 clock_nanosleep_time64 timer_gettime64
	timer_settime64 timerfd_gettime64 timerfd_settime64 utimensat_time64 pselect6_time64
	ppoll_time64 - io_pgetevents_time64 recvmmsg_time64 mq_timedsend_time64 mq_timedreceive_time64
	semtimedop_time64 rt_sigtimedwait_time64 futex_time64 sched_rr_get_interval_time64
	pidfd_send_signal io_uring_setup io_uring_enter io_uring_register open_tree move_mount fsopen
	fsconfig fsmount fspick pidfd_open clone3 close_range openat2 pidfd_getfd faccessat2
	process_madvise epoll_pwait2 mount_setattr quotactl_fd landlock_create_ruleset landlock_add_rule
	landlock_restrict_self memfd_secret process_mrelease futex_waitv set_mempolicy_home_node`)
	for i, name := range t {
		if name == "-" {
			t[i] = ""
		}
	}
	return t
}()

// ---------------------------------------------------------------------------
// Signal sets.

// SignalSet is a set of signal numbers (0–255, as strace reads them), the
// result of a -e signal= expression. The zero value is empty.
type SignalSet struct {
	bits [4]uint64
	not  bool // membership of numbers above 255
}

// Has reports whether signal sig is in the set.
func (s *SignalSet) Has(sig int) bool {
	if sig < 0 || sig > 255 {
		return s.not
	}
	return s.bits[sig/64]&(1<<(sig%64)) != 0
}

// ParseSignalSet reads a -e signal= expression: a comma-separated list of
// signal names (with or without SIG, any case: SIGRTMIN and SIGRT_1…
// SIGRT_32 included, aliases such as SIGIOT not) and numbers 0–255; or all,
// none; the whole optionally negated with '!'.
func ParseSignalSet(spec string) (SignalSet, error) {
	var set SignalSet
	not, err := qualifyNumbers(spec, "signal", signalNumber, func(n int) { set.bits[n/64] |= 1 << (n % 64) })
	if err != nil {
		return SignalSet{}, err
	}
	if not {
		for i := range set.bits {
			set.bits[i] = ^set.bits[i]
		}
		set.not = true
	}
	return set, nil
}

// signalNumber reads a signal as strace's -e signal= does, or returns -1:
// not x/sys's aliases such as SIGIOT, which strace rejects here, and
// numbers up to 255.
func signalNumber(s string) int {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		return int(qualUint(s, 255))
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "SIG") {
		s = s[3:]
	}
	for n := 1; n <= 64; n++ {
		if name := SignalName(n); strings.HasPrefix(name, "SIG") && strings.EqualFold(name[3:], s) {
			return n
		}
	}
	return -1
}

// qualifyNumbers reads a list of numbers named by conv, as strace's
// qualify_tokens does (what names the values in its error messages), and
// reports whether the set is to be inverted.
func qualifyNumbers(spec, what string, conv func(string) int, add func(int)) (bool, error) {
	s, not := qualStripNot(spec)
	switch s {
	case "none":
		return not, nil
	case "all":
		return !not, nil
	}
	any, err := qualItems(s, func(item string) error {
		n := conv(item)
		if n < 0 {
			return qualErr("invalid %s '%s'", what, item)
		}
		add(n)
		return nil
	})
	if err != nil {
		return false, err
	}
	if !any {
		return false, qualErr("invalid %s '%s'", what, spec)
	}
	return not, nil
}

// ---------------------------------------------------------------------------
// Status sets.

// Status is how a syscall ended, for -e status=.
type Status uint8

// The statuses of -e status=.
const (
	StatusSuccessful  Status = iota // returned without an error
	StatusFailed                    // returned an error
	StatusUnfinished                // did not return (the thread exited, or execve)
	StatusUnavailable               // returned, but the return value is unknown
	StatusDetached                  // the tracer detached before it returned
)

var statusWords = [...]string{"successful", "failed", "unfinished", "unavailable", "detached"}

// StatusSet is a set of statuses, the result of -e status=. The zero value
// is empty.
type StatusSet struct{ bits uint8 }

// Has reports whether status st is in the set.
func (s StatusSet) Has(st Status) bool { return st < 8 && s.bits&(1<<st) != 0 }

// ParseStatusSet reads a -e status= expression: a comma-separated list of
// successful, failed, unfinished, unavailable, detached (any case); or all,
// none; the whole optionally negated with '!'.
func ParseStatusSet(spec string) (StatusSet, error) {
	var set StatusSet
	not, err := qualifyNumbers(spec, "status", func(s string) int {
		for i, name := range statusWords {
			if strings.EqualFold(s, name) {
				return i
			}
		}
		return -1
	}, func(n int) { set.bits |= 1 << n })
	if err != nil {
		return StatusSet{}, err
	}
	if not {
		set.bits = ^set.bits & (1<<len(statusWords) - 1)
	}
	return set, nil
}

// ---------------------------------------------------------------------------
// The other qualifiers' values.

// DescriptorSet is a set of file descriptors, the result of -e read= or -e write=.
// The zero value is empty.
type DescriptorSet struct {
	fds map[int]bool
	not bool
}

// Has reports whether fd is in the set.
func (s *DescriptorSet) Has(fd int) bool { return s.fds[fd] != s.not }

// ParseDescriptorSet reads a -e read= or -e write= expression: descriptors
// (decimal, up to 2^31-1); or all, none; optionally negated with '!'.
func ParseDescriptorSet(spec string) (DescriptorSet, error) {
	set := DescriptorSet{fds: map[int]bool{}}
	not, err := qualifyNumbers(spec, "descriptor", func(s string) int { return int(qualUint(s, qualIntMax)) },
		func(n int) { set.fds[n] = true })
	if err != nil {
		return DescriptorSet{}, err
	}
	set.not = not
	return set, nil
}

// WordSet is a set of keywords, the value of -e quiet=, -e decode-fds= or
// -e decode-pids=. The zero value is empty.
type WordSet struct {
	words []string
	bits  uint32
}

// Has reports whether keyword w (one of the qualifier's words, in
// strace's spelling) is in the set.
func (s *WordSet) Has(w string) bool {
	for i, x := range s.words {
		if x == w {
			return s.bits&(1<<i) != 0
		}
	}
	return false
}

// qualifierWords are the keywords of the qualifiers whose values are
// words; aliases name the word they stand for after '='.
var qualifierWords = map[string][]string{
	"quiet":       {"attach", "exit", "exits=exit", "path-resolution", "personality", "superseded", "thread-execve=superseded"},
	"decode-fds":  {"path", "socket", "dev", "pidfd"},
	"decode-pids": {"pidns", "comm"},
}

// ParseWordSet reads the value of -e quiet=, -e decode-fds= or -e
// decode-pids= (qualifier: the canonical name ParseQualifier returns):
// keywords, any case; or all, none; optionally negated with '!'.
func ParseWordSet(qualifier, spec string) (WordSet, error) {
	list := qualifierWords[qualifier]
	var set WordSet
	index := map[string]int{}
	for _, w := range list {
		if i := strings.IndexByte(w, '='); i < 0 {
			index[w] = len(set.words)
			set.words = append(set.words, w)
		}
	}
	for _, w := range list {
		if i := strings.IndexByte(w, '='); i >= 0 {
			index[w[:i]] = index[w[i+1:]]
		}
	}
	not, err := qualifyNumbers(spec, qualifier, func(s string) int {
		for w, i := range index {
			if strings.EqualFold(s, w) {
				return i
			}
		}
		return -1
	}, func(n int) { set.bits |= 1 << n })
	if err != nil {
		return WordSet{}, err
	}
	if not {
		set.bits = ^set.bits & (1<<len(set.words) - 1)
	}
	return set, nil
}

// ---------------------------------------------------------------------------
// POSIX extended regular expressions, as glibc's regcomp reads them with
// REG_EXTENDED|REG_NOSUB in the C locale (strace's locale): the same
// syntax (GNU operators \< \> \b \B \w \W \s \S \` \' and back-references
// included), the same error for each bad expression, the same matches.
// Go's regexp differs on all three (it rejects back-references and "a{,2}",
// accepts "*a", and reports its own errors), so this small matcher stands
// in for it. Subjects are syscall names: short, and made of word
// characters.

// The errors, with glibc's texts.
type ereError string

func (e ereError) Error() string { return string(e) }

const (
	ereBADPAT   ereError = "Invalid regular expression"
	ereECOLLATE ereError = "Invalid collation character"
	ereECTYPE   ereError = "Invalid character class name"
	ereEESCAPE  ereError = "Trailing backslash"
	ereESUBREG  ereError = "Invalid back reference"
	ereEBRACK   ereError = "Unmatched [, [^, [:, [., or [="
	ereEPAREN   ereError = "Unmatched ( or \\("
	ereEBRACE   ereError = "Unmatched \\{"
	ereBADBR    ereError = "Invalid content of \\{\\}"
	ereERANGE   ereError = "Invalid range end"
	ereBADRPT   ereError = "Invalid preceding regular expression"
	ereESIZE    ereError = "Regular expression too big"
)

// ereDupMax is the largest count of an interval, RE_DUP_MAX.
const ereDupMax = 0x7fff

type ereTokType uint8

const (
	etEnd         ereTokType = iota
	etChar                   // a literal byte
	etBackslash              // a backslash ending the expression
	etAlt                    // |
	etStar                   // *
	etPlus                   // +
	etQuest                  // ?
	etOpenBrace              // {
	etCloseBrace             // }
	etOpenParen              // (
	etCloseParen             // )
	etOpenBracket            // [
	etPeriod                 // .
	etAnchor                 // ^ $ \< \> \b \B \` \'
	etBackref                // \1 … \9
	etClass                  // \w \W \s \S
)

type ereTok struct {
	typ ereTokType
	c   byte // the byte (after a backslash: the one following it)
	n   int  // width in the pattern
}

// The kinds of anchor.
const (
	ereAnLineFirst    = iota // ^ (and \`: no REG_NEWLINE, so the same)
	ereAnLineLast            // $ (and \')
	ereAnWordFirst           // \<
	ereAnWordLast            // \>
	ereAnWordDelim           // \b
	ereAnNotWordDelim        // \B
)

type ereOp uint8

const (
	eoEmpty ereOp = iota
	eoSet
	eoCat
	eoAlt
	eoRepeat
	eoGroup
	eoBackref
	eoAnchor
)

type ereNode struct {
	op       ereOp
	set      [4]uint64 // eoSet: the bytes matched
	subs     []*ereNode
	min, max int // eoRepeat; max -1: no limit
	n        int // eoGroup: capture index; eoBackref: group referred to; eoAnchor: kind
}

type ereParser struct {
	p         string
	i         int
	tok       ereTok
	ngroups   int
	completed uint32 // groups whose ')' has been read (back-references may name them)
	backrefs  bool
}

// ere is a compiled expression.
type ere struct {
	root     *ereNode
	ngroups  int
	backrefs bool
}

func ereCompile(p string) (*ere, error) {
	ps := &ereParser{p: p}
	ps.next()
	root, err := ps.regexp(0)
	if err != nil {
		return nil, err
	}
	return &ere{root: root, ngroups: ps.ngroups, backrefs: ps.backrefs}, nil
}

// peek reads the token at the current position.
func (ps *ereParser) peek() ereTok {
	if ps.i >= len(ps.p) {
		return ereTok{typ: etEnd}
	}
	c := ps.p[ps.i]
	if c == '\\' {
		if ps.i+1 >= len(ps.p) {
			return ereTok{typ: etBackslash, c: c, n: 1}
		}
		c2 := ps.p[ps.i+1]
		t := ereTok{typ: etChar, c: c2, n: 2}
		switch c2 {
		case '1', '2', '3', '4', '5', '6', '7', '8', '9':
			t.typ = etBackref
		case '<', '>', 'b', 'B', '`', '\'':
			t.typ = etAnchor
		case 'w', 'W', 's', 'S':
			t.typ = etClass
		}
		return t
	}
	t := ereTok{typ: etChar, c: c, n: 1}
	switch c {
	case '|':
		t.typ = etAlt
	case '*':
		t.typ = etStar
	case '+':
		t.typ = etPlus
	case '?':
		t.typ = etQuest
	case '{':
		t.typ = etOpenBrace
	case '}':
		t.typ = etCloseBrace
	case '(':
		t.typ = etOpenParen
	case ')':
		t.typ = etCloseParen
	case '[':
		t.typ = etOpenBracket
	case '.':
		t.typ = etPeriod
	case '^', '$':
		t.typ = etAnchor
	}
	return t
}

func (ps *ereParser) next() {
	ps.tok = ps.peek()
	ps.i += ps.tok.n
}

// branchEnds reports whether the current token ends a branch.
func (ps *ereParser) branchEnds(nest int) bool {
	return ps.tok.typ == etAlt || ps.tok.typ == etEnd || (nest > 0 && ps.tok.typ == etCloseParen)
}

// regexp reads alternatives up to the end (or, nested, a ')').
// A back-reference may name only a group completed before it in its own
// alternative.
func (ps *ereParser) regexp(nest int) (*ereNode, error) {
	var alts []*ereNode
	initial, acc := ps.completed, ps.completed
	for {
		b := &ereNode{op: eoEmpty}
		if !ps.branchEnds(nest) {
			ps.completed = initial
			var err error
			if b, err = ps.branch(nest); err != nil {
				return nil, err
			}
			acc |= ps.completed
			ps.completed = acc
		}
		alts = append(alts, b)
		if ps.tok.typ != etAlt {
			break
		}
		ps.next()
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &ereNode{op: eoAlt, subs: alts}, nil
}

func (ps *ereParser) branch(nest int) (*ereNode, error) {
	var seq []*ereNode
	for {
		e, err := ps.expression(nest)
		if err != nil {
			return nil, err
		}
		seq = append(seq, e)
		if ps.branchEnds(nest) {
			break
		}
	}
	if len(seq) == 1 {
		return seq[0], nil
	}
	return &ereNode{op: eoCat, subs: seq}, nil
}

func ereByteSet(c byte) *ereNode {
	n := &ereNode{op: eoSet}
	n.set[c/64] |= 1 << (c % 64)
	return n
}

func (ps *ereParser) expression(nest int) (*ereNode, error) {
	var e *ereNode
	switch t := ps.tok; t.typ {
	case etChar, etCloseParen, etCloseBrace:
		e = ereByteSet(t.c)
		ps.next()
	case etAnchor:
		// An anchor takes no repetition: what follows starts a new
		// expression (so "^*" is an error).
		e = &ereNode{op: eoAnchor}
		switch t.c {
		case '^', '`':
			e.n = ereAnLineFirst
		case '$', '\'':
			e.n = ereAnLineLast
		case '<':
			e.n = ereAnWordFirst
		case '>':
			e.n = ereAnWordLast
		case 'b':
			e.n = ereAnWordDelim
		case 'B':
			e.n = ereAnNotWordDelim
		}
		ps.next()
		return e, nil
	case etPeriod:
		e = &ereNode{op: eoSet, set: [4]uint64{^uint64(1), ^uint64(0), ^uint64(0), ^uint64(0)}}
		ps.next()
	case etClass:
		e = &ereNode{op: eoSet}
		name := "alnum"
		if t.c == 's' || t.c == 'S' {
			name = "space"
		}
		for c := 0; c < 256; c++ {
			in := ereClass(name, byte(c)) || (name == "alnum" && c == '_')
			if in != (t.c == 'W' || t.c == 'S') {
				e.set[c/64] |= 1 << (c % 64)
			}
		}
		ps.next()
	case etOpenBracket:
		var err error
		if e, err = ps.bracket(); err != nil {
			return nil, err
		}
	case etBackslash:
		return nil, ereEESCAPE
	case etBackref:
		g := int(t.c - '1')
		if ps.completed&(1<<g) == 0 {
			return nil, ereESUBREG
		}
		ps.backrefs = true
		e = &ereNode{op: eoBackref, n: g + 1}
		ps.next()
	case etOpenParen:
		var err error
		if e, err = ps.group(nest); err != nil {
			return nil, err
		}
	case etStar, etPlus, etQuest, etOpenBrace:
		return nil, ereBADRPT
	default:
		return &ereNode{op: eoEmpty}, nil
	}
	for {
		switch ps.tok.typ {
		case etStar, etPlus, etQuest, etOpenBrace:
			var err error
			if e, err = ps.dup(e); err != nil {
				return nil, err
			}
			continue
		}
		return e, nil
	}
}

func (ps *ereParser) group(nest int) (*ereNode, error) {
	idx := ps.ngroups
	ps.ngroups++
	ps.next()
	sub := &ereNode{op: eoEmpty}
	if ps.tok.typ != etCloseParen {
		var err error
		if sub, err = ps.regexp(nest + 1); err != nil {
			return nil, err
		}
		if ps.tok.typ != etCloseParen {
			return nil, ereEPAREN
		}
	}
	if idx < 9 {
		ps.completed |= 1 << idx
	}
	ps.next()
	return &ereNode{op: eoGroup, n: idx + 1, subs: []*ereNode{sub}}, nil
}

// number reads the digits of an interval up to '}' or ',': -1 for none,
// -2 for something else (or the end of the expression).
func (ps *ereParser) number() int {
	n := -1
	for {
		ps.next()
		t := ps.tok
		if t.typ == etEnd {
			return -2
		}
		if t.typ == etCloseBrace || t.c == ',' {
			return n
		}
		switch {
		case t.typ != etChar || t.c < '0' || t.c > '9' || n == -2:
			n = -2
		case n == -1:
			n = int(t.c - '0')
		default:
			n = min(ereDupMax+1, n*10+int(t.c-'0'))
		}
	}
}

func (ps *ereParser) dup(e *ereNode) (*ereNode, error) {
	lo, hi := 0, -1
	switch ps.tok.typ {
	case etPlus:
		lo = 1
	case etQuest:
		hi = 1
	case etOpenBrace:
		lo = ps.number()
		if lo == -1 {
			if ps.tok.typ != etChar || ps.tok.c != ',' {
				return nil, ereBADBR
			}
			lo = 0
		}
		hi = 0
		if lo != -2 {
			switch {
			case ps.tok.typ == etCloseBrace:
				hi = lo
			case ps.tok.typ == etChar && ps.tok.c == ',':
				hi = ps.number()
			default:
				hi = -2
			}
		}
		if lo == -2 || hi == -2 {
			if ps.tok.typ == etEnd {
				return nil, ereEBRACE
			}
			return nil, ereBADBR
		}
		if (hi != -1 && lo > hi) || ps.tok.typ != etCloseBrace {
			return nil, ereBADBR
		}
		if m := hi; m == -1 && lo > ereDupMax || m > ereDupMax {
			return nil, ereESIZE
		}
	}
	ps.next()
	if lo == 0 && hi == 0 {
		return &ereNode{op: eoEmpty}, nil
	}
	return &ereNode{op: eoRepeat, min: lo, max: hi, subs: []*ereNode{e}}, nil
}

// Bracket expressions.

type ereBrTokType uint8

const (
	ebEnd ereBrTokType = iota
	ebChar
	ebRange     // -
	ebClose     // ]
	ebNot       // ^
	ebOpenColl  // [.
	ebOpenEquiv // [=
	ebOpenClass // [:
)

func (ps *ereParser) peekBracket() (ereBrTokType, byte, int) {
	if ps.i >= len(ps.p) {
		return ebEnd, 0, 0
	}
	c := ps.p[ps.i]
	if c == '[' && ps.i+1 < len(ps.p) {
		switch ps.p[ps.i+1] {
		case '.':
			return ebOpenColl, '.', 2
		case '=':
			return ebOpenEquiv, '=', 2
		case ':':
			return ebOpenClass, ':', 2
		}
	}
	switch c {
	case '-':
		return ebRange, c, 1
	case ']':
		return ebClose, c, 1
	case '^':
		return ebNot, c, 1
	}
	return ebChar, c, 1
}

// The kinds of bracket element.
const (
	ereElChar = iota
	ereElColl
	ereElEquiv
	ereElClass
)

type ereBrElem struct {
	kind int
	c    byte
	name string
}

// bracketElem reads one element whose token is typ (width w).
func (ps *ereParser) bracketElem(typ ereBrTokType, c byte, w int, acceptHyphen bool) (ereBrElem, error) {
	ps.i += w
	switch typ {
	case ebOpenColl, ebOpenEquiv, ebOpenClass:
		return ps.bracketSymbol(typ, c)
	case ebRange:
		if !acceptHyphen {
			// A '-' that is not first, not last and not a range's end.
			if t, _, _ := ps.peekBracket(); t != ebClose {
				return ereBrElem{}, ereERANGE
			}
		}
	}
	return ereBrElem{kind: ereElChar, c: c}, nil
}

// bracketSymbol reads the name of [.x.], [=x=] or [:name:] after its
// opening.
func (ps *ereParser) bracketSymbol(typ ereBrTokType, delim byte) (ereBrElem, error) {
	if ps.i >= len(ps.p) {
		return ereBrElem{}, ereEBRACK
	}
	var name []byte
	for i := 0; ; i++ {
		if i >= 32 {
			return ereBrElem{}, ereEBRACK
		}
		ch := ps.p[ps.i]
		ps.i++
		if ps.i >= len(ps.p) {
			return ereBrElem{}, ereEBRACK
		}
		if ch == delim && ps.p[ps.i] == ']' {
			break
		}
		name = append(name, ch)
	}
	ps.i++
	e := ereBrElem{name: string(name)}
	switch typ {
	case ebOpenColl:
		e.kind = ereElColl
	case ebOpenEquiv:
		e.kind = ereElEquiv
	default:
		e.kind = ereElClass
	}
	return e, nil
}

func (ps *ereParser) bracket() (*ereNode, error) {
	n := &ereNode{op: eoSet}
	typ, c, w := ps.peekBracket()
	if typ == ebEnd {
		return nil, ereBADPAT
	}
	not := false
	if typ == ebNot {
		not = true
		ps.i += w
		if typ, c, w = ps.peekBracket(); typ == ebEnd {
			return nil, ereBADPAT
		}
	}
	if typ == ebClose {
		typ = ebChar
	}
	add := func(c byte) { n.set[c/64] |= 1 << (c % 64) }
	first := true
	for {
		start, err := ps.bracketElem(typ, c, w, first)
		if err != nil {
			return nil, err
		}
		first = false
		typ, c, w = ps.peekBracket()
		isRange := false
		var t2 ereBrTokType
		var c2 byte
		var w2 int
		if start.kind != ereElClass && start.kind != ereElEquiv {
			if typ == ebEnd {
				return nil, ereEBRACK
			}
			if typ == ebRange {
				ps.i += w
				if t2, c2, w2 = ps.peekBracket(); t2 == ebEnd {
					return nil, ereEBRACK
				}
				if t2 == ebClose {
					// A '-' before the closing ']' is itself.
					ps.i -= w
					typ = ebChar
				} else {
					isRange = true
				}
			}
		}
		if isRange {
			end, err := ps.bracketElem(t2, c2, w2, true)
			if err != nil {
				return nil, err
			}
			typ, c, w = ps.peekBracket()
			lo, hi, err := ereRangeEnds(start, end)
			if err != nil {
				return nil, err
			}
			for x := lo; x <= hi; x++ {
				add(byte(x))
			}
		} else {
			switch start.kind {
			case ereElChar:
				add(start.c)
			case ereElColl, ereElEquiv:
				if len(start.name) != 1 {
					return nil, ereECOLLATE
				}
				add(start.name[0])
			case ereElClass:
				if !ereClassKnown(start.name) {
					return nil, ereECTYPE
				}
				for x := 0; x < 256; x++ {
					if ereClass(start.name, byte(x)) {
						add(byte(x))
					}
				}
			}
		}
		if typ == ebEnd {
			return nil, ereEBRACK
		}
		if typ == ebClose {
			ps.i += w
			break
		}
	}
	if not {
		for i := range n.set {
			n.set[i] = ^n.set[i]
		}
		n.set[0] &^= 1 // never NUL
	}
	ps.next()
	return n, nil
}

// ereRangeEnds returns the bytes a range spans.
func ereRangeEnds(start, end ereBrElem) (int, int, error) {
	if start.kind == ereElEquiv || start.kind == ereElClass || end.kind == ereElEquiv || end.kind == ereElClass {
		return 0, 0, ereERANGE
	}
	if (start.kind == ereElColl && len(start.name) > 1) || (end.kind == ereElColl && len(end.name) > 1) {
		return 0, 0, ereECOLLATE
	}
	val := func(e ereBrElem) int {
		if e.kind == ereElColl {
			if e.name == "" {
				return 0
			}
			return int(e.name[0])
		}
		return int(e.c)
	}
	lo, hi := val(start), val(end)
	if lo > hi {
		return 0, 0, ereERANGE
	}
	return lo, hi, nil
}

func ereClassKnown(name string) bool {
	switch name {
	case "alpha", "upper", "lower", "digit", "xdigit", "space", "print", "punct", "graph", "cntrl", "blank", "alnum":
		return true
	}
	return false
}

// ereClass reports whether c is in the C locale's class name.
func ereClass(name string, c byte) bool {
	upper := c >= 'A' && c <= 'Z'
	lower := c >= 'a' && c <= 'z'
	digit := c >= '0' && c <= '9'
	switch name {
	case "alpha":
		return upper || lower
	case "upper":
		return upper
	case "lower":
		return lower
	case "digit":
		return digit
	case "xdigit":
		return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
	case "space":
		return c == ' ' || (c >= '\t' && c <= '\r')
	case "print":
		return c >= 0x20 && c < 0x7f
	case "graph":
		return c > 0x20 && c < 0x7f
	case "punct":
		return c > 0x20 && c < 0x7f && !upper && !lower && !digit
	case "cntrl":
		return c < 0x20 || c == 0x7f
	case "blank":
		return c == ' ' || c == '\t'
	case "alnum":
		return upper || lower || digit
	}
	return false
}

// Matching.

func ereWord(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c == '_' || ereClass("alnum", c)
}

// ereAnchorAt reports whether anchor kind holds at position i of s.
func ereAnchorAt(kind int, s string, i int) bool {
	prev, next := ereWord(s, i-1), ereWord(s, i)
	switch kind {
	case ereAnLineFirst:
		return i == 0
	case ereAnLineLast:
		return i == len(s)
	case ereAnWordFirst:
		return !prev && next
	case ereAnWordLast:
		return prev && !next
	case ereAnWordDelim:
		return prev != next
	case ereAnNotWordDelim:
		return prev == next
	}
	return false
}

// match reports whether the expression matches anywhere in s.
func (re *ere) match(s string) bool {
	if !re.backrefs && len(s) < 64 {
		return re.root.step(s, 1<<(len(s)+1)-1) != 0
	}
	m := &ereBT{s: s, caps: make([][2]int, re.ngroups+1)}
	for i := range m.caps {
		m.caps[i] = [2]int{-1, -1}
	}
	for start := 0; start <= len(s); start++ {
		if m.match(re.root, start, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

// step returns the positions of s where n can end a match that starts at
// one of the positions in the set from (bit i: position i).
func (n *ereNode) step(s string, from uint64) uint64 {
	switch n.op {
	case eoEmpty:
		return from
	case eoSet:
		var to uint64
		for f := from; f != 0; f &= f - 1 {
			i := bits.TrailingZeros64(f)
			if i < len(s) && n.set[s[i]/64]&(1<<(s[i]%64)) != 0 {
				to |= 1 << (i + 1)
			}
		}
		return to
	case eoCat:
		for _, sub := range n.subs {
			if from == 0 {
				break
			}
			from = sub.step(s, from)
		}
		return from
	case eoAlt:
		var to uint64
		for _, sub := range n.subs {
			to |= sub.step(s, from)
		}
		return to
	case eoGroup:
		return n.subs[0].step(s, from)
	case eoAnchor:
		var to uint64
		for f := from; f != 0; f &= f - 1 {
			if i := bits.TrailingZeros64(f); ereAnchorAt(n.n, s, i) {
				to |= 1 << i
			}
		}
		return to
	case eoRepeat:
		cur := from
		for k := 0; k < n.min && cur != 0; k++ {
			next := n.subs[0].step(s, cur)
			if next == cur {
				break // a fixed point: more rounds change nothing
			}
			cur = next
		}
		acc := cur
		for k := n.min; (n.max == -1 || k < n.max) && cur != 0; k++ {
			cur = n.subs[0].step(s, cur)
			if acc|cur == acc {
				break
			}
			acc |= cur
		}
		return acc
	}
	return 0
}

// ereBT matches by backtracking, for expressions with back-references.
type ereBT struct {
	s    string
	caps [][2]int
}

func (m *ereBT) match(n *ereNode, i int, k func(int) bool) bool {
	switch n.op {
	case eoEmpty:
		return k(i)
	case eoSet:
		return i < len(m.s) && n.set[m.s[i]/64]&(1<<(m.s[i]%64)) != 0 && k(i+1)
	case eoAnchor:
		return ereAnchorAt(n.n, m.s, i) && k(i)
	case eoCat:
		return m.seq(n.subs, i, k)
	case eoAlt:
		for _, sub := range n.subs {
			if m.match(sub, i, k) {
				return true
			}
		}
		return false
	case eoGroup:
		return m.match(n.subs[0], i, func(j int) bool {
			old := m.caps[n.n]
			m.caps[n.n] = [2]int{i, j}
			if k(j) {
				return true
			}
			m.caps[n.n] = old
			return false
		})
	case eoBackref:
		c := m.caps[n.n]
		if c[0] < 0 {
			return false
		}
		t := m.s[c[0]:c[1]]
		return strings.HasPrefix(m.s[i:], t) && k(i+len(t))
	case eoRepeat:
		var rep func(count, i int) bool
		rep = func(count, i int) bool {
			if count >= n.min && k(i) {
				return true
			}
			if n.max != -1 && count >= n.max {
				return false
			}
			return m.match(n.subs[0], i, func(j int) bool {
				if j == i && count >= n.min {
					return false // an empty round adds nothing
				}
				return rep(count+1, j)
			})
		}
		return rep(0, i)
	}
	return false
}

func (m *ereBT) seq(subs []*ereNode, i int, k func(int) bool) bool {
	if len(subs) == 0 {
		return k(i)
	}
	return m.match(subs[0], i, func(j int) bool { return m.seq(subs[1:], j, k) })
}
