package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/syscalls"
	"github.com/spf13/pflag"
)

// version is printed by -V.
const version = "0.1.0"

// config is everything the command line decided.
type config struct {
	pids       []int
	follow     int // -f count: 2 (-ff) writes one file per process
	outFile    string
	appendOut  bool
	stamp      format.Stamp
	stampPrec  format.Precision // --absolute-timestamps=precision:…
	relPrec    format.Precision // --relative-timestamps=…
	durPrec    format.Precision // --syscall-times=…
	relative   bool
	durations  bool
	strSize    int
	column     int
	xmode      format.XMode
	verbose    bool
	quiet      int
	style      format.Style
	trace      syscalls.SyscallSet
	traceSet   bool // a trace= qualifier was given
	signals    syscalls.SignalSet
	status     syscalls.StatusSet
	statusSet  bool
	killOnExit bool
	an         anConfig  // the analysis options (summary.go)
	tree       bool      // --tree: each -p PID's descendants too
	noSeccomp  bool      // --no-seccomp-bpf: no seccomp filter for a launched command
	inject     *injector // -e inject=, -e fault=: nil without
	warnings   []string  // strace's notes on the options, printed before tracing
	numbers    bool      // -n: print syscall numbers
	pidComm    bool      // -Y, --decode-pids=comm: command names after pids
	pidNS      bool      // --decode-pids=pidns: pids of another pid namespace translated
	env        []string  // -E: VAR=VAL sets, VAR removes, in order
	user       string    // -u: run the command as this user
	intr       int       // -I: 1 anywhere, 2 waiting, 3 never, 4 never_tstp; 0: the default
	detachExec bool      // -b execve: detach a tracee at its execve
	daemon     int       // -D: 1 grandchild, 2 its own process group, 3 its own session
	ips        bool      // -i: print instruction pointers
	stack      bool      // -k: print each call's stack
	cmd        []string
}

// usageError is a command-line error: printed as "gotrace: MSG", followed
// by strace's hint when hint is set.
type usageError struct {
	msg  string
	hint bool
	// warnings came before the error (strace prints each as it meets it).
	warnings []string
}

func (e *usageError) Error() string { return e.msg }

