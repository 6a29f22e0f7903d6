package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// neg is a negative int as a syscall argument register holds it.
func neg(v int64) uint64 { return uint64(v) }

func TestOpen(t *testing.T) {
	m := newFakeMem()
	p := m.put(0x1000, []byte("a.txt\x00"))
	odd := m.put(0x2000, []byte("a.\x01\xff\"t\x00"))
	d := testDecoder(m)
	cases := []struct {
		want string
		nr   int
		ret  int64
		args []uint64
	}{
		{`openat(AT_FDCWD, "a.txt", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 3`, unix.SYS_OPENAT, 3,
			[]uint64{neg(-100), p, unix.O_WRONLY | unix.O_CREAT | unix.O_TRUNC | unix.O_CLOEXEC, 0644}},
		{`open("a.txt", O_RDONLY) = 3`, unix.SYS_OPEN, 3, []uint64{p, 0, 0777}},
		{`open("a.txt", O_RDWR|O_APPEND|O_NONBLOCK|O_DIRECT|O_NOFOLLOW|O_NOATIME) = 3`, unix.SYS_OPEN, 3,
			[]uint64{p, 0x64c02}},
		{`openat(AT_FDCWD, ".", O_RDONLY|O_PATH|O_DIRECTORY) = 5`, unix.SYS_OPENAT, 5, []uint64{neg(-100), m.put(0x3000, []byte(".\x00")), 0x210000}},
		{`openat(AT_FDCWD, "a.txt", O_WRONLY|O_TMPFILE, 0640) = 6`, unix.SYS_OPENAT, 6, []uint64{neg(-100), p, 0x410001, 0640}},
		{`openat(AT_FDCWD, "a.txt", O_ACCMODE) = 7`, unix.SYS_OPENAT, 7, []uint64{neg(-100), p, 3}},
		{`openat(AT_FDCWD, "a.txt", O_RDONLY|0x80000000) = 8`, unix.SYS_OPENAT, 8, []uint64{neg(-100), p, 0x80000000}},
		{`openat(AT_FDCWD, "a.txt", O_RDONLY|O_NOCTTY|O_SYNC|FASYNC) = 9`, unix.SYS_OPENAT, 9, []uint64{neg(-100), p, 0x103100}},
		{`openat(AT_FDCWD, "a.txt", O_RDONLY|__O_SYNC|O_LARGEFILE|__O_TMPFILE|0x24, 000) = -1 EINVAL (Invalid argument)`,
			unix.SYS_OPENAT, -22, []uint64{neg(-100), p, 0x8000 | 0x4 | 0x20 | 0x400000 | 0x100000}},
		{`openat(99, "a.txt", O_RDONLY) = -1 EBADF (Bad file descriptor)`, unix.SYS_OPENAT, -9, []uint64{99, p, 0}},
		{`openat(AT_FDCWD, NULL, O_RDONLY) = -1 EFAULT (Bad address)`, unix.SYS_OPENAT, -14, []uint64{neg(-100), 0, 0}},
		{`openat(AT_FDCWD, 0x1, O_RDONLY) = -1 EFAULT (Bad address)`, unix.SYS_OPENAT, -14, []uint64{neg(-100), 1, 0}},
		{`openat(AT_FDCWD, "a.\1\377\"t", O_RDONLY|O_CREAT, 04755) = 11`, unix.SYS_OPENAT, 11, []uint64{neg(-100), odd, unix.O_CREAT, 04755}},
		{`creat("a.txt", 0644) = 12`, unix.SYS_CREAT, 12, []uint64{p, 0644}},
		{`mkdir("a.txt", 000) = 0`, unix.SYS_MKDIR, 0, []uint64{p, 0}},
		{`umask(0177777) = 022`, unix.SYS_UMASK, 022, []uint64{0777777}},
		{`umask(022) = 0`, unix.SYS_UMASK, 0, []uint64{022}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, c.nr, c.ret, c.args...))
	}
}

