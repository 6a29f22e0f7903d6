package ptrace

import (
	"os/signal"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The launch child. Launch forks gotrace (a plain fork: no exec of itself)
// and the child runs childLaunch, in raw system calls: it waits on the pipe until the tracer has seized it, resets the
// signal handlers it inherited, sends itself stubMark, installs the seccomp
// filter and -u's credentials, and execs the command. Everything it uses
// was prepared by the parent before the fork (childArgs); it allocates
// nothing and calls only raw system calls, as Go's own fork and exec child
// does (syscall.forkAndExecInChild1): after a fork only the forking thread
// exists, so the Go runtime must not run in the child.
//
// Chosen for speed: a stub that started gotrace again (/proc/self/exe)
// paid a second Go start-up: a launch took 6.0 ms with it, 4.7 ms now.

// childArgs is what childLaunch needs, prepared before the fork.
type childArgs struct {
	pipe  uintptr // read end: a byte once the tracer has seized the child
	path  *byte
	argv  []*byte // nil-terminated
	envv  []*byte // nil-terminated
	fprog *unix.SockFprog
	// -u: the credentials, and whether there are any.
	creds    bool
	groups   []uint32
	uid, gid uintptr
	mask     uint64 // the forking thread's signal mask, for the execve
	ignored  uint64 // signals gotrace was started with ignored (bit sig-1)
}

// inheritedIgnored: the signals gotrace was started with ignored, as far
// as Go tells (bit sig-1), read before gotrace handles any. Go's runtime
// keeps an inherited SIG_IGN only for SIGHUP and SIGINT (nohup's, a
// script's background job's) and installs its own handler for the others,
// so those are the ones it can report; a command launched from gotrace
// gets them ignored again, as it would untraced.
var inheritedIgnored = func() uint64 {
	var m uint64
	for sig := 1; sig <= 64; sig++ {
		if signal.Ignored(syscall.Signal(sig)) {
			m |= 1 << (sig - 1)
		}
	}
	return m
}()

// resetDispositions sets every signal's action to what a command started
// by gotrace must inherit across its execve: ignored where gotrace was
// started with it ignored (ignored), else the default; so neither Go's
// handlers nor gotrace's own choices (-I4's ignored SIGTSTP) reach it.
//
//go:nosplit
//go:norace
func resetDispositions(ignored uint64) {
	var act [4]uint64 // struct kernel_sigaction: handler, flags, restorer, mask
	for sig := uintptr(1); sig <= 64; sig++ {
		if sig == uintptr(syscall.SIGKILL) || sig == uintptr(syscall.SIGSTOP) {
			continue
		}
		act = [4]uint64{}
		if ignored&(1<<(sig-1)) != 0 {
			act[0] = 1 // SIG_IGN
		}
		syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, sig, uintptr(unsafe.Pointer(&act[0])), 0, 8, 0, 0)
	}
}

// Messages the child writes to stderr on failure, as Creds.apply words them:
// "gotrace: exec: Permission denied" and the like.
var (
	childMsgOnce sync.Once
	childErrText [][]byte // by errno: "Permission denied\n"
	childExecMsg = []byte("gotrace: exec: ")
	childCredMsg [3][]byte // "gotrace: setgroups: " and so on, by credOps
	childUnknown = []byte("Unknown error\n")
)

func childMessages() {
	childMsgOnce.Do(func() {
		for i, op := range credOps {
			childCredMsg[i] = []byte("gotrace: " + op + ": ")
		}
		childErrText = make([][]byte, 134)
		for e := range childErrText {
			childErrText[e] = []byte(capitalize(syscall.Errno(e).Error()) + "\n")
		}
	})
}

