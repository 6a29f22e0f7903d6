package syscalls

import (
	"encoding/binary"
)

// io_uring: io_uring_setup, io_uring_enter, io_uring_register.

// uring.go's flag and value sets are listed in xlat/uring.txt, from which
// go generate writes zxlat.go.

// The io_uring constants the decoders test (linux/io_uring.h; x/sys has
// none of them).
const (
	uringSetupAttachWq       = 0x20
	uringResRegisterOp       = 0
	uringResSqeOp            = 1
	uringResSqeFlagsAllowed  = 2
	uringResSqeFlagsRequired = 3
	uringFilesSkip           = 1<<64 - 2 // -2 as a 64-bit value

	uringRegisterBuffers        = 0
	uringRegisterFiles          = 2
	uringRegisterEventfd        = 4
	uringRegisterFilesUpdate    = 6
	uringRegisterEventfdAsync   = 7
	uringRegisterProbe          = 8
	uringRegisterRestrictions   = 11
	uringRegisterFiles2         = 13
	uringRegisterFilesUpdate2   = 14
	uringRegisterBuffers2       = 15
	uringRegisterBuffersUpdate  = 16
	uringRegisterIowqAff        = 17
	uringRegisterIowqMaxWorkers = 19
	uringRegisterRingFds        = 20
	uringUnregisterRingFds      = 21
	uringRegisterPbufRing       = 22
	uringUnregisterPbufRing     = 23
)

// Sizes on amd64: struct io_uring_params, io_uring_probe (without its
// ops), io_uring_rsrc_register and io_uring_rsrc_update2, io_uring_buf_reg.
const (
	sizeofUringParams  = 120
	sizeofUringProbe   = 16
	sizeofUringRsrc    = 32
	sizeofUringBufReg  = 40
	maxUringProbeOps   = 256 // strace prints a larger probe as an address
	uringProbeOpSize   = 8
	uringRestrictSize  = 16
	uringRsrcUpdateLen = 16
)

// xintArray appends a fixed array of 32-bit words as strace prints
// reserved fields: [0, 0x5, 0].
func (d *Decoder) xintArray(b []byte) {
	d.S("[")
	for i := 0; i+4 <= len(b); i += 4 {
		if i > 0 {
			d.S(", ")
		}
		d.Hex(uint64(binary.LittleEndian.Uint32(b[i:])))
	}
	d.S("]")
}

// nonZero reports whether b holds a set byte.
func nonZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return true
		}
	}
	return false
}

// uringOffsets appends struct io_sqring_offsets (sq true) or
// io_cqring_offsets from its 40 bytes.
func (d *Decoder) uringOffsets(b []byte, sq bool) {
	le := binary.LittleEndian
	names := [7]string{"head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array"}
	if !sq {
		names = [7]string{"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags"}
	}
	d.S("{")
	for i, n := range names {
		if i > 0 {
			d.S(", ")
		}
		d.S(n)
		d.S("=")
		d.Uint(uint64(le.Uint32(b[4*i:])))
	}
	if v := le.Uint32(b[28:]); v != 0 {
		d.S(", resv1=")
		d.Hex(uint64(v))
	}
	if v := le.Uint64(b[32:]); v != 0 {
		d.S(", resv2=")
		d.Hex(v)
	}
	d.S("}")
}

// uringFd appends one fd of a files update: a negative one below -1 as a
// named value (IORING_REGISTER_FILES_SKIP), else as an fd.
func (d *Decoder) uringFd(b []byte) {
	fd := int32(binary.LittleEndian.Uint32(b))
	if fd < -1 {
		d.ValueDec(uringFilesUpdateFds, uint64(int64(fd)), "")
		return
	}
	d.Fd(int(fd))
}

// fdElem appends one int of an fd array.
func (d *Decoder) fdElem(b []byte) { d.Fd(int(int32(binary.LittleEndian.Uint32(b)))) }

