package main

// The analysis suite (issue 4): -y/-yy and --decode-fds, -e read=/write=
// dumps, -P, -z/-Z and -e status=, -e raw=/abbrev= against strace on the
// same tracees; the -c table's layout, calls and errors against strace;
// --duration, the JSON stream and --summary-by on their own.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// reInodes are the kernel's inode numbers in fd decorations: pipe:[N],
// TCP:[N], UNIX-STREAM:[N->M], socket:[N].
var (
	reInodeA = regexp.MustCompile(`:\[(\d{3,})`)
	reInodeB = regexp.MustCompile(`->(\d{3,})\]`)
	rePidTid = regexp.MustCompile(`(set_tid_address\(0xADDR\) += )\d+`)
	rePidfd  = regexp.MustCompile(`(pidfd_open\()\d+|<pid:\d+>`)
)

// normalizeFds is normalize plus the inode numbers of fd decorations.
func normalizeFds(s string) string {
	s = normalize(s)
	s = reInodeA.ReplaceAllString(s, ":[INO")
	s = reInodeB.ReplaceAllString(s, "->INO]")
	s = rePidTid.ReplaceAllString(s, "${1}PID")
	return rePidfd.ReplaceAllString(s, "PIDFD")
}

// diffFds is diffCase with fd-decoration normalization, run in one working
// directory for both tracers.
func diffFds(t *testing.T, flags []string, name string, args ...string) {
	t.Helper()
	requireTool(t, stracePath)
	bin := tracee(t, name)
	cmdline := append(append(append([]string(nil), flags...), "--", bin), args...)
	dir := t.TempDir()
	want := runTracerIn(t, dir, stracePath, cmdline, "")
	got := runTracerIn(t, dir, gotraceBin, cmdline, "")
	if got.code != want.code {
		t.Errorf("exit code: gotrace %d, strace %d", got.code, want.code)
	}
	if g, w := progName(got.stderr), progName(want.stderr); g != w {
		t.Errorf("stderr differs:\ngotrace: %q\nstrace:  %q", g, w)
	}
	compareTraces(t, normalizeFds(got.trace), normalizeFds(want.trace))
}

// progName names both tools "TOOL" in their messages.
func progName(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, stracePath, "TOOL"), "gotrace", "TOOL")
}

func TestDiffAnalysis(t *testing.T) {
	cases := []struct {
		name   string
		flags  []string
		tracee string
	}{
		{"y", []string{"-y"}, "an_fds"},
		{"yy", []string{"-yy"}, "an_fds"},
		{"decode-fds-dev", []string{"-e", "decode-fds=dev"}, "an_fds"},
		{"decode-fds-socket", []string{"--decode-fds=socket"}, "an_fds"},
		{"decode-fds-path-dev", []string{"-e", "decode-fds=path,dev"}, "an_fds"},
		{"yy-network", []string{"-yy", "-e", "trace=%network"}, "an_fds"},
		{"yy-files", []string{"-yy", "-e", "trace=%desc"}, "core_basic"},
		{"dump-all", []string{"-e", "read=all", "-e", "write=all"}, "an_io"},
		{"dump-some", []string{"-e", "write=4,5", "-e", "read=3"}, "an_io"},
		{"dump-net", []string{"-e", "read=6", "-e", "write=5", "-e", "trace=%network"}, "an_io"},
		{"dump-none", []string{"-e", "read=!all", "-e", "write=none"}, "an_io"},
		{"dump-yy", []string{"-yy", "-e", "write=1", "-e", "trace=write"}, "core_basic"},
		{"P-file", []string{"-P", "/etc/hostname"}, "an_fds"},
		{"P-dev", []string{"-P", "/dev/null", "-y"}, "an_fds"},
		{"P-dir", []string{"-P", "/tmp"}, "an_fds"},
		{"P-symlink", []string{"-P", "/lib/x86_64-linux-gnu/libc.so.6"}, "core_basic"},
		{"P-quiet", []string{"-e", "quiet=path-resolution", "-P", "/lib/x86_64-linux-gnu/libc.so.6"}, "core_basic"},
		{"P-relative", []string{"-P", "an_fds.sock", "-P", "/etc/passwd"}, "an_fds"},
		{"z", []string{"-z"}, "an_fds"},
		{"Z", []string{"-Z"}, "an_fds"},
		{"Z-yy", []string{"-Z", "-yy"}, "an_fds"},
		{"status-failed-unfinished", []string{"-e", "status=failed,unfinished"}, "an_fds"},
		{"status-not-successful", []string{"-e", "status=!successful"}, "core_basic"},
		{"status-unfinished", []string{"-e", "status=unfinished"}, "core_basic"},
		{"raw", []string{"-e", "raw=openat,read,close,exit_group,dup2"}, "an_fds"},
		{"raw-all", []string{"-e", "raw=all", "-e", "trace=write,lseek,mmap"}, "core_basic"},
		{"abbrev-none", []string{"-e", "abbrev=none", "-e", "trace=newfstatat,execve"}, "an_fds"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			diffFds(t, c.flags, c.tracee)
		})
	}
}

