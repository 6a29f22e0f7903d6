package syscalls

import (
	"bytes"
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The file family: open and its flags, descriptors (dup, pipe, fcntl),
// seeking, access checks, links, directories and names.

// Constants x/sys does not carry (or carries with the C library's value
// instead of the kernel's). Each is the kernel's uapi value.
const (
	// kernelOLargefile is the kernel's O_LARGEFILE: x/sys has glibc's 0
	// on amd64, but a tracee may pass (and F_GETFL returns) the kernel
	// bit, which strace names.
	kernelOLargefile = 0x8000
	// oSyncOnly is the kernel's __O_SYNC: O_SYNC without O_DSYNC.
	oSyncOnly = unix.O_SYNC &^ unix.O_DSYNC
	// oTmpfileOnly is the kernel's __O_TMPFILE: O_TMPFILE without
	// O_DIRECTORY.
	oTmpfileOnly = unix.O_TMPFILE &^ unix.O_DIRECTORY

	// access(2) modes (unistd.h), absent from x/sys.
	rOK = 4
	wOK = 2
	xOK = 1

	// fcntl F_NOTIFY events (linux/fcntl.h), absent from x/sys.
	dnAccess    = 0x1
	dnModify    = 0x2
	dnCreate    = 0x4
	dnDelete    = 0x8
	dnRename    = 0x10
	dnAttrib    = 0x20
	dnMultishot = 0x80000000

	// f_owner_ex types (linux/fcntl.h), absent from x/sys.
	fOwnerTid  = 0
	fOwnerPid  = 1
	fOwnerPgrp = 2
)

// file.go's flag and value sets are listed in xlat/file.txt, from which
// go generate writes zxlat.go.

// Two fcntl commands x/sys lacks (linux/fcntl.h: F_LINUX_SPECIFIC_BASE+5
// and the generic 17).
const (
	fCancellk     = unix.F_SETLEASE + 5
	fGetownerUids = 17
)

// appendMode appends a mode_t as C's %#03o: "000", "0644", "04755".
func appendMode(b []byte, v uint64) []byte {
	n := len(b)
	b = format.AppendOctal(b, v)
	for len(b)-n < 3 {
		b = append(b, 0)
		copy(b[n+1:], b[n:])
		b[n] = '0'
	}
	return b
}

// flagsZero appends v through fs as Decoder.Flags does, except that a zero
// v prints as the set's zero name (PROT_NONE, F_OK) as strace does.
func (d *Decoder) flagsZero(fs format.FlagSet, v uint64, zero, dflt string) {
	if v != 0 {
		d.Flags(fs, v, dflt)
		return
	}
	switch d.Opts.Style {
	case format.Raw:
		d.S("0")
	case format.Verbose:
		d.S("0 /* ")
		d.S(zero)
		d.S(" */")
	default:
		d.S(zero)
	}
}

// appendOpenFlags appends open's flags in the abbreviated style: the access
// mode by name, then the other flags, then unknown bits in hex.
func appendOpenFlags(b []byte, v uint64) []byte {
	name, _ := openAccModes.Name(v & unix.O_ACCMODE)
	b = append(b, name...)
	if rest := v &^ unix.O_ACCMODE; rest != 0 {
		b = append(b, '|')
		b = openFlagSet.Append(b, rest, format.Abbrev, "")
	}
	return b
}

// openFlags appends open's flags in the decoder's -X style.
func (d *Decoder) openFlags(v uint64) {
	switch d.Opts.Style {
	case format.Raw:
		d.Hex(v)
	case format.Verbose:
		d.Hex(v)
		d.S(" /* ")
		d.B = appendOpenFlags(d.B, v)
		d.S(" */")
	default:
		d.B = appendOpenFlags(d.B, v)
	}
}

// dirfd appends a directory descriptor: AT_FDCWD by -X style, or an fd.
func (d *Decoder) dirfd(v uint64) {
	fd := int32(v)
	if fd == unix.AT_FDCWD {
		d.ValueDec(atFdcwd, uint64(int64(fd)), "")
		if d.Opts.FdDecor != nil {
			d.B = d.Opts.FdDecor(d.B, unix.AT_FDCWD)
		}
		return
	}
	d.Fd(int(fd))
}

// retAs makes c's return value print as k (fcntl's F_GETFL result is hex,
// F_DUPFD's an fd).
func retAs(c *Call, k RetKind) { c.RetAs = k }

// dropSep removes the ", " Enter has just appended before an AtExit
// argument that turns out to print nothing at entry (see FcntlArg).
func (d *Decoder) dropSep() {
	if bytes.HasSuffix(d.B, []byte(", ")) {
		d.B = d.B[:len(d.B)-2]
	}
}

var (
	// AtDirfd prints a directory descriptor (the *at calls' dirfd):
	// AT_FDCWD honouring -X (-100, -100 /* AT_FDCWD */), else an Fd.
	AtDirfd = &Arg{Print: func(d *Decoder, c *Call, i int) { d.dirfd(c.Args[i]) }}

	// OpenFlags prints open's flags at entry: the access mode as a
	// value, then the O_* flags, unknown bits in hex.
	OpenFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.openFlags(uint64(uint32(c.Args[i]))) }}

	// OpenMode prints open's mode (%#03o) at entry, only when the
	// previous argument (the flags) holds O_CREAT or O_TMPFILE's bit.
	OpenMode = &Arg{
		Print: func(d *Decoder, c *Call, i int) { d.B = appendMode(d.B, uint64(uint16(c.Args[i]))) },
		Skip:  func(c *Call, i int) bool { return c.Args[i-1]&(unix.O_CREAT|oTmpfileOnly) == 0 },
	}

	// Mode prints a mode_t as strace does (%#03o of the low 16 bits):
	// chmod, mkdir, umask, creat.
	Mode = &Arg{Print: func(d *Decoder, c *Call, i int) { d.B = appendMode(d.B, uint64(uint16(c.Args[i]))) }}

	// AtFlags prints the AT_* flags of unlinkat, newfstatat, linkat…
	// (AT_??? for unknown bits alone).
	AtFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(atFlagSet, uint64(uint32(c.Args[i])), "AT_???") }}

	// UtimensTimes prints utimensat's times at entry: two timespecs, each
	// with its date, or UTIME_NOW / UTIME_OMIT by -X style; NULL, or the
	// bare address when unreadable.
	UtimensTimes = &Arg{Print: func(d *Decoder, c *Call, i int) { d.utimePair(c.Args[i], true) }}

	// UtimesTimes prints utimes's and futimesat's times at entry: two
	// timevals, each with its date.
	UtimesTimes = &Arg{Print: func(d *Decoder, c *Call, i int) { d.utimePair(c.Args[i], false) }}

	// Utimbuf prints utime's struct utimbuf at entry:
	// {actime=… /* date */, modtime=… /* date */}.
	Utimbuf = &Arg{Print: func(d *Decoder, c *Call, i int) {
		b, ok := d.Read(c.Args[i], 16)
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		act, mod := int64(binary.LittleEndian.Uint64(b)), int64(binary.LittleEndian.Uint64(b[8:]))
		d.S("{actime=")
		d.Int(act)
		d.timeCommentPart(act, 0, 0)
		d.S(", modtime=")
		d.Int(mod)
		d.timeCommentPart(mod, 0, 0)
		d.S("}")
	}}

	// FaccessatFlags prints faccessat2's flags (AT_EACCESS…).
	FaccessatFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(faccessatFlagSet, uint64(uint32(c.Args[i])), "AT_???")
	}}

	// AccessMode prints access's mode: F_OK, or R_OK|W_OK|X_OK.
	AccessMode = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.flagsZero(accessModeSet, uint64(uint32(c.Args[i])), "F_OK", "?_OK")
	}}

	// Whence prints lseek's whence (SEEK_*).
	Whence = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Value(whenceSet, uint64(uint32(c.Args[i])), "SEEK_???") }}

	// Dup3Flags prints dup3's flags (O_CLOEXEC).
	Dup3Flags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(dup3FlagSet, uint64(uint32(c.Args[i])), "O_???") }}

	// Pipe2Flags prints pipe2's flags.
	Pipe2Flags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(pipe2FlagSet, uint64(uint32(c.Args[i])), "O_???") }}

	// RenameFlags prints renameat2's flags (RENAME_*).
	RenameFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(renameFlagSet, uint64(uint32(c.Args[i])), "RENAME_???")
	}}

	// PipeFds prints pipe's int[2] at exit: [3, 4]; the address when
	// the call failed or the array is unreadable.
	PipeFds = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		b, ok := d.Read(c.Args[i], 8)
		if c.Failed() || !ok {
			d.Addr(c.Args[i])
			return
		}
		r, w := int32(binary.LittleEndian.Uint32(b)), int32(binary.LittleEndian.Uint32(b[4:]))
		d.S("[")
		d.Fd(int(r))
		d.S(", ")
		d.Fd(int(w))
		d.S("]")
	}}

	// StrOut prints a buffer the call fills with a string (readlink's
	// buf) at exit: as many bytes as returned, cut at -s; the address
	// (or NULL) on failure.
	StrOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.Buf(c.Args[i], uint64(c.Ret))
	}}

	// CwdBuf prints getcwd's buffer at exit: the path of the returned
	// length less its NUL (strace's printpathn of u_rval - 1: a buffer
	// changed behind the kernel shows "…"); the address on failure.
	// getcwd prints all of its arguments at exit.
	CwdBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.pathN(c.Args[i], uint64(c.Ret)-1)
	}}

	// Dirents64 prints getdents64's buffer at exit: with -v the entries
	// ([{d_ino=…, d_off=…, d_reclen=…, d_type=DT_REG, d_name="a"}, …]),
	// else the address and "/* N entries */"; the returned length bounds
	// the walk, the next argument (count) bounds the returned length.
	// Dirents prints the old getdents's buffer, as Dirents64 does.
	Dirents = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() || uint64(c.Ret) > uint64(uint32(c.Args[i+1])) {
			d.Addr(c.Args[i])
			return
		}
		d.dirents(c.Args[i], uint64(c.Ret), true)
	}}
	Dirents64 = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() || uint64(c.Ret) > uint64(uint32(c.Args[i+1])) {
			d.Addr(c.Args[i])
			return
		}
		d.dirents64(c.Args[i], uint64(c.Ret))
	}}

	// FcntlCmd prints fcntl's command (F_*).
	FcntlCmd = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Value(fcntlCmds, uint64(uint32(c.Args[i])), "F_???") }}

	// FcntlArg prints fcntl's third argument by the command (the
	// previous argument): a number, flags, a signal or a struct flock at
	// entry; F_GETLK's struct at exit; for the commands with a result
	// worth naming (F_GETFL, F_GETFD, F_GETLEASE, F_GET_SEALS, F_GETSIG)
	// nothing, but at exit the return prints as strace does (hex, and
	// Call.Detail: "flags O_RDWR|O_LARGEFILE"). It is an AtExit kind
	// whose Save prints the entry part, so that it gets an exit hook.
	FcntlArg = &Arg{AtExit: true, Save: fcntlEnter, Print: fcntlExit}
)

