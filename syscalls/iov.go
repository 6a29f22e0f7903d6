package syscalls

import (
	"encoding/binary"
)

// Vectored I/O (readv, writev, preadv, pwritev, preadv2, pwritev2), the
// zero-copy calls (sendfile, splice, tee, copy_file_range), and the array
// printer the socket, epoll and poll decoders share.

// iov.go's flag and value sets are listed in xlat/iov.txt, from which
// go generate writes zxlat.go.

// maxArrayBytes bounds the bytes one array print reads, whatever its count
// says (with -v, where strace has no element limit).
const maxArrayBytes = maxRead

// array appends n elements of size bytes at addr as strace prints an array
// of structures: NULL for 0, [] for none, the bare address when n*size
// wraps or the first element is unreadable, else [e0, e1, …] with "..."
// after -s elements (unless -v), and "..., /* addr */" where memory ends.
// elem prints one element from its bytes (its own copy, so elem may read
// memory). It returns how many elements were printed.
func (d *Decoder) array(addr, n uint64, size int, elem func(b []byte)) int {
	return d.arrayUntil(addr, n, size, func(b []byte) bool { elem(b); return true })
}

// arrayUntil is array with an elem that may end the array early by
// returning false (after printing what it wants, e.g. "...").
func (d *Decoder) arrayUntil(addr, n uint64, size int, elem func(b []byte) bool) int {
	if addr == 0 {
		d.S("NULL")
		return 0
	}
	if n == 0 {
		d.S("[]")
		return 0
	}
	sz := uint64(size)
	total := n * sz
	if total/sz != n || addr+total <= addr {
		d.Addr(addr)
		return 0
	}
	limit := n
	abbrev := false
	if !d.Opts.Verbose && uint64(d.Opts.StrSize) < n {
		limit, abbrev = uint64(d.Opts.StrSize), true
	}
	if max := uint64(maxArrayBytes / size); limit > max {
		limit, abbrev = max, true
	}
	// Fetch the elements shown and the one after (strace reads it
	// before printing "..."), in one read when all are readable.
	fetch := limit
	if abbrev {
		fetch++
	}
	// The elements' copy lives in d.arrays, used as a stack so that an
	// element may print a nested array (chosen for speed: no allocation
	// per array printed). A nested call that grows it leaves this buf
	// on the old backing array, which stays valid.
	start := len(d.arrays)
	need := int(fetch) * size
	if cap(d.arrays)-start < need {
		grown := make([]byte, start, 2*(start+need))
		copy(grown, d.arrays)
		d.arrays = grown
	}
	d.arrays = d.arrays[:start+need]
	buf := d.arrays[start : start+need]
	defer func() { d.arrays = d.arrays[:start] }()
	bulk := false
	if b, ok := d.Read(addr, len(buf)); ok {
		copy(buf, b)
		bulk = true
	}
	printed := 0
	for i := uint64(0); i < fetch; i++ {
		cur := addr + i*sz
		if i > 0 {
			d.S(", ")
		}
		e := buf[int(i)*size : int(i+1)*size]
		if !bulk {
			b, ok := d.Read(cur, size)
			if !ok {
				if i == 0 {
					d.Addr(cur)
					return 0
				}
				d.S("... /* ")
				d.Hex(cur)
				d.S(" */]")
				return printed
			}
			copy(e, b)
		}
		if i == 0 {
			d.S("[")
		}
		if i == limit {
			d.S("...")
			break
		}
		printed++
		if !elem(e) {
			break
		}
	}
	d.S("]")
	return printed
}

// iovec appends an iovec array of n elements at addr. With data true the
// buffers are printed as strings, at most max bytes in all (readv's
// return), else as addresses.
func (d *Decoder) iovec(addr, n uint64, data bool, max uint64) {
	d.iovecData(addr, n, data, max, d.Buf)
}

// iovecData is iovec with the buffers' data printed by buf.
func (d *Decoder) iovecData(addr, n uint64, data bool, max uint64, buf func(addr, n uint64)) {
	d.array(addr, n, 16, func(b []byte) {
		base := binary.LittleEndian.Uint64(b)
		l := binary.LittleEndian.Uint64(b[8:])
		show := l
		if show > max {
			show = max
		}
		max -= show
		d.S("{iov_base=")
		if data {
			buf(base, show)
		} else {
			d.Addr(base)
		}
		d.S(", iov_len=")
		d.Uint(l)
		d.S("}")
	})
}

var (
	// IovIn prints an iovec array the call reads (writev's) at entry,
	// with the buffers' data; its count is the next argument.
	IovIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.iovec(c.Args[i], c.Args[i+1], true, ^uint64(0))
	}}
	// IovOut prints an iovec array the call fills (readv's) at exit: the
	// data of the first bytes the call returned, split across the
	// buffers; only the addresses if it failed. Its count is the next
	// argument.
	IovOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.iovec(c.Args[i], c.Args[i+1], false, ^uint64(0))
			return
		}
		d.iovec(c.Args[i], c.Args[i+1], true, uint64(c.Ret))
	}}
	// RWFlags prints preadv2/pwritev2's RWF_* flags.
	RWFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(rwfFlags, uint64(uint32(c.Args[i])), "RWF_???")
	}}
	// SpliceFlags prints SPLICE_F_* flags.
	SpliceFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(spliceFlags, uint64(uint32(c.Args[i])), "SPLICE_F_???")
	}}
	// OffPtr prints a loff_t pointer (splice's, copy_file_range's) at
	// entry: [value], NULL, or the bare address.
	OffPtr = &Arg{Print: func(d *Decoder, c *Call, i int) { d.int64Ptr(c.Args[i]) }}
)

// int64Ptr appends *addr as a signed 64-bit number in brackets.
func (d *Decoder) int64Ptr(addr uint64) {
	if addr == 0 {
		d.S("NULL")
		return
	}
	v, ok := d.ReadU64(addr)
	if !ok {
		d.Hex(addr)
		return
	}
	d.S("[")
	d.Int(int64(v))
	d.S("]")
}

var (
	// Hidden is an argument that is not printed (preadv2's pos_h, which
	// strace skips on 64-bit).
	Hidden = &Arg{Skip: func(c *Call, i int) bool { return true }, Print: func(d *Decoder, c *Call, i int) {}}
	// SendfileOff prints sendfile's offset pointer at exit: [old] =>
	// [new] after a successful call that moved it, else [old]; NULL or
	// the bare address when it could not be read at entry (when the old
	// value is kept).
	SendfileOff = &Arg{AtExit: true, Save: saveInt64Ptr, Print: func(d *Decoder, c *Call, i int) {
		if c.Saved[1] == 0 {
			d.Addr(c.Args[i])
			return
		}
		d.S("[")
		d.Int(int64(c.Saved[0]))
		d.S("]")
		if c.Failed() {
			return
		}
		if v, ok := d.ReadU64(c.Args[i]); ok && v != c.Saved[0] {
			d.S(" => [")
			d.Int(int64(v))
			d.S("]")
		}
	}}
)

// saveInt64Ptr keeps *args[i] (a loff_t) in Saved[0], and in Saved[1]
// whether it could be read.
func saveInt64Ptr(d *Decoder, c *Call, i int) {
	c.Saved[0], c.Saved[1] = 0, 0
	if v, ok := d.ReadU64(c.Args[i]); ok {
		c.Saved[0], c.Saved[1] = v, 1
	}
}
