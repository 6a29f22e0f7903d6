package syscalls

import (
	"encoding/binary"
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

// The new mount API: open_tree, move_mount, fsopen, fsconfig, fsmount,
// fspick, mount_setattr.

// mountapi.go's flag and value sets are listed in xlat/mountapi.txt, from
// which go generate writes zxlat.go.

// mountAttrSize is sizeof(struct mount_attr), MOUNT_ATTR_SIZE_VER0: four
// __u64 (attr_set, attr_clr, propagation, userns_fd).
const mountAttrSize = 32

// strN styles, as strace's QUOTE_* flags.
const (
	strNul   = 1 << iota // a C string: it ends at a NUL
	strHex               // every byte in \xNN form
	strOmit0             // a NUL last among the bytes shown is not shown
)

// strN appends the string at addr the way strace prints a string of at
// most n bytes (its printstr_ex): at most -s bytes shown. With strNul it
// ends at a NUL and "..." says no NUL came within what was fetched (one
// byte past -s, to see a string that ends just there); without, "..."
// says n was over -s. NULL, or the address when unreadable.
func (d *Decoder) strN(addr, n uint64, style int) {
	if addr == 0 {
		d.S("NULL")
		return
	}
	nul := style&strNul != 0
	max := uint64(d.Opts.StrSize)
	size := max + 1
	if size > n {
		size = n
	}
	var b []byte
	ok := true
	if size > 0 {
		if nul {
			b, ok = d.readCString(addr, int(size)-1)
		} else {
			b, ok = d.readRaw(addr, int(size))
		}
	}
	if !ok {
		d.Hex(addr)
		return
	}
	show := size
	if show > max {
		show = max
	}
	more := n > max
	if nul {
		// b holds the bytes before the NUL, or size bytes if none.
		more = n != 0 && uint64(len(b)) >= size
		if uint64(len(b)) > show {
			b = b[:show]
		}
	} else {
		b = b[:show]
	}
	x := d.Opts.X
	if style&strHex != 0 || (x == format.XNonASCII && nonPrintable(b)) {
		// The trailing NUL strOmit0 drops counts here: -x shows it.
		x = format.XAll
	}
	if style&strOmit0 != 0 && x != format.XAll && len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	d.B = format.AppendQuoted(d.B, b, x, nul)
	if more {
		d.S("...")
	}
}

// nonPrintable reports whether s (a C string) holds a byte -x shows in
// \xNN form: beyond ASCII, or a control other than \t\n\v\f\r.
func nonPrintable(s []byte) bool {
	for _, c := range s {
		// A C string's bytes hold no NUL here; elsewhere (strOmit0's
		// trailing one too) a NUL is a control byte.
		if c > 0x7e || (c < ' ' && (c < 9 || c > 13)) {
			return true
		}
	}
	return false
}

// nonzeroTail appends, after a structure's known fields, the bytes from
// off to total at addr if any is not zero: ", /* bytes off..total-1 */ "
// and them in \xNN form (cut at -s), or ", ???" when they cannot be read.
func (d *Decoder) nonzeroTail(addr uint64, off, total int) {
	if off >= total {
		return
	}
	b, ok := d.readRaw(addr+uint64(off), total-off)
	if !ok {
		d.S(", ???")
		return
	}
	zero := true
	for _, c := range b {
		if c != 0 {
			zero = false
			break
		}
	}
	if zero {
		return
	}
	d.S(", /* bytes ")
	d.Int(int64(off))
	d.S("..")
	d.Int(int64(total - 1))
	d.S(" */ ")
	show := len(b)
	if show > d.Opts.StrSize {
		show = d.Opts.StrSize
	}
	d.B = format.AppendQuoted(d.B, b[:show], format.XAll, false)
	if show < len(b) {
		d.S("...")
	}
}

// mountAttr appends mount_setattr's struct mount_attr of size bytes at
// addr: the bare address when size is below the first version's,
// userns_fd as an fd only when MOUNT_ATTR_IDMAP is set or cleared, and
// the non-zero bytes past the known fields (up to a page).
func (d *Decoder) mountAttr(addr, size uint64) {
	if size < mountAttrSize {
		d.Addr(addr)
		return
	}
	b, ok := d.Read(addr, mountAttrSize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [mountAttrSize]byte
	copy(v[:], b)
	set := binary.LittleEndian.Uint64(v[0:])
	clr := binary.LittleEndian.Uint64(v[8:])
	prop := binary.LittleEndian.Uint64(v[16:])
	userns := binary.LittleEndian.Uint64(v[24:])
	d.S("{attr_set=")
	d.Flags(mountAttrAttr, set, "MOUNT_ATTR_???")
	d.S(", attr_clr=")
	d.Flags(mountAttrAttr, clr, "MOUNT_ATTR_???")
	d.S(", propagation=")
	d.Value(mountAttrPropagation, prop, "MS_???")
	d.S(", userns_fd=")
	if userns > 1<<31-1 || (set|clr)&unix.MOUNT_ATTR_IDMAP == 0 {
		d.B = strconv.AppendUint(d.B, userns, 10)
	} else {
		d.Fd(int(userns))
	}
	if size > mountAttrSize {
		total := size
		if total > pageSize {
			total = pageSize
		}
		d.nonzeroTail(addr, mountAttrSize, int(total))
	}
	d.S("}")
}

// fsconfigCmd is fsconfig's command (args[1]).
func fsconfigCmd(c *Call) uint32 { return uint32(c.Args[1]) }

var (
	// OpenTreeFlags prints open_tree's flags (OPEN_TREE_*, AT_*).
	OpenTreeFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(openTreeFlags, c.Args[i], "OPEN_TREE_???") }}
	// MoveMountFlags prints move_mount's flags (MOVE_MOUNT_*).
	MoveMountFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(moveMountFlags, c.Args[i], "MOVE_MOUNT_???") }}
	// FsopenFlags prints fsopen's flags (FSOPEN_*).
	FsopenFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(fsopenFlags, c.Args[i], "FSOPEN_???") }}
	// FsmountFlags prints fsmount's flags (FSMOUNT_*).
	FsmountFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(fsmountFlags, c.Args[i], "FSMOUNT_???") }}
	// FsmountAttrFlags prints fsmount's attr_flags (MOUNT_ATTR_*).
	FsmountAttrFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(fsmountAttrFlags, c.Args[i], "MOUNT_ATTR_???") }}
	// FspickFlags prints fspick's flags (FSPICK_*).
	FspickFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(fspickFlags, c.Args[i], "FSPICK_???") }}
	// MountSetattrFlags prints mount_setattr's flags (an unsigned int of
	// AT_*).
	MountSetattrFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(mountSetattrFlags, uint64(uint32(c.Args[i])), "AT_???")
	}}
	// MountAttr prints mount_setattr's struct mount_attr at entry; its
	// size is the next argument.
	MountAttr = &Arg{Print: func(d *Decoder, c *Call, i int) { d.mountAttr(c.Args[i], c.Args[i+1]) }}

	// FsconfigCmd prints fsconfig's command (FSCONFIG_*).
	FsconfigCmd = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(fsconfigCmds, uint64(fsconfigCmd(c)), "FSCONFIG_???")
	}}
	// FsconfigKey prints fsconfig's key: a string (up to 256 bytes, cut
	// at -s) for the FSCONFIG_SET_* commands, else an address.
	FsconfigKey = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if fsconfigCmd(c) <= unix.FSCONFIG_SET_FD {
			d.strN(c.Args[i], 256, strNul)
			return
		}
		d.Addr(c.Args[i])
	}}
	// FsconfigValue prints fsconfig's value by command: a string, a path,
	// a blob of aux (args[4]) bytes in \xNN form, or an address.
	FsconfigValue = &Arg{Print: func(d *Decoder, c *Call, i int) {
		aux := int32(c.Args[4])
		switch fsconfigCmd(c) {
		case unix.FSCONFIG_SET_STRING:
			d.strN(c.Args[i], 256, strNul)
		case unix.FSCONFIG_SET_PATH, unix.FSCONFIG_SET_PATH_EMPTY:
			d.Path(c.Args[i])
		case unix.FSCONFIG_SET_BINARY:
			if aux >= 0 && aux <= 1<<20 {
				d.strN(c.Args[i], uint64(aux), strHex)
				return
			}
			d.Addr(c.Args[i])
		default:
			d.Addr(c.Args[i])
		}
	}}
	// FsconfigAux prints fsconfig's aux by command: a directory fd for
	// the paths, an fd for FSCONFIG_SET_FD, else an int.
	FsconfigAux = &Arg{Print: func(d *Decoder, c *Call, i int) {
		switch fsconfigCmd(c) {
		case unix.FSCONFIG_SET_PATH, unix.FSCONFIG_SET_PATH_EMPTY:
			d.dirfd(c.Args[i])
		case unix.FSCONFIG_SET_FD:
			d.Fd(int(int32(c.Args[i])))
		default:
			d.Int(int64(int32(c.Args[i])))
		}
	}}
)
