package syscalls

import (
	"encoding/binary"
	"math/bits"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The signal family: rt_sigaction, rt_sigprocmask, rt_sigreturn,
// rt_sigpending, rt_sigtimedwait, rt_sigqueueinfo, rt_tgsigqueueinfo,
// rt_sigsuspend, sigaltstack, kill, tkill, tgkill, pidfd_send_signal.

// signal.go's flag and value sets are listed in xlat/signal.txt, from which
// go generate writes zxlat.go.

// saRestorer is the SA_RESTORER bit: sa_restorer is printed only with it.
const saRestorer = 0x04000000

// nsigBytes is the kernel's sigset_t size on amd64 (64 signals).
const nsigBytes = 8

// appendSigmask appends a signal set of len(mask) bytes (at most 8 used)
// as strace prints one: [INT TERM RT_2], or ~[…] listing the signals not
// in the set when two thirds or more of its bits are set; numbers with
// -X raw, "2 /* INT */" with -X verbose.
func appendSigmask(dst []byte, mask []byte, st format.Style) []byte {
	var words [2]uint32
	n := len(mask)
	if n > nsigBytes {
		n = nsigBytes
	}
	var tmp [nsigBytes]byte
	copy(tmp[:], mask[:n])
	words[0] = binary.LittleEndian.Uint32(tmp[0:])
	words[1] = binary.LittleEndian.Uint32(tmp[4:])
	size := (n + 3) / 4
	pop := 0
	for i := 0; i < size; i++ {
		pop += bits.OnesCount32(words[i])
	}
	if pop >= size*32*2/3 {
		dst = append(dst, '~')
		for i := 0; i < size; i++ {
			words[i] = ^words[i]
		}
	}
	sep := byte('[')
	for i := 0; i < size*32; i++ {
		if words[i/32]&(1<<(i%32)) == 0 {
			continue
		}
		dst = append(dst, sep)
		sep = ' '
		name := SignalName(i + 1)
		if len(name) > 3 && name[:3] == "SIG" {
			name = name[3:]
		}
		if st == format.Abbrev {
			dst = append(dst, name...)
			continue
		}
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		if st == format.Verbose {
			dst = append(dst, " /* "...)
			dst = append(dst, name...)
			dst = append(dst, " */"...)
		}
	}
	if sep == '[' {
		dst = append(dst, '[')
	}
	return append(dst, ']')
}

// sigsetAt appends the signal set at addr of size bytes: the address
// when size is out of [min, 8] or the memory cannot be read.
func (d *Decoder) sigsetAt(addr, size uint64, min uint64) {
	if size < min || size > nsigBytes {
		d.Addr(addr)
		return
	}
	b, ok := d.Read(addr, int(size))
	if !ok {
		d.Addr(addr)
		return
	}
	d.B = appendSigmask(d.B, b, d.Opts.Style)
}

// sigaction appends a kernel struct sigaction at addr: {sa_handler=…,
// sa_mask=[…], sa_flags=…, sa_restorer=…}.
func (d *Decoder) sigaction(addr uint64) {
	b, ok := d.Read(addr, 32)
	if !ok {
		d.Addr(addr)
		return
	}
	handler := binary.LittleEndian.Uint64(b[0:])
	flags := binary.LittleEndian.Uint64(b[8:])
	restorer := binary.LittleEndian.Uint64(b[16:])
	var mask [8]byte
	copy(mask[:], b[24:32])
	d.S("{sa_handler=")
	switch handler {
	case 0:
		d.B = appendXval(d.B, handler, "SIG_DFL", true, d.Opts.Style)
	case 1:
		d.B = appendXval(d.B, handler, "SIG_IGN", true, d.Opts.Style)
	case ^uint64(0):
		d.B = appendXval(d.B, handler, "SIG_ERR", true, d.Opts.Style)
	default:
		d.Addr(handler)
	}
	d.S(", sa_mask=")
	d.B = appendSigmask(d.B, mask[:], d.Opts.Style)
	d.S(", sa_flags=")
	d.Flags(saFlags, flags, "SA_???")
	if flags&saRestorer != 0 {
		d.S(", sa_restorer=")
		d.Addr(restorer)
	}
	d.S("}")
}

// stackT appends a stack_t at addr: {ss_sp=…, ss_flags=…, ss_size=…}.
func (d *Decoder) stackT(addr uint64) {
	b, ok := d.Read(addr, 24)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{ss_sp=")
	d.Addr(binary.LittleEndian.Uint64(b[0:]))
	d.S(", ss_flags=")
	d.Flags(ssFlags, uint64(binary.LittleEndian.Uint32(b[8:])), "SS_???")
	d.S(", ss_size=")
	d.Uint(binary.LittleEndian.Uint64(b[16:]))
	d.S("}")
}

// ucSigmaskOff is where uc_sigmask sits above the stack pointer when
// rt_sigreturn is entered on amd64: the handler's return popped the
// frame's pretcode, leaving the struct ucontext at sp (uc_flags, uc_link,
// uc_stack, uc_mcontext: 8+8+24+256 bytes, then uc_sigmask).
const ucSigmaskOff = 296

var (
	// Signal prints a signal number (an int) at entry: SIGTERM, or the
	// number when unknown.
	Signal = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Signal(int64(int32(c.Args[i]))) }}
	// SigactionIn prints rt_sigaction's act at entry.
	SigactionIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.sigaction(c.Args[i]) }}
	// SigactionOut prints rt_sigaction's oldact at exit (the address if
	// the call failed).
	SigactionOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.sigaction(c.Args[i])
	}}
	// SigsetIn prints a signal set the call reads at entry; its size is
	// the last argument (args[3] for rt_sigprocmask and rt_sigtimedwait,
	// args[1] for rt_sigsuspend: the argument after the last pointer).
	SigsetIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.sigsetAt(c.Args[i], sigsetSize(c, i), 8) }}
	// SigsetOut prints a signal set the call fills (rt_sigprocmask's
	// oldset, rt_sigpending's set) at exit; its size as for SigsetIn.
	// rt_sigpending accepts sizes below 8.
	SigsetOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		min := uint64(8)
		if c.Nr == unix.SYS_RT_SIGPENDING {
			min = 1
		}
		d.sigsetAt(c.Args[i], sigsetSize(c, i), min)
	}}
	// SigprocmaskHow prints rt_sigprocmask's how: SIG_BLOCK…
	SigprocmaskHow = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(sigprocmaskHow, uint64(uint32(c.Args[i])), "SIG_???")
	}}
	// SigtimedwaitSize prints rt_sigtimedwait's sigsetsize at exit and
	// names the returned signal after the return value.
	SigtimedwaitSize = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		d.Uint(c.Args[i])
		if !c.Failed() && c.Ret != 0 {
			if n, ok := sigNames.Name(uint64(c.Ret)); ok {
				c.Detail = n
			}
		}
	}}
	// StackIn prints sigaltstack's ss at entry.
	StackIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.stackT(c.Args[i]) }}
	// StackOut prints sigaltstack's old_ss at exit.
	StackOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.stackT(c.Args[i])
	}}
	// Sigreturn prints rt_sigreturn's restored mask, {mask=[…]}, read from
	// the signal frame at the stack pointer (Call.SP, set by the tracer).
	// It takes the place of the call's (absent) first argument.
	Sigreturn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		sp := c.SP
		if sp == 0 {
			return
		}
		if d.Terse {
			// Outside -e verbose=: the mask's address.
			d.S("{mask=")
			d.Hex(sp + ucSigmaskOff)
			d.S("}")
			return
		}
		b, ok := d.Read(sp+ucSigmaskOff, nsigBytes)
		if !ok {
			return
		}
		d.S("{mask=")
		d.B = appendSigmask(d.B, b, d.Opts.Style)
		d.S("}")
	}}
	// PidfdSignalFlags prints pidfd_send_signal's flags.
	PidfdSignalFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(pidfdSignalFlags, uint64(uint32(c.Args[i])), "PIDFD_SIGNAL_???")
	}}
)

// sigsetSize returns the sigsetsize argument that goes with the signal set
// in argument i: the last argument of the call.
func sigsetSize(c *Call, i int) uint64 {
	switch c.Nr {
	case unix.SYS_RT_SIGSUSPEND, unix.SYS_RT_SIGPENDING:
		return c.Args[1]
	}
	return c.Args[3]
}
