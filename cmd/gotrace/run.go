package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"unsafe"

	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/syscalls"
	"golang.org/x/sys/unix"
)

// outBufSize is the output buffer: large, because it is flushed whenever
// the tracer is about to wait (see session.BeforeWait) anyway.
const outBufSize = 64 << 10

// run is gotrace's main: it returns the exit status. A tracee killed by a
// signal is mirrored by gotrace killing itself with the same signal, as
// strace does (so the shell sees 128+N); that never returns.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, done, err := parseArgs(args, stdout)
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			for _, w := range ue.warnings {
				fmt.Fprintf(stderr, "gotrace: %s\n", w)
			}
		}
		fmt.Fprintf(stderr, "gotrace: %v\n", err)
		if errors.As(err, &ue) && ue.hint {
			fmt.Fprintln(stderr, "Try 'gotrace -h' for more information.")
		}
		return 1
	}
	if done {
		return 0
	}
	for _, w := range cfg.warnings {
		fmt.Fprintf(stderr, "gotrace: %s\n", w)
	}
	var creds *ptrace.Creds
	if cfg.user != "" {
		if creds, err = lookupUser(cfg.user); err != nil {
			fmt.Fprintf(stderr, "gotrace: Cannot find user '%s'\n", cfg.user)
			return 1
		}
	}
	var path string
	if len(cfg.cmd) > 0 {
		path, err = lookPath(cfg.cmd[0])
		if err != nil {
			fmt.Fprintf(stderr, "gotrace: Can't stat '%s': %s\n", cfg.cmd[0], errnoText(err))
			return 1
		}
	}
	adopt := 0
	if cfg.daemon > 0 {
		switch os.Getenv(daemonStage) {
		case "1":
			return daemonStage1(cfg.daemon)
		case "2":
			adopt = daemonTarget()
		default:
			// The original process: it becomes the command.
			return daemonize(cfg, path, commandEnv(os.Environ(), cfg.env), creds, stderr)
		}
	}

	var out io.Writer = stderr
	toMsgs := true
	separate := cfg.follow >= 2 && cfg.outFile != "" // -ff: FILE.TID per thread
	if separate {
		out, toMsgs = io.Discard, false
	} else if cfg.outFile != "" {
		f, closeOut, err := openOutput(cfg.outFile, cfg.appendOut) // a file, or "|command"
		if err != nil {
			fmt.Fprintf(stderr, "gotrace: Can't fopen '%s': %s\n", cfg.outFile, errnoText(err))
			return 1
		}
		defer closeOut()
		out, toMsgs = f, false
	}
	po := format.PrinterOptions{
		Stamp: cfg.stamp, Relative: cfg.relative, Durations: cfg.durations, Column: cfg.column,
		Prefix: format.BracketPrefix, Numbers: cfg.numbers, IPs: cfg.ips,
		StampPrec: cfg.stampPrec, RelPrec: cfg.relPrec, DurPrec: cfg.durPrec,
	}
	if cfg.outFile != "" {
		po.Prefix = format.NoPrefix
		if !separate && (cfg.follow > 0 || len(cfg.pids) > 1) {
			po.Prefix = format.PlainPrefix
		}
	}
	p := format.NewPrinter(out, outBufSize, po)
	tr := ptrace.New(ptrace.Options{Follow: cfg.follow > 0, KillOnExit: cfg.killOnExit,
		Wanted: stackWanted(cfg, cfg.an.wanted(wantedSyscalls(cfg))), NoSeccomp: cfg.noSeccomp || cfg.outFile == "" || cfg.inject.noSeccomp() || cfg.detachExec, Rusage: cfg.an.needRusage(),
		NoTime: !needTime(cfg), IPs: cfg.ips, DetachOnExec: cfg.detachExec})
	s := newSession(cfg, tr, p, stderr, toMsgs)
	if separate {
		s.sep = newSepFiles(cfg.outFile, cfg.appendOut, po, stderr)
	}
	if !toMsgs {
		s.lazy = startLazyFlusher(s.flush, func() bool { return p.Buffered() > 0 || s.sep != nil })
	}

	// Fatal signals: detach and leave, re-raising the signal on ourselves
	// as strace does. strace blocks them for good with "-o FILE PROG"
	// (its -I3 default): the command then gets ^C from the terminal and
	// gotrace ends with it.
	var caught atomic.Int32
	// -I: 3 and 4 block them for good, 4 ^Z too; 1 and 2 let them
	// detach (gotrace never blocks them while decoding: its signal
	// handling only asks the loop to detach at its next wait).
	intr := cfg.intr
	if intr == 0 {
		intr = 2
		if cfg.outFile != "" && len(cfg.pids) == 0 {
			intr = 3
		}
		if cfg.daemon > 0 {
			intr = 4 // strace's default with -D
		}
	}
	blockAll := intr >= 3
	if intr == 4 {
		signal.Ignore(unix.SIGTSTP)
	}
	sigc := make(chan os.Signal, 8)
	signal.Notify(sigc, unix.SIGINT, unix.SIGTERM, unix.SIGHUP, unix.SIGQUIT, unix.SIGPIPE)
	defer signal.Stop(sigc)
	go func() {
		for sig := range sigc {
			if blockAll || sig == unix.SIGPIPE {
				continue
			}
			caught.CompareAndSwap(0, int32(sig.(syscall.Signal)))
			tr.Detach()
		}
	}()

	attached := 0
	err = tr.Run(s, func() error {
		if adopt != 0 {
			// -D: the original process waits on the pipe to exec
			// the command itself.
			if err := tr.Adopt(adopt, daemonFd); err != nil {
				return err
			}
			unix.Close(daemonFd)
			s.launched = adopt
			s.thread(adopt)
			if cfg.quiet == 0 {
				s.message("Process " + strconv.Itoa(adopt) + " attached")
			}
			attached++
		} else if path != "" {
			pid, err := tr.Launch(path, cfg.cmd, commandEnv(os.Environ(), cfg.env), creds)
			if err != nil {
				return err
			}
			s.launched = pid
			if st := s.thread(pid); s.cfg.pidComm {
				// Until its execve the command's process is gotrace's
				// child: named as gotrace, as strace's is "strace"
				// (the launch stub runs as "exe").
				st.line.Comm = readComm(os.Getpid())
			}
			attached++
		}
		for _, pid := range cfg.pids {
			if err := tr.Attach(pid, cfg.follow > 0); err != nil {
				fmt.Fprintf(stderr, "gotrace: attach: %s\n", tracerErrText(err))
				continue
			}
			attached++
		}
		if cfg.tree && attached > 0 {
			attached += attachTree(cfg.pids, tr.Tracing, func(pid int) bool {
				return tr.Attach(pid, true) == nil
			})
		}
		return nil
	})
	if s.lazy != nil {
		s.lazy.stop()
	}
	s.an.finish() // the -c summary
	s.flush()
	if s.sep != nil {
		s.noteErr(s.sep.closeAll())
	}
	if s.internalErrs > 1 {
		fmt.Fprintf(stderr, "gotrace: %d internal errors (the first reported above)\n", s.internalErrs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gotrace: %s\n", tracerErrText(err))
		return 1
	}
	if attached == 0 {
		return 1
	}
	if s.writeErr != nil {
		fmt.Fprintf(stderr, "gotrace: write to %s: %s\n", outName(cfg), errnoText(s.writeErr))
		return 1
	}
	if sig := int(caught.Load()); sig != 0 {
		if s.launched != 0 && intr == 2 && !s.ended {
			// As strace's cleanup: the command gotrace started gets
			// the signal that ended gotrace (woken first if stopped);
			// attached processes are only detached.
			_ = unix.Kill(s.launched, unix.SIGCONT)
			_ = unix.Kill(s.launched, unix.Signal(sig))
		}
		dieBySignal(sig)
	}
	if s.launched != 0 {
		if s.killedBy != 0 {
			dieBySignal(s.killedBy)
		}
		return s.exitCode
	}
	return 0
}

