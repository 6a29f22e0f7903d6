package main

// The analysis options (issue 4): the -c summary and its columns, -y fd
// decoding, -P/--trace-fds, -e read=/write= dumps, the -e abbrev=/raw=
// sets, --syscall-limit, --duration, --summary-by, JSON and colour. The
// session calls the analysis through a few thin hooks (enter, exit, after,
// event, flush); everything else is here and in fds.go, dump.go, json.go.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/syscalls"
	"github.com/spf13/pflag"
	"golang.org/x/sys/unix"
)

// anConfig is what the command line decided for the analysis options.
type anConfig struct {
	summary   int // 0: none; 1: -C (trace and summary); 2: -c (summary only)
	sortBy    format.SummaryColumn
	cols      []format.SummaryColumn
	wall      bool
	overhead  time.Duration
	summaryBy string // "", "pid", "tid", "fd"

	yCount       int
	decodeFdsSet bool
	fdMode       uint8

	readSet, writeSet   syscalls.DescriptorSet
	dumpRead, dumpWrite bool

	paths       []string
	traceFds    syscalls.DescriptorSet
	traceFdsSet bool

	limit int

	abbrev, raw, verbose          syscalls.SyscallSet
	abbrevSet, rawSet, verboseSet bool
	quietPathResolving            bool

	duration    time.Duration
	durationSet bool
	json        bool
	color       string
}

// anFlags are the analysis options' pflag values.
type anFlags struct {
	c, C, w           *bool
	sortBy, cols, ovh *string
	y                 *int
	decodeFds         *string
	paths             *[]string
	traceFds          *string
	limit             *int
	abbrev, verbose   *[]string
	raw, read, write  *[]string
	duration, by      *string
	outFormat         *string
	json              *bool
	color             *string
}

// addAnalysisFlags declares the analysis options on fs.
func addAnalysisFlags(fs *pflag.FlagSet) *anFlags {
	f := &anFlags{
		c:         fs.BoolP("summary-only", "c", false, "count time, calls and errors per syscall and print a summary"),
		C:         fs.BoolP("summary", "C", false, "like -c, and print the trace too"),
		w:         fs.BoolP("summary-wall-clock", "w", false, "summarise wall-clock time, not system time"),
		sortBy:    fs.StringP("summary-sort-by", "S", "time", "sort the summary by SORTBY: time, min-time, max-time, avg-time, calls, errors, name, p50…, nothing"),
		cols:      fs.StringP("summary-columns", "U", "", "summary COLUMNS: time-percent,total-time,min-time,max-time,avg-time,calls,errors,name,p50,p90,p99,max"),
		ovh:       fs.StringP("summary-syscall-overhead", "O", "", "subtract OVERHEAD[UNIT] from each syscall's time"),
		y:         fs.CountP("decode-fds-paths", "y", "-y: print paths of fds; -yy: protocol details of sockets and devices"),
		decodeFds: fs.String("decode-fds", "", "decode fds: a SET of path, socket, dev, pidfd, all"),
		paths:     fs.StringArrayP("trace-path", "P", nil, "trace only syscalls that access PATH"),
		traceFds:  fs.String("trace-fds", "", "trace only syscalls that operate on the fds in SET"),
		limit:     fs.Int("syscall-limit", 0, "detach after N syscalls have been traced"),
		abbrev:    fs.StringArray("abbrev", nil, "same as -e abbrev=SET"),
		verbose:   fs.StringArray("verbose", nil, "same as -e verbose=SET"),
		raw:       fs.StringArray("raw", nil, "same as -e raw=SET"),
		read:      fs.StringArray("read", nil, "same as -e read=SET"),
		write:     fs.StringArray("write", nil, "same as -e write=SET"),
		duration:  fs.String("duration", "", "print (and with -c count) only syscalls that took at least DUR (10ms, 1.5s, 250us)"),
		by:        fs.String("summary-by", "", "one summary per KEY: pid, tid or fd"),
		outFormat: fs.String("output-format", "text", "FORMAT: text, or json (one JSON object per event)"),
		json:      fs.Bool("json", false, "same as --output-format=json"),
		color:     fs.String("color", "never", "colour errors and slow calls: WHEN is auto, always or never"),
	}
	fs.Lookup("decode-fds").NoOptDefVal = "path"
	fs.Lookup("color").NoOptDefVal = "always"
	fs.Lookup("decode-fds-paths").Hidden = true
	return f
}