// pathN appends the string at addr of at most n bytes, stopping at a NUL,
// as strace prints a path of known length: "..." when no NUL came within
// n bytes and more follow; the address when unreadable.
func (d *Decoder) pathN(addr, n uint64) {
	if addr == 0 {
		d.S("NULL")
		return
	}
	if n > pathMax-1 {
		n = pathMax - 1
	}
	s, ok := d.readCString(addr, int(n))
	if !ok {
		// The string may end at the end of readable memory without
		// a NUL within n+1 bytes: read exactly n.
		b, ok2 := d.Read(addr, int(n))
		if !ok2 {
			d.Hex(addr)
			return
		}
		if j := bytes.IndexByte(b, 0); j >= 0 {
			b = b[:j]
		}
		d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
		return
	}
	if uint64(len(s)) > n {
		d.B = format.AppendQuoted(d.B, s[:n], d.Opts.X, false)
		d.S("...")
		return
	}
	d.B = format.AppendQuoted(d.B, s, d.Opts.X, false)
}

// direntHeader is the size of struct linux_dirent64 before d_name.
const direntHeader = 19

// maxDirents bounds the entries printed from one getdents64 buffer.
const maxDirents = 1 << 16

func (d *Decoder) dirents64(addr, n uint64) { d.dirents(addr, n, false) }

