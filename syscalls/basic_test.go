package syscalls

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

func TestReadWrite(t *testing.T) {
	m := newFakeMem()
	buf := m.put(0x1000, []byte("hello\nworld\x00\x01"))
	d := testDecoder(m)
	assert.Equal(t, `write(1, "hello\nworld\0\1", 13) = 13`, decodeLine(t, d, unix.SYS_WRITE, 13, 1, buf, 13))
	assert.Equal(t, `read(3, "hello", 4096) = 5`, decodeLine(t, d, unix.SYS_READ, 5, 3, buf, 4096))
	assert.Equal(t, `read(3, 0x1000, 10) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_READ, -11, 3, buf, 10))
	// Unreadable buffer: the bare address.
	assert.Equal(t, `write(1, 0xdead0000, 5) = 5`, decodeLine(t, d, unix.SYS_WRITE, 5, 1, 0xdead0000, 5))
	// Absurd length: bounded by -s, never a huge read.
	assert.Equal(t, `write(1, 0x1000, 18446744073709551615) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_WRITE, -14, 1, buf, ^uint64(0)))
}

func TestTruncation(t *testing.T) {
	m := newFakeMem()
	long := make([]byte, 100)
	for i := range long {
		long[i] = 'a'
	}
	buf := m.put(0x2000, long)
	d := testDecoder(m)
	assert.Equal(t, `write(1, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"..., 100) = 100`, decodeLine(t, d, unix.SYS_WRITE, 100, 1, buf, 100))
}

func TestErrnoText(t *testing.T) {
	assert.Equal(t, "-1 ENOENT (No such file or directory)", string(AppendErrno(nil, 2)))
	assert.Equal(t, "-1 EOPNOTSUPP (Operation not supported)", string(AppendErrno(nil, 95)))
	assert.Equal(t, "? ERESTARTSYS (To be restarted if SA_RESTART is set)", string(AppendErrno(nil, 512)))
	assert.Equal(t, "? ERESTART_RESTARTBLOCK (Interrupted by signal)", string(AppendErrno(nil, 516)))
	assert.Equal(t, "SIGRTMIN", SignalName(32))
	assert.Equal(t, "SIGRT_2", SignalName(34))
	assert.Equal(t, "SIGABRT", SignalName(6))
	assert.Equal(t, "Unknown error 700", ErrnoMessage(700))
	buf := make([]byte, 0, 128)
	assert.Zero(t, testing.AllocsPerRun(100, func() { AppendErrno(buf, 2) }), "allocations per errno")
}

// A decoder that panics must not take the tracer down: the call prints
// raw, as an undecoded one.
func TestDecoderPanicSafetyNet(t *testing.T) {
	nr := unix.SYS_WRITE
	saved := entries[nr].Args
	defer func() { entries[nr].Args = saved }()
	boom := &Arg{Print: func(d *Decoder, c *Call, i int) { panic("decoder bug") }}
	entries[nr].Args = []*Arg{Fd, boom, Ulong}
	d := testDecoder(newFakeMem())
	assert.Equal(t, "write(0x1, 0x1000, 0x5) = 5", decodeLine(t, d, nr, 5, 1, 0x1000, 5))
	entries[nr].Args = []*Arg{Fd, {AtExit: true, Print: boom.Print}, Ulong}
	assert.Equal(t, "write(1, ) = 5", decodeLine(t, d, nr, 5, 1, 0x1000, 5))
}
