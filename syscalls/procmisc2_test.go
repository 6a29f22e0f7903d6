package syscalls

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"

	"github.com/gotrace/gotrace/format"
)

func TestFileHandles(t *testing.T) {
	m := newFakeMem()
	h := m.put(0x1000, []byte{8, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0})
	mnt := m.put(0x2000, []byte{27, 0, 0, 0})
	path := m.put(0x3000, []byte("/\x00"))
	d := testDecoder(m)
	// The kernel rewrote handle_bytes (128 => 8) at exit.
	c := &Call{Nr: unix.SYS_NAME_TO_HANDLE_AT, Args: [6]uint64{uint64(0xffffff9c), path, h, mnt, 0}}
	m.regions[h][0] = 128
	b := d.Enter(nil, c)
	assert.Equal(t, `name_to_handle_at(AT_FDCWD, "/", {handle_bytes=128`, string(b))
	m.regions[h][0] = 8
	b = d.Exit(b, c)
	assert.Equal(t, `name_to_handle_at(AT_FDCWD, "/", {handle_bytes=128 => 8, handle_type=1, f_handle="\x02\x00\x00\x00\x00\x00\x00\x00"}, [27], 0`, string(b))
	assert.Equal(t, `name_to_handle_at(AT_FDCWD, "/", {handle_bytes=8}, 0x2000, AT_SYMLINK_FOLLOW) = -1 ENOENT (No such file or directory)`,
		decodeLine(t, d, unix.SYS_NAME_TO_HANDLE_AT, -2, uint64(0xffffff9c), path, h, mnt, unix.AT_SYMLINK_FOLLOW))
	assert.Equal(t, `name_to_handle_at(-1, "/", 0x8, NULL, 0x10000 /* AT_??? */) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_NAME_TO_HANDLE_AT, -14, 0xffffffff, path, 8, 0, 0x10000))
	// f_handle past the readable memory, and past MAX_HANDLE_SZ.
	assert.Equal(t, `open_by_handle_at(3, {handle_bytes=9, handle_type=1, f_handle=???}, O_RDONLY) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_OPEN_BY_HANDLE_AT, -22, 3, m.put(0x4000, []byte{9, 0, 0, 0, 1, 0, 0, 0, 0}), 0))
	big := make([]byte, 8+200)
	big[0] = 200
	got := decodeLine(t, d, unix.SYS_OPEN_BY_HANDLE_AT, -22, 3, m.put(0x5000, big), 0)
	assert.Contains(t, got, `f_handle="`+repeat(`\x00`, 128)+`"...}`)
	assert.Equal(t, `open_by_handle_at(3, NULL, O_RDONLY|O_PATH) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_OPEN_BY_HANDLE_AT, -14, 3, 0, unix.O_PATH))
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func TestTimexAndSchedAttr(t *testing.T) {
	m := newFakeMem()
	tx := make([]byte, timexSize)
	binary.LittleEndian.PutUint32(tx, 0xa001)
	binary.LittleEndian.PutUint64(tx[24:], 16000000)
	binary.LittleEndian.PutUint32(tx[40:], unix.STA_UNSYNC)
	binary.LittleEndian.PutUint64(tx[72:], 5)
	binary.LittleEndian.PutUint64(tx[88:], 10000)
	a := m.put(0x1000, tx)
	d := testDecoder(m)
	assert.Equal(t, `clock_adjtime(CLOCK_REALTIME, {modes=ADJ_OFFSET_SS_READ, offset=0, freq=0, maxerror=16000000, esterror=0, status=STA_UNSYNC, constant=0, precision=0, tolerance=0, time={tv_sec=5, tv_usec=0}, tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}) = 5 (TIME_ERROR)`,
		decodeLine(t, d, unix.SYS_CLOCK_ADJTIME, 5, 0, a))
	assert.Equal(t, `adjtimex(0x1000) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_ADJTIMEX, -22, a))
	assert.Equal(t, `adjtimex(0x1008) = 0`, decodeLine(t, d, unix.SYS_ADJTIMEX, 0, a+8))
	d.Terse = true // outside -e verbose=: neither the struct nor the state
	assert.Equal(t, `adjtimex(0x1000) = 5`, decodeLine(t, d, unix.SYS_ADJTIMEX, 5, a))
	d.Terse = false

	attr := make([]byte, 56)
	binary.LittleEndian.PutUint32(attr, 56)
	binary.LittleEndian.PutUint64(attr[8:], unix.SCHED_FLAG_KEEP_POLICY|unix.SCHED_FLAG_KEEP_PARAMS|unix.SCHED_FLAG_UTIL_CLAMP_MIN)
	binary.LittleEndian.PutUint32(attr[48:], 10)
	p := m.put(0x3000, attr)
	assert.Equal(t, `sched_setattr(0, {size=56, sched_flags=SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS|SCHED_FLAG_UTIL_CLAMP_MIN, sched_util_min=10, sched_util_max=0}, 0) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SCHED_SETATTR, -22, 0, p, 0))
	assert.Equal(t, `sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS|SCHED_FLAG_UTIL_CLAMP_MIN, sched_nice=0, sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, sched_util_min=10, sched_util_max=0}, 56, 0) = 0`,
		decodeLine(t, d, unix.SYS_SCHED_GETATTR, 0, 0, p, 56, 0))
	assert.Equal(t, `sched_getattr(0, 0x3000, 56, 1) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_SCHED_GETATTR, -22, 0, p, 56, 1))
	small := m.put(0x4000, []byte{1, 0, 0, 0})
	c := &Call{Nr: unix.SYS_SCHED_SETATTR, Args: [6]uint64{0, small, 0}}
	b := d.Enter(nil, c)
	assert.Equal(t, `sched_setattr(0, {size=1}`, string(b))
	m.regions[small][0] = 56
	c.Ret = -int64(unix.E2BIG)
	assert.Equal(t, `sched_setattr(0, {size=1} => {size=56}, 0`, string(d.Exit(b, c)))
	d.Opts.Style = format.Raw
	assert.Contains(t, decodeLine(t, d, unix.SYS_ADJTIMEX, 0, a), `status=0x40,`)
	assert.Contains(t, decodeLine(t, d, unix.SYS_ADJTIMEX, 0, a), `}) = 0 (TIME_OK)`)
}