// apply reads the parsed analysis flags into cfg.an.
func (f *anFlags) apply(cfg *config) error {
	a := &cfg.an
	a.cols = format.DefaultColumns
	a.abbrev, _ = syscalls.ParseSyscallSet("all")
	a.raw, _ = syscalls.ParseSyscallSet("none")
	switch {
	case *f.c:
		a.summary = 2
	case *f.C:
		a.summary = 1
	}
	a.wall = *f.w
	var err error
	if a.sortBy, err = format.ParseSortBy(*f.sortBy); err != nil {
		return &usageError{msg: err.Error(), hint: true}
	}
	if *f.cols != "" {
		if a.cols, err = format.ParseColumns(*f.cols); err != nil {
			return &usageError{msg: err.Error(), hint: true}
		}
	}
	if *f.ovh != "" {
		if a.overhead, err = parseTimeSpec(*f.ovh); err != nil {
			return &usageError{msg: "invalid -O argument: '" + *f.ovh + "'", hint: true}
		}
	}
	a.yCount = *f.y
	switch {
	case a.yCount == 1:
		a.fdMode = decodePath
	case a.yCount >= 2:
		a.fdMode = decodePath | decodeSocket | decodeDev | decodePidfd
	}
	if *f.decodeFds != "" {
		if err := cfg.qualifyAn("decode-fds", *f.decodeFds); err != nil {
			return err
		}
	}
	a.paths = *f.paths
	if *f.traceFds != "" {
		if a.traceFds, err = syscalls.ParseDescriptorSet(*f.traceFds); err != nil {
			return qualifyErr(err)
		}
		a.traceFdsSet = true
	}
	if *f.limit < 0 {
		return errorf("invalid --syscall-limit argument: '%d'", *f.limit)
	}
	a.limit = *f.limit
	for name, vals := range map[string]*[]string{"abbrev": f.abbrev, "verbose": f.verbose, "raw": f.raw, "read": f.read, "write": f.write} {
		for _, v := range *vals {
			if err := cfg.qualifyAn(name, v); err != nil {
				return err
			}
		}
	}
	if *f.duration != "" {
		if a.duration, err = parseTimeSpec(*f.duration); err != nil {
			return errorf("invalid --duration argument: '%s'", *f.duration)
		}
		a.durationSet = true
	}
	switch *f.by {
	case "", "pid", "tid", "fd":
		a.summaryBy = *f.by
	default:
		return errorf("invalid --summary-by argument: '%s' (pid, tid or fd)", *f.by)
	}
	switch *f.outFormat {
	case "text":
	case "json":
		a.json = true
	default:
		return errorf("invalid --output-format argument: '%s' (text or json)", *f.outFormat)
	}
	if *f.json {
		a.json = true
	}
	switch *f.color {
	case "auto", "always", "never":
		a.color = *f.color
	default:
		return errorf("invalid --color argument: '%s' (auto, always or never)", *f.color)
	}
	if a.summaryBy != "" && a.summary == 0 {
		a.summary = 2
	}
	return nil
}