// uringProbe appends struct io_uring_probe with n ops at addr, after
// checking the whole of it reads.
func (d *Decoder) uringProbe(addr uint64, n uint64, exit bool) {
	b, ok := d.Read(addr, sizeofUringProbe+int(n)*uringProbeOpSize)
	if !ok {
		d.Addr(addr)
		return
	}
	le := binary.LittleEndian
	var h [sizeofUringProbe]byte
	copy(h[:], b)
	d.S("{last_op=")
	d.ValueDec(uringOps, uint64(h[0]), "IORING_OP_???")
	d.S(", ops_len=")
	d.Uint(uint64(h[1]))
	if v := le.Uint16(h[2:]); v != 0 {
		d.S(", resv=")
		d.Hex(uint64(v))
	}
	if nonZero(h[4:16]) {
		d.S(", resv2=")
		d.xintArray(h[4:16])
	}
	d.S(", ops=")
	if exit && uint64(h[1]) < n {
		n = uint64(h[1])
	}
	d.array(addr+sizeofUringProbe, n, uringProbeOpSize, func(o []byte) {
		d.S("{op=")
		d.ValueDec(uringOps, uint64(o[0]), "IORING_OP_???")
		if o[1] != 0 {
			d.S(", resv=")
			d.Hex(uint64(o[1]))
		}
		d.S(", flags=")
		d.Flags(uringOpFlags, uint64(le.Uint16(o[2:])), "IO_URING_OP_???")
		if v := le.Uint32(o[4:]); v != 0 {
			d.S(", resv2=")
			d.Hex(uint64(v))
		}
		d.S("}")
	})
	d.S("}")
}

// uringRestriction appends one struct io_uring_restriction.
func (d *Decoder) uringRestriction(b []byte) {
	le := binary.LittleEndian
	op := le.Uint16(b)
	d.S("{opcode=")
	d.Value(uringRestrictionOps, uint64(op), "IORING_RESTRICTION_???")
	switch op {
	case uringResRegisterOp:
		d.S(", register_op=")
		d.Value(uringRegisterOps, uint64(b[2]), "IORING_REGISTER_???")
	case uringResSqeOp:
		d.S(", sqe_op=")
		d.Value(uringOps, uint64(b[2]), "IORING_OP_???")
	case uringResSqeFlagsAllowed, uringResSqeFlagsRequired:
		d.S(", sqe_flags=")
		d.Flags(uringSqeFlags, uint64(b[2]), "IOSQE_???")
	default:
		d.S(" /* op: ")
		d.Hex(uint64(b[2]))
		d.S(" */")
	}
	if b[3] != 0 {
		d.S(", resv=")
		d.Hex(uint64(b[3]))
	}
	if nonZero(b[4:16]) {
		d.S(", resv2=")
		d.xintArray(b[4:16])
	}
	d.S("}")
}

// uringRsrcData appends ", data=…" for the opcodes whose resource
// structure carries one: fds, files-update fds or iovecs.
func (d *Decoder) uringRsrcData(op uint32, data, nr uint64) {
	switch op {
	case uringRegisterFiles2:
		d.S(", data=")
		d.array(data, nr, 4, d.fdElem)
	case uringRegisterFilesUpdate2:
		d.S(", data=")
		d.array(data, nr, 4, d.uringFd)
	case uringRegisterBuffers2, uringRegisterBuffersUpdate:
		d.S(", data=")
		d.iovec(data, nr, false, 0)
	}
}

// uringTags appends ", tags=[0x5, …]": nr 64-bit tags.
func (d *Decoder) uringTags(tags, nr uint64) {
	d.S(", tags=")
	d.array(tags, nr, 8, func(b []byte) { d.Hex(binary.LittleEndian.Uint64(b)) })
}

