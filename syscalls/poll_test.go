package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func pollfds(v ...int) []byte {
	b := make([]byte, 8*len(v)/3)
	for i := 0; i+2 < len(v); i += 3 {
		o := 8 * (i / 3)
		binary.LittleEndian.PutUint32(b[o:], uint32(int32(v[i])))
		binary.LittleEndian.PutUint16(b[o+4:], uint16(v[i+1]))
		binary.LittleEndian.PutUint16(b[o+6:], uint16(v[i+2]))
	}
	return b
}

func timespec(sec, nsec int64) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint64(b, uint64(sec))
	binary.LittleEndian.PutUint64(b[8:], uint64(nsec))
	return b
}

func TestPoll(t *testing.T) {
	m := newFakeMem()
	fds := m.put(0x1000, pollfds(3, unix.POLLIN|unix.POLLPRI, unix.POLLIN, -1, unix.POLLIN, 0, 5, unix.POLLIN, 0, 6, unix.POLLOUT|unix.POLLRDHUP, unix.POLLOUT))
	d := testDecoder(m)
	assert.Equal(t, "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=-1}, {fd=5, events=POLLIN}, {fd=6, events=POLLOUT|POLLRDHUP}], 4, 100) = 2 ([{fd=3, revents=POLLIN}, {fd=6, revents=POLLOUT}])",
		decodeLine(t, d, unix.SYS_POLL, 2, fds, 4, 100))
	assert.Equal(t, "poll([{fd=5, events=POLLIN}], 1, 0) = 0 (Timeout)", decodeLine(t, d, unix.SYS_POLL, 0, fds+16, 1, 0))
	assert.Equal(t, "poll(NULL, 0, 1) = 0 (Timeout)", decodeLine(t, d, unix.SYS_POLL, 0, 0, 0, 1))
	assert.Equal(t, "poll(0x8, 2, 0) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_POLL, -14, 8, 2, 0))
	assert.Equal(t, "poll([{fd=3, events=POLLIN|POLLPRI}], 1, -1) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)",
		decodeLine(t, d, unix.SYS_POLL, -516, fds, 1, 0xffffffff))
	// The entry line ends with the timeout, so an unfinished call reads
	// as strace's does.
	c := &Call{Nr: unix.SYS_POLL, Args: [6]uint64{fds, 1, 0xffffffff}}
	assert.Equal(t, "poll([{fd=3, events=POLLIN|POLLPRI}], 1, -1", string(d.Enter(nil, c)))
	// More fds than readable: the readable ones, then the address.
	assert.Equal(t, "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=-1}, {fd=5, events=POLLIN}, {fd=6, events=POLLOUT|POLLRDHUP}, ... /* 0x1020 */], 5, 0) = 2 ([{fd=3, revents=POLLIN}, {fd=6, revents=POLLOUT}, 0x1020])",
		decodeLine(t, d, unix.SYS_POLL, 2, fds, 5, 0))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "poll([{fd=6, events=0x2004 /* POLLOUT|POLLRDHUP */}], 1, 0) = 1 ([{fd=6, revents=0x4 /* POLLOUT */}])",
		decodeLine(t, d, unix.SYS_POLL, 1, fds+24, 1, 0))
}

func TestPpoll(t *testing.T) {
	m := newFakeMem()
	fds := m.put(0x1000, pollfds(3, unix.POLLIN, unix.POLLIN))
	ts := m.put(0x2000, timespec(0, 50000000))
	d := testDecoder(m)
	assert.Equal(t, "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=50000000}, NULL, 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=50000000})",
		decodeLine(t, d, unix.SYS_PPOLL, 1, fds, 1, ts, 0, 8))
	assert.Equal(t, "ppoll([{fd=3, events=POLLIN}], 1, NULL, NULL, 8) = 1 ([{fd=3, revents=POLLIN}])",
		decodeLine(t, d, unix.SYS_PPOLL, 1, fds, 1, 0, 0, 8))
	assert.Equal(t, "ppoll([{fd=3, events=POLLIN}], 1, 0x8, NULL, 8) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_PPOLL, -14, fds, 1, 8, 0, 8))
	assert.Equal(t, "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=0, tv_nsec=50000000}, NULL, 8) = 0 (Timeout)",
		decodeLine(t, d, unix.SYS_PPOLL, 0, fds, 1, ts, 0, 8))
}

func TestSelect(t *testing.T) {
	m := newFakeMem()
	set := func(addr uint64, fds ...int) uint64 {
		b := make([]byte, 8)
		for _, f := range fds {
			b[f/8] |= 1 << (f % 8)
		}
		return m.put(addr, b)
	}
	r := set(0x1000, 3, 5)
	w := set(0x1100, 6)
	empty := set(0x1200)
	tv := m.put(0x2000, timespec(0, 20000))
	d := testDecoder(m)
	assert.Equal(t, "select(7, [3 5], [6], NULL, {tv_sec=0, tv_usec=20000}) = 2 (in [3 5], left {tv_sec=0, tv_usec=20000})",
		decodeLine(t, d, unix.SYS_SELECT, 2, 7, r, w, 0, tv))
	assert.Equal(t, "select(7, [3 5], [6], NULL, NULL) = 3 (in [3 5], out [6])",
		decodeLine(t, d, unix.SYS_SELECT, 3, 7, r, w, 0, 0))
	// strace closes a bracket again for an empty set read after a
	// printed one (when the return value promised more).
	assert.Equal(t, "select(7, [], [6], [], NULL) = 2 (out [6]])",
		decodeLine(t, d, unix.SYS_SELECT, 2, 7, empty, w, empty, 0))
	assert.Equal(t, "select(7, [], [6], [6], NULL) = 2 (out [6], except [6])",
		decodeLine(t, d, unix.SYS_SELECT, 2, 7, empty, w, w, 0))
	assert.Equal(t, "select(7, [3 5], 0x8, NULL, NULL) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_SELECT, -14, 7, r, 8, 0, 0))
	assert.Equal(t, "select(0, NULL, NULL, NULL, {tv_sec=0, tv_usec=20000}) = 0 (Timeout)",
		decodeLine(t, d, unix.SYS_SELECT, 0, 0, 0, 0, 0, tv))
	// An absurd nfds: bounded, and the sets are too short to read.
	assert.Equal(t, "select(2147483647, 0x1000, NULL, NULL, NULL) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SELECT, -22, 0x7fffffff, r, 0, 0, 0))
	assert.Equal(t, "select(-1, NULL, NULL, NULL, NULL) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SELECT, -22, 0xffffffff, 0, 0, 0, 0))
	sig := m.put(0x3000, iovecs(0, 8))
	ts := m.put(0x3100, timespec(0, 1000000))
	assert.Equal(t, "pselect6(6, [3 5], NULL, NULL, {tv_sec=0, tv_nsec=1000000}, {sigmask=NULL, sigsetsize=8}) = 1 (in [3], left {tv_sec=0, tv_nsec=1000000})",
		decodeLine(t, d, unix.SYS_PSELECT6, 1, 6, r, 0, 0, ts, sig))
	assert.Equal(t, "pselect6(6, [3 5], NULL, NULL, NULL, 0xbad) = 0 (Timeout)",
		decodeLine(t, d, unix.SYS_PSELECT6, 0, 6, r, 0, 0, 0, 0xbad))
}