// qualifyAn handles the -e qualifiers the analysis owns. It is called for
// every qualifier; handled says the rest of qualify has nothing to do.
func (c *config) qualifyAn(name, value string) error {
	a := &c.an
	var err error
	switch name {
	case "read", "write":
		set, err := syscalls.ParseDescriptorSet(value)
		if err != nil {
			return qualifyErr(err)
		}
		if name == "read" {
			a.readSet, a.dumpRead = set, true
		} else {
			a.writeSet, a.dumpWrite = set, true
		}
	case "decode-fds":
		if a.yCount > 0 {
			return errorf("-y and --decode-fds cannot be provided simultaneously")
		}
		if a.fdMode, err = parseDecodeFds(value); err != nil {
			return qualifyErr(err)
		}
		a.decodeFdsSet = true
	case "abbrev":
		if a.abbrev, err = syscalls.ParseSyscallSet(value); err != nil {
			return qualifyErr(err)
		}
		a.abbrevSet = true
	case "raw":
		if a.raw, err = syscalls.ParseSyscallSet(value); err != nil {
			return qualifyErr(err)
		}
		a.rawSet = true
	case "verbose":
		if a.verbose, err = syscalls.ParseSyscallSet(value); err != nil {
			return qualifyErr(err)
		}
		a.verboseSet = true
	case "quiet":
		set, err := syscalls.ParseWordSet(name, value)
		if err != nil {
			return qualifyErr(err)
		}
		a.quietPathResolving = set.Has("path-resolution")
		return errNotMine
	default:
		return errNotMine
	}
	return nil
}

// errNotMine tells qualify that an -e qualifier is not an analysis one.
var errNotMine = errors.New("not an analysis qualifier")

