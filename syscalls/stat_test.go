package syscalls

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// statBytes builds an amd64 struct stat.
func statBytes(mode uint32, size uint64, rdev uint64) []byte {
	b := make([]byte, sizeofStat)
	le := binary.LittleEndian
	le.PutUint64(b[0:], unix.Mkdev(0xfe, 0))
	le.PutUint64(b[8:], 672)
	le.PutUint64(b[16:], 1)
	le.PutUint32(b[24:], mode)
	le.PutUint64(b[40:], rdev)
	le.PutUint64(b[48:], size)
	le.PutUint64(b[56:], 4096)
	le.PutUint64(b[64:], 72)
	le.PutUint64(b[72:], 1700000000) // atime
	le.PutUint64(b[80:], 133250761)
	le.PutUint64(b[88:], 1700000000) // mtime
	le.PutUint64(b[104:], 0)         // ctime: the zero time, no comment
	return b
}

func withUTC(t *testing.T) {
	old := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = old })
}

func TestStat(t *testing.T) {
	withUTC(t)
	m := newFakeMem()
	p := m.put(0x1000, []byte("a.txt\x00"))
	reg := m.put(0x2000, statBytes(unix.S_IFREG|0644, 33519, 0))
	chr := m.put(0x3000, statBytes(unix.S_IFCHR|0666, 0, unix.Mkdev(1, 3)))
	suid := m.put(0x4000, statBytes(unix.S_IFREG|unix.S_ISUID|unix.S_ISVTX|0755, 1, 0))
	odd := m.put(0x5000, statBytes(0170777, 1, 0))
	short := m.put(0x6000, statBytes(unix.S_IFREG, 1, 0)[:100])
	d := testDecoder(m)
	assert.Equal(t, `stat("a.txt", {st_mode=S_IFREG|0644, st_size=33519, ...}) = 0`, decodeLine(t, d, unix.SYS_STAT, 0, p, reg))
	assert.Equal(t, `fstat(3, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0`, decodeLine(t, d, unix.SYS_FSTAT, 0, 3, chr))
	assert.Equal(t, `lstat("a.txt", {st_mode=S_IFREG|S_ISUID|S_ISVTX|0755, st_size=1, ...}) = 0`, decodeLine(t, d, unix.SYS_LSTAT, 0, p, suid))
	assert.Equal(t, `lstat("a.txt", {st_mode=0170777, st_size=1, ...}) = 0`, decodeLine(t, d, unix.SYS_LSTAT, 0, p, odd))
	assert.Equal(t, `stat("a.txt", 0x6000) = 0`, decodeLine(t, d, unix.SYS_STAT, 0, p, short))
	assert.Equal(t, `stat("a.txt", 0x2000) = -1 ENOENT (No such file or directory)`, decodeLine(t, d, unix.SYS_STAT, -2, p, reg))
	assert.Equal(t, `stat("a.txt", NULL) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_STAT, -14, p, 0))
	assert.Equal(t, `newfstatat(AT_FDCWD, "a.txt", {st_mode=S_IFREG|0644, st_size=33519, ...}, AT_SYMLINK_NOFOLLOW) = 0`,
		decodeLine(t, d, unix.SYS_NEWFSTATAT, 0, neg(-100), p, reg, unix.AT_SYMLINK_NOFOLLOW))
	assert.Equal(t, `newfstatat(3, "a.txt", 0x2000, AT_NO_AUTOMOUNT|AT_RECURSIVE|0x6001) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_NEWFSTATAT, -22, 3, p, reg, 0xe801))

	d.Opts.Verbose = true
	assert.Equal(t, `fstat(3, {st_dev=makedev(0xfe, 0), st_ino=672, st_mode=S_IFCHR|0666, st_nlink=1, st_uid=0, st_gid=0, `+
		`st_blksize=4096, st_blocks=72, st_rdev=makedev(0x1, 0x3), `+
		`st_atime=1700000000 /* 2023-11-14T22:13:20.133250761+0000 */, st_atime_nsec=133250761, `+
		`st_mtime=1700000000 /* 2023-11-14T22:13:20+0000 */, st_mtime_nsec=0, st_ctime=0, st_ctime_nsec=0}) = 0`,
		decodeLine(t, d, unix.SYS_FSTAT, 0, 3, chr))
	d.Opts.Style = format.Verbose
	d.Opts.Verbose = false
	assert.Equal(t, `fstat(3, {st_mode=020666 /* S_IFCHR|0666 */, st_rdev=0x103 /* makedev(0x1, 0x3) */, ...}) = 0`,
		decodeLine(t, d, unix.SYS_FSTAT, 0, 3, chr))
	d.Opts.Style = format.Raw
	assert.Equal(t, `fstat(3, {st_mode=020666, st_rdev=0x103, ...}) = 0`, decodeLine(t, d, unix.SYS_FSTAT, 0, 3, chr))
}

