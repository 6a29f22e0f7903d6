package syscalls

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// pair is two 16-byte time structures (timespec or timeval) in a row.
func pair(s0, f0, s1, f1 uint64) []byte {
	b := make([]byte, 32)
	binary.LittleEndian.PutUint64(b[0:], s0)
	binary.LittleEndian.PutUint64(b[8:], f0)
	binary.LittleEndian.PutUint64(b[16:], s1)
	binary.LittleEndian.PutUint64(b[24:], f1)
	return b
}

func TestUtime(t *testing.T) {
	saved := time.Local
	time.Local = time.UTC
	defer func() { time.Local = saved }()

	m := newFakeMem()
	f := m.put(0x1000, []byte("f\x00"))
	ts := m.put(0x2000, pair(1700000000, 5, 0, unix.UTIME_NOW))
	omit := m.put(0x3000, pair(0, unix.UTIME_OMIT, 1, 2000000000))
	badUsec := m.put(0x3800, pair(1, 2000000, 0, 0))
	tv := m.put(0x4000, pair(1700000000, 5, 0, 0))
	neg1 := m.put(0x5000, pair(neg(-1), neg(-3), 0, 1))
	ub := m.put(0x6000, pair(1700000000, 1, 0, 0)[:16])
	short := m.put(0x7000, pair(1, 2, 3, 4)[:24])
	d := testDecoder(m)
	cases := []struct {
		want string
		nr   int
		ret  int64
		args []uint64
	}{
		{`utimensat(AT_FDCWD, "f", [{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, UTIME_NOW], 0) = 0`,
			unix.SYS_UTIMENSAT, 0, []uint64{neg(-100), f, ts, 0}},
		{`utimensat(3, NULL, [UTIME_OMIT, {tv_sec=1, tv_nsec=2000000000}], AT_SYMLINK_NOFOLLOW|0x10000) = -1 EINVAL (Invalid argument)`,
			unix.SYS_UTIMENSAT, -22, []uint64{3, 0, omit, 0x10100}},
		{`utimensat(AT_FDCWD, "f", NULL, AT_REMOVEDIR|AT_EMPTY_PATH) = -1 EINVAL (Invalid argument)`,
			unix.SYS_UTIMENSAT, -22, []uint64{neg(-100), f, 0, 0x1200}},
		{`utimensat(AT_FDCWD, "f", 0x8, 0x20000 /* AT_??? */) = -1 EFAULT (Bad address)`,
			unix.SYS_UTIMENSAT, -14, []uint64{neg(-100), f, 8, 0x20000}},
		{`utimensat(AT_FDCWD, "f", 0x7000, 0) = -1 EFAULT (Bad address)`,
			unix.SYS_UTIMENSAT, -14, []uint64{neg(-100), f, short, 0}},
		{`utimensat(AT_FDCWD, "f", [{tv_sec=-1, tv_nsec=18446744073709551613}, {tv_sec=0, tv_nsec=1} /* 1970-01-01T00:00:00.000000001+0000 */], 0) = -1 ENOENT (No such file or directory)`,
			unix.SYS_UTIMENSAT, -2, []uint64{neg(-100), f, neg1, 0}},
		{`utimes("f", [{tv_sec=1700000000, tv_usec=5} /* 2023-11-14T22:13:20.000005+0000 */, {tv_sec=0, tv_usec=0}]) = 0`,
			unix.SYS_UTIMES, 0, []uint64{f, tv}},
		{`utimes("f", NULL) = 0`, unix.SYS_UTIMES, 0, []uint64{f, 0}},
		{`futimesat(AT_FDCWD, "f", [{tv_sec=1700000000, tv_usec=5} /* 2023-11-14T22:13:20.000005+0000 */, {tv_sec=0, tv_usec=0}]) = 0`,
			unix.SYS_FUTIMESAT, 0, []uint64{neg(-100), f, tv}},
		{`utimes("f", [{tv_sec=1, tv_usec=2000000}, {tv_sec=0, tv_usec=0}]) = -1 EINVAL (Invalid argument)`,
			unix.SYS_UTIMES, -22, []uint64{f, badUsec}},
		{`utime("f", {actime=1700000000 /* 2023-11-14T22:13:20+0000 */, modtime=1 /* 1970-01-01T00:00:01+0000 */}) = 0`,
			unix.SYS_UTIME, 0, []uint64{f, ub}},
		{`utime("f", NULL) = 0`, unix.SYS_UTIME, 0, []uint64{f, 0}},
		{`utime("f", 0x8) = -1 EFAULT (Bad address)`, unix.SYS_UTIME, -14, []uint64{f, 8}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, c.nr, c.ret, c.args...))
	}
	d.Opts.Style = format.Raw
	assert.Equal(t, `utimensat(-100, "f", [{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, {tv_sec=0, tv_nsec=1073741823}], 0x100) = 0`,
		decodeLine(t, d, unix.SYS_UTIMENSAT, 0, neg(-100), f, ts, 0x100))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `utimensat(-100 /* AT_FDCWD */, "f", [{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, {tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */], 0x100 /* AT_SYMLINK_NOFOLLOW */) = 0`,
		decodeLine(t, d, unix.SYS_UTIMENSAT, 0, neg(-100), f, ts, 0x100))
}

