package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
)

// futex and futex_waitv. x/sys has no FUTEX_* constants: the values are
// the kernel's include/uapi/linux/futex.h.

// The futex commands (the low 7 bits of futex_op).
const (
	futexWait          = 0
	futexWake          = 1
	futexFd            = 2
	futexRequeue       = 3
	futexCmpRequeue    = 4
	futexWakeOp        = 5
	futexLockPI        = 6
	futexUnlockPI      = 7
	futexTrylockPI     = 8
	futexWaitBitset    = 9
	futexWakeBitset    = 10
	futexWaitRequeuePI = 11
	futexCmpRequeuePI  = 12
	futexLockPI2       = 13

	futexPrivateFlag   = 128
	futexClockRealtime = 256
	futexCmdMask       = 127

	futexOpOpargShift = 8 // in FUTEX_WAKE_OP's val3, bits 28-31
)

var futexCmdNames = [...]string{
	"FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE", "FUTEX_CMP_REQUEUE",
	"FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
	"FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_REQUEUE_PI",
	"FUTEX_CMP_REQUEUE_PI", "FUTEX_LOCK_PI2",
}

// futexOps names futex_op the way strace 6.1 does: each command, each
// command with the private flag as NAME_PRIVATE (FUTEX_FD's as
// FUTEX_FD|FUTEX_PRIVATE_FLAG), and the clock flag spelled out only for the
// waiting commands; other combinations are unknown (0xe3 /* FUTEX_??? */).
var futexOps = func() format.ValueSet {
	var vs format.ValueSet
	for cmd, name := range futexCmdNames {
		vs = append(vs, format.Value{Val: uint64(cmd), Name: name})
	}
	for cmd, name := range futexCmdNames {
		if cmd == futexFd {
			name += "|FUTEX_PRIVATE_FLAG"
		} else {
			name += "_PRIVATE"
		}
		vs = append(vs, format.Value{Val: uint64(cmd | futexPrivateFlag), Name: name})
	}
	for _, cmd := range []int{futexWait, futexWaitBitset, futexWaitRequeuePI} {
		vs = append(vs,
			format.Value{Val: uint64(cmd | futexClockRealtime), Name: futexCmdNames[cmd] + "|FUTEX_CLOCK_REALTIME"},
			format.Value{Val: uint64(cmd | futexPrivateFlag | futexClockRealtime), Name: futexCmdNames[cmd] + "_PRIVATE|FUTEX_CLOCK_REALTIME"})
	}
	return vs
}()

// futex.go's flag and value sets are listed in xlat/futex.txt, from which
// go generate writes zxlat.go.

// xvalShift appends a value set's name "<<shift" (FUTEX_OP_ADD<<28), the
// unknown comment after the shift.
func (d *Decoder) xvalShift(vs format.ValueSet, v uint64, shift int, dflt string) {
	name, ok := vs.Name(v)
	switch {
	case d.Opts.Style == format.Raw || !ok:
		d.Hex(v)
	case d.Opts.Style == format.Verbose:
		d.Hex(v)
		d.S(" /* " + name + " */")
	default:
		d.S(name)
	}
	d.S("<<")
	d.Int(int64(shift))
	if !ok || d.Opts.Style == format.Raw {
		d.S(" /* " + dflt + " */")
	}
}

// futexWakeOp appends FUTEX_WAKE_OP's val3: the operation, its argument,
// the comparison and its argument.
func (d *Decoder) futexWakeOp(v uint32) {
	if (v>>28)&futexOpOpargShift != 0 {
		if d.Opts.Style == format.Abbrev {
			d.S("FUTEX_OP_OPARG_SHIFT")
		} else {
			d.Hex(futexOpOpargShift)
			if d.Opts.Style == format.Verbose {
				d.S(" /* FUTEX_OP_OPARG_SHIFT */")
			}
		}
		d.S("<<28|")
	}
	d.xvalShift(futexWakeOps, uint64((v>>28)&7), 28, "FUTEX_OP_???")
	d.S("|")
	d.Hex(uint64((v >> 12) & 0xfff))
	d.S("<<12|")
	d.xvalShift(futexWakeCmps, uint64((v>>24)&0xf), 24, "FUTEX_OP_CMP_???")
	d.S("|")
	d.Hex(uint64(v & 0xfff))
}

