package syscalls

import (
	"bytes"
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
)

// The ioctl requests of files, file systems, block and loop devices and
// the random device, named as strace 6.1 names them, with their
// arguments decoded where strace decodes them (ioctl.go's IoctlArg calls
// ioctlDevEnter and ioctlDevExit for the kinds below).

// iocNum builds a request number as asm-generic/ioctl.h's _IOC does.
func iocNum(dir, typ, nr, size uint32) uint32 {
	return dir<<iocDirShift | size<<iocSizeShift | typ<<iocTypeShift | nr
}

func iocNone(typ, nr uint32) uint32     { return iocNum(0, typ, nr, 0) }
func iocR(typ, nr, size uint32) uint32  { return iocNum(iocRead, typ, nr, size) }
func iocW(typ, nr, size uint32) uint32  { return iocNum(iocWrite, typ, nr, size) }
func iocWR(typ, nr, size uint32) uint32 { return iocNum(iocRead|iocWrite, typ, nr, size) }

// Argument kinds of this file's requests (continuing ioArg).
const (
	ioFd         ioArg = iota + 64 // a file descriptor, the value itself
	ioUlongVal                     // the value, unsigned decimal
	ioUintOut                      // [unsigned int] at exit
	ioUshortOut                    // [unsigned short] at exit
	ioSlongOut                     // [long] at exit
	ioUlongOut                     // [unsigned long] at exit
	ioU64Out                       // [uint64] at exit
	ioU64Pair                      // [uint64, uint64] at entry
	ioFsFlagsIn                    // [FS_*_FL] at entry
	ioFsFlagsOut                   // [FS_*_FL] at exit
	ioFsxattrIn                    // struct fsxattr at entry
	ioFsxattrOut                   // struct fsxattr at exit, with fsx_nextents
	ioFstrim                       // struct fstrim_range at entry
	ioCloneRange                   // struct file_clone_range at entry
	ioFiemap                       // struct fiemap at entry, and its result at exit
	ioFslabelIn                    // a file system label at entry
	ioFslabelOut                   // a file system label at exit
	ioLoop64In                     // struct loop_info64 at entry
	ioLoop64Out                    // struct loop_info64 at exit
	ioLoopConfig                   // struct loop_config at entry
)

// Sizes of the structures (linux/fs.h, linux/fiemap.h, linux/loop.h).
const (
	sizeofFsxattr        = 28
	sizeofFstrimRange    = 24
	sizeofCloneRange     = 32
	sizeofFiemap         = 32
	sizeofFiemapExtent   = 56
	sizeofLoopInfo64     = 232
	sizeofLoopConfig     = 304
	fslabelMax           = 256
	loNameSize           = 64
	loKeySize            = 32
	loCryptNone          = 0
	blkType              = 0x12
	loopType             = 0x4c
	sizeofLong           = 8
	sizeofInt            = 4
	sizeofU64            = 8
	sizeofBlkTraceSetup  = 64
	sizeofBlkZoneRange   = 16
	sizeofBlkZoneReport  = 16
	sizeofEncPolicy      = 12
	sizeofEncPolicyEx    = 9
	sizeofRandPoolInfo   = 8
	sizeofFsVerityEnable = 128
	sizeofFsVerityDigest = 4
	sizeofFileDedupe     = 24
)