func TestOpenStyles(t *testing.T) {
	m := newFakeMem()
	p := m.put(0x1000, []byte("a.txt\x00"))
	d := testDecoder(m)
	d.Opts.Style = format.Raw
	assert.Equal(t, `openat(-100, "a.txt", 0x80241, 0644) = 3`,
		decodeLine(t, d, unix.SYS_OPENAT, 3, neg(-100), p, 0x80241, 0644))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `openat(-100 /* AT_FDCWD */, "a.txt", 0x80241 /* O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC */, 0644) = 3`,
		decodeLine(t, d, unix.SYS_OPENAT, 3, neg(-100), p, 0x80241, 0644))
	assert.Equal(t, `open("a.txt", 0 /* O_RDONLY */) = 3`, decodeLine(t, d, unix.SYS_OPEN, 3, p, 0))
	d.Opts.Style = format.Abbrev
	d.Opts.X = format.XNonASCII
	odd := m.put(0x2000, []byte("\x01\xff\"q\"\x00"))
	assert.Equal(t, `open("\x01\xff\x22\x71\x22", O_RDONLY) = 3`, decodeLine(t, d, unix.SYS_OPEN, 3, odd, 0))
	d.Opts.FdPath = func(fd int) string { return "/tmp/a.txt" }
	assert.Equal(t, `open("\x01\xff\x22\x71\x22", O_RDONLY) = 3</tmp/a.txt>`, decodeLine(t, d, unix.SYS_OPEN, 3, odd, 0))
}

func TestAccessSeekDup(t *testing.T) {
	m := newFakeMem()
	p := m.put(0x1000, []byte("a.txt\x00"))
	d := testDecoder(m)
	cases := []struct {
		want string
		nr   int
		ret  int64
		args []uint64
	}{
		{`access("a.txt", F_OK) = 0`, unix.SYS_ACCESS, 0, []uint64{p, 0}},
		{`access("a.txt", R_OK|W_OK) = 0`, unix.SYS_ACCESS, 0, []uint64{p, 6}},
		{`access("a.txt", 0x10 /* ?_OK */) = -1 EINVAL (Invalid argument)`, unix.SYS_ACCESS, -22, []uint64{p, 0x10}},
		{`access("a.txt", R_OK|W_OK|X_OK|0x10) = -1 EINVAL (Invalid argument)`, unix.SYS_ACCESS, -22, []uint64{p, 0x17}},
		{`faccessat2(AT_FDCWD, "a.txt", W_OK|X_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS) = 0`, unix.SYS_FACCESSAT2, 0, []uint64{neg(-100), p, 3, 0x300}},
		{`faccessat2(AT_FDCWD, "a.txt", F_OK, AT_EMPTY_PATH|0x10000) = 0`, unix.SYS_FACCESSAT2, 0, []uint64{neg(-100), p, 0, 0x11000}},
		{`lseek(13, -5, 0x9 /* SEEK_??? */) = -1 EINVAL (Invalid argument)`, unix.SYS_LSEEK, -22, []uint64{13, neg(-5), 9}},
		{`lseek(13, 0, SEEK_HOLE) = 4294967300`, unix.SYS_LSEEK, 4294967300, []uint64{13, 0, 4}},
		{`dup3(0, 50, O_CLOEXEC|0x1) = -1 EINVAL (Invalid argument)`, unix.SYS_DUP3, -22, []uint64{0, 50, 0x80001}},
		{`dup2(13, 20) = 20`, unix.SYS_DUP2, 20, []uint64{13, 20}},
		{`unlinkat(AT_FDCWD, "a.txt", 0x1 /* AT_??? */) = -1 EINVAL (Invalid argument)`, unix.SYS_UNLINKAT, -22, []uint64{neg(-100), p, 1}},
		{`unlinkat(AT_FDCWD, "a.txt", AT_REMOVEDIR) = 0`, unix.SYS_UNLINKAT, 0, []uint64{neg(-100), p, 0x200}},
		{`renameat2(AT_FDCWD, "a.txt", AT_FDCWD, "a.txt", RENAME_NOREPLACE|0x8) = -1 EINVAL (Invalid argument)`,
			unix.SYS_RENAMEAT2, -22, []uint64{neg(-100), p, neg(-100), p, 9}},
		{`truncate("a.txt", 18446744073709551615) = -1 EINVAL (Invalid argument)`, unix.SYS_TRUNCATE, -22, []uint64{p, neg(-1)}},
		{`pread64(0, 0x7ff0, 0, -1) = -1 EINVAL (Invalid argument)`, unix.SYS_PREAD64, -22, []uint64{0, 0x7ff0, 0, neg(-1)}},
		{`pread64(0, NULL, 5, 0) = -1 EFAULT (Bad address)`, unix.SYS_PREAD64, -14, []uint64{0, 0, 5, 0}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, c.nr, c.ret, c.args...))
	}
}

