package main

import (
	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/syscalls"
)

// wantedSyscalls tells the tracer which syscalls the session needs to see
// in full (entry and exit), or nil for all. With a -e trace= set, the
// other calls' exits are not even read, and a launched command runs under
// a seccomp filter so they do not stop at all (ptrace/seccomp.go).
//
// Everything the session does with an untraced call must stay possible
// without its exit: today that is nothing but restart_syscall's name for
// the call it resumes, which strace's --seccomp-bpf loses the same way.
func wantedSyscalls(cfg *config) func(int) bool {
	if !cfg.traceSet || cfg.trace.Len() == allSyscalls.Len() {
		return nil
	}
	set := cfg.trace
	return set.Has
}

// allSyscalls is the set of every named syscall, to tell a -e trace= set
// that selects everything ("all", "!none").
var allSyscalls, _ = syscalls.ParseSyscallSet("all")

// needTime says whether the session uses the time of the tracer's events:
// -t/-tt/-ttt, -r, -T, the -c/-C summary with -w (without it, the summary
// counts system time from wait4's rusage), --duration, JSON and --color
// (its slow calls). Otherwise the tracer skips its clock read per stop
// (ptrace.Options.NoTime).
func needTime(cfg *config) bool {
	a := &cfg.an
	return cfg.stamp != format.NoStamp || cfg.relative || cfg.durations ||
		a.summary > 0 && a.wall || a.durationSet || a.json || a.color != "never"
}
