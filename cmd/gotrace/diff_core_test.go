package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// diffSpec is one differential case: a tracee with its arguments, run
// under both tracers with flags.
type diffSpec struct {
	name   string
	flags  []string
	tracee string
	args   []string
}

// The core differential suite: the same tracee under strace and gotrace
// with each of the flag sets the core issue names.
func TestDiffCore(t *testing.T) {
	cases := []diffSpec{
		{"default", nil, "core_basic", nil},
		{"follow", []string{"-f"}, "core_signal", nil},
		{"stamps", []string{"-tt", "-T"}, "core_basic", nil},
		{"network", []string{"-e", "trace=network"}, "core_basic", nil},
		{"file", []string{"-e", "trace=file"}, "core_basic", nil},
		{"process", []string{"-f", "-e", "trace=process"}, "core_signal", nil},
		{"strsize", []string{"-s", "64"}, "core_basic", nil},
		{"hex", []string{"-x"}, "core_basic", nil},
		{"hexall", []string{"-xx", "-e", "trace=write"}, "core_basic", nil},
		{"failed", []string{"-e", "status=failed"}, "core_basic", nil},
		{"successful", []string{"-z"}, "core_basic", nil},
		{"column", []string{"-a", "20", "-e", "trace=write,close"}, "core_basic", nil},
		{"relative", []string{"-r", "-e", "trace=write"}, "core_basic", nil},
		{"unix-stamps", []string{"-ttt", "-e", "trace=write"}, "core_basic", nil},
		{"signals", []string{"-e", "trace=kill,write"}, "core_signal", nil},
		{"segv", []string{"-e", "trace=none"}, "core_signal", []string{"segv"}},
		{"term", []string{"-e", "trace=kill"}, "core_signal", []string{"term"}},
		{"quiet-exit", []string{"-qq", "-e", "trace=write"}, "core_basic", nil},
		{"signal-none", []string{"-e", "signal=none", "-e", "trace=kill"}, "core_signal", nil},
		// The first traced call fails (ld.so's access of
		// /etc/ld.so.preload) while the execve before it is not traced.
		{"first-fails", []string{"-e", "trace=access,write"}, "core_basic", nil},
		{"first-fails-f", []string{"-f", "-e", "trace=access,write"}, "core_basic", nil},
		{"numbers-ips", []string{"-n", "-i"}, "core_basic", nil},
		{"env", []string{"-E", "GT_A=one", "-E", "HOME", "-e", "trace=write"}, "core_startup", nil},
		{"env-replace", []string{"-E", "GT_A=one", "-E", "GT_A=two", "-e", "trace=write,execve"}, "core_startup", nil},
		{"user", []string{"-u", "nobody", "-e", "trace=getuid,getgid,getgroups,write"}, "core_startup", nil},
		{"user-f", []string{"-f", "-u", "nobody", "-e", "trace=getuid,execve,exit_group"}, "core_startup", nil},
		{"detach-on-execve", []string{"-f", "-b", "execve", "-e", "trace=execve,exit_group"}, "core_startup", nil},
		{"detach-on-long", []string{"-f", "--detach-on=execve", "-e", "trace=execve"}, "core_startup", nil},
		// Structures filled by poke_exit (strace's tampering): every
		// f_flags bit, known and unknown, in strace's order.
		{"statfs-poked", []string{"-e", "trace=statfs", "-e", "inject=statfs:poke_exit=@arg2=53ef0000000000000010000000000000010000000000000001000000000000000100000000000000010000000000000001000000000000000000000000000000ff000000000000000010000000000000ffff000000000000"}, "file_stat", nil},
		// SIOCGIFHWADDR: the address's length by hardware type.
		// SIOCGIFCONF's length as a tracee could leave it: negative
		// (a huge count: the buffer's address alone) and huge (-s
		// elements, the rest of the buffer's zeros shown).
		{"ifconf-negative", []string{"-s", "4", "-e", "trace=ioctl", "-e", "inject=ioctl:when=2:poke_exit=@arg3=d8ffffff"}, "net_ifconf", nil},
		{"ifconf-huge", []string{"-s", "4", "-e", "trace=ioctl", "-e", "inject=ioctl:when=2:poke_exit=@arg3=ffffff7f"}, "net_ifconf", nil},
		{"hwaddr-ether", []string{"-e", "trace=ioctl", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000001000102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-ether-verbose", []string{"-e", "trace=ioctl", "-X", "verbose", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000001000102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-none", []string{"-e", "trace=ioctl", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f0000000000000000000000000000feff0102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-none-verbose", []string{"-e", "trace=ioctl", "-X", "verbose", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f0000000000000000000000000000feff0102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-infiniband", []string{"-e", "trace=ioctl", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000020000102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-infiniband-verbose", []string{"-e", "trace=ioctl", "-X", "verbose", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000020000102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-slip", []string{"-e", "trace=ioctl", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000000010102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-slip-verbose", []string{"-e", "trace=ioctl", "-X", "verbose", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000000010102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-tunnel", []string{"-e", "trace=ioctl", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000000030102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-tunnel-verbose", []string{"-e", "trace=ioctl", "-X", "verbose", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f000000000000000000000000000000030102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-unknown", []string{"-e", "trace=ioctl", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f00000000000000000000000000003f030102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"hwaddr-unknown-verbose", []string{"-e", "trace=ioctl", "-X", "verbose", "-e", "inject=ioctl:when=1:poke_exit=@arg3=6c6f00000000000000000000000000003f030102030405060708090a0b0c0d0e"}, "net_hwaddr", nil},
		{"pids-comm", []string{"-Y"}, "core_pids", nil},
		{"pids-comm-f", []string{"-f", "-Y"}, "core_pids", nil},
		{"pids-comm-long", []string{"-f", "--decode-pids=comm"}, "core_pids", nil},
		{"numbers-ips-signals", []string{"-n", "-i", "-tt"}, "core_signal", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diffCase(t, c.flags, c.tracee, c.args...)
		})
	}
}

// TestDiffPinned: tracer and tracee on one CPU (taskset -c 0), where the
// loop collects a single thread's stops by yielding the CPU to it and
// probing without blocking (ptrace/tracer.go's yieldWait), the trace is
// still strace's: calls, signals, the exit, -f's switch to several
// threads and back, and one thread busy while others wait (mp_solo).
func TestDiffPinned(t *testing.T) {
	taskset := requireTool(t, "taskset")
	pin := func(tool string) string {
		w := filepath.Join(t.TempDir(), "pinned")
		require.NoError(t, os.WriteFile(w, []byte("#!/bin/sh\nexec "+taskset+" -c 0 "+tool+" \"$@\"\n"), 0o755))
		return w
	}
	strace, gotrace := pin(stracePath), pin(gotraceBin)
	cases := []diffSpec{
		{"basic", nil, "core_basic", nil},
		{"stamps", []string{"-tt", "-T"}, "core_basic", nil},
		{"signals", []string{"-f"}, "core_signal", nil},
		{"segv", []string{"-e", "trace=none"}, "core_signal", []string{"segv"}},
		{"fork", []string{"-f"}, "mp_fork", nil},
		{"threads", []string{"-f", "-e", "trace=write,read,futex,exit,exit_group,clone3"}, "mp_threads", nil},
		{"exec-thread", []string{"-f", "-e", "trace=write,execve,exit_group"}, "mp_exec", nil},
		// pthread_join's futex waits on the thread's tid.
		{"solo", []string{"-f", "-e", "trace=!futex"}, "mp_solo", nil},
		{"solo-T", []string{"-f", "-T", "-e", "trace=!futex"}, "mp_solo", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diffCaseWith(t, strace, gotrace, c.flags, c.tracee, c.args...)
		})
	}
}