func TestPipe(t *testing.T) {
	m := newFakeMem()
	fds := make([]byte, 8)
	binary.LittleEndian.PutUint32(fds, 3)
	binary.LittleEndian.PutUint32(fds[4:], 4)
	p := m.put(0x1000, fds)
	short := m.put(0x2ffc, fds[:4])
	d := testDecoder(m)
	assert.Equal(t, `pipe([3, 4]) = 0`, decodeLine(t, d, unix.SYS_PIPE, 0, p))
	assert.Equal(t, `pipe2([3, 4], O_NONBLOCK|O_CLOEXEC) = 0`, decodeLine(t, d, unix.SYS_PIPE2, 0, p, 0x80800))
	assert.Equal(t, `pipe2(0x1000, O_DIRECT|0x1) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_PIPE2, -22, p, 0x4001))
	assert.Equal(t, `pipe(0x8) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_PIPE, -14, 8))
	// A short read (half of the array readable) prints the address.
	assert.Equal(t, `pipe(0x2ffc) = 0`, decodeLine(t, d, unix.SYS_PIPE, 0, short))
	assert.Equal(t, `pipe(NULL) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_PIPE, -14, 0))
}

func TestFcntl(t *testing.T) {
	m := newFakeMem()
	fl := make([]byte, 32)
	binary.LittleEndian.PutUint16(fl, unix.F_UNLCK)
	binary.LittleEndian.PutUint64(fl[16:], 10)
	binary.LittleEndian.PutUint32(fl[24:], 77)
	p := m.put(0x1000, fl)
	d := testDecoder(m)
	cases := []struct {
		want string
		ret  int64
		args []uint64
	}{
		{`fcntl(13, F_GETFD) = 0`, 0, []uint64{13, unix.F_GETFD}},
		{`fcntl(13, F_GETFD) = 0x1 (flags FD_CLOEXEC)`, 1, []uint64{13, unix.F_GETFD}},
		{`fcntl(13, F_SETFD, FD_CLOEXEC) = 0`, 0, []uint64{13, unix.F_SETFD, 1}},
		{`fcntl(13, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)`, 0x8000, []uint64{13, unix.F_GETFL}},
		{`fcntl(19, F_GETFL) = 0 (flags O_RDONLY)`, 0, []uint64{19, unix.F_GETFL}},
		{`fcntl(19, F_GETFL) = -1 EBADF (Bad file descriptor)`, -9, []uint64{19, unix.F_GETFL}},
		{`fcntl(19, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0`, 0, []uint64{19, unix.F_SETFL, 0xc00}},
		{`fcntl(13, F_DUPFD, 30) = 30`, 30, []uint64{13, unix.F_DUPFD, 30}},
		{`fcntl(13, F_SETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10}) = 0`, 0, []uint64{13, unix.F_SETLK, p}},
		{`fcntl(13, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=77}) = 0`, 0, []uint64{13, unix.F_GETLK, p}},
		{`fcntl(13, F_OFD_GETLK, 0x1000) = -1 EINVAL (Invalid argument)`, -22, []uint64{13, unix.F_OFD_GETLK, p}},
		{`fcntl(13, F_SETLKW, 0x8) = -1 EFAULT (Bad address)`, -14, []uint64{13, unix.F_SETLKW, 8}},
		{`fcntl(13, F_GETLK, 0xfffc) = 0`, 0, []uint64{13, unix.F_GETLK, 0xfffc}},
		{`fcntl(19, F_GETPIPE_SZ) = 65536`, 65536, []uint64{19, unix.F_GETPIPE_SZ}},
		{`fcntl(19, F_SETPIPE_SZ, 8192) = 8192`, 8192, []uint64{19, unix.F_SETPIPE_SZ, 8192}},
		{`fcntl(13, F_NOTIFY, DN_CREATE|DN_MULTISHOT) = -1 ENOTDIR (Not a directory)`, -20, []uint64{13, unix.F_NOTIFY, 0x80000004}},
		{`fcntl(13, F_SETLEASE, F_UNLCK) = 0`, 0, []uint64{13, unix.F_SETLEASE, 2}},
		{`fcntl(13, F_GETLEASE) = 0x2 (F_UNLCK)`, 2, []uint64{13, unix.F_GETLEASE}},
		{`fcntl(0, F_SETSIG, SIGTRAP) = 0`, 0, []uint64{0, unix.F_SETSIG, 5}},
		{`fcntl(0, F_GETSIG) = 10 (SIGUSR1)`, 10, []uint64{0, unix.F_GETSIG}},
		{`fcntl(0, F_ADD_SEALS, F_SEAL_SEAL|F_SEAL_GROW) = -1 EPERM (Operation not permitted)`, -1, []uint64{0, unix.F_ADD_SEALS, 5}},
		{`fcntl(0, F_GET_SEALS) = 0x3 (seals F_SEAL_SEAL|F_SEAL_SHRINK)`, 3, []uint64{0, unix.F_GET_SEALS}},
		{`fcntl(13, 0x3039 /* F_??? */, 0x6) = -1 EINVAL (Invalid argument)`, -22, []uint64{13, 12345, 6}},
		{`fcntl(0, F_CANCELLK, 0x5) = -1 EINVAL (Invalid argument)`, -22, []uint64{0, 0x405, 5}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, unix.SYS_FCNTL, c.ret, c.args...))
	}
	// The return kind is per call: F_GETFL's hex does not leak into
	// the next fcntl.
	assert.Equal(t, `fcntl(13, F_DUPFD, 30) = 30`, decodeLine(t, d, unix.SYS_FCNTL, 30, 13, unix.F_DUPFD, 30))
	assert.Equal(t, RetTable, Lookup(unix.SYS_FCNTL).Ret)

	d.Opts.Style = format.Raw
	assert.Equal(t, `fcntl(13, 0x1) = 0x1 (flags 0x1)`, decodeLine(t, d, unix.SYS_FCNTL, 1, 13, unix.F_GETFD))
	assert.Equal(t, `fcntl(13, 0x3) = 0x8000 (flags O_RDONLY|O_LARGEFILE)`, decodeLine(t, d, unix.SYS_FCNTL, 0x8000, 13, unix.F_GETFL))
	assert.Equal(t, `fcntl(13, 0x6, {l_type=0x2, l_whence=0, l_start=0, l_len=10}) = 0`, decodeLine(t, d, unix.SYS_FCNTL, 0, 13, unix.F_SETLK, p))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `fcntl(13, 0x1 /* F_GETFD */) = 0x1 (flags 0x1 /* FD_CLOEXEC */)`, decodeLine(t, d, unix.SYS_FCNTL, 1, 13, unix.F_GETFD))
}

// TestFcntlUnfinished checks the entry half alone: what strace shows
// before " <unfinished ...>".
func TestFcntlUnfinished(t *testing.T) {
	d := testDecoder(newFakeMem())
	enter := func(args ...uint64) string {
		c := &Call{Nr: unix.SYS_FCNTL}
		copy(c.Args[:], args)
		return string(d.Enter(nil, c))
	}
	assert.Equal(t, `fcntl(13, F_GETFL`, enter(13, unix.F_GETFL))
	assert.Equal(t, `fcntl(13, F_SETLKW, 0x8`, enter(13, unix.F_SETLKW, 8))
	assert.Equal(t, `fcntl(13, F_GETLK`, enter(13, unix.F_GETLK, 8))
}

func TestReadlinkGetcwd(t *testing.T) {
	m := newFakeMem()
	p := m.put(0x1000, []byte("l\x00"))
	buf := m.put(0x2000, []byte("a.txtGARBAGE"))
	cwd := m.put(0x3000, []byte("/tmp/d\x00junk"))
	d := testDecoder(m)
	assert.Equal(t, `readlink("l", "a.txt", 256) = 5`, decodeLine(t, d, unix.SYS_READLINK, 5, p, buf, 256))
	assert.Equal(t, `readlink("l", 0x2000, 256) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_READLINK, -22, p, buf, 256))
	assert.Equal(t, `readlinkat(AT_FDCWD, "l", "a.", 2) = 2`, decodeLine(t, d, unix.SYS_READLINKAT, 2, neg(-100), p, buf, 2))
	// A return larger than the readable memory: the address.
	assert.Equal(t, `readlink("l", 0x2000, 256) = 100`, decodeLine(t, d, unix.SYS_READLINK, 100, p, buf, 256))
	assert.Equal(t, `getcwd("/tmp/d", 256) = 7`, decodeLine(t, d, unix.SYS_GETCWD, 7, cwd, 256))
	assert.Equal(t, `getcwd(0x3000, 1) = -1 ERANGE (Numerical result out of range)`, decodeLine(t, d, unix.SYS_GETCWD, -34, cwd, 1))
	assert.Equal(t, `getcwd("/tm"..., 256) = 4`, decodeLine(t, d, unix.SYS_GETCWD, 4, cwd, 256))
	assert.Equal(t, `getcwd(0xdead0000, 256) = 7`, decodeLine(t, d, unix.SYS_GETCWD, 7, 0xdead0000, 256))
	// An absurd return: bounded by PATH_MAX, no huge read.
	assert.Equal(t, `getcwd("/tmp/d", 256) = 1099511627776`, decodeLine(t, d, unix.SYS_GETCWD, 1<<40, cwd, 256))
}

