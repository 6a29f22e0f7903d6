package syscalls

import (
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// File handles (name_to_handle_at, open_by_handle_at), the clock
// adjustments (adjtimex, clock_adjtime: struct timex), and
// sched_setattr/sched_getattr (struct sched_attr). Their flag and value
// sets are listed in xlat/procmisc.txt.

// maxHandleSz is MAX_HANDLE_SZ: the f_handle bytes strace shows, whatever
// -s says.
const maxHandleSz = 128

// fHandle appends a file handle's f_handle (n bytes after its 8-byte
// header at addr) in \x form, "..." past 128 bytes; "???" unreadable.
func (d *Decoder) fHandle(addr uint64, n uint32) {
	show := n
	if show > maxHandleSz {
		show = maxHandleSz
	}
	b, ok := d.Read(addr+8, int(show))
	if !ok || addr+8 < addr {
		d.S("???")
		return
	}
	d.B = format.AppendQuoted(d.B, b, format.XAll, false)
	if n > show {
		d.S("...")
	}
}

// fileHandle appends a whole struct file_handle the call reads.
func (d *Decoder) fileHandle(addr uint64) {
	b, ok := d.Read(addr, 8)
	if !ok {
		d.Addr(addr)
		return
	}
	n := binary.LittleEndian.Uint32(b)
	typ := int32(binary.LittleEndian.Uint32(b[4:]))
	d.S("{handle_bytes=")
	d.Uint(uint64(n))
	d.S(", handle_type=")
	d.Int(int64(typ))
	d.S(", f_handle=")
	d.fHandle(addr, n)
	d.S("}")
}

var (
	// HandleIn prints open_by_handle_at's struct file_handle.
	HandleIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.fileHandle(c.Args[i]) }}
	// HandleOut prints name_to_handle_at's handle at entry as strace
	// does: "{handle_bytes=N", the rest left to MountID at exit (kept in
	// Saved[0], Saved[1] says it was read); the bare address if
	// unreadable.
	HandleOut = &Arg{Print: func(d *Decoder, c *Call, i int) {
		c.Saved[1] = 0
		n, ok := d.ReadU32(c.Args[i])
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		c.Saved[0], c.Saved[1] = uint64(n), 1
		d.S("{handle_bytes=")
		d.Uint(uint64(n))
	}}
	// MountID prints name_to_handle_at's mount_id at exit, with what
	// strace prints at exit before it: the handle's new size (" => N",
	// also after EOVERFLOW), its type and bytes after success, and the
	// closing brace. Its separator is its own: it follows the handle.
	MountID = &Arg{AtExit: true, OwnSep: true, Print: func(d *Decoder, c *Call, i int) {
		d.dropSep() // the handle's tail comes first
		h := c.Args[i-1]
		if c.Saved[1] != 0 {
			if !c.Failed() || c.Errno() == int(unix.EOVERFLOW) {
				if b, ok := d.Read(h, 8); ok {
					n := binary.LittleEndian.Uint32(b)
					typ := int32(binary.LittleEndian.Uint32(b[4:]))
					if uint64(n) != c.Saved[0] {
						d.S(" => ")
						d.Uint(uint64(n))
					}
					if !c.Failed() {
						d.S(", handle_type=")
						d.Int(int64(typ))
						d.S(", f_handle=")
						d.fHandle(h, n)
					}
				}
			}
			d.S("}")
		}
		d.S(", ")
		if c.Failed() || c.Saved[1] == 0 {
			d.Addr(c.Args[i])
			return
		}
		d.intPtr(c.Args[i])
	}}
	// HandleAtFlags prints name_to_handle_at's flags.
	HandleAtFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(nameToHandleAtFlags, uint64(uint32(c.Args[i])), "AT_???")
	}}
)

// timexSize is sizeof(struct timex) on amd64.
const timexSize = 208

// timex appends a struct timex as strace prints it, every field.
func (d *Decoder) timex(addr uint64) {
	b, ok := d.Read(addr, timexSize)
	if !ok {
		d.Addr(addr)
		return
	}
	l := func(off int) int64 { return int64(binary.LittleEndian.Uint64(b[off:])) }
	field := func(name string, off int) {
		d.S(", ")
		d.S(name)
		d.S("=")
		d.Int(l(off))
	}
	d.S("{modes=")
	d.Flags(adjtimexModes, uint64(binary.LittleEndian.Uint32(b)), "ADJ_???")
	field("offset", 8)
	field("freq", 16)
	field("maxerror", 24)
	field("esterror", 32)
	d.S(", status=")
	d.Flags(adjtimexStatus, uint64(binary.LittleEndian.Uint32(b[40:])), "STA_???")
	field("constant", 48)
	field("precision", 56)
	field("tolerance", 64)
	d.S(", time=")
	d.timevalBytes(b[72:88])
	field("tick", 88)
	field("ppsfreq", 96)
	field("jitter", 104)
	d.S(", shift=")
	d.Int(int64(int32(binary.LittleEndian.Uint32(b[112:]))))
	field("stabil", 120)
	field("jitcnt", 128)
	field("calcnt", 136)
	field("errcnt", 144)
	field("stbcnt", 152)
	d.S(", tai=")
	d.Int(int64(int32(binary.LittleEndian.Uint32(b[160:]))))
	d.S("}")
}

