package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// seccomp(2), and the classic BPF programs it installs (also what
// ptrace's PTRACE_SECCOMP_GET_FILTER returns), decoded as strace does
// with -v: BPF_STMT(…)/BPF_JUMP(…) per instruction.

var (
	// seccompOps are seccomp's operations.
	seccompOps = format.ValueSet{
		{Val: unix.SECCOMP_SET_MODE_STRICT, Name: "SECCOMP_SET_MODE_STRICT"},
		{Val: unix.SECCOMP_SET_MODE_FILTER, Name: "SECCOMP_SET_MODE_FILTER"},
		{Val: unix.SECCOMP_GET_ACTION_AVAIL, Name: "SECCOMP_GET_ACTION_AVAIL"},
		{Val: unix.SECCOMP_GET_NOTIF_SIZES, Name: "SECCOMP_GET_NOTIF_SIZES"},
	}
	// seccompFilterFlags are SECCOMP_SET_MODE_FILTER's flags.
	seccompFilterFlags = format.FlagSet{
		{Val: unix.SECCOMP_FILTER_FLAG_TSYNC, Name: "SECCOMP_FILTER_FLAG_TSYNC"},
		{Val: unix.SECCOMP_FILTER_FLAG_LOG, Name: "SECCOMP_FILTER_FLAG_LOG"},
		{Val: unix.SECCOMP_FILTER_FLAG_SPEC_ALLOW, Name: "SECCOMP_FILTER_FLAG_SPEC_ALLOW"},
		{Val: unix.SECCOMP_FILTER_FLAG_NEW_LISTENER, Name: "SECCOMP_FILTER_FLAG_NEW_LISTENER"},
		{Val: unix.SECCOMP_FILTER_FLAG_TSYNC_ESRCH, Name: "SECCOMP_FILTER_FLAG_TSYNC_ESRCH"},
		{Val: unix.SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, Name: "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"},
	}
	// seccompRetActions are a filter's return actions (the high 16 bits).
	seccompRetActions = format.ValueSet{
		{Val: unix.SECCOMP_RET_KILL_PROCESS, Name: "SECCOMP_RET_KILL_PROCESS"},
		{Val: unix.SECCOMP_RET_KILL_THREAD, Name: "SECCOMP_RET_KILL_THREAD"},
		{Val: unix.SECCOMP_RET_TRAP, Name: "SECCOMP_RET_TRAP"},
		{Val: unix.SECCOMP_RET_ERRNO, Name: "SECCOMP_RET_ERRNO"},
		{Val: unix.SECCOMP_RET_USER_NOTIF, Name: "SECCOMP_RET_USER_NOTIF"},
		{Val: unix.SECCOMP_RET_TRACE, Name: "SECCOMP_RET_TRACE"},
		{Val: unix.SECCOMP_RET_LOG, Name: "SECCOMP_RET_LOG"},
		{Val: unix.SECCOMP_RET_ALLOW, Name: "SECCOMP_RET_ALLOW"},
	}

	// The fields of a classic BPF instruction's code. strace 6.1 names
	// the eBPF sizes and operations in classic programs too.
	bpfClasses = format.ValueSet{
		{Val: unix.BPF_LD, Name: "BPF_LD"},
		{Val: unix.BPF_LDX, Name: "BPF_LDX"},
		{Val: unix.BPF_ST, Name: "BPF_ST"},
		{Val: unix.BPF_STX, Name: "BPF_STX"},
		{Val: unix.BPF_ALU, Name: "BPF_ALU"},
		{Val: unix.BPF_JMP, Name: "BPF_JMP"},
		{Val: unix.BPF_RET, Name: "BPF_RET"},
		{Val: unix.BPF_MISC, Name: "BPF_MISC"},
	}
	bpfSizes = format.ValueSet{
		{Val: unix.BPF_W, Name: "BPF_W"},
		{Val: unix.BPF_H, Name: "BPF_H"},
		{Val: unix.BPF_B, Name: "BPF_B"},
		{Val: unix.BPF_DW, Name: "BPF_DW"},
	}
	bpfModes = format.ValueSet{
		{Val: unix.BPF_IMM, Name: "BPF_IMM"},
		{Val: unix.BPF_ABS, Name: "BPF_ABS"},
		{Val: unix.BPF_IND, Name: "BPF_IND"},
		{Val: unix.BPF_MEM, Name: "BPF_MEM"},
		{Val: unix.BPF_LEN, Name: "BPF_LEN"},
		{Val: unix.BPF_MSH, Name: "BPF_MSH"},
	}
	bpfSrcs = format.ValueSet{
		{Val: unix.BPF_K, Name: "BPF_K"},
		{Val: unix.BPF_X, Name: "BPF_X"},
	}
	bpfALUOps = format.ValueSet{
		{Val: unix.BPF_ADD, Name: "BPF_ADD"},
		{Val: unix.BPF_SUB, Name: "BPF_SUB"},
		{Val: unix.BPF_MUL, Name: "BPF_MUL"},
		{Val: unix.BPF_DIV, Name: "BPF_DIV"},
		{Val: unix.BPF_OR, Name: "BPF_OR"},
		{Val: unix.BPF_AND, Name: "BPF_AND"},
		{Val: unix.BPF_LSH, Name: "BPF_LSH"},
		{Val: unix.BPF_RSH, Name: "BPF_RSH"},
		{Val: unix.BPF_NEG, Name: "BPF_NEG"},
		{Val: unix.BPF_MOD, Name: "BPF_MOD"},
		{Val: unix.BPF_XOR, Name: "BPF_XOR"},
		{Val: unix.BPF_MOV, Name: "BPF_MOV"},
		{Val: unix.BPF_ARSH, Name: "BPF_ARSH"},
		{Val: unix.BPF_END, Name: "BPF_END"},
	}
	bpfJmpOps = format.ValueSet{
		{Val: unix.BPF_JA, Name: "BPF_JA"},
		{Val: unix.BPF_JEQ, Name: "BPF_JEQ"},
		{Val: unix.BPF_JGT, Name: "BPF_JGT"},
		{Val: unix.BPF_JGE, Name: "BPF_JGE"},
		{Val: unix.BPF_JSET, Name: "BPF_JSET"},
		{Val: unix.BPF_JNE, Name: "BPF_JNE"},
		{Val: unix.BPF_JSGT, Name: "BPF_JSGT"},
		{Val: unix.BPF_JSGE, Name: "BPF_JSGE"},
		{Val: unix.BPF_CALL, Name: "BPF_CALL"},
		{Val: unix.BPF_EXIT, Name: "BPF_EXIT"},
		{Val: unix.BPF_JLT, Name: "BPF_JLT"},
		{Val: unix.BPF_JLE, Name: "BPF_JLE"},
		{Val: unix.BPF_JSLT, Name: "BPF_JSLT"},
		{Val: unix.BPF_JSLE, Name: "BPF_JSLE"},
	}
	bpfRvals = format.ValueSet{
		{Val: unix.BPF_K, Name: "BPF_K"},
		{Val: unix.BPF_X, Name: "BPF_X"},
		{Val: unix.BPF_A, Name: "BPF_A"},
	}
	bpfMiscOps = format.ValueSet{
		{Val: unix.BPF_TAX, Name: "BPF_TAX"},
		{Val: unix.BPF_TXA, Name: "BPF_TXA"},
	}
)

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
