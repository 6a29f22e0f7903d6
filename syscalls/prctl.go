package syscalls

import (
	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// prctl: the option, then its arguments as strace prints them for the
// common options; an unknown option prints its four arguments in hex.

// prctlOptions are the options decoded here, plus the names of the rest
// strace knows.
var prctlOptions = format.ValueSet{
	{Val: unix.PR_SET_PDEATHSIG, Name: "PR_SET_PDEATHSIG"},
	{Val: unix.PR_GET_PDEATHSIG, Name: "PR_GET_PDEATHSIG"},
	{Val: unix.PR_GET_DUMPABLE, Name: "PR_GET_DUMPABLE"},
	{Val: unix.PR_SET_DUMPABLE, Name: "PR_SET_DUMPABLE"},
	{Val: unix.PR_GET_UNALIGN, Name: "PR_GET_UNALIGN"},
	{Val: unix.PR_SET_UNALIGN, Name: "PR_SET_UNALIGN"},
	{Val: unix.PR_GET_KEEPCAPS, Name: "PR_GET_KEEPCAPS"},
	{Val: unix.PR_SET_KEEPCAPS, Name: "PR_SET_KEEPCAPS"},
	{Val: unix.PR_GET_FPEMU, Name: "PR_GET_FPEMU"},
	{Val: unix.PR_SET_FPEMU, Name: "PR_SET_FPEMU"},
	{Val: unix.PR_GET_FPEXC, Name: "PR_GET_FPEXC"},
	{Val: unix.PR_SET_FPEXC, Name: "PR_SET_FPEXC"},
	{Val: unix.PR_GET_TIMING, Name: "PR_GET_TIMING"},
	{Val: unix.PR_SET_TIMING, Name: "PR_SET_TIMING"},
	{Val: unix.PR_SET_NAME, Name: "PR_SET_NAME"},
	{Val: unix.PR_GET_NAME, Name: "PR_GET_NAME"},
	{Val: unix.PR_GET_ENDIAN, Name: "PR_GET_ENDIAN"},
	{Val: unix.PR_SET_ENDIAN, Name: "PR_SET_ENDIAN"},
	{Val: unix.PR_GET_SECCOMP, Name: "PR_GET_SECCOMP"},
	{Val: unix.PR_SET_SECCOMP, Name: "PR_SET_SECCOMP"},
	{Val: unix.PR_CAPBSET_READ, Name: "PR_CAPBSET_READ"},
	{Val: unix.PR_CAPBSET_DROP, Name: "PR_CAPBSET_DROP"},
	{Val: unix.PR_GET_TSC, Name: "PR_GET_TSC"},
	{Val: unix.PR_SET_TSC, Name: "PR_SET_TSC"},
	{Val: unix.PR_GET_SECUREBITS, Name: "PR_GET_SECUREBITS"},
	{Val: unix.PR_SET_SECUREBITS, Name: "PR_SET_SECUREBITS"},
	{Val: unix.PR_SET_TIMERSLACK, Name: "PR_SET_TIMERSLACK"},
	{Val: unix.PR_GET_TIMERSLACK, Name: "PR_GET_TIMERSLACK"},
	{Val: unix.PR_TASK_PERF_EVENTS_DISABLE, Name: "PR_TASK_PERF_EVENTS_DISABLE"},
	{Val: unix.PR_TASK_PERF_EVENTS_ENABLE, Name: "PR_TASK_PERF_EVENTS_ENABLE"},
	{Val: unix.PR_MCE_KILL, Name: "PR_MCE_KILL"},
	{Val: unix.PR_MCE_KILL_GET, Name: "PR_MCE_KILL_GET"},
	{Val: unix.PR_SET_MM, Name: "PR_SET_MM"},
	{Val: unix.PR_SET_CHILD_SUBREAPER, Name: "PR_SET_CHILD_SUBREAPER"},
	{Val: unix.PR_GET_CHILD_SUBREAPER, Name: "PR_GET_CHILD_SUBREAPER"},
	{Val: unix.PR_SET_NO_NEW_PRIVS, Name: "PR_SET_NO_NEW_PRIVS"},
	{Val: unix.PR_GET_NO_NEW_PRIVS, Name: "PR_GET_NO_NEW_PRIVS"},
	{Val: unix.PR_GET_TID_ADDRESS, Name: "PR_GET_TID_ADDRESS"},
	{Val: unix.PR_SET_THP_DISABLE, Name: "PR_SET_THP_DISABLE"},
	{Val: unix.PR_GET_THP_DISABLE, Name: "PR_GET_THP_DISABLE"},
	{Val: unix.PR_MPX_ENABLE_MANAGEMENT, Name: "PR_MPX_ENABLE_MANAGEMENT"},
	{Val: unix.PR_MPX_DISABLE_MANAGEMENT, Name: "PR_MPX_DISABLE_MANAGEMENT"},
	{Val: unix.PR_SET_FP_MODE, Name: "PR_SET_FP_MODE"},
	{Val: unix.PR_GET_FP_MODE, Name: "PR_GET_FP_MODE"},
	{Val: unix.PR_CAP_AMBIENT, Name: "PR_CAP_AMBIENT"},
	{Val: unix.PR_SVE_SET_VL, Name: "PR_SVE_SET_VL"},
	{Val: unix.PR_SVE_GET_VL, Name: "PR_SVE_GET_VL"},
	{Val: unix.PR_GET_SPECULATION_CTRL, Name: "PR_GET_SPECULATION_CTRL"},
	{Val: unix.PR_SET_SPECULATION_CTRL, Name: "PR_SET_SPECULATION_CTRL"},
	{Val: unix.PR_PAC_RESET_KEYS, Name: "PR_PAC_RESET_KEYS"},
	{Val: unix.PR_SET_TAGGED_ADDR_CTRL, Name: "PR_SET_TAGGED_ADDR_CTRL"},
	{Val: unix.PR_GET_TAGGED_ADDR_CTRL, Name: "PR_GET_TAGGED_ADDR_CTRL"},
	{Val: unix.PR_SET_IO_FLUSHER, Name: "PR_SET_IO_FLUSHER"},
	{Val: unix.PR_GET_IO_FLUSHER, Name: "PR_GET_IO_FLUSHER"},
	{Val: unix.PR_SET_SYSCALL_USER_DISPATCH, Name: "PR_SET_SYSCALL_USER_DISPATCH"},
	{Val: unix.PR_PAC_SET_ENABLED_KEYS, Name: "PR_PAC_SET_ENABLED_KEYS"},
	{Val: unix.PR_PAC_GET_ENABLED_KEYS, Name: "PR_PAC_GET_ENABLED_KEYS"},
	{Val: unix.PR_SCHED_CORE, Name: "PR_SCHED_CORE"},
	{Val: unix.PR_SET_VMA, Name: "PR_SET_VMA"},
	{Val: unix.PR_SET_PTRACER, Name: "PR_SET_PTRACER"},
}

// suidDump are PR_SET_DUMPABLE's values (x/sys lacks SUID_DUMP_*).
var suidDump = format.ValueSet{
	{Val: 0, Name: "SUID_DUMP_DISABLE"},
	{Val: 1, Name: "SUID_DUMP_USER"},
	{Val: 2, Name: "SUID_DUMP_ROOT"},
}

// prSetVMA are PR_SET_VMA's sub-options.
var prSetVMA = format.ValueSet{{Val: unix.PR_SET_VMA_ANON_NAME, Name: "PR_SET_VMA_ANON_NAME"}}

// prctlTaskCommLen is the size of a thread name (TASK_COMM_LEN).
const prctlTaskCommLen = 16

// prctlHex appends ", " and arguments from..to-1 in hex.
func (d *Decoder) prctlHex(c *Call, from, to int) {
	for k := from; k < to; k++ {
		d.S(", ")
		d.Hex(c.Args[k])
	}
}

var (
	// PrctlOption prints prctl's option and the arguments known at entry
	// (it reads args[1..4], which are Covered or PrctlOut).
	PrctlOption = &Arg{Print: func(d *Decoder, c *Call, i int) {
		op := uint32(c.Args[0])
		d.Value(prctlOptions, uint64(op), "PR_???")
		if prctlOutArg(op) {
			return
		}
		switch op {
		case unix.PR_SET_NAME:
			d.S(", ")
			d.cstr(c.Args[1], prctlTaskCommLen-1)
		case unix.PR_SET_PDEATHSIG:
			d.S(", ")
			d.Signal(int64(c.Args[1]))
		case unix.PR_SET_DUMPABLE:
			d.S(", ")
			d.Value(suidDump, c.Args[1], "SUID_DUMP_???")
		case unix.PR_CAPBSET_READ, unix.PR_CAPBSET_DROP:
			d.S(", ")
			d.Value(capSet, c.Args[1], "CAP_???")
		case unix.PR_SET_CHILD_SUBREAPER, unix.PR_SET_KEEPCAPS, unix.PR_SET_TIMERSLACK,
			unix.PR_SET_THP_DISABLE, unix.PR_SET_IO_FLUSHER, unix.PR_SET_SECUREBITS:
			d.S(", ")
			d.Uint(c.Args[1])
		case unix.PR_SET_NO_NEW_PRIVS, unix.PR_GET_NO_NEW_PRIVS:
			if op == unix.PR_SET_NO_NEW_PRIVS {
				d.S(", ")
				d.Uint(c.Args[1])
			} else {
				d.prctlHex(c, 1, 2)
			}
			d.prctlHex(c, 2, 5)
		case unix.PR_SET_VMA:
			d.S(", ")
			d.Value(prSetVMA, c.Args[1], "PR_SET_VMA_???")
			d.S(", ")
			d.Hex(c.Args[2])
			d.S(", ")
			d.Uint(c.Args[3])
			d.S(", ")
			d.Str(c.Args[4])
		case unix.PR_SET_PTRACER:
			d.S(", ")
			if int64(c.Args[1]) == -1 {
				d.S("PR_SET_PTRACER_ANY")
			} else {
				d.Int(int64(int32(c.Args[1])))
			}
		case unix.PR_GET_DUMPABLE, unix.PR_GET_KEEPCAPS, unix.PR_GET_SECCOMP, unix.PR_GET_TIMERSLACK,
			unix.PR_GET_THP_DISABLE, unix.PR_GET_IO_FLUSHER, unix.PR_GET_SECUREBITS,
			unix.PR_TASK_PERF_EVENTS_DISABLE, unix.PR_TASK_PERF_EVENTS_ENABLE,
			unix.PR_GET_TIMING, unix.PR_MCE_KILL_GET:
		default:
			d.prctlHex(c, 1, 5)
		}
	}}
	// PrctlOut prints at exit what prctl stored through args[1] for the
	// options that return through a pointer (PR_GET_NAME's name,
	// PR_GET_PDEATHSIG's signal…); it takes no place for the others.
	PrctlOut = &Arg{
		AtExit: true,
		Skip:   func(c *Call, i int) bool { return !prctlOutArg(uint32(c.Args[0])) },
		Print: func(d *Decoder, c *Call, i int) {
			op, addr := uint32(c.Args[0]), c.Args[1]
			if c.Failed() {
				d.Addr(addr)
				return
			}
			switch op {
			case unix.PR_GET_NAME:
				d.cstr(addr, prctlTaskCommLen-1)
			case unix.PR_GET_PDEATHSIG:
				v, ok := d.ReadU32(addr)
				if !ok {
					d.Addr(addr)
					return
				}
				d.S("[")
				d.Signal(int64(int32(v)))
				d.S("]")
			case unix.PR_GET_TID_ADDRESS:
				d.numOut(addr, true)
			default:
				d.numOut(addr, false)
			}
		}}
)

// prctlOutArg reports whether option op returns a value through args[1].
func prctlOutArg(op uint32) bool {
	switch op {
	case unix.PR_GET_NAME, unix.PR_GET_PDEATHSIG, unix.PR_GET_CHILD_SUBREAPER,
		unix.PR_GET_TID_ADDRESS, unix.PR_GET_FPEMU, unix.PR_GET_FPEXC, unix.PR_GET_ENDIAN,
		unix.PR_GET_UNALIGN, unix.PR_GET_TSC:
		return true
	}
	return false
}

// prctlDone is prctl's exit hook: PR_GET_DUMPABLE's result is named
// (SUID_DUMP_USER).
func prctlDone(d *Decoder, c *Call) { prctlDetail(c) }

func prctlDetail(c *Call) {
	if c.Failed() || uint32(c.Args[0]) != unix.PR_GET_DUMPABLE {
		return
	}
	if n, ok := suidDump.Name(uint64(c.Ret)); ok {
		c.Detail = n
	}
}