// forkLaunch forks the launch child and returns its pid.
func forkLaunch(a *childArgs) (int, error) {
	childMessages()
	// All signals blocked across the fork, so that no Go signal handler
	// runs in the child before it resets them (as runtime_BeforeFork
	// does for package syscall); the parent's mask is back right after.
	all := ^uint64(0)
	syscall.ForkLock.Lock()
	if _, _, e := syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, unix.SIG_SETMASK, uintptr(unsafe.Pointer(&all)), uintptr(unsafe.Pointer(&a.mask)), 8, 0, 0); e != 0 {
		syscall.ForkLock.Unlock()
		return 0, e
	}
	pid, e := forkChild(a)
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, unix.SIG_SETMASK, uintptr(unsafe.Pointer(&a.mask)), 0, 8, 0, 0)
	syscall.ForkLock.Unlock()
	if e != 0 {
		return 0, e
	}
	return pid, nil
}

// forkChild forks; in the child it runs childLaunch and never returns.
//
//go:nosplit
//go:norace
func forkChild(a *childArgs) (int, syscall.Errno) {
	r, _, e := syscall.RawSyscall6(syscall.SYS_CLONE, uintptr(syscall.SIGCHLD), 0, 0, 0, 0, 0)
	if e != 0 {
		return 0, e
	}
	if r != 0 {
		return int(r), 0
	}
	childLaunch(a)
	for {
		syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 1, 0, 0)
	}
}

// childLaunch is the child's side of the launch (see the top of the file).
// On a failure it writes gotrace's message and exits with status 1.
//
//go:nosplit
//go:norace
func childLaunch(a *childArgs) {
	var b [1]byte
	for {
		n, _, e := syscall.RawSyscall(syscall.SYS_READ, a.pipe, uintptr(unsafe.Pointer(&b[0])), 1)
		if e != syscall.EINTR {
			if n != 1 {
				return
			}
			break
		}
	}
	syscall.RawSyscall(syscall.SYS_CLOSE, a.pipe, 0, 0)

	// The signals' actions as the command must inherit them, then the
	// forking thread's signal mask back, which the execve keeps (as Go's
	// own fork and exec child does).
	resetDispositions(a.ignored)
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, unix.SIG_SETMASK, uintptr(unsafe.Pointer(&a.mask)), 0, 8, 0, 0)

	// From this signal's stop on, the tracer watches (hidden) each call.
	pid, _, _ := syscall.RawSyscall(syscall.SYS_GETPID, 0, 0, 0)
	tid, _, _ := syscall.RawSyscall(syscall.SYS_GETTID, 0, 0, 0)
	syscall.RawSyscall(syscall.SYS_TGKILL, pid, tid, uintptr(stubMark))

	if a.fprog != nil {
		// Without no_new_privs first, as installSeccomp: as root a
		// set-user-ID command keeps its meaning. A failure is not fatal.
		_, _, e := syscall.RawSyscall(unix.SYS_SECCOMP, unix.SECCOMP_SET_MODE_FILTER, 0, uintptr(unsafe.Pointer(a.fprog)))
		if e == syscall.EACCES {
			if _, _, e = syscall.RawSyscall6(syscall.SYS_PRCTL, unix.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0); e == 0 {
				syscall.RawSyscall(unix.SYS_SECCOMP, unix.SECCOMP_SET_MODE_FILTER, 0, uintptr(unsafe.Pointer(a.fprog)))
			}
		}
	}
	if a.creds {
		if op, e := setCreds(a.groups, a.uid, a.gid); e != 0 {
			childFail(childCredMsg[op], e)
			return
		}
	}
	_, _, e := syscall.RawSyscall(syscall.SYS_EXECVE, uintptr(unsafe.Pointer(a.path)), uintptr(unsafe.Pointer(&a.argv[0])), uintptr(unsafe.Pointer(&a.envv[0])))
	childFail(childExecMsg, e)
}

// childFail writes "gotrace: OP: Message" to stderr.
//
//go:nosplit
//go:norace
func childFail(prefix []byte, e syscall.Errno) {
	text := childUnknown
	if int(e) < len(childErrText) {
		text = childErrText[e]
	}
	syscall.RawSyscall(syscall.SYS_WRITE, 2, uintptr(unsafe.Pointer(&prefix[0])), uintptr(len(prefix)))
	syscall.RawSyscall(syscall.SYS_WRITE, 2, uintptr(unsafe.Pointer(&text[0])), uintptr(len(text)))
}