// summaryTable is a -c table read back: its header and divider, and per
// syscall the calls and errors and the raw line.
type summaryTable struct {
	header, divider string
	order           []string
	calls, errs     map[string]string
	total           []string
	lines           map[string]string
}

// The number formats of the table's columns.
var (
	reSecs    = regexp.MustCompile(`^\d+\.\d{6}$`)
	rePercent = regexp.MustCompile(`^\d+\.\d\d$`)
	reInt     = regexp.MustCompile(`^\d+$`)
)

// parseSummary reads a default-column -c table (% time, seconds,
// usecs/call, calls, errors, syscall), checking each time field's format.
func parseSummary(t *testing.T, text string) summaryTable {
	t.Helper()
	st := summaryTable{calls: map[string]string{}, errs: map[string]string{}, lines: map[string]string{}}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "% time") {
			start = i
			break
		}
	}
	if start < 0 || len(lines) < start+4 {
		t.Fatalf("no summary table in:\n%s", text)
	}
	st.header, st.divider = lines[start], lines[start+1]
	for _, l := range lines[start+2:] {
		if l == st.divider {
			continue
		}
		f := strings.Fields(l)
		if len(f) < 5 {
			t.Fatalf("short summary line %q", l)
		}
		name := f[len(f)-1]
		if !rePercent.MatchString(f[0]) || !reSecs.MatchString(f[1]) || !reInt.MatchString(f[2]) || !reInt.MatchString(f[3]) {
			t.Errorf("malformed summary line %q", l)
		}
		errs := ""
		if len(f) == 6 {
			errs = f[4]
		}
		if name == "total" {
			st.total = []string{f[3], errs}
			continue
		}
		st.order = append(st.order, name)
		st.calls[name], st.errs[name], st.lines[name] = f[3], errs, l
	}
	return st
}

