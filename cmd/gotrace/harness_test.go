package main

// The integration harness: TestMain builds the gotrace binary and every C
// tracee in testdata/tracees once; tests run them for real under ptrace,
// and the differential tests run /usr/bin/strace beside gotrace.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

var (
	binDir     string // temporary: gotrace and the tracees
	gotraceBin string
	stracePath = "/usr/bin/strace"
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gotrace-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Readable by all: -u runs tracees as another user.
	if err := os.Chmod(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	gotraceBin = filepath.Join(dir, "gotrace")
	if out, err := exec.Command("go", "build", "-o", gotraceBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building gotrace: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	printMatchRate()
	os.RemoveAll(dir)
	os.Exit(code)
}

// requireTool returns the path of a tool a test needs (strace, gcc…), or
// stops the test where it is missing (see unavailable).
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	unavailable(t, "%s not installed: %v", name, err)
	return ""
}

// unavailable stops a test whose tool or kernel facility is missing: a
// skip with the reason on a developer's machine, a failure in CI
// (CI=true), where the absence is a broken setup.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("required in CI: "+format, args...)
	}
	t.Skipf(format, args...)
}

var tracees sync.Map // name → path or error

// tracee compiles testdata/tracees/NAME.c (or NAME.cpp, with g++) once and
// returns the binary.
func tracee(t *testing.T, name string) string {
	t.Helper()
	if v, ok := tracees.Load(name); ok {
		if err, bad := v.(error); bad {
			t.Fatal(err)
		}
		return v.(string)
	}
	src := filepath.Join("..", "..", "testdata", "tracees", name+".c")
	compiler := "gcc"
	if _, err := os.Stat(src); err != nil {
		// A C++ tracee (for -k's demangled frames).
		src, compiler = strings.TrimSuffix(src, ".c")+".cpp", "g++"
	}
	cc := requireTool(t, compiler)
	bin := filepath.Join(binDir, name)
	out, err := exec.Command(cc, "-O0", "-o", bin, src, "-lpthread").CombinedOutput()
	if err != nil {
		e := fmt.Errorf("compiling %s: %v\n%s", src, err, out)
		tracees.Store(name, e)
		t.Fatal(e)
	}
	tracees.Store(name, bin)
	return bin
}

// result is one run of a tracer.
type result struct {
	trace  string // the -o file
	stdout string
	stderr string
	code   int
}

// runTracer runs tool (gotrace or strace) with args, the trace written to
// a file, in dir.
func runTracer(t *testing.T, tool string, args []string, stdin string) result {
	t.Helper()
	return runTracerIn(t, t.TempDir(), tool, args, stdin)
}

// runTracerIn is runTracer in a given working directory (the differential
// tests run both tracers in the same one, so paths compare equal).
func runTracerIn(t *testing.T, dir, tool string, args []string, stdin string) result {
	t.Helper()
	out := filepath.Join(t.TempDir(), "trace.out")
	full := append([]string{"-o", out}, args...)
	cmd := exec.Command(tool, full...)
	cmd.Dir = dir
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	cmd.Stdin = strings.NewReader(stdin)
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			code = 128 + int(ws.Signal())
		}
	} else if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	b, _ := os.ReadFile(out)
	return result{trace: string(b), stdout: so.String(), stderr: se.String(), code: code}
}