// uringRegisterIn appends the argument of the io_uring_register opcodes
// strace decodes at entry; false for PROBE and IOWQ_MAX_WORKERS, which
// uringRegisterSave handles.
func (d *Decoder) uringRegisterIn(op uint32, arg, nr uint64) {
	le := binary.LittleEndian
	switch op {
	case uringRegisterBuffers:
		d.iovec(arg, nr, false, 0)
	case uringRegisterFiles, uringRegisterEventfd, uringRegisterEventfdAsync:
		d.array(arg, nr, 4, d.fdElem)
	case uringRegisterFilesUpdate:
		b, ok := d.Read(arg, 16)
		if !ok {
			d.Addr(arg)
			return
		}
		off, resv, fds := le.Uint32(b), le.Uint32(b[4:]), le.Uint64(b[8:])
		d.S("{offset=")
		d.Uint(uint64(off))
		if resv != 0 {
			d.S(", resv=")
			d.Hex(uint64(resv))
		}
		d.S(", fds=")
		d.array(fds, nr, 4, d.uringFd)
		d.S("}")
	case uringRegisterRestrictions:
		d.array(arg, nr, uringRestrictSize, d.uringRestriction)
	case uringRegisterFiles2, uringRegisterBuffers2:
		b, ok := d.Read(arg, sizeofUringRsrc)
		if nr < sizeofUringRsrc || !ok {
			d.Addr(arg)
			return
		}
		var r [sizeofUringRsrc]byte
		copy(r[:], b)
		n := uint64(le.Uint32(r[:]))
		d.S("{nr=")
		d.Uint(n)
		d.S(", flags=")
		d.Flags(uringRsrcFlags, uint64(le.Uint32(r[4:])), "IORING_RSRC_REGISTER_???")
		if v := le.Uint64(r[8:]); v != 0 {
			d.S(", resv2=")
			d.Hex(v)
		}
		d.uringRsrcData(op, le.Uint64(r[16:]), n)
		d.uringTags(le.Uint64(r[24:]), n)
		d.S("}")
	case uringRegisterFilesUpdate2, uringRegisterBuffersUpdate:
		b, ok := d.Read(arg, sizeofUringRsrc)
		if nr < sizeofUringRsrc || !ok {
			d.Addr(arg)
			return
		}
		var r [sizeofUringRsrc]byte
		copy(r[:], b)
		n := uint64(le.Uint32(r[24:]))
		d.S("{offset=")
		d.Uint(uint64(le.Uint32(r[:])))
		if v := le.Uint32(r[4:]); v != 0 {
			d.S(", resv=")
			d.Hex(uint64(v))
		}
		d.uringRsrcData(op, le.Uint64(r[8:]), n)
		d.uringTags(le.Uint64(r[16:]), n)
		d.S(", nr=")
		d.Uint(n)
		if v := le.Uint32(r[28:]); v != 0 {
			d.S(", resv2=")
			d.Hex(uint64(v))
		}
		d.S("}")
	case uringRegisterIowqAff:
		d.cpuset(arg, nr)
	case uringRegisterRingFds, uringUnregisterRingFds:
		d.array(arg, nr, uringRsrcUpdateLen, func(b []byte) {
			off, resv, data := le.Uint32(b), le.Uint32(b[4:]), le.Uint64(b[8:])
			d.S("{offset=")
			if op == uringRegisterRingFds && off == ^uint32(0) {
				d.S("-1")
			} else {
				d.Uint(uint64(off))
			}
			if resv != 0 {
				d.S(", resv=")
				d.Hex(uint64(resv))
			}
			if op == uringRegisterRingFds {
				d.S(", data=")
				d.Fd(int(int32(data)))
			} else if data != 0 {
				d.S(", data=")
				d.Hex(data)
			}
			d.S("}")
		})
	case uringRegisterPbufRing, uringUnregisterPbufRing:
		b, ok := d.Read(arg, sizeofUringBufReg)
		if !ok {
			d.Addr(arg)
			return
		}
		d.S("{ring_addr=")
		d.Hex(le.Uint64(b))
		d.S(", ring_entries=")
		d.Uint(uint64(le.Uint32(b[8:])))
		d.S(", bgid=")
		d.Uint(uint64(le.Uint16(b[12:])))
		if v := le.Uint16(b[14:]); v != 0 {
			d.S(", pad=")
			d.Hex(uint64(v))
		}
		if nonZero(b[16:40]) {
			d.S(", resv=[")
			for i := 16; i < 40; i += 8 {
				if i > 16 {
					d.S(", ")
				}
				d.Hex(le.Uint64(b[i:]))
			}
			d.S("]")
		}
		d.S("}")
	default:
		d.Addr(arg)
	}
}

// iowqMaxWorkers appends IORING_REGISTER_IOWQ_MAX_WORKERS' array of
// counts with their indices: [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8]. It
// reports whether it printed the array's elements.
func (d *Decoder) iowqMaxWorkers(addr, n uint64) bool {
	idx := uint64(0)
	printed := d.array(addr, n, 4, func(b []byte) {
		d.S("[")
		d.ValueDec(uringIowqAcct, idx, "IO_WQ_???")
		d.S("]=")
		d.Uint(uint64(binary.LittleEndian.Uint32(b)))
		idx++
	})
	return printed > 0
}

// The state io_uring_register keeps from entry to exit, in Call.Saved[0].
const (
	uringDoneAtEntry  = 1 // the argument and nr_args printed at entry
	uringPrintedEntry = 2 // PROBE/IOWQ_MAX_WORKERS' value printed at entry
)

