package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestDiffPidNamespace compares -Y and --decode-pids=pidns with strace for
// a command in its own pid namespace: pids of that namespace in return
// values and arguments are translated into the tracer's (the process's
// <comm>, and with pidns a "/* PID in …'s PID NS */" comment), a pid the
// namespace does not have is left alone. gotrace's comment names gotrace
// where strace's names strace; the rest is compared as it is.
func TestDiffPidNamespace(t *testing.T) {
	requireTool(t, stracePath)
	unshare := requireTool(t, "unshare")
	bin := tracee(t, "pidns")
	for _, flags := range [][]string{
		{"-f", "--decode-pids=pidns"},
		{"-f", "-Y"},
		{"-f", "--decode-pids=comm,pidns"},
		{"-f", "-Y", "--decode-pids=pidns"}, // the later one replaces -Y
	} {
		t.Run(strings.Join(flags, " "), func(t *testing.T) {
			cmdline := append(append([]string(nil), flags...), "--", unshare, "-p", "-f", "--mount-proc", bin)
			dir := t.TempDir()
			want := runTracerIn(t, dir, stracePath, cmdline, "")
			got := runTracerIn(t, dir, gotraceBin, cmdline, "")
			if got.code != want.code || got.stdout != want.stdout {
				t.Errorf("exit %d, stdout %q; strace: exit %d, stdout %q", got.code, got.stdout, want.code, want.stdout)
			}
			if !strings.Contains(want.trace, "in strace's PID NS") && strings.Contains(flags[len(flags)-1], "pidns") {
				t.Fatalf("strace translated nothing: is the namespace there?\n%s", want.trace)
			}
			gt := strings.ReplaceAll(got.trace, "in gotrace's PID NS", "in strace's PID NS")
			wt := want.trace
			if decodesPids(flags) {
				gt, wt = unshareChild(pidComms(gt)), unshareChild(pidComms(wt))
			}
			compareTraces(t, byPid(stackPids(normalize(gt))), byPid(stackPids(normalize(wt))))
		})
	}
}

// unshareChild: in unshare's own lines (its clone and wait4 of the
// tracee), the tracee's name is "unshare" or "pidns" as the line is
// printed before or after the tracee's execve, a race under either tracer:
// both become <unshare>.
func unshareChild(s string) string {
	return reUnshareComms.ReplaceAllStringFunc(s, func(a string) string {
		return strings.ReplaceAll(a, "<pidns>", "<unshare>")
	})
}

var reUnshareComms = regexp.MustCompile(`(?m) #<unshare>,.*$`)
