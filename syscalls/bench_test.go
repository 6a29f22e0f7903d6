package syscalls

import (
	"encoding/binary"
	"io"
	"testing"
	"time"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The decode-and-format path of one printed line, as the session runs it:
// Decoder.Enter, Printer.Enter, Decoder.Exit and Return, Printer.Exit, over
// fake tracee memory, into a Printer writing to io.Discard. Run with
//
//	go test -run - -bench . -benchmem ./syscalls
//
// The target is at most one allocation per printed line.

// benchMem is a flat fake memory: one region, no map, so the benchmark
// measures the decoder rather than the fake.
type benchMem struct {
	base uint64
	b    []byte
}

func (m *benchMem) ReadMem(addr uint64, buf []byte) (int, error) {
	if addr < m.base || addr >= m.base+uint64(len(m.b)) {
		return 0, errFault
	}
	n := copy(buf, m.b[addr-m.base:])
	if n < len(buf) {
		return n, errFault
	}
	return n, nil
}

// ReadMemv makes benchMem a VecMemory, as the tracer's memory is.
func (m *benchMem) ReadMemv(segs []Seg, buf []byte) (int, error) {
	n := 0
	for _, s := range segs {
		got, err := m.ReadMem(s.Addr, buf[n:n+s.Len])
		n += got
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// at places data at offset off of the region and returns its address.
func (m *benchMem) at(off int, data []byte) uint64 {
	copy(m.b[off:], data)
	return m.base + uint64(off)
}

func benchLine(b *testing.B, nr int, ret int64, mem *benchMem, args ...uint64) {
	d := NewDecoder(Options{StrSize: 32})
	d.Mem = mem
	p := format.NewPrinter(io.Discard, 64<<10, format.PrinterOptions{Prefix: format.PlainPrefix, Stamp: format.StampUsec, Durations: true})
	p.Loc = time.UTC
	var line format.Line
	line.Tid = 1234
	var c Call
	var buf, rest, rbuf []byte
	now := time.Unix(1700000000, 123456000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Nr = nr
		copy(c.Args[:], args)
		buf = d.Enter(buf[:0], &c)
		p.Enter(&line, now, c.Entry.Name, buf)
		c.Ret = ret
		rest = d.Exit(rest[:0], &c)
		rbuf = d.Return(rbuf[:0], &c)
		p.Exit(&line, now, rest, rbuf, 15*time.Microsecond)
	}
}

func newBenchMem() *benchMem { return &benchMem{base: 0x7ffd0000, b: make([]byte, 4096)} }

func BenchmarkLineEpollWait(b *testing.B) {
	m := newBenchMem()
	ev := make([]byte, 24)
	binary.LittleEndian.PutUint32(ev[0:], unix.EPOLLIN)
	binary.LittleEndian.PutUint64(ev[4:], 5)
	binary.LittleEndian.PutUint32(ev[12:], unix.EPOLLOUT)
	binary.LittleEndian.PutUint64(ev[16:], 7)
	addr := m.at(0, ev)
	benchLine(b, unix.SYS_EPOLL_WAIT, 2, m, 4, addr, 16, ^uint64(0))
}

func BenchmarkLineOpenat(b *testing.B) {
	m := newBenchMem()
	path := m.at(0, []byte("/etc/ld.so.cache\x00"))
	benchLine(b, unix.SYS_OPENAT, 3, m, uint64(0xffffffffffffff9c), path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
}

func BenchmarkLineWritev(b *testing.B) {
	m := newBenchMem()
	s1 := m.at(512, []byte("HTTP/1.1 200 OK\r\n"))
	s2 := m.at(1024, []byte("hello"))
	iov := make([]byte, 32)
	binary.LittleEndian.PutUint64(iov[0:], s1)
	binary.LittleEndian.PutUint64(iov[8:], 17)
	binary.LittleEndian.PutUint64(iov[16:], s2)
	binary.LittleEndian.PutUint64(iov[24:], 5)
	addr := m.at(0, iov)
	benchLine(b, unix.SYS_WRITEV, 22, m, 3, addr, 2)
}

func BenchmarkLineRecvfrom(b *testing.B) {
	m := newBenchMem()
	data := m.at(0, []byte("ping"))
	sa := make([]byte, 16)
	binary.LittleEndian.PutUint16(sa[0:], unix.AF_INET)
	binary.BigEndian.PutUint16(sa[2:], 8080)
	copy(sa[4:], []byte{127, 0, 0, 1})
	saAddr := m.at(512, sa)
	lenAddr := m.at(1024, []byte{16, 0, 0, 0})
	benchLine(b, unix.SYS_RECVFROM, 4, m, 3, data, 128, 0, saAddr, lenAddr)
}

// TestBenchLines checks that the benchmarks print the lines they claim to.
func TestBenchLines(t *testing.T) {
	m := newBenchMem()
	ev := make([]byte, 24)
	binary.LittleEndian.PutUint32(ev[0:], unix.EPOLLIN)
	binary.LittleEndian.PutUint64(ev[4:], 5)
	binary.LittleEndian.PutUint32(ev[12:], unix.EPOLLOUT)
	binary.LittleEndian.PutUint64(ev[16:], 7)
	addr := m.at(0, ev)
	got := decodeLine(t, testDecoder(m), unix.SYS_EPOLL_WAIT, 2, 4, addr, 16, ^uint64(0))
	want := "epoll_wait(4, [{events=EPOLLIN, data={u32=5, u64=5}}, {events=EPOLLOUT, data={u32=7, u64=7}}], 16, -1) = 2"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
