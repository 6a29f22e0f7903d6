package syscalls

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// iocbBytes builds a struct iocb (amd64 layout).
func iocbBytes(data uint64, key, rw uint32, op uint16, prio int16, fd uint32, buf, n uint64, off int64, flags, resfd uint32) []byte {
	b := make([]byte, sizeofIocb)
	le := binary.LittleEndian
	le.PutUint64(b, data)
	le.PutUint32(b[8:], key)
	le.PutUint32(b[12:], rw)
	le.PutUint16(b[16:], op)
	le.PutUint16(b[18:], uint16(prio))
	le.PutUint32(b[20:], fd)
	le.PutUint64(b[24:], buf)
	le.PutUint64(b[32:], n)
	le.PutUint64(b[40:], uint64(off))
	le.PutUint32(b[56:], flags)
	le.PutUint32(b[60:], resfd)
	return b
}

func TestAio(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	ctx := m.put(0x1000, u64s(0x7f0000001000))
	assert.Equal(t, "io_setup(16, [0x7f0000001000]) = 0", decodeLine(t, d, unix.SYS_IO_SETUP, 0, 16, ctx))
	assert.Equal(t, "io_setup(16, 0x1000) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_IO_SETUP, -22, 16, ctx))
	assert.Equal(t, "io_setup(4294967295, NULL) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_IO_SETUP, -14, 0xffffffff, 0))
	assert.Equal(t, "io_setup(1, 0x9) = 0", decodeLine(t, d, unix.SYS_IO_SETUP, 0, 1, 9))
	assert.Equal(t, "io_destroy(0x7f0000001000) = 0", decodeLine(t, d, unix.SYS_IO_DESTROY, 0, 0x7f0000001000))
	assert.Equal(t, "io_destroy(NULL) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_IO_DESTROY, -22, 0))

	data := m.put(0x2000, []byte("hello aio"))
	iov := m.put(0x2100, append(u64s(data, 5), u64s(data+5, 4)...))
	w := m.put(0x3000, iocbBytes(0x1111, 0, 0, 1, 0, 3, data, 9, 0, 0, 0))
	r := m.put(0x3100, iocbBytes(0x2222, 3, 0x9|0x100, 0, -5, 3, data, 4, -1, 0, 0))
	wv := m.put(0x3200, iocbBytes(0, 0, 0, 8, 0, 3, iov, 2, 100, iocbFlagResfd, 7))
	rv := m.put(0x3300, iocbBytes(0, 0, 0, 7, 0, 3, iov, 2, 0, 0x10, 7))
	poll := m.put(0x3400, iocbBytes(0, 0, 0, 5, 0, 4, unix.POLLIN|0x8000, 0, 0, 0, 0))
	prio := m.put(0x3500, iocbBytes(0, 0, 0, 1, 2<<13|4, 3, data, 2, 0, iocbFlagIoprio, 0))
	odd := m.put(0x3600, iocbBytes(0, 0, 0, 99, -1<<13|1, 3, data, ^uint64(0), 0, iocbFlagIoprio, 0))
	badv := m.put(0x3700, iocbBytes(0, 0, 0, 8, 0, 3, 0x10, ^uint64(0), 0, 0, 0))
	ptrs := m.put(0x4000, u64s(w, r, wv, rv, poll, prio, odd, badv, 0, 8))
	line := decodeLine(t, d, unix.SYS_IO_SUBMIT, 8, 0x7f0000001000, 10, ptrs)
	for _, want := range []string{
		`io_submit(0x7f0000001000, 10, [{aio_data=0x1111, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3, aio_buf="hello aio", aio_nbytes=9, aio_offset=0}, `,
		`{aio_data=0x2222, aio_key=3, aio_rw_flags=RWF_HIPRI|RWF_NOWAIT|0x100, aio_lio_opcode=IOCB_CMD_PREAD, aio_reqprio=-5, aio_fildes=3, aio_buf=0x2000, aio_nbytes=4, aio_offset=-1}, `,
		`{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITEV, aio_fildes=3, aio_buf=[{iov_base="hello", iov_len=5}, {iov_base=" aio", iov_len=4}], aio_offset=100, aio_flags=IOCB_FLAG_RESFD, aio_resfd=7}, `,
		`{aio_data=0, aio_lio_opcode=IOCB_CMD_PREADV, aio_fildes=3, aio_buf=[{iov_base=0x2000, iov_len=5}, {iov_base=0x2005, iov_len=4}], aio_offset=0, aio_flags=0x10 /* IOCB_FLAG_??? */, aio_resfd=0x7}, `,
		`{aio_data=0, aio_lio_opcode=IOCB_CMD_POLL, aio_fildes=4, aio_buf=POLLIN|POLL_BUSY_LOOP}, `,
		`{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITE, aio_reqprio=IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4), aio_fildes=3, aio_buf="he", aio_nbytes=2, aio_offset=0, aio_flags=IOCB_FLAG_IOPRIO}, `,
		`{aio_data=0, aio_lio_opcode=99 /* IOCB_CMD_??? */, aio_reqprio=IOPRIO_PRIO_VALUE(0x7ffff /* IOPRIO_CLASS_??? */, 1), aio_fildes=3}, `,
		`{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITEV, aio_fildes=3, aio_buf=0x10, aio_nbytes=18446744073709551615, aio_offset=0}, NULL, 0x8]) = 8`,
	} {
		assert.Contains(t, line, want)
	}
	assert.Equal(t, "io_submit(0x1, -1, 0x4000) = -1 EINVAL (Invalid argument)", decodeLine(t, d, unix.SYS_IO_SUBMIT, -22, 1, ^uint64(0), ptrs))
	assert.Equal(t, "io_submit(0x1, 0, []) = 0", decodeLine(t, d, unix.SYS_IO_SUBMIT, 0, 1, 0, ptrs))
	assert.Equal(t, "io_submit(0x1, 1, NULL) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_IO_SUBMIT, -14, 1, 1, 0))
	assert.Equal(t, "io_submit(0x1, 1, 0x9) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_IO_SUBMIT, -14, 1, 1, 9))
	// A count that overflows the array's size prints the address; one
	// beyond the memory stops where the memory ends.
	assert.Equal(t, "io_submit(0x1, 4611686018427387904, 0x4000) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_IO_SUBMIT, -14, 1, 1<<62, ptrs))
	assert.True(t, strings.HasSuffix(decodeLine(t, d, unix.SYS_IO_SUBMIT, -14, 1, 12, ptrs), "NULL, 0x8, ... /* 0x4050 */]) = -1 EFAULT (Bad address)"))

	// -X raw and verbose: the opcode in decimal, the priority in hex.
	d.Opts.Style = format.Raw
	assert.Equal(t, "io_submit(0x1, 1, [{aio_data=0, aio_lio_opcode=1, aio_reqprio=0x4004, aio_fildes=3, aio_buf=\"he\", aio_nbytes=2, aio_offset=0, aio_flags=0x2}]) = 1",
		decodeLine(t, d, unix.SYS_IO_SUBMIT, 1, 1, 1, ptrs+5*8))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "io_submit(0x1, 1, [{aio_data=0, aio_lio_opcode=1 /* IOCB_CMD_PWRITE */, aio_reqprio=0x4004 /* IOPRIO_PRIO_VALUE(0x2 /* IOPRIO_CLASS_BE */, 4) */, aio_fildes=3, aio_buf=\"he\", aio_nbytes=2, aio_offset=0, aio_flags=0x2 /* IOCB_FLAG_IOPRIO */}]) = 1",
		decodeLine(t, d, unix.SYS_IO_SUBMIT, 1, 1, 1, ptrs+5*8))
	d.Opts.Style = format.Abbrev

	// Events at exit; the timeout and sigset even when the call failed.
	evs := m.put(0x5000, u64s(0x1111, w, 9, 0, 0x2222, r, ^uint64(21), 0))
	ts := m.put(0x5100, u64s(1, 0))
	ss := m.put(0x5200, u64s(1<<(unix.SIGUSR2-1)))
	usig := m.put(0x5300, u64s(ss, 8))
	assert.Equal(t, "io_getevents(0x1, 1, 8, [{data=0x1111, obj=0x3000, res=9, res2=0}, {data=0x2222, obj=0x3100, res=-22, res2=0}], {tv_sec=1, tv_nsec=0}) = 2",
		decodeLine(t, d, unix.SYS_IO_GETEVENTS, 2, 1, 1, 8, evs, ts))
	assert.Equal(t, "io_getevents(0x1, -1, 8, 0x5000, NULL) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_IO_GETEVENTS, -22, 1, ^uint64(0), 8, evs, 0))
	assert.Equal(t, "io_getevents(0x1, 0, 8, NULL, 0x1) = -1 EFAULT (Bad address)",
		decodeLine(t, d, unix.SYS_IO_GETEVENTS, -14, 1, 0, 8, 0, 1))
	assert.Equal(t, "io_getevents(0x1, 0, 8, [], {tv_sec=1, tv_nsec=0}) = 0",
		decodeLine(t, d, unix.SYS_IO_GETEVENTS, 0, 1, 0, 8, evs, ts))
	assert.Equal(t, "io_pgetevents(0x1, 1, 8, [{data=0x1111, obj=0x3000, res=9, res2=0}], {tv_sec=1, tv_nsec=0}, {sigmask=[USR2], sigsetsize=8}) = 1",
		decodeLine(t, d, unix.SYS_IO_PGETEVENTS, 1, 1, 1, 8, evs, ts, usig))
	assert.Equal(t, "io_pgetevents(NULL, 1, 8, 0x5000, {tv_sec=1, tv_nsec=0}, {sigmask=[USR2], sigsetsize=8}) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_IO_PGETEVENTS, -22, 0, 1, 8, evs, ts, usig))
	bad := m.put(0x5400, u64s(ss, 4))
	assert.Equal(t, "io_pgetevents(0x1, 0, 8, [], NULL, {sigmask=0x5200, sigsetsize=4}) = 0",
		decodeLine(t, d, unix.SYS_IO_PGETEVENTS, 0, 1, 0, 8, evs, 0, bad))
	assert.Equal(t, "io_pgetevents(0x1, 0, 8, [], NULL, 0x3) = 0",
		decodeLine(t, d, unix.SYS_IO_PGETEVENTS, 0, 1, 0, 8, evs, 0, 3))

	assert.Equal(t, "io_cancel(0x1, {aio_data=0x2222, aio_key=3, aio_rw_flags=RWF_HIPRI|RWF_NOWAIT|0x100, aio_lio_opcode=IOCB_CMD_PREAD, aio_reqprio=-5, aio_fildes=3}, {data=0x1111, obj=0x3000, res=9, res2=0}) = 0",
		decodeLine(t, d, unix.SYS_IO_CANCEL, 0, 1, r, evs))
	assert.Equal(t, "io_cancel(0x1, 0x1, 0x5000) = -1 EINPROGRESS (Operation now in progress)",
		decodeLine(t, d, unix.SYS_IO_CANCEL, -int64(unix.EINPROGRESS), 1, 1, evs))
	assert.Equal(t, "io_cancel(0x1, NULL, NULL) = -1 EFAULT (Bad address)", decodeLine(t, d, unix.SYS_IO_CANCEL, -14, 1, 0, 0))

	// Outside -e verbose=, structures print as addresses.
	d.Terse = true
	assert.Equal(t, "io_submit(0x1, 1, 0x4000) = 1", decodeLine(t, d, unix.SYS_IO_SUBMIT, 1, 1, 1, ptrs))
	assert.Equal(t, "io_getevents(0x1, 1, 8, 0x5000, 0x5100) = 2", decodeLine(t, d, unix.SYS_IO_GETEVENTS, 2, 1, 1, 8, evs, ts))
}
