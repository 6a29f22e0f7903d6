package syscalls

import (
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/gotrace/gotrace/format"
)

// Calls acting on a process through its pid or pidfd: ioprio_get,
// ioprio_set, kcmp, process_vm_readv, process_vm_writev, pidfd_getfd,
// process_madvise, process_mrelease, and setns. Their flag and value sets
// are listed in xlat/procmisc.txt.

// The ioprio and kcmp constants of linux/ioprio.h and linux/kcmp.h,
// absent from x/sys.
const (
	ioprioWhoProcess = 1
	ioprioWhoPgrp    = 2
	ioprioWhoUser    = 3
	kcmpFile         = 0
	kcmpEpollTfd     = 7
)

// ioprioText returns an I/O priority as strace spells it:
// "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)", the class in the -X style.
func (d *Decoder) ioprioText(v uint32) string {
	b := append(make([]byte, 0, 64), "IOPRIO_PRIO_VALUE("...)
	b = ioprioClasses.Append(b, uint64(v>>ioprioClassShift), d.Opts.Style, "IOPRIO_CLASS_???", false)
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(v&(1<<ioprioClassShift-1)), 10)
	return string(append(b, ')'))
}

var (
	// IoprioWhich prints ioprio's which (IOPRIO_WHO_*).
	IoprioWhich = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(ioprioWho, uint64(uint32(c.Args[i])), "IOPRIO_WHO_???")
	}}
	// Ioprio prints ioprio_set's priority: IOPRIO_PRIO_VALUE(class,
	// data); the int alone with -X raw, before the macro's comment with
	// -X verbose.
	Ioprio = &Arg{Print: func(d *Decoder, c *Call, i int) {
		v := uint32(c.Args[i])
		switch d.Opts.Style {
		case format.Raw:
			d.Int(int64(int32(v)))
		case format.Verbose:
			d.Int(int64(int32(v)))
			d.S(" /* ")
			d.S(d.ioprioText(v))
			d.S(" */")
		default:
			d.S(d.ioprioText(v))
		}
	}}
	// KcmpType prints kcmp's type (KCMP_*).
	KcmpType = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(kcmpTypes, uint64(uint32(c.Args[i])), "KCMP_???")
	}}
	// KcmpIdx prints kcmp's idx1 and idx2 by type (the third argument):
	// descriptors for KCMP_FILE, a descriptor and a struct
	// kcmp_epoll_slot for KCMP_EPOLL_TFD, hex for an unknown type, and
	// nothing for the types that compare whole resources.
	KcmpIdx = &Arg{
		Skip: func(c *Call, i int) bool {
			t := uint32(c.Args[2])
			return t > kcmpFile && t < kcmpEpollTfd
		},
		Print: func(d *Decoder, c *Call, i int) {
			switch uint32(c.Args[2]) {
			case kcmpFile:
				d.Fd(int(int32(c.Args[i])))
			case kcmpEpollTfd:
				if i == 3 {
					d.Fd(int(int32(c.Args[i])))
					return
				}
				d.kcmpEpollSlot(c.Args[i])
			default:
				d.Hex(c.Args[i])
			}
		},
	}
	// IovAddr prints an iovec array whose buffers the call does not read
	// here (process_vm_*'s remote one, process_madvise's ranges), at
	// entry: the addresses. Its count is the next argument.
	IovAddr = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.iovec(c.Args[i], c.Args[i+1], false, ^uint64(0))
	}}
	// PidfdTargetFd prints pidfd_getfd's targetfd: an fd of the process
	// the pidfd (the first argument) refers to, decorated (-y) only when
	// that is a pidfd, as strace does. The decoration is the tracee's
	// own fd's: right for a pidfd of itself, the common case.
	PidfdTargetFd = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if d.isPidfd(int(int32(c.Args[0]))) {
			d.Fd(int(int32(c.Args[i])))
			return
		}
		d.Int(int64(int32(c.Args[i])))
	}}
	// Hex32 prints an unsigned int in hex (pidfd flags).
	Hex32 = &Arg{Print: func(d *Decoder, c *Call, i int) { d.Hex(uint64(uint32(c.Args[i]))) }}
	// SetnsType prints setns's nstype (CLONE_NEW* flags).
	SetnsType = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(setnsTypes, uint64(uint32(c.Args[i])), "CLONE_NEW???")
	}}
)

// isPidfd reports whether fd's -y decoration says it is a pidfd.
func (d *Decoder) isPidfd(fd int) bool {
	if fd < 0 {
		return false
	}
	var dec string
	switch {
	case d.Opts.FdDecor != nil:
		dec = string(d.Opts.FdDecor(nil, fd))
	case d.Opts.FdPath != nil:
		dec = "<" + d.Opts.FdPath(fd) + ">"
	}
	return strings.HasPrefix(dec, "<anon_inode:[pidfd]") || strings.HasPrefix(dec, "<pid:")
}

// kcmpEpollSlot appends a struct kcmp_epoll_slot {efd, tfd, toff}.
func (d *Decoder) kcmpEpollSlot(addr uint64) {
	b, ok := d.Read(addr, 12)
	if !ok {
		d.Addr(addr)
		return
	}
	efd, tfd := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
	toff := binary.LittleEndian.Uint32(b[8:])
	d.S("{efd=")
	d.Fd(int(int32(efd)))
	d.S(", tfd=")
	d.Fd(int(int32(tfd)))
	d.S(", toff=")
	d.Uint(uint64(toff))
	d.S("}")
}

// ioprioGetDone names ioprio_get's result, "= 16388
// (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))", except with -X raw.
func ioprioGetDone(d *Decoder, c *Call) {
	if c.Failed() || d.Opts.Style == format.Raw {
		return
	}
	c.Detail = d.ioprioText(uint32(c.Ret))
}