func errorf(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// parseArgs reads the command line into a config. done is set when the
// request was answered already (-h, -V).
func parseArgs(args []string, stdout io.Writer) (cfg *config, done bool, err error) {
	fs := pflag.NewFlagSet("gotrace", pflag.ContinueOnError)
	fs.SetInterspersed(false) // "gotrace ls -l": -l belongs to ls
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	var (
		pids      = fs.StringArrayP("attach", "p", nil, "trace process PID (repeatable; \"PID1 PID2\" or PID1,PID2)")
		follow    = fs.CountP("follow-forks", "f", "follow forks, vforks and clones (-ff: one output file per process)")
		separate  = fs.Bool("output-separately", false, "with -o FILE and -f: write FILE.PID per process")
		out       = fs.StringP("output", "o", "", "write the trace to FILE instead of stderr")
		appendOut = fs.BoolP("output-append-mode", "A", false, "append to the -o FILE")
		stampsT   = &stampValue{} // -t, -tt, -ttt
		stamps    = &stampValue{} // --absolute-timestamps, --timestamps
		relative  = &precValue{}
		durations = &precValue{}
		xShort    = &hexValue{}
		xflag     = &hexValue{}
		quietQ    = &quietValue{}
		quiet     = &quietValue{}
	)
	// strace tells -t, -x and -q from their long forms (using both is an
	// error): each letter is a hidden flag of its own, shown by
	// flagUsages with its long form.
	shortFlag(fs, stampsT, "t")
	shortFlag(fs, xShort, "x")
	shortFlag(fs, quietQ, "q")
	daemon := &daemonValue{}
	fs.VarPF(daemon, "daemonize", "D", "run the tracer as a grandchild (-DD: in its own process group, -DDD: session); grandchild, pgroup, session").NoOptDefVal = noArg
	fs.VarPF(stamps, "absolute-timestamps", "", "timestamps: -t seconds, -tt microseconds, -ttt Unix time; [[format:]none|time|unix][,[precision:]s|ms|us|ns]").NoOptDefVal = noArg
	fs.VarPF(stamps, "timestamps", "", "same as --absolute-timestamps").NoOptDefVal = noArg
	fs.VarPF(relative, "relative-timestamps", "r", "print the time since the previous line, with a precision of s, ms, us or ns").NoOptDefVal = noArg
	fs.VarPF(durations, "syscall-times", "T", "print the time spent in each syscall, with a precision of s, ms, us or ns").NoOptDefVal = noArg
	var (
		numbers   = fs.BoolP("syscall-number", "n", false, "print the syscall number")
		decPids   = fs.StringP("decode-pids", "Y", "", "decode pids: a SET of comm (-Y: command names), pidns")
		envs      = fs.StringArrayP("env", "E", nil, "VAR=VAL: run the command with VAR=VAL in its environment; VAR: without VAR")
		user      = fs.StringP("user", "u", "", "run the command as USERNAME (its uid, gid and groups)")
		intr      = fs.StringP("interruptible", "I", "", "when gotrace can be interrupted: INTERRUPTIBLE is 1/anywhere, 2/waiting, 3/never, 4/never_tstp")
		detachOn  = fs.StringP("detach-on", "b", "", "detach from a tracee when it reaches SYSCALL (execve only)")
		ips       = fs.BoolP("instruction-pointer", "i", false, "print the instruction pointer at the time of the syscall")
		stack     = fs.BoolP("stack-traces", "k", false, "print the stack of each syscall (and signal) after its line")
		debugOut  = fs.BoolP("debug", "d", false, "print gotrace's debug output (every raw wait status) on stderr")
		strSize   = fs.IntP("string-limit", "s", 32, "show at most STRSIZE bytes of strings")
		column    = fs.IntP("columns", "a", 40, "align return values at COLUMN")
		verbose   = fs.BoolP("no-abbrev", "v", false, "print structures unabbreviated")
		style     = fs.StringP("const-print-style", "X", "abbrev", "print named constants in FORMAT: raw, abbrev or verbose")
		exprs     = fs.StringArrayP("expr", "e", nil, "EXPR: a qualifying expression (trace=, signal=, status=…)")
		traceL    = fs.StringArray("trace", nil, "same as -e trace=SET")
		signalL   = fs.StringArray("signal", nil, "same as -e signal=SET")
		statusL   = fs.StringArray("status", nil, "same as -e status=SET")
		injectL   = fs.StringArray("inject", nil, "same as -e inject=SET:ACTION (error=, retval=, signal=, syscall=, delay_enter=, delay_exit=, poke_enter=, poke_exit=, when=)")
		faultL    = fs.StringArray("fault", nil, "same as -e fault=SET[:error=ERRNO][:when=EXPR]")
		okOnly    = fs.BoolP("successful-only", "z", false, "print only syscalls that succeeded")
		failOnly  = fs.BoolP("failed-only", "Z", false, "print only syscalls that failed")
		killExit  = fs.Bool("kill-on-exit", false, "kill the tracees if gotrace exits")
		_         = fs.Bool("seccomp-bpf", true, "stop a launched command only at traced syscalls (the default)")
		noSeccomp = fs.Bool("no-seccomp-bpf", false, "stop at every syscall even when -e trace= selects a few")
		tree      = fs.Bool("tree", false, "with -p: attach to each PID's descendants too (implies -f)")
		help      = fs.BoolP("help", "h", false, "print this help")
		ver       = fs.BoolP("version", "V", false, "print the version")
	)
	fs.Lookup("decode-pids").NoOptDefVal = "comm"
	fs.VarPF(xflag, "strings-in-hex", "", "-x: non-ASCII strings in hex; -xx: all strings in hex; none, non-ascii-chars, non-ascii, all").NoOptDefVal = noArg
	fs.VarPF(quiet, "quiet", "", "-q: no attach/detach messages; -qq: no exit messages either; -qqq: none; or a SET as -e quiet=").NoOptDefVal = noArg
	fs.VarPF(quiet, "silent", "", "same as --quiet").NoOptDefVal = noArg
	fs.VarPF(quiet, "silence", "", "same as --quiet").NoOptDefVal = noArg
	anf := addAnalysisFlags(fs)
	if err := fs.Parse(args); err != nil {
		return nil, false, &usageError{msg: pflagMessage(err), hint: true}
	}
	if *help {
		fmt.Fprint(stdout, usageText(fs))
		return nil, true, nil
	}
	if *ver {
		fmt.Fprintf(stdout, "gotrace -- version %s\n", version)
		return nil, true, nil
	}
	cfg = &config{
		follow: *follow, outFile: *out, appendOut: *appendOut,
		relative: relative.on, durations: durations.on, verbose: *verbose,
		relPrec: relative.prec, durPrec: durations.prec,
		quiet: quietQ.count, killOnExit: *killExit, cmd: fs.Args(), noSeccomp: *noSeccomp,
		numbers: *numbers, ips: *ips, env: *envs, user: *user, stack: *stack,
	}
	for _, o := range []struct {
		v     *optValue
		names []string
	}{
		{&stamps.optValue, []string{"absolute-timestamps", "timestamps"}},
		{&relative.optValue, []string{"relative-timestamps"}},
		{&durations.optValue, []string{"syscall-times"}},
		{&xflag.optValue, []string{"strings-in-hex"}},
	} {
		if o.v.bad != "" {
			return nil, false, &usageError{msg: "invalid --" + longNameFor(args, o.v.bad, o.names) + " argument: '" + o.v.bad + "'", hint: true}
		}
	}
	if daemon.bad != "" {
		return nil, false, &usageError{msg: "invalid --daemonize argument: '" + daemon.bad + "'", hint: true}
	}
	if daemon.level > 3 {
		return nil, false, &usageError{msg: fmt.Sprintf("Too many -D's (%d), maximum supported -D count is 3", daemon.level), hint: true}
	}
	cfg.daemon = daemon.level
	if cfg.daemon > 0 && len(cfg.cmd) == 0 {
		return nil, false, &usageError{msg: "PROG [ARGS] must be specified with -D/--daemonize", hint: true}
	}
	if *debugOut {
		ptrace.SetDebug()
	}
	if *intr != "" {
		switch *intr {
		case "1", "anywhere":
			cfg.intr = 1
		case "2", "waiting":
			cfg.intr = 2
		case "3", "never":
			cfg.intr = 3
		case "4", "never_tstp":
			cfg.intr = 4
		default:
			return nil, false, &usageError{msg: "invalid " + optionForm(args, "I", "interruptible") + " argument: '" + *intr + "'", hint: true}
		}
	}
	if *detachOn != "" {
		if *detachOn != "execve" && *detachOn != "execveat" {
			return nil, false, errorf("Syscall '%s' for -b isn't supported", *detachOn)
		}
		cfg.detachExec = true
	}
	cfg.trace, _ = syscalls.ParseSyscallSet("all")
	cfg.signals, _ = syscalls.ParseSignalSet("all")
	cfg.status, _ = syscalls.ParseStatusSet("all")
	if err := anf.apply(cfg); err != nil {
		return nil, false, err
	}
	if err := crossCheck(fs, cfg, *separate); err != nil {
		return nil, false, err
	}
	if *tree {
		cfg.tree = true
		if cfg.follow == 0 {
			cfg.follow = 1 // later children are followed as with -f
		}
	}
	if *separate && cfg.follow == 1 {
		cfg.follow = 2
	}
	if quiet.count > 0 {
		quiet.sets = append(quiet.sets, "attach,personality") // --quiet alone: -q
	}
	if quietQ.count > 0 && (len(quiet.sets) > 0 || quietExpr(*exprs)) {
		return nil, false, errorf("-q and -e quiet/--quiet cannot be provided simultaneously")
	}
	if cfg.outFile != "" && len(cfg.cmd) > 0 && cfg.quiet == 0 && !quietExpr(*exprs) && len(quiet.sets) == 0 {
		// strace's default with "-o FILE PROG": no attach/detach
		// messages (a followed child's "Process N attached").
		cfg.quiet = 1
	}
	if stampsT.count > 0 && (stamps.count > 0 || stamps.set) {
		return nil, false, errorf("-t and --absolute-timestamps cannot be provided simultaneously")
	}
	if stamps.count > 0 && !stamps.set {
		stamps.set, stamps.stamp = true, format.StampSec // --absolute-timestamps alone: -t
	}
	if stampsT.count > 0 {
		stamps = stampsT
	}
	cfg.stamp, cfg.stampPrec = stamps.result()
	if *strSize < 0 {
		return nil, false, &usageError{msg: fmt.Sprintf("invalid -s argument: '%d'", *strSize), hint: true}
	}
	cfg.strSize = *strSize
	if *column < 0 {
		return nil, false, &usageError{msg: fmt.Sprintf("invalid -a argument: '%d'", *column), hint: true}
	}
	cfg.column = *column
	if xShort.count > 0 && (xflag.count > 0 || xflag.set) {
		return nil, false, errorf("-x and --strings-in-hex cannot be provided simultaneously")
	}
	if xflag.count > 0 && !xflag.set {
		xflag.set, xflag.mode = true, format.XAll // --strings-in-hex alone: all
	}
	if xShort.count > 0 {
		xflag = xShort
	}
	cfg.xmode = xflag.result()
	switch *style {
	case "raw":
		cfg.style = format.Raw
	case "abbrev":
		cfg.style = format.Abbrev
	case "verbose":
		cfg.style = format.Verbose
	default:
		return nil, false, &usageError{msg: "invalid -X argument: '" + *style + "'", hint: true}
	}
	for _, p := range *pids {
		for _, f := range strings.FieldsFunc(p, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			n, err := strconv.Atoi(f)
			if err != nil || n <= 0 {
				return nil, false, errorf("Invalid process id: '%s'", f)
			}
			cfg.pids = append(cfg.pids, n)
		}
	}
	all := []string(nil)
	if *decPids != "" {
		all = append(all, "decode-pids="+*decPids)
	}
	for _, q := range quiet.sets {
		all = append(all, "quiet="+q)
	}
	all = append(all, *exprs...)
	for _, v := range *traceL {
		all = append(all, "trace="+v)
	}
	for _, v := range *signalL {
		all = append(all, "signal="+v)
	}
	if *okOnly {
		all = append(all, "status=successful")
	}
	if *failOnly {
		all = append(all, "status=failed")
	}
	for _, v := range *statusL {
		all = append(all, "status="+v)
	}
	for _, v := range *injectL {
		all = append(all, "inject="+v)
	}
	for _, v := range *faultL {
		all = append(all, "fault="+v)
	}
	for _, e := range all {
		if err := cfg.qualify(e); err != nil {
			var ue *usageError
			if errors.As(err, &ue) {
				ue.warnings = cfg.warnings
			}
			return nil, false, err
		}
	}
	if cfg.stack && cfg.an.summary == 2 {
		cfg.warnings = append(cfg.warnings, "-k/--stack-traces has no effect with -c/--summary-only")
		cfg.stack = false
	}
	if cfg.killOnExit && len(cfg.pids) > 0 {
		// As strace 6.6: attached processes outlive their tracer.
		return nil, false, errorf("--kill-on-exit and -p/--attach are mutually exclusive options")
	}
	if cfg.tree && len(cfg.pids) == 0 {
		return nil, false, &usageError{msg: "--tree requires -p PID", hint: true}
	}
	if len(cfg.pids) == 0 && len(cfg.cmd) == 0 {
		return nil, false, &usageError{msg: "must have PROG [ARGS] or -p PID", hint: true}
	}
	return cfg, false, nil
}

// qualify applies one -e expression.
func (c *config) qualify(expr string) error {
	name, value, err := syscalls.ParseQualifier(expr)
	if err != nil {
		return qualifyErr(err)
	}
	if err := c.qualifyAn(name, value); err != errNotMine {
		return err
	}
	switch name {
	case "trace":
		set, err := syscalls.ParseSyscallSet(value)
		if err != nil {
			return qualifyErr(err)
		}
		c.trace, c.traceSet = set, true
	case "signal":
		set, err := syscalls.ParseSignalSet(value)
		if err != nil {
			return qualifyErr(err)
		}
		c.signals = set
	case "status":
		set, err := syscalls.ParseStatusSet(value)
		if err != nil {
			return qualifyErr(err)
		}
		c.status, c.statusSet = set, true
	case "quiet":
		set, err := syscalls.ParseWordSet(name, value)
		if err != nil {
			return qualifyErr(err)
		}
		if set.Has("attach") && c.quiet == 0 {
			c.quiet = 1
		}
		if set.Has("exit") {
			c.quiet = 2
		}
	case "inject", "fault":
		set, r, warnings, err := parseInject(value, name == "fault")
		c.warnings = append(c.warnings, warnings...)
		if err != nil {
			return err
		}
		if c.inject == nil {
			c.inject = new(injector)
		}
		c.inject.addRule(&set, r)
	case "read", "write":
		if _, err := syscalls.ParseDescriptorSet(value); err != nil {
			return qualifyErr(err)
		}
	case "decode-fds":
		if _, err := syscalls.ParseWordSet(name, value); err != nil {
			return qualifyErr(err)
		}
	case "decode-pids":
		set, err := syscalls.ParseWordSet(name, value)
		if err != nil {
			return qualifyErr(err)
		}
		// A later --decode-pids replaces an earlier one, as strace's.
		c.pidComm, c.pidNS = set.Has("comm"), set.Has("pidns")
	default: // abbrev, verbose, raw and the rest take syscall sets
		if _, err := syscalls.ParseSyscallSet(value); err != nil {
			return qualifyErr(err)
		}
		if name == "verbose" && value == "all" {
			c.verbose = true
		}
	}
	return nil
}

// qualifyErr carries a -e parse error with strace's hint line when strace
// prints one.
func qualifyErr(err error) error {
	var qe *syscalls.QualifyError
	if errors.As(err, &qe) {
		return &usageError{msg: qe.Msg, hint: qe.Help}
	}
	return errorf("%s", err.Error())
}

// pflagMessage turns pflag's error into strace's wording where they differ.
func pflagMessage(err error) string {
	s := err.Error()
	var sh string
	if _, e := fmt.Sscanf(s, "unknown shorthand flag: '%1s'", &sh); e == nil {
		return "invalid option -- '" + sh + "'"
	}
	if strings.HasPrefix(s, "unknown flag: ") {
		return "unrecognized option '" + strings.TrimPrefix(s, "unknown flag: ") + "'"
	}
	if errors.Is(err, pflag.ErrHelp) {
		return "help requested"
	}
	return s
}

func usageText(fs *pflag.FlagSet) string {
	return `Usage: gotrace [-ACdDffhikqqrtttTvVwxxyyYzZ] [-a COLUMN] [-e EXPR]... [-o FILE] [-s STRSIZE]
               [-X FORMAT] [-b SYSCALL] [-E VAR=VAL]... [-I N] [-u USERNAME]
               { -p PID... | [--] PROG [ARGS] }

Trace the system calls of PROG, or of running processes, as strace does.

Options:
` + flagUsages(fs) + `
Expressions (-e): trace=SET, signal=SET, status=SET, quiet=SET,
  abbrev=SET, verbose=SET, raw=SET,
  inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=NAME]
    [:delay_enter=DELAY][:delay_exit=DELAY][:poke_enter=@argN=HEX,...]
    [:poke_exit=@argN=HEX,...][:when=FIRST[..LAST][+[STEP]]],
  fault=SET[:error=ERRNO][:when=EXPR] (error ENOSYS by default);
  SET is [!]all, none, or a comma list of
  names, %classes (%file %network %process %signal %ipc %desc %memory %stat
  %lstat %fstat %%stat %statfs %fstatfs %%statfs %creds %clock %pure),
  /REGEX, ?NAME.
`
}

// flagUsages lists the options in strace's plain style: "-s, --long ARG",
// where ARG is the first upper-case word of the description (PID, FILE,
// STRSIZE…), and switches take none.
func flagUsages(fs *pflag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "  "
		if sh := shortOf[f.Name]; sh != "" {
			left += "-" + sh + ", "
		} else if f.Shorthand != "" {
			left += "-" + f.Shorthand + ", "
		} else {
			left += "    "
		}
		left += "--" + f.Name
		if t := f.Value.Type(); t != "bool" && t != "count" {
			arg := argWord.FindString(f.Usage)
			if arg == "" {
				arg = "VALUE"
			}
			if f.NoOptDefVal != "" {
				left += "[=" + arg + "]"
			} else {
				left += " " + arg
			}
		}
		b.WriteString(left)
		if len(left) < 36 {
			b.WriteString(strings.Repeat(" ", 36-len(left)))
		} else {
			b.WriteString("\n" + strings.Repeat(" ", 36))
		}
		b.WriteString(f.Usage)
		b.WriteByte('\n')
	})
	return b.String()
}