// direntOldHeader is the size of the old struct linux_dirent before
// d_name (getdents); its d_type is the record's last byte.
const direntOldHeader = 18

// dirents appends a getdents64 buffer, or with old a getdents one (the
// header is a byte shorter, d_type follows d_name).
func (d *Decoder) dirents(addr, n uint64, old bool) {
	header := uint64(direntHeader)
	if old {
		header = direntOldHeader
	}
	if d.Terse {
		d.Addr(addr) // outside -e verbose=: the address alone
		return
	}
	abbrev := !d.Opts.Verbose
	if abbrev {
		d.Addr(addr)
	}
	count := 0
	for count < maxDirents {
		if n < header {
			if !abbrev {
				if n == 0 {
					if count == 0 {
						d.S("[")
					}
					count++
				} else {
					d.hexBuf(addr, n)
				}
			}
			break
		}
		h, ok := d.Read(addr, int(header))
		if !ok {
			if !abbrev {
				if count > 0 {
					d.S("...")
					d.S(" /* ")
					d.Hex(addr)
					d.S(" */")
				} else {
					d.Addr(addr)
				}
			}
			break
		}
		ino := binary.LittleEndian.Uint64(h)
		off := binary.LittleEndian.Uint64(h[8:])
		reclen := uint64(binary.LittleEndian.Uint16(h[16:]))
		var typ uint64
		if !old {
			typ = uint64(h[18])
		}
		if !abbrev {
			if count == 0 {
				d.S("[")
			}
			d.S("{d_ino=")
			d.Uint(ino)
			d.S(", d_off=")
			d.Uint(off)
			d.S(", d_reclen=")
			d.Uint(reclen)
		}
		count++
		var next uint64
		var nextLen uint64
		switch {
		case reclen > n:
			d.S(" /* ")
			if abbrev {
				d.S("d_reclen ")
			}
			d.Uint(reclen - n)
			d.S(" bytes overflow */")
			reclen = n
		case reclen < header:
			d.S(" /* ")
			if abbrev {
				d.S("d_reclen ")
			}
			d.Uint(header - reclen)
			d.S(" bytes underflow */")
			reclen = header
			nextLen = n - header
		default:
			nextLen = n - reclen
			if nextLen != 0 {
				if addr+reclen > addr {
					next = addr + reclen
				} else {
					d.S(" /* address overflow */")
				}
			}
		}
		n = nextLen
		bad := false
		if !abbrev {
			if old {
				bad = d.oldDirentTail(addr+header, reclen-header)
			} else {
				bad = d.dirent64Tail(addr, reclen, typ)
			}
			d.S("}")
			if next != 0 {
				d.S(", ")
				if bad {
					d.S("...")
					break
				}
			}
		}
		if next == 0 {
			break
		}
		addr = next
	}
	if !abbrev {
		if count > 0 {
			d.S("]")
		}
		return
	}
	d.S(" /* ")
	d.Int(int64(count))
	if n != 0 {
		d.S("+")
	}
	d.S(" entries */")
}

