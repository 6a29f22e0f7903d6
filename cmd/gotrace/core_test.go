package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// server is a running core_server tracee.
type server struct {
	cmd  *exec.Cmd
	port int
}

func startServer(t *testing.T) *server {
	t.Helper()
	cmd := exec.Command(tracee(t, "core_server"))
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	port, err := strconv.Atoi(strings.TrimSpace(line))
	require.NoError(t, err)
	s := &server{cmd: cmd, port: port}
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Signal(syscall.SIGCONT)
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
	})
	return s
}

// request makes one request and returns the answer.
func (s *server) request(t *testing.T, body string) (string, error) {
	t.Helper()
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", s.port), 3*time.Second)
	if err != nil {
		return "", err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(3 * time.Second))
	if _, err := c.Write([]byte(body)); err != nil {
		return "", err
	}
	b, err := io.ReadAll(c)
	return string(b), err
}

func (s *server) mustServe(t *testing.T, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		resp, err := s.request(t, "GET / HTTP/1.1\r\n\r\n")
		require.NoError(t, err)
		require.True(t, strings.HasPrefix(resp, "ok "), "response %q", resp)
	}
}

func (s *server) quit(t *testing.T) {
	t.Helper()
	s.request(t, "QUIT")
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		assert.NoError(t, err, "server exit")
	case <-time.After(5 * time.Second):
		t.Error("server did not quit")
	}
}

// procStatus reads a field of /proc/PID/status.
func procStatus(t *testing.T, pid int, field string) string {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	require.NoError(t, err)
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, field+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// startGotrace runs gotrace in the background and waits until stderr says
// every pid in wantAttached is attached.
func startGotrace(t *testing.T, args []string, attached int) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(gotraceBin, args...)
	errb := &syncBuffer{}
	cmd.Stderr = errb
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(errb.String(), " attached\n") < attached {
		if time.Now().After(deadline) {
			t.Fatalf("gotrace did not attach: %q", errb.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	return cmd, errb
}

// waitExit waits for cmd and returns its exit code (128+N when killed by
// signal N).
func waitExit(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("gotrace did not exit")
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ws.ExitStatus()
}

func assertUntraced(t *testing.T, pid int) {
	t.Helper()
	assert.Equal(t, "0", procStatus(t, pid, "TracerPid"), "TracerPid of %d", pid)
}

func TestAttachDetachServer(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			srv := startServer(t)
			srv.mustServe(t, 2)
			out := filepath.Join(t.TempDir(), "out")
			pid := srv.cmd.Process.Pid
			g, errb := startGotrace(t, []string{"-p", strconv.Itoa(pid), "-o", out}, 1)
			srv.mustServe(t, 3)
			// The server closes the connection after answering: wait
			// until it is back in epoll_wait.
			waitSyscall(t, pid, unix.SYS_EPOLL_WAIT)
			require.NoError(t, g.Process.Signal(sig))
			assert.Equal(t, 128+int(sig), waitExit(t, g), "gotrace dies of the signal it got, as strace")
			assert.Contains(t, errb.String(), fmt.Sprintf("gotrace: Process %d attached\n", pid))
			assert.Contains(t, errb.String(), fmt.Sprintf("gotrace: Process %d detached\n", pid))
			trace, err := os.ReadFile(out)
			require.NoError(t, err)
			s := string(trace)
			assert.Contains(t, s, "epoll_wait(")
			assert.Regexp(t, `accept4\(3, NULL, NULL, SOCK_CLOEXEC\) += \d+\n`, s)
			assert.Regexp(t, `recvfrom\(\d+, "GET / HTTP/1.1\\r\\n\\r\\n", 255, 0, NULL, NULL\) += 18\n`, s)
			assert.Regexp(t, `write\(\d+, "ok \d+\\n", \d\) += \d\n`, s)
			// The tracee was blocked in epoll_wait at the detach.
			assert.Regexp(t, `epoll_wait\(4,  <detached \.\.\.>\n$`, s)
			assertUntraced(t, pid)
			state := procStatus(t, pid, "State")
			assert.False(t, strings.HasPrefix(state, "T") || strings.HasPrefix(state, "t"), "state %s", state)
			srv.mustServe(t, 5)
			srv.quit(t)
		})
	}
}