// ioctlDevReqs are this file's requests. strace prints every name of a
// shared number, joined by " or ".
var ioctlDevReqs = []ioctlReq{
	// 'f', 'v', 'X' and 0x94: files and file systems (linux/fs.h).
	{iocR('f', 1, sizeofLong), "FS_IOC_GETFLAGS", ioFsFlagsOut},
	{iocW('f', 2, sizeofLong), "FS_IOC_SETFLAGS", ioFsFlagsIn},
	{iocR('f', 1, sizeofInt), "FS_IOC32_GETFLAGS", ioFsFlagsOut},
	{iocW('f', 2, sizeofInt), "FS_IOC32_SETFLAGS", ioFsFlagsIn},
	{iocR('v', 1, sizeofLong), "FS_IOC_GETVERSION", ioHex},
	{iocW('v', 2, sizeofLong), "FS_IOC_SETVERSION", ioHex},
	{iocR('v', 1, sizeofInt), "FS_IOC32_GETVERSION", ioHex},
	{iocW('v', 2, sizeofInt), "FS_IOC32_SETVERSION", ioHex},
	{iocWR('f', 11, sizeofFiemap), "FS_IOC_FIEMAP", ioFiemap},
	{iocR('f', 19, sizeofEncPolicy), "FS_IOC_SET_ENCRYPTION_POLICY", ioHex},
	{iocW('f', 20, 16), "FS_IOC_GET_ENCRYPTION_PWSALT", ioHex},
	{iocW('f', 21, sizeofEncPolicy), "FS_IOC_GET_ENCRYPTION_POLICY", ioHex},
	{iocWR('f', 22, sizeofEncPolicyEx), "FS_IOC_GET_ENCRYPTION_POLICY_EX", ioHex},
	{iocW('f', 133, sizeofFsVerityEnable), "FS_IOC_ENABLE_VERITY", ioHex},
	{iocWR('f', 134, sizeofFsVerityDigest), "FS_IOC_MEASURE_VERITY", ioHex},
	{iocR('X', 31, sizeofFsxattr), "FS_IOC_FSGETXATTR", ioFsxattrOut},
	{iocW('X', 32, sizeofFsxattr), "FS_IOC_FSSETXATTR", ioFsxattrIn},
	{iocWR('X', 121, sizeofFstrimRange), "FITRIM", ioFstrim},
	{iocW(0x94, 9, sizeofInt), "BTRFS_IOC_CLONE or FICLONE", ioFd},
	{iocW(0x94, 13, sizeofCloneRange), "BTRFS_IOC_CLONE_RANGE or FICLONERANGE", ioCloneRange},
	{iocWR(0x94, 54, sizeofFileDedupe), "BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE", ioAddr},
	{iocR(0x94, 49, fslabelMax), "FS_IOC_GETFSLABEL", ioFslabelOut},
	{iocW(0x94, 50, fslabelMax), "FS_IOC_SETFSLABEL", ioFslabelIn},

	// 0x12: block devices (linux/fs.h, linux/blkzoned.h).
	{iocNone(blkType, 93), "BLKROSET", ioIntIn},
	{iocNone(blkType, 94), "BLKROGET", ioIntOut},
	{iocNone(blkType, 95), "BLKRRPART", ioNone},
	{iocNone(blkType, 96), "BLKGETSIZE", ioUlongOut},
	{iocNone(blkType, 98), "BLKRASET", ioUlongVal},
	{iocNone(blkType, 99), "BLKRAGET", ioSlongOut},
	{iocNone(blkType, 100), "BLKFRASET", ioUlongVal},
	{iocNone(blkType, 101), "BLKFRAGET", ioSlongOut},
	{iocNone(blkType, 102), "BLKSECTSET", ioHex},
	{iocNone(blkType, 103), "BLKSECTGET", ioUshortOut},
	{iocNone(blkType, 104), "BLKSSZGET", ioIntOut},
	{iocNone(blkType, 105), "BLKPG", ioAddr},
	{iocR(blkType, 112, sizeofLong), "BLKBSZGET", ioIntOut},
	{iocW(blkType, 113, sizeofLong), "BLKBSZSET", ioIntIn},
	{iocR(blkType, 114, sizeofLong), "BLKGETSIZE64", ioU64Out},
	{iocNone(blkType, 116), "BLKTRACESTART", ioNone},
	{iocNone(blkType, 117), "BLKTRACESTOP", ioNone},
	{iocNone(blkType, 118), "BLKTRACETEARDOWN", ioNone},
	{iocNone(blkType, 119), "BLKDISCARD", ioU64Pair},
	{iocNone(blkType, 120), "BLKIOMIN", ioUintOut},
	{iocNone(blkType, 121), "BLKIOOPT", ioUintOut},
	{iocNone(blkType, 122), "BLKALIGNOFF", ioIntOut},
	{iocNone(blkType, 123), "BLKPBSZGET", ioUintOut},
	{iocNone(blkType, 124), "BLKDISCARDZEROES", ioUintOut},
	{iocNone(blkType, 125), "BLKSECDISCARD", ioU64Pair},
	{iocNone(blkType, 126), "BLKROTATIONAL", ioUshortOut},
	{iocNone(blkType, 127), "BLKZEROOUT", ioU64Pair},
	{iocWR(blkType, 130, sizeofBlkZoneReport), "BLKREPORTZONE", ioHex},
	{iocW(blkType, 131, sizeofBlkZoneRange), "BLKRESETZONE", ioHex},
	{iocR(blkType, 132, sizeofInt), "BLKGETZONESZ", ioUintOut},
	{iocR(blkType, 133, sizeofInt), "BLKGETNRZONES", ioUintOut},
	{iocW(blkType, 134, sizeofBlkZoneRange), "BLKOPENZONE", ioHex},
	{iocW(blkType, 135, sizeofBlkZoneRange), "BLKCLOSEZONE", ioHex},
	{iocW(blkType, 136, sizeofBlkZoneRange), "BLKFINISHZONE", ioHex},

	// 'L': loop devices and /dev/loop-control (linux/loop.h).
	{iocNone(loopType, 0x00), "LOOP_SET_FD", ioFd},
	{iocNone(loopType, 0x01), "LOOP_CLR_FD", ioNone},
	{iocNone(loopType, 0x02), "LOOP_SET_STATUS", ioAddr},
	{iocNone(loopType, 0x03), "LOOP_GET_STATUS", ioAddr},
	{iocNone(loopType, 0x04), "LOOP_SET_STATUS64", ioLoop64In},
	{iocNone(loopType, 0x05), "LOOP_GET_STATUS64", ioLoop64Out},
	{iocNone(loopType, 0x06), "LOOP_CHANGE_FD", ioFd},
	{iocNone(loopType, 0x07), "LOOP_SET_CAPACITY", ioNone},
	{iocNone(loopType, 0x08), "LOOP_SET_DIRECT_IO", ioUlongVal},
	{iocNone(loopType, 0x09), "LOOP_SET_BLOCK_SIZE", ioUlongVal},
	{iocNone(loopType, 0x0a), "LOOP_CONFIGURE", ioLoopConfig},
	{iocNone(loopType, 0x80), "LOOP_CTL_ADD", ioInt},
	{iocNone(loopType, 0x81), "LOOP_CTL_REMOVE", ioInt},
	{iocNone(loopType, 0x82), "LOOP_CTL_GET_FREE", ioNone},

	// 'R': the random device (linux/random.h).
	{iocR('R', 0, sizeofInt), "RNDGETENTCNT", ioIntOut},
	{iocW('R', 1, sizeofInt), "RNDADDTOENTCNT", ioIntIn},
	{iocR('R', 2, sizeofRandPoolInfo), "RNDGETPOOL", ioHex},
	{iocW('R', 3, sizeofRandPoolInfo), "RNDADDENTROPY", ioAddr},
	{iocNone('R', 4), "FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT", ioNone},
	{iocNone('R', 6), "RNDCLEARPOOL", ioNone},
	{iocNone('R', 7), "RNDRESEEDCRNG", ioNone},
}

