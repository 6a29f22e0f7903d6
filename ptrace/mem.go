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
	remote := [1]unix.RemoteIovec{{Base: uintptr(addr), Len: len(buf)}}
	return t.ReadMemv(tid, remote[:], buf)
}

// ReadMemv reads the ranges remote of tid's memory back to back into buf
// (as long as their total) and returns how many bytes it read: fewer when
// a range runs into an unmapped page, the ranges after it then unread.
// One process_vm_readv for all of them; PTRACE_PEEKDATA where it is not
// available.
func (t *Tracer) ReadMemv(tid int, remote []unix.RemoteIovec, buf []byte) (int, error) {
	if len(buf) == 0 || len(remote) == 0 {
		return 0, nil
	}
	if !t.noVMRead {
		local := unix.Iovec{Base: &buf[0]}
		local.SetLen(len(buf))
		n, err := vmRead(tid, &local, 1, &remote[0], len(remote))
		if err == nil {
			return n, nil
		}
		if err != unix.ENOSYS && err != unix.EPERM {
			return 0, err
		}
		t.noVMRead = true
	}
	n := 0
	for _, r := range remote {
		if r.Len > len(buf)-n {
			r.Len = len(buf) - n
		}
		got, err := peek(tid, uint64(r.Base), buf[n:n+r.Len])
		n += got
		if got < r.Len {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
	}
	return n, nil
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

// WriteMem writes buf into tracee memory of tid at addr and returns how
// many bytes it wrote (for -e inject=…:poke_enter=). One
// process_vm_writev; PTRACE_POKEDATA, a word at a time, where it fails
// (it cannot write a read-only page, which PTRACE_POKEDATA can). Call it
// from the Handler, for the stopped thread of the event.
func (t *Tracer) WriteMem(tid int, addr uint64, buf []byte) (int, error) {
	if len(buf) == 0 {
		return 0, nil
	}
	local := unix.Iovec{Base: &buf[0]}
	local.SetLen(len(buf))
	remote := unix.RemoteIovec{Base: uintptr(addr), Len: len(buf)}
	if n, err := unix.ProcessVMWritev(tid, []unix.Iovec{local}, []unix.RemoteIovec{remote}, 0); err == nil && n == len(buf) {
		return n, nil
	}
	return poke(tid, addr, buf)
}

// poke writes with PTRACE_POKEDATA, one aligned word per request; a word
// only partly written is read first so its other bytes stay.
func poke(tid int, addr uint64, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		a := addr + uint64(n)
		aligned := a &^ 7
		var w [8]byte
		off := int(a - aligned)
		if off != 0 || len(buf)-n < 8 {
			var word uint64
			if err := ptracePtr(unix.PTRACE_PEEKDATA, tid, uintptr(aligned), unsafe.Pointer(&word)); err != nil {
				return n, err
			}
			binary.LittleEndian.PutUint64(w[:], word)
		}
		c := copy(w[off:], buf[n:])
		if err := ptrace(unix.PTRACE_POKEDATA, tid, uintptr(aligned), uintptr(binary.LittleEndian.Uint64(w[:]))); err != nil {
			return n, err
		}
		n += c
	}
	return n, nil
}

// vmRead is process_vm_readv as a raw system call, as the ptrace requests
// are.
//
// Chosen for speed: through unix.ProcessVMReadv each read also paid the Go
// scheduler's entry to and exit from a system call (pinned, A/B over 15
// runs: the pipe loop 1.3% and the mixed loop 2% slower). The call copies
// pages the tracee has mapped; one it must fault in (from swap) holds the
// loop's thread as the wrapped call would, and the runtime's other
// goroutines keep the second P that Run makes sure of.
func vmRead(tid int, local *unix.Iovec, nlocal int, remote *unix.RemoteIovec, nremote int) (int, error) {
	r, _, e := unix.RawSyscall6(unix.SYS_PROCESS_VM_READV, uintptr(tid), uintptr(unsafe.Pointer(local)), uintptr(nlocal), uintptr(unsafe.Pointer(remote)), uintptr(nremote), 0)
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}
