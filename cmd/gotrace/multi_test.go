package main

// Following many processes and threads (-f, -ff, -p PID -f, --tree): the
// differential suite for multi-process tracees, compared pid by pid, and
// checks of what strace does around them (messages, per-thread files,
// a clean detach).

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestDiffMulti(t *testing.T) {
	cases := []struct {
		name   string
		flags  []string
		tracee string
	}{
		{"fork", []string{"-f"}, "mp_fork"},
		{"fork-process", []string{"-f", "-e", "trace=process"}, "mp_fork"},
		{"fork-stamps", []string{"-f", "-tt", "-T", "-e", "trace=process,write"}, "mp_fork"},
		{"threads", []string{"-f", "-e", "trace=write,read,futex,exit,exit_group,clone3"}, "mp_threads"},
		{"threads-T", []string{"-f", "-T", "-e", "trace=write,read,futex,exit,exit_group,clone3"}, "mp_threads"},
		{"signals", []string{"-f"}, "mp_signals"},
		{"signals-only", []string{"-f", "-e", "trace=pipe2,kill,wait4,pause,rt_sigsuspend,restart_syscall"}, "mp_signals"},
		{"exec-thread", []string{"-f", "-e", "trace=write,execve,exit_group"}, "mp_exec"},
		{"exec-thread-read", []string{"-f", "-e", "trace=read,write,execve,exit_group,clock_nanosleep"}, "mp_exec"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			diffCase(t, c.flags, c.tracee)
		})
	}
}

// TestFollowFF compares -ff -o FILE: one file per thread, FILE.TID, each
// compared with strace's file of the same rank (files sorted by tid).
func TestFollowFF(t *testing.T) {
	requireTool(t, stracePath)
	for _, name := range []string{"mp_fork", "mp_exec"} {
		t.Run(name, func(t *testing.T) {
			bin := tracee(t, name)
			dir := t.TempDir()
			files := func(tool, base string) []string {
				cmd := exec.Command(tool, "-ff", "-o", filepath.Join(dir, base), "-e", "trace=!futex", bin)
				cmd.Dir = dir
				_ = cmd.Run()
				names, _ := filepath.Glob(filepath.Join(dir, base+".*"))
				sort.Slice(names, func(i, j int) bool { return tidOf(names[i]) < tidOf(names[j]) })
				var out []string
				for _, n := range names {
					b, err := os.ReadFile(n)
					require.NoError(t, err)
					out = append(out, reOtherPid.ReplaceAllString(normalize(string(b)), "${1}PID"))
				}
				return out
			}
			want := files(stracePath, "s")
			got := files(gotraceBin, "g")
			_, err := os.Stat(filepath.Join(dir, "g"))
			require.True(t, os.IsNotExist(err), "-ff must not create FILE itself")
			require.Equal(t, len(want), len(got), "number of per-thread files")
			for i := range want {
				compareTraces(t, got[i], want[i])
			}
		})
	}
}

// reOtherPid finds pids that a per-thread file names but never prints
// as its own.
var reOtherPid = regexp.MustCompile(`(pid changed to |superseded by execve in pid )\d+`)

func tidOf(name string) int {
	n, _ := strconv.Atoi(name[strings.LastIndexByte(name, '.')+1:])
	return n
}

// TestFollowMessages checks how new children are announced: on stderr,
// "Process N attached" when gotrace first sees each; with "-o FILE PROG",
// nothing (strace's implicit -q).
func TestFollowMessages(t *testing.T) {
	bin := tracee(t, "mp_fork")
	cmd := exec.Command(gotraceBin, "-f", "-e", "trace=none", bin)
	var se bytes.Buffer
	cmd.Stderr = &se
	require.NoError(t, cmd.Run())
	n := len(regexp.MustCompile(`(?m)^gotrace: Process \d+ attached$`).FindAllString(se.String(), -1))
	require.Equal(t, 6, n, "one message per child:\n%s", se.String())
	require.Regexp(t, `(?m)^\[pid +\d+\] \+\+\+ exited with 7 \+\+\+$`, se.String())
	require.Regexp(t, `(?m)^\[pid +\d+\] \+\+\+ killed by SIGSEGV( \(core dumped\))? \+\+\+$`, se.String())

	r := runTracer(t, gotraceBin, []string{"-f", "-e", "trace=none", bin}, "")
	require.NotContains(t, r.stderr, "attached")
	require.Regexp(t, `(?m)^\d+ +\+\+\+ exited with 0 \+\+\+$`, r.trace)
}

