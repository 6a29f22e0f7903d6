package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
)

// The NUMA memory-policy calls: mbind, set_mempolicy, get_mempolicy,
// migrate_pages, move_pages and set_mempolicy_home_node. Their flag and
// value sets are listed in xlat/numa.txt.

// mpolFlagsMask is the mode flags a policy may carry beside its mode.
const mpolFlagsMask = 1<<15 | 1<<14 | 1<<13 // MPOL_F_STATIC_NODES|RELATIVE_NODES|NUMA_BALANCING

// mpolMode appends a memory policy as strace does: the mode by name when no
// mode flag is set; with flags, "MODE|FLAGS" for a known mode (the number
// first with -X raw/verbose), else the whole word through the flag names.
func (d *Decoder) mpolMode(v uint64) {
	flags := v & mpolFlagsMask
	if flags == 0 {
		d.Value(mpolModes, v, "MPOL_???")
		return
	}
	name, ok := mpolModes.Name(v &^ mpolFlagsMask)
	if !ok {
		d.Flags(mpolModeFlags, v, "MPOL_F_???")
		return
	}
	st := d.Opts.Style
	if st != format.Abbrev {
		d.Hex(v)
	}
	if st == format.Raw {
		return
	}
	if st == format.Verbose {
		d.S(" /* ")
	}
	d.S(name)
	d.S("|")
	d.B = mpolModeFlags.Append(d.B, flags, format.Abbrev, "")
	if st == format.Verbose {
		d.S(" */")
	}
}

// nodemask appends a node mask of maxnode bits at addr: an array of
// 64-bit words, each zero-padded to 16 columns ("%#0*lx"), or the bare
// address when maxnode gives no whole word (or wraps). With failed (an
// out-parameter of a failed call) the words are not read.
func (d *Decoder) nodemask(addr, maxnode uint64, failed bool) {
	n := (maxnode + 62) / 64
	if n < maxnode/64 || (maxnode != 0 && n == 0) {
		d.Addr(addr)
		return
	}
	if failed && addr != 0 && n != 0 {
		d.Addr(addr)
		return
	}
	d.array(addr, n, 8, func(b []byte) { d.nodeWord(binary.LittleEndian.Uint64(b)) })
}

// nodeWord appends v as C's "%#0*lx" with width 16: zero as sixteen
// zeros, else "0x" and the digits padded to sixteen columns in all.
func (d *Decoder) nodeWord(v uint64) {
	if v == 0 {
		d.S("0000000000000000")
		return
	}
	var digits [16]byte
	i := len(digits)
	for ; v != 0; v >>= 4 {
		i--
		digits[i] = "0123456789abcdef"[v&15]
	}
	d.S("0x")
	for pad := 14 - (len(digits) - i); pad > 0; pad-- {
		d.S("0")
	}
	d.B = append(d.B, digits[i:]...)
}

// moveStatus appends one of move_pages's status words: a node, or a
// negated errno ("-EFAULT"; "-14" raw, "-14 /* -EFAULT */" verbose).
func (d *Decoder) moveStatus(v int32) {
	name := ""
	if v < 0 {
		name = ErrnoName(int(-v))
	}
	if name == "" || d.Opts.Style == format.Raw {
		d.Int(int64(v))
		return
	}
	if d.Opts.Style == format.Verbose {
		d.Int(int64(v))
		d.S(" /* -")
		d.S(name)
		d.S(" */")
		return
	}
	d.S("-")
	d.S(name)
}

var (
	// MpolMode prints mbind's mode, a whole word (MPOL_* and mode flags).
	MpolMode = &Arg{Print: func(d *Decoder, c *Call, i int) { d.mpolMode(c.Args[i]) }}
	// MpolMode32 prints set_mempolicy's mode, an int.
	MpolMode32 = &Arg{Print: func(d *Decoder, c *Call, i int) { d.mpolMode(uint64(uint32(c.Args[i]))) }}
	// NodemaskIn prints a node mask the call reads, at entry; maxnode is
	// the next argument.
	NodemaskIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.nodemask(c.Args[i], c.Args[i+1], false) }}
	// MigrateNodemask is migrate_pages's node masks: maxnode is the
	// second argument.
	MigrateNodemask = &Arg{Print: func(d *Decoder, c *Call, i int) { d.nodemask(c.Args[i], c.Args[1], false) }}
	// MbindFlags prints mbind's MPOL_MF_* flags (an unsigned int).
	MbindFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(mbindFlags, uint64(uint32(c.Args[i])), "MPOL_???")
	}}
	// GetMempolicyMode prints get_mempolicy's policy pointer at exit, where
	// strace prints the whole call: [MPOL_*], or the bare address when
	// the call failed or it is unreadable.
	GetMempolicyMode = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		v, ok := d.ReadU32(c.Args[i])
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.S("[")
		d.Value(mpolModes, uint64(v), "MPOL_???")
		d.S("]")
	}}
	// NodemaskOut prints get_mempolicy's node mask at exit (maxnode is
	// the next argument): the bare address when the call failed.
	NodemaskOut = &Arg{Print: func(d *Decoder, c *Call, i int) { d.nodemask(c.Args[i], c.Args[i+1], c.Failed()) }}
	// GetMempolicyFlags prints get_mempolicy's MPOL_F_* flags, a whole
	// word.
	GetMempolicyFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(getMempolicyFlags, c.Args[i], "MPOL_???")
	}}
	// MovePages prints move_pages's pages, an array of addresses whose
	// count is the second argument.
	MovePages = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.array(c.Args[i], c.Args[1], 8, func(b []byte) { d.Addr(binary.LittleEndian.Uint64(b)) })
	}}
	// MoveNodes prints move_pages's nodes, an array of ints.
	MoveNodes = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.array(c.Args[i], c.Args[1], 4, func(b []byte) { d.Int(int64(int32(binary.LittleEndian.Uint32(b)))) })
	}}
	// MoveStatus prints move_pages's status array at exit, with its own
	// separator (strace prints it at exit): nodes or -ERRNO; the bare
	// address when the call failed.
	MoveStatus = &Arg{AtExit: true, OwnSep: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() && c.Args[i] != 0 && c.Args[1] != 0 {
			d.Addr(c.Args[i])
			return
		}
		d.array(c.Args[i], c.Args[1], 4, func(b []byte) { d.moveStatus(int32(binary.LittleEndian.Uint32(b))) })
	}}
	// MovePagesFlags prints move_pages's MPOL_MF_* flags (an unsigned int).
	MovePagesFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(movePagesFlags, uint64(uint32(c.Args[i])), "MPOL_???")
	}}
)
