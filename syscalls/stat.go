package syscalls

import (
	"encoding/binary"
	"strconv"
	"time"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The stat family: struct stat (stat, fstat, lstat, newfstatat), struct
// statx, struct statfs (statfs, fstatfs).

// statfs f_flags bits x/sys lacks (linux/statfs.h).
const (
	stValid       = 0x20
	stNosymfollow = 0x2000

	// statxSyncType is AT_STATX_SYNC_TYPE (linux/fcntl.h): the two
	// sync bits, which x/sys names only one by one.
	statxSyncType = unix.AT_STATX_FORCE_SYNC | unix.AT_STATX_DONT_SYNC
)

// stat.go's flag and value sets are listed in xlat/stat.txt, from which
// go generate writes zxlat.go.

// Sizes of the structures read from the tracee (amd64).
const (
	sizeofStat   = 144
	sizeofStatx  = 256
	sizeofStatfs = 120
)

var (
	// StatBuf prints a struct stat the call fills (stat, fstat, lstat,
	// newfstatat) at exit: {st_mode=S_IFREG|0644, st_size=…, ...}, every
	// field with -v; the address (NULL) on failure or when unreadable.
	StatBuf = structOut(sizeofStat, (*Decoder).stat)

	// StatxFlags prints statx's flags at entry: the AT_STATX_* sync type
	// (AT_STATX_SYNC_AS_STAT when zero), then the AT_* flags.
	StatxFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.statxFlags(uint64(uint32(c.Args[i]))) }}

	// StatxMask prints statx's mask (STATX_*).
	StatxMask = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(statxMasks, uint64(uint32(c.Args[i])), "STATX_???")
	}}

	// StatxBuf prints the struct statx the call fills, at exit: the
	// abbreviated form, or every field with -v; the address on failure.
	StatxBuf = structOut(sizeofStatx, (*Decoder).statx)

	// StatfsBuf prints the struct statfs the call fills (statfs,
	// fstatfs), at exit; the address on failure.
	StatfsBuf = structOut(sizeofStatfs, (*Decoder).statfs)
)

// appendSymbolicMode appends a full mode as strace's abbreviated style
// prints it: S_IFREG|S_ISUID|0755; "" for the type when it is zero; ok is
// false when the type is unknown (the caller then prints the number only).
func appendSymbolicMode(b []byte, mode uint64) ([]byte, bool) {
	if t := mode & unix.S_IFMT; t != 0 {
		name, ok := modeTypes.Name(t)
		if !ok {
			return b, false
		}
		b = append(b, name...)
		b = append(b, '|')
	}
	if mode&unix.S_ISUID != 0 {
		b = append(b, "S_ISUID|"...)
	}
	if mode&unix.S_ISGID != 0 {
		b = append(b, "S_ISGID|"...)
	}
	if mode&unix.S_ISVTX != 0 {
		b = append(b, "S_ISVTX|"...)
	}
	return appendMode(b, mode&^(unix.S_IFMT|unix.S_ISUID|unix.S_ISGID|unix.S_ISVTX)), true
}

// symbolicMode appends a file mode (st_mode, stx_mode) by -X style.
func (d *Decoder) symbolicMode(mode uint64) {
	var buf [64]byte // on the stack: every stat line used to allocate here
	sym, ok := appendSymbolicMode(buf[:0], mode)
	switch {
	case !ok || d.Opts.Style == format.Raw:
		d.B = appendMode(d.B, mode)
	case d.Opts.Style == format.Verbose:
		d.B = appendMode(d.B, mode)
		d.S(" /* ")
		d.B = append(d.B, sym...)
		d.S(" */")
	default:
		d.B = append(d.B, sym...)
	}
}

// dev appends a dev_t (the kernel's encoding) as makedev(major, minor),
// by -X style.
func (d *Decoder) dev(v uint64) {
	mk := func() {
		d.S("makedev(")
		d.Hex(uint64(unix.Major(v)))
		d.S(", ")
		d.Hex(uint64(unix.Minor(v)))
		d.S(")")
	}
	switch d.Opts.Style {
	case format.Raw:
		d.Hex(v)
	case format.Verbose:
		d.Hex(v)
		d.S(" /* ")
		mk()
		d.S(" */")
	default:
		mk()
	}
}

