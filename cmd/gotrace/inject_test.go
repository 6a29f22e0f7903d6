package main

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDiffInject: syscall tampering against strace on core_inject: the
// trace, and the tracee's own output and exit status (an injection
// changes what the program does, the same way under both).
func TestDiffInject(t *testing.T) {
	set := "trace=write,getpid,chdir,getcwd,openat"
	cases := []struct {
		name  string
		flags []string
		args  []string
	}{
		{"error", []string{"-e", set, "-e", "inject=write:error=ENOSPC"}, nil},
		{"error-number", []string{"-e", set, "-e", "inject=chdir:error=13"}, nil},
		{"error-unnamed", []string{"-e", set, "-e", "inject=chdir:error=4095:when=3"}, nil},
		{"error-restart", []string{"-e", set, "-e", "inject=chdir:error=ERESTARTSYS:when=1"}, nil},
		{"error-515", []string{"-e", set, "-e", "inject=chdir:error=515:when=1"}, nil},
		{"error-520", []string{"-e", set, "-e", "inject=chdir:error=520:when=1"}, nil},
		{"retval", []string{"-e", set, "-e", "inject=write:retval=42:when=2..3"}, nil},
		{"retval-fd", []string{"-e", set, "-e", "inject=openat:retval=9:when=3"}, nil},
		{"fault", []string{"-e", set, "-e", "fault=chdir:when=2+"}, nil},
		{"fault-error-step", []string{"-e", set, "-e", "fault=getpid:error=EPERM:when=1..3+2"}, nil},
		{"when-step", []string{"-e", set, "-e", "inject=write:error=EIO:when=1+2"}, nil},
		{"when-last", []string{"-e", set, "-e", "inject=write:error=EIO:when=3:when=2..2"}, nil},
		{"signal", []string{"-e", set, "-e", "inject=getpid:signal=SIGUSR1:when=2"}, nil},
		{"signal-error", []string{"-e", set, "-e", "inject=chdir:signal=usr1:error=EACCES:when=3"}, nil},
		{"syscall-retval", []string{"-e", set, "-e", "inject=getpid:syscall=getppid:retval=7"}, nil},
		{"syscall-error", []string{"-e", set, "-e", "inject=getpid:syscall=gettid:error=EPERM:when=2"}, nil},
		{"poke-enter", []string{"-e", set, "-e", "inject=write:poke_enter=@arg2=58:when=2"}, nil},
		{"poke-exit", []string{"-e", set, "-e", "inject=getcwd:poke_exit=@arg1=41424344"}, nil},
		{"poke-retval", []string{"-e", set, "-e", "inject=write:poke_exit=@arg2=5a5a:retval=3:when=4"}, nil},
		{"poke-bad-arg", []string{"-e", set, "-e", "inject=getpid:poke_enter=@arg1=00:when=1"}, nil},
		{"several", []string{"-e", set, "-e", "inject=write:error=EIO:when=1", "-e", "inject=chdir:retval=5:when=2", "--fault=getpid:when=3"}, nil},
		{"later-wins", []string{"-e", set, "-e", "inject=write,chdir:error=EIO", "-e", "inject=write:retval=1:when=3"}, nil},
		{"untraced", []string{"-e", "trace=getpid", "-e", "inject=write:error=EIO"}, nil},
		{"class", []string{"-e", set, "-e", "inject=%process,chdir:error=EPERM:when=2"}, nil},
		{"status-failed", []string{"-e", set, "-Z", "-e", "inject=write:error=EIO:when=2..3"}, nil},
		{"stamps", []string{"-e", set, "-tt", "-T", "-e", "inject=chdir:error=ENOENT"}, nil},
		{"delay", []string{"-e", set, "-T", "-e", "inject=write:delay_enter=20ms:when=2", "-e", "inject=chdir:delay_exit=20ms:when=1"}, nil},
		{"delay-error", []string{"-e", set, "-e", "inject=chdir:delay_enter=5ms:delay_exit=5ms:error=ENOENT:when=2"}, nil},
		// -f: counted per tracee (the child's calls from 1 again), and
		// with a -e trace= set under gotrace's seccomp filter.
		{"follow", []string{"-f", "-e", set, "-e", "inject=chdir:error=ENOENT:when=2"}, []string{"fork"}},
		{"follow-seccomp", []string{"-f", "-e", "trace=write,chdir", "-e", "inject=chdir:error=ENOENT:when=2"}, []string{"fork"}},
		{"follow-seccomp-signal", []string{"-f", "-e", "trace=getpid", "-e", "inject=getpid:signal=SIGUSR1:when=2"}, []string{"fork"}},
		{"follow-seccomp-delay", []string{"-f", "-e", "trace=write", "-e", "inject=write:delay_exit=10ms:retval=1:when=3+2"}, []string{"fork"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diffCase(t, c.flags, "core_inject", c.args...)
		})
	}
}