// ioctlDevEnter prints the entry part of this file's kinds after the
// ", " Enter appended; it reports false for a kind it does not know.
func (d *Decoder) ioctlDevEnter(c *Call, req uint32, v uint64) bool {
	switch ioctlArgKind(req) {
	case ioUintOut, ioUshortOut, ioSlongOut, ioUlongOut, ioU64Out, ioFsFlagsOut,
		ioFsxattrOut, ioFslabelOut, ioLoop64Out:
		d.dropSep()
	case ioFd:
		d.Fd(int(int32(v)))
	case ioUlongVal:
		d.Uint(v)
	case ioU64Pair:
		b, ok := d.Read(v, 2*sizeofU64)
		if !ok {
			d.Addr(v)
			break
		}
		le := binary.LittleEndian
		d.S("[")
		d.Uint(le.Uint64(b))
		d.S(", ")
		d.Uint(le.Uint64(b[8:]))
		d.S("]")
	case ioFsFlagsIn:
		d.fsFlags(v)
	case ioFsxattrIn:
		d.fsxattr(v, false)
	case ioFstrim:
		b, ok := d.Read(v, sizeofFstrimRange)
		if !ok {
			d.Addr(v)
			break
		}
		le := binary.LittleEndian
		d.S("{start=")
		d.Hex(le.Uint64(b))
		d.S(", len=")
		d.Uint(le.Uint64(b[8:]))
		d.S(", minlen=")
		d.Uint(le.Uint64(b[16:]))
		d.S("}")
	case ioCloneRange:
		b, ok := d.Read(v, sizeofCloneRange)
		if !ok {
			d.Addr(v)
			break
		}
		le := binary.LittleEndian
		d.S("{src_fd=")
		d.Fd(int(int64(le.Uint64(b))))
		d.S(", src_offset=")
		d.Uint(le.Uint64(b[8:]))
		d.S(", src_length=")
		d.Uint(le.Uint64(b[16:]))
		d.S(", dest_offset=")
		d.Uint(le.Uint64(b[24:]))
		d.S("}")
	case ioFiemap:
		b, ok := d.Read(v, sizeofFiemap)
		if !ok {
			d.Addr(v)
			break
		}
		c.Saved[0] = 1 // read: the exit prints the result
		le := binary.LittleEndian
		d.S("{fm_start=")
		d.Uint(le.Uint64(b))
		d.S(", fm_length=")
		d.Uint(le.Uint64(b[8:]))
		d.S(", fm_flags=")
		d.Flags(fiemapFlags, uint64(le.Uint32(b[16:])), "FIEMAP_FLAG_???")
		d.S(", fm_extent_count=")
		d.Uint(uint64(le.Uint32(b[24:])))
		d.S("}")
	case ioFslabelIn:
		d.fslabel(v)
	case ioLoop64In:
		d.loopInfo64(v)
	case ioLoopConfig:
		d.loopConfig(v)
	default:
		return false
	}
	return true
}