// TestDiffSummary compares -c tables with strace's: the same header and
// divider, the same syscalls with the same calls and errors, well-formed
// times; with -S calls, name or nothing the same order too.
func TestDiffSummary(t *testing.T) {
	requireTool(t, stracePath)
	cases := []struct {
		name      string
		flags     []string
		tracee    string
		args      []string
		sameOrder bool
	}{
		{"c", []string{"-c"}, "an_fds", nil, false},
		{"c-w", []string{"-c", "-w"}, "core_basic", nil, false},
		{"c-calls", []string{"-c", "-S", "calls"}, "an_fds", nil, true},
		{"c-name", []string{"-c", "-S", "name"}, "an_io", nil, true},
		{"c-nothing", []string{"-c", "-S", "nothing"}, "an_fds", nil, true},
		{"c-errors", []string{"-c", "-S", "errors", "-e", "trace=%file"}, "core_basic", nil, false},
		{"c-trace", []string{"-c", "-e", "trace=%network", "-S", "calls"}, "an_fds", nil, true},
		{"c-Z", []string{"-c", "-Z", "-S", "name"}, "core_basic", nil, true},
		{"c-f", []string{"-c", "-f", "-S", "calls"}, "an_slow", []string{"fork"}, true},
		{"c-O", []string{"-c", "-O", "1us", "-S", "name"}, "core_basic", nil, true},
		{"C", []string{"-C", "-e", "trace=close,write", "-S", "name"}, "core_basic", nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bin := tracee(t, c.tracee)
			cmdline := append(append(append([]string(nil), c.flags...), "--", bin), c.args...)
			dir := t.TempDir()
			want := runTracerIn(t, dir, stracePath, cmdline, "")
			got := runTracerIn(t, dir, gotraceBin, cmdline, "")
			if got.code != want.code {
				t.Errorf("exit code: gotrace %d, strace %d", got.code, want.code)
			}
			g, w := parseSummary(t, got.trace), parseSummary(t, want.trace)
			if g.header != w.header || g.divider != w.divider {
				t.Errorf("header:\ngotrace: %q\n         %q\nstrace:  %q\n         %q", g.header, g.divider, w.header, w.divider)
			}
			names := func(m map[string]string) []string {
				var n []string
				for k := range m {
					n = append(n, k)
				}
				sort.Strings(n)
				return n
			}
			if gn, wn := names(g.calls), names(w.calls); strings.Join(gn, ",") != strings.Join(wn, ",") {
				t.Errorf("syscalls:\ngotrace: %v\nstrace:  %v", gn, wn)
			}
			for name, wc := range w.calls {
				if g.calls[name] != wc || g.errs[name] != w.errs[name] {
					t.Errorf("%s: gotrace %s calls %q errors, strace %s calls %q errors", name, g.calls[name], g.errs[name], wc, w.errs[name])
				}
				// the columns line up as strace's do
				if gl, wl := g.lines[name], w.lines[name]; len(gl) != len(wl) && len(strings.Fields(gl)[1]) == len(strings.Fields(wl)[1]) && len(strings.Fields(gl)[2]) == len(strings.Fields(wl)[2]) {
					t.Errorf("layout:\ngotrace: %q\nstrace:  %q", gl, wl)
				}
			}
			if strings.Join(g.total, "/") != strings.Join(w.total, "/") {
				t.Errorf("total calls/errors: gotrace %v, strace %v", g.total, w.total)
			}
			if c.sameOrder && strings.Join(g.order, ",") != strings.Join(w.order, ",") {
				t.Errorf("order:\ngotrace: %v\nstrace:  %v", g.order, w.order)
			}
			if strings.HasPrefix(c.name, "C") {
				// -C: the trace before the table, as strace prints it
				cut := func(s string) string { return normalize(s[:strings.Index(s, "% time")]) }
				compareTraces(t, cut(got.trace), cut(want.trace))
			}
		})
	}
}