// Normalization of values that change from run to run. Each pattern
// checks the value's format while replacing it.
var (
	reStampUsec = regexp.MustCompile(`(?m)^((?:\d+ +)?)\d\d:\d\d:\d\d\.\d{6} `)
	reStampSec  = regexp.MustCompile(`(?m)^((?:\d+ +)?)\d\d:\d\d:\d\d `)
	reStampUnix = regexp.MustCompile(`(?m)^((?:\d+ +)?)\d{10}\.\d{6} `)
	reRelative  = regexp.MustCompile(`(?m)^((?:\d+ +)?) *\d+\.\d{6} `)
	reDuration  = regexp.MustCompile(` <\d+\.\d{6}>$`)
	reAddr      = regexp.MustCompile(`0x[0-9a-f]{7,16}\b`)
	rePad       = regexp.MustCompile(`\) +=( |$)`)
	rePrefix    = regexp.MustCompile(`(?m)^(\d+) +`)
	reBracket   = regexp.MustCompile(`(?m)^\[pid +(\d+)\] `)
	rePidRet    = regexp.MustCompile(`(?m)^[\d:. ]*(?:getpid|gettid|getppid|fork|vfork|clone|clone3|set_tid_address)\(.*\) += (\d+)`)
	rePidArg    = regexp.MustCompile(`(?m)^[\d:. ]*(?:kill|tkill|tgkill|wait4|waitid|getpgid|getsid)\((\d+)[,)]`)
	reSiPid     = regexp.MustCompile(`si_pid=(\d+)`)
	reWaitPid   = regexp.MustCompile(`(?m)^[\d:. ]*wait4\((\d+),`)
	reVars      = regexp.MustCompile(`/\* \d+ vars \*/`)
	reTimeVals  = regexp.MustCompile(`(tv_sec|tv_nsec|tv_usec|st_[amc]time|st_[amc]time_nsec|st_ino|d_ino|stx_ino|st_dev|stx_[amcb]time|shm_[adc]time|sem_[oc]time|msg_[src]time)=[0-9]+`)
	// -n's syscall number and -i's instruction pointer in the leader
	// (after the pid and the stamps): moved to the end of the line so the
	// rest normalizes as without them; the pointer, which ASLR moves
	// between runs, becomes IP.
	reNumIP   = regexp.MustCompile(`(?m)^((?:\[pid +\d+\] |\d+ +)?(?:[\d:.]+ +)?)((?:\[ *\d+\] )?(?:\[(?:[0-9a-f]{16}|\?{16})\] )?)(.*)$`)
	reIPVal   = regexp.MustCompile(`\[[0-9a-f]{16}\]`)
	reTimeCmt = regexp.MustCompile(`/\* \d{4}-\d\d-\d\dT[0-9:.+-]+ \*/`)
	// Values of the machine, not of the tracee: free space, clock ticks,
	// sysinfo's counters (the totals stay), a child's rusage counters
	// (memory peak, page faults, block I/O, context switches: the
	// scheduler's), and getrandom's bytes (whose count stays).
	reFree = regexp.MustCompile(`(f_bfree|f_bavail|f_ffree)=\d+`)
	// time()'s result is the clock: the two runs may straddle a second.
	reTimeRet = regexp.MustCompile(`^((?:P?\d+ +)?(?:TIME +)?time\(.*) += \d{9,} \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}\)$`)
	reTimeArg = regexp.MustCompile(`^((?:P?\d+ +)?(?:TIME +)?time\(\[)\d{9,}( /\* [^*]+ \*/)?\]`)
	reTicks   = regexp.MustCompile(`^((?:P?\d+ +)?times\(.*\) += )\d+`)
	// A child's CPU time in a SIGCHLD's siginfo, in clock ticks (with -v
	// or a non-zero value, its seconds in a comment).
	reSigTimes = regexp.MustCompile(`\b(si_[us]time)=\d+(?: /\* [0-9.]+ s \*/)?`)
	reSysinfo  = regexp.MustCompile(`sysinfo\(\{uptime=\d+, loads=\[\d+, \d+, \d+\], (totalram=\d+), freeram=\d+, sharedram=\d+, bufferram=\d+, (totalswap=\d+), freeswap=\d+, procs=\d+, (totalhigh=\d+), freehigh=\d+, (mem_unit=\d+)\}`)
	// struct timex's NTP state (adjtimex, clock_adjtime) drifts on a
	// synchronized clock; its time field is reTimeVals'.
	reTimex    = regexp.MustCompile(`^((?:P?\d+ +)?(?:TIME +)?(?:adjtimex|clock_adjtime)\(.*)$`)
	reTimexNTP = regexp.MustCompile(`\b(offset|freq|maxerror|esterror)=-?\d+`)
	reRusage   = regexp.MustCompile(`\b(ru_maxrss|ru_minflt|ru_majflt|ru_inblock|ru_oublock|ru_nvcsw|ru_nivcsw)=\d+`)
	reTms      = regexp.MustCompile(`\b(tms_c?[us]time)=(\d+)( /\* (\d+\.\d\d) s \*/)?`)
	// bpf's object information (BPF_OBJ_GET_INFO_BY_FD): the kernel's id
	// of a map or program (it counts every one the machine made) and a
	// program's load time since boot.
	reBpfInfo = regexp.MustCompile(`(info=\{type=[^,]+, id=)\d+`)
	reBpfLoad = regexp.MustCompile(`\b(load_time=)\d+`)
	reRandom  = regexp.MustCompile(`^((?:P?\d+ +)?getrandom\(")((?:\\x[0-9a-f]{2})+)("(?:\.\.\.)?, (\d+), )`)
	// The pid column: strace pads a pid to five columns and a space
	// ("%-5d "), so a pid's width, a matter of chance, shows in the spacing.
	rePidCol = regexp.MustCompile(`^(\d+)( +)`)
)

