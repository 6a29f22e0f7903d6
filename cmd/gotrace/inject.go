package main

// Syscall tampering: -e inject= and -e fault= (strace's "Tampering"
// section). The session decides at each traced call's entry whether an
// injection fires (the when= counters are per syscall and per thread, as
// strace counts them), pokes tracee memory itself, and asks the tracer for
// the rest through ptrace.Tamper: the syscall number replaced (then the
// return value set at the exit), a signal, a hold (delay).
//
// As in strace, only traced calls are tampered with (-e trace=, -P): so
// gotrace's seccomp filter, which stops exactly at the traced calls, never
// hides a call to tamper with, and stays on. One exception (noSeccomp): a
// signal= injection. The kernel drops a signal given when resuming from a
// seccomp stop (strace --seccomp-bpf loses it too), and strace 6.1 runs
// without its filter by default, so the signal is delivered there.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/syscalls"
	"golang.org/x/sys/unix"
)

// injectLastInf is when='s "no last invocation" (strace's value: a last
// of 65535 cannot be given).
const injectLastInf = 0xffff

// injectRule is one -e inject= or -e fault= expression.
type injectRule struct {
	first, last, step int // when=first..last+step
	errno             int // error=, or 0
	retval            uint64
	hasRetval         bool
	signo             int // signal=, or 0
	scno              int // syscall=: the call run instead of -1
	hasScno           bool
	delayEnter        time.Duration
	delayExit         time.Duration
	hasDelayEnter     bool
	hasDelayExit      bool
	pokeEnter         []pokeData
	pokeExit          []pokeData
}

// pokeData is one @argN=HEX of poke_enter= or poke_exit=.
type pokeData struct {
	arg  int // 1..7
	data []byte
}

// injector holds the rules, by syscall number: a later expression
// replaces an earlier one for the calls both name, as in strace.
type injector struct {
	rules [syscallSetSlots]*injectRule
	// signals: some rule delivers a signal (see noSeccomp).
	signals bool
	// execSeen: the launched command's first execve went by; strace does
	// not tamper with it (its tracee still runs strace's own code).
	execSeen bool
	tamper   ptrace.Tamper
}

// syscallSetSlots bounds the syscall numbers a rule can name.
const syscallSetSlots = 1024

// injectThread is a thread's injection state: its when= counters (copied
// from the rules at its first tamperable call) and the call in flight.
type injectThread struct {
	first, last []uint16
	rule        *injectRule // the call in flight fired this rule
	poked       bool        // memory was poked (at entry or exit)
	delayed     bool        // the call was held
}

// addRule records a parsed expression for every syscall of its set.
func (in *injector) addRule(set *syscalls.SyscallSet, r *injectRule) {
	in.signals = in.signals || r.signo != 0
	for nr := range in.rules {
		if set.Has(nr) && syscalls.Name(nr) != "" && !strings.HasPrefix(syscalls.Name(nr), "syscall_") {
			in.rules[nr] = r
		}
	}
}

// enter runs at every syscall entry, before it is printed: if the call is
// traced and an injection fires, it pokes and sets ev.Tamper.
func (in *injector) enter(s *session, st *tstate, ev *ptrace.Event) {
	if st.inj != nil {
		st.inj.rule, st.inj.poked, st.inj.delayed = nil, false, false
	}
	if ev.Compat || ev.Sysno < 0 || ev.Sysno >= len(in.rules) || !(st.shown || st.an.counted) {
		return
	}
	if !in.execSeen && ev.Tid == s.launched && ev.Sysno == unix.SYS_EXECVE {
		in.execSeen = true
		return
	}
	r := in.rules[ev.Sysno]
	if r == nil {
		return
	}
	it := st.inj
	if it == nil {
		it = &injectThread{first: make([]uint16, len(in.rules)), last: make([]uint16, len(in.rules))}
		for nr, rr := range in.rules {
			if rr != nil {
				it.first[nr], it.last[nr] = uint16(rr.first), uint16(rr.last)
			}
		}
		st.inj = it
	}
	// strace's counting: the call is the next invocation; it fires when
	// first counts down to 0, then first restarts at step (0: never again),
	// and last counts down to the end of the range.
	nr := ev.Sysno
	if it.first[nr] == 0 || it.last[nr] == 0 {
		return
	}
	if it.last[nr] != injectLastInf {
		it.last[nr]--
	}
	if it.first[nr]--; it.first[nr] != 0 {
		return
	}
	it.first[nr] = uint16(r.step)
	it.rule = r
	tp := &in.tamper
	*tp = ptrace.Tamper{Signal: r.signo}
	if r.errno != 0 || r.hasRetval {
		tp.SetNr, tp.Nr = true, -1
		if r.hasScno {
			tp.Nr = r.scno
		}
		if r.hasRetval {
			tp.Ret = int64(r.retval)
		} else {
			tp.Ret = -int64(r.errno)
		}
	}
	if len(r.pokeEnter) > 0 {
		it.poked = in.poke(s, st, ev, r.pokeEnter) || it.poked
	}
	if r.hasDelayEnter {
		tp.Hold, it.delayed = r.delayEnter, true
	}
	ev.Tamper = tp
}

