package syscalls

import (
	"bytes"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// prctl: the option, then its arguments as strace prints them for the
// common options; an unknown option prints its four arguments in hex.

// prctl.go's flag and value sets are listed in xlat/prctl.txt, from which
// go generate writes zxlat.go.

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
				// up to the 16 bytes of the name, "..." without a NUL
				// in them
				b, ok := d.readCString(addr, prctlTaskCommLen)
				if !ok {
					if b, ok = d.Read(addr, prctlTaskCommLen); !ok {
						d.Addr(addr)
						return
					}
					if j := bytes.IndexByte(b, 0); j >= 0 {
						b = b[:j]
					}
				}
				if len(b) < prctlTaskCommLen {
					d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
				} else {
					d.B = format.AppendQuoted(d.B, b[:prctlTaskCommLen], d.Opts.X, false)
					d.S("...")
				}
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
			case unix.PR_GET_CHILD_SUBREAPER:
				v, ok := d.ReadU32(addr)
				if !ok {
					d.Addr(addr)
					return
				}
				d.S("[")
				d.Uint(uint64(v))
				d.S("]")
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