// randomBytes replaces the bytes getrandom returned, printed in hex, by
// "\\x??" each, when there are no more of them than the call asked for and
// "..." follows exactly when fewer are shown.
func randomBytes(l string) string {
	m := reRandom.FindStringSubmatchIndex(l)
	if m == nil {
		return l
	}
	n := (m[5] - m[4]) / 4
	asked, _ := strconv.Atoi(l[m[8]:m[9]])
	dots := strings.HasPrefix(l[m[6]:m[7]], "\"...")
	if n > asked || dots != (n < asked) {
		return l
	}
	return l[:m[4]] + strings.Repeat(`\x??`, n) + l[m[5]:]
}

// cpuTicks replaces one of times()'s CPU times, in clock ticks, by N when
// its comment, if any (none with -X raw, none for a zero), gives it in
// seconds at 100 ticks a second.
func cpuTicks(f string) string {
	m := reTms.FindStringSubmatch(f)
	n, _ := strconv.Atoi(m[2])
	if m[3] != "" && (n == 0 || m[4] != fmt.Sprintf("%d.%02d", n/100, n%100)) {
		return f
	}
	return m[1] + "=N"
}

// pidColumn makes a line's pid column one space wide when its padding is
// strace's ("%-5d "), so pids of different widths compare equal; a line
// padded otherwise is left as it is, to show as a difference.
func pidColumn(l string) string {
	m := rePidCol.FindStringSubmatch(l)
	if m == nil {
		return l
	}
	want := 6 - len(m[1])
	if want < 1 {
		want = 1
	}
	if len(m[2]) != want {
		return l
	}
	return m[1] + " " + l[len(m[0]):]
}

