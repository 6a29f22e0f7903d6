package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// seccomp(2), and the classic BPF programs it installs (also what
// ptrace's PTRACE_SECCOMP_GET_FILTER returns), decoded as strace does
// with -v: BPF_STMT(…)/BPF_JUMP(…) per instruction.

// seccomp.go's flag and value sets are listed in xlat/seccomp.txt, from which
// go generate writes zxlat.go.

// Field masks of a classic BPF code (linux/bpf_common.h, linux/filter.h:
// macros x/sys does not carry), and strace's instruction limit.
const (
	bpfClassMask  = 0x07
	bpfSizeMask   = 0x18
	bpfModeMask   = 0xe0
	bpfSrcMask    = 0x08
	bpfOpMask     = 0xf0
	bpfRvalMask   = 0x18
	bpfMiscOpMask = 0xf8
	bpfInsnSize   = 8
	sockFprogSize = 16
)

// bpfCode appends a classic BPF code as strace does: class|size|mode,
// class|src|op, BPF_RET|rval, BPF_MISC|op, unknown bits in hex.
func (d *Decoder) bpfCode(code uint16) {
	v := uint64(code)
	class := v & bpfClassMask
	rest := v &^ bpfClassMask
	d.Value(bpfClasses, class, "BPF_???")
	unknown := func(x uint64) {
		if x != 0 {
			d.S("|")
			d.Hex(x)
			d.S(" /* BPF_??? */")
		}
	}
	switch class {
	case unix.BPF_ST, unix.BPF_STX:
		unknown(rest)
	case unix.BPF_LD, unix.BPF_LDX:
		d.S("|")
		d.Value(bpfSizes, v&bpfSizeMask, "BPF_???")
		d.S("|")
		d.Value(bpfModes, v&bpfModeMask, "BPF_???")
	case unix.BPF_MISC:
		d.S("|")
		d.Value(bpfMiscOps, v&bpfMiscOpMask, "BPF_???")
		unknown(rest &^ bpfMiscOpMask)
	case unix.BPF_ALU, unix.BPF_JMP:
		d.S("|")
		d.Value(bpfSrcs, v&bpfSrcMask, "BPF_???")
		d.S("|")
		if class == unix.BPF_ALU {
			d.Value(bpfALUOps, v&bpfOpMask, "BPF_???")
		} else {
			d.Value(bpfJmpOps, v&bpfOpMask, "BPF_???")
		}
	case unix.BPF_RET:
		d.S("|")
		d.Value(bpfRvals, v&bpfRvalMask, "BPF_???")
		unknown(rest &^ bpfRvalMask)
	}
}

// bpfInsn appends one instruction of a seccomp filter: BPF_JUMP(code, k,
// jt, jf) when it has jump offsets, else BPF_STMT(code, k), a return's k
// as a SECCOMP_RET_* action and its data.
func (d *Decoder) bpfInsn(b []byte) {
	code := binary.LittleEndian.Uint16(b)
	jt, jf := b[2], b[3]
	k := binary.LittleEndian.Uint32(b[4:])
	if jt != 0 || jf != 0 {
		d.S("BPF_JUMP(")
		d.bpfCode(code)
		d.S(", ")
		d.Hex(uint64(k))
		d.S(", ")
		d.Hex(uint64(jt))
		d.S(", ")
		d.Hex(uint64(jf))
		d.S(")")
		return
	}
	d.S("BPF_STMT(")
	d.bpfCode(code)
	d.S(", ")
	if code&bpfClassMask == unix.BPF_RET {
		action := uint64(k) & unix.SECCOMP_RET_ACTION_FULL
		d.Value(seccompRetActions, action, "SECCOMP_RET_???")
		if data := uint64(k) &^ action; data != 0 {
			d.S("|")
			d.Hex(data)
		}
	} else {
		d.Hex(uint64(k))
	}
	d.S(")")
}

// bpfProg appends a filter of n instructions at addr: with -v the
// instructions (at most BPF_MAXINSNS, then "..."), else the address.
func (d *Decoder) bpfProg(addr, n uint64) {
	if !d.Opts.Verbose {
		d.Addr(addr)
		return
	}
	k := 0
	d.arrayUntil(addr, n, bpfInsnSize, func(b []byte) bool {
		if k >= unix.BPF_MAXINSNS {
			d.S("...")
			return false
		}
		k++
		d.bpfInsn(b)
		return true
	})
}

// sockFprog appends the struct sock_fprog at addr: {len=…, filter=…}.
func (d *Decoder) sockFprog(addr uint64) {
	b, ok := d.Read(addr, sockFprogSize)
	if !ok {
		d.Addr(addr)
		return
	}
	n := uint64(binary.LittleEndian.Uint16(b))
	filter := binary.LittleEndian.Uint64(b[8:])
	d.S("{len=")
	d.Uint(n)
	d.S(", filter=")
	d.bpfProg(filter, n)
	d.S("}")
}

var (
	// SeccompOp prints seccomp's operation.
	SeccompOp = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(seccompOps, uint64(uint32(c.Args[i])), "SECCOMP_SET_MODE_???")
	}}
	// SeccompFlags prints seccomp's flags: SECCOMP_FILTER_FLAG_* for
	// SECCOMP_SET_MODE_FILTER (args[0]), hex for the other operations.
	SeccompFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if uint32(c.Args[0]) == unix.SECCOMP_SET_MODE_FILTER {
			d.Flags(seccompFilterFlags, uint64(uint32(c.Args[i])), "SECCOMP_FILTER_FLAG_???")
			return
		}
		d.Hex(uint64(uint32(c.Args[i])))
	}}
	// SeccompArgs prints seccomp's args by operation: the struct
	// sock_fprog for SECCOMP_SET_MODE_FILTER and the action asked about
	// for SECCOMP_GET_ACTION_AVAIL, at entry; struct seccomp_notif_sizes
	// for SECCOMP_GET_NOTIF_SIZES at exit; else the address.
	SeccompArgs = &Arg{
		AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			addr := c.Args[i]
			switch uint32(c.Args[0]) {
			case unix.SECCOMP_GET_NOTIF_SIZES:
				d.dropSep()
			case unix.SECCOMP_SET_MODE_FILTER:
				d.sockFprog(addr)
			case unix.SECCOMP_GET_ACTION_AVAIL:
				v, ok := d.ReadU32(addr)
				if !ok {
					d.Addr(addr)
					return
				}
				d.S("[")
				d.Value(seccompRetActions, uint64(v), "SECCOMP_RET_???")
				d.S("]")
			default:
				d.Addr(addr)
			}
		},
		Print: func(d *Decoder, c *Call, i int) {
			if uint32(c.Args[0]) != unix.SECCOMP_GET_NOTIF_SIZES {
				return
			}
			d.S(", ")
			addr := c.Args[i]
			b, ok := d.Read(addr, 6)
			if c.Failed() || !ok {
				d.Addr(addr)
				return
			}
			d.S("{seccomp_notif=")
			d.Uint(uint64(binary.LittleEndian.Uint16(b)))
			d.S(", seccomp_notif_resp=")
			d.Uint(uint64(binary.LittleEndian.Uint16(b[2:])))
			d.S(", seccomp_data=")
			d.Uint(uint64(binary.LittleEndian.Uint16(b[4:])))
			d.S("}")
		},
	}
)