func TestMembarrierPkey(t *testing.T) {
	d := testDecoder(newFakeMem())
	cases := []struct {
		want string
		nr   int
		ret  int64
		args []uint64
	}{
		{`membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x3ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)`,
			unix.SYS_MEMBARRIER, 0x3ff, []uint64{0, 0, 0}},
		{`membarrier(MEMBARRIER_CMD_QUERY, 0) = 0`, unix.SYS_MEMBARRIER, 0, []uint64{0, 0, 7}},
		{`membarrier(MEMBARRIER_CMD_GLOBAL, 0) = 0`, unix.SYS_MEMBARRIER, 0, []uint64{1, 0, 0}},
		{`membarrier(0x40000 /* MEMBARRIER_CMD_??? */, MEMBARRIER_CMD_FLAG_CPU, 5) = -1 EINVAL (Invalid argument)`,
			unix.SYS_MEMBARRIER, -22, []uint64{0x40000, 1, 5}},
		{`membarrier(MEMBARRIER_CMD_QUERY, 0x2 /* MEMBARRIER_CMD_FLAG_??? */) = -1 EINVAL (Invalid argument)`,
			unix.SYS_MEMBARRIER, -22, []uint64{0, 2, 5}},
		{`membarrier(0xffffffff /* MEMBARRIER_CMD_??? */, 0) = -1 EINVAL (Invalid argument)`,
			unix.SYS_MEMBARRIER, -22, []uint64{neg(-1), 0, 0}},
		{`membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, MEMBARRIER_CMD_FLAG_CPU, -1) = -1 EINVAL (Invalid argument)`,
			unix.SYS_MEMBARRIER, -22, []uint64{8, 1, neg(-1)}},
		{`pkey_alloc(0, 0) = -1 EINVAL (Invalid argument)`, unix.SYS_PKEY_ALLOC, -22, []uint64{0, 0}},
		{`pkey_alloc(0x10, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE|PKEY_DISABLE_EXECUTE) = -1 EINVAL (Invalid argument)`,
			unix.SYS_PKEY_ALLOC, -22, []uint64{0x10, 7}},
		{`pkey_alloc(0, 0x18 /* PKEY_??? */) = -1 EINVAL (Invalid argument)`, unix.SYS_PKEY_ALLOC, -22, []uint64{0, 0x18}},
		{`pkey_alloc(0, PKEY_DISABLE_ACCESS|0x8) = 1`, unix.SYS_PKEY_ALLOC, 1, []uint64{0, 9}},
		{`pkey_free(-1) = -1 EINVAL (Invalid argument)`, unix.SYS_PKEY_FREE, -22, []uint64{neg(-1)}},
		{`pkey_free(1) = -1 EINVAL (Invalid argument)`, unix.SYS_PKEY_FREE, -22, []uint64{0x100000001}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, c.nr, c.ret, c.args...))
	}
	d.Opts.Style = format.Raw
	assert.Equal(t, `membarrier(0, 0) = 0x3ff (0x3ff)`, decodeLine(t, d, unix.SYS_MEMBARRIER, 0x3ff, 0, 0, 0))
	assert.Equal(t, `pkey_alloc(0, 0x3) = -1 ENOSPC (No space left on device)`, decodeLine(t, d, unix.SYS_PKEY_ALLOC, -28, 0, 3))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `membarrier(0 /* MEMBARRIER_CMD_QUERY */, 0) = 0x9 (0x9 /* MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_PRIVATE_EXPEDITED */)`,
		decodeLine(t, d, unix.SYS_MEMBARRIER, 9, 0, 0, 0))
	assert.Equal(t, `membarrier(0x10 /* MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED */, 0) = 0`, decodeLine(t, d, unix.SYS_MEMBARRIER, 0, 0x10, 0, 0))
	assert.Equal(t, `pkey_alloc(0, 0x1 /* PKEY_DISABLE_ACCESS */) = 1`, decodeLine(t, d, unix.SYS_PKEY_ALLOC, 1, 0, 1))
}