// normalize replaces pids (consistently: the first pid seen is P1…),
// addresses, timestamps and durations, and the padding before " = ".
func normalize(s string) string {
	s = reNumIP.ReplaceAllStringFunc(s, func(l string) string {
		m := reNumIP.FindStringSubmatch(l)
		if m[2] == "" {
			return l
		}
		return m[1] + m[3] + " #" + reIPVal.ReplaceAllString(strings.TrimSpace(m[2]), "[IP]")
	})
	s = keySerials(s)
	pids := map[string]string{}
	var order []string
	see := func(p string) {
		if n, _ := strconv.Atoi(p); n < 300 {
			return // 0, -1, 1: not a tracee's pid (pids here start higher)
		}
		if _, ok := pids[p]; !ok {
			pids[p] = fmt.Sprintf("P%d", len(pids)+1)
			order = append(order, p)
		}
	}
	for _, re := range []*regexp.Regexp{rePrefix, reBracket, rePidRet, rePidArg, reSiPid, reWaitPid} {
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			see(m[1])
		}
	}
	s = reStampUsec.ReplaceAllString(s, "${1}TIME ")
	s = reStampUnix.ReplaceAllString(s, "${1}TIME ")
	s = reStampSec.ReplaceAllString(s, "${1}TIME ")
	s = reRelative.ReplaceAllString(s, "${1}REL ")
	lines := strings.Split(s, "\n")
	sort.Slice(order, func(i, j int) bool { return len(order[i]) > len(order[j]) })
	for i, l := range lines {
		l = pidColumn(l)
		l = reDuration.ReplaceAllString(l, " <DUR>")
		l = reAddr.ReplaceAllString(l, "0xADDR")
		l = rePad.ReplaceAllString(l, ") =$1")
		l = reTimeVals.ReplaceAllString(l, "$1=N")
		l = reTimeCmt.ReplaceAllString(l, "/* DATE */")
		l = reFree.ReplaceAllString(l, "$1=N")
		// Machine values first: on a pid call's line (wait4's rusage)
		// a counter equal to a pid must not turn into one.
		l = reTicks.ReplaceAllString(l, "${1}TICKS")
		l = reTimeArg.ReplaceAllString(l, "${1}NOW]")
		l = reTimeRet.ReplaceAllString(l, "${1} = NOW (DATE)")
		l = reTms.ReplaceAllStringFunc(l, cpuTicks)
		l = reSysinfo.ReplaceAllString(l, "sysinfo({uptime=N, loads=[N, N, N], $1, freeram=N, sharedram=N, bufferram=N, $2, freeswap=N, procs=N, $3, freehigh=N, $4}")
		l = reRusage.ReplaceAllString(l, "$1=N")
		l = reSigTimes.ReplaceAllString(l, "$1=N")
		l = reBpfInfo.ReplaceAllString(l, "${1}N")
		l = reBpfLoad.ReplaceAllString(l, "${1}N")
		if reTimex.MatchString(l) {
			l = reTimexNTP.ReplaceAllString(l, "$1=N")
		}
		l = netlinkCounters(l)
		l = randomBytes(l)
		l = replacePids(l, order, pids)
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// Netlink replies hold counters that change between two runs: an
// interface's traffic statistics (IFLA_STATS, IFLA_STATS64), a route's
// last use in jiffies and its reference count, which other processes'
// lookups of the same route change (RTA_CACHEINFO), a socket's inode and
// cookie (sock_diag), an interface's IPv6 and ICMPv6 counters
// (IFLA_INET6_STATS, IFLA_INET6_ICMP6STATS: [IPSTATS_MIB_INPKTS]=N,
// [37 /* IPSTATS_MIB_??? */]=N, [1 /* IPSTATS_MIB_INPKTS */]=N with -X
// verbose; the *_MIB_NUM counts stay) and its neighbour reachable time,
// which the kernel randomizes (IFLA_INET6_CACHEINFO).
var (
	reNlStats  = regexp.MustCompile(`\b((?:rx|tx)_(?:packets|bytes|errors|dropped|[a-z]+_errors|compressed|nohandler|otherhost_dropped)|multicast|collisions)=\d+`)
	reNlRoute  = regexp.MustCompile(`\b(rta_lastuse|rta_clntref)=\d+`)
	reNlInode  = regexp.MustCompile(`\b(idiag_inode|udiag_ino|udiag_peer|ndiag_ino)=\d+`)
	reNlCookie = regexp.MustCompile(`\b((?:idiag|udiag|ndiag)_cookie)=\[\d+, \d+\]`)
	reNlMib    = regexp.MustCompile(`\[(?:\d+ /\* )?(?:IPSTATS|ICMP6)_MIB_[A-Z0-9_?]+(?: \*/)?\]=\d+`)
	reNlReach  = regexp.MustCompile(`\b(reachable_time)=\d+`)
	// reNlPeer is UNIX_DIAG_PEER's value, the peer's inode: named, or
	// (-X raw) type 2 of 4 bytes in a unix_diag_msg's attributes.
	reNlPeer = regexp.MustCompile(`(\{nla_len=8, nla_type=(?:UNIX_DIAG_PEER|0x2 /\* UNIX_DIAG_PEER \*/|0x2)\}, )\d+\]`)
)

func netlinkCounters(l string) string {
	if !strings.Contains(l, "nlmsg_len=") {
		return l
	}
	l = reNlStats.ReplaceAllString(l, "$1=N")
	l = reNlRoute.ReplaceAllString(l, "$1=N")
	l = reNlInode.ReplaceAllString(l, "$1=N")
	l = reNlMib.ReplaceAllStringFunc(l, func(m string) string {
		if strings.Contains(m, "_MIB_NUM") {
			return m
		}
		return m[:strings.LastIndexByte(m, '=')+1] + "N"
	})
	l = reNlReach.ReplaceAllString(l, "$1=N")
	if strings.Contains(l, "udiag_family=") {
		l = reNlPeer.ReplaceAllString(l, "${1}N]")
	}
	return reNlCookie.ReplaceAllString(l, "$1=[N, N]")
}

// pidCalls are the syscalls whose arguments or return value hold pids: on
// their lines every number equal to a tracee's pid is one. Elsewhere a pid
// is replaced only where its context says it is one (pids wrap around on a
// busy machine, and a pid of 784 must not turn pread64's 784 bytes into P1).
var pidCalls = map[string]bool{
	"kill": true, "tkill": true, "tgkill": true, "wait4": true, "waitid": true,
	"getpid": true, "gettid": true, "getppid": true, "getpgid": true, "setpgid": true,
	"getsid": true, "fork": true, "vfork": true, "clone": true, "clone3": true,
	"set_tid_address": true, "pidfd_open": true, "pidfd_send_signal": true,
	"sched_getaffinity": true, "sched_setaffinity": true,
	"sched_getparam": true, "sched_setparam": true, "sched_getscheduler": true,
	"sched_setscheduler": true, "getpriority": true, "setpriority": true,
	"ptrace": true, "rt_sigqueueinfo": true, "rt_tgsigqueueinfo": true,
	"process_vm_readv": true, "process_vm_writev": true, "kcmp": true,
	"capget": true, "capset": true,
	"semctl": true, // GETPID
}

var (
	reCallName = regexp.MustCompile(`^(?:\[pid +\d+\] |\d+ +)?(?:[\d:.]+ +|TIME +|REL +)?(?:<\.\.\. )?([a-z_0-9]+)[( ]`)
	// rePidCtx is where a number is a pid whatever the call: the line's
	// prefix, any field named *pid, *tid or *thread_id (si_pid, pid,
	// shm_cpid, msg_lspid, sigev_notify_thread_id…),
	// -yy pidfds and netlink ports, gotrace's and strace's messages,
	// prlimit64's first
	// argument (its other numbers are limits that a pid may equal),
	// ioprio_get's and ioprio_set's who (a priority may equal a pid),
	// fcntl(F_SETOWN)'s owner.
	rePidCtx = `(^|\[pid +|\b[a-z_]*(?:pid|tid|thread_id)=|<pid:|NETLINK:\[[A-Z_0-9]+:|Process |in pid |/\* |pid changed to |\bprlimit64\(|\bioprio_[gs]et\((?:[A-Z_]+|0x[0-9a-f]+(?: /\* [A-Z_]+ \*/)?), |\bfcntl\(\d+, (?:F_SETOWN|0x8(?: /\* F_SETOWN \*/)?), )`
)

func replacePids(l string, order []string, pids map[string]string) string {
	if len(order) == 0 {
		return l
	}
	everywhere := false
	if m := reCallName.FindStringSubmatch(l); m != nil {
		everywhere = pidCalls[m[1]]
	}
	for _, p := range order {
		if everywhere {
			l = regexp.MustCompile(`\b`+p+`\b`).ReplaceAllString(l, pids[p])
		} else {
			l = regexp.MustCompile(rePidCtx+p+`\b`).ReplaceAllString(l, "${1}"+pids[p])
		}
	}
	return l
}

// Match accounting across the differential suite.
var (
	matchMu             sync.Mutex
	linesSame, linesAll int
)

func printMatchRate() {
	if linesAll > 0 {
		fmt.Printf("differential: %d/%d normalized lines identical (%.1f%%)\n",
			linesSame, linesAll, 100*float64(linesSame)/float64(linesAll))
	}
}

// diffCase runs a tracee under strace and gotrace with the same flags and
// compares the normalized traces line by line, and the tracee's exit code
// and stdout.
func diffCase(t *testing.T, flags []string, name string, args ...string) {
	t.Helper()
	diffCaseWith(t, stracePath, gotraceBin, flags, name, args...)
}

// diffCaseWith is diffCase with the two tracers' commands given.
func diffCaseWith(t *testing.T, strace, gotrace string, flags []string, name string, args ...string) {
	t.Helper()
	requireTool(t, stracePath)
	bin := tracee(t, name)
	cmdline := append(append(append([]string(nil), flags...), "--", bin), args...)
	dir := t.TempDir()
	want := runTracerIn(t, dir, strace, cmdline, "")
	got := runTracerIn(t, dir, gotrace, cmdline, "")
	if got.code != want.code {
		t.Errorf("exit code: gotrace %d, strace %d", got.code, want.code)
	}
	if got.stdout != want.stdout {
		t.Errorf("tracee stdout differs:\ngotrace: %q\nstrace:  %q", got.stdout, want.stdout)
	}
	gt, wt := got.trace, want.trace
	if decodesPids(flags) {
		gt, wt = pidComms(gt), pidComms(wt)
	}
	g, w := normalize(gt), normalize(wt)
	if perPid(flags) {
		g, w = byPid(stackPids(g)), byPid(stackPids(w))
	}
	compareTraces(t, g, w)
}

// decodesPids says the flags print <comm> after pids: -Y, or a
// --decode-pids=SET with comm, whichever comes last.
func decodesPids(flags []string) bool {
	// The last of -Y and --decode-pids=SET decides, as strace's.
	comm := false
	for _, f := range flags {
		if f == "-Y" || strings.HasPrefix(f, "--decode-pids=") {
			comm = f == "-Y" || strings.Contains(f, "comm")
		}
	}
	return comm
}

// perPid says the trace interleaves several processes (-f): their
// relative order is up to the scheduler, so each pid's own sequence is
// compared.
func perPid(flags []string) bool {
	for _, f := range flags {
		if f == "-f" || f == "-ff" {
			return true
		}
	}
	return false
}

var (
	reUnfinished = regexp.MustCompile(`^(P\d+) +(.*) <unfinished \.\.\.>$`)
	reResumed    = regexp.MustCompile(`^(P\d+) +(?:(?:TIME|REL) )?<\.\.\. [a-z0-9_]+ resumed>(.*)$`)
	reLinePid    = regexp.MustCompile(`^(P\d+) +`)
)

// byPid regroups a normalized -f trace: each pid's lines in order, pid by
// pid (P1 first), with "<unfinished ...>" lines joined to their
// "<... resumed>" continuation, since where a call is split depends on
// the other processes.
func byPid(s string) string {
	pending := map[string]string{}
	groups := map[string][]string{}
	var order []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		pid := "?"
		if m := reLinePid.FindStringSubmatch(l); m != nil {
			// "1234  " and "12345 " both become "P2 ".
			pid = m[1]
			l = pid + " " + l[len(m[0]):]
		}
		if _, ok := groups[pid]; !ok {
			order = append(order, pid)
			groups[pid] = nil
		}
		if m := reUnfinished.FindStringSubmatch(l); m != nil {
			pending[pid] = m[2]
			continue
		}
		if m := reResumed.FindStringSubmatch(l); m != nil {
			l = pid + " " + pending[pid] + m[2]
			delete(pending, pid)
			l = rePad.ReplaceAllString(l, ") =$1")
		}
		groups[pid] = append(groups[pid], l)
	}
	sort.Strings(order)
	var out []string
	for _, p := range order {
		out = append(out, groups[p]...)
	}
	return strings.Join(out, "\n")
}

