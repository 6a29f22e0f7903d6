package syscalls

import (
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func TestSetsockopt(t *testing.T) {
	m := newFakeMem()
	one := m.put(0x1000, le32(1))
	linger := m.put(0x1100, append(le32(1), le32(7)...))
	tv := m.put(0x1200, timespec(3, 500))
	mreq := m.put(0x1300, []byte{224, 0, 0, 251, 127, 0, 0, 1})
	d := testDecoder(m)
	assert.Equal(t, "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, 0, 3, unix.SOL_SOCKET, unix.SO_REUSEADDR, one, 4))
	assert.Equal(t, "setsockopt(5, SOL_TCP, TCP_NODELAY, [1], 4) = 0",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, 0, 5, unix.SOL_TCP, unix.TCP_NODELAY, one, 4))
	assert.Equal(t, "setsockopt(5, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=7}, 8) = 0",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, 0, 5, unix.SOL_SOCKET, unix.SO_LINGER, linger, 8))
	assert.Equal(t, "setsockopt(5, SOL_SOCKET, SO_LINGER, 0x1100, 4) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, -22, 5, unix.SOL_SOCKET, unix.SO_LINGER, linger, 4))
	assert.Equal(t, `setsockopt(3, SOL_SOCKET, SO_RCVTIMEO_OLD, "\3\0\0\0\0\0\0\0\364\1\0\0\0\0\0\0", 16) = 0`,
		decodeLine(t, d, unix.SYS_SETSOCKOPT, 0, 3, unix.SOL_SOCKET, unix.SO_RCVTIMEO, tv, 16))
	assert.Equal(t, "setsockopt(3, SOL_SOCKET, SO_SNDBUF, NULL, 4) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, -14, 3, unix.SOL_SOCKET, unix.SO_SNDBUF, 0, 4))
	assert.Equal(t, "setsockopt(3, SOL_SOCKET, SO_SNDBUF, 0x8, 4) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, -14, 3, unix.SOL_SOCKET, unix.SO_SNDBUF, 8, 4))
	assert.Equal(t, "setsockopt(3, SOL_TCP, 0x3e7 /* TCP_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, -92, 3, unix.SOL_TCP, 999, one, 4))
	assert.Equal(t, "setsockopt(3, 0x3039 /* SOL_?? */, 1, [1], 4) = -1 ENOPROTOOPT (Protocol not available)",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, -92, 3, 12345, 1, one, 4))
	assert.Equal(t, "setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, NULL, 0) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, -22, 3, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, 0, 0))
	assert.Equal(t, `setsockopt(5, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr("224.0.0.251"), imr_interface=inet_addr("127.0.0.1")}, 8) = 0`,
		decodeLine(t, d, unix.SYS_SETSOCKOPT, 0, 5, unix.SOL_IP, unix.IP_ADD_MEMBERSHIP, mreq, 8))
	// An absurd length is bounded by -s.
	assert.Equal(t, "setsockopt(3, SOL_SOCKET, SO_RCVTIMEO_OLD, 0x1200, -1) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, -22, 3, unix.SOL_SOCKET, unix.SO_RCVTIMEO, tv, 0xffffffff))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "setsockopt(3, 0x1 /* SOL_SOCKET */, 0x2 /* SO_REUSEADDR */, [1], 4) = 0",
		decodeLine(t, d, unix.SYS_SETSOCKOPT, 0, 3, unix.SOL_SOCKET, unix.SO_REUSEADDR, one, 4))
}

func TestGetsockopt(t *testing.T) {
	m := newFakeMem()
	val := m.put(0x1000, le32(uint32(unix.ECONNREFUSED)))
	lenp := m.put(0x2000, le32(4))
	d := testDecoder(m)
	assert.Equal(t, "getsockopt(4, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0",
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 4, unix.SOL_SOCKET, unix.SO_ERROR, val, lenp))
	d.Opts.Style = format.Raw
	assert.Equal(t, "getsockopt(4, 0x1, 0x4, [111], [4]) = 0",
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 4, unix.SOL_SOCKET, unix.SO_ERROR, val, lenp))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "getsockopt(4, 0x1 /* SOL_SOCKET */, 0x4 /* SO_ERROR */, [111 /* ECONNREFUSED */], [4]) = 0",
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 4, unix.SOL_SOCKET, unix.SO_ERROR, val, lenp))
	d.Opts.Style = format.Abbrev
	assert.Equal(t, "getsockopt(4, SOL_SOCKET, SO_TYPE, [111], [4]) = 0",
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 4, unix.SOL_SOCKET, unix.SO_TYPE, val, lenp))
	assert.Equal(t, "getsockopt(4, SOL_SOCKET, SO_TYPE, 0x1000, [4]) = -1 EBADF (Bad file descriptor)",
		decodeLine(t, d, unix.SYS_GETSOCKOPT, -9, 4, unix.SOL_SOCKET, unix.SO_TYPE, val, lenp))
	assert.Equal(t, "getsockopt(4, SOL_SOCKET, SO_TYPE, 0x1000, NULL) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_GETSOCKOPT, -14, 4, unix.SOL_SOCKET, unix.SO_TYPE, val, 0))
	assert.Equal(t, "getsockopt(4, SOL_SOCKET, SO_TYPE, 0x1000, 0x8) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_GETSOCKOPT, -14, 4, unix.SOL_SOCKET, unix.SO_TYPE, val, 8))
	// A struct cut short by the length: the partial field as bytes.
	linger := m.put(0x3000, append(le32(0), le32(7)...))
	two := m.put(0x4000, le32(2))
	assert.Equal(t, `getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff="\x00\x00"}, [2]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 3, unix.SOL_SOCKET, unix.SO_LINGER, linger, two))
	cred := m.put(0x5000, append(le32(1234), append(le32(0), le32(0)...)...))
	twelve := m.put(0x6000, le32(12))
	assert.Equal(t, `getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=1234, uid=0, gid=0}, [12]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 3, unix.SOL_SOCKET, unix.SO_PEERCRED, cred, twelve))
	// String values, with -s and non-ASCII bytes.
	cc := m.put(0x7000, []byte("cubic\x00\x00\xff"))
	eight := m.put(0x8000, le32(8))
	assert.Equal(t, `getsockopt(3, SOL_TCP, TCP_CONGESTION, "cubic\0\0\377", [8]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 3, unix.SOL_TCP, unix.TCP_CONGESTION, cc, eight))
	// An absurd returned length: bounded by -s, unreadable beyond.
	huge := m.put(0x9000, le32(0x7fffffff))
	assert.Equal(t, `getsockopt(3, SOL_TCP, TCP_CONGESTION, 0x7000, [2147483647]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 3, unix.SOL_TCP, unix.TCP_CONGESTION, cc, huge))
	zero := m.put(0xa000, le32(0))
	assert.Equal(t, `getsockopt(3, SOL_SOCKET, SO_TYPE, 0x1000, [0]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKOPT, 0, 3, unix.SOL_SOCKET, unix.SO_TYPE, val, zero))
}
