package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The -k differential suite: every frame of every stack, against strace
// 6.1's. The tracee's own frames name its binary in the test's temporary
// directory, the same path for both runs; the addresses in brackets are
// offsets in the mapped files, stable from run to run.
func TestDiffStack(t *testing.T) {
	cases := []struct {
		name   string
		flags  []string
		args   []string
		tracee string // core_stack unless set
	}{
		// pthread_join waits in futex only when the thread is not
		// done yet, and clone3's parent_tid reads 0 once the untraced
		// thread has exited: matters of scheduling, left out.
		{"plain", []string{"-k", "-e", "trace=!futex,clone3"}, nil, ""},
		{"write-only", []string{"-k", "-e", "trace=write,getpid,getppid,exit_group"}, nil, ""},
		// futex's value is the thread's tid, which the harness does
		// not normalize: left out.
		{"threads", []string{"-k", "-f", "-e", "trace=!futex"}, nil, ""},
		{"fork", []string{"-k", "-f"}, []string{"fork"}, ""},
		{"deep", []string{"-k", "-e", "trace=getpid,exit_group"}, []string{"deep"}, ""},
		// A frame in the vDSO, then libunwind's frame-chain step.
		{"vdso", []string{"-k", "-e", "trace=clock_gettime"}, []string{"vdso"}, ""},
		{"failed", []string{"-k", "-Z", "-e", "trace=!futex"}, nil, ""},
		{"long", []string{"--stack-traces", "-e", "signal=none", "-e", "trace=rt_sigreturn,getppid"}, nil, ""},
		// C++ frames demangled as strace's libiberty prints them.
		{"cxx", []string{"-k", "-f", "-e", "trace=getpid,getppid,getuid,getgid,geteuid,getegid,write"}, nil, "cxx_stack"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			flags := c.flags
			name := c.tracee
			if name == "" {
				name = "core_stack"
			}
			diffCase(t, flags, name, c.args...)
		})
	}
}

// TestStackShapes checks the lines strace's shapes imply, on gotrace
// alone: frames under every shown call, the tracee's own functions by
// name, the outermost frame _start, the exit_group stack after the exit
// line, and the frame limit.
func TestStackShapes(t *testing.T) {
	requireTool(t, "gcc")
	bin := tracee(t, "core_stack")
	r := runTracer(t, gotraceBin, []string{"-k", "-e", "trace=write,getpid,exit_group", bin}, "")
	lines := strings.Split(strings.TrimRight(r.trace, "\n"), "\n")
	frame := regexp.MustCompile(`^ > (/\S+)\(([A-Za-z0-9_.@]*)(\+0x[0-9a-f]+)?\) \[0x[0-9a-f]+\]$`)
	var calls, frames int
	for _, l := range lines {
		if strings.HasPrefix(l, " > ") {
			if !frame.MatchString(l) {
				t.Errorf("frame line %q", l)
			}
			frames++
		} else {
			calls++
		}
	}
	if calls == 0 || frames < calls {
		t.Errorf("%d frames for %d lines:\n%s", frames, calls, r.trace)
	}
	for _, want := range []string{"(leaf_write+0x", "(middle+0x", "(main+0x", "(_start+0x"} {
		if !strings.Contains(r.trace, filepath.Base(bin)+want) {
			t.Errorf("no %q frame:\n%s", want, r.trace)
		}
	}
	if !regexp.MustCompile(`(?m)^\+\+\+ exited with 0 \+\+\+\n > .*\(_exit\+0x`).MatchString(r.trace) {
		t.Errorf("exit_group's stack does not follow the exit line:\n%s", r.trace)
	}
	d := runTracer(t, gotraceBin, []string{"-k", "-e", "trace=getpid", bin, "deep"}, "")
	if n := strings.Count(d.trace, "\n > "); n != 256+1 {
		t.Errorf("deep recursion: %d stack lines, want 256 frames and the error", n)
	}
	if !strings.Contains(d.trace, "\n > too many stack frames\n") {
		t.Errorf("no frame-limit line:\n%s", d.trace)
	}
}

// TestStackSummaryOnly: -k with -c warns as strace does and prints the
// summary alone.
func TestStackSummaryOnly(t *testing.T) {
	r := runTracer(t, gotraceBin, []string{"-c", "-k", "/bin/true"}, "")
	if !strings.HasPrefix(r.stderr, "gotrace: -k/--stack-traces has no effect with -c/--summary-only\n") {
		t.Errorf("stderr: %q", r.stderr)
	}
	if strings.Contains(r.trace, " > ") {
		t.Errorf("stack printed with -c:\n%s", r.trace)
	}
}

// TestStackPerFile: with -ff each thread's stacks go to its own file.
func TestStackPerFile(t *testing.T) {
	requireTool(t, "gcc")
	bin := tracee(t, "core_stack")
	dir := t.TempDir()
	out := filepath.Join(dir, "tr")
	r := runTracer(t, gotraceBin, []string{"-k", "-ff", "-o", out, "-e", "trace=write", bin}, "")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	files, _ := filepath.Glob(out + ".*")
	if len(files) != 2 {
		t.Fatalf("files: %v", files)
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if !strings.Contains(string(b), "(leaf_write+0x") {
			t.Errorf("%s: no leaf_write frame:\n%s", f, b)
		}
	}
}

// stackPids gives each -k frame line the pid of the line it follows, so
// byPid keeps a process's stacks with its calls.
func stackPids(s string) string {
	lines := strings.Split(s, "\n")
	pid := ""
	for i, l := range lines {
		if m := reLinePid.FindString(l); m != "" {
			pid = strings.TrimSpace(m)
			continue
		}
		if strings.HasPrefix(l, " > ") && pid != "" {
			lines[i] = pid + " " + l
		}
	}
	return strings.Join(lines, "\n")
}
