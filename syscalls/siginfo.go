package syscalls

import (
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// siginfo_t as strace prints it: in "--- SIGCHLD {…} ---" lines and in the
// arguments of rt_sigqueueinfo, rt_sigtimedwait and waitid.
//
// x/sys names none of the si_code values (SI_*, SEGV_*, CLD_*…), so they are
// spelled in xlat/siginfo.txt (from which go generate writes zxlat.go) from
// the kernel's include/uapi/asm-generic/siginfo.h, with the names strace 6.1
// knows.

// siCode turns a negative si_code into the unsigned form it prints in.
func siCode(v int32) uint64 { return uint64(uint32(v)) }

// The si_code values of the signals the kernel raises itself (> 0).
var (
	sigillCodes = seqNames("ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP",
		"ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR")
	sigfpeCodes = append(seqNames("FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF",
		"FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"),
		format.Value{Val: 14, Name: "FPE_FLTUNK"}, format.Value{Val: 15, Name: "FPE_CONDTRAP"})
	sigsegvCodes = seqNames("SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR",
		"SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR")
	sigbusCodes  = seqNames("BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO")
	sigtrapCodes = seqNames("TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT",
		"TRAP_UNK", "TRAP_PERF")
	sigchldCodes = seqNames("CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
		"CLD_STOPPED", "CLD_CONTINUED")
	sigpollCodes = seqNames("POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP")
	sigprofCodes = seqNames("PROF_TIMER")
	sigsysCodes  = seqNames("SYS_SECCOMP", "SYS_USER_DISPATCH")
)

// The si_code values the decoder tests for (kernel values, as above).
const (
	cldExited    = 1
	pollIn       = 1
	pollHup      = 6 // POLL_IN…POLL_HUP carry si_band and si_fd
	busMceerrAR  = 4
	busMceerrAO  = 5
	segvBnderr   = 3
	segvPkuerr   = 4
	siCodeTimer  = -2
	siCodeSigio  = -5
	siCodeUser   = 0
	siCodeTkill  = -6
	siginfoBytes = 128
)

// seqNames is a value set numbered 1, 2, 3… in order.
func seqNames(names ...string) format.ValueSet {
	vs := make(format.ValueSet, len(names))
	for i, n := range names {
		vs[i] = format.Value{Val: uint64(i + 1), Name: n}
	}
	return vs
}

// sigNames maps 1–64 to strace's signal names (SIGRTMIN, SIGRT_1…).
var sigNames = func() format.ValueSet {
	vs := make(format.ValueSet, 0, 64)
	for n := 1; n <= 64; n++ {
		vs = append(vs, format.Value{Val: uint64(n), Name: SignalName(n)})
	}
	return vs
}()

// appendSignal appends signal n as strace's printsignal does: its name, or
// the number (decimal) when unknown or with -X raw; "10 /* SIGUSR1 */" with
// -X verbose.
func appendSignal(dst []byte, n int64, st format.Style) []byte {
	return sigNames.Append(dst, uint64(n), st, "", true)
}

// Signal appends signal n in the decoder's -X style.
func (d *Decoder) Signal(n int64) { d.B = appendSignal(d.B, n, d.Opts.Style) }

// sigCodeSet returns the si_code names specific to signal signo.
func sigCodeSet(signo int32) format.ValueSet {
	switch signo {
	case int32(unix.SIGTRAP):
		return sigtrapCodes
	case int32(unix.SIGCHLD):
		return sigchldCodes
	case int32(unix.SIGIO):
		return sigpollCodes
	case int32(unix.SIGPROF):
		return sigprofCodes
	case int32(unix.SIGILL):
		return sigillCodes
	case int32(unix.SIGFPE):
		return sigfpeCodes
	case int32(unix.SIGSEGV):
		return sigsegvCodes
	case int32(unix.SIGBUS):
		return sigbusCodes
	case int32(unix.SIGSYS):
		return sigsysCodes
	}
	return nil
}

// siginfo reads the fields of a siginfo_t (amd64 layout).
type siginfo []byte

func (s siginfo) i32(off int) int32  { return int32(binary.LittleEndian.Uint32(s[off:])) }
func (s siginfo) u32(off int) uint32 { return binary.LittleEndian.Uint32(s[off:]) }
func (s siginfo) u64(off int) uint64 { return binary.LittleEndian.Uint64(s[off:]) }

// Field offsets in siginfo_t on amd64.
const (
	siSigno   = 0
	siErrno   = 4
	siCodeOff = 8
	siPid     = 16 // also si_timerid, si_band, si_addr, si_call_addr
	siUid     = 20 // also si_overrun
	siValue   = 24 // si_int / si_ptr; also si_status, si_fd, si_syscall, si_addr_lsb
	siArch    = 28
	siUtime   = 32 // also si_lower, si_pkey, si_perf_data
	siStime   = 40 // also si_upper, si_perf_type
)

// AppendSiginfo appends the siginfo_t in si as strace prints it:
// {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, si_uid=0,
// si_status=0, si_utime=0, si_stime=0}, with the fields that the signal
// and its si_code carry.
func AppendSiginfo(dst []byte, si *[128]byte, o Options) []byte {
	d := Decoder{Opts: o, B: dst}
	d.siginfo(si[:])
	return d.B
}

// field appends ", name=".
func (d *Decoder) field(name string) {
	d.B = append(d.B, ", "...)
	d.B = append(d.B, name...)
	d.B = append(d.B, '=')
}

// clockT appends a clock_t in ticks, with its value in seconds as a
// comment (strace assumes USER_HZ, 100 ticks a second) unless -X raw.
func (d *Decoder) clockT(v uint64) {
	d.Uint(v)
	if d.Opts.Style != format.Raw && v != 0 {
		d.B = append(d.B, " /* "...)
		d.Uint(v / 100)
		d.B = append(d.B, '.')
		if v%100 < 10 {
			d.B = append(d.B, '0')
		}
		d.Uint(v % 100)
		d.B = append(d.B, " s */"...)
	}
}

// siginfo appends a siginfo_t held in b (at least 48 bytes).
func (d *Decoder) siginfo(b []byte) {
	s := siginfo(b)
	signo := s.i32(siSigno)
	d.B = append(d.B, '{')
	if signo == 0 {
		d.B = append(d.B, '}')
		return
	}
	d.B = append(d.B, "si_signo="...)
	d.Signal(int64(signo))
	code := s.i32(siCodeOff)
	d.field("si_code")
	name, ok := siCodes.Name(uint64(uint32(code)))
	if !ok {
		name, ok = sigCodeSet(signo).Name(uint64(uint32(code)))
	}
	d.B = appendXval(d.B, uint64(uint32(code)), name, ok, d.Opts.Style)
	if e := s.i32(siErrno); e != 0 {
		d.field("si_errno")
		// an errno: its name, the number with -X raw, both with -X
		// verbose (in decimal)
		n := ErrnoName(int(e))
		if n == "" || e <= 0 {
			d.Uint(uint64(uint32(e)))
		} else {
			switch d.Opts.Style {
			case format.Raw:
				d.Int(int64(e))
			case format.Verbose:
				d.Int(int64(e))
				d.S(" /* " + n + " */")
			default:
				d.S(n)
			}
		}
	}
	source := func() {
		d.field("si_pid")
		d.Pid(int64(s.i32(siPid)))
		d.field("si_uid")
		d.id(s.u32(siUid))
	}
	value := func() {
		d.field("si_int")
		d.Int(int64(s.i32(siValue)))
		d.field("si_ptr")
		d.Addr(s.u64(siValue))
	}
	if code <= 0 {
		switch code {
		case siCodeUser, siCodeTkill:
			source()
		case siCodeTimer:
			d.field("si_timerid")
			d.Hex(uint64(s.u32(siPid)))
			d.field("si_overrun")
			d.Int(int64(s.i32(siUid)))
			value()
		case siCodeSigio:
			d.field("si_band")
			d.Int(int64(s.u64(siPid)))
			d.field("si_fd")
			d.Fd(int(s.i32(siValue)))
		default:
			source()
			if s.u64(siValue) != 0 {
				value()
			}
		}
		d.B = append(d.B, '}')
		return
	}
	switch signo {
	case int32(unix.SIGCHLD):
		source()
		d.field("si_status")
		if code == cldExited {
			d.Int(int64(s.i32(siValue)))
		} else {
			d.Signal(int64(s.i32(siValue)))
		}
		d.field("si_utime")
		d.clockT(s.u64(siUtime))
		d.field("si_stime")
		d.clockT(s.u64(siStime))
	case int32(unix.SIGILL), int32(unix.SIGFPE):
		d.field("si_addr")
		d.Addr(s.u64(siPid))
	case int32(unix.SIGBUS):
		d.field("si_addr")
		d.Addr(s.u64(siPid))
		if code == busMceerrAR || code == busMceerrAO {
			d.field("si_addr_lsb")
			d.Hex(uint64(binary.LittleEndian.Uint16(b[siValue:])))
		}
	case int32(unix.SIGSEGV):
		d.field("si_addr")
		d.Addr(s.u64(siPid))
		switch code {
		case segvBnderr:
			d.field("si_lower")
			d.Addr(s.u64(siUtime))
			d.field("si_upper")
			d.Addr(s.u64(siStime))
		case segvPkuerr:
			d.field("si_pkey")
			d.Uint(uint64(s.u32(siUtime)))
		}
	case int32(unix.SIGTRAP):
		d.field("si_addr")
		d.Addr(s.u64(siPid))
		// TRAP_PERF's si_perf_* fields: strace 6.1 does not print them.
	case int32(unix.SIGIO):
		if code >= pollIn && code <= pollHup {
			d.field("si_band")
			d.Int(int64(s.u64(siPid)))
			d.field("si_fd")
			d.Fd(int(s.i32(siValue)))
		}
	case int32(unix.SIGSYS):
		d.field("si_call_addr")
		d.Addr(s.u64(siPid))
		d.field("si_syscall")
		nr := s.u32(siValue)
		arch := s.u32(siArch)
		if arch == unix.AUDIT_ARCH_X86_64 && int(nr) < len(names) && names[nr] != "" {
			switch d.Opts.Style {
			case format.Raw:
				d.Uint(uint64(nr))
			case format.Verbose:
				d.Uint(uint64(nr))
				d.B = append(d.B, " /* __NR_"...)
				d.B = append(d.B, names[nr]...)
				d.B = append(d.B, " */"...)
			default:
				d.B = append(d.B, "__NR_"...)
				d.B = append(d.B, names[nr]...)
			}
		} else {
			d.Uint(uint64(nr))
		}
		d.field("si_arch")
		d.Value(auditArch, uint64(arch), "AUDIT_ARCH_???")
	default:
		if s.i32(siPid) != 0 || s.u32(siUid) != 0 {
			source()
		}
		if s.u64(siValue) != 0 {
			value()
		}
	}
	d.B = append(d.B, '}')
}

// appendXval appends a value whose name (if ok) is already known, the way
// strace's print_xlat_ex does in the default style: the name; hex when
// unknown or raw; "hex /* name */" when verbose.
func appendXval(dst []byte, v uint64, name string, ok bool, st format.Style) []byte {
	switch {
	case !ok || st == format.Raw:
		return format.AppendHex(dst, v)
	case st == format.Verbose:
		dst = format.AppendHex(dst, v)
		dst = append(dst, " /* "...)
		dst = append(dst, name...)
		return append(dst, " */"...)
	}
	return append(dst, name...)
}

// id appends a uid or gid: unsigned, but -1 as -1.
func (d *Decoder) id(v uint32) {
	if v == ^uint32(0) {
		d.B = append(d.B, "-1"...)
		return
	}
	d.B = strconv.AppendUint(d.B, uint64(v), 10)
}

// siginfoAt appends the siginfo_t at addr, or the address when it cannot be
// read.
func (d *Decoder) siginfoAt(addr uint64) {
	b, ok := d.Read(addr, siginfoBytes)
	if !ok {
		d.Addr(addr)
		return
	}
	var si [siginfoBytes]byte
	copy(si[:], b)
	d.siginfo(si[:])
}

var (
	// SiginfoIn prints a siginfo_t the call reads (rt_sigqueueinfo's
	// uinfo) at entry; the bare address when unreadable.
	SiginfoIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.siginfoAt(c.Args[i]) }}
	// SiginfoOut prints a siginfo_t the call fills (rt_sigtimedwait's info,
	// waitid's infop) at exit, on success only; else the address.
	SiginfoOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.siginfoAt(c.Args[i])
	}}
)
