package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// need skips a test whose tool is missing, or fails it in CI (CI=true),
// where a missing tool is a broken setup.
func need(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is required in CI: %v", name, err)
			}
			t.Skipf("%s not installed: %v", name, err)
		}
	}
}

// inRoot runs the test from the repository root, where gotbench expects
// to be run (it globs testdata/bench).
func inRoot(t *testing.T) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(filepath.Join(wd, "..", "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
}

// gcc builds testdata/bench/NAME.c into dir.
func gcc(t *testing.T, dir, name string) string {
	t.Helper()
	bin := filepath.Join(dir, name)
	if out, err := exec.Command("gcc", "-O2", "-o", bin, filepath.Join("testdata", "bench", name+".c"), "-lpthread").CombinedOutput(); err != nil {
		t.Fatalf("gcc %s: %v\n%s", name, err, out)
	}
	return bin
}

var floorLine = regexp.MustCompile(`^\d+ (-?\d+)\(0x[0-9a-f]+, 0x[0-9a-f]+, 0x[0-9a-f]+\) = -?\d+$`)

// TestFloorTraces checks that the floor does the work it claims to bound:
// every syscall of a launched command, threads included, one line each;
// with -e trace=network only the network calls (through its seccomp
// filter); -c counts. Its figures mean nothing if it skips stops.
func TestFloorTraces(t *testing.T) {
	need(t, "gcc")
	inRoot(t)
	dir := t.TempDir()
	floor := gcc(t, dir, "floor")
	out := filepath.Join(dir, "out")
	lines := func(args ...string) []string {
		t.Helper()
		cmd := exec.Command(floor, append([]string{"-f", "-o", out}, args...)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("floor %v: %v\n%s", args, err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	count := func(ls []string, nr int) int {
		n := 0
		for _, l := range ls {
			if m := floorLine.FindStringSubmatch(l); m != nil && m[1] == strconv.Itoa(nr) {
				n++
			}
		}
		return n
	}

	getppid := gcc(t, dir, "getppid")
	ls := lines(getppid, "1000")
	for _, l := range ls {
		if !floorLine.MatchString(l) {
			t.Fatalf("unexpected line %q", l)
		}
	}
	if n := count(ls, int(syscall.SYS_GETPPID)); n != 1000 {
		t.Errorf("getppid 1000: %d getppid lines, want 1000", n)
	}

	threads := gcc(t, dir, "threads")
	if n := count(lines(threads, "4000"), int(syscall.SYS_GETPPID)); n != 4000 {
		t.Errorf("threads 4000: %d getppid lines, want 4000 (all four threads)", n)
	}

	// mixed: socket, bind, getsockname, then sendto and recvfrom every
	// 64th of 640 rounds; nothing else is a network call.
	mixed := gcc(t, dir, "mixed")
	ls = lines("-e", "trace=network", mixed, "640")
	if len(ls) != 3+2*10 || count(ls, int(syscall.SYS_SENDTO)) != 10 || count(ls, int(syscall.SYS_RECVFROM)) != 10 {
		t.Errorf("mixed 640 -e trace=network: %d lines, want 23 (3 setup, 10 sendto, 10 recvfrom):\n%s", len(ls), strings.Join(ls, "\n"))
	}

	ls = lines("-c", getppid, "500")
	found := false
	for _, l := range ls {
		if l == strconv.Itoa(int(syscall.SYS_GETPPID))+" 500" {
			found = true
		}
	}
	if !found {
		t.Errorf("-c: no %q line in\n%s", "110 500", strings.Join(ls, "\n"))
	}
}

// TestFloorDetach checks that the floor, attached with -p, leaves the
// process running and untraced on SIGINT, as gotrace and strace do: the
// attached rows compare sessions that end the same way.
func TestFloorDetach(t *testing.T) {
	need(t, "gcc")
	inRoot(t)
	dir := t.TempDir()
	floor := gcc(t, dir, "floor")
	threads := gcc(t, dir, "threads")
	w := exec.Command(threads, "4000000000")
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = w.Process.Kill()
		_ = w.Wait()
	}()
	time.Sleep(100 * time.Millisecond) // its threads exist
	f := exec.Command(floor, "-f", "-o", filepath.Join(dir, "out"), "-p", strconv.Itoa(w.Process.Pid))
	var stderr bytes.Buffer
	f.Stderr = &stderr
	if err := f.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := f.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := f.Wait(); err != nil {
		t.Fatalf("floor: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "attached") {
		t.Errorf("floor did not say it attached: %q", stderr.String())
	}
	tasks, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(w.Process.Pid), "task", "*", "status"))
	if len(tasks) != 5 {
		t.Fatalf("%d threads, want 5", len(tasks))
	}
	for _, p := range tasks {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.Contains(s, "TracerPid:\t0\n") {
			t.Errorf("%s: still traced:\n%s", p, s)
		}
		if strings.Contains(s, "State:\tt") || strings.Contains(s, "State:\tT") {
			t.Errorf("%s: left stopped:\n%s", p, s)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "out")); err != nil || len(b) == 0 {
		t.Errorf("no trace written before the detach (%v)", err)
	}
}

// TestBenchSmoke runs the whole driver on tiny workloads: every cell of
// every group runs (untraced, strace, gotrace, floor) without failing and
// the table has a ratio in every column.
func TestBenchSmoke(t *testing.T) {
	need(t, "gcc", "taskset", "strace")
	inRoot(t)
	*reps, *scale, *only = 1, 0.01, "getppid,tcp"
	dir := t.TempDir()
	bins := build(dir)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		done <- b
	}()
	benchWorkloads(dir, bins)
	os.Stdout = stdout
	w.Close()
	out := string(<-done)
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "getppid ") && !strings.HasPrefix(l, "tcp ") {
			continue
		}
		rows++
		if strings.Contains(l, "failed") || strings.Count(l, "×") != 4 {
			t.Errorf("row without four ratios: %q", l)
		}
	}
	if rows != 2*len(allGroups) {
		t.Errorf("%d rows, want %d:\n%s", rows, 2*len(allGroups), out)
	}
}