// dirent64Tail appends a linux_dirent64's d_type and d_name (the record of
// reclen bytes at addr), and reports whether the name was unreadable.
func (d *Decoder) dirent64Tail(addr, reclen, typ uint64) (bad bool) {
	d.S(", d_type=")
	d.Value(direntTypes, typ, "DT_???")
	if nameLen := reclen - direntHeader; nameLen != 0 {
		if nameLen > 256 {
			nameLen = 256
		}
		d.S(", d_name=")
		mark := len(d.B)
		// strace 6.1 shows one byte less than the name's room: a name
		// without a NUL in it ends with "...".
		d.pathN(addr+direntHeader, nameLen-1)
		bad = len(d.B) > mark && d.B[mark] != '"'
	}
	return bad
}

// oldDirentTail appends an old linux_dirent's d_name and d_type (the
// tail's last byte) from the tail of size n at addr, and reports whether
// either was unreadable.
func (d *Decoder) oldDirentTail(addr, n uint64) bool {
	if n == 0 {
		return false
	}
	bad := false
	if nameLen := n - 1; nameLen != 0 {
		if nameLen > 256 {
			nameLen = 256
		}
		d.S(", d_name=")
		mark := len(d.B)
		d.pathN(addr, nameLen)
		bad = len(d.B) > mark && d.B[mark] != '"'
	}
	d.S(", d_type=")
	b, ok := d.Read(addr+n-1, 1)
	if !ok {
		d.Addr(addr + n - 1)
		return true
	}
	d.Value(direntTypes, uint64(b[0]), "DT_???")
	return bad
}

