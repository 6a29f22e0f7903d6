package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
)

// Native AIO: io_setup, io_destroy, io_submit, io_getevents,
// io_pgetevents, io_cancel.

// aio.go's flag and value sets are listed in xlat/aio.txt, from which go
// generate writes zxlat.go.

// The struct iocb flags and commands x/sys does not define
// (linux/aio_abi.h).
const (
	iocbFlagResfd  = 1
	iocbFlagIoprio = 2
	iocbCmdPread   = 0
	iocbCmdPwrite  = 1
	iocbCmdPreadv  = 7
	iocbCmdPwritev = 8
	iocbCmdPoll    = 5
)

// The struct sizes on amd64: struct iocb and struct io_event.
const (
	sizeofIocb    = 64
	sizeofIoEvent = 32
)

// ioprioClassShift splits an I/O priority into its class (the high bits)
// and its data (linux/ioprio.h).
const ioprioClassShift = 13

// aioPollFlags are IOCB_CMD_POLL's events: poll's bits (POLL_BUSY_LOOP
// among them, as in strace's table).
var aioPollFlags = pollEvents

// ioprio appends an I/O priority: IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4);
// in hex with -X raw, with that as a comment with -X verbose.
func (d *Decoder) ioprio(v uint32) {
	class, data := uint64(v>>ioprioClassShift), uint64(v&(1<<ioprioClassShift-1))
	st := d.Opts.Style
	if st == format.Raw || st == format.Verbose {
		d.Hex(uint64(v))
		if st == format.Raw {
			return
		}
		d.S(" /* ")
	}
	d.S("IOPRIO_PRIO_VALUE(")
	d.Value(ioprioClasses, class, "IOPRIO_CLASS_???")
	d.S(", ")
	d.Uint(data)
	d.S(")")
	if st == format.Verbose {
		d.S(" */")
	}
}

// iocbHeader appends the fields every struct iocb prints, without braces:
// aio_data, aio_key and aio_rw_flags when set, aio_lio_opcode,
// aio_reqprio (as a priority under IOCB_FLAG_IOPRIO, else when set),
// aio_fildes.
func (d *Decoder) iocbHeader(b []byte) {
	le := binary.LittleEndian
	flags := le.Uint32(b[56:])
	d.S("aio_data=")
	d.Hex(le.Uint64(b))
	if key := le.Uint32(b[8:]); key != 0 {
		d.S(", aio_key=")
		d.Uint(uint64(key))
	}
	if rw := le.Uint32(b[12:]); rw != 0 {
		d.S(", aio_rw_flags=")
		d.Flags(rwfFlags, uint64(rw), "RWF_???")
	}
	d.S(", aio_lio_opcode=")
	d.ValueDec(aioCmds, uint64(le.Uint16(b[16:])), "IOCB_CMD_???")
	prio := int16(le.Uint16(b[18:]))
	if flags&iocbFlagIoprio != 0 {
		d.S(", aio_reqprio=")
		d.ioprio(uint32(int32(prio)))
	} else if prio != 0 {
		d.S(", aio_reqprio=")
		d.Int(int64(prio))
	}
	d.S(", aio_fildes=")
	d.Fd(int(int32(le.Uint32(b[20:]))))
}

// iocbCommonFlags appends aio_flags when set, and aio_resfd: an fd under
// IOCB_FLAG_RESFD, else in hex when set.
func (d *Decoder) iocbCommonFlags(b []byte) {
	le := binary.LittleEndian
	flags, resfd := le.Uint32(b[56:]), le.Uint32(b[60:])
	if flags != 0 {
		d.S(", aio_flags=")
		d.Flags(aioIocbFlags, uint64(flags), "IOCB_FLAG_???")
	}
	if flags&iocbFlagResfd != 0 {
		d.S(", aio_resfd=")
		d.Fd(int(int32(resfd)))
	} else if resfd != 0 {
		d.S(", aio_resfd=")
		d.Hex(uint64(resfd))
	}
}

