package ptrace

import (
	"golang.org/x/sys/unix"
)

// Seccomp-bpf for launched commands.
//
// When only some syscalls are traced (-e trace=SET) and children are
// followed (-f: an untraced child would inherit the filter), the launch
// child (fork.go) installs a seccomp filter before its execve: SECCOMP_RET_TRACE for the
// traced numbers, SECCOMP_RET_ALLOW for the rest. The tracer sets
// PTRACE_O_TRACESECCOMP and resumes a filtered thread with PTRACE_CONT
// while it is outside a traced call, so the other syscalls run without a
// single stop. A PTRACE_EVENT_SECCOMP stop is the traced call's entry (one
// PTRACE_GET_SYSCALL_INFO reads it, op SECCOMP); the thread is then resumed
// with PTRACE_SYSCALL to catch its exit, and with PTRACE_CONT after that.
// The filter is inherited by every thread and child the command creates,
// so they keep the fast path (they are marked filtered when they appear).
//
// Safety: a filter whose SECCOMP_RET_TRACE finds no tracer fails the call
// with ENOSYS. So a filtered tracee must never outlive its tracer or be
// detached: gotrace sets PTRACE_O_EXITKILL on every tracee when a filter is
// in use (only if gotrace itself is killed does the kernel kill them, as
// under strace's --seccomp-bpf, whose kill-on-exit is implied). A detach
// request (a write error on -o) neither detaches nor kills them: the tracer
// turns passive and silently serves their stops until they exit (see
// Tracer.loop). The command line asks for the filter only with "-o FILE
// PROG", where ^C and the other fatal signals are ignored by gotrace (they
// reach the command from the terminal), so no signal asks for a detach.
// Attached processes (-p) never get a filter.
//
// Non-x86-64 calls (int $0x80, x32) always stop: the filter only allows
// native x86-64 numbers it was told are untraced.

// maxSysno bounds the syscall numbers the filter names one by one; a
// number above it (there is none on x86-64 today) always stops.
const maxSysno = 1024

// seccompRanges returns the traced syscall numbers below maxSysno as
// inclusive ranges, and whether a filter is worth having (some number is
// not traced).
func seccompRanges(wanted func(int) bool) (r [][2]int, useful bool) {
	for nr := 0; nr < maxSysno; nr++ {
		if !wanted(nr) {
			useful = true
			continue
		}
		if n := len(r); n > 0 && r[n-1][1] == nr-1 {
			r[n-1][1] = nr
		} else {
			r = append(r, [2]int{nr, nr})
		}
	}
	return r, useful
}

// Offsets in struct seccomp_data.
const (
	seccompDataNr   = 0
	seccompDataArch = 4
)

func bpfStmt(code uint16, k uint32) unix.SockFilter {
	return unix.SockFilter{Code: code, K: k}
}

func bpfJump(code uint16, k uint32, jt, jf uint8) unix.SockFilter {
	return unix.SockFilter{Code: code, Jt: jt, Jf: jf, K: k}
}

// seccompProgram builds the filter: RET_TRACE for the traced ranges (and
// for any call that is not native x86-64), RET_ALLOW for the rest. Each
// range is three instructions with its own RET_TRACE, so no jump is
// longer than two whatever the number of ranges. Its length costs nothing
// on untraced calls: it reads only the arch and the number, so the kernel
// (5.11+) caches its verdicts and skips it for every allowed call
// (measured: a shorter, early-exit version changed nothing).
func seccompProgram(ranges [][2]int) []unix.SockFilter {
	const (
		ld   = unix.BPF_LD | unix.BPF_W | unix.BPF_ABS
		jeq  = unix.BPF_JMP | unix.BPF_JEQ | unix.BPF_K
		jge  = unix.BPF_JMP | unix.BPF_JGE | unix.BPF_K
		jgt  = unix.BPF_JMP | unix.BPF_JGT | unix.BPF_K
		ret  = unix.BPF_RET | unix.BPF_K
		x32  = 0x40000000 // __X32_SYSCALL_BIT
		trap = unix.SECCOMP_RET_TRACE
	)
	p := []unix.SockFilter{
		bpfStmt(ld, seccompDataArch),
		bpfJump(jeq, unix.AUDIT_ARCH_X86_64, 1, 0),
		bpfStmt(ret, trap),
		bpfStmt(ld, seccompDataNr),
		bpfJump(jge, x32, 0, 1),
		bpfStmt(ret, trap),
		bpfJump(jge, maxSysno, 0, 1),
		bpfStmt(ret, trap),
	}
	for _, r := range ranges {
		p = append(p,
			bpfJump(jgt, uint32(r[1]), 2, 0), // above: next range
			bpfJump(jge, uint32(r[0]), 0, 1), // below: skip the return
			bpfStmt(ret, trap),
		)
	}
	return append(p, bpfStmt(ret, unix.SECCOMP_RET_ALLOW))
}

// seccompSupported reports whether this kernel has seccomp filters and
// PTRACE_O_TRACESECCOMP (Linux 3.5+; PTRACE_GET_SYSCALL_INFO's op SECCOMP
// needs 5.3, checked at the first stop). PR_GET_SECCOMP answers EINVAL
// without CONFIG_SECCOMP.
func seccompSupported() bool {
	_, err := unix.PrctlRetInt(unix.PR_GET_SECCOMP, 0, 0, 0, 0)
	return err == nil
}

// seccompRanges returns the traced ranges of the filter for a command about
// to be launched, and false when none is to be used: turned off, every
// syscall wanted, not following children (-f: a child that is not traced
// would inherit the filter and see its traced calls fail), or a kernel
// without seccomp filters. (Without PTRACE_GET_SYSCALL_INFO, a filter stop
// reads as an entry from the registers, as the thread is outside a call.)
func (t *Tracer) seccompRanges() ([][2]int, bool) {
	if t.opts.NoSeccomp || t.opts.Wanted == nil || !t.opts.Follow || !seccompSupported() {
		return nil, false
	}
	return seccompRanges(t.opts.Wanted)
}
