package syscalls

import (
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func TestUringSetupEnter(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	p := make([]byte, sizeofUringParams)
	copy(p, u32s(4, 8, uringSetupAttachWq|0x80000000, 1, 10, 0x1001|0x2000, 5, 0, 7, 0))
	copy(p[40:], u32s(0, 4, 16, 24, 36, 32, 192))
	copy(p[80:], u32s(8, 12, 20, 28, 44, 64, 40, 3))
	addr := m.put(0x1000, p)
	assert.Equal(t, "io_uring_setup(4, {flags=IORING_SETUP_ATTACH_WQ|0x80000000, sq_thread_cpu=0x1, sq_thread_idle=10, wq_fd=5, resv=[0, 0x7, 0], "+
		"sq_entries=4, cq_entries=8, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_LINKED_FILE|0x2000, "+
		"sq_off={head=0, tail=4, ring_mask=16, ring_entries=24, flags=36, dropped=32, array=192}, "+
		"cq_off={head=8, tail=12, ring_mask=20, ring_entries=28, overflow=44, cqes=64, flags=40, resv1=0x3}}) = 3",
		decodeLine(t, d, unix.SYS_IO_URING_SETUP, 3, 4, addr))
	assert.Equal(t, "io_uring_setup(4, {flags=IORING_SETUP_ATTACH_WQ|0x80000000, sq_thread_cpu=0x1, sq_thread_idle=10, wq_fd=5, resv=[0, 0x7, 0]}) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_IO_URING_SETUP, -22, 4, addr))
	assert.Equal(t, "io_uring_setup(2, NULL) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_IO_URING_SETUP, -14, 2, 0))
	assert.Equal(t, "io_uring_setup(2, 0x1) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_IO_URING_SETUP, -14, 2, 1))
	d.Opts.Style = format.Verbose
	assert.True(t, strings.HasPrefix(decodeLine(t, d, unix.SYS_IO_URING_SETUP, -22, 4, addr),
		"io_uring_setup(4, {flags=0x80000020 /* IORING_SETUP_ATTACH_WQ|0x80000000 */,"))
	d.Opts.Style = format.Abbrev

	ss := m.put(0x2000, u64s(1<<(unix.SIGUSR1-1)))
	assert.Equal(t, "io_uring_enter(3, 1, 1, IORING_ENTER_GETEVENTS|IORING_ENTER_EXT_ARG|0x1000, [USR1], 8) = 1",
		decodeLine(t, d, unix.SYS_IO_URING_ENTER, 1, 3, 1, 1, 0x1009, ss, 8))
	assert.Equal(t, "io_uring_enter(3, 0, 0, 0, 0x2000, 24) = 0", decodeLine(t, d, unix.SYS_IO_URING_ENTER, 0, 3, 0, 0, 0, ss, 24))
	assert.Equal(t, "io_uring_enter(3, 0, 0, 0, NULL, 0) = 0", decodeLine(t, d, unix.SYS_IO_URING_ENTER, 0, 3, 0, 0, 0, 0, 0))
}

func TestUringRegister(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	reg := func(ret int64, op, arg, nr uint64) string {
		return decodeLine(t, d, unix.SYS_IO_URING_REGISTER, ret, 3, op, arg, nr)
	}
	fds := m.put(0x1000, u32s(3, 0xffffffff, 0xfffffffe, 0xfffffffb))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_FILES, [3, -1, -2], 3) = 0", reg(0, 2, fds, 3))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_EVENTFD, [3], 1) = 0", reg(0, 4, fds, 1))
	upd := m.put(0x1100, append(u32s(1, 7), u64s(fds+4)...))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_FILES_UPDATE, {offset=1, resv=0x7, fds=[-1, IORING_REGISTER_FILES_SKIP, -5]}, 3) = 3",
		reg(3, 6, upd, 3))
	assert.Equal(t, "io_uring_register(3, IORING_UNREGISTER_FILES, NULL, 0) = 0", reg(0, 3, 0, 0))
	assert.Equal(t, "io_uring_register(3, 0x63 /* IORING_REGISTER_??? */, 0x10, 3) = -1 EINVAL (Invalid argument)", reg(-22, 99, 0x10, 3))

	// A zeroed probe prints at exit only; a probe with data at entry, and
	// " => " at exit; the ops the kernel filled, bounded by ops_len.
	probe := make([]byte, sizeofUringProbe+2*uringProbeOpSize)
	pa := m.put(0x2000, probe)
	filled := append([]byte(nil), probe...)
	filled[0], filled[1] = 62, 2
	copy(filled[16:], []byte{0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0})
	c := &Call{Nr: unix.SYS_IO_URING_REGISTER, Args: [6]uint64{3, 8, pa, 2}}
	b := d.Enter(nil, c)
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PROBE, ", string(b))
	m.put(pa, filled)
	b = d.Exit(b, c)
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PROBE, {last_op=62 /* IORING_OP_??? */, ops_len=2, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}]}, 2", string(b))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PROBE, {last_op=62 /* IORING_OP_??? */, ops_len=2, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}]} => {last_op=62 /* IORING_OP_??? */, ops_len=2, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}]}, 2) = 0",
		reg(0, 8, pa, 2))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PROBE, {last_op=62 /* IORING_OP_??? */, ops_len=2, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, {op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}]}, 2) = -1 EINVAL (Invalid argument)",
		reg(-22, 8, pa, 2))
	m.put(pa, probe)
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PROBE, 0x2000, 2) = -1 EINVAL (Invalid argument)", reg(-22, 8, pa, 2))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PROBE, 0x2000, 300) = -1 EINVAL (Invalid argument)", reg(-22, 8, pa, 300))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PROBE, 0x2000, 3) = -1 EFAULT (Bad address)", reg(-14, 8, pa, 3))

	// IOWQ_MAX_WORKERS: in at entry, the old values at exit.
	w := m.put(0x3000, u32s(4, 8, 0))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8] => [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8], 2) = 0", reg(0, 19, w, 2))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8, [2 /* IO_WQ_??? */]=0] => 0x3000, 3) = -1 EINVAL (Invalid argument)", reg(-22, 19, w, 3))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, NULL, 2) = -1 EINVAL (Invalid argument)", reg(-22, 19, 0, 2))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, [], 0) = -1 EINVAL (Invalid argument)", reg(-22, 19, w, 0))

	res := m.put(0x4000, []byte{0, 0, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x85, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=0xff /* IORING_REGISTER_??? */}, {opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, sqe_flags=IOSQE_FIXED_FILE|IOSQE_IO_LINK|0x80, resv=0x1, resv2=[0x2, 0, 0]}, {opcode=0x9 /* IORING_RESTRICTION_??? */ /* op: 0xff */}], 3) = 0",
		reg(0, 11, res, 3))
	tags := m.put(0x5000, u64s(5, 6))
	rsrc := m.put(0x5100, append(u32s(2, 0x11), u64s(0, fds, tags)...))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_FILES2, {nr=2, flags=IORING_RSRC_REGISTER_SPARSE|0x10, data=[3, -1], tags=[0x5, 0x6]}, 32) = 0", reg(0, 13, rsrc, 32))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_FILES2, 0x5100, 16) = -1 EINVAL (Invalid argument)", reg(-22, 13, rsrc, 16))
	upd2 := m.put(0x5200, append(append(u32s(0, 0), u64s(fds+4, 0)...), u32s(2, 1)...))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_FILES_UPDATE2, {offset=0, data=[-1, IORING_REGISTER_FILES_SKIP], tags=NULL, nr=2, resv2=0x1}, 32) = 0", reg(0, 14, upd2, 32))
	rings := m.put(0x6000, append(append(u32s(0xffffffff, 0), u64s(3)...), append(u32s(9, 1), u64s(0)...)...))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_RING_FDS, [{offset=-1, data=3}, {offset=9, resv=0x1, data=0}], 2) = 2", reg(2, 20, rings, 2))
	assert.Equal(t, "io_uring_register(3, IORING_UNREGISTER_RING_FDS, [{offset=4294967295, data=0x3}], 1) = 1", reg(1, 21, rings, 1))
	buf := m.put(0x7000, append(append(u64s(0x1000), u32s(8, 3|1<<16)...), u64s(0, 2, 0)...))
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_PBUF_RING, {ring_addr=0x1000, ring_entries=8, bgid=3, pad=0x1, resv=[0, 0x2, 0]}, 1) = 0", reg(0, 22, buf, 1))
	// A huge count stops at -s elements; unreadable memory prints the address.
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_BUFFERS, 0x9, 4294967295) = -1 EFAULT (Bad address)", reg(-14, 0, 9, 0xffffffff))
	d.Terse = true
	assert.Equal(t, "io_uring_register(3, IORING_REGISTER_FILES, 0x1000, 3) = 0", reg(0, 2, fds, 3))
}