// parseTimeSpec reads strace's time specification: a decimal number (as
// strtod reads it) with an optional unit s, ms, us or ns; microseconds by
// default.
func parseTimeSpec(s string) (time.Duration, error) {
	unit := time.Microsecond
	num := s
	for _, u := range []struct {
		suf string
		d   time.Duration
	}{{"ns", time.Nanosecond}, {"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}} {
		if strings.HasSuffix(s, u.suf) {
			num, unit = strings.TrimSuffix(s, u.suf), u.d
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) || strings.ContainsAny(num, "xXpP_") {
		return 0, fmt.Errorf("invalid time %q", s)
	}
	d := v * float64(unit)
	if d > math.MaxInt64 {
		return 0, fmt.Errorf("invalid time %q", s)
	}
	return time.Duration(math.Round(d)), nil
}

// wanted widens the seccomp filter's syscall set (nil: every syscall)
// with the calls the fd cache must see to stay right.
func (a *anConfig) wanted(w func(int) bool) func(int) bool {
	if w == nil || (a.fdMode == 0 && len(a.paths) == 0 && !a.json && a.summaryBy != "fd") {
		return w
	}
	return func(nr int) bool {
		switch nr {
		case unix.SYS_CLOSE, unix.SYS_CLOSE_RANGE, unix.SYS_DUP2, unix.SYS_DUP3, unix.SYS_EXECVE,
			unix.SYS_EXECVEAT, unix.SYS_UNSHARE, unix.SYS_CHDIR, unix.SYS_FCHDIR, unix.SYS_BIND,
			unix.SYS_CONNECT, unix.SYS_LISTEN:
			return true
		}
		return w(nr)
	}
}

// needRusage says the tracer must report the tracee's system time (for
// -c without -w).
func (a *anConfig) needRusage() bool { return a.summary > 0 && !a.wall }

// openOutput opens the -o target: a file (truncated, or appended to with
// -A), or with "|command" a pipe to a shell running command, as strace's
// popen does. The closer waits for the command.
func openOutput(name string, appendOut bool) (io.Writer, func(), error) {
	if cmdline, ok := strings.CutPrefix(name, "|"); ok {
		cmd := exec.Command("/bin/sh", "-c", cmdline)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		w, err := cmd.StdinPipe()
		if err != nil {
			return nil, nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, nil, err
		}
		return w, func() { w.Close(); cmd.Wait() }, nil
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendOut {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(name, flags|unix.O_CLOEXEC, 0o666)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// anThread is the analysis state of one thread (a field of tstate).
type anThread struct {
	counted bool          // the syscall in flight is counted by -c
	stime   time.Duration // the process's system time at entry
	printed bool          // the syscall in flight passes the analysis filters
	fdt     *fdTable      // the thread's process in the fd cache, once looked up
}

// useFds makes st's process the fd cache's current one. The table is
// looked up once per thread (a thread stays in its process): chosen for
// speed, since the cache is kept in every run and this runs at each
// traced call's entry and at every exit.
func (a *analysis) useFds(st *tstate, tid int) {
	if st.an.fdt == nil {
		st.an.fdt = a.fds.use(tid)
		return
	}
	a.fds.cur = st.an.fdt
}

// analysis is the session's analysis state.
type analysis struct {
	s    *session
	cfg  *anConfig
	out  *format.Printer // where the trace, dumps, JSON and summary go
	fds  *fdCache
	mute bool // -c or JSON: the session's own printer writes nowhere
	hold bool

	counts  []format.SummaryRow         // by syscall number
	groups  map[int][]format.SummaryRow // --summary-by: by pid, tid or fd
	hist    bool                        // quantile columns need histograms
	paths   []string                    // -P, with resolved forms
	traced  int                         // syscalls traced, for --syscall-limit
	dump    dumper
	js      *jsonWriter
	color   bool
	memBuf  []byte
	pathBuf []byte
}

func newAnalysis(s *session) *analysis {
	a := &analysis{s: s, cfg: &s.cfg.an, out: s.p}
	c := a.cfg
	if c.summary == 2 || c.json {
		a.mute = true
		s.p = format.NewPrinter(io.Discard, 4096, s.p.Options())
	}
	if c.summary > 0 {
		a.counts = make([]format.SummaryRow, 512)
		a.hist = format.NeedsHistogram(c.cols, c.sortBy)
		if c.summaryBy != "" {
			a.groups = map[int][]format.SummaryRow{}
		}
	}
	// The fd cache is always kept: besides -y's decorations, -P and
	// --summary-by=fd, it tells the decoder which fds are netlink
	// sockets (strace decodes their messages whatever -y says).
	a.fds = newFdCache(c.fdMode, s.cfg.xmode)
	if c.fdMode != 0 {
		s.dec.Opts.FdDecor = a.fds.Decor
	}
	s.dec.Opts.NetlinkProto = a.fds.NetlinkProto
	s.dec.Opts.FdLink = a.fds.Path
	for _, p := range c.paths {
		a.addPath(p)
	}
	if c.durationSet || c.json {
		a.hold = true
		s.hold = true
	}
	a.dump.init(a)
	if c.json {
		a.js = newJSONWriter(a)
	}
	switch c.color {
	case "always":
		a.color = true
	case "auto":
		// https://no-color.org: a non-empty NO_COLOR turns colour off.
		a.color = os.Getenv("NO_COLOR") == "" && s.cfg.outFile == "" && isTerminal(2)
	}
	return a
}

func isTerminal(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}

// addPath adds a -P path and its canonical form, telling (as strace does)
// when they differ.
func (a *analysis) addPath(p string) {
	has := func(x string) bool {
		for _, y := range a.paths {
			if x == y {
				return true
			}
		}
		return false
	}
	if !has(p) {
		a.paths = append(a.paths, p)
	}
	r, err := realpath(p)
	if err != nil || r == p {
		return
	}
	if !a.cfg.quietPathResolving && a.s.cfg.quiet < 3 {
		q := func(s string) string { return string(format.AppendQuoted(nil, []byte(s), format.XNone, false)) }
		a.s.message("Requested path " + q(p) + " resolved into " + q(r))
	}
	if !has(r) {
		a.paths = append(a.paths, r)
	}
}

// realpath resolves every symlink, ".." and "." in p.
func realpath(p string) (string, error) {
	abs := p
	if !strings.HasPrefix(p, "/") {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		abs = wd + "/" + p
	}
	return filepath.EvalSymlinks(abs)
}

// event sees every tracer event first.
func (a *analysis) event(st *tstate, ev *ptrace.Event) {
	if a.fds != nil {
		switch ev.Kind {
		case ptrace.Exec:
			a.useFds(st, ev.Tid)
			a.fds.clear()
		case ptrace.Exited, ptrace.Killed, ptrace.Detached:
			a.fds.forgetThread(ev.Tid)
		}
	}
	if a.js != nil {
		a.js.event(st, ev)
	}
}

// enter decides at a syscall's entry whether it is counted and printed;
// traced says it passes -e trace=.
func (a *analysis) enter(st *tstate, ev *ptrace.Event, traced bool) bool {
	t := &st.an
	t.counted, t.printed = false, false
	if !traced {
		return false
	}
	if a.fds != nil {
		a.useFds(st, ev.Tid)
	}
	if (len(a.paths) > 0 || a.cfg.traceFdsSet) && !a.pathMatch(ev) {
		return false
	}
	if a.cfg.limit > 0 && a.traced >= a.cfg.limit {
		return false
	}
	t.counted = a.counts != nil
	t.stime = ev.STime
	t.printed = a.cfg.summary != 2
	a.callModes(ev.Sysno)
	return t.printed
}

// callModes sets the decoder's per-syscall modes for syscall nr: -e abbrev=
// (structures in full or abbreviated) and -e verbose= (outside the set,
// structures and arrays print as their address, as strace prints them).
// It runs at entry and again at exit, since other threads' calls come in
// between.
func (a *analysis) callModes(nr int) {
	d := a.s.dec
	if !a.cfg.abbrevSet {
		d.Opts.Verbose = a.s.cfg.verbose
	} else {
		d.Opts.Verbose = !a.cfg.abbrev.Has(nr)
	}
	d.Terse = a.cfg.verboseSet && !a.cfg.verbose.Has(nr)
}

// enterText decodes a syscall's entry (raw with -e raw=).
func (a *analysis) enterText(dst []byte, c *syscalls.Call) []byte {
	if a.cfg.rawSet && a.cfg.raw.Has(c.Nr) {
		c.Entry, c.RetAs, c.Detail = syscalls.Lookup(c.Nr), syscalls.RetTable, ""
		b := append(dst, c.Entry.Name...)
		b = append(b, '(')
		for i := 0; i < c.Entry.NArgs; i++ {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = format.AppendHex(b, c.Args[i])
		}
		return b
	}
	return a.s.dec.Enter(dst, c)
}

// isRaw says c prints raw (-e raw=): hex arguments, a hex return.
func (a *analysis) isRaw(c *syscalls.Call) bool {
	return a.cfg.rawSet && a.cfg.raw.Has(c.Nr)
}

// exitText decodes the arguments left for the exit.
func (a *analysis) exitText(dst []byte, c *syscalls.Call) []byte {
	if a.isRaw(c) {
		return dst
	}
	a.callModes(c.Nr)
	return a.s.dec.Exit(dst, c)
}

// retText decodes the return value, coloured with --color.
func (a *analysis) retText(dst []byte, c *syscalls.Call, st *tstate, now time.Time) []byte {
	start := len(dst)
	var b []byte
	if a.isRaw(c) && !c.Failed() {
		b = format.AppendHex(dst, uint64(c.Ret))
	} else {
		b = a.s.dec.Return(dst, c)
	}
	if a.color {
		code := ""
		switch {
		case c.Failed():
			code = "\x1b[31m" // red: an error
		case now.Sub(st.start) >= slowCall:
			code = "\x1b[33m" // yellow: a slow call
		}
		if code != "" {
			text := append([]byte(nil), b[start:]...)
			b = append(append(append(b[:start], code...), text...), "\x1b[0m"...)
		}
	}
	return b
}

// slowCall is the duration from which --color marks a call as slow.
const slowCall = 10 * time.Millisecond

// exit runs at every syscall exit before it is printed: fd cache upkeep,
// counting.
func (a *analysis) exit(st *tstate, ev *ptrace.Event) {
	t := &st.an
	if a.fds != nil {
		a.useFds(st, ev.Tid)
		a.fds.fdEffects(&st.call, ev.Ret, a.readMem)
	}
	if !t.counted && !t.printed {
		return
	}
	dur := callTime(st, ev)
	if a.cfg.durationSet && dur < a.cfg.duration {
		t.printed = false
		return
	}
	if a.cfg.limit > 0 {
		a.traced++
		if a.traced == a.cfg.limit {
			a.s.tr.Detach()
		}
	}
	if !t.counted {
		return
	}
	t.counted = false
	d := dur
	if !a.cfg.wall {
		d = ev.STime - t.stime
	}
	d -= a.cfg.overhead
	failed := ev.Ret < 0 && ev.Ret >= -4095
	nr := ev.Sysno
	if nr < 0 {
		return
	}
	if nr >= len(a.counts) {
		n := make([]format.SummaryRow, nr+64)
		copy(n, a.counts)
		a.counts = n
	}
	a.counts[nr].Add(d, failed, a.hist)
	if a.groups != nil {
		key := ev.Tid
		switch a.cfg.summaryBy {
		case "pid":
			if a.fds != nil {
				key = a.fds.tgid(ev.Tid)
			}
		case "fd":
			e := syscalls.Lookup(nr)
			if e.Class&(syscalls.TD|syscalls.TN) == 0 || e.NArgs == 0 || int32(st.call.Args[0]) < 0 || nr == unix.SYS_MMAP {
				key = -1
			} else {
				key = int(int32(st.call.Args[0]))
			}
		}
		g := a.groups[key]
		if nr >= len(g) {
			n := make([]format.SummaryRow, nr+64)
			copy(n, g)
			g = n
			a.groups[key] = g
		}
		g[nr].Add(d, failed, a.hist)
	}
}

// keep says whether a held line is printed (--duration).
func (a *analysis) keep(st *tstate, ev *ptrace.Event) bool {
	if ev.Kind != ptrace.SyscallExit {
		return !a.cfg.durationSet // unfinished: no duration to compare
	}
	return st.an.printed || !a.cfg.durationSet
}

// after runs once a syscall's line is printed: the data dumps, the JSON
// event.
func (a *analysis) after(st *tstate, ev *ptrace.Event, rest, ret []byte) {
	if a.js != nil {
		a.js.syscall(st, ev, rest, ret, false)
		return
	}
	if a.dump.on {
		a.dump.exit(st, ev)
	}
}

func (a *analysis) readMem(addr uint64, b []byte) bool {
	if addr == 0 {
		return false
	}
	n, _ := a.s.tr.ReadMem(a.s.mem.tid, addr, b)
	return n == len(b)
}

// flush writes out the analysis printer when the session's is muted.
func (a *analysis) flush() error {
	if a.mute {
		return a.out.Flush()
	}
	return nil
}

// finish prints the summary tables at the end of the session.
func (a *analysis) finish() {
	if a.fds != nil {
		a.fds.close()
	}
	if a.counts == nil {
		return
	}
	if a.groups == nil {
		if t := a.table(a.counts); len(t) > 0 {
			a.out.Raw(t)
		}
		return
	}
	keys := make([]int, 0, len(a.groups))
	for k := range a.groups {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for i, k := range keys {
		var head string
		switch {
		case a.cfg.summaryBy == "fd" && k < 0:
			head = "syscalls on no fd"
		default:
			head = a.cfg.summaryBy + " " + strconv.Itoa(k)
		}
		if i > 0 {
			a.out.Raw([]byte("\n"))
		}
		a.out.Raw([]byte(head + ":\n"))
		a.out.Raw(a.table(a.groups[k]))
	}
}

// table renders one summary table from counts by syscall number.
func (a *analysis) table(counts []format.SummaryRow) []byte {
	rows := make([]format.SummaryRow, 0, 64)
	for nr := range counts {
		if counts[nr].Calls > 0 {
			r := counts[nr]
			r.Name = syscalls.Name(nr)
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil // no call counted: strace prints no table at all
	}
	format.SortRows(rows, a.cfg.sortBy)
	return format.WriteSummary(nil, rows, a.cfg.cols)
}