var argWord = regexp.MustCompile(`\b[A-Z][A-Z0-9_]*\b`)

// quietExpr reports whether a -e quiet= expression was given.
func quietExpr(exprs []string) bool {
	for _, e := range exprs {
		if strings.HasPrefix(e, "quiet=") || strings.HasPrefix(e, "q=") || strings.HasPrefix(e, "silent=") || strings.HasPrefix(e, "silence=") {
			return true
		}
	}
	return false
}

// optionForm is how the command line spelled an option, for strace's
// messages that name it: "--long" when that form was used, else "-s".
func optionForm(args []string, short, long string) string {
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		if a == "--"+long || strings.HasPrefix(a, "--"+long+"=") {
			return "--" + long
		}
	}
	return "-" + short
}

// longNameFor is the long option, among names, that the command line gave
// the value v, for strace's "invalid --NAME argument" message.
func longNameFor(args []string, v string, names []string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		for _, n := range names {
			if a == "--"+n+"="+v {
				return n
			}
		}
	}
	return names[0]
}

// shortOf names, for the help, the letter of a long option whose letter is
// a flag of its own (shortFlag).
var shortOf = map[string]string{"absolute-timestamps": "t", "strings-in-hex": "x", "quiet": "q", "decode-fds": "y"}

// shortFlag adds -letter as a hidden flag of its own, counted by v.
func shortFlag(fs *pflag.FlagSet, v pflag.Value, letter string) {
	f := fs.VarPF(v, "short-"+letter, letter, "")
	f.NoOptDefVal = noArg
	f.Hidden = true
}

