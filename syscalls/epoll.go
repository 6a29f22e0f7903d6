package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// epoll: epoll_create, epoll_create1, epoll_ctl, epoll_wait, epoll_pwait,
// epoll_pwait2.

// epoll.go's flag and value sets are listed in xlat/epoll.txt, from which
// go generate writes zxlat.go.

// epollNval is the kernel's EPOLLNVAL, which x/sys does not define.
const epollNval = 0x20

// sizeofEpollEvent is struct epoll_event on amd64, where it is packed:
// a 32-bit events word and the 64-bit data right after it.
const sizeofEpollEvent = 12

// epollEvent appends one struct epoll_event from its bytes:
// {events=EPOLLIN, data={u32=…, u64=…}}.
func (d *Decoder) epollEvent(b []byte) {
	d.S("{events=")
	d.Flags(epollEvents, uint64(binary.LittleEndian.Uint32(b)), "EPOLL???")
	data := binary.LittleEndian.Uint64(b[4:])
	d.S(", data={u32=")
	d.Uint(uint64(uint32(data)))
	d.S(", u64=")
	d.Uint(data)
	d.S("}}")
}

var (
	// EpollCreateFlags prints epoll_create1's EPOLL_CLOEXEC flag.
	EpollCreateFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(epollCreateFlags, uint64(uint32(c.Args[i])), "EPOLL_???")
	}}
	// EpollOp prints epoll_ctl's op: EPOLL_CTL_ADD…
	EpollOp = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(epollOps, uint64(uint32(c.Args[i])), "EPOLL_CTL_???")
	}}
	// EpollEventIn prints epoll_ctl's event at entry; the bare address
	// for EPOLL_CTL_DEL (the op two arguments before), which ignores it.
	EpollEventIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if uint32(c.Args[i-2]) == unix.EPOLL_CTL_DEL {
			d.Addr(c.Args[i])
			return
		}
		b, ok := d.Read(c.Args[i], sizeofEpollEvent)
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.epollEvent(b)
	}}
	// EpollEventsOut prints the events epoll_wait returned at exit: as
	// many as its return value; the address if it failed.
	EpollEventsOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.array(c.Args[i], uint64(c.Ret), sizeofEpollEvent, d.epollEvent)
	}}
	// SigmaskExit prints the signal mask of epoll_pwait, epoll_pwait2 or
	// ppoll (printed at exit as strace does: the address if the call
	// failed); its size is the next argument.
	SigmaskExit = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.sigsetAt(c.Args[i], c.Args[i+1], 8)
	}}
)

// EpollTimespec prints epoll_pwait2's timeout at exit (after the events):
// a struct timespec; the address if the call failed, as strace cannot
// read it then.
var EpollTimespec = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
	if c.Failed() {
		d.Addr(c.Args[i])
		return
	}
	d.B = appendPollTime(d.B, d, c.Args[i], false)
}}
