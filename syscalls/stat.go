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
	stWrite       = 0x80
	stAppend      = 0x100
	stImmutable   = 0x200
	stNosymfollow = 0x2000

	// statxSyncType is AT_STATX_SYNC_TYPE (linux/fcntl.h): the two
	// sync bits, which x/sys names only one by one.
	statxSyncType = unix.AT_STATX_FORCE_SYNC | unix.AT_STATX_DONT_SYNC
)

var (
	// modeTypes is the file type field of a mode (S_IFMT bits).
	modeTypes = format.ValueSet{
		{Val: unix.S_IFREG, Name: "S_IFREG"},
		{Val: unix.S_IFSOCK, Name: "S_IFSOCK"},
		{Val: unix.S_IFIFO, Name: "S_IFIFO"},
		{Val: unix.S_IFLNK, Name: "S_IFLNK"},
		{Val: unix.S_IFDIR, Name: "S_IFDIR"},
		{Val: unix.S_IFBLK, Name: "S_IFBLK"},
		{Val: unix.S_IFCHR, Name: "S_IFCHR"},
	}
	// statxMasks is statx's mask and stx_mask; the wide masks first.
	statxMasks = format.FlagSet{
		{Val: unix.STATX_ALL, Name: "STATX_ALL"},
		{Val: unix.STATX_BASIC_STATS, Name: "STATX_BASIC_STATS"},
		{Val: unix.STATX_TYPE, Name: "STATX_TYPE"},
		{Val: unix.STATX_MODE, Name: "STATX_MODE"},
		{Val: unix.STATX_NLINK, Name: "STATX_NLINK"},
		{Val: unix.STATX_UID, Name: "STATX_UID"},
		{Val: unix.STATX_GID, Name: "STATX_GID"},
		{Val: unix.STATX_ATIME, Name: "STATX_ATIME"},
		{Val: unix.STATX_MTIME, Name: "STATX_MTIME"},
		{Val: unix.STATX_CTIME, Name: "STATX_CTIME"},
		{Val: unix.STATX_INO, Name: "STATX_INO"},
		{Val: unix.STATX_SIZE, Name: "STATX_SIZE"},
		{Val: unix.STATX_BLOCKS, Name: "STATX_BLOCKS"},
		{Val: unix.STATX_BTIME, Name: "STATX_BTIME"},
		{Val: unix.STATX_MNT_ID, Name: "STATX_MNT_ID"},
		{Val: unix.STATX_DIOALIGN, Name: "STATX_DIOALIGN"},
	}
	// statxAttrs is stx_attributes and stx_attributes_mask.
	statxAttrs = format.FlagSet{
		{Val: unix.STATX_ATTR_COMPRESSED, Name: "STATX_ATTR_COMPRESSED"},
		{Val: unix.STATX_ATTR_IMMUTABLE, Name: "STATX_ATTR_IMMUTABLE"},
		{Val: unix.STATX_ATTR_APPEND, Name: "STATX_ATTR_APPEND"},
		{Val: unix.STATX_ATTR_NODUMP, Name: "STATX_ATTR_NODUMP"},
		{Val: unix.STATX_ATTR_ENCRYPTED, Name: "STATX_ATTR_ENCRYPTED"},
		{Val: unix.STATX_ATTR_AUTOMOUNT, Name: "STATX_ATTR_AUTOMOUNT"},
		{Val: unix.STATX_ATTR_MOUNT_ROOT, Name: "STATX_ATTR_MOUNT_ROOT"},
		{Val: unix.STATX_ATTR_VERITY, Name: "STATX_ATTR_VERITY"},
		{Val: unix.STATX_ATTR_DAX, Name: "STATX_ATTR_DAX"},
	}
	// statxSync is the sync-type field of statx's flags
	// (AT_STATX_SYNC_TYPE bits), printed as flags before the AT_* ones;
	// its zero is AT_STATX_SYNC_AS_STAT.
	statxSync = format.FlagSet{
		{Val: unix.AT_STATX_FORCE_SYNC, Name: "AT_STATX_FORCE_SYNC"},
		{Val: unix.AT_STATX_DONT_SYNC, Name: "AT_STATX_DONT_SYNC"},
	}
	// statfsFlags is struct statfs's f_flags.
	statfsFlags = format.FlagSet{
		{Val: unix.ST_RDONLY, Name: "ST_RDONLY"},
		{Val: unix.ST_NOSUID, Name: "ST_NOSUID"},
		{Val: unix.ST_NODEV, Name: "ST_NODEV"},
		{Val: unix.ST_NOEXEC, Name: "ST_NOEXEC"},
		{Val: unix.ST_SYNCHRONOUS, Name: "ST_SYNCHRONOUS"},
		{Val: stValid, Name: "ST_VALID"},
		{Val: unix.ST_MANDLOCK, Name: "ST_MANDLOCK"},
		{Val: stWrite, Name: "ST_WRITE"},
		{Val: stAppend, Name: "ST_APPEND"},
		{Val: stImmutable, Name: "ST_IMMUTABLE"},
		{Val: unix.ST_NOATIME, Name: "ST_NOATIME"},
		{Val: unix.ST_NODIRATIME, Name: "ST_NODIRATIME"},
		{Val: unix.ST_RELATIME, Name: "ST_RELATIME"},
		{Val: stNosymfollow, Name: "ST_NOSYMFOLLOW"},
	}
	// fsMagics is struct statfs's f_type, with strace's names (where a
	// value has several names, the first of strace's sorted list). The
	// values x/sys lacks are typed here, from linux/magic.h and the
	// file systems' sources.
	fsMagics = format.ValueSet{
		{Val: unix.QNX4_SUPER_MAGIC, Name: "QNX4_SUPER_MAGIC"},
		{Val: 0x00000033, Name: "Z3FOLD_MAGIC"}, // not in x/sys
		{Val: unix.AUTOFS_SUPER_MAGIC, Name: "AUTOFS_SUPER_MAGIC"},
		{Val: 0x00001373, Name: "DEVFS_SUPER_MAGIC"}, // not in x/sys
		{Val: 0x0000137d, Name: "EXT_SUPER_MAGIC"},   // not in x/sys
		{Val: unix.MINIX_SUPER_MAGIC, Name: "MINIX_SUPER_MAGIC"},
		{Val: unix.MINIX_SUPER_MAGIC2, Name: "MINIX_SUPER_MAGIC2"},
		{Val: unix.DEVPTS_SUPER_MAGIC, Name: "DEVPTS_SUPER_MAGIC"},
		{Val: unix.MINIX2_SUPER_MAGIC, Name: "MINIX2_SUPER_MAGIC"},
		{Val: unix.MINIX2_SUPER_MAGIC2, Name: "MINIX2_SUPER_MAGIC2"},
		{Val: unix.NILFS_SUPER_MAGIC, Name: "NILFS_SUPER_MAGIC"},
		{Val: 0x00004244, Name: "HFS_SUPER_MAGIC"},     // not in x/sys
		{Val: 0x0000482b, Name: "HFSPLUS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.MSDOS_SUPER_MAGIC, Name: "MSDOS_SUPER_MAGIC"},
		{Val: unix.MINIX3_SUPER_MAGIC, Name: "MINIX3_SUPER_MAGIC"},
		{Val: unix.SMB_SUPER_MAGIC, Name: "SMB_SUPER_MAGIC"},
		{Val: unix.NCP_SUPER_MAGIC, Name: "NCP_SUPER_MAGIC"},
		{Val: 0x00005df5, Name: "EXOFS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.NFS_SUPER_MAGIC, Name: "NFS_SUPER_MAGIC"},
		{Val: 0x00007275, Name: "ROMFS_MAGIC"}, // not in x/sys
		{Val: unix.JFFS2_SUPER_MAGIC, Name: "JFFS2_SUPER_MAGIC"},
		{Val: unix.ISOFS_SUPER_MAGIC, Name: "ISOFS_SUPER_MAGIC"},
		{Val: unix.PROC_SUPER_MAGIC, Name: "PROC_SUPER_MAGIC"},
		{Val: unix.OPENPROM_SUPER_MAGIC, Name: "OPENPROM_SUPER_MAGIC"},
		{Val: unix.USBDEVICE_SUPER_MAGIC, Name: "USBDEVICE_SUPER_MAGIC"},
		{Val: unix.ADFS_SUPER_MAGIC, Name: "ADFS_SUPER_MAGIC"},
		{Val: unix.AFFS_SUPER_MAGIC, Name: "AFFS_SUPER_MAGIC"},
		{Val: 0x0000ef51, Name: "EXT2_OLD_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.EXT2_SUPER_MAGIC, Name: "EXT2_SUPER_MAGIC"},
		{Val: unix.ECRYPTFS_SUPER_MAGIC, Name: "ECRYPTFS_SUPER_MAGIC"},
		{Val: 0x00011954, Name: "UFS_MAGIC"}, // not in x/sys
		{Val: unix.CGROUP_SUPER_MAGIC, Name: "CGROUP_SUPER_MAGIC"},
		{Val: unix.EFS_SUPER_MAGIC, Name: "EFS_SUPER_MAGIC"},
		{Val: unix.HOSTFS_SUPER_MAGIC, Name: "HOSTFS_SUPER_MAGIC"},
		{Val: unix.CEPH_SUPER_MAGIC, Name: "CEPH_SUPER_MAGIC"},
		{Val: unix.TMPFS_MAGIC, Name: "TMPFS_MAGIC"},
		{Val: unix.V9FS_MAGIC, Name: "V9FS_MAGIC"},
		{Val: 0x01161970, Name: "GFS2_MAGIC"},        // not in x/sys
		{Val: 0x012fd16d, Name: "XIAFS_SUPER_MAGIC"}, // not in x/sys
		{Val: 0x012ff7b4, Name: "XENIX_SUPER_MAGIC"}, // not in x/sys
		{Val: 0x012ff7b5, Name: "SYSV4_SUPER_MAGIC"}, // not in x/sys
		{Val: 0x012ff7b6, Name: "SYSV2_SUPER_MAGIC"}, // not in x/sys
		{Val: 0x012ff7b7, Name: "COH_SUPER_MAGIC"},   // not in x/sys
		{Val: 0x02011994, Name: "SHMFS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.ANON_INODE_FS_MAGIC, Name: "ANON_INODE_FS_MAGIC"},
		{Val: unix.FUTEXFS_SUPER_MAGIC, Name: "FUTEXFS_SUPER_MAGIC"},
		{Val: 0x0bd00bd0, Name: "LL_SUPER_MAGIC"},     // not in x/sys
		{Val: 0x0bd00bd1, Name: "LUSTRE_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.MTD_INODE_FS_MAGIC, Name: "MTD_INODE_FS_MAGIC"},
		{Val: 0x13661366, Name: "BALLOON_KVM_MAGIC"}, // not in x/sys
		{Val: unix.UDF_SUPER_MAGIC, Name: "UDF_SUPER_MAGIC"},
		{Val: 0x1badface, Name: "BFS_MAGIC"}, // not in x/sys
		{Val: unix.EXFAT_SUPER_MAGIC, Name: "EXFAT_SUPER_MAGIC"},
		{Val: 0x24051905, Name: "UBIFS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.CRAMFS_MAGIC, Name: "CRAMFS_MAGIC"},
		{Val: 0x2fc12fc1, Name: "ZFS_SUPER_MAGIC"},  // not in x/sys
		{Val: 0x3153464a, Name: "JFS_SUPER_MAGIC"},  // not in x/sys
		{Val: 0x42465331, Name: "BEFS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.BINFMTFS_MAGIC, Name: "BINFMTFS_MAGIC"},
		{Val: unix.SMACK_MAGIC, Name: "SMACK_MAGIC"},
		{Val: unix.DMA_BUF_MAGIC, Name: "DMA_BUF_MAGIC"},
		{Val: 0x453dcd28, Name: "CRAMFS_MAGIC_WEND"}, // not in x/sys
		{Val: 0x47504653, Name: "GPFS_SUPER_MAGIC"},  // not in x/sys
		{Val: unix.PIPEFS_MAGIC, Name: "PIPEFS_MAGIC"},
		{Val: unix.REISERFS_SUPER_MAGIC, Name: "REISERFS_SUPER_MAGIC"},
		{Val: unix.SECRETMEM_MAGIC, Name: "SECRETMEM_MAGIC"},
		{Val: unix.AFS_SUPER_MAGIC, Name: "AFS_SUPER_MAGIC"},
		{Val: 0x5346544e, Name: "NTFS_SB_MAGIC"}, // not in x/sys
		{Val: unix.SOCKFS_MAGIC, Name: "SOCKFS_MAGIC"},
		{Val: 0x54190100, Name: "UFS_CIGAM"},        // not in x/sys
		{Val: 0x565a4653, Name: "VZFS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.STACK_END_MAGIC, Name: "STACK_END_MAGIC"},
		{Val: 0x58295829, Name: "ZSMALLOC_MAGIC"}, // not in x/sys
		{Val: unix.XFS_SUPER_MAGIC, Name: "XFS_SUPER_MAGIC"},
		{Val: unix.AAFS_MAGIC, Name: "AAFS_MAGIC"},
		{Val: unix.ZONEFS_MAGIC, Name: "ZONEFS_MAGIC"},
		{Val: unix.PSTOREFS_MAGIC, Name: "PSTOREFS_MAGIC"},
		{Val: 0x61756673, Name: "AUFS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.BDEVFS_MAGIC, Name: "BDEVFS_MAGIC"},
		{Val: 0x62656570, Name: "CONFIGFS_MAGIC"}, // not in x/sys
		{Val: unix.SYSFS_MAGIC, Name: "SYSFS_MAGIC"},
		{Val: unix.CGROUP2_SUPER_MAGIC, Name: "CGROUP2_SUPER_MAGIC"},
		{Val: unix.DEBUGFS_MAGIC, Name: "DEBUGFS_MAGIC"},
		{Val: unix.DAXFS_MAGIC, Name: "DAXFS_MAGIC"},
		{Val: 0x65735543, Name: "FUSE_CTL_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.FUSE_SUPER_MAGIC, Name: "FUSE_SUPER_MAGIC"},
		{Val: unix.QNX6_SUPER_MAGIC, Name: "QNX6_SUPER_MAGIC"},
		{Val: unix.AFS_FS_MAGIC, Name: "AFS_FS_MAGIC"},
		{Val: unix.BINDERFS_SUPER_MAGIC, Name: "BINDERFS_SUPER_MAGIC"},
		{Val: unix.NSFS_MAGIC, Name: "NSFS_MAGIC"},
		{Val: unix.SECURITYFS_MAGIC, Name: "SECURITYFS_MAGIC"},
		{Val: unix.SQUASHFS_MAGIC, Name: "SQUASHFS_MAGIC"},
		{Val: unix.BTRFS_TEST_MAGIC, Name: "BTRFS_TEST_MAGIC"},
		{Val: unix.CODA_SUPER_MAGIC, Name: "CODA_SUPER_MAGIC"},
		{Val: unix.OCFS2_SUPER_MAGIC, Name: "OCFS2_SUPER_MAGIC"},
		{Val: unix.TRACEFS_MAGIC, Name: "TRACEFS_MAGIC"},
		{Val: unix.OVERLAYFS_SUPER_MAGIC, Name: "OVERLAYFS_SUPER_MAGIC"},
		{Val: unix.RAMFS_MAGIC, Name: "RAMFS_MAGIC"},
		{Val: unix.BTRFS_SUPER_MAGIC, Name: "BTRFS_SUPER_MAGIC"},
		{Val: unix.HUGETLBFS_MAGIC, Name: "HUGETLBFS_MAGIC"},
		{Val: 0xa501fcf5, Name: "VXFS_SUPER_MAGIC"}, // not in x/sys
		{Val: unix.XENFS_SUPER_MAGIC, Name: "XENFS_SUPER_MAGIC"},
		{Val: 0xc7571590, Name: "PPC_CMM_MAGIC"}, // not in x/sys
		{Val: 0xc97e8168, Name: "LOGFS_MAGIC"},   // not in x/sys
		{Val: unix.BPF_FS_MAGIC, Name: "BPF_FS_MAGIC"},
		{Val: unix.EFIVARFS_MAGIC, Name: "EFIVARFS_MAGIC"},
		{Val: unix.EROFS_SUPER_MAGIC_V1, Name: "EROFS_SUPER_MAGIC_V1"},
		{Val: unix.F2FS_SUPER_MAGIC, Name: "F2FS_SUPER_MAGIC"},
		{Val: unix.SELINUX_MAGIC, Name: "SELINUX_MAGIC"},
		{Val: unix.HPFS_SUPER_MAGIC, Name: "HPFS_SUPER_MAGIC"},
		{Val: unix.SMB2_SUPER_MAGIC, Name: "SMB2_SUPER_MAGIC"},
		{Val: unix.CIFS_SUPER_MAGIC, Name: "CIFS_SUPER_MAGIC"},
	}
)

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
	StatBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		b, ok := d.Read(c.Args[i], sizeofStat)
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.stat(b)
	}}

	// StatxFlags prints statx's flags at entry: the AT_STATX_* sync type
	// (AT_STATX_SYNC_AS_STAT when zero), then the AT_* flags.
	StatxFlags = &Arg{Print: func(d *Decoder, c *Call, i int) { d.statxFlags(uint64(uint32(c.Args[i]))) }}

	// StatxMask prints statx's mask (STATX_*).
	StatxMask = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(statxMasks, uint64(uint32(c.Args[i])), "STATX_???")
	}}

	// StatxBuf prints the struct statx the call fills, at exit: the
	// abbreviated form, or every field with -v; the address on failure.
	StatxBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		b, ok := d.Read(c.Args[i], sizeofStatx)
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.statx(b)
	}}

	// StatfsBuf prints the struct statfs the call fills (statfs,
	// fstatfs), at exit; the address on failure.
	StatfsBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		b, ok := d.Read(c.Args[i], sizeofStatfs)
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.statfs(b)
	}}
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
	sym, ok := appendSymbolicMode(nil, mode)
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
	t := time.Unix(sec, 0)
	if y := t.Year(); y < 0 || y > 9999 {
		return
	}
	t = t.In(time.Local)
	d.S(" /* ")
	d.B = t.AppendFormat(d.B, "2006-01-02T15:04:05")
	if part != 0 {
		d.S(".")
		s := strconv.FormatUint(part, 10)
		for i := len(s); i < width; i++ {
			d.S("0")
		}
		d.S(s)
	}
	d.B = t.AppendFormat(d.B, "-0700")
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
	if d.Opts.Verbose {
		d.S(", stx_nlink=")
		d.Uint(uint64(le.Uint32(b[16:])))
		d.S(", stx_uid=")
		d.Uint(uint64(le.Uint32(b[20:])))
		d.S(", stx_gid=")
		d.Uint(uint64(le.Uint32(b[24:])))
	}
	d.S(", stx_mode=")
	d.symbolicMode(uint64(le.Uint16(b[28:])))
	if d.Opts.Verbose {
		d.S(", stx_ino=")
		d.Uint(le.Uint64(b[32:]))
	}
	d.S(", stx_size=")
	d.Uint(le.Uint64(b[40:]))
	if !d.Opts.Verbose {
		d.S(", ...}")
		return
	}
	d.S(", stx_blocks=")
	d.Uint(le.Uint64(b[48:]))
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
