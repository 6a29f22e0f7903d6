package syscalls

import (
	"bytes"
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
)

// pathMax bounds a path read, as the kernel's PATH_MAX does.
const pathMax = 4096

// maxRead bounds any single read of tracee memory a decoder makes, whatever
// a length argument says.
const maxRead = 1 << 20

// pageSize is the granularity strings are read in, so a string ending just
// before an unmapped page still reads.
const pageSize = 4096

// Read reads exactly n bytes at addr into the decoder's scratch buffer. It
// fails (ok false) on a NULL or unreadable address, a short read, or n
// beyond maxRead. The slice is valid until the next Read.
func (d *Decoder) Read(addr uint64, n int) ([]byte, bool) {
	if d.Terse {
		return nil, false
	}
	return d.readRaw(addr, n)
}

// readRaw is Read for data that prints whatever -e verbose= says (string
// and data buffers).
func (d *Decoder) readRaw(addr uint64, n int) ([]byte, bool) {
	if addr == 0 || n < 0 || n > maxRead || d.Mem == nil {
		return nil, false
	}
	if cap(d.scratch) < n {
		d.scratch = make([]byte, n)
	}
	b := d.scratch[:n]
	if n == 0 {
		return b, true
	}
	if len(d.pre) > 0 {
		if p, ok := d.prefetched(addr, n); ok {
			return p, true
		}
	}
	got, _ := d.Mem.ReadMem(addr, b)
	if got != n {
		return nil, false
	}
	return b, true
}

// ReadU64 reads one 8-byte little-endian word.
func (d *Decoder) ReadU64(addr uint64) (uint64, bool) {
	b, ok := d.Read(addr, 8)
	if !ok {
		return 0, false
	}
	return binary.LittleEndian.Uint64(b), true
}

// ReadU32 reads one 4-byte little-endian word.
func (d *Decoder) ReadU32(addr uint64) (uint32, bool) {
	b, ok := d.Read(addr, 4)
	if !ok {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b), true
}

// firstStrChunk is how much of a C string the first read takes.
const firstStrChunk = 256

// readCString reads a NUL-terminated string of at most max bytes at addr,
// a page at a time (the first read shorter). It returns the bytes before
// the NUL (or max+1 bytes when there is no NUL within max, so the caller
// can tell truncation), and false when the memory could not be read up to
// either.
func (d *Decoder) readCString(addr uint64, max int) ([]byte, bool) {
	if addr == 0 || d.Mem == nil {
		return nil, false
	}
	want := max + 1
	out := d.strbuf[:0]
	for len(out) < want {
		chunk := pageSize - int(addr%pageSize)
		if len(out) == 0 && chunk > firstStrChunk {
			// Chosen for speed: most strings are short, and copying
			// to the end of the page (up to 4 KiB) per path cost
			// more than a second read for the rare long one.
			chunk = firstStrChunk
		}
		if chunk > want-len(out) {
			chunk = want - len(out)
		}
		if cap(out)-len(out) < chunk {
			grown := make([]byte, len(out), len(out)+chunk+pageSize)
			copy(grown, out)
			out = grown
		}
		buf := out[len(out) : len(out)+chunk]
		n, _ := d.Mem.ReadMem(addr, buf)
		if i := bytes.IndexByte(buf[:n], 0); i >= 0 {
			out = out[:len(out)+i]
			d.strbuf = out
			return out, true
		}
		if n < chunk {
			d.strbuf = out
			return nil, false
		}
		out = out[:len(out)+n]
		addr += uint64(n)
	}
	d.strbuf = out
	return out, true
}

// Addr appends a pointer as strace prints one it does not follow: NULL for
// zero, else hex.
func (d *Decoder) Addr(v uint64) {
	if v == 0 {
		d.B = append(d.B, "NULL"...)
		return
	}
	d.B = format.AppendHex(d.B, v)
}

// Hex appends v in hex (%#lx).
func (d *Decoder) Hex(v uint64) { d.B = format.AppendHex(d.B, v) }

// Int appends v as a signed decimal.
func (d *Decoder) Int(v int64) { d.B = strconv.AppendInt(d.B, v, 10) }

// Uint appends v as an unsigned decimal.
func (d *Decoder) Uint(v uint64) { d.B = strconv.AppendUint(d.B, v, 10) }

// Str appends the NUL-terminated string at addr, at most -s bytes, with
// "..." after a truncated one; NULL, or the bare address when unreadable.
func (d *Decoder) Str(addr uint64) { d.cstr(addr, d.Opts.StrSize) }

// Path appends the NUL-terminated path at addr (bounded by PATH_MAX, not
// by -s, as strace does).
func (d *Decoder) Path(addr uint64) { d.cstr(addr, pathMax-1) }

func (d *Decoder) cstr(addr uint64, max int) {
	if addr == 0 {
		d.B = append(d.B, "NULL"...)
		return
	}
	s, ok := d.readCString(addr, max)
	if !ok {
		d.Hex(addr)
		return
	}
	if len(s) > max {
		d.B = format.AppendQuoted(d.B, s[:max], d.Opts.X, false)
		d.B = append(d.B, "..."...)
		return
	}
	d.B = format.AppendQuoted(d.B, s, d.Opts.X, false)
}

// Buf appends n bytes of data at addr as a quoted string: at most -s bytes,
// then "..." if n was longer; NULL or the bare address when unreadable.
func (d *Decoder) Buf(addr uint64, n uint64) {
	if addr == 0 {
		d.B = append(d.B, "NULL"...)
		return
	}
	show := n
	if show > uint64(d.Opts.StrSize) {
		show = uint64(d.Opts.StrSize)
	}
	b, ok := d.readRaw(addr, int(show))
	if !ok {
		d.Hex(addr)
		return
	}
	d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
	if n > show {
		d.B = append(d.B, "..."...)
	}
}

// Fd appends a file descriptor, with its -y decoration.
func (d *Decoder) Fd(fd int) {
	d.B = strconv.AppendInt(d.B, int64(fd), 10)
	if d.Opts.FdDecor != nil {
		if fd >= 0 {
			d.B = d.Opts.FdDecor(d.B, fd)
		}
		return
	}
	if d.Opts.FdPath != nil && fd >= 0 {
		if p := d.Opts.FdPath(fd); p != "" {
			d.B = append(d.B, '<')
			d.B = append(d.B, p...)
			d.B = append(d.B, '>')
		}
	}
}

// Flags appends v through a flag set in the decoder's -X style.
func (d *Decoder) Flags(fs format.FlagSet, v uint64, dflt string) {
	d.B = fs.Append(d.B, v, d.Opts.Style, dflt)
}

// Value appends v through a value set in the decoder's -X style; unknown
// values print in hex with the dflt comment.
func (d *Decoder) Value(vs format.ValueSet, v uint64, dflt string) {
	d.B = vs.Append(d.B, v, d.Opts.Style, dflt, false)
}

// ValueDec is Value with unknown (and raw) values in decimal.
func (d *Decoder) ValueDec(vs format.ValueSet, v uint64, dflt string) {
	d.B = vs.Append(d.B, v, d.Opts.Style, dflt, true)
}

// S appends a literal.
func (d *Decoder) S(s string) { d.B = append(d.B, s...) }
