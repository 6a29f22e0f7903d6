package ptrace

import (
	"fmt"
	"os"
	"runtime"
	"strings"

	"golang.org/x/sys/unix"
)

// The launch stub. To trace a command from its very first execve, as strace
// does, the child must be seized before it calls execve. Go cannot run code
// between fork and exec, so gotrace starts itself again (/proc/self/exe) with
// stubEnv set: the stub waits on a pipe until the tracer has seized it, then
// execs the command. Its own syscalls until then are hidden (the thread is
// marked hidden until its execve entry), as strace hides its child's.
//
// The stub runs in init, before main, in any binary that links this package
// (gotrace and its test binaries alike).
const (
	stubEnv   = "GOTRACE_LAUNCH_STUB"
	stubWaker = "waker" // a stub that exits at once: wakes the wait loop
	stubExec  = "exec"  // a stub that execs os.Args[1] with argv os.Args[2:]
)

func init() {
	mode, ok := os.LookupEnv(stubEnv)
	if !ok {
		return
	}
	switch mode {
	case stubWaker:
		os.Exit(0)
	case stubExec:
		runStub()
	}
}

func runStub() {
	os.Unsetenv(stubEnv)
	var b [1]byte
	for {
		// Blocks until the tracer has seized us and writes a byte.
		if _, err := unix.Read(3, b[:]); err != unix.EINTR {
			break
		}
	}
	unix.Close(3)
	if len(os.Args) < 3 {
		os.Exit(1)
	}
	// A seccomp filter belongs to the thread that installs it: install
	// it in the thread that will execve.
	runtime.LockOSThread()
	stubSeccomp()
	err := unix.Exec(os.Args[1], os.Args[2:], os.Environ())
	fmt.Fprintf(os.Stderr, "gotrace: exec: %s\n", capitalize(err.Error()))
	os.Exit(1)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Launch starts path with argv and env, traced from its execve on, and
// returns its pid. It must be called from setup (see Run).
func (t *Tracer) Launch(path string, argv, env []string) (int, error) {
	self, err := os.Executable()
	if err != nil {
		self = "/proc/self/exe"
	}
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
		return 0, &Error{Op: "pipe", Pid: 0, Err: err}
	}
	r := os.NewFile(uintptr(p[0]), "stub-r")
	w := os.NewFile(uintptr(p[1]), "stub-w")
	defer r.Close()
	defer w.Close()
	args := append([]string{"gotrace-stub", path}, argv...)
	stubEnvs := append(append([]string(nil), env...), stubEnv+"="+stubExec)
	filter := t.seccompSpec()
	if filter != "" {
		stubEnvs = append(stubEnvs, seccompEnv+"="+filter)
		t.filtering = true
	}
	proc, err := os.StartProcess(self, args, &os.ProcAttr{
		Env:   stubEnvs,
		Files: []*os.File{os.Stdin, os.Stdout, os.Stderr, r},
	})
	if err != nil {
		return 0, err
	}
	pid := proc.Pid
	// Seize and interrupt like any attach; the stub is blocked reading
	// the pipe, and the interrupted read restarts by itself.
	opts := t.options()
	if t.filtering {
		// TRACESECCOMP: SECCOMP_RET_TRACE stops the tracee
		// (PTRACE_EVENT_SECCOMP). EXITKILL: a filtered tracee must not
		// outlive gotrace (see seccomp.go). Both are inherited by the
		// children it is followed into.
		opts |= unix.PTRACE_O_TRACESECCOMP | unix.PTRACE_O_EXITKILL
	}
	if err := ptrace(unix.PTRACE_SEIZE, pid, 0, uintptr(opts)); err != nil {
		_ = proc.Kill()
		return 0, &Error{Op: "PTRACE_SEIZE", Pid: pid, Err: err}
	}
	if err := ptrace(unix.PTRACE_INTERRUPT, pid, 0, 0); err != nil {
		_ = proc.Kill()
		return 0, &Error{Op: "PTRACE_INTERRUPT", Pid: pid, Err: err}
	}
	th := t.add(pid)
	th.hidden = true
	th.filtered = t.filtering
	t.launched = pid
	if _, err := w.Write([]byte{1}); err != nil {
		return pid, err
	}
	return pid, nil
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