// ioctlDevExit prints the exit part of this file's kinds.
func (d *Decoder) ioctlDevExit(c *Call, req uint32, v uint64) {
	kind := ioctlArgKind(req)
	switch kind {
	case ioUintOut, ioUshortOut, ioSlongOut, ioUlongOut, ioU64Out, ioFsFlagsOut,
		ioFsxattrOut, ioFslabelOut, ioLoop64Out:
		d.S(", ")
		if c.Failed() {
			d.Addr(v)
			return
		}
	case ioFiemap:
		if !c.Failed() && c.Saved[0] == 1 {
			d.S(" => ")
			d.fiemapResult(v)
		}
		return
	default:
		return
	}
	switch kind {
	case ioUintOut:
		d.numPtr(v, sizeofInt, false)
	case ioUshortOut:
		d.numPtr(v, 2, false)
	case ioSlongOut:
		d.numPtr(v, sizeofLong, true)
	case ioUlongOut, ioU64Out:
		d.numPtr(v, sizeofLong, false)
	case ioFsFlagsOut:
		d.fsFlags(v)
	case ioFsxattrOut:
		d.fsxattr(v, true)
	case ioFslabelOut:
		d.fslabel(v)
	case ioLoop64Out:
		d.loopInfo64(v)
	}
}

// numPtr appends [n], the integer of size bytes at addr, or the address.
func (d *Decoder) numPtr(addr uint64, size int, signed bool) {
	b, ok := d.Read(addr, size)
	if !ok {
		d.Addr(addr)
		return
	}
	le := binary.LittleEndian
	d.S("[")
	switch size {
	case 2:
		d.Uint(uint64(le.Uint16(b)))
	case 4:
		d.Uint(uint64(le.Uint32(b)))
	default:
		if signed {
			d.Int(int64(le.Uint64(b)))
		} else {
			d.Uint(le.Uint64(b))
		}
	}
	d.S("]")
}