// TestSummaryColumns checks -U's layout against strace for the columns
// strace has: the header and the divider (their widths) are equal.
func TestSummaryColumns(t *testing.T) {
	requireTool(t, stracePath)
	bin := tracee(t, "core_basic")
	for _, cols := range []string{"calls,errors,name", "name,calls,min-time,max-time", "total-time,avg-time,calls", "errors,calls,shortest,longest,syscall,time-percent"} {
		t.Run(cols, func(t *testing.T) {
			cmd := []string{"-c", "-w", "-U", cols, "-S", "name", "--", bin}
			dir := t.TempDir()
			want := runTracerIn(t, dir, stracePath, cmd, "")
			got := runTracerIn(t, dir, gotraceBin, cmd, "")
			gl, wl := strings.Split(got.trace, "\n"), strings.Split(want.trace, "\n")
			if len(gl) != len(wl) {
				t.Fatalf("gotrace %d lines, strace %d:\n%s\n%s", len(gl), len(wl), got.trace, want.trace)
			}
			if gl[0] != wl[0] || gl[1] != wl[1] {
				t.Errorf("header:\ngotrace: %q\n         %q\nstrace:  %q\n         %q", gl[0], gl[1], wl[0], wl[1])
			}
			// every line has the same shape: a number, or a time, where
			// strace has one
			shape := regexp.MustCompile(`\d+\.\d{6}|\d+\.\d\d|\d+`)
			for i := range wl {
				gs := shape.ReplaceAllStringFunc(gl[i], func(s string) string { return strings.Repeat("N", 1) + strconv.Itoa(strings.Count(s, ".")) })
				ws := shape.ReplaceAllStringFunc(wl[i], func(s string) string { return strings.Repeat("N", 1) + strconv.Itoa(strings.Count(s, ".")) })
				if strings.Join(strings.Fields(gs), " ") != strings.Join(strings.Fields(ws), " ") {
					t.Errorf("line %d:\ngotrace: %q\nstrace:  %q", i, gl[i], wl[i])
				}
			}
		})
	}
	// bad -S and -U: strace's messages
	for _, args := range [][]string{{"-c", "-S", "bogus"}, {"-c", "-U", "calls,bogus"}, {"-c", "-U", "calls,count"}, {"-c", "-O", "1x"}} {
		cmd := append(args, "true")
		g := runTracer(t, gotraceBin, cmd, "")
		w := runTracer(t, stracePath, cmd, "")
		if progName(g.stderr) != progName(w.stderr) || g.code != w.code {
			t.Errorf("%v: gotrace %d %q, strace %d %q", args, g.code, g.stderr, w.code, w.stderr)
		}
	}
}

// TestDuration: among thousands of fast calls, --duration=20ms prints the
// one 50 ms nanosleep alone, with its duration.
func TestDuration(t *testing.T) {
	bin := tracee(t, "an_slow")
	r := runTracer(t, gotraceBin, []string{"--duration=20ms", "-T", bin}, "")
	lines := strings.Split(strings.TrimRight(r.trace, "\n"), "\n")
	if len(lines) != 2 || !regexp.MustCompile(`^nanosleep\(\{tv_sec=0, tv_nsec=50000000\}, NULL\) += 0 <0\.0[5-9]\d{4}>$`).MatchString(lines[0]) || lines[1] != "+++ exited with 0 +++" {
		t.Errorf("--duration=20ms:\n%s", r.trace)
	}
	// with -c, only the slow call is counted
	r = runTracer(t, gotraceBin, []string{"--duration=20ms", "-c", "-w", bin}, "")
	st := parseSummary(t, r.trace)
	if strings.Join(st.order, ",") != "nanosleep" || st.calls["nanosleep"] != "1" {
		t.Errorf("--duration=20ms -c:\n%s", r.trace)
	}
}

// TestSummaryBy: per-pid tables with latency quantiles, covering both
// processes of a fork.
func TestSummaryBy(t *testing.T) {
	bin := tracee(t, "an_slow")
	r := runTracer(t, gotraceBin, []string{"-f", "--summary-by=pid", "-U", "calls,p50,p90,p99,max,name", "-S", "calls", bin, "fork"}, "")
	heads := regexp.MustCompile(`(?m)^pid \d+:$`).FindAllString(r.trace, -1)
	if len(heads) != 2 {
		t.Fatalf("want two per-pid tables:\n%s", r.trace)
	}
	if !strings.Contains(r.trace, "    calls      p50      p90      p99  longest syscall\n") {
		t.Errorf("quantile header missing:\n%s", r.trace)
	}
	for _, want := range []string{`(?m)^ +200 +\d+\.\d{6} +\d+\.\d{6} +\d+\.\d{6} +\d+\.\d{6} getppid$`, `(?m)^ +300 +\d+\.\d{6} +\d+\.\d{6} +\d+\.\d{6} +\d+\.\d{6} getppid$`} {
		if !regexp.MustCompile(want).MatchString(r.trace) {
			t.Errorf("missing %s in:\n%s", want, r.trace)
		}
	}
}

