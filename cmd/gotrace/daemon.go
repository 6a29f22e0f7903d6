package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"syscall"

	"github.com/gotrace/gotrace/ptrace"
)

// -D, --daemonize: the tracer runs as a grandchild of gotrace's original
// process, which becomes the command itself (its pid, its parent), as
// strace does. Go cannot fork, so the stages are executions of gotrace
// with the same arguments, told apart by daemonStage:
//
//	original  ptrace.ExecTraced: starts stage 1, waits until seized, execs
//	stage 1   starts stage 2 (in its own process group with -DD, session
//	          with -DDD) and exits at once: stage 2 is reparented
//	stage 2   the tracer: adopts the original process (ptrace.Tracer.Adopt)
//	          and releases it through the pipe (fd 3)
const (
	daemonStage = "GOTRACE_DAEMON_STAGE"
	daemonPid   = "GOTRACE_DAEMON_PID"
)

// daemonFd is the pipe's write end in stages 1 and 2.
const daemonFd = 3

// daemonize runs the original process's side of -D: it returns only on
// failure, with gotrace's exit status.
func daemonize(cfg *config, path string, env []string, creds *ptrace.Creds, stderr io.Writer) int {
	start := func(w *os.File) error {
		c := exec.Command("/proc/self/exe", os.Args[1:]...)
		c.Args[0] = os.Args[0]
		c.Env = append(os.Environ(), daemonStage+"=1", daemonPid+"="+strconv.Itoa(os.Getpid()))
		c.Stdin, c.Stdout, c.Stderr = nil, nil, os.Stderr
		c.ExtraFiles = []*os.File{w}
		if err := c.Start(); err != nil {
			return err
		}
		return c.Wait() // stage 1 exits as soon as stage 2 runs
	}
	err := ptrace.ExecTraced(start, path, cfg.cmd, env, creds)
	fmt.Fprintf(stderr, "gotrace: %s\n", err)
	return 1
}

// daemonStage1 starts the tracer stage and returns at once: the tracer
// is left to init (or the nearest subreaper), a grandchild of the
// original process.
func daemonStage1(level int) int {
	c := exec.Command("/proc/self/exe", os.Args[1:]...)
	c.Args[0] = os.Args[0]
	env := os.Environ()
	for i, e := range env {
		if e == daemonStage+"=1" {
			env[i] = daemonStage + "=2"
		}
	}
	c.Env = env
	c.Stdin, c.Stdout, c.Stderr = nil, nil, os.Stderr
	c.ExtraFiles = []*os.File{os.NewFile(daemonFd, "daemon-pipe")}
	switch {
	case level >= 3:
		c.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	case level == 2:
		c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	}
	if err := c.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "gotrace: %v\n", err)
		return 1
	}
	return 0
}

// daemonTarget is, in the tracer stage, the original process to adopt
// (0 in any other run).
func daemonTarget() int {
	if os.Getenv(daemonStage) != "2" {
		return 0
	}
	pid, _ := strconv.Atoi(os.Getenv(daemonPid))
	return pid
}
