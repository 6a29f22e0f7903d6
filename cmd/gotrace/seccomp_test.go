package main

import "testing"

// TestDiffSeccomp: with a -e trace= set and -f, a launched command runs
// under gotrace's seccomp filter by default (ptrace/seccomp.go). Its trace
// must be what strace prints (strace without its filter), and the same
// with --no-seccomp-bpf: threads, children, signals and execve included.
func TestDiffSeccomp(t *testing.T) {
	cases := []struct {
		tracee string
		flags  []string
	}{
		{"net_tcp", []string{"-f", "-e", "trace=network"}},
		{"net_fork", []string{"-f", "-e", "trace=network"}},
		{"net_io", []string{"-f", "-e", "trace=network"}},
		{"mp_threads", []string{"-f", "-e", "trace=network,write"}},
		{"mp_fork", []string{"-f", "-e", "trace=process"}},
		{"core_signal", []string{"-f", "-e", "trace=kill,write"}},
		{"file_basic", []string{"-f", "-e", "trace=file"}},
		{"file_exec", []string{"-f", "-e", "trace=file"}},
		{"core_basic", []string{"-f", "-tt", "-T", "-e", "trace=%network,%file"}},
	}
	for _, c := range cases {
		for _, mode := range []string{"seccomp", "no-seccomp"} {
			t.Run(c.tracee+"/"+mode, func(t *testing.T) {
				requireTool(t, stracePath)
				bin := tracee(t, c.tracee)
				cmdline := append(append([]string(nil), c.flags...), "--", bin)
				own := cmdline
				if mode == "no-seccomp" {
					own = append([]string{"--no-seccomp-bpf"}, cmdline...)
				}
				dir := t.TempDir()
				want := runTracerIn(t, dir, stracePath, cmdline, "")
				got := runTracerIn(t, dir, gotraceBin, own, "")
				if got.code != want.code {
					t.Errorf("exit code: gotrace %d, strace %d", got.code, want.code)
				}
				if got.stdout != want.stdout {
					t.Errorf("tracee stdout differs:\ngotrace: %q\nstrace:  %q", got.stdout, want.stdout)
				}
				compareTraces(t, byPid(normalize(got.trace)), byPid(normalize(want.trace)))
			})
		}
	}
}
