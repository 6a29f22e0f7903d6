package syscalls

import (
	"encoding/binary"
	"errors"
	"testing"
)

// fakeMem is tracee memory for decoder tests: regions of bytes at
// addresses; everything else is unreadable.
type fakeMem struct {
	regions map[uint64][]byte
}

func newFakeMem() *fakeMem { return &fakeMem{regions: map[uint64][]byte{}} }

// put places b at addr and returns addr.
func (m *fakeMem) put(addr uint64, b []byte) uint64 {
	m.regions[addr] = append([]byte(nil), b...)
	return addr
}

var errFault = errors.New("EFAULT")

func (m *fakeMem) ReadMem(addr uint64, buf []byte) (int, error) {
	for base, b := range m.regions {
		if addr >= base && addr < base+uint64(len(b)) {
			n := copy(buf, b[addr-base:])
			if n < len(buf) {
				return n, errFault
			}
			return n, nil
		}
	}
	return 0, errFault
}

// decodeLine runs a call through Enter, Exit and Return the way the tracer
// does and returns strace's line without padding: "name(args) = ret".
func decodeLine(t *testing.T, d *Decoder, nr int, ret int64, args ...uint64) string {
	t.Helper()
	c := &Call{Nr: nr}
	copy(c.Args[:], args)
	b := d.Enter(nil, c)
	c.Ret = ret
	b = d.Exit(b, c)
	b = append(b, ") = "...)
	b = d.Return(b, c)
	return string(b)
}

func testDecoder(m Memory) *Decoder {
	d := NewDecoder(Options{StrSize: 32})
	d.Mem = m
	return d
}

// u64s lays out 64-bit words little-endian, as the tracee stores them.
func u64s(v ...uint64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], x)
	}
	return b
}

// vecMem is fakeMem with ReadMemv, read as process_vm_readv does (the
// ranges in order, stopping at the first byte it cannot read), counting
// the requests.
type vecMem struct {
	*fakeMem
	reads, vecReads int
}

func (m *vecMem) ReadMem(addr uint64, buf []byte) (int, error) {
	m.reads++
	return m.fakeMem.ReadMem(addr, buf)
}

func (m *vecMem) ReadMemv(segs []Seg, buf []byte) (int, error) {
	m.vecReads++
	n := 0
	for _, s := range segs {
		got, err := m.fakeMem.ReadMem(s.Addr, buf[n:n+s.Len])
		n += got
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