// exit runs at the exit of a call an injection fired for, before it is
// decoded: poke_exit= and delay_exit=.
func (in *injector) exit(s *session, st *tstate, ev *ptrace.Event) {
	r := st.inj.rule
	if len(r.pokeExit) > 0 {
		st.inj.poked = in.poke(s, st, ev, r.pokeExit) || st.inj.poked
	}
	if r.hasDelayExit {
		in.tamper = ptrace.Tamper{Hold: r.delayExit}
		ev.Tamper = &in.tamper
		st.inj.delayed = true
	}
	if ev.TamperFailed {
		what := "no "
		rval, errno := ev.Ret, int64(0)
		if ev.Ret < 0 && ev.Ret >= -4095 {
			what, rval, errno = "", -1, -ev.Ret
		}
		s.message(fmt.Sprintf("Failed to tamper with process %d: unexpectedly got %serror (return value %s, error %d)",
			ev.Tid, what, hexC(uint64(rval)), errno))
	}
}

// noSeccomp says the session must run without gotrace's seccomp filter:
// a signal= injection is delivered at the entry's stop, which must then be
// a syscall-entry stop, not a seccomp stop.
func (in *injector) noSeccomp() bool { return in != nil && in.signals }

// hexC prints a number as C's "%#lx" does: 0 without "0x".
func hexC(v uint64) string {
	if v == 0 {
		return "0"
	}
	return "0x" + strconv.FormatUint(v, 16)
}

// poke writes each @argN's data where argument N points, and reports
// whether any was written; failures are reported as strace reports them.
func (in *injector) poke(s *session, st *tstate, ev *ptrace.Event, pokes []pokeData) bool {
	poked := false
	for _, p := range pokes {
		e := syscalls.Lookup(ev.Sysno)
		if e.NArgs < p.arg {
			s.message(fmt.Sprintf("poke_tcb: Failed to tamper with process %d: requested to tamper with argument #%d, but system call '%s' has only %d arguments",
				ev.Tid, p.arg, e.Name, e.NArgs))
			continue
		}
		if n, _ := s.tr.WriteMem(ev.Tid, st.call.Args[p.arg-1], p.data); n == 0 {
			s.message(fmt.Sprintf("poke_tcb: Failed to tamper with process %d: couldn't poke", ev.Tid))
		} else {
			poked = true
		}
	}
	return poked
}

// appendNote adds strace's notes after a tampered call's return value.
func (in *injector) appendNote(b []byte, st *tstate, ev *ptrace.Event) []byte {
	it := st.inj
	poked, delayed := it != nil && it.poked, it != nil && it.delayed
	switch {
	case ev.Tampered && poked:
		b = append(b, " (INJECTED: args, retval)"...)
	case poked:
		b = append(b, " (INJECTED: args)"...)
	case ev.Tampered:
		b = append(b, " (INJECTED)"...)
	}
	if delayed {
		b = append(b, " (DELAYED)"...)
	}
	return b
}

// Parsing.