func compareTraces(t *testing.T, got, want string) {
	t.Helper()
	g := strings.Split(strings.TrimRight(got, "\n"), "\n")
	w := strings.Split(strings.TrimRight(want, "\n"), "\n")
	same := 0
	var diffs []string
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl == wl {
			same++
			continue
		}
		if len(diffs) < 15 {
			diffs = append(diffs, fmt.Sprintf("line %d:\n  gotrace: %s\n  strace:  %s", i+1, gl, wl))
		}
	}
	n := len(w)
	if len(g) > n {
		n = len(g)
	}
	matchMu.Lock()
	linesSame += same
	linesAll += n
	matchMu.Unlock()
	if len(diffs) > 0 {
		t.Errorf("%d of %d lines differ:\n%s", n-same, n, strings.Join(diffs, "\n"))
	}
}

// TestNormalizeClock: values of the clock normalize the same when the two
// runs straddle a second, with and without the date comment (-X verbose,
// -x), so the differential never depends on when it runs.
func TestNormalizeClock(t *testing.T) {
	pairs := [][2]string{
		{`time([1795575907 /* 2026-11-25T03:05:07+0000 */]) = 1795575907 (2026-11-25T03:05:07+0000)`,
			`time([1795575906 /* 2026-11-25T03:05:06+0000 */]) = 1795575906 (2026-11-25T03:05:06+0000)`},
		{`time([1795575907]) = 1795575907 (2026-11-25T03:05:07+0000)`,
			`time([1795575906]) = 1795575906 (2026-11-25T03:05:06+0000)`},
		{`time(NULL) = 1795575907 (2026-11-25T03:05:07+0000)`,
			`time(NULL) = 1795575906 (2026-11-25T03:05:06+0000)`},
	}
	for _, p := range pairs {
		a, b := normalize(p[0]), normalize(p[1])
		if a != b {
			t.Errorf("normalize differs:\n %s\n %s", a, b)
		}
		if strings.Contains(a, "179557590") {
			t.Errorf("clock value left in %q", a)
		}
	}
}

