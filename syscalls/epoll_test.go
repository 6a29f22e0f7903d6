package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func epollEv(events uint32, data uint64) []byte {
	b := make([]byte, 12)
	binary.LittleEndian.PutUint32(b, events)
	binary.LittleEndian.PutUint64(b[4:], data)
	return b
}

func TestEpoll(t *testing.T) {
	m := newFakeMem()
	ev := m.put(0x1000, epollEv(unix.EPOLLIN|unix.EPOLLET, 0x1122334455667788))
	d := testDecoder(m)
	assert.Equal(t, "epoll_create1(EPOLL_CLOEXEC) = 4", decodeLine(t, d, unix.SYS_EPOLL_CREATE1, 4, unix.EPOLL_CLOEXEC))
	assert.Equal(t, "epoll_create(5) = 3", decodeLine(t, d, unix.SYS_EPOLL_CREATE, 3, 5))
	assert.Equal(t, "epoll_ctl(4, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=1432778632, u64=1234605616436508552}}) = 0",
		decodeLine(t, d, unix.SYS_EPOLL_CTL, 0, 4, unix.EPOLL_CTL_ADD, 3, ev))
	assert.Equal(t, "epoll_ctl(4, EPOLL_CTL_DEL, 3, 0x1000) = 0", decodeLine(t, d, unix.SYS_EPOLL_CTL, 0, 4, unix.EPOLL_CTL_DEL, 3, ev))
	assert.Equal(t, "epoll_ctl(4, EPOLL_CTL_DEL, 3, NULL) = 0", decodeLine(t, d, unix.SYS_EPOLL_CTL, 0, 4, unix.EPOLL_CTL_DEL, 3, 0))
	assert.Equal(t, "epoll_ctl(4, 0x7 /* EPOLL_CTL_??? */, 3, 0x8) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_EPOLL_CTL, -14, 4, 7, 3, 8))
	m.put(0x1100, epollEv(0x8000000, 4))
	assert.Equal(t, "epoll_ctl(4, EPOLL_CTL_MOD, 3, {events=0x8000000 /* EPOLL??? */, data={u32=4, u64=4}}) = 0",
		decodeLine(t, d, unix.SYS_EPOLL_CTL, 0, 4, unix.EPOLL_CTL_MOD, 3, 0x1100))

	// Two events at exit, cut by the return value.
	two := append(epollEv(unix.EPOLLIN, 6), epollEv(unix.EPOLLOUT|unix.EPOLLHUP, 7)...)
	evs := m.put(0x2000, two)
	assert.Equal(t, "epoll_wait(4, [{events=EPOLLIN, data={u32=6, u64=6}}], 4, 1000) = 1",
		decodeLine(t, d, unix.SYS_EPOLL_WAIT, 1, 4, evs, 4, 1000))
	assert.Equal(t, "epoll_wait(4, [{events=EPOLLIN, data={u32=6, u64=6}}, {events=EPOLLOUT|EPOLLHUP, data={u32=7, u64=7}}], 4, -1) = 2",
		decodeLine(t, d, unix.SYS_EPOLL_WAIT, 2, 4, evs, 4, 0xffffffff))
	assert.Equal(t, "epoll_wait(4, [], 4, 0) = 0", decodeLine(t, d, unix.SYS_EPOLL_WAIT, 0, 4, evs, 4, 0))
	assert.Equal(t, "epoll_wait(4, 0x2000, 4, -1) = -1 EINTR (Interrupted system call)",
		decodeLine(t, d, unix.SYS_EPOLL_WAIT, -4, 4, evs, 4, 0xffffffff))
	// More returned than readable: the readable ones, then the address.
	assert.Equal(t, "epoll_wait(4, [{events=EPOLLIN, data={u32=6, u64=6}}, {events=EPOLLOUT|EPOLLHUP, data={u32=7, u64=7}}, ... /* 0x2018 */], 8, 0) = 3",
		decodeLine(t, d, unix.SYS_EPOLL_WAIT, 3, 4, evs, 8, 0))
	assert.Equal(t, "epoll_wait(4, 0xdead000, 8, 0) = 3", decodeLine(t, d, unix.SYS_EPOLL_WAIT, 3, 4, 0xdead000, 8, 0))
	assert.Equal(t, "epoll_pwait(4, [{events=EPOLLIN, data={u32=6, u64=6}}], 4, 1000, NULL, 8) = 1",
		decodeLine(t, d, unix.SYS_EPOLL_PWAIT, 1, 4, evs, 4, 1000, 0, 8))
	// An absurd count the kernel would not return is bounded by -s.
	many := make([]byte, 12*40)
	for i := 0; i < 40; i++ {
		copy(many[12*i:], epollEv(unix.EPOLLIN, uint64(i)))
	}
	m.put(0x10000, many)
	out := decodeLine(t, d, unix.SYS_EPOLL_WAIT, 1<<40, 4, 0x10000, 64, 0)
	assert.Equal(t, 32, strings.Count(out, "{events="))
	assert.True(t, strings.HasSuffix(out, ", ...], 64, 0) = 1099511627776"), out)
	d.Opts.Style = format.Raw
	assert.Equal(t, "epoll_ctl(4, 0x1, 3, {events=0x80000001, data={u32=1432778632, u64=1234605616436508552}}) = 0",
		decodeLine(t, d, unix.SYS_EPOLL_CTL, 0, 4, unix.EPOLL_CTL_ADD, 3, ev))
}
