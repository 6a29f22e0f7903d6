package ptrace

import (
	"encoding/binary"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ReadMem reads tracee memory of tid at addr into buf and returns how many
// bytes it read: fewer than len(buf) when the range runs into an unmapped
// page. One process_vm_readv for the whole buffer; PTRACE_PEEKDATA, a word
// at a time, where process_vm_readv is not available. Call it from the
// Handler (the tracer's goroutine).
func (t *Tracer) ReadMem(tid int, addr uint64, buf []byte) (int, error) {
	if len(buf) == 0 {
		return 0, nil
	}
	if !t.noVMRead {
		local := unix.Iovec{Base: &buf[0]}
		local.SetLen(len(buf))
		remote := unix.RemoteIovec{Base: uintptr(addr), Len: len(buf)}
		n, err := unix.ProcessVMReadv(tid, []unix.Iovec{local}, []unix.RemoteIovec{remote}, 0)
		if err == nil {
			return n, nil
		}
		if err != unix.ENOSYS && err != unix.EPERM {
			return 0, err
		}
		t.noVMRead = true
	}
	return peek(tid, addr, buf)
}

// peek reads with PTRACE_PEEKDATA, one aligned word per request.
func peek(tid int, addr uint64, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		a := addr + uint64(n)
		aligned := a &^ 7
		var word uint64
		if err := ptracePtr(unix.PTRACE_PEEKDATA, tid, uintptr(aligned), unsafe.Pointer(&word)); err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		var w [8]byte
		binary.LittleEndian.PutUint64(w[:], word)
		n += copy(buf[n:], w[a-aligned:])
	}
	return n, nil
}