// TestDiffInjectSummary: -c counts an injected error as an error, as
// strace does.
func TestDiffInjectSummary(t *testing.T) {
	requireTool(t, stracePath)
	bin := tracee(t, "core_inject")
	cmdline := []string{"-c", "-S", "name", "-e", "inject=chdir:error=ENOENT:when=2+", "-e", "inject=getpid:retval=1", "--", bin}
	dir := t.TempDir()
	want := runTracerIn(t, dir, stracePath, cmdline, "")
	got := runTracerIn(t, dir, gotraceBin, cmdline, "")
	assert.Equal(t, want.code, got.code)
	assert.Equal(t, want.stdout, got.stdout)
	g, w := parseSummary(t, got.trace), parseSummary(t, want.trace)
	for _, name := range []string{"chdir", "getpid", "write"} {
		assert.Equal(t, w.calls[name]+"/"+w.errs[name], g.calls[name]+"/"+g.errs[name], name)
	}
	assert.Equal(t, "3/2", g.calls["chdir"]+"/"+g.errs["chdir"])
}

// TestInjectDelayDuration: -T shows at least the delay asked at entry; a
// delay at exit holds the tracee after the line (the next call starts
// later) but is not part of the call's time, as in strace.
func TestInjectDelayDuration(t *testing.T) {
	bin := tracee(t, "core_inject")
	r := runTracer(t, gotraceBin, []string{"-ttt", "-T", "-e", "trace=write,getpid", "-e", "inject=write:delay_enter=80ms:when=2",
		"-e", "inject=getpid:delay_exit=80ms:when=1", bin}, "")
	require.Equal(t, 0, r.code, r.stderr)
	lines := strings.Split(r.trace, "\n")
	re := regexp.MustCompile(`^(\d+\.\d+) (\w+)\(.*<(\d+\.\d+)>$`)
	var stamps []float64
	var names []string
	var durs []float64
	for _, l := range lines {
		if m := re.FindStringSubmatch(l); m != nil {
			s, _ := strconv.ParseFloat(m[1], 64)
			d, _ := strconv.ParseFloat(m[3], 64)
			stamps, names, durs = append(stamps, s), append(names, m[2]), append(durs, d)
		}
	}
	require.GreaterOrEqual(t, len(names), 6, r.trace)
	assert.Equal(t, "write", names[1])
	assert.Contains(t, lines[1], "(DELAYED)")
	assert.GreaterOrEqual(t, durs[1], 0.080, "delay_enter shows in -T: %s", lines[1])
	assert.Less(t, durs[0], 0.080)
	// getpid #1 is the 5th line: its own time is short, the next call
	// starts at least 80 ms after it began.
	assert.Equal(t, "getpid", names[4])
	assert.Less(t, durs[4], 0.080, lines[4])
	assert.GreaterOrEqual(t, stamps[5]-stamps[4], 0.080, "delay_exit holds the tracee")
}

// TestInjectDelayOthersRun: while one process is held by a delay, the
// tracer goes on with the others: the child runs to its end inside the
// parent's hold, which a sleeping loop would not allow.
func TestInjectDelayOthersRun(t *testing.T) {
	bin := tracee(t, "core_inject")
	r := runTracer(t, gotraceBin, []string{"-f", "-ttt", "-e", "trace=wait4,write", "-e", "inject=wait4:delay_enter=700ms", bin, "fork"}, "")
	require.Equal(t, 0, r.code, r.stderr)
	reWait := regexp.MustCompile(`(?m)^(\d+) +(\d+\.\d+) wait4\(`)
	reExit := regexp.MustCompile(`(?m)^(\d+) +(\d+\.\d+) \+\+\+ exited with 0 \+\+\+$`)
	w := reWait.FindStringSubmatch(r.trace)
	require.NotNil(t, w, r.trace)
	var child float64
	for _, m := range reExit.FindAllStringSubmatch(r.trace, -1) {
		if m[1] != w[1] {
			child, _ = strconv.ParseFloat(m[2], 64)
		}
	}
	require.NotZero(t, child, r.trace)
	start, _ := strconv.ParseFloat(w[2], 64)
	assert.Less(t, child, start+0.6, "the child ran while its parent was held:\n%s", r.trace)
	assert.Contains(t, r.trace, "(DELAYED)")
}