// crossCheck applies strace's checks between options: the combinations it
// refuses (an error with its hint) and those it warns about and goes on
// (cfg.warnings, in strace's order).
func crossCheck(fs *pflag.FlagSet, cfg *config, separate bool) error {
	c, C := fs.Changed("summary-only"), fs.Changed("summary")
	sum := c || C || cfg.an.summary != 0 // --summary-by makes a summary too
	switch {
	case c && C:
		return &usageError{msg: "-c/--summary-only and -C/--summary are mutually exclusive", hint: true}
	case !sum && fs.Changed("summary-wall-clock"):
		return &usageError{msg: "-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)", hint: true}
	case !sum && fs.Changed("summary-columns"):
		return &usageError{msg: "-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)", hint: true}
	case sum && (separate || cfg.follow >= 2):
		return &usageError{msg: "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive", hint: true}
	}
	if fs.Changed("seccomp-bpf") && cfg.follow == 0 {
		cfg.warnings = append(cfg.warnings, "--seccomp-bpf cannot be used without -f/--follow-forks, disabling")
	}
	if !sum && fs.Changed("summary-sort-by") {
		cfg.warnings = append(cfg.warnings, "-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)")
	}
	if separate && cfg.outFile == "" {
		cfg.warnings = append(cfg.warnings, "--output-separately has no effect without -o/--output")
	}
	if cfg.appendOut && cfg.outFile == "" {
		cfg.warnings = append(cfg.warnings, "-A/--output-append-mode has no effect without -o/--output")
	}
	if fs.Changed("successful-only") && fs.Changed("failed-only") {
		cfg.warnings = append(cfg.warnings, "Only the last of -z/--successful-only/-Z/--failed-only options will take effect. See status qualifier for more complex filters.")
	}
	return nil
}
