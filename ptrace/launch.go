package ptrace

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The launch. To trace a command from its very first execve, as strace
// does, the child must be seized before it calls execve: Launch forks a
// child that waits on a pipe until the tracer has seized it and then execs
// the command (fork.go). Its own syscalls until then are hidden (the
// thread is marked hidden until its execve entry), as strace hides its
// child's.
//
// gotrace also starts itself again (/proc/self/exe) with stubEnv set, in
// init, before main, in any binary that links this package (gotrace and
// its test binaries alike): as the waker, a child that exits at once,
// which wakes the wait loop (see Tracer.Detach).
const (
	stubEnv   = "GOTRACE_LAUNCH_STUB"
	stubWaker = "waker" // a stub that exits at once: wakes the wait loop
)

// stubMark is the signal the launch child (and -D's original process)
// sends itself once it is seized and about to install the filter and
// execve. Until then the tracer resumes it with PTRACE_CONT, without a
// stop at its syscalls; at the mark's signal-delivery-stop the tracer
// drops the signal and steps the child from syscall to syscall (hidden) up
// to its execve. Chosen for speed: -D's process is a Go program, whose
// runtime makes hundreds of syscalls before it gets there. SIGCHLD because
// its default action is to ignore it: were it ever delivered, it would do
// nothing.
const stubMark = unix.SIGCHLD

