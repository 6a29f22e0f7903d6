package main

// Bounded stress under -f: testdata/tracees/mp_stress.c (200 threads, 100
// children, 1000 queued signals, an execve from a thread), traced from its
// start, and a detach at random moments while it runs. `make stress` runs
// more repetitions (GOTRACE_STRESS_RUNS, GOTRACE_DETACH_RUNS).

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func runsFromEnv(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// untraced runs bin and returns its stdout and exit code.
func untraced(t *testing.T, bin string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	var so bytes.Buffer
	cmd.Stdout = &so
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return so.String(), code
}

var (
	reAnyPid   = regexp.MustCompile(`(?m)^(\d+) `)
	reEndLine  = regexp.MustCompile(`(?m)^(\d+) +\+\+\+ (?:exited with \d+|killed by SIG[A-Z0-9]+(?: \(core dumped\))?) \+\+\+$`)
	reReplaced = regexp.MustCompile(`(?m)^\d+ +\+\+\+ superseded by execve in pid (\d+) \+\+\+$`)
)

// requireEveryExit checks that every thread and process in a -f -o trace
// has its exit line (a thread that exec'd lives on under the leader's pid).
func requireEveryExit(t *testing.T, trace string) {
	t.Helper()
	ended := map[string]bool{}
	for _, m := range reEndLine.FindAllStringSubmatch(trace, -1) {
		ended[m[1]] = true
	}
	for _, m := range reReplaced.FindAllStringSubmatch(trace, -1) {
		ended[m[1]] = true
	}
	seen := map[string]bool{}
	for _, m := range reAnyPid.FindAllStringSubmatch(trace, -1) {
		seen[m[1]] = true
	}
	var missing []string
	for p := range seen {
		if !ended[p] {
			missing = append(missing, p)
		}
	}
	require.Empty(t, missing, "threads without an exit line")
	require.GreaterOrEqual(t, len(seen), 300, "threads and processes seen")
}

func TestStress(t *testing.T) {
	bin := tracee(t, "mp_stress")
	wantOut, wantCode := untraced(t, bin)
	require.Equal(t, 3, wantCode)
	runs := runsFromEnv("GOTRACE_STRESS_RUNS", 3)
	for i := 0; i < runs; i++ {
		dir := t.TempDir()
		out := filepath.Join(dir, "trace")
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		cmd := exec.CommandContext(ctx, gotraceBin, "-f", "-o", out, bin)
		var so bytes.Buffer
		cmd.Stdout = &so
		err := cmd.Run()
		hung := ctx.Err() == context.DeadlineExceeded
		cancel()
		require.False(t, hung, "run %d: gotrace hung", i)
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		require.Equal(t, wantCode, code, "run %d: exit status", i)
		require.Equal(t, wantOut, so.String(), "run %d: output", i)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		requireEveryExit(t, string(b))
	}
	t.Logf("%d traced runs, all equal to the untraced run", runs)
}

// TestDetachUnderLoad attaches to a running mp_stress with -f and sends
// SIGINT at a random moment: the tracee must always finish as it does
// untraced, never left stopped (it would hang) or killed.
func TestDetachUnderLoad(t *testing.T) {
	bin := tracee(t, "mp_stress")
	wantOut, wantCode := untraced(t, bin)
	runs := runsFromEnv("GOTRACE_DETACH_RUNS", 10)
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for i := 0; i < runs; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		tr := exec.CommandContext(ctx, bin)
		var so bytes.Buffer
		tr.Stdout = &so
		require.NoError(t, tr.Start())
		time.Sleep(time.Duration(rng.Intn(10)) * time.Millisecond)
		g := exec.Command(gotraceBin, "-f", "-o", os.DevNull, "-p", strconv.Itoa(tr.Process.Pid))
		require.NoError(t, g.Start())
		time.Sleep(time.Duration(rng.Intn(60)) * time.Millisecond)
		_ = g.Process.Signal(syscall.SIGINT)
		gdone := make(chan struct{})
		go func() { _ = g.Wait(); close(gdone) }()
		select {
		case <-gdone:
		case <-time.After(30 * time.Second):
			_ = g.Process.Kill()
			t.Fatalf("run %d: gotrace did not detach", i)
		}
		err := tr.Wait()
		hung := ctx.Err() == context.DeadlineExceeded
		cancel()
		require.False(t, hung, "run %d: tracee hung after detach", i)
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			ws := ee.Sys().(syscall.WaitStatus)
			require.False(t, ws.Signaled(), "run %d: tracee killed by %v", i, ws.Signal())
			code = ee.ExitCode()
		}
		require.Equal(t, wantCode, code, "run %d", i)
		require.Equal(t, wantOut, so.String(), "run %d", i)
	}
	t.Logf("%d detaches at random moments, the tracee always finished correctly", runs)
}
