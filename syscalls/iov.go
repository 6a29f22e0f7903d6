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
	return d.arrayPre(addr, n, size, nil, func(b []byte) bool { elem(b); return true })
}

// arrayUntil is array with an elem that may end the array early by
// returning false (after printing what it wants, e.g. "...").
func (d *Decoder) arrayUntil(addr, n uint64, size int, elem func(b []byte) bool) int {
	return d.arrayPre(addr, n, size, nil, elem)
}

// arrayPre is arrayUntil with pre, if not nil, given the elements to be
// shown before any is printed, when they were read in one piece.
func (d *Decoder) arrayPre(addr, n uint64, size int, pre func(elems []byte), elem func(b []byte) bool) int {
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
		if pre != nil {
			pre(buf[:int(limit)*size])
		}
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
	d.iovecData(addr, n, data, max, nil)
}

// iovecData is iovec with the buffers' data printed by buf (nil: as
// strings, by Buf, read together beforehand, see prefetch).
func (d *Decoder) iovecData(addr, n uint64, data bool, max uint64, buf func(addr, n uint64)) {
	var pre func(elems []byte)
	if data && buf == nil {
		buf = d.Buf
		if len(d.pre) == 0 {
			pre = func(elems []byte) { d.prefetchIovecs(elems, max) }
			defer d.dropPrefetch()
		}
	}
	d.arrayPre(addr, n, 16, pre, func(b []byte) bool {
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
		return true
	})
}

// Bounds of one prefetch: the ranges of one process_vm_readv (the
// kernel's UIO_MAXIOV is 1024) and the bytes they hold in all.
const (
	maxPrefetchSegs  = 64
	maxPrefetchBytes = 64 << 10
)

// preRead is one prefetched range: Len bytes at Addr, at preBuf[Off:].
type preRead struct {
	Addr uint64
	Len  int
	Off  int
}

// prefetchIovecs reads, in one request, the part of each buffer of the
// iovec elements elems that Buf will print (max bytes in all, as
// iovecData splits them, and at most -s of each), so that printing n
// buffers costs one read rather than n. A buffer the read did not reach
// entirely is left to Buf's own read, whose failure prints its address
// as strace does.
//
// Chosen for speed: a read of tracee memory is the dearest step of a
// decoded line (≈ 0.4 µs warm, one process_vm_readv; two ranges in one
// cost ≈ 0.5 µs), and a server's writev of headers and body is on every
// response.
func (d *Decoder) prefetchIovecs(elems []byte, max uint64) {
	vm, ok := d.Mem.(VecMemory)
	if !ok {
		return
	}
	segs, total := d.segs[:0], 0
	for off := 0; off+16 <= len(elems); off += 16 {
		base := binary.LittleEndian.Uint64(elems[off:])
		show := binary.LittleEndian.Uint64(elems[off+8:])
		if show > max {
			show = max
		}
		max -= show
		if show > uint64(d.Opts.StrSize) {
			show = uint64(d.Opts.StrSize)
		}
		if base == 0 || show == 0 {
			continue
		}
		if len(segs) == maxPrefetchSegs || uint64(total)+show > maxPrefetchBytes {
			break
		}
		segs = append(segs, Seg{Addr: base, Len: int(show)})
		total += int(show)
	}
	d.segs = segs
	if len(segs) < 2 {
		return
	}
	if cap(d.preBuf) < total {
		d.preBuf = make([]byte, total)
	}
	got, _ := vm.ReadMemv(segs, d.preBuf[:total])
	off := 0
	for _, s := range segs {
		if off+s.Len > got {
			break
		}
		d.pre = append(d.pre, preRead{Addr: s.Addr, Len: s.Len, Off: off})
		off += s.Len
	}
}

// prefetched returns the n bytes at addr if a prefetch read them.
func (d *Decoder) prefetched(addr uint64, n int) ([]byte, bool) {
	for _, p := range d.pre {
		if p.Addr == addr && p.Len == n {
			return d.preBuf[p.Off : p.Off+n], true
		}
	}
	return nil, false
}

// dropPrefetch forgets what prefetchIovecs read, once its array is printed.
func (d *Decoder) dropPrefetch() { d.pre = d.pre[:0] }

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