func init() {
	if mode, ok := os.LookupEnv(stubEnv); ok && mode == stubWaker {
		os.Exit(0)
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Launch starts path with argv and env, traced from its execve on, and
// returns its pid; with creds, the command runs as that user (-u). It must
// be called from setup (see Run).
func (t *Tracer) Launch(path string, argv, env []string, creds *Creds) (int, error) {
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
		return 0, &Error{Op: "pipe", Pid: 0, Err: err}
	}
	defer unix.Close(p[0])
	defer unix.Close(p[1])
	a := &childArgs{pipe: uintptr(p[0]), ignored: inheritedIgnored}
	var err error
	if a.path, err = syscall.BytePtrFromString(path); err != nil {
		return 0, err
	}
	if a.argv, err = syscall.SlicePtrFromStrings(argv); err != nil {
		return 0, err
	}
	if a.envv, err = syscall.SlicePtrFromStrings(env); err != nil {
		return 0, err
	}
	if ranges, ok := t.seccompRanges(); ok {
		prog := seccompProgram(ranges)
		a.fprog = &unix.SockFprog{Len: uint16(len(prog)), Filter: &prog[0]}
		t.filtering = true
	}
	if creds != nil {
		a.creds, a.uid, a.gid, a.groups = true, uintptr(creds.UID), uintptr(creds.GID), creds.groups()
	}
	pid, err := forkLaunch(a)
	if err != nil {
		return 0, err
	}
	kill := func() { _ = unix.Kill(pid, unix.SIGKILL) }
	if err := t.adopt(pid, p[1]); err != nil {
		kill()
		return 0, err
	}
	return pid, nil
}

// Adopt takes over a process that waits, blocked reading a pipe, to exec
// the command (-D: gotrace's original process, of which this tracer is a
// grandchild; see ExecTraced): it is seized like the launch child, hidden
// until its execve, and let go by a byte on the pipe's write end w. It
// must be called from setup (see Run).
func (t *Tracer) Adopt(pid, w int) error {
	return t.adopt(pid, w)
}

// adopt seizes a process waiting on a pipe to exec the command (the
// launch child, or -D's original process) and releases it.
func (t *Tracer) adopt(pid, w int) error {
	// Seize and interrupt like any attach; the process is blocked
	// reading the pipe, and the interrupted read restarts by itself.
	opts := t.options()
	if t.filtering {
		// TRACESECCOMP: SECCOMP_RET_TRACE stops the tracee
		// (PTRACE_EVENT_SECCOMP). EXITKILL: a filtered tracee must not
		// outlive gotrace (see seccomp.go). Both are inherited by the
		// children it is followed into.
		opts |= unix.PTRACE_O_TRACESECCOMP | unix.PTRACE_O_EXITKILL
	}
	if err := ptrace(unix.PTRACE_SEIZE, pid, 0, uintptr(opts)); err != nil {
		return &Error{Op: "PTRACE_SEIZE", Pid: pid, Err: err}
	}
	if err := ptrace(unix.PTRACE_INTERRUPT, pid, 0, 0); err != nil {
		return &Error{Op: "PTRACE_INTERRUPT", Pid: pid, Err: err}
	}
	th := t.add(pid)
	th.hidden = true
	th.stubRun = true
	th.filtered = t.filtering
	t.launched, t.someHidden = pid, true
	if _, err := unix.Write(w, []byte{1}); err != nil {
		return err
	}
	return nil
}

// ExecTraced is -D's side of the launch, in gotrace's original process: it
// starts the tracer (start, which gets the write end of a pipe and must
// arrange for a grandchild to Adopt this process), waits until the tracer
// has seized it, and execs the command, as the launch child does; so the
// command keeps the pid its parent started. It returns only on failure.
// It must run on the process's main thread (tid == pid: the tracer seizes
// that thread): cmd/gotrace locks its main goroutine to it from init.
func ExecTraced(start func(w *os.File) error, path string, argv, env []string, creds *Creds) error {
	runtime.LockOSThread()
	if unix.Gettid() != unix.Getpid() {
		return fmt.Errorf("-D: Not on the main thread")
	}
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	if err := start(w); err != nil {
		return err
	}
	w.Close()
	var b [1]byte
	n := 0
	for {
		if n, err = unix.Read(int(r.Fd()), b[:]); err != unix.EINTR {
			break
		}
	}
	r.Close()
	if n != 1 {
		return fmt.Errorf("-D: The tracer did not attach")
	}
	_ = unix.Tgkill(unix.Getpid(), unix.Gettid(), stubMark)
	if creds != nil {
		if err := creds.apply(); err != nil {
			return err
		}
	}
	// The command inherits the signals gotrace was started with ignored,
	// and no other (-D ignores SIGTSTP, as -I4).
	resetDispositions(inheritedIgnored)
	err = unix.Exec(path, argv, env)
	return fmt.Errorf("exec: %s", capitalize(err.Error()))
}

// Launched returns the pid started by Launch, or 0.
func (t *Tracer) Launched() int { return t.launched }

// startWaker starts a child that exits at once; its exit wakes a wait4(-1).
func startWaker() (int, error) {
	self, err := os.Executable()
	if err != nil {
		self = "/proc/self/exe"
	}
	p, err := os.StartProcess(self, []string{"gotrace-waker"}, &os.ProcAttr{
		Env: []string{stubEnv + "=" + stubWaker},
	})
	if err != nil {
		return 0, err
	}
	return p.Pid, nil
}

// Creds are the user, group and supplementary groups a launched command
// runs as (-u).
type Creds struct {
	UID, GID int
	Groups   []int
}

// apply takes on the credentials in the calling thread only (raw calls):
// the execve that follows leaves no other thread.
func (c *Creds) apply() error {
	groups := c.groups()
	if op, e := setCreds(groups, uintptr(c.UID), uintptr(c.GID)); e != 0 {
		return fmt.Errorf("%s: %s", credOps[op], capitalize(e.Error()))
	}
	return nil
}

// groups is Groups as setgroups takes them.
func (c *Creds) groups() []uint32 {
	g := make([]uint32, len(c.Groups))
	for i, x := range c.Groups {
		g[i] = uint32(x)
	}
	return g
}

// credOps names setCreds' steps in gotrace's messages.
var credOps = [3]string{"setgroups", "setregid", "setreuid"}

// setCreds takes on groups, gid and uid in the calling thread only (raw
// calls, nothing else: the launch child runs it after its fork). On a
// failure it returns the step (an index of credOps) and the errno.
//
//go:nosplit
//go:norace
func setCreds(groups []uint32, uid, gid uintptr) (int, syscall.Errno) {
	var gp uintptr
	if len(groups) > 0 {
		gp = uintptr(unsafe.Pointer(&groups[0]))
	}
	if _, _, e := syscall.RawSyscall(syscall.SYS_SETGROUPS, uintptr(len(groups)), gp, 0); e != 0 {
		return 0, e
	}
	if _, _, e := syscall.RawSyscall(syscall.SYS_SETRESGID, gid, gid, gid); e != 0 {
		return 1, e
	}
	if _, _, e := syscall.RawSyscall(syscall.SYS_SETRESUID, uid, uid, uid); e != 0 {
		return 2, e
	}
	return 0, 0
}