func TestStatx(t *testing.T) {
	withUTC(t)
	m := newFakeMem()
	p := m.put(0x1000, []byte("/\x00"))
	b := make([]byte, sizeofStatx)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 0x1fff)
	le.PutUint32(b[4:], 4096)
	le.PutUint64(b[8:], unix.STATX_ATTR_MOUNT_ROOT)
	le.PutUint32(b[16:], 21)
	le.PutUint16(b[28:], unix.S_IFDIR|0755)
	le.PutUint64(b[32:], 2)
	le.PutUint64(b[40:], 4096)
	le.PutUint64(b[48:], 8)
	le.PutUint64(b[56:], 0x2000)
	le.PutUint64(b[64:], 1700000000)
	le.PutUint32(b[72:], 5)
	le.PutUint32(b[136:], 254)
	le.PutUint64(b[144:], 0x1b)
	buf := m.put(0x2000, b)
	d := testDecoder(m)
	assert.Equal(t, `statx(AT_FDCWD, "/", AT_STATX_DONT_SYNC|AT_SYMLINK_NOFOLLOW, STATX_ALL, `+
		`{stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0`,
		decodeLine(t, d, unix.SYS_STATX, 0, neg(-100), p, 0x4100, 0xfff, buf))
	assert.Equal(t, `statx(AT_FDCWD, "/", AT_STATX_SYNC_AS_STAT, STATX_TYPE|STATX_SIZE|0x40000000, 0x2000) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_STATX, -2, neg(-100), p, 0, 0x40000201, buf))
	assert.Equal(t, `statx(AT_FDCWD, "/", AT_STATX_SYNC_AS_STAT, 0, 0xdead0000) = 0`,
		decodeLine(t, d, unix.SYS_STATX, 0, neg(-100), p, 0, 0, 0xdead0000))
	d.Opts.Verbose = true
	assert.Equal(t, `statx(AT_FDCWD, "/", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC|AT_EMPTY_PATH, STATX_ALL, `+
		`{stx_mask=STATX_ALL|STATX_MNT_ID, stx_blksize=4096, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_nlink=21, stx_uid=0, stx_gid=0, `+
		`stx_mode=S_IFDIR|0755, stx_ino=2, stx_size=4096, stx_blocks=8, stx_attributes_mask=STATX_ATTR_MOUNT_ROOT, `+
		`stx_atime={tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, stx_btime={tv_sec=0, tv_nsec=0}, `+
		`stx_ctime={tv_sec=0, tv_nsec=0}, stx_mtime={tv_sec=0, tv_nsec=0}, `+
		`stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1b}) = 0`,
		decodeLine(t, d, unix.SYS_STATX, 0, neg(-100), p, 0x7000, 0xfff, buf))
	d.Opts.Verbose = false
	d.Opts.Style = format.Raw
	assert.Equal(t, `statx(-100, "/", , 0xfff, 0x2000) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_STATX, -2, neg(-100), p, 0, 0xfff, buf))
	assert.Equal(t, `statx(-100, "/", 0x4000|0x100, 0xfff, 0x2000) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_STATX, -2, neg(-100), p, 0x4100, 0xfff, buf))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `statx(-100 /* AT_FDCWD */, "/", 0x6000 /* AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC */|0x1000 /* AT_EMPTY_PATH */, 0, 0x2000) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_STATX, -22, neg(-100), p, 0x7000, 0, buf))
}

func TestStatfs(t *testing.T) {
	m := newFakeMem()
	p := m.put(0x1000, []byte("/\x00"))
	b := make([]byte, sizeofStatfs)
	le := binary.LittleEndian
	le.PutUint64(b[0:], unix.TMPFS_MAGIC)
	le.PutUint64(b[8:], 4096)
	le.PutUint64(b[16:], 10)
	le.PutUint32(b[56:], 0xa18312f4)
	le.PutUint64(b[64:], 255)
	le.PutUint64(b[72:], 4096)
	le.PutUint64(b[80:], 0x1020)
	buf := m.put(0x2000, b)
	noflags := append([]byte(nil), b...)
	le.PutUint64(noflags[0:], 0x12345)
	le.PutUint64(noflags[80:], 0x1000)
	nf := m.put(0x3000, noflags)
	d := testDecoder(m)
	assert.Equal(t, `statfs("/", {f_type=TMPFS_MAGIC, f_bsize=4096, f_blocks=10, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, `+
		`f_fsid={val=[0xa18312f4, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0`,
		decodeLine(t, d, unix.SYS_STATFS, 0, p, buf))
	assert.Equal(t, `fstatfs(3, {f_type=0x12345, f_bsize=4096, f_blocks=10, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, `+
		`f_fsid={val=[0xa18312f4, 0]}, f_namelen=255, f_frsize=4096}) = 0`,
		decodeLine(t, d, unix.SYS_FSTATFS, 0, 3, nf))
	assert.Equal(t, `fstatfs(3, 0x8) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_FSTATFS, -14, 3, 8))
	assert.Equal(t, `fstatfs(3, 0x2010) = 0`, decodeLine(t, d, unix.SYS_FSTATFS, 0, 3, 0x2010))
	d.Opts.Style = format.Verbose
	assert.Contains(t, decodeLine(t, d, unix.SYS_STATFS, 0, p, buf), `f_type=0x1021994 /* TMPFS_MAGIC */`)
}