// fsFlags appends [FS_*_FL], the unsigned int at addr.
func (d *Decoder) fsFlags(addr uint64) {
	v, ok := d.ReadU32(addr)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("[")
	d.Flags(fsIocFlags, uint64(v), "FS_???_FL")
	d.S("]")
}

// fsxattr appends the struct fsxattr at addr; fsx_nextents only in what
// FS_IOC_FSGETXATTR returns.
func (d *Decoder) fsxattr(addr uint64, get bool) {
	b, ok := d.Read(addr, sizeofFsxattr)
	if !ok {
		d.Addr(addr)
		return
	}
	le := binary.LittleEndian
	d.S("{fsx_xflags=")
	d.Flags(fsXflags, uint64(le.Uint32(b)), "FS_XFLAG_???")
	d.S(", fsx_extsize=")
	d.Uint(uint64(le.Uint32(b[4:])))
	if get {
		d.S(", fsx_nextents=")
		d.Uint(uint64(le.Uint32(b[8:])))
	}
	d.S(", fsx_projid=")
	d.Hex(uint64(le.Uint32(b[12:])))
	d.S(", fsx_cowextsize=")
	d.Uint(uint64(le.Uint32(b[16:])))
	d.S("}")
}

// fiemapResult appends what FS_IOC_FIEMAP returned: the flags, the number
// of extents mapped and, with -v, the extents.
func (d *Decoder) fiemapResult(addr uint64) {
	b, ok := d.Read(addr, sizeofFiemap)
	if !ok {
		d.Addr(addr)
		return
	}
	le := binary.LittleEndian
	n := le.Uint32(b[20:])
	d.S("{fm_flags=")
	d.Flags(fiemapFlags, uint64(le.Uint32(b[16:])), "FIEMAP_FLAG_???")
	d.S(", fm_mapped_extents=")
	d.Uint(uint64(n))
	if !d.Opts.Verbose {
		d.S(", ...}")
		return
	}
	d.S(", fm_extents=")
	d.structArray(addr+sizeofFiemap, uint64(n), sizeofFiemapExtent, func(e []byte) {
		d.S("{fe_logical=")
		d.Uint(le.Uint64(e))
		d.S(", fe_physical=")
		d.Uint(le.Uint64(e[8:]))
		d.S(", fe_length=")
		d.Uint(le.Uint64(e[16:]))
		d.S(", fe_flags=")
		d.Flags(fiemapExtentFlags, uint64(le.Uint32(e[40:])), "FIEMAP_EXTENT_???")
		d.S("}")
	})
	d.S("}")
}

// structArray appends n elements of size bytes at addr, as strace's
// print_array does: at most -s of them, then "..."; the address alone
// when the first cannot be read, "... /* addr */" when a later one
// cannot.
func (d *Decoder) structArray(addr, n uint64, size int, elem func([]byte)) {
	if n == 0 {
		d.S("[]")
		return
	}
	for i := uint64(0); i < n; i++ {
		cur := addr + i*uint64(size)
		if i > 0 {
			d.S(", ")
		}
		if i >= uint64(d.Opts.StrSize) {
			d.S("...")
			break
		}
		e, ok := d.Read(cur, size)
		if !ok {
			if i == 0 {
				d.Addr(cur)
				return
			}
			d.S("... /* ")
			d.Hex(cur)
			d.S(" */")
			break
		}
		if i == 0 {
			d.S("[")
		}
		elem(e)
	}
	d.S("]")
}

// loopInfo64 appends the struct loop_info64 at addr.
func (d *Decoder) loopInfo64(addr uint64) {
	b, ok := d.Read(addr, sizeofLoopInfo64)
	if !ok {
		d.Addr(addr)
		return
	}
	d.loopInfo64Bytes(b)
}