// taskStates reads State and TracerPid of every thread of pid.
func taskStates(t *testing.T, pid int) map[int][2]string {
	t.Helper()
	out := map[int][2]string{}
	tids, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*", pid))
	for _, d := range tids {
		b, err := os.ReadFile(filepath.Join(d, "status"))
		if err != nil {
			continue
		}
		var state, tracer string
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "State:"); ok {
				state = strings.TrimSpace(v)
			}
			if v, ok := strings.CutPrefix(sc.Text(), "TracerPid:"); ok {
				tracer = strings.TrimSpace(v)
			}
		}
		out[tidOf(strings.ReplaceAll(d, "/task/", "."))] = [2]string{state, tracer}
	}
	return out
}

// requireUntraced fails unless every thread of every pid is free of a
// tracer and not stopped.
func requireUntraced(t *testing.T, pids ...int) {
	t.Helper()
	for _, pid := range pids {
		st := taskStates(t, pid)
		require.NotEmpty(t, st, "pid %d has no threads", pid)
		for tid, s := range st {
			require.Equal(t, "0", s[1], "pid %d tid %d still traced", pid, tid)
			require.False(t, strings.HasPrefix(s[0], "t") || strings.HasPrefix(s[0], "T"), "pid %d tid %d left %s", pid, tid, s[0])
		}
	}
}

// startTracing starts gotrace with args, its trace in a file, and waits
// until it wrote want to stderr.
func startTracing(t *testing.T, want string, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(gotraceBin, args...)
	se := &syncBuffer{}
	cmd.Stderr = se
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(se.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("gotrace did not say %q: %s", want, se.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	return cmd, se
}

// stopTracing sends SIGINT and waits, with a deadline, for gotrace to end.
func stopTracing(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("gotrace did not end after SIGINT")
	}
}

// TestAttachThreads: -p PID -f seizes every thread and says so as strace
// does; -p TID alone traces that thread only; SIGINT leaves them all free.
func TestAttachThreads(t *testing.T) {
	bin := tracee(t, "mp_server")
	srv := exec.Command(bin)
	out, err := srv.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, srv.Start())
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "ready\n", line)
	pid := srv.Process.Pid
	tids := taskStates(t, pid)
	require.Len(t, tids, 5)

	g, se := startTracing(t, "attached", "-f", "-p", strconv.Itoa(pid), "-e", "trace=none")
	require.Contains(t, se.String(), fmt.Sprintf("gotrace: Process %d attached with 5 threads", pid))
	for tid, s := range taskStates(t, pid) {
		require.NotEqual(t, "0", s[1], "tid %d not traced", tid)
	}
	stopTracing(t, g)
	require.Equal(t, 5, strings.Count(se.String(), " detached\n"), se.String())
	requireUntraced(t, pid)

	// One thread alone.
	var other int
	for tid := range tids {
		if tid != pid {
			other = tid
			break
		}
	}
	g, _ = startTracing(t, "attached", "-p", strconv.Itoa(other), "-e", "trace=none")
	for tid, s := range taskStates(t, pid) {
		if tid == other {
			require.NotEqual(t, "0", s[1])
		} else {
			require.Equal(t, "0", s[1], "tid %d traced without -f", tid)
		}
	}
	stopTracing(t, g)
	requireUntraced(t, pid)
}

// TestTree: --tree -p ROOT attaches the root's existing descendants too.
func TestTree(t *testing.T) {
	bin := tracee(t, "mp_server")
	srv := exec.Command(bin, "tree")
	out, err := srv.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, srv.Start())
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	rd := bufio.NewReader(out)
	var pids []int
	for i := 0; i < 3; i++ {
		line, err := rd.ReadString('\n')
		require.NoError(t, err)
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "pid ")))
		require.NoError(t, err, line)
		pids = append(pids, n)
	}
	root := srv.Process.Pid
	g, se := startTracing(t, "attached", "--tree", "-p", strconv.Itoa(root), "-e", "trace=none")
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(se.String(), "attached") < 4 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	for _, p := range append([]int{root}, pids...) {
		require.Contains(t, se.String(), fmt.Sprintf("Process %d attached", p))
		for tid, s := range taskStates(t, p) {
			require.NotEqual(t, "0", s[1], "pid %d tid %d not traced", p, tid)
		}
	}
	stopTracing(t, g)
	requireUntraced(t, append([]int{root}, pids...)...)
}