// TestOutputPipe: -o "|command" pipes the trace to a shell command.
func TestOutputPipe(t *testing.T) {
	bin := tracee(t, "core_basic")
	out := filepath.Join(t.TempDir(), "piped")
	r := runTracer(t, gotraceBin, []string{"-o", "|cat > " + out, "-e", "trace=write", bin}, "")
	_ = r
	b, err := os.ReadFile(out)
	if err != nil || !regexp.MustCompile(`write\(1, "hello, world\\n", 13\) += 13`).Match(b) {
		t.Errorf("-o |cat: %v\n%s", err, b)
	}
}

// jsonEvent is the schema of --output-format=json, version 1.
type jsonEvent struct {
	V    *int     `json:"v"`
	Type string   `json:"type"`
	Time *float64 `json:"time"`
	Pid  *int     `json:"pid"`
	Tid  *int     `json:"tid"`
	// syscall
	Name     string     `json:"name"`
	Nr       *int       `json:"nr"`
	Args     []jsonArg  `json:"args"`
	Ret      *int64     `json:"ret"`
	RetText  *string    `json:"ret_text"`
	Status   string     `json:"status"`
	Errno    string     `json:"errno"`
	Error    string     `json:"error"`
	Duration *float64   `json:"duration"`
	Signal   string     `json:"signal"`
	Signo    *int       `json:"signo"`
	Siginfo  jsonRawObj `json:"siginfo"`
	SigText  *string    `json:"siginfo_text"`
	Code     *int       `json:"code"`
	Core     *bool      `json:"core"`
}

type jsonArg struct {
	Index *int            `json:"index"`
	Text  *string         `json:"text"`
	Value json.RawMessage `json:"value"`
}

type jsonRawObj = json.RawMessage

var reErrnoName = regexp.MustCompile(`^E[A-Z0-9_]+$|^ERRNO_\d+$`)

// validateJSON checks one line against the schema; it returns the event.
func validateJSON(line string) (*jsonEvent, error) {
	var e jsonEvent
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return nil, err
	}
	if e.V == nil || *e.V != 1 {
		return nil, fmt.Errorf("v is not 1")
	}
	if e.Time == nil || e.Pid == nil || e.Tid == nil || *e.Pid <= 0 || *e.Tid <= 0 {
		return nil, fmt.Errorf("time, pid or tid missing")
	}
	switch e.Type {
	case "syscall":
		if e.Name == "" || e.Nr == nil || e.Args == nil {
			return nil, fmt.Errorf("syscall without name, nr or args")
		}
		for _, a := range e.Args {
			if a.Index == nil || *a.Index < 0 || *a.Index > 5 || a.Text == nil {
				return nil, fmt.Errorf("bad argument %+v", a)
			}
		}
		switch e.Status {
		case "successful", "failed":
			if e.Ret == nil || e.RetText == nil || e.Duration == nil || *e.Duration < 0 {
				return nil, fmt.Errorf("finished syscall without ret, ret_text or duration")
			}
			if (e.Status == "failed") != (e.Errno != "") || (e.Errno != "" && (!reErrnoName.MatchString(e.Errno) || e.Error == "")) {
				return nil, fmt.Errorf("errno %q for status %s", e.Errno, e.Status)
			}
		case "unfinished":
			if e.Ret != nil || e.Duration != nil {
				return nil, fmt.Errorf("unfinished syscall with a return")
			}
		default:
			return nil, fmt.Errorf("bad status %q", e.Status)
		}
	case "signal":
		if !strings.HasPrefix(e.Signal, "SIG") || e.Signo == nil || e.SigText == nil {
			return nil, fmt.Errorf("bad signal event")
		}
	case "stopped":
		if !strings.HasPrefix(e.Signal, "SIG") {
			return nil, fmt.Errorf("bad stopped event")
		}
	case "exit":
		if e.Code == nil {
			return nil, fmt.Errorf("exit without code")
		}
	case "killed":
		if !strings.HasPrefix(e.Signal, "SIG") || e.Core == nil {
			return nil, fmt.Errorf("bad killed event")
		}
	default:
		return nil, fmt.Errorf("unknown type %q", e.Type)
	}
	return &e, nil
}