// hexBuf appends n bytes at addr as a string forced to \x form, cut at -s.
func (d *Decoder) hexBuf(addr, n uint64) {
	show := n
	if show > uint64(d.Opts.StrSize) {
		show = uint64(d.Opts.StrSize)
	}
	b, ok := d.Read(addr, int(show))
	if !ok {
		d.Addr(addr)
		return
	}
	d.B = format.AppendQuoted(d.B, b, format.XAll, false)
	if n > show {
		d.S("...")
	}
}

// fcntlArgAtEntry reports whether fcntl command cmd has a third argument
// printed at entry.
func fcntlArgAtEntry(cmd uint32) bool {
	switch cmd {
	case unix.F_GETFD, unix.F_GETFL, unix.F_GETLEASE, unix.F_GET_SEALS, unix.F_GETSIG,
		unix.F_GETOWN, unix.F_GETPIPE_SZ, unix.F_GETLK, unix.F_OFD_GETLK, unix.F_GETOWN_EX:
		return false
	}
	return true
}

// fcntlEnter is FcntlArg's entry half: Enter has appended ", "; print the
// argument after it, or take the separator back.
func fcntlEnter(d *Decoder, c *Call, i int) {
	cmd := uint32(c.Args[i-1])
	v := c.Args[i]
	if !fcntlArgAtEntry(cmd) {
		d.dropSep()
		return
	}
	switch cmd {
	case unix.F_SETFD:
		d.Flags(fdFlagSet, v, "FD_???")
	case unix.F_SETOWN, unix.F_SETPIPE_SZ:
		d.Int(int64(int32(v)))
	case unix.F_DUPFD, unix.F_DUPFD_CLOEXEC:
		d.Int(int64(v))
	case unix.F_SETFL:
		d.openFlags(uint64(uint32(v)))
	case unix.F_SETLK, unix.F_SETLKW, unix.F_OFD_SETLK, unix.F_OFD_SETLKW:
		d.flock(v, false)
	case unix.F_SETOWN_EX:
		d.fOwnerEx(v)
	case unix.F_NOTIFY:
		d.Flags(notifyFlagSet, v, "DN_???")
	case unix.F_SETLEASE:
		d.Value(lockTypes, v, "F_???")
	case unix.F_ADD_SEALS:
		d.Flags(sealFlagSet, v, "F_SEAL_???")
	case unix.F_SETSIG:
		d.signal(v)
	default:
		d.Hex(v)
	}
}

// fcntlExit is FcntlArg's exit half.
func fcntlExit(d *Decoder, c *Call, i int) {
	cmd := uint32(c.Args[i-1])
	v := c.Args[i]
	switch cmd {
	case unix.F_GETLK, unix.F_OFD_GETLK:
		d.S(", ")
		if c.Failed() {
			d.Addr(v)
			return
		}
		d.flock(v, true)
	case unix.F_GETOWN_EX:
		d.S(", ")
		if c.Failed() {
			d.Addr(v)
			return
		}
		d.fOwnerEx(v)
	case unix.F_DUPFD, unix.F_DUPFD_CLOEXEC:
		retAs(c, RetFd)
	}
	if c.Failed() {
		return
	}
	r := uint64(c.Ret)
	switch cmd {
	case unix.F_GETFD:
		if r != 0 {
			retAs(c, RetHex)
			c.Detail = "flags " + string(fdFlagSet.Append(nil, r, d.Opts.Style, "FD_???"))
		}
	case unix.F_GETFL:
		retAs(c, RetHex)
		c.Detail = "flags " + string(appendOpenFlags(nil, uint64(uint32(r))))
	case unix.F_GETLEASE:
		retAs(c, RetHex)
		if name, ok := lockTypes.Name(r); ok {
			c.Detail = name
		}
	case unix.F_GET_SEALS:
		if r != 0 {
			retAs(c, RetHex)
			c.Detail = "seals " + string(sealFlagSet.Append(nil, r, d.Opts.Style, "F_SEAL_???"))
		}
	case unix.F_GETSIG:
		if r != 0 {
			c.Detail = SignalName(int(r))
		}
	}
}

