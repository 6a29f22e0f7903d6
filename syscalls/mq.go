package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// POSIX message queues: mq_open, mq_unlink, mq_timedsend,
// mq_timedreceive, mq_notify, mq_getsetattr.

// mq.go's flag and value sets are listed in xlat/mq.txt, from which
// go generate writes zxlat.go.

// mqAttrSize is sizeof(struct mq_attr): four longs and four reserved.
const mqAttrSize = 64

// mqAttr appends the struct mq_attr at addr: {mq_flags=…, mq_maxmsg=…,
// mq_msgsize=…, mq_curmsgs=…}, mq_flags by name when flags is set
// (mq_getsetattr), as a number otherwise (mq_open); NULL or the address
// when it cannot be read.
func (d *Decoder) mqAttr(addr uint64, flags bool) {
	b, ok := d.Read(addr, mqAttrSize)
	if !ok {
		d.Addr(addr)
		return
	}
	var v [mqAttrSize]byte
	copy(v[:], b)
	d.S("{mq_flags=")
	f := binary.LittleEndian.Uint64(v[0:])
	if flags {
		d.Flags(mqAttrFlags, f, "O_???")
	} else {
		d.Int(int64(f))
	}
	for k, name := range [...]string{", mq_maxmsg=", ", mq_msgsize=", ", mq_curmsgs="} {
		d.S(name)
		d.Int(int64(binary.LittleEndian.Uint64(v[8+8*k:])))
	}
	d.S("}")
}

// mqCreat reports whether mq_open's flags (args[1]) create the queue:
// only then are its mode and attributes printed.
func mqCreat(c *Call) bool { return c.Args[1]&unix.O_CREAT != 0 }

var (
	// MqMode prints mq_open's mode (%#03o), only with O_CREAT.
	MqMode = &Arg{
		Print: func(d *Decoder, c *Call, i int) { d.B = appendMode(d.B, uint64(uint32(c.Args[i]))) },
		Skip:  func(c *Call, i int) bool { return !mqCreat(c) },
	}
	// MqOpenAttr prints mq_open's struct mq_attr at entry, only with
	// O_CREAT.
	MqOpenAttr = &Arg{
		Print: func(d *Decoder, c *Call, i int) { d.mqAttr(c.Args[i], false) },
		Skip:  func(c *Call, i int) bool { return !mqCreat(c) },
	}
	// MqAttrIn prints mq_getsetattr's new attributes at entry.
	MqAttrIn = in(func(d *Decoder, a uint64) { d.mqAttr(a, true) })
	// MqAttrOut prints mq_getsetattr's old attributes at exit.
	MqAttrOut = out(func(d *Decoder, a uint64) { d.mqAttr(a, true) })
	// UintOut prints an unsigned int the call stores, [3], at exit
	// (mq_timedreceive's priority, getcpu's cpu and node): NULL, or the
	// address if the call failed or it cannot be read.
	UintOut = out(func(d *Decoder, a uint64) {
		if v, ok := d.ReadU32(a); ok {
			d.S("[")
			d.Uint(uint64(v))
			d.S("]")
			return
		}
		d.Addr(a)
	})
	// TimespecExit prints a struct timespec the call reads, at exit,
	// whatever the call returned (mq_timedreceive's timeout, which
	// strace prints after the message).
	TimespecExit = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) { d.timespec(c.Args[i]) }}
)