func TestLdtAndThreadArea(t *testing.T) {
	m := newFakeMem()
	ud := m.put(0x1000, []byte{0x28, 0x23, 0, 0, 0, 0x10, 0, 0, 0xff, 0xff, 0x0f, 0, 0x51, 0, 0, 0})
	d := testDecoder(m)
	assert.Equal(t, `modify_ldt(1, {entry_number=9000, base_addr=0x001000, limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, lm=0}, 16) = 4294967274 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_MODIFY_LDT, 0xffffffea, 1, ud, 16))
	assert.Equal(t, `modify_ldt(0, 0x1000, 64) = 0`, decodeLine(t, d, unix.SYS_MODIFY_LDT, 0, 0, ud, 64))
	assert.Equal(t, `set_thread_area(0x8) = -1 ENOSYS (Function not implemented)`, decodeLine(t, d, unix.SYS_SET_THREAD_AREA, -38, 8))
	assert.Equal(t, `set_thread_area({entry_number=9000, base_addr=0x001000, limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, lm=0}) = 0 (entry_number=9000)`,
		decodeLine(t, d, unix.SYS_SET_THREAD_AREA, 0, ud))
	assert.Equal(t, `get_thread_area({entry_number=9000, ...}) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_GET_THREAD_AREA, -22, ud))
	assert.Equal(t, `get_thread_area({entry_number=9000, base_addr=0x001000, limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1, lm=0}) = 0`,
		decodeLine(t, d, unix.SYS_GET_THREAD_AREA, 0, ud))
	assert.Equal(t, `get_thread_area(NULL) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_GET_THREAD_AREA, -14, 0))
	assert.Equal(t, `get_thread_area(0x8) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_GET_THREAD_AREA, -14, 8))
}

func TestOldGetdents(t *testing.T) {
	m := newFakeMem()
	// Two records, ".", then "ab"; cut at 44 bytes, the second's reclen
	// runs past the buffer, its tail (and d_type, the tail's last byte)
	// is what is left.
	buf := []byte{
		1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 24, 0, '.', 0, 0, 0, 0, unix.DT_DIR,
		2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 24, 0, 'a', 'b', 0, 0, 0, unix.DT_REG,
	}
	a := m.put(0x1000, buf)
	d := testDecoder(m)
	assert.Equal(t, `getdents(3, 0x1000 /* 2 entries */, 4096) = 48`, decodeLine(t, d, unix.SYS_GETDENTS, 48, 3, a, 4096))
	d.Opts.Verbose = true
	assert.Equal(t, `getdents(3, [{d_ino=1, d_off=1, d_reclen=24, d_name=".", d_type=DT_DIR}, {d_ino=2, d_off=2, d_reclen=24, d_name="ab", d_type=DT_REG}], 4096) = 48`,
		decodeLine(t, d, unix.SYS_GETDENTS, 48, 3, a, 4096))
	assert.Equal(t, `getdents(3, [{d_ino=1, d_off=1, d_reclen=24, d_name=".", d_type=DT_DIR}, {d_ino=2, d_off=2, d_reclen=24 /* 4 bytes overflow */, d_name="a"..., d_type=0x62 /* DT_??? */}], 4096) = 44`,
		decodeLine(t, d, unix.SYS_GETDENTS, 44, 3, a, 4096))
	assert.Equal(t, `getdents(3, 0x1000, 10) = 48`, decodeLine(t, d, unix.SYS_GETDENTS, 48, 3, a, 10))
	assert.Equal(t, `getdents(-1, 0x1000, 4096) = -1 EBADF (Bad file descriptor)`, decodeLine(t, d, unix.SYS_GETDENTS, -9, 0xffffffff, a, 4096))
}