// timeComment appends " /* 2024-01-02T03:04:05.123456789+0000 */" for a
// time in seconds and nanoseconds, in the local zone as strace does;
// nothing for the zero time or an unrepresentable one.
func (d *Decoder) timeComment(sec int64, nsec uint64) { d.timeCommentPart(sec, nsec, 9) }

// timeCommentPart is timeComment for a fraction of a second given in
// width decimal digits (6 for microseconds, 0 for none); nothing when the
// fraction does not fit them.
func (d *Decoder) timeCommentPart(sec int64, part uint64, width int) {
	if sec == 0 && part == 0 {
		return
	}
	limit := uint64(1)
	for i := 0; i < width; i++ {
		limit *= 10
	}
	if part >= limit {
		return
	}
	dated, ok := appendDate(append(d.B, " /* "...), sec, false)
	if !ok {
		return
	}
	d.B = dated
	if part != 0 {
		d.S(".")
		n := len(d.B)
		d.B = format.RightAlign(strconv.AppendUint(d.B, part, 10), n, width, '0')
	}
	d.B = time.Unix(sec, 0).In(time.Local).AppendFormat(d.B, "-0700")
	d.S(" */")
}

// stat appends a struct stat (amd64 layout) from b.
func (d *Decoder) stat(b []byte) {
	le := binary.LittleEndian
	dev := le.Uint64(b[0:])
	ino := le.Uint64(b[8:])
	nlink := le.Uint64(b[16:])
	mode := uint64(le.Uint32(b[24:]))
	uid := le.Uint32(b[28:])
	gid := le.Uint32(b[32:])
	rdev := le.Uint64(b[40:])
	size := le.Uint64(b[48:])
	blksize := le.Uint64(b[56:])
	blocks := le.Uint64(b[64:])
	d.S("{")
	if d.Opts.Verbose {
		d.S("st_dev=")
		d.dev(dev)
		d.S(", st_ino=")
		d.Uint(ino)
		d.S(", st_mode=")
		d.symbolicMode(mode)
		d.S(", st_nlink=")
		d.Uint(nlink)
		d.S(", st_uid=")
		d.Uint(uint64(uid))
		d.S(", st_gid=")
		d.Uint(uint64(gid))
		d.S(", st_blksize=")
		d.Uint(blksize)
		d.S(", st_blocks=")
		d.Uint(blocks)
	} else {
		d.S("st_mode=")
		d.symbolicMode(mode)
	}
	switch mode & unix.S_IFMT {
	case unix.S_IFCHR, unix.S_IFBLK:
		d.S(", st_rdev=")
		d.dev(rdev)
	default:
		d.S(", st_size=")
		d.Uint(size)
	}
	if !d.Opts.Verbose {
		d.S(", ...}")
		return
	}
	for k, name := range [3]string{"st_atime", "st_mtime", "st_ctime"} {
		sec := int64(le.Uint64(b[72+16*k:]))
		nsec := le.Uint64(b[80+16*k:])
		d.S(", ")
		d.S(name)
		d.S("=")
		d.Int(sec)
		d.timeComment(sec, nsec)
		d.S(", ")
		d.S(name)
		d.S("_nsec=")
		d.Uint(nsec)
	}
	d.S("}")
}

// statxFlags appends statx's flags: the sync type, then the AT_* flags.
func (d *Decoder) statxFlags(v uint64) {
	sync := v & statxSyncType
	rest := v &^ statxSyncType
	switch d.Opts.Style {
	case format.Raw:
		// strace prints nothing for a zero sync type here.
		if sync != 0 {
			d.Hex(sync)
		}
	default:
		d.flagsZero(statxSync, sync, "AT_STATX_SYNC_AS_STAT", "")
	}
	if rest != 0 {
		d.S("|")
		d.Flags(atFlagSet, rest, "")
	}
}

// statxTime appends a struct statx_timestamp at b, with its comment.
func (d *Decoder) statxTime(name string, b []byte) {
	sec := int64(binary.LittleEndian.Uint64(b))
	nsec := uint64(binary.LittleEndian.Uint32(b[8:]))
	d.S(", ")
	d.S(name)
	d.S("={tv_sec=")
	d.Int(sec)
	d.S(", tv_nsec=")
	d.Uint(nsec)
	d.S("}")
	d.timeComment(sec, nsec)
}