// signal appends a signal number by -X style.
func (d *Decoder) signal(v uint64) {
	n := int(int32(v))
	name := SignalName(n)
	if name == strconv.Itoa(n) || d.Opts.Style == format.Raw {
		d.Int(int64(n))
		return
	}
	if d.Opts.Style == format.Verbose {
		d.Int(int64(n))
		d.S(" /* ")
		d.S(name)
		d.S(" */")
		return
	}
	d.S(name)
}

// flock appends the struct flock at addr (with l_pid for the GETLK
// commands); the address when unreadable.
func (d *Decoder) flock(addr uint64, getlk bool) {
	b, ok := d.Read(addr, 32)
	if !ok {
		d.Addr(addr)
		return
	}
	typ := uint64(uint16(binary.LittleEndian.Uint16(b)))
	whence := uint64(uint16(binary.LittleEndian.Uint16(b[2:])))
	start := int64(binary.LittleEndian.Uint64(b[8:]))
	length := int64(binary.LittleEndian.Uint64(b[16:]))
	pid := int32(binary.LittleEndian.Uint32(b[24:]))
	d.S("{l_type=")
	d.Value(lockTypes, typ, "F_???")
	d.S(", l_whence=")
	d.Value(whenceSet, whence, "SEEK_???")
	d.S(", l_start=")
	d.Int(start)
	d.S(", l_len=")
	d.Int(length)
	if getlk {
		d.S(", l_pid=")
		d.Int(int64(pid))
	}
	d.S("}")
}