// TestNormalizeRusagePid: a machine counter on a pid call's line that
// happens to equal a tracee's pid stays a counter.
func TestNormalizeRusagePid(t *testing.T) {
	mk := func(rss string) string {
		return "4321  wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], __WALL, {ru_maxrss=" + rss + ", ru_minflt=3}) = 4322\n4322  +++ exited with 0 +++"
	}
	a, b := normalize(mk("4322")), normalize(mk("1999"))
	if a != b {
		t.Errorf("normalize differs:\n %s\n %s", a, b)
	}
	if !strings.Contains(a, "= P2") {
		t.Errorf("wait4's pid not normalized: %s", a)
	}
}

var (
	reCommPrefix = regexp.MustCompile(`^(\d+)<[^<>\n]*> +`)
	reComm       = regexp.MustCompile(`\b(\d+)<([^<>\n]*)>`)
	reCommUnfin  = regexp.MustCompile(`^(.*?) ?<unfinished \.\.\.>$`)
	reCommResume = regexp.MustCompile(`^<\.\.\. [a-z0-9_]+ resumed>(.*)$`)
)

// pidComms prepares a -Y trace for normalize: a call cut by
// "<unfinished ...>" is joined with its "<... resumed>" line (per pid,
// where the second part comes), each "PID<comm>" loses its comm, and the
// line's comms, in order, go to its end as " #<a>,<b>" (so the pid
// patterns of normalize see bare pids); the tracers' own names read
// <TRACER>.
func pidComms(s string) string {
	s = strings.NewReplacer("<strace>", "<TRACER>", "<gotrace>", "<TRACER>").Replace(s)
	pending := map[string]string{}
	var out []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		pid, rest, prefix := "", l, ""
		if m := reCommPrefix.FindStringSubmatch(l); m != nil {
			pid, prefix, rest = m[1], l[:len(m[0])], l[len(m[0]):]
		}
		if m := reCommUnfin.FindStringSubmatch(rest); m != nil && !strings.HasPrefix(rest, "<...") {
			pending[pid] = prefix + m[1]
			continue
		}
		if m := reCommResume.FindStringSubmatch(rest); m != nil {
			if p, ok := pending[pid]; ok {
				l = p + m[1]
				delete(pending, pid)
			}
		}
		var comms []string
		l = reComm.ReplaceAllStringFunc(l, func(t string) string {
			m := reComm.FindStringSubmatch(t)
			comms = append(comms, "<"+m[2]+">")
			return m[1]
		})
		if len(comms) > 0 {
			l += " #" + strings.Join(comms, ",")
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n") + "\n"
}

// TestNormalizeInet6Counters: IFLA_AF_SPEC's IPv6 counters and reachable
// time normalize in the default and -X verbose forms, named or not; the
// counts (*_MIB_NUM) and the configuration arrays stay.
func TestNormalizeInet6Counters(t *testing.T) {
	mk := func(pkts, unnamed, msgs, reach string) string {
		return `recvmsg(3, [{nlmsg_len=1468}, [{nla_len=20, nla_type=IFLA_INET6_CACHEINFO}, {max_reasm_len=65535, tstamp=22, reachable_time=` + reach +
			`, retrans_time=1000}], [[DEVCONF_HOPLIMIT]=64, [58 /* DEVCONF_??? */]=0], [[IPSTATS_MIB_NUM]=38, [IPSTATS_MIB_INPKTS]=` + pkts +
			`, [37 /* IPSTATS_MIB_??? */]=` + unnamed + `], [[0 /* ICMP6_MIB_NUM */]=7, [1 /* ICMP6_MIB_INMSGS */]=` + msgs + `]]) = 1468`
	}
	a, b := netlinkCounters(mk("44790", "0", "1497", "17776")), netlinkCounters(mk("44855", "12", "1503", "28044"))
	if a != b {
		t.Errorf("netlinkCounters differs:\n %s\n %s", a, b)
	}
	for _, keep := range []string{"[IPSTATS_MIB_NUM]=38", "[0 /* ICMP6_MIB_NUM */]=7", "[DEVCONF_HOPLIMIT]=64", "[58 /* DEVCONF_??? */]=0", "tstamp=22", "retrans_time=1000"} {
		if !strings.Contains(a, keep) {
			t.Errorf("%s lost in %s", keep, a)
		}
	}
	if !strings.Contains(a, "[37 /* IPSTATS_MIB_??? */]=N") || !strings.Contains(a, "reachable_time=N") {
		t.Errorf("counters left in %s", a)
	}
}

// TestNormalizeRouteCacheinfo: RTA_CACHEINFO's last use and reference
// count normalize; its other fields stay.
func TestNormalizeRouteCacheinfo(t *testing.T) {
	mk := func(ref, use string) string {
		return `recvfrom(3, [{nlmsg_len=104}, [{nla_len=36, nla_type=RTA_CACHEINFO}, {rta_clntref=` + ref +
			`, rta_lastuse=` + use + `, rta_expires=0, rta_error=0, rta_used=3, rta_id=0, rta_ts=0, rta_tsage=0}]]) = 104`
	}
	a, b := netlinkCounters(mk("2", "17")), netlinkCounters(mk("5", "4294967"))
	if a != b {
		t.Errorf("netlinkCounters differs:\n %s\n %s", a, b)
	}
	if !strings.Contains(a, "rta_used=3") {
		t.Errorf("rta_used lost in %s", a)
	}
}

// TestNormalizeUnixDiagPeer: UNIX_DIAG_PEER's inode normalizes in the
// three -X forms of a unix_diag_msg's attributes, and nothing else does.
func TestNormalizeUnixDiagPeer(t *testing.T) {
	for _, typ := range []string{"UNIX_DIAG_PEER", "0x2 /* UNIX_DIAG_PEER */", "0x2"} {
		mk := func(peer string) string {
			return `recvfrom(3, [{nlmsg_len=108}, {udiag_family=AF_UNIX, udiag_ino=1}, [[{nla_len=8, nla_type=` + typ + `}, ` + peer + `], [{nla_len=8, nla_type=UNIX_DIAG_UID}, 1000]]], 32768, 0, NULL, NULL) = 108`
		}
		a, b := netlinkCounters(mk("3124185")), netlinkCounters(mk("3126404"))
		if a != b || !strings.Contains(a, "UNIX_DIAG_UID}, 1000]") {
			t.Errorf("netlinkCounters:\n %s\n %s", a, b)
		}
	}
	// Outside a unix_diag_msg, attribute 2 keeps its value.
	l := `recvmsg(3, [{nlmsg_len=36}, {ifi_family=AF_UNSPEC}, [{nla_len=8, nla_type=0x2}, 5]], 0) = 36`
	if got := netlinkCounters(l); got != l {
		t.Errorf("netlinkCounters changed %s", got)
	}
}

// TestNormalizeIoprioPid: ioprio's pid argument normalizes, its priority
// stays a number when it happens to equal the pid.
func TestNormalizeIoprioPid(t *testing.T) {
	a := normalize("execve(\"x\", [\"x\"], 0x7ffd0000 /* 1 vars */) = 0\ngetpid() = 16388\nioprio_get(0x1, 16388) = 16388\nioprio_set(0x1, 0, 16388) = 0")
	b := normalize("execve(\"x\", [\"x\"], 0x7ffd0000 /* 1 vars */) = 0\ngetpid() = 2345\nioprio_get(0x1, 2345) = 16388\nioprio_set(0x1, 0, 16388) = 0")
	if a != b {
		t.Errorf("normalize differs:\n%s\n%s", a, b)
	}
}
