package ptrace

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// syscallInfo is struct ptrace_syscall_info (linux/ptrace.h). The union
// after SP holds, at entry, the number and six arguments; at exit, the
// return value (in Nr) and is_error (low byte of Args[0]).
type syscallInfo struct {
	Op      uint8
	_       [3]uint8
	Arch    uint32
	IP      uint64
	SP      uint64
	Nr      uint64
	Args    [6]uint64
	RetData uint32
	_       uint32
}

// Audit architectures reported by PTRACE_GET_SYSCALL_INFO.
const (
	auditArchX8664 = 0xc000003e
	auditArchI386  = 0x40000003
)

// readSyscall fills t.ev with the syscall data of a syscall stop and says
// whether it is an entry. One PTRACE_GET_SYSCALL_INFO per stop; on kernels
// without it (before 5.3), PTRACE_GETREGS and the thread's own entry/exit
// toggle.
func (t *Tracer) readSyscall(th *thread) (entry, ok bool) {
	ev := &t.ev
	if !t.noInfo {
		in := &t.info
		err := ptracePtr(unix.PTRACE_GET_SYSCALL_INFO, th.tid, unsafe.Sizeof(*in), unsafe.Pointer(in))
		switch {
		case err == unix.EIO || err == unix.EINVAL:
			t.noInfo = true
		case err != nil:
			return false, false
		case in.Op == unix.PTRACE_SYSCALL_INFO_ENTRY || in.Op == unix.PTRACE_SYSCALL_INFO_SECCOMP:
			// A seccomp stop (see seccomp.go) is a traced call's
			// entry; its nr and args sit where an entry's do.
			ev.Sysno, ev.Args, ev.Compat, ev.SP = int(in.Nr), in.Args, in.Arch == auditArchI386, in.SP
			ev.IP, ev.IPOK = in.IP, true
			return true, true
		case in.Op == unix.PTRACE_SYSCALL_INFO_EXIT:
			ev.Ret = int64(in.Nr)
			ev.IP, ev.IPOK = in.IP, true
			return false, true
		default:
			return false, false
		}
	}
	r := &t.regs
	if err := ptracePtr(unix.PTRACE_GETREGS, th.tid, 0, unsafe.Pointer(r)); err != nil {
		return false, false
	}
	ev.IP, ev.IPOK = r.Rip, true
	if th.inSyscall {
		ev.Ret = int64(r.Rax)
		return false, true
	}
	ev.Sysno, ev.SP = int(int64(r.Orig_rax)), r.Rsp
	ev.Compat = r.Cs == 0x23
	if ev.Compat {
		ev.Args = [6]uint64{r.Rbx & 0xffffffff, r.Rcx & 0xffffffff, r.Rdx & 0xffffffff, r.Rsi & 0xffffffff, r.Rdi & 0xffffffff, r.Rbp & 0xffffffff}
	} else {
		ev.Args = [6]uint64{r.Rdi, r.Rsi, r.Rdx, r.R10, r.R8, r.R9}
	}
	return true, true
}

// Regs reads the general registers of tid, stopped at the event being
// handled (for -k's stack traces). Call it from the Handler; it costs one
// PTRACE_GETREGS, so nothing calls it unless a stack is wanted.
func (t *Tracer) Regs(tid int, r *unix.PtraceRegs) error {
	return ptracePtr(unix.PTRACE_GETREGS, tid, 0, unsafe.Pointer(r))
}