// iocb appends one struct iocb from its bytes: the header, then what its
// command uses: the buffer (PWRITE's data as a string, PREAD's address),
// the iovec array of PREADV/PWRITEV, POLL's events. A buffer whose length
// is negative as a ssize_t prints as an address.
func (d *Decoder) iocb(b []byte) {
	le := binary.LittleEndian
	d.S("{")
	d.iocbHeader(b)
	op := le.Uint16(b[16:])
	buf, n, off := le.Uint64(b[24:]), le.Uint64(b[32:]), int64(le.Uint64(b[40:]))
	valid := int64(n) >= 0
	switch op {
	case iocbCmdPread, iocbCmdPwrite:
		d.S(", aio_buf=")
		if op == iocbCmdPwrite && valid {
			d.Buf(buf, n)
		} else {
			d.Hex(buf)
		}
		d.S(", aio_nbytes=")
		d.Uint(n)
		d.S(", aio_offset=")
		d.Int(off)
		d.iocbCommonFlags(b)
	case iocbCmdPreadv, iocbCmdPwritev:
		d.S(", aio_buf=")
		if valid {
			d.iovec(buf, n, op == iocbCmdPwritev, ^uint64(0))
		} else {
			d.Hex(buf)
			d.S(", aio_nbytes=")
			d.Uint(n)
		}
		d.S(", aio_offset=")
		d.Int(off)
		d.iocbCommonFlags(b)
	case iocbCmdPoll:
		d.S(", aio_buf=")
		d.Flags(aioPollFlags, buf, "POLL???")
		d.iocbCommonFlags(b)
	}
	d.S("}")
}

// iocbAt appends the struct iocb at addr; NULL or the bare address when
// it cannot be read.
func (d *Decoder) iocbAt(addr uint64) {
	b, ok := d.Read(addr, sizeofIocb)
	if !ok {
		d.Addr(addr)
		return
	}
	var cb [sizeofIocb]byte // iocb may read memory (its buffers)
	copy(cb[:], b)
	d.iocb(cb[:])
}

// ioEvent appends one struct io_event from its bytes.
func (d *Decoder) ioEvent(b []byte) {
	le := binary.LittleEndian
	d.S("{data=")
	d.Hex(le.Uint64(b))
	d.S(", obj=")
	d.Hex(le.Uint64(b[8:]))
	d.S(", res=")
	d.Int(int64(le.Uint64(b[16:])))
	d.S(", res2=")
	d.Int(int64(le.Uint64(b[24:])))
	d.S("}")
}

// kernelSigset appends the {sigmask, sigsetsize} pair at addr that
// pselect6 and io_pgetevents take: {sigmask=[USR1], sigsetsize=8}; NULL or
// the bare address when it cannot be read.
func (d *Decoder) kernelSigset(addr uint64) {
	b, ok := d.Read(addr, 16)
	if !ok {
		d.Addr(addr)
		return
	}
	mask, size := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
	d.S("{sigmask=")
	d.sigsetAt(mask, size, 8)
	d.S(", sigsetsize=")
	d.Uint(size)
	d.S("}")
}

var (
	// AioCtxOut prints io_setup's context pointer at exit: [0x7f…]; the
	// address if the call failed or it cannot be read.
	AioCtxOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		v, ok := d.ReadU64(c.Args[i])
		if c.Failed() || !ok {
			d.Addr(c.Args[i])
			return
		}
		d.S("[")
		d.Addr(v)
		d.S("]")
	}}
	// IocbArray prints io_submit's array of struct iocb pointers at
	// entry, each iocb in full; its count is the argument before (the
	// bare address when negative).
	IocbArray = &Arg{Print: func(d *Decoder, c *Call, i int) {
		n := int64(c.Args[i-1])
		if n < 0 {
			d.Addr(c.Args[i])
			return
		}
		d.array(c.Args[i], uint64(n), 8, func(b []byte) {
			d.iocbAt(binary.LittleEndian.Uint64(b))
		})
	}}
	// IocbHeaderIn prints io_cancel's struct iocb at entry: only the
	// fields that name the request.
	IocbHeaderIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		b, ok := d.Read(c.Args[i], sizeofIocb)
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.S("{")
		d.iocbHeader(b)
		d.S("}")
	}}
	// IoEventOut prints io_cancel's struct io_event at exit; the address
	// if the call failed.
	IoEventOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		b, ok := d.Read(c.Args[i], sizeofIoEvent)
		if c.Failed() || !ok {
			d.Addr(c.Args[i])
			return
		}
		d.ioEvent(b)
	}}
	// IoEventsOut prints the io_event array io_getevents filled at exit,
	// as many as it returned; NULL, or the address if the call failed.
	IoEventsOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.array(c.Args[i], uint64(c.Ret), sizeofIoEvent, d.ioEvent)
	}}
	// IoTimeout prints io_getevents' struct timespec at exit (after the
	// events), read even when the call failed: the kernel read it at
	// entry.
	IoTimeout = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		d.B = appendPollTime(d.B, d, c.Args[i], false)
	}}
	// IoSigset prints io_pgetevents' {sigmask, sigsetsize} at exit, read
	// even when the call failed.
	IoSigset = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) { d.kernelSigset(c.Args[i]) }}
)