// dirent builds one linux_dirent64 record.
func dirent(ino, off uint64, typ byte, name string, reclen int) []byte {
	b := make([]byte, reclen)
	binary.LittleEndian.PutUint64(b, ino)
	binary.LittleEndian.PutUint64(b[8:], off)
	binary.LittleEndian.PutUint16(b[16:], uint16(reclen))
	b[18] = typ
	copy(b[19:], name)
	return b
}

func TestGetdents64(t *testing.T) {
	m := newFakeMem()
	var buf []byte
	buf = append(buf, dirent(5, 1, unix.DT_DIR, ".", 24)...)
	buf = append(buf, dirent(6, 2, unix.DT_REG, "a.\x01\xff\"t", 32)...)
	p := m.put(0x1000, buf)
	d := testDecoder(m)
	assert.Equal(t, `getdents64(3, 0x1000 /* 2 entries */, 256) = 56`, decodeLine(t, d, unix.SYS_GETDENTS64, 56, 3, p, 256))
	assert.Equal(t, `getdents64(3, 0x1000 /* 0 entries */, 256) = 0`, decodeLine(t, d, unix.SYS_GETDENTS64, 0, 3, p, 256))
	assert.Equal(t, `getdents64(3, 0x1000, 256) = -1 EBADF (Bad file descriptor)`, decodeLine(t, d, unix.SYS_GETDENTS64, -9, 3, p, 256))
	// The kernel returning more than count: the address.
	assert.Equal(t, `getdents64(3, 0x1000, 16) = 56`, decodeLine(t, d, unix.SYS_GETDENTS64, 56, 3, p, 16))
	d.Opts.Verbose = true
	assert.Equal(t, `getdents64(3, [{d_ino=5, d_off=1, d_reclen=24, d_type=DT_DIR, d_name="."}, `+
		`{d_ino=6, d_off=2, d_reclen=32, d_type=DT_REG, d_name="a.\1\377\"t"}], 256) = 56`,
		decodeLine(t, d, unix.SYS_GETDENTS64, 56, 3, p, 256))
	assert.Equal(t, `getdents64(3, [], 256) = 0`, decodeLine(t, d, unix.SYS_GETDENTS64, 0, 3, p, 256))
	// The returned length beyond readable memory: entries, then the
	// address of the unreadable part.
	assert.Equal(t, `getdents64(3, [{d_ino=5, d_off=1, d_reclen=24, d_type=DT_DIR, d_name="."}, `+
		`{d_ino=6, d_off=2, d_reclen=32, d_type=DT_REG, d_name="a.\1\377\"t"}, ... /* 0x1038 */], 4096) = 200`,
		decodeLine(t, d, unix.SYS_GETDENTS64, 200, 3, p, 4096))
	// A hostile record length of 0 or 1: no endless loop.
	bad := m.put(0x4000, append(dirent(1, 1, 99, "x", 24)[:16], 0, 0, 99, 'x', 0, 0, 0, 0))
	assert.Equal(t, `getdents64(3, [{d_ino=1, d_off=1, d_reclen=0 /* 19 bytes underflow */, d_type=0x63 /* DT_??? */}], 4096) = 24`,
		decodeLine(t, d, unix.SYS_GETDENTS64, 24, 3, bad, 4096))
	d.Opts.Verbose = false
	assert.Equal(t, `getdents64(3, 0x4000 /* d_reclen 19 bytes underflow */ /* 1+ entries */, 4096) = 24`,
		decodeLine(t, d, unix.SYS_GETDENTS64, 24, 3, bad, 4096))
}

