package main

// -e read=SET and -e write=SET: after a traced I/O syscall on an fd in the
// set, the data it wrote (at entry: whatever the call returned) or read
// (on success, as much as it returned) as strace's hex and ASCII dump.

import (
	"strconv"

	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/ptrace"
	"golang.org/x/sys/unix"
)

// dumpChunk is how much tracee memory one read fetches while dumping.
const dumpChunk = 64 << 10

type dumper struct {
	a   *analysis
	on  bool
	tid int
	buf []byte
	out []byte
}

func (d *dumper) init(a *analysis) {
	d.a = a
	d.on = a.cfg.dumpRead || a.cfg.dumpWrite
}

// noLimit is the data size of a write's iovec dump: the buffers' lengths.
const noLimit = ^uint64(0)

func (d *dumper) exit(st *tstate, ev *ptrace.Event) {
	c := &st.call
	fd := int(int32(c.Args[0]))
	if fd < 0 {
		return
	}
	d.tid = ev.Tid
	d.out = d.out[:0]
	a := c.Args
	if d.a.cfg.dumpWrite && d.a.cfg.writeSet.Has(fd) {
		switch c.Nr {
		case unix.SYS_WRITE, unix.SYS_PWRITE64, unix.SYS_SENDTO, unix.SYS_MQ_TIMEDSEND:
			d.str(a[1], a[2])
		case unix.SYS_WRITEV, unix.SYS_PWRITEV, unix.SYS_PWRITEV2, unix.SYS_VMSPLICE:
			d.iov(a[1], a[2], noLimit)
		case unix.SYS_SENDMSG:
			d.msghdr(a[1], noLimit)
		case unix.SYS_SENDMMSG:
			d.mmsghdr(a[1], ev.Ret)
		}
	}
	failed := ev.Ret < 0 && ev.Ret >= -4095
	if !failed && d.a.cfg.dumpRead && d.a.cfg.readSet.Has(fd) {
		switch c.Nr {
		case unix.SYS_READ, unix.SYS_PREAD64, unix.SYS_RECVFROM, unix.SYS_MQ_TIMEDRECEIVE:
			d.str(a[1], uint64(ev.Ret))
		case unix.SYS_READV, unix.SYS_PREADV, unix.SYS_PREADV2:
			d.iov(a[1], a[2], uint64(ev.Ret))
		case unix.SYS_RECVMSG:
			d.msghdr(a[1], uint64(ev.Ret))
		case unix.SYS_RECVMMSG:
			d.mmsghdr(a[1], ev.Ret)
		}
	}
	if len(d.out) > 0 {
		d.a.out.Raw(d.out)
	}
}

func (d *dumper) read(addr uint64, b []byte) bool {
	if addr == 0 && len(b) > 0 {
		return false
	}
	n, _ := d.a.s.tr.ReadMem(d.tid, addr, b)
	return n == len(b)
}

// str dumps n bytes at addr, a chunk at a time; a chunk that cannot be read
// ends the dump (with a note, once something was printed).
func (d *dumper) str(addr, n uint64) {
	if n == 0 || addr+n < addr {
		return
	}
	width := format.DumpOffsetWidth(n)
	for off := uint64(0); off < n; off += dumpChunk {
		size := n - off
		if size > dumpChunk {
			size = dumpChunk
		}
		if cap(d.buf) < int(size) {
			d.buf = make([]byte, size)
		}
		b := d.buf[:size]
		if !d.read(addr+off, b) {
			if off > 0 {
				d.out = append(d.out, " | <Cannot fetch "...)
				d.out = strconv.AppendUint(d.out, size, 10)
				d.out = append(d.out, " byte"...)
				if size != 1 {
					d.out = append(d.out, 's')
				}
				d.out = append(d.out, " from pid "...)
				d.out = strconv.AppendInt(d.out, int64(d.tid), 10)
				d.out = append(d.out, " @"...)
				d.out = format.AppendHex(d.out, addr+off)
				d.out = append(d.out, ">\n"...)
			}
			return
		}
		d.out = format.AppendDump(d.out, b, off, width)
	}
}

// iov dumps the buffers of an iovec array, up to limit bytes in all,
// stopping at the first empty one.
func (d *dumper) iov(addr, count, limit uint64) {
	if count == 0 || count > 1024 {
		return
	}
	v := make([]byte, 16*count)
	if !d.read(addr, v) {
		return
	}
	for i := uint64(0); i < count; i++ {
		base, l := ne.Uint64(v[16*i:]), ne.Uint64(v[16*i+8:])
		if l > limit {
			l = limit
		}
		if l == 0 {
			break
		}
		limit -= l
		d.out = append(d.out, " * "...)
		d.out = strconv.AppendUint(d.out, l, 10)
		d.out = append(d.out, " bytes in buffer "...)
		d.out = strconv.AppendUint(d.out, i, 10)
		d.out = append(d.out, '\n')
		d.str(base, l)
	}
}

// msghdr dumps the iovec of a struct msghdr.
func (d *dumper) msghdr(addr, limit uint64) {
	var h [56]byte
	if !d.read(addr, h[:]) {
		return
	}
	d.iov(ne.Uint64(h[16:]), ne.Uint64(h[24:]), limit)
}

// mmsghdr dumps each of the n messages of a struct mmsghdr array that a
// sendmmsg or recvmmsg processed, each up to its msg_len.
func (d *dumper) mmsghdr(addr uint64, n int64) {
	for i := int64(0); i < n && i < 1024; i++ {
		var h [64]byte
		if !d.read(addr+uint64(i)*64, h[:]) {
			return
		}
		iovlen := ne.Uint64(h[24:])
		d.out = append(d.out, " = "...)
		d.out = strconv.AppendUint(d.out, iovlen, 10)
		d.out = append(d.out, " buffers in vector "...)
		d.out = strconv.AppendInt(d.out, i, 10)
		d.out = append(d.out, '\n')
		d.iov(ne.Uint64(h[16:]), iovlen, uint64(ne.Uint32(h[56:])))
	}
}
