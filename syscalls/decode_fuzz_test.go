package syscalls

import (
	"testing"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// fuzzBase is where FuzzDecode places the tracee memory it is given.
const fuzzBase = 0x10000

// fuzzArg turns a fuzzed register into an argument: with the top bit set,
// a pointer into (or just past) the fuzzed memory, so structures get
// decoded; else the value itself.
func fuzzArg(v uint64, n int) uint64 {
	if v>>63 == 0 {
		return v
	}
	return fuzzBase + (v&0xffff)%uint64(n+16)
}

// FuzzDecode runs any syscall of the table (ioctl, the socket, signal,
// time and process structures, and the rest) over fuzzed memory and
// arguments in every output mode, the way the tracer calls the decoder:
// Enter, Exit, Return. A tracee is untrusted input: no panic, and the
// line stays bounded whatever the lengths and counts say.
func FuzzDecode(f *testing.F) {
	f.Add(uint16(unix.SYS_IOCTL), []byte("lo\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00"),
		uint64(3), uint64(unix.SIOCGIFINDEX), uint64(1<<63), uint64(0), int64(0), uint8(0))
	f.Add(uint16(unix.SYS_IOCTL), make([]byte, 44), uint64(3), uint64(unix.TCGETS2), uint64(1<<63), uint64(0), int64(0), uint8(1))
	f.Add(uint16(unix.SYS_UTIMENSAT), []byte("f\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\x3f\x00\x00\x00\x00"), uint64(1<<63|0x10), uint64(1<<63), uint64(1<<63|8), uint64(0x100), int64(0), uint8(4))
	f.Add(uint16(unix.SYS_SENDMSG), make([]byte, 64), uint64(3), uint64(1<<63), uint64(0), uint64(0), int64(10), uint8(2))
	f.Add(uint16(unix.SYS_MEMBARRIER), []byte{}, uint64(0), uint64(1), uint64(5), uint64(0), int64(0x3ff), uint8(3))
	f.Fuzz(func(t *testing.T, nr uint16, mem []byte, a0, a1, a2, a3 uint64, ret int64, mode uint8) {
		m := newFakeMem()
		m.put(fuzzBase, mem)
		n := len(mem)
		line := func(tm Memory) string {
			d := testDecoder(tm)
			d.Opts.Verbose = mode&1 != 0
			d.Opts.Style = format.Style(mode >> 1 % 3)
			d.Opts.X = format.XMode(mode >> 3 % 3)
			if mode&0x20 != 0 {
				d.Opts.StrSize = 4096
			}
			return decodeLine(t, d, int(nr%uint16(Count()+8)), ret,
				fuzzArg(a0, n), fuzzArg(a1, n), fuzzArg(a2, n), fuzzArg(a3, n), fuzzArg(a0^a1, n), fuzzArg(a2^a3, n))
		}
		out := line(m)
		if len(out) > 1<<20 {
			t.Fatalf("syscall %d: output of %d bytes", nr, len(out))
		}
		// Reading iovec buffers together (VecMemory) never changes a line.
		if vec := line(&vecMem{fakeMem: m}); vec != out {
			t.Fatalf("syscall %d: with ReadMemv\n%s\nwithout\n%s", nr, vec, out)
		}
	})
}