func outName(cfg *config) string {
	if cfg.outFile != "" {
		return cfg.outFile
	}
	return "stderr"
}

// lookPath finds the command as strace does: a name with a slash as is,
// else the first match in $PATH that is a regular executable file.
func lookPath(name string) (string, error) {
	if strings.Contains(name, "/") {
		if _, err := os.Stat(name); err != nil {
			return "", err
		}
		return name, nil
	}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", unix.ENOENT
}

// errnoText is the C library's message for an error's errno.
func errnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return syscalls.ErrnoMessage(int(errno))
	}
	return err.Error()
}

// tracerErrText prints a tracer error as strace does:
// "ptrace(PTRACE_SEIZE, 123): No such process".
func tracerErrText(err error) string {
	var pe *ptrace.Error
	if errors.As(err, &pe) {
		if pe.Op == "wait4" {
			return "wait4: " + errnoText(pe.Err)
		}
		return fmt.Sprintf("ptrace(%s, %d): %s", pe.Op, pe.Pid, errnoText(pe.Err))
	}
	return errnoText(err)
}

// dieBySignal ends gotrace by sig, as the tracee ended: the default action
// is restored behind Go's runtime (which would otherwise ignore a SIGSEGV
// sent with kill), core dumps are turned off, and the signal is raised.
func dieBySignal(sig int) {
	signal.Reset()
	_ = unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{})
	var dfl [4]uintptr // struct sigaction with sa_handler = SIG_DFL
	unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&dfl)), 0, 8, 0, 0)
	mask := uint64(1) << (sig - 1)
	unix.RawSyscall6(unix.SYS_RT_SIGPROCMASK, unix.SIG_UNBLOCK, uintptr(unsafe.Pointer(&mask)), 0, 8, 0, 0)
	unix.Tgkill(unix.Getpid(), unix.Gettid(), unix.Signal(sig))
	unix.Kill(unix.Getpid(), unix.Signal(sig))
	os.Exit(128 + sig)
}

// lookupUser finds -u's user: its uid, gid and supplementary groups, as
// strace takes them (initgroups).
func lookupUser(name string) (*ptrace.Creds, error) {
	u, err := user.Lookup(name)
	if err != nil {
		return nil, err
	}
	c := &ptrace.Creds{}
	if c.UID, err = strconv.Atoi(u.Uid); err != nil {
		return nil, err
	}
	if c.GID, err = strconv.Atoi(u.Gid); err != nil {
		return nil, err
	}
	c.Groups = append(c.Groups, c.GID)
	if ids, err := u.GroupIds(); err == nil {
		for _, id := range ids {
			if g, err := strconv.Atoi(id); err == nil && g != c.GID {
				c.Groups = append(c.Groups, g)
			}
		}
	}
	return c, nil
}

// commandEnv applies -E to the environment the command gets: VAR=VAL
// replaces or adds VAR, VAR alone removes it, in the order given.
func commandEnv(env, changes []string) []string {
	if len(changes) == 0 {
		return env
	}
	// As setenv and unsetenv do: a changed variable keeps its place, a
	// new one goes last.
	out := append([]string(nil), env...)
	for _, c := range changes {
		name, _, set := strings.Cut(c, "=")
		kept, done := out[:0], false
		for _, e := range out {
			if n, _, _ := strings.Cut(e, "="); n == name {
				if set && !done {
					kept = append(kept, c)
					done = true
				}
				continue
			}
			kept = append(kept, e)
		}
		out = kept
		if set && !done {
			out = append(out, c)
		}
	}
	return out
}