// parseInject reads the value of -e inject= (fault false) or -e fault=
// as strace 6.1 does, with its messages; warnings are strace's notes on
// a retval that a caller could take for an error.
func parseInject(str string, fault bool) (set syscalls.SyscallSet, r *injectRule, warnings []string, err error) {
	desc := "inject argument"
	if fault {
		desc = "fault argument"
	}
	bad := func() error { return errorf("invalid %s '%s'", desc, str) }
	r = &injectRule{first: 1, last: injectLastInf, step: 1}
	var name string
	if str != "" && str[0] != ':' {
		toks := strings.FieldsFunc(str, func(c rune) bool { return c == ':' })
		name = toks[0]
		for _, tok := range toks[1:] {
			w, ok := r.parseToken(tok, fault)
			warnings = append(warnings, w...)
			if !ok {
				return set, nil, warnings, bad()
			}
		}
	}
	set, err = syscalls.ParseSyscallSet(name)
	if err != nil {
		return set, nil, warnings, qualifyErr(err)
	}
	if r.errno == 0 && !r.hasRetval && r.signo == 0 && !r.hasDelayEnter && !r.hasDelayExit &&
		r.pokeEnter == nil && r.pokeExit == nil {
		if !fault {
			return set, nil, warnings, bad()
		}
		r.errno = int(unix.ENOSYS) // fault='s default
	}
	return set, r, warnings, nil
}

// parseToken reads one ':'-separated token of an injection expression.
func (r *injectRule) parseToken(tok string, fault bool) (warnings []string, ok bool) {
	key, val, _ := strings.Cut(tok, "=")
	if !strings.Contains(tok, "=") {
		return nil, false
	}
	switch {
	case key == "when":
		return nil, r.parseWhen(val)
	case key == "syscall":
		if r.hasScno {
			return nil, false
		}
		nr, found := syscalls.Number(val)
		if !found || !pureSyscalls.Has(nr) {
			return nil, false // only calls without side effects
		}
		r.scno, r.hasScno = nr, true
	case key == "error":
		if r.errno != 0 || r.hasRetval {
			return nil, false
		}
		n, _ := strToUint(val, 4095, "")
		if n < 0 {
			n = errnoByName(val)
		}
		if n < 1 {
			return nil, false
		}
		r.errno = int(n)
	case fault:
		return nil, false
	case key == "retval":
		if r.errno != 0 || r.hasRetval {
			return nil, false
		}
		v, ok := strToUllong(val)
		if !ok {
			return nil, false
		}
		r.retval, r.hasRetval = v, true
		return retvalWarnings(v), true
	case key == "signal":
		if r.signo != 0 {
			return nil, false
		}
		n := injectSignal(val)
		if n < 1 || n > 64 {
			return nil, false
		}
		r.signo = n
	case key == "poke_enter" || key == "poke_exit":
		dst := &r.pokeEnter
		if key == "poke_exit" {
			dst = &r.pokeExit
		}
		if *dst != nil {
			return nil, false
		}
		p, ok := parsePokes(val)
		if !ok {
			return nil, false
		}
		*dst = p
	case key == "delay_enter" || key == "delay_exit":
		d, has := &r.delayEnter, &r.hasDelayEnter
		if key == "delay_exit" {
			d, has = &r.delayExit, &r.hasDelayExit
		}
		if *has {
			return nil, false
		}
		v, err := parseTimeSpec(val)
		if err != nil {
			return nil, false
		}
		*d, *has = v, true
	default:
		return nil, false
	}
	return nil, true
}

// parseWhen reads first[..last][+[step]]: first and step 1..65535, last
// first..65534. A later when= replaces an earlier one.
func (r *injectRule) parseWhen(val string) bool {
	first, rest := strToUint(val, 0xffff, "+.")
	if first < 1 {
		return false
	}
	r.first = int(first)
	if strings.HasPrefix(rest, ".") {
		if !strings.HasPrefix(rest, "..") {
			return false
		}
		last, rest2 := strToUint(rest[2:], 0xffff, "+")
		if last < first || last == injectLastInf {
			return false
		}
		r.last, rest = int(last), rest2
	} else {
		r.last = injectLastInf
	}
	switch {
	case rest != "" && rest[1:] != "":
		step, _ := strToUint(rest[1:], 0xffff, "")
		if step < 1 {
			return false
		}
		r.step = int(step)
	case rest != "":
		r.step = 1 // first+, first..last+
	case r.last == injectLastInf:
		r.step = 0 // first alone: that invocation only
	default:
		r.step = 1 // first..last
	}
	return true
}