// statx appends a struct statx from b.
func (d *Decoder) statx(b []byte) {
	le := binary.LittleEndian
	mask := uint64(le.Uint32(b[0:]))
	d.S("{stx_mask=")
	d.Flags(statxMasks, mask, "STATX_???")
	if d.Opts.Verbose {
		d.S(", stx_blksize=")
		d.Uint(uint64(le.Uint32(b[4:])))
	}
	d.S(", stx_attributes=")
	d.Flags(statxAttrs, le.Uint64(b[8:]), "STATX_ATTR_???")
	// strace 6.1 shows a field only when stx_mask says it is filled
	// (stx_mode for STATX_TYPE or STATX_MODE).
	has := func(bits uint64) bool { return mask&bits != 0 }
	if d.Opts.Verbose {
		if has(unix.STATX_NLINK) {
			d.S(", stx_nlink=")
			d.Uint(uint64(le.Uint32(b[16:])))
		}
		if has(unix.STATX_UID) {
			d.S(", stx_uid=")
			d.id(le.Uint32(b[20:]))
		}
		if has(unix.STATX_GID) {
			d.S(", stx_gid=")
			d.id(le.Uint32(b[24:]))
		}
	}
	if has(unix.STATX_TYPE | unix.STATX_MODE) {
		d.S(", stx_mode=")
		d.symbolicMode(uint64(le.Uint16(b[28:])))
	}
	if d.Opts.Verbose && has(unix.STATX_INO) {
		d.S(", stx_ino=")
		d.Uint(le.Uint64(b[32:]))
	}
	if has(unix.STATX_SIZE) {
		d.S(", stx_size=")
		d.Uint(le.Uint64(b[40:]))
	}
	if !d.Opts.Verbose {
		d.S(", ...}")
		return
	}
	if has(unix.STATX_BLOCKS) {
		d.S(", stx_blocks=")
		d.Uint(le.Uint64(b[48:]))
	}
	d.S(", stx_attributes_mask=")
	d.Flags(statxAttrs, le.Uint64(b[56:]), "STATX_ATTR_???")
	if mask&unix.STATX_ATIME != 0 {
		d.statxTime("stx_atime", b[64:])
	}
	if mask&unix.STATX_BTIME != 0 {
		d.statxTime("stx_btime", b[80:])
	}
	if mask&unix.STATX_CTIME != 0 {
		d.statxTime("stx_ctime", b[96:])
	}
	if mask&unix.STATX_MTIME != 0 {
		d.statxTime("stx_mtime", b[112:])
	}
	for k, name := range [4]string{"stx_rdev_major", "stx_rdev_minor", "stx_dev_major", "stx_dev_minor"} {
		d.S(", ")
		d.S(name)
		d.S("=")
		d.Uint(uint64(le.Uint32(b[128+4*k:])))
	}
	if mask&unix.STATX_MNT_ID != 0 {
		d.S(", stx_mnt_id=")
		d.Hex(le.Uint64(b[144:]))
	}
	if mask&unix.STATX_DIOALIGN != 0 {
		d.S(", stx_dio_mem_align=")
		d.Uint(uint64(le.Uint32(b[152:])))
		d.S(", stx_dio_offset_align=")
		d.Uint(uint64(le.Uint32(b[156:])))
	}
	d.S("}")
}

// statfs appends a struct statfs (amd64 layout) from b.
func (d *Decoder) statfs(b []byte) {
	le := binary.LittleEndian
	d.S("{f_type=")
	d.Value(fsMagics, le.Uint64(b[0:]), "")
	for k, name := range [6]string{"f_bsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree"} {
		d.S(", ")
		d.S(name)
		d.S("=")
		d.Uint(le.Uint64(b[8+8*k:]))
	}
	d.S(", f_fsid={val=[")
	d.Hex(uint64(le.Uint32(b[56:])))
	d.S(", ")
	d.Hex(uint64(le.Uint32(b[60:])))
	d.S("]}, f_namelen=")
	d.Uint(le.Uint64(b[64:]))
	d.S(", f_frsize=")
	d.Uint(le.Uint64(b[72:]))
	if fl := le.Uint64(b[80:]); fl&stValid != 0 {
		d.S(", f_flags=")
		d.Flags(statfsFlags, fl, "ST_???")
	}
	d.S("}")
}

// structOut is the kind of a structure the call fills, printed at exit by
// show from its size bytes; the address (NULL) when the call failed or the
// memory is unreadable.
func structOut(size int, show func(*Decoder, []byte)) *Arg {
	return &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		b, ok := d.Read(c.Args[i], size)
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		show(d, b)
	}}
}