// loopInfo64Bytes appends a struct loop_info64: without -v only its
// offset, number, flags, file name, and the encryption when there is one.
func (d *Decoder) loopInfo64Bytes(b []byte) {
	le := binary.LittleEndian
	verbose := d.Opts.Verbose
	d.S("{")
	if verbose {
		d.S("lo_device=")
		d.dev(le.Uint64(b))
		d.S(", lo_inode=")
		d.Uint(le.Uint64(b[8:]))
		d.S(", lo_rdevice=")
		d.dev(le.Uint64(b[16:]))
		d.S(", lo_offset=")
		d.Hex(le.Uint64(b[24:]))
		d.S(", lo_sizelimit=")
		d.Uint(le.Uint64(b[32:]))
		d.S(", ")
	} else {
		d.S("lo_offset=")
		d.Hex(le.Uint64(b[24:]))
		d.S(", ")
	}
	d.S("lo_number=")
	d.Uint(uint64(le.Uint32(b[40:])))
	crypt := le.Uint32(b[44:])
	keySize := le.Uint32(b[48:])
	if verbose || crypt != loCryptNone {
		d.S(", lo_encrypt_type=")
		d.Value(loopCryptTypes, uint64(crypt), "LO_CRYPT_???")
		d.S(", lo_encrypt_key_size=")
		d.Uint(uint64(keySize))
	}
	d.S(", lo_flags=")
	d.Flags(loopFlags, uint64(le.Uint32(b[52:])), "LO_FLAGS_???")
	d.S(", lo_file_name=")
	d.cstrArray(b[56 : 56+loNameSize])
	if verbose || crypt != loCryptNone {
		d.S(", lo_crypt_name=")
		d.cstrArray(b[120 : 120+loNameSize])
		d.S(", lo_encrypt_key=")
		d.byteString(b[184 : 184+min(keySize, loKeySize)])
	}
	if verbose {
		d.S(", lo_init=[")
		d.Hex(le.Uint64(b[216:]))
		d.S(", ")
		d.Hex(le.Uint64(b[224:]))
		d.S("]}")
		return
	}
	d.S(", ...}")
}

// loopConfig appends the struct loop_config at addr: the backing file,
// the block size, the loop_info64, and the reserved words when not zero.
func (d *Decoder) loopConfig(addr uint64) {
	b, ok := d.Read(addr, sizeofLoopConfig)
	if !ok {
		d.Addr(addr)
		return
	}
	le := binary.LittleEndian
	d.S("{fd=")
	d.Fd(int(int32(le.Uint32(b))))
	d.S(", block_size=")
	d.Uint(uint64(le.Uint32(b[4:])))
	d.S(", info=")
	d.loopInfo64Bytes(b[8 : 8+sizeofLoopInfo64])
	res := b[8+sizeofLoopInfo64:]
	zero := true
	for _, c := range res {
		if c != 0 {
			zero = false
		}
	}
	if !zero {
		d.S(", __reserved=[")
		for i := 0; i < len(res); i += 8 {
			if i > 0 {
				d.S(", ")
			}
			d.Hex(le.Uint64(res[i:]))
		}
		d.S("]")
	}
	d.S("}")
}

// byteString appends b quoted, cut at -s bytes with "...".
func (d *Decoder) byteString(b []byte) {
	cut := len(b) > d.Opts.StrSize
	if cut {
		b = b[:d.Opts.StrSize]
	}
	d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
	if cut {
		d.S("...")
	}
}

// cstrArray appends a char array holding a C string: up to its NUL or,
// when there is none, its first len-1 bytes and "..." (strace's
// print_quoted_cstring keeps the last byte for a NUL).
func (d *Decoder) cstrArray(b []byte) {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		d.B = format.AppendQuoted(d.B, b[:i], d.Opts.X, false)
		return
	}
	d.B = format.AppendQuoted(d.B, b[:len(b)-1], d.Opts.X, false)
	d.S("...")
}

// fslabel appends a file system label of at most FSLABEL_MAX bytes; the
// address alone outside -e verbose's set, as strace reads it as a whole.
func (d *Decoder) fslabel(addr uint64) {
	if d.Terse {
		d.Addr(addr)
		return
	}
	d.pathN(addr, fslabelMax)
}