func TestAppendMode(t *testing.T) {
	for v, want := range map[uint64]string{0: "000", 1: "001", 8: "010", 0644: "0644", 04755: "04755"} {
		assert.Equal(t, want, string(appendMode(nil, v)))
	}
}

// FuzzFamilyDecoders feeds hostile memory and arguments to every syscall
// of the file, stat, memory and exec families in every output mode: no
// panic, and bounded output.
func FuzzFamilyDecoders(f *testing.F) {
	f.Add([]byte("a.txt\x00\x01\x02"), uint64(0x1000), uint64(3), int64(0), uint8(0))
	f.Add(dirent(1, 2, 4, "x", 24), uint64(0x1000), uint64(0x80000000), int64(24), uint8(7))
	nrs := []int{unix.SYS_OPEN, unix.SYS_OPENAT, unix.SYS_OPENAT2, unix.SYS_STAT, unix.SYS_NEWFSTATAT, unix.SYS_STATX,
		unix.SYS_STATFS, unix.SYS_FCNTL, unix.SYS_GETDENTS64, unix.SYS_PIPE2, unix.SYS_READLINK, unix.SYS_GETCWD,
		unix.SYS_MMAP, unix.SYS_MREMAP, unix.SYS_MINCORE, unix.SYS_EXECVE, unix.SYS_EXECVEAT, unix.SYS_MEMFD_CREATE}
	f.Fuzz(func(t *testing.T, mem []byte, a1, a2 uint64, ret int64, mode uint8) {
		m := newFakeMem()
		m.put(0x1000, mem)
		d := testDecoder(m)
		d.Opts.Verbose = mode&1 != 0
		d.Opts.Style = format.Style(mode >> 1 % 3)
		d.Opts.X = format.XMode(mode >> 3 % 3)
		for _, nr := range nrs {
			out := decodeLine(t, d, nr, ret, a1, 0x1000, a2, 0x1000+a1%64, a2, 0x1000)
			if len(out) > 1<<20 {
				t.Fatalf("%d: output of %d bytes", nr, len(out))
			}
		}
	})
}