// fOwnerEx appends the struct f_owner_ex at addr.
func (d *Decoder) fOwnerEx(addr uint64) {
	b, ok := d.Read(addr, 8)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{type=")
	d.Value(fOwnerTypes, uint64(binary.LittleEndian.Uint32(b)), "F_OWNER_???")
	d.S(", pid=")
	d.Int(int64(int32(binary.LittleEndian.Uint32(b[4:]))))
	d.S("}")
}

// atFdcwdVal is AT_FDCWD as a value-set key (sign-extended).
var atFdcwdVal = func() uint64 { v := int64(unix.AT_FDCWD); return uint64(v) }()

// Values of the rarer file calls that x/sys lacks (uapi headers:
// asm-generic/fcntl.h for the LOCK_MAND family, linux/openat2.h for
// RESOLVE_*).
const (
	lockMand  = 0x20
	lockRead  = 0x40
	lockWrite = 0x80
	lockRW    = lockRead | lockWrite

	resolveNoXdev       = 0x1
	resolveNoMagiclinks = 0x2
	resolveNoSymlinks   = 0x4
	resolveBeneath      = 0x8
	resolveInRoot       = 0x10
	resolveCached       = 0x20

	// openHowSize is the size of struct open_how (version 0).
	openHowSize = 24
)

// appendMemfdFlags appends memfd_create's flags in the abbreviated style:
// the MFD_* flags, then the huge page size as N<<MFD_HUGE_SHIFT.
func appendMemfdFlags(b []byte, v uint64) []byte {
	const mask = unix.MFD_HUGE_MASK << unix.MFD_HUGE_SHIFT
	huge := v & mask
	v &^= mask
	if v != 0 || huge == 0 {
		b = memfdFlags.Append(b, v, format.Abbrev, "MFD_???")
	}
	if huge != 0 {
		if v != 0 {
			b = append(b, '|')
		}
		b = strconv.AppendUint(b, huge>>unix.MFD_HUGE_SHIFT, 10)
		b = append(b, "<<MFD_HUGE_SHIFT"...)
	}
	return b
}

var (
	// ID prints a uid or gid (an unsigned int; -1, "unchanged", as -1).
	ID = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if v := uint32(c.Args[i]); v == ^uint32(0) {
			d.S("-1")
		} else {
			d.Uint(uint64(v))
		}
	}}

	// FallocMode prints fallocate's mode (FALLOC_FL_*).
	FallocMode = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(fallocFlags, uint64(uint32(c.Args[i])), "FALLOC_FL_???")
	}}

	// SyncFileRangeFlags prints sync_file_range's flags.
	SyncFileRangeFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(syncFileRangeFlags, uint64(uint32(c.Args[i])), "SYNC_FILE_RANGE_???")
	}}

	// FlockOp prints flock's operation (LOCK_*).
	FlockOp = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(flockOps, uint64(uint32(c.Args[i])), "LOCK_???") }}

	// FadviseAdvice prints fadvise64's advice (POSIX_FADV_*).
	FadviseAdvice = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(fadviseAdvice, uint64(uint32(c.Args[i])), "POSIX_FADV_???")
	}}

	// UmountFlags prints umount2's flags.
	UmountFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Flags(umountFlags, uint64(uint32(c.Args[i])), "") }}

	// MemfdFlags prints memfd_create's flags: MFD_*, then the huge page
	// size as N<<MFD_HUGE_SHIFT.
	MemfdFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		v := uint64(uint32(c.Args[i]))
		switch d.Opts.Style {
		case format.Raw:
			d.Hex(v)
		case format.Verbose:
			d.Hex(v)
			if v != 0 {
				d.S(" /* ")
				d.B = appendMemfdFlags(d.B, v)
				d.S(" */")
			}
		default:
			d.B = appendMemfdFlags(d.B, v)
		}
	}}

	// CloseRangeFlags prints close_range's flags.
	CloseRangeFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(closeRangeFlags, uint64(uint32(c.Args[i])), "CLOSE_RANGE_???")
	}}

	// OpenHow prints openat2's struct open_how at entry; its size is the
	// next argument (below the first version's size: the address).
	OpenHow = &Arg{Print: func(d *Decoder, c *Call, i int) {
		addr := c.Args[i]
		if c.Args[i+1] < openHowSize {
			d.Addr(addr)
			return
		}
		b, ok := d.Read(addr, openHowSize)
		if !ok {
			d.Addr(addr)
			return
		}
		flags := binary.LittleEndian.Uint64(b)
		mode := binary.LittleEndian.Uint64(b[8:])
		d.S("{flags=")
		d.openFlags(flags)
		if flags&(unix.O_CREAT|oTmpfileOnly) != 0 || mode != 0 {
			d.S(", mode=")
			d.B = appendMode(d.B, mode)
		}
		d.S(", resolve=")
		d.Flags(resolveFlags, binary.LittleEndian.Uint64(b[16:]), "RESOLVE_???")
		d.S("}")
	}}
)

// utimePair appends the two times of utimensat (timespecs, nsec) or of
// utimes (timevals) at addr, as an array.
func (d *Decoder) utimePair(addr uint64, nsec bool) {
	b, ok := d.Read(addr, 32)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [32]byte
	copy(v[:], b)
	d.S("[")
	for k := 0; k < 2; k++ {
		if k > 0 {
			d.S(", ")
		}
		t := v[16*k : 16*k+16]
		sec, frac := int64(binary.LittleEndian.Uint64(t)), binary.LittleEndian.Uint64(t[8:])
		if !nsec {
			d.timevalBytes(t)
			d.timeCommentPart(sec, frac, 6)
			continue
		}
		special := ""
		switch frac {
		case unix.UTIME_NOW:
			special = "UTIME_NOW"
		case unix.UTIME_OMIT:
			special = "UTIME_OMIT"
		}
		switch {
		case special == "":
			d.timespecBytes(t)
			d.timeComment(sec, frac)
		case d.Opts.Style == format.Raw:
			d.timespecBytes(t)
		case d.Opts.Style == format.Verbose:
			d.timespecBytes(t)
			d.S(" /* ")
			d.S(special)
			d.S(" */")
		default:
			d.S(special)
		}
	}
	d.S("]")
}