func TestAttachDetachUnderLoad(t *testing.T) {
	srv := startServer(t)
	pid := srv.cmd.Process.Pid
	stop := make(chan struct{})
	errs := make(chan error, 1)
	go func() {
		defer close(errs)
		for {
			select {
			case <-stop:
				return
			default:
			}
			resp, err := srv.request(t, "GET / HTTP/1.1\r\n\r\n")
			if err != nil || !strings.HasPrefix(resp, "ok ") {
				errs <- fmt.Errorf("request: %q %v", resp, err)
				return
			}
		}
	}()
	for i := 0; i < 5; i++ {
		g, _ := startGotrace(t, []string{"-q", "-p", strconv.Itoa(pid), "-o", os.DevNull}, 0)
		time.Sleep(time.Duration(20+i*15) * time.Millisecond)
		g.Process.Signal(syscall.SIGINT)
		waitExit(t, g)
		assertUntraced(t, pid)
	}
	close(stop)
	for err := range errs {
		t.Error(err)
	}
	srv.mustServe(t, 3)
	srv.quit(t)
}

func TestAttachStoppedTracee(t *testing.T) {
	srv := startServer(t)
	pid := srv.cmd.Process.Pid
	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGSTOP))
	waitState(t, pid, "T")
	out := filepath.Join(t.TempDir(), "out")
	g, _ := startGotrace(t, []string{"-p", strconv.Itoa(pid), "-o", out}, 1)
	time.Sleep(50 * time.Millisecond)
	// Still stopped under the tracer (a group-stop is resumed with
	// PTRACE_LISTEN, not run).
	assert.Contains(t, "Tt", procStatus(t, pid, "State")[:1])
	require.NoError(t, g.Process.Signal(syscall.SIGINT))
	waitExit(t, g)
	assertUntraced(t, pid)
	// Detached as it was: stopped, until SIGCONT.
	waitState(t, pid, "T")
	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGCONT))
	srv.mustServe(t, 3)

	// Stopped and continued while traced: it serves, and after the
	// detach it runs.
	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGSTOP))
	waitState(t, pid, "T")
	g, _ = startGotrace(t, []string{"-p", strconv.Itoa(pid), "-o", out}, 1)
	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGCONT))
	srv.mustServe(t, 2)
	require.NoError(t, g.Process.Signal(syscall.SIGTERM))
	waitExit(t, g)
	assertUntraced(t, pid)
	srv.mustServe(t, 2)
	trace, _ := os.ReadFile(out)
	assert.Contains(t, string(trace), "--- stopped by SIGSTOP ---\n")
	assert.Contains(t, string(trace), "--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER")
	srv.quit(t)
}