// Futex prints all of futex's arguments after uaddr (it takes the place of
// futex_op): which ones and how depend on the command, as strace prints
// them. It reads args[1] to args[5].
var Futex = &Arg{Print: func(d *Decoder, c *Call, i int) {
	op := uint32(c.Args[1])
	val := uint32(c.Args[2])
	val2 := uint32(c.Args[3])
	timeout, uaddr2 := c.Args[3], c.Args[4]
	val3 := uint32(c.Args[5])
	d.Value(futexOps, uint64(op), "FUTEX_???")
	next := func() { d.S(", ") }
	switch op & futexCmdMask {
	case futexWait:
		next()
		d.Uint(uint64(val))
		next()
		d.timespec(timeout)
	case futexLockPI, futexLockPI2:
		next()
		d.timespec(timeout)
	case futexWaitBitset:
		next()
		d.Uint(uint64(val))
		next()
		d.timespec(timeout)
		next()
		d.Value(futexBitset, uint64(val3), "")
	case futexWakeBitset:
		next()
		d.Uint(uint64(val))
		next()
		d.Value(futexBitset, uint64(val3), "")
	case futexRequeue:
		next()
		d.Uint(uint64(val))
		next()
		d.Uint(uint64(val2))
		next()
		d.Addr(uaddr2)
	case futexCmpRequeue, futexCmpRequeuePI:
		next()
		d.Uint(uint64(val))
		next()
		d.Uint(uint64(val2))
		next()
		d.Addr(uaddr2)
		next()
		d.Uint(uint64(val3))
	case futexWakeOp:
		next()
		d.Uint(uint64(val))
		next()
		d.Uint(uint64(val2))
		next()
		d.Addr(uaddr2)
		next()
		d.futexWakeOp(val3)
	case futexWaitRequeuePI:
		next()
		d.Uint(uint64(val))
		next()
		d.timespec(timeout)
		next()
		d.Addr(uaddr2)
	case futexFd, futexWake:
		next()
		d.Uint(uint64(val))
	case futexUnlockPI, futexTrylockPI:
	default:
		next()
		d.Uint(uint64(val))
		next()
		d.Addr(timeout)
		next()
		d.Addr(uaddr2)
		next()
		d.Hex(uint64(val3))
	}
}}

// futexWaitvMax bounds the waiters printed (the kernel's limit is 128).
const futexWaitvMax = 128

// FutexWaitv prints futex_waitv's waiters array at entry: its count is the
// next argument. [{val=…, uaddr=…, flags=…}, …]
var FutexWaitv = &Arg{Print: func(d *Decoder, c *Call, i int) {
	addr, n := c.Args[i], c.Args[i+1]
	if addr == 0 {
		d.S("NULL")
		return
	}
	if n > futexWaitvMax {
		d.Addr(addr)
		return
	}
	b, ok := d.Read(addr, int(n)*24)
	if !ok {
		d.Addr(addr)
		return
	}
	w := make([]byte, len(b))
	copy(w, b)
	d.S("[")
	for k := 0; k < int(n); k++ {
		if k > 0 {
			d.S(", ")
		}
		e := w[24*k:]
		d.S("{val=")
		d.Hex(binary.LittleEndian.Uint64(e))
		d.S(", uaddr=")
		d.Addr(binary.LittleEndian.Uint64(e[8:]))
		d.S(", flags=")
		d.Flags(futexWaitvFlags, uint64(binary.LittleEndian.Uint32(e[16:])), "FUTEX_???")
		d.S("}")
	}
	d.S("]")
}}