// strToUint reads a number as strace's string_to_uint_ex does (strtoll in
// base 10: leading blanks and a sign allowed), up to max, followed by the
// end of s or one of the bytes of endings; it returns -1 if it is not one,
// and the rest of s.
func strToUint(s string, max int64, endings string) (int64, string) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return -1, s
	}
	v, err := strconv.ParseInt(s[i:j], 10, 64)
	if err != nil || (neg && v != 0) || v > max {
		return -1, s
	}
	rest := s[j:]
	if rest != "" && !strings.ContainsRune(endings, rune(rest[0])) {
		return -1, s
	}
	return v, rest
}

func isCSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// strToUllong reads retval= as strace does with strtoull in base 0: blanks,
// a sign (a minus negates modulo 2^64), 0x for hex, 0 for octal; the
// whole string, no overflow.
func strToUllong(s string) (uint64, bool) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base, digits := 10, s[i:]
	switch {
	case len(digits) > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X') && isHex(digits[2]):
		base, digits = 16, digits[2:]
	case len(digits) > 0 && digits[0] == '0':
		base = 8
	}
	if digits == "" {
		return 0, false
	}
	v, err := strconv.ParseUint(digits, base, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// retvalWarnings are strace's notes on a retval that reads as an error,
// natively or in the 32-bit personality, or that 32 bits cannot hold.
func retvalWarnings(v uint64) []string {
	if int64(v) < 0 && int64(v) >= -4095 {
		return []string{fmt.Sprintf("Inadvertent injection of error %d is possible for retval=%d", -int64(v), v)}
	}
	if int32(v) < 0 && int32(v) >= -4095 {
		return []string{fmt.Sprintf("Inadvertent injection of error %d is possible in compat personality for retval=%d", -int32(v), v)}
	}
	if uint64(uint32(v)) != v {
		return []string{fmt.Sprintf("Injected return value %d will be clipped to %d in compat personality", v, uint32(v))}
	}
	return nil
}

// errnoByName finds an errno by strace's name for it, in any case, or -1.
func errnoByName(s string) int64 {
	for n := 1; n < 4096; n++ {
		if name := syscalls.ErrnoName(n); name != "" && strings.EqualFold(name, s) {
			return int64(n)
		}
	}
	return -1
}

// injectSignal reads signal= as strace does: a number up to 255 if it
// starts with a digit, else a name with or without SIG in any case.
func injectSignal(s string) int {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		n, _ := strToUint(s, 255, "")
		return int(n)
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "SIG") {
		s = s[3:]
	}
	for n := 1; n <= 255; n++ {
		if name := syscalls.SignalName(n); strings.HasPrefix(name, "SIG") && strings.EqualFold(name[3:], s) {
			return n
		}
	}
	return -1
}

// parsePokes reads @argN=HEX[,@argM=HEX…]: N 1..7 once each, HEX an even
// number of hex digits, at most 2048.
func parsePokes(val string) ([]pokeData, bool) {
	if val == "" {
		return nil, false
	}
	var out []pokeData
	for _, tok := range strings.Split(val, ",") {
		if tok == "" {
			continue
		}
		rest, ok := strings.CutPrefix(tok, "@arg")
		if !ok || len(rest) < 2 || rest[0] < '1' || rest[0] > '7' || rest[1] != '=' {
			return nil, false
		}
		hex := rest[2:]
		if hex == "" || len(hex)%2 != 0 || len(hex) > 2048 {
			return nil, false
		}
		p := pokeData{arg: int(rest[0] - '0'), data: make([]byte, len(hex)/2)}
		for i := range p.data {
			v, err := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
			if err != nil {
				return nil, false
			}
			p.data[i] = byte(v)
		}
		for _, q := range out {
			if q.arg == p.arg {
				return nil, false
			}
		}
		out = append(out, p)
	}
	return out, true
}

// pureSyscalls are the calls syscall= may name (strace's %pure).
var pureSyscalls, _ = syscalls.ParseSyscallSet("%pure")