// waitSyscall waits until pid is blocked in syscall nr (/proc/PID/syscall).
func waitSyscall(t *testing.T, pid, nr int) {
	t.Helper()
	want := strconv.Itoa(nr) + " "
	deadline := time.Now().Add(3 * time.Second)
	for {
		b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/syscall", pid))
		if strings.HasPrefix(string(b), want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pid %d not blocked in syscall %d: %q", pid, nr, b)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func waitState(t *testing.T, pid int, prefix string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !strings.HasPrefix(procStatus(t, pid, "State"), prefix) {
		if time.Now().After(deadline) {
			t.Fatalf("pid %d state %q, want %s", pid, procStatus(t, pid, "State"), prefix)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestBadInput: each bad command line gives one clear "gotrace: …" line
// (plus strace's hint line where strace prints one) and a non-zero exit.
func TestBadInput(t *testing.T) {
	// A process already traced by another tracer.
	victim := exec.Command("sleep", "30")
	require.NoError(t, victim.Start())
	defer func() { victim.Process.Kill(); victim.Wait() }()
	holder, _ := startGotrace(t, []string{"-p", strconv.Itoa(victim.Process.Pid), "-o", os.DevNull}, 1)
	defer func() { holder.Process.Signal(syscall.SIGINT); holder.Wait() }()

	cases := []struct {
		args []string
		want string
	}{
		{nil, "gotrace: must have PROG [ARGS] or -p PID\nTry 'gotrace -h' for more information.\n"},
		{[]string{"-p", "999999999"}, "gotrace: attach: ptrace(PTRACE_SEIZE, 999999999): No such process\n"},
		{[]string{"-p", strconv.Itoa(victim.Process.Pid)}, fmt.Sprintf("gotrace: attach: ptrace(PTRACE_SEIZE, %d): Operation not permitted\n", victim.Process.Pid)},
		{[]string{"-p", "abc"}, "gotrace: Invalid process id: 'abc'\n"},
		{[]string{"-e", "trace=bogus", "true"}, "gotrace: invalid system call 'bogus'\n"},
		{[]string{"-e", "trace=%bogus", "true"}, "gotrace: invalid system call '%bogus'\n"},
		{[]string{"-e", "signal=FOO", "true"}, "gotrace: invalid signal 'FOO'\n"},
		{[]string{"-e", "status=bar", "true"}, "gotrace: invalid status 'bar'\n"},
		{[]string{"-X", "fancy", "true"}, "gotrace: invalid -X argument: 'fancy'\nTry 'gotrace -h' for more information.\n"},
		{[]string{"/nonexistent/cmd"}, "gotrace: Can't stat '/nonexistent/cmd': No such file or directory\n"},
		{[]string{"no-such-command-gotrace"}, "gotrace: Can't stat 'no-such-command-gotrace': No such file or directory\n"},
		{[]string{"-o", "/nonexistent/dir/out", "true"}, "gotrace: Can't fopen '/nonexistent/dir/out': No such file or directory\n"},
		{[]string{"-j", "true"}, "gotrace: invalid option -- 'j'\nTry 'gotrace -h' for more information.\n"},
		{[]string{"--bogus", "true"}, "gotrace: unrecognized option '--bogus'\nTry 'gotrace -h' for more information.\n"},
	}
	for _, c := range cases {
		cmd := exec.Command(gotraceBin, c.args...)
		var so, se bytes.Buffer
		cmd.Stdout, cmd.Stderr = &so, &se
		err := cmd.Run()
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee, "args %q", c.args)
		assert.Equal(t, 1, ee.ExitCode(), "args %q", c.args)
		assert.Equal(t, c.want, se.String(), "args %q", c.args)
		assert.Empty(t, so.String())
	}
	// The victim was not harmed: still traced by the first gotrace only,
	// and running.
	assert.NotEqual(t, "0", procStatus(t, victim.Process.Pid, "TracerPid"))
}

// TestStartupOptionsMatchStrace: -I, -b, -u and -E given bad values: the
// message and the exit status are strace's.
func TestStartupOptionsMatchStrace(t *testing.T) {
	requireTool(t, stracePath)
	for _, args := range [][]string{
		{"-I", "5", "true"}, {"-I", "sometimes", "true"}, {"--interruptible=0", "true"},
		{"-b", "open", "true"}, {"--detach-on=clone", "true"},
		{"-u", "no-such-user-gotrace", "true"},
		{"-I", "never", "-e", "trace=none", "true"}, {"-I", "4", "-e", "trace=none", "true"},
		{"-E", "GT_A=1", "-e", "trace=none", "true"},
	} {
		var want, got bytes.Buffer
		sc := exec.Command(stracePath, args...)
		sc.Args[0] = "strace"
		sc.Stderr = &want
		sc.Run()
		gc := exec.Command(gotraceBin, args...)
		gc.Stderr = &got
		gc.Run()
		w := strings.ReplaceAll(want.String(), "strace", "gotrace")
		assert.Equal(t, w, got.String(), "%q", args)
		assert.Equal(t, sc.ProcessState.ExitCode(), gc.ProcessState.ExitCode(), "%q", args)
	}
}

// TestLongFormsMatchStrace: the long forms with an optional argument
// (--absolute-timestamps=format:unix,precision:ns, --syscall-times=ms,
// --strings-in-hex=non-ascii-chars, --quiet=exit…) and their conflicts
// with the letters print what strace prints: digits are masked (the times
// change), their count is kept (the precision shows in it).
func TestLongFormsMatchStrace(t *testing.T) {
	requireTool(t, stracePath)
	digits := regexp.MustCompile(`[0-9]`)
	for _, flags := range [][]string{
		{"--absolute-timestamps"}, {"--absolute-timestamps=precision:ns"}, {"--timestamps=format:unix,precision:ms"},
		{"--timestamps=unix"}, {"--timestamps=none"}, {"--timestamps=us"}, {"-ttt", "--syscall-times=ns"},
		{"-r", "--relative-timestamps=ms"}, {"--relative-timestamps=s"}, {"--syscall-times=s"}, {"-T", "--syscall-times=ms"},
		{"--strings-in-hex"}, {"--strings-in-hex=non-ascii-chars"}, {"--strings-in-hex=non-ascii"}, {"--strings-in-hex=none"},
		{"--quiet=exit"}, {"--silent=exit"}, {"--quiet"}, {"-qqq"},
		{"-t", "--timestamps=ms"}, {"-x", "--strings-in-hex"}, {"-q", "--quiet=exit"}, {"-q", "-e", "quiet=exit"},
		{"--syscall-times=xx"}, {"--timestamps=foo"}, {"--absolute-timestamps=precision:ps"}, {"--strings-in-hex=foo"}, {"--quiet=foo"},
	} {
		args := append(append([]string(nil), flags...), "-e", "trace=write,exit_group", "printf", "a\\001\\033\\303\\251\\n")
		var want, got bytes.Buffer
		sc := exec.Command(stracePath, args...)
		sc.Args[0] = "strace"
		sc.Stderr = &want
		sc.Run()
		gc := exec.Command(gotraceBin, args...)
		gc.Stderr = &got
		gc.Run()
		w := digits.ReplaceAllString(strings.ReplaceAll(want.String(), "strace", "gotrace"), "d")
		assert.Equal(t, w, digits.ReplaceAllString(got.String(), "d"), "%q", flags)
		assert.Equal(t, sc.ProcessState.ExitCode(), gc.ProcessState.ExitCode(), "%q", flags)
	}
}

// TestDebugOption: -d adds the engine's debug lines on stderr and leaves
// the trace as it is.
func TestDebugOption(t *testing.T) {
	dir := t.TempDir()
	plain := runTracerIn(t, dir, gotraceBin, []string{"-e", "trace=exit_group", "true"}, "")
	dbg := runTracerIn(t, dir, gotraceBin, []string{"-d", "-e", "trace=exit_group", "true"}, "")
	assert.Equal(t, plain.trace, dbg.trace)
	assert.Regexp(t, `(?m)^DEBUG tid=\d+ status=0x[0-9a-f]+ `, dbg.stderr)
	assert.NotContains(t, plain.stderr, "DEBUG")
}

// TestCrossChecksMatchStrace: the option combinations strace refuses
// (with its hint) or warns about (and goes on), and -t with -r, give the
// same output, in the same order, as strace's.
func TestCrossChecksMatchStrace(t *testing.T) {
	requireTool(t, stracePath)
	digits := regexp.MustCompile(`[0-9]`)
	for _, flags := range [][]string{
		{"-U", "calls"}, {"-w"}, {"-U", "calls", "-w"}, {"-c", "-C"}, {"-ff", "-c"}, {"-C", "--output-separately", "-o", os.DevNull},
		{"-S", "calls"}, {"-A"}, {"--output-separately"}, {"-z", "-Z"}, {"--seccomp-bpf"},
		{"-S", "calls", "-A", "-z", "-Z", "--output-separately", "--seccomp-bpf"},
		{"-s", "-1"}, {"-a", "-5"}, {"-X", "foo"}, {"-r", "-ttt"}, {"-r", "-t", "-T"}, {"-c", "-w"},
	} {
		args := append(append([]string(nil), flags...), "-e", "trace=none", "true")
		var want, got bytes.Buffer
		sc := exec.Command(stracePath, args...)
		sc.Args[0] = "strace"
		sc.Stderr = &want
		sc.Run()
		gc := exec.Command(gotraceBin, args...)
		gc.Stderr = &got
		gc.Run()
		w := digits.ReplaceAllString(strings.ReplaceAll(want.String(), "strace", "gotrace"), "d")
		assert.Equal(t, w, digits.ReplaceAllString(got.String(), "d"), "%q", flags)
		assert.Equal(t, sc.ProcessState.ExitCode(), gc.ProcessState.ExitCode(), "%q", flags)
	}
}

// The same bad expressions under strace: gotrace's message is strace's.
func TestBadInputMatchesStrace(t *testing.T) {
	requireTool(t, stracePath)
	for _, e := range []string{"trace=bogus", "trace=%bogus", "signal=FOO", "status=bar", "trace=/[", "trace=open@99", "quiet=zzz", "read=x"} {
		var want, got bytes.Buffer
		sc := exec.Command(stracePath, "-e", e, "true")
		sc.Args[0] = "strace" // strace names itself by argv[0]
		sc.Stderr = &want
		sc.Run()
		gc := exec.Command(gotraceBin, "-e", e, "true")
		gc.Stderr = &got
		gc.Run()
		w := strings.ReplaceAll(want.String(), "strace", "gotrace")
		assert.Equal(t, w, got.String(), "-e %s", e)
		assert.Equal(t, sc.ProcessState.ExitCode(), gc.ProcessState.ExitCode(), "-e %s", e)
	}
}

// TestLaunchInterrupt: ^C on a terminal sends SIGINT to the foreground
// process group: gotrace and the command both get it; the command dies as
// it would untraced, and gotrace ends the same way.
func TestLaunchInterrupt(t *testing.T) {
	for _, withOut := range []bool{false, true} {
		args := []string{"sleep", "100"}
		if withOut {
			args = append([]string{"-o", filepath.Join(t.TempDir(), "out")}, args...)
		}
		cmd := exec.Command(gotraceBin, args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		errb := &syncBuffer{}
		cmd.Stderr = errb
		require.NoError(t, cmd.Start())
		time.Sleep(300 * time.Millisecond)
		require.NoError(t, syscall.Kill(-cmd.Process.Pid, syscall.SIGINT))
		assert.Equal(t, 130, waitExit(t, cmd), "with -o: %v; stderr %q", withOut, errb.String())
		// Nothing of the group is left: sleep died of the SIGINT (its
		// zombie may wait a moment for init to reap it).
		deadline := time.Now().Add(3 * time.Second)
		for syscall.Kill(-cmd.Process.Pid, 0) == nil && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		assert.ErrorIs(t, syscall.Kill(-cmd.Process.Pid, 0), syscall.ESRCH)
	}
}

// TestInterruptible: a SIGINT sent to gotrace alone, in launch mode, as
// strace 6.1 takes it. With "-o FILE PROG" it is ignored by default
// (strace's -I3) and the trace runs to the end. With -I 2 (the default
// without -o) gotrace detaches, passes the signal to the command it
// started, and ends by it. With -I 1 it ends by it and the command
// finishes untraced.
func TestInterruptible(t *testing.T) {
	for _, c := range []struct {
		flags    []string
		out      bool
		wantCode int
		finishes bool
	}{
		{nil, true, 0, true},
		{[]string{"-I", "never"}, true, 0, true},
		{[]string{"-I", "1"}, true, 130, true},
		{[]string{"--interruptible=anywhere"}, false, 130, true},
		{[]string{"-I", "2"}, true, 130, false},
		{nil, false, 130, false},
	} {
		dir := t.TempDir()
		marker := filepath.Join(dir, "done")
		args := append([]string(nil), c.flags...)
		if c.out {
			args = append(args, "-o", filepath.Join(dir, "out"))
		}
		args = append(args, "sh", "-c", "sleep 0.6; echo ok > "+marker)
		cmd := exec.Command(gotraceBin, args...)
		errb := &syncBuffer{}
		cmd.Stderr = errb
		require.NoError(t, cmd.Start())
		time.Sleep(200 * time.Millisecond)
		require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
		assert.Equal(t, c.wantCode, waitExit(t, cmd), "%q -o %v: stderr %q", c.flags, c.out, errb.String())
		time.Sleep(900 * time.Millisecond) // past the command's sleep
		b, err := os.ReadFile(marker)
		assert.Equal(t, c.finishes, err == nil && string(b) == "ok\n", "%q -o %v: the command finished", c.flags, c.out)
	}
}

// TestWriteError: a full -o file gives a clear message, a detach and a
// non-zero exit; the tracee finishes unharmed.
//
// With -f -e trace=write the command runs under the seccomp filter, which
// cannot be detached: gotrace goes on silently, and the traced write
// still works.
func TestWriteError(t *testing.T) {
	for _, flags := range [][]string{nil, {"-f", "-e", "trace=write"}} {
		dir := t.TempDir()
		marker := filepath.Join(dir, "done")
		args := append(append([]string{"-o", "/dev/full"}, flags...), "sh", "-c", "sleep 0.3; echo ok > "+marker)
		cmd := exec.Command(gotraceBin, args...)
		var se bytes.Buffer
		cmd.Stderr = &se
		err := cmd.Run()
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee)
		assert.Equal(t, 1, ee.ExitCode())
		assert.Contains(t, se.String(), "gotrace: write to /dev/full: No space left on device\n")
		deadline := time.Now().Add(5 * time.Second)
		for {
			if b, err := os.ReadFile(marker); err == nil && string(b) == "ok\n" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("flags %q: the tracee did not finish its write", flags)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// TestExitStatus: the command's status passes through; a command killed
// by a signal kills gotrace with the same signal.
func TestExitStatus(t *testing.T) {
	for _, c := range []struct {
		script string
		want   int
	}{{"exit 0", 0}, {"exit 42", 42}, {"kill -TERM $$", 128 + 15}, {"kill -SEGV $$", 128 + 11}, {"kill -KILL $$", 128 + 9}} {
		cmd := exec.Command(gotraceBin, "-o", os.DevNull, "sh", "-c", c.script)
		cmd.Run()
		got := cmd.ProcessState.ExitCode()
		if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); ws.Signaled() {
			got = 128 + int(ws.Signal())
			assert.False(t, ws.CoreDump(), "no core dump")
		}
		assert.Equal(t, c.want, got, c.script)
	}
}

// TestLineNoLoss: every line reaches the output, on a normal end.
func TestLineNoLoss(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	cmd := exec.Command(gotraceBin, "-o", out, "-e", "trace=write", "sh", "-c", "for i in $(seq 1 2000); do echo $i; done")
	cmd.Stdout = io.Discard
	require.NoError(t, cmd.Run())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 2000, strings.Count(string(b), "write(1, "))
	assert.True(t, strings.HasSuffix(string(b), "+++ exited with 0 +++\n"))
}

// TestQuietOutputShows: with -o FILE, output is buffered, but a tracee
// that goes quiet has its lines in the file while it sleeps (tail -f
// shows them), not only when gotrace ends: the entry of the sleep that
// is under way must be in the file before the tracee wakes. Pinned to
// one CPU the tracer collects stops without sleeping (the path where the
// file waits for a full buffer while the tracee is busy); after a busy
// stretch (dd's 5,000 reads and writes) the flush delay has grown.
func TestQuietOutputShows(t *testing.T) {
	requireTool(t, "taskset")
	busy := "dd if=/dev/zero of=/dev/null bs=1 count=5000 2>/dev/null; exec sleep 2"
	for _, c := range []struct {
		name string
		argv []string
	}{
		{"sleep", []string{gotraceBin, "-o", "OUT", "sleep", "2"}},
		{"pinned", []string{"taskset", "-c", "0", gotraceBin, "-o", "OUT", "sleep", "2"}},
		{"busy-pinned", []string{"taskset", "-c", "0", gotraceBin, "-f", "-o", "OUT", "sh", "-c", busy}},
		{"busy", []string{gotraceBin, "-f", "-o", "OUT", "sh", "-c", busy}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			argv := append([]string(nil), c.argv...)
			for i, a := range argv {
				if a == "OUT" {
					argv[i] = out
				}
			}
			cmd := exec.Command(argv[0], argv[1:]...)
			require.NoError(t, cmd.Start())
			done := make(chan struct{})
			go func() { cmd.Wait(); close(done) }()
			defer func() { <-done }()
			for {
				b, _ := os.ReadFile(out)
				if i := bytes.LastIndex(b, []byte("clock_nanosleep(")); i >= 0 {
					// Still asleep: its line has no end yet.
					assert.NotContains(t, string(b[i:]), "\n", "the sleep ended before its entry reached the file")
					return
				}
				select {
				case <-done:
					t.Fatalf("the sleep's entry reached the file only when gotrace ended: %q", b[max(0, len(b)-300):])
				case <-time.After(10 * time.Millisecond):
				}
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe for a writer goroutine and a reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestStderrPrefix: on stderr, "[pid N] " shows only while more than one
// process is traced — never on a launched command's first execve (the
// launch child's own threads do not count).
func TestStderrPrefix(t *testing.T) {
	requireTool(t, stracePath)
	args := []string{"-f", "-e", "trace=execve,exit_group,vfork,clone,clone3", "sh", "-c", "/bin/true; true"}
	run := func(tool string) string {
		cmd := exec.Command(tool, args...)
		cmd.Args[0] = filepath.Base(tool) // strace names itself by argv[0]
		var se bytes.Buffer
		cmd.Stderr = &se
		require.NoError(t, cmd.Run())
		s := strings.ReplaceAll(se.String(), "strace: Process", "gotrace: Process")
		return normalize(s)
	}
	// vfork blocks the parent until the child's execve, but the stops
	// that follow (the child's execve exit and the parent's vfork exit,
	// the child's exit and the parent's SIGCHLD) reach a tracer in either
	// order, and the "[pid N] " prefix of a line depends on it: runs are
	// repeated until the two orders agree (at most 8), and only a
	// difference that persists fails.
	var want, got string
	for i := 0; i < 8; i++ {
		want, got = run(stracePath), run(gotraceBin)
		if want == got {
			break
		}
	}
	assert.True(t, strings.HasPrefix(got, "execve(\"/usr/bin/sh\""), "first line: %q", got)
	compareTraces(t, got, want)
}

// TestExecFailure: a command that cannot be executed prints its failed
// execve, gotrace's "exec:" message and exit status 1, as strace does —
// nothing of the launch child's own error path.
func TestExecFailure(t *testing.T) {
	requireTool(t, stracePath)
	dir := t.TempDir()
	script := filepath.Join(dir, "noexec.sh")
	require.NoError(t, os.WriteFile(script, []byte("echo hi\n"), 0o644))
	want := runTracerIn(t, dir, stracePath, []string{"./noexec.sh"}, "")
	got := runTracerIn(t, dir, gotraceBin, []string{"./noexec.sh"}, "")
	assert.Equal(t, 1, got.code)
	assert.Equal(t, want.code, got.code)
	assert.Equal(t, "gotrace: exec: Permission denied\n", got.stderr)
	assert.Equal(t, strings.ReplaceAll(want.stderr, stracePath, "gotrace"), got.stderr)
	compareTraces(t, normalize(got.trace), normalize(want.trace))
}

// TestDaemonize: with -D the command keeps the pid gotrace was started
// with, as the child of the process that started it (the tracer runs as a
// grandchild), its exit status passes through, and the trace (written by
// the tracer, which may finish after the command) is strace -D's.
func TestDaemonize(t *testing.T) {
	requireTool(t, stracePath)
	bin := tracee(t, "core_basic")
	run := func(tool string, flags ...string) (string, int, *exec.Cmd) {
		out := filepath.Join(t.TempDir(), "trace")
		cmd := exec.Command(tool, append(append(flags, "-o", out), bin)...)
		cmd.Dir = t.TempDir()
		cmd.Run()
		deadline := time.Now().Add(10 * time.Second)
		for {
			b, _ := os.ReadFile(out)
			if regexp.MustCompile(`\+\+\+ exited with \d+ \+\+\+\n$`).Match(b) {
				return string(b), cmd.ProcessState.ExitCode(), cmd
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s -D: the trace did not end:\n%s", tool, b)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	for _, flags := range [][]string{{"-D"}, {"-DD"}, {"--daemonize=session"}} {
		want, wantCode, _ := run(stracePath, flags...)
		got, gotCode, _ := run(gotraceBin, flags...)
		assert.Equal(t, wantCode, gotCode, "%q: exit status", flags)
		compareTraces(t, normalize(got), normalize(want))
	}
	// The command is the process the test started, a child of the test.
	var so bytes.Buffer
	cmd := exec.Command(gotraceBin, "-D", "-o", os.DevNull, "sh", "-c", "echo $$ $PPID")
	cmd.Stdout = &so
	require.NoError(t, cmd.Run())
	assert.Equal(t, fmt.Sprintf("%d %d\n", cmd.Process.Pid, os.Getpid()), so.String())
}

// TestLaunchSignals: the launched command starts with the signal mask and
// the ignored signals it would have untraced: SIGHUP and SIGINT ignored
// when gotrace was started with them ignored (nohup, a script's background
// job), as under strace; nothing of gotrace's own handling (its handlers,
// -I4's and -D's ignored SIGTSTP). (Other signals ignored at gotrace's
// start are lost to Go's runtime, which takes them over before main: the
// test only asks that nothing be ignored that is not untraced.)
func TestLaunchSignals(t *testing.T) {
	// status runs tracer (if any) under sh with the traps, and returns
	// the command's SigBlk and SigIgn masks.
	status := func(traps string, tracer ...string) (blk, ign uint64) {
		t.Helper()
		script := traps + "exec \"$@\" grep -h '^Sig\\(Blk\\|Ign\\):' /proc/self/status"
		args := append([]string{"-c", script, "sh"}, tracer...)
		if len(tracer) > 0 {
			args = append(args, "-o", filepath.Join(t.TempDir(), "trace"))
		}
		out, err := exec.Command("sh", args...).Output()
		require.NoError(t, err)
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			k, v, _ := strings.Cut(l, ":")
			n, err := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
			require.NoError(t, err, l)
			if k == "SigBlk" {
				blk = n
			} else {
				ign = n
			}
		}
		return blk, ign
	}
	const hupInt = 1<<(unix.SIGHUP-1) | 1<<(unix.SIGINT-1)
	const tstp = 1 << (unix.SIGTSTP - 1)
	traps := "trap '' HUP INT; "
	baseBlk, base := status("")
	_, untraced := status(traps)
	require.Equal(t, uint64(hupInt), untraced&hupInt, "sh ignores them for the command")
	for _, flags := range [][]string{nil, {"-f", "-e", "trace=network"}, {"-I4"}, {"-D"}} {
		t.Run(strings.Join(append([]string{"flags"}, flags...), " "), func(t *testing.T) {
			blk, ign := status(traps, append([]string{gotraceBin}, flags...)...)
			assert.Equal(t, baseBlk, blk, "signals blocked")
			assert.Equal(t, uint64(hupInt), ign&hupInt, "SIGHUP and SIGINT ignored, as untraced")
			assert.Zero(t, ign&^(base|hupInt), "a signal ignored that is not untraced")
			assert.Equal(t, base&tstp, ign&tstp, "SIGTSTP")
			blk, ign = status("", append([]string{gotraceBin}, flags...)...)
			assert.Equal(t, baseBlk, blk)
			assert.Equal(t, base&(hupInt|tstp), ign&(hupInt|tstp), "without the traps")
			assert.Zero(t, ign&^base, "a signal ignored that is not untraced")
		})
	}
}
