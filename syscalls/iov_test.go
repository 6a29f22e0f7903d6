package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func iovecs(pairs ...uint64) []byte {
	b := make([]byte, 8*len(pairs))
	for i, v := range pairs {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

func TestIovec(t *testing.T) {
	m := newFakeMem()
	a := m.put(0x1000, []byte("HTTP/1.1 304 Not Modified\r\nServer: gotrace-test\r\n"))
	b := m.put(0x2000, []byte("\xff\xfe\x01tail"))
	iov := m.put(0x3000, iovecs(a, 50, b, 7))
	d := testDecoder(m)
	assert.Equal(t, `writev(6, [{iov_base="HTTP/1.1 304 Not Modified\r\nServe"..., iov_len=50}, {iov_base="\377\376\1tail", iov_len=7}], 2) = 57`,
		decodeLine(t, d, unix.SYS_WRITEV, 57, 6, iov, 2))
	// readv: the data split by the returned length.
	assert.Equal(t, `readv(5, [{iov_base="HTTP/1.1 3", iov_len=50}, {iov_base="", iov_len=7}], 2) = 10`,
		decodeLine(t, d, unix.SYS_READV, 10, 5, iov, 2))
	assert.Equal(t, `readv(5, [{iov_base=0x1000, iov_len=50}, {iov_base=0x2000, iov_len=7}], 2) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_READV, -11, 5, iov, 2))
	assert.Equal(t, `writev(6, [], 0) = 0`, decodeLine(t, d, unix.SYS_WRITEV, 0, 6, iov, 0))
	assert.Equal(t, `writev(6, NULL, 2) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_WRITEV, -14, 6, 0, 2))
	assert.Equal(t, `writev(6, 0x8, 2) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_WRITEV, -14, 6, 8, 2))
	// A count beyond the readable iovecs.
	assert.Equal(t, `writev(6, [{iov_base="HTTP/1.1 304 Not Modified\r\nServe"..., iov_len=50}, {iov_base="\377\376\1tail", iov_len=7}, ... /* 0x3020 */], 3) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_WRITEV, -14, 6, iov, 3))
	// A count whose size wraps: the bare address.
	assert.Equal(t, `writev(6, 0x3000, 18446744073709551615) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_WRITEV, -22, 6, iov, ^uint64(0)))
	// An unreadable buffer inside a readable iovec.
	bad := m.put(0x4000, iovecs(0xdead0000, 5))
	assert.Equal(t, `writev(6, [{iov_base=0xdead0000, iov_len=5}], 1) = 5`, decodeLine(t, d, unix.SYS_WRITEV, 5, 6, bad, 1))
	d.Opts.X = 1
	assert.Equal(t, `writev(6, [{iov_base="\xff\xfe\x01\x74\x61\x69\x6c", iov_len=7}], 1) = 7`,
		decodeLine(t, d, unix.SYS_WRITEV, 7, 6, iov+16, 1))
}

func TestVectoredPositioned(t *testing.T) {
	m := newFakeMem()
	a := m.put(0x1000, []byte("hello, vectored world\n"))
	iov := m.put(0x3000, iovecs(a, 4, a+4, 64))
	d := testDecoder(m)
	assert.Equal(t, `preadv(3, [{iov_base="hell", iov_len=4}, {iov_base="o, vectored world\n", iov_len=64}], 2, 0) = 22`,
		decodeLine(t, d, unix.SYS_PREADV, 22, 3, iov, 2, 0))
	assert.Equal(t, `preadv2(3, [{iov_base="hell", iov_len=4}, {iov_base="o", iov_len=64}], 2, -1, RWF_NOWAIT) = 5`,
		decodeLine(t, d, unix.SYS_PREADV2, 5, 3, iov, 2, ^uint64(0), 0, unix.RWF_NOWAIT))
	assert.Equal(t, `pwritev2(3, [{iov_base="hell", iov_len=4}], 1, 100, RWF_HIPRI|RWF_DSYNC|0x100) = 4`,
		decodeLine(t, d, unix.SYS_PWRITEV2, 4, 3, iov, 1, 100, 0, unix.RWF_DSYNC|unix.RWF_HIPRI|0x100))
	assert.Equal(t, `preadv2(3, [{iov_base="hell", iov_len=4}], 1, 0, 0x100 /* RWF_??? */) = 4`,
		decodeLine(t, d, unix.SYS_PREADV2, 4, 3, iov, 1, 0, 0, 0x100))
}

func TestZeroCopy(t *testing.T) {
	m := newFakeMem()
	off := m.put(0x1000, iovecs(2))
	d := testDecoder(m)
	// sendfile: the offset before and after.
	c := &Call{Nr: unix.SYS_SENDFILE, Args: [6]uint64{4, 3, off, 10}}
	b := d.Enter(nil, c)
	assert.Equal(t, "sendfile(4, 3, ", string(b))
	m.put(0x1000, iovecs(12))
	c.Ret = 10
	b = d.Exit(b, c)
	assert.Equal(t, "sendfile(4, 3, [2] => [12], 10", string(b))
	assert.Equal(t, "sendfile(4, 3, [12], 5) = -1 EBADF (Bad file descriptor)", decodeLine(t, d, unix.SYS_SENDFILE, -9, 4, 3, off, 5))
	assert.Equal(t, "sendfile(4, 3, [12], 5) = 0", decodeLine(t, d, unix.SYS_SENDFILE, 0, 4, 3, off, 5))
	assert.Equal(t, "sendfile(4, 3, NULL, 5) = 5", decodeLine(t, d, unix.SYS_SENDFILE, 5, 4, 3, 0, 5))
	assert.Equal(t, "sendfile(4, 3, 0xbad, 5) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_SENDFILE, -14, 4, 3, 0xbad, 5))
	assert.Equal(t, "splice(6, NULL, 3, [12], 9, SPLICE_F_MOVE|SPLICE_F_MORE) = 9",
		decodeLine(t, d, unix.SYS_SPLICE, 9, 6, 0, 3, off, 9, unix.SPLICE_F_MOVE|unix.SPLICE_F_MORE))
	assert.Equal(t, "tee(6, 9, 4, SPLICE_F_NONBLOCK) = 4", decodeLine(t, d, unix.SYS_TEE, 4, 6, 9, 4, unix.SPLICE_F_NONBLOCK))
	assert.Equal(t, "copy_file_range(3, [12], 3, 0x8, 8, 0) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_COPY_FILE_RANGE, -14, 3, off, 3, 8, 8, 0))
}

func TestArrayBounds(t *testing.T) {
	m := newFakeMem()
	// 100 readable iovecs of empty buffers: -s bounds the elements shown,
	// -v shows them all, and nothing reads past what is mapped.
	m.put(0x10000, make([]byte, 16*100))
	d := testDecoder(m)
	out := decodeLine(t, d, unix.SYS_WRITEV, 0, 1, 0x10000, 100)
	assert.Equal(t, 32, strings.Count(out, "{iov_base="))
	assert.Contains(t, out, ", ...], 100)")
	d.Opts.Verbose = true
	out = decodeLine(t, d, unix.SYS_WRITEV, 0, 1, 0x10000, 1<<40)
	assert.Equal(t, 100, strings.Count(out, "{iov_base="))
	assert.Contains(t, out, ", ... /* 0x10640 */]")
}

// TestIovecPrefetch: with a memory that reads several ranges at once, the
// buffers of an iovec array are read in one request, and every line is the
// one a buffer-at-a-time read prints, unreadable buffers included.
func TestIovecPrefetch(t *testing.T) {
	m := newFakeMem()
	a := m.put(0x1000, []byte("HTTP/1.1 304 Not Modified\r\nServer: gotrace-test\r\n"))
	b := m.put(0x2000, []byte("\xff\xfe\x01tail"))
	c := m.put(0x5000, []byte("0123456789"))
	cases := []struct {
		name string
		nr   int
		ret  int64
		args []uint64
		vec  int // requests ReadMemv serves
	}{
		{"two", unix.SYS_WRITEV, 57, []uint64{6, m.put(0x3000, iovecs(a, 50, b, 7)), 2}, 1},
		{"three", unix.SYS_WRITEV, 67, []uint64{6, m.put(0x3100, iovecs(a, 50, b, 7, c, 10)), 3}, 1},
		{"readv split", unix.SYS_READV, 55, []uint64{5, m.put(0x3200, iovecs(a, 50, b, 7, c, 10)), 3}, 1},
		{"readv into one", unix.SYS_READV, 10, []uint64{5, m.put(0x3300, iovecs(a, 50, b, 7)), 2}, 0},
		{"second unreadable", unix.SYS_WRITEV, 12, []uint64{6, m.put(0x3400, iovecs(a, 5, 0xdead0000, 7)), 2}, 1},
		{"first unreadable", unix.SYS_WRITEV, 12, []uint64{6, m.put(0x3500, iovecs(0xdead0000, 5, a, 7, c, 3)), 3}, 1},
		{"runs off a buffer", unix.SYS_WRITEV, 12, []uint64{6, m.put(0x3600, iovecs(b, 40, c, 3)), 2}, 1},
		{"null and empty", unix.SYS_WRITEV, 12, []uint64{6, m.put(0x3700, iovecs(0, 5, a, 0, c, 3)), 3}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := decodeLine(t, testDecoder(m), tc.nr, tc.ret, tc.args...)
			vm := &vecMem{fakeMem: m}
			d := testDecoder(vm)
			assert.Equal(t, want, decodeLine(t, d, tc.nr, tc.ret, tc.args...))
			assert.Equal(t, tc.vec, vm.vecReads)
			if tc.vec == 1 && !strings.Contains(tc.name, "unreadable") && !strings.Contains(tc.name, "runs off") {
				assert.Equal(t, 1, vm.reads, "only the iovec array is read alone")
			}
			assert.Empty(t, d.pre, "the prefetch is dropped with its array")
		})
	}
	// -s bounds each range read.
	vm := &vecMem{fakeMem: m}
	d := testDecoder(vm)
	d.Opts.StrSize = 4
	assert.Equal(t, `writev(6, [{iov_base="HTTP"..., iov_len=50}, {iov_base="\377\376\1t"..., iov_len=7}], 2) = 57`,
		decodeLine(t, d, unix.SYS_WRITEV, 57, 6, 0x3000, 2))
	assert.Equal(t, []Seg{{a, 4}, {b, 4}}, d.segs)
}