var (
	// UringParams prints io_uring_setup's struct io_uring_params: the
	// fields the call reads at entry, those it fills at exit (unless it
	// failed).
	UringParams = &Arg{AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			c.Saved[0] = 0
			b, ok := d.Read(c.Args[i], sizeofUringParams)
			if !ok {
				d.Addr(c.Args[i])
				return
			}
			le := binary.LittleEndian
			c.Saved[0] = 1
			flags := le.Uint32(b[8:])
			d.S("{flags=")
			d.Flags(uringSetupFlags, uint64(flags), "IORING_SETUP_???")
			d.S(", sq_thread_cpu=")
			d.Hex(uint64(le.Uint32(b[12:])))
			d.S(", sq_thread_idle=")
			d.Uint(uint64(le.Uint32(b[16:])))
			if flags&uringSetupAttachWq != 0 {
				d.S(", wq_fd=")
				d.Fd(int(int32(le.Uint32(b[24:]))))
			}
			if nonZero(b[28:40]) {
				d.S(", resv=")
				d.xintArray(b[28:40])
			}
		},
		Print: func(d *Decoder, c *Call, i int) {
			if c.Saved[0] == 0 {
				return
			}
			if b, ok := d.Read(c.Args[i], sizeofUringParams); ok && !c.Failed() {
				le := binary.LittleEndian
				d.S(", sq_entries=")
				d.Uint(uint64(le.Uint32(b)))
				d.S(", cq_entries=")
				d.Uint(uint64(le.Uint32(b[4:])))
				d.S(", features=")
				d.Flags(uringFeatures, uint64(le.Uint32(b[20:])), "IORING_FEAT_???")
				d.S(", sq_off=")
				d.uringOffsets(b[40:80], true)
				d.S(", cq_off=")
				d.uringOffsets(b[80:120], false)
			}
			d.S("}")
		}}
	// UringEnterFlags prints io_uring_enter's flags (IORING_ENTER_*).
	UringEnterFlags = flagsArg(uringEnterFlags, "IORING_ENTER_???")
	// UringSigset prints io_uring_enter's signal mask at entry; its size
	// is the next argument.
	UringSigset = SignalfdMask
	// UringRegisterOp prints io_uring_register's opcode.
	UringRegisterOp = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(uringRegisterOps, uint64(uint32(c.Args[i])), "IORING_REGISTER_???")
	}}
	// UringRegisterArg prints io_uring_register's argument as its opcode
	// (the argument before) says, at entry for most; PROBE and
	// IOWQ_MAX_WORKERS are printed at exit too, " => " the values the
	// kernel wrote back. Its count is the next argument.
	UringRegisterArg = &Arg{AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			op, arg, nr := uint32(c.Args[i-1]), c.Args[i], uint64(uint32(c.Args[i+1]))
			c.Saved[0] = 0
			switch op {
			case uringRegisterProbe:
				if nr > maxUringProbeOps {
					d.Addr(arg)
					c.Saved[0] = uringDoneAtEntry
					return
				}
				b, ok := d.Read(arg, sizeofUringProbe+int(nr)*uringProbeOpSize)
				if !ok {
					d.Addr(arg)
					c.Saved[0] = uringDoneAtEntry
					return
				}
				if nonZero(b) {
					d.uringProbe(arg, nr, false)
					c.Saved[0] = uringPrintedEntry
				}
			case uringRegisterIowqMaxWorkers:
				if d.iowqMaxWorkers(arg, nr) {
					c.Saved[0] = uringPrintedEntry
				} else {
					c.Saved[0] = uringDoneAtEntry
				}
			default:
				d.uringRegisterIn(op, arg, nr)
				c.Saved[0] = uringDoneAtEntry
			}
		},
		Print: func(d *Decoder, c *Call, i int) {
			if c.Saved[0] == uringDoneAtEntry {
				return
			}
			op, arg, nr := uint32(c.Args[i-1]), c.Args[i], uint64(uint32(c.Args[i+1]))
			printed := c.Saved[0] == uringPrintedEntry
			if op == uringRegisterProbe {
				if c.Failed() {
					if !printed {
						d.Addr(arg)
					}
					return
				}
				if printed {
					d.S(" => ")
				}
				d.uringProbe(arg, nr, true)
				return
			}
			d.S(" => ")
			if c.Failed() {
				d.Addr(arg)
				return
			}
			d.iowqMaxWorkers(arg, nr)
		}}
	// UringRegisterNr prints io_uring_register's nr_args: at entry when
	// the argument was done then, else at exit.
	UringRegisterNr = &Arg{AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			if c.Saved[0] == uringDoneAtEntry {
				d.S(", ")
				d.Uint(uint64(uint32(c.Args[i])))
			}
		},
		Skip:  func(c *Call, i int) bool { return c.Saved[0] == uringDoneAtEntry },
		Print: func(d *Decoder, c *Call, i int) { d.Uint(uint64(uint32(c.Args[i]))) }}
)
