package syscalls

import (
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func TestMmap(t *testing.T) {
	d := testDecoder(newFakeMem())
	cases := []struct {
		want string
		nr   int
		ret  int64
		args []uint64
	}{
		{`mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f11c04ba000`, unix.SYS_MMAP, 0x7f11c04ba000,
			[]uint64{0, 8192, 3, 0x22, neg(-1), 0}},
		{`mmap(0x7f0000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f0000`, unix.SYS_MMAP, 0x7f0000,
			[]uint64{0x7f0000, 1400832, 5, 0x812, 3, 0x26000}},
		{`mmap(NULL, 4096, 0x80 /* PROT_??? */, MAP_PRIVATE, 3, 0) = 0x1000`, unix.SYS_MMAP, 0x1000, []uint64{0, 4096, 0x80, 2, 3, 0}},
		{`mmap(NULL, 4096, PROT_READ, MAP_FILE, 7, 0x3000) = -1 EBADF (Bad file descriptor)`, unix.SYS_MMAP, -9, []uint64{0, 4096, 1, 0, 7, 0x3000}},
		{`mmap(NULL, 4096, PROT_READ|PROT_WRITE, 0xa /* MAP_??? */, -1, 0) = -1 EBADF (Bad file descriptor)`, unix.SYS_MMAP, -9, []uint64{0, 4096, 3, 0xa, neg(-1), 0}},
		{`mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_FILE|MAP_ANONYMOUS|0x600|1<<MAP_HUGE_SHIFT, -1, 0) = -1 EINVAL (Invalid argument)`, unix.SYS_MMAP, -22,
			[]uint64{0, 4096, 3, 0x20 | 0x4000000 | 0x600, neg(-1), 0}},
		{`mmap(NULL, 2097152, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 ENOMEM (Cannot allocate memory)`, unix.SYS_MMAP, -12,
			[]uint64{0, 2097152, 1, 0x22 | unix.MAP_HUGETLB | 21<<26, neg(-1), 0}},
		{`mmap(NULL, 4096, PROT_READ, 0xf /* MAP_??? */|4<<MAP_HUGE_SHIFT, -1, 0) = -1 EBADF (Bad file descriptor)`, unix.SYS_MMAP, -9,
			[]uint64{0, 4096, 1, 0x1000000f, neg(-1), 0}},
		{`mprotect(0x1000, 4096, PROT_NONE) = 0`, unix.SYS_MPROTECT, 0, []uint64{0x1000, 4096, 0}},
		{`mprotect(0x1000, 4096, PROT_READ|PROT_WRITE|PROT_EXEC|PROT_GROWSDOWN) = -1 EINVAL (Invalid argument)`, unix.SYS_MPROTECT, -22, []uint64{0x1000, 4096, 0x1000007}},
		{`munmap(0xffffffffffffffff, 16384) = -1 EINVAL (Invalid argument)`, unix.SYS_MUNMAP, -22, []uint64{neg(-1), 16384}},
		{`brk(NULL) = 0x558165996000`, unix.SYS_BRK, 0x558165996000, []uint64{0}},
		{`madvise(0x1000, 8192, MADV_DONTNEED) = 0`, unix.SYS_MADVISE, 0, []uint64{0x1000, 8192, 4}},
		{`madvise(0x1000, 8192, 0x66 /* MADV_??? */) = 0`, unix.SYS_MADVISE, 0, []uint64{0x1000, 8192, 0x66}},
		{`msync(0x1000, 4096, MS_SYNC|MS_INVALIDATE) = 0`, unix.SYS_MSYNC, 0, []uint64{0x1000, 4096, 6}},
		{`msync(0x1000, 4096, 0x10 /* MS_??? */) = -1 EINVAL (Invalid argument)`, unix.SYS_MSYNC, -22, []uint64{0x1000, 4096, 0x10}},
		{`mlock2(0x1000, 0, 0x2 /* MLOCK_??? */) = -1 EINVAL (Invalid argument)`, unix.SYS_MLOCK2, -22, []uint64{0x1000, 0, 2}},
		{`mlockall(MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT|0x8) = -1 EINVAL (Invalid argument)`, unix.SYS_MLOCKALL, -22, []uint64{0xf}},
		{`mlockall(0) = -1 EINVAL (Invalid argument)`, unix.SYS_MLOCKALL, -22, []uint64{0}},
		{`munlockall() = 0`, unix.SYS_MUNLOCKALL, 0, nil},
		{`mremap(0x1000, 8192, 16384, MREMAP_MAYMOVE) = 0x2000`, unix.SYS_MREMAP, 0x2000, []uint64{0x1000, 8192, 16384, 1, 0x5000}},
		{`mremap(0x1000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x700000000000) = -1 EINVAL (Invalid argument)`, unix.SYS_MREMAP, -22,
			[]uint64{0x1000, 4096, 8192, 3, 0x700000000000}},
		{`mremap(0x1000, 0, 0, MREMAP_DONTUNMAP|0x8) = -1 EINVAL (Invalid argument)`, unix.SYS_MREMAP, -22, []uint64{0x1000, 0, 0, 0xc}},
		{`remap_file_pages(0x1000, 4096, PROT_NONE, 0, MAP_FILE) = -1 EINVAL (Invalid argument)`, unix.SYS_REMAP_FILE_PAGES, -22, []uint64{0x1000, 4096, 0, 0, 0}},
		{`pkey_mprotect(0x1000, 4096, PROT_READ, 1) = -1 EINVAL (Invalid argument)`, unix.SYS_PKEY_MPROTECT, -22, []uint64{0x1000, 4096, 1, 1}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decodeLine(t, d, c.nr, c.ret, c.args...))
	}
	d.Opts.Style = format.Verbose
	assert.Equal(t, `mmap(NULL, 4096, 0x1 /* PROT_READ */, 0x1000000f /* 0xf /* MAP_??? */|4<<MAP_HUGE_SHIFT */, -1, 0) = -1 EBADF (Bad file descriptor)`,
		decodeLine(t, d, unix.SYS_MMAP, -9, 0, 4096, 1, 0x1000000f, neg(-1), 0))
	assert.Equal(t, `mprotect(0x1000, 4096, 0 /* PROT_NONE */) = 0`, decodeLine(t, d, unix.SYS_MPROTECT, 0, 0x1000, 4096, 0))
	d.Opts.Style = format.Raw
	assert.Equal(t, `mmap(NULL, 8192, 0x3, 0x22, -1, 0) = 0x7f11c04ba000`, decodeLine(t, d, unix.SYS_MMAP, 0x7f11c04ba000, 0, 8192, 3, 0x22, neg(-1), 0))
	assert.Equal(t, `mprotect(0x1000, 4096, 0) = 0`, decodeLine(t, d, unix.SYS_MPROTECT, 0, 0x1000, 4096, 0))
}

func TestMincore(t *testing.T) {
	m := newFakeMem()
	vec := m.put(0x1000, []byte{1, 0, 3, 0xfe})
	d := testDecoder(m)
	assert.Equal(t, `mincore(0x7000, 16384, [1, 0, 1, 0]) = 0`, decodeLine(t, d, unix.SYS_MINCORE, 0, 0x7000, 16384, vec))
	assert.Equal(t, `mincore(0x7000, 4097, [1, 0]) = 0`, decodeLine(t, d, unix.SYS_MINCORE, 0, 0x7000, 4097, vec))
	assert.Equal(t, `mincore(0x7000, 4096, NULL) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_MINCORE, -14, 0x7000, 4096, 0))
	d.Opts.StrSize = 2
	assert.Equal(t, `mincore(0x7000, 16384, [1, 0, ...]) = 0`, decodeLine(t, d, unix.SYS_MINCORE, 0, 0x7000, 16384, vec))
	// An absurd length: bounded by -s, no huge read.
	assert.Equal(t, `mincore(0x7000, 18446744073709551615, [1, 0, ...]) = 0`, decodeLine(t, d, unix.SYS_MINCORE, 0, 0x7000, neg(-1), vec))
	d.Opts.StrSize = 32
	assert.Equal(t, `mincore(0x7000, 1073741824, 0x1000) = 0`, decodeLine(t, d, unix.SYS_MINCORE, 0, 0x7000, 1<<30, vec))
}