// TestJSON runs every tracee of the suite with --json -yy -f and validates
// every line against the schema; then checks a sockaddr, a flag list and a
// string buffer in detail.
func TestJSON(t *testing.T) {
	srcs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "tracees", "*.c"))
	if len(srcs) == 0 {
		t.Fatal("no tracees")
	}
	total := 0
	var all []*jsonEvent
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), ".c")
		if strings.HasSuffix(name, "_server") {
			continue // they wait for a client
		}
		t.Run(name, func(t *testing.T) {
			bin := tracee(t, name)
			r := runTracer(t, gotraceBin, []string{"--json", "-yy", "-f", bin}, "")
			sc := bufio.NewScanner(strings.NewReader(r.trace))
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			n := 0
			for sc.Scan() {
				e, err := validateJSON(sc.Text())
				if err != nil {
					t.Errorf("line %d: %v\n%s", n+1, err, sc.Text())
					continue
				}
				n++
				if name == "an_fds" {
					all = append(all, e)
				}
			}
			if n == 0 {
				t.Errorf("no JSON events")
			}
			total += n
		})
	}
	t.Logf("%d JSON events validated", total)
	find := func(name string, pred func(*jsonEvent) bool) *jsonEvent {
		for _, e := range all {
			if e.Type == "syscall" && e.Name == name && pred(e) {
				return e
			}
		}
		t.Fatalf("no %s event", name)
		return nil
	}
	val := func(e *jsonEvent, i int) string {
		for _, a := range e.Args {
			if *a.Index == i {
				return string(a.Value)
			}
		}
		return ""
	}
	// a structured sockaddr
	c := find("connect", func(*jsonEvent) bool { return true })
	if v := val(c, 1); v != `{"sa_family":"AF_INET","sin_port":{"htons":29621},"sin_addr":{"inet_addr":"127.0.0.1"}}` {
		t.Errorf("connect sockaddr: %s", v)
	}
	if v := val(c, 0); !regexp.MustCompile(`^\{"fd":\d+,"path":"TCP:\[127\.0\.0\.1:29620\]"\}$`).MatchString(v) {
		t.Errorf("connect fd: %s", v)
	}
	// a flag list
	o := find("openat", func(e *jsonEvent) bool { return strings.Contains(*e.Args[1].Text, "/dev/null") })
	if v := val(o, 2); v != `["O_RDONLY"]` && v != `"O_WRONLY"` && v != `"O_RDONLY"` {
		t.Errorf("openat flags: %s", v)
	}
	o = find("openat", func(e *jsonEvent) bool { return strings.Contains(*e.Args[2].Text, "|") })
	if v := val(o, 2); v != `["O_RDONLY","O_CLOEXEC"]` {
		t.Errorf("openat flag list: %s", v)
	}
	// a string buffer
	w := find("write", func(e *jsonEvent) bool { return strings.Contains(*e.Args[1].Text, "GET") })
	if v := val(w, 1); v != `"GET / HTTP/1.0\r\n\r\n"` || *w.Ret != 18 || w.Status != "successful" {
		t.Errorf("write buffer: %s ret %d", v, *w.Ret)
	}
	// a failed call: errno name and message
	u := find("unlink", func(e *jsonEvent) bool { return e.Status == "failed" })
	if u.Errno != "ENOENT" || u.Error != "No such file or directory" || *u.Ret != -2 {
		t.Errorf("unlink: %+v", u)
	}
}