var (
	// TimexOut prints adjtimex's and clock_adjtime's struct timex at
	// exit (strace shows it only then): the bare address on failure.
	TimexOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.timex(c.Args[i])
	}}
)

// adjtimexDone names the clock state adjtimex returned ("= 5
// (TIME_ERROR)"), in every -X style, when the struct timex (the last
// argument) was shown, as strace does (not outside -e verbose=).
func adjtimexDone(d *Decoder, c *Call) {
	if c.Failed() {
		return
	}
	if _, ok := d.Read(c.Args[c.Entry.NArgs-1], timexSize); !ok {
		return
	}
	if n, ok := adjtimexStates.Name(uint64(c.Ret)); ok {
		c.Detail = n
	}
}

// struct sched_attr's sizes: SCHED_ATTR_SIZE_VER0 and VER1 (what strace
// 6.1 knows).
const (
	schedAttrVer0 = 48
	schedAttrVer1 = 56
)

// schedAttr appends a struct sched_attr. For sched_getattr (usize, the
// size argument, non-zero) it reads min(usize, 56) bytes and shows what
// the kernel's size field says it wrote; for sched_setattr (usize 0) the
// size field says what to read, 0 meaning 48, and the fields the
// SCHED_FLAG_KEEP_* flags leave alone are not shown.
func (d *Decoder) schedAttr(addr uint64, usize uint32) {
	set := usize == 0
	var b [schedAttrVer1]byte
	var size uint32
	if !set {
		size = min(usize, schedAttrVer1)
		r, ok := d.Read(addr, int(size))
		if !ok {
			d.Addr(addr)
			return
		}
		copy(b[:], r)
		size = binary.LittleEndian.Uint32(b[:])
	} else {
		s, ok := d.ReadU32(addr)
		if !ok {
			d.Addr(addr)
			return
		}
		binary.LittleEndian.PutUint32(b[:], s)
		usize = s
		if usize == 0 {
			usize = schedAttrVer0
		}
		size = min(usize, schedAttrVer1)
		if size >= schedAttrVer0 {
			r, ok := d.Read(addr, int(size))
			if !ok {
				d.Addr(addr)
				return
			}
			copy(b[:], r)
		}
	}
	u32 := func(off int) uint32 { return binary.LittleEndian.Uint32(b[off:]) }
	u64 := func(off int) uint64 { return binary.LittleEndian.Uint64(b[off:]) }
	d.S("{size=")
	d.Uint(uint64(u32(0)))
	if size >= schedAttrVer0 {
		policy, flags := u32(4), u64(8)
		if !set || int32(policy) < 0 || flags&(unix.SCHED_FLAG_KEEP_POLICY|unix.SCHED_FLAG_KEEP_PARAMS) == 0 {
			d.S(", sched_policy=")
			d.Value(schedPolicies, uint64(policy), "SCHED_???")
		}
		d.S(", sched_flags=")
		d.Flags(schedAttrFlags, flags, "SCHED_FLAG_???")
		if !set || flags&unix.SCHED_FLAG_KEEP_PARAMS == 0 {
			d.S(", sched_nice=")
			d.Int(int64(int32(u32(16))))
			d.S(", sched_priority=")
			d.Uint(uint64(u32(20)))
			d.S(", sched_runtime=")
			d.Uint(u64(24))
			d.S(", sched_deadline=")
			d.Uint(u64(32))
			d.S(", sched_period=")
			d.Uint(u64(40))
		}
		if size >= schedAttrVer1 {
			d.S(", sched_util_min=")
			d.Uint(uint64(u32(48)))
			d.S(", sched_util_max=")
			d.Uint(uint64(u32(52)))
		}
	}
	more := u32(0)
	if set {
		more = usize
	}
	if more > size {
		d.S(", ...")
	}
	d.S("}")
}

var (
	// SchedAttrIn prints sched_setattr's struct sched_attr at entry.
	SchedAttrIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.schedAttr(c.Args[i], 0) }}
	// SchedSetattrFlags prints sched_setattr's flags at exit, after the
	// size the kernel wrote back on E2BIG (" => {size=N}"); its
	// separator is its own.
	SchedSetattrFlags = &Arg{AtExit: true, OwnSep: true, Print: func(d *Decoder, c *Call, i int) {
		d.dropSep() // the size written back comes first
		if c.Failed() && c.Errno() == int(unix.E2BIG) {
			if s, ok := d.ReadU32(c.Args[i-1]); ok {
				d.S(" => {size=")
				d.Uint(uint64(s))
				d.S("}")
			}
		}
		d.S(", ")
		d.Uint(uint64(uint32(c.Args[i])))
	}}
	// SchedAttrOut prints sched_getattr's struct sched_attr at exit; its
	// size is the next argument (0: the bare address), the bare
	// address on failure.
	SchedAttrOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		size := uint32(c.Args[i+1])
		if c.Failed() || size == 0 {
			d.Addr(c.Args[i])
			return
		}
		d.schedAttr(c.Args[i], size)
	}}
)