// TestInjectDetach: a tracee let go (gotrace interrupted) while a call
// whose number was replaced is held at its entry gets the injected error,
// not the ENOSYS of the skipped call, and runs on untraced.
func TestInjectDetach(t *testing.T) {
	bin := tracee(t, "core_inject")
	// -I 1: interrupted, gotrace detaches and lets the command run on
	// (by default, as strace, it would pass the SIGINT to it).
	cmd := exec.Command(gotraceBin, "-I", "1", "-e", "trace=chdir", "-e", "inject=chdir:error=EACCES:delay_enter=3s:when=1", "--", bin)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var se bytes.Buffer
	cmd.Stderr = &se
	require.NoError(t, cmd.Start())
	var mu sync.Mutex
	var so bytes.Buffer
	done := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := stdout.Read(buf)
			mu.Lock()
			so.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				close(done)
				return
			}
		}
	}()
	out := func() string { mu.Lock(); defer mu.Unlock(); return so.String() }
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out(), "parent line 3") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // inside the hold of the first chdir
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	<-done // the tracee, let go, ends and closes the pipe
	cmd.Wait()
	assert.Contains(t, out(), "parent chdir0=-1 errno=13\nparent chdir1=0\nparent chdir2=0\n", "stderr: %s", se.String())
	assert.Contains(t, se.String(), "<detached ...>")
}

// TestInjectBadExpressions: each bad -e inject=/-e fault= gives strace's
// message (gotrace for strace) and exit status; the warnings strace gives
// for a retval that reads as an error are given too.
func TestInjectBadExpressions(t *testing.T) {
	requireTool(t, stracePath)
	exprs := []string{
		"inject=write", "inject=write:", "inject=write:error=ENOSPC:retval=1", "inject=write:retval=1:error=EIO",
		"inject=write:error=EFOO", "inject=write:error=0", "inject=write:error=4096", "inject=write:error=0x5",
		"inject=write:error=ENOTSUP", "inject=write:when=0:error=EIO", "inject=write:when=2..1:error=EIO",
		"inject=write:when=2..65535:error=EIO", "inject=write:when=1+0:error=EIO", "inject=write:when=x:error=EIO",
		"inject=write:when=1..:error=EIO", "inject=write:when=1.2:error=EIO", "inject=write:when=65536:error=EIO",
		"inject=write:when=:error=EIO", "inject=write:signal=SIGFOO", "inject=write:signal=0", "inject=write:signal=65",
		"inject=write:signal= 5", "inject=write:signal=1:signal=2", "inject=write:syscall=write:error=EIO",
		"inject=write:syscall=getpid", "inject=write:syscall=nosuch:error=EIO", "inject=write:syscall=getuid32:error=EIO",
		"inject=write:syscall=getpid:syscall=getppid:error=EIO", "inject=nosuch:error=EIO", "inject=:error=EIO",
		"inject=", "fault=", "inject=write,nosuch:error=EIO", "inject=nosuch:bogus=1", "inject=write:foo=1",
		"inject=write:when", "fault=write:retval=1", "fault=write:signal=SIGUSR1", "fault=write:delay_enter=1",
		"inject=write:retval=abc", "inject=write:retval=", "inject=write:retval=18446744073709551616",
		"inject=write:delay_enter=abc", "inject=write:delay_enter=-1", "inject=write:delay_enter=1x",
		"inject=write:delay_enter=1:delay_enter=2", "inject=write:delay_exit=", "inject=write:poke_enter=@arg1=zz",
		"inject=write:poke_enter=@arg8=00", "inject=write:poke_enter=@arg1=0", "inject=write:poke_enter=",
		"inject=write:poke_enter=@arg1=00:poke_enter=@arg2=00", "inject=write:poke_exit=@arg1=41,@arg1=42",
		"inject=write:poke_exit=arg1=41", "inject=write:retval=-1:error=EIO",
		// accepted, with or without a warning
		"inject=write:retval=-1", "inject=write:retval=4294967295", "inject=write:retval=4294967296",
		"inject=write:retval= +0x10", "inject=write:error=eio:when= 3..+4+", "inject=none:error=EIO",
		"inject=write:signal=rt_1", "inject=write:error=EIO::", "fault=write",
	}
	for _, e := range exprs {
		var want, got bytes.Buffer
		sc := exec.Command(stracePath, "-o", "/dev/null", "-e", e, "true")
		sc.Args[0] = "strace"
		sc.Stderr = &want
		sc.Run()
		gc := exec.Command(gotraceBin, "-o", "/dev/null", "-e", e, "true")
		gc.Stderr = &got
		gc.Run()
		w := strings.ReplaceAll(want.String(), "strace", "gotrace")
		assert.Equal(t, w, got.String(), "-e %s", e)
		assert.Equal(t, sc.ProcessState.ExitCode(), gc.ProcessState.ExitCode(), "-e %s", e)
	}
	// The long options.
	gc := exec.Command(gotraceBin, "-o", "/dev/null", "--inject=write", "true")
	out, _ := gc.CombinedOutput()
	assert.Equal(t, "gotrace: invalid inject argument 'write'\n", string(out))
	gc = exec.Command(gotraceBin, "-o", "/dev/null", "--fault=write:retval=2", "true")
	out, _ = gc.CombinedOutput()
	assert.Equal(t, "gotrace: invalid fault argument 'write:retval=2'\n", string(out))
}