// userDescSize is sizeof(struct user_desc).
const userDescSize = 16

// zeroPadHex appends v as C's "%#0*x" of width w: zero-padded to w
// columns, "0x" included (zero has no prefix).
func (d *Decoder) zeroPadHex(v uint64, w int) {
	var digits [16]byte
	i := len(digits)
	for ; v != 0; v >>= 4 {
		i--
		digits[i] = "0123456789abcdef"[v&15]
	}
	if i < len(digits) {
		d.S("0x")
		w -= 2
	}
	for pad := w - (len(digits) - i); pad > 0; pad-- {
		d.S("0")
	}
	d.B = append(d.B, digits[i:]...)
}

// userDescRest appends a struct user_desc's fields after entry_number,
// and the closing brace.
func (d *Decoder) userDescRest(b []byte) {
	d.S(", base_addr=")
	d.zeroPadHex(uint64(binary.LittleEndian.Uint32(b[4:])), 8)
	d.S(", limit=")
	d.zeroPadHex(uint64(binary.LittleEndian.Uint32(b[8:])), 8)
	f := binary.LittleEndian.Uint32(b[12:])
	for _, fl := range []struct {
		name  string
		shift uint
		bits  uint32
	}{
		{"seg_32bit", 0, 1}, {"contents", 1, 3}, {"read_exec_only", 3, 1},
		{"limit_in_pages", 4, 1}, {"seg_not_present", 5, 1}, {"useable", 6, 1}, {"lm", 7, 1},
	} {
		d.S(", ")
		d.S(fl.name)
		d.S("=")
		d.Uint(uint64(f >> fl.shift & fl.bits))
	}
	d.S("}")
}

// userDesc appends a whole struct user_desc, or the bare address.
func (d *Decoder) userDesc(addr uint64) {
	b, ok := d.Read(addr, userDescSize)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{entry_number=")
	d.Uint(uint64(binary.LittleEndian.Uint32(b)))
	d.userDescRest(b)
}

var (
	// LdtPtr prints modify_ldt's ptr: a struct user_desc when bytecount
	// (the next argument) is its size, else the address.
	LdtPtr = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if c.Args[i+1] != userDescSize {
			d.Addr(c.Args[i])
			return
		}
		d.userDesc(c.Args[i])
	}}
	// UserDescIn prints set_thread_area's struct user_desc at entry.
	UserDescIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.userDesc(c.Args[i]) }}
	// UserDescGet prints get_thread_area's struct user_desc at entry as
	// strace does: "{entry_number=N" (kept in Saved[0], Saved[1] says
	// it was read), the rest by getThreadAreaDone at exit.
	UserDescGet = &Arg{Print: func(d *Decoder, c *Call, i int) {
		c.Saved[1] = 0
		n, ok := d.ReadU32(c.Args[i])
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		c.Saved[0], c.Saved[1] = uint64(n), 1
		d.S("{entry_number=")
		d.Uint(uint64(n))
	}}
)

// getThreadAreaDone ends get_thread_area's struct at exit: the fields the
// kernel filled after success (" => N" first if entry_number changed),
// ", ...}" after a failure.
func getThreadAreaDone(d *Decoder, c *Call) {
	addr := c.Args[0]
	if addr == 0 || d.Terse {
		return
	}
	var b []byte
	ok := false
	if !c.Failed() {
		b, ok = d.Read(addr, userDescSize)
	}
	if !ok {
		if c.Saved[1] != 0 {
			d.S(", ...}")
		}
		return
	}
	n := uint64(binary.LittleEndian.Uint32(b))
	switch {
	case c.Saved[1] == 0:
		d.S(" => {entry_number=")
		d.Uint(n)
	case n != c.Saved[0]:
		d.S(" => ")
		d.Uint(n)
	}
	d.userDescRest(b)
}

// setThreadAreaDone names the entry number set_thread_area chose, "= 0
// (entry_number=12)".
func setThreadAreaDone(d *Decoder, c *Call) {
	if c.Failed() {
		return
	}
	if n, ok := d.ReadU32(c.Args[0]); ok {
		c.Detail = "entry_number=" + strconv.FormatUint(uint64(n), 10)
	}
}

// modifyLdtDone: modify_ldt returns an int, which the kernel does not
// sign-extend on amd64, so an error reads as a large positive number;
// strace prints it as it came with the error's name, "= 4294967274
// EINVAL (Invalid argument)".
func modifyLdtDone(d *Decoder, c *Call) {
	if c.Failed() || uint64(c.Ret) < 0xfffff000 || uint64(c.Ret) > 0xffffffff {
		return
	}
	c.RetAs = RetClippedErrno
}
