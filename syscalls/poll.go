package syscalls

import (
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
)

// poll, ppoll, select and pselect6. Their arguments are printed at entry,
// and what the call reported ([{fd=3, revents=POLLIN}], "in [3]", "left
// {…}", "Timeout") goes after the return value, in Call.Detail.
//
// The framework has no exit hook for a call whose arguments all print at
// entry, so the last argument of each is an AtExit kind whose Save prints
// it at entry (Save runs at entry and may append to d.B, right after the
// separator Enter wrote) and whose Print, at exit, prints nothing and sets
// Call.Detail. The line thus reads as strace's does, also when cut by
// "<unfinished ...>".

// poll.go's flag and value sets are listed in xlat/poll.txt, from which
// go generate writes zxlat.go.

// The poll bits x/sys does not define (asm-generic/poll.h values).
const (
	pollBitRdnorm   = 0x40
	pollBitRdband   = 0x80
	pollBitWrnorm   = 0x100
	pollBitWrband   = 0x200
	pollBitMsg      = 0x400
	pollBitRemove   = 0x1000
	pollBitBusyLoop = 0x8000
)

// sizeofPollfd is struct pollfd: int fd, short events, short revents.
const sizeofPollfd = 8

// maxSelectFds bounds the descriptors select's sets are read for, as
// strace bounds them.
const maxSelectFds = 1 << 20

// pollfd appends one struct pollfd (at entry): {fd=3, events=POLLIN}, just
// {fd=-1} for a negative fd.
func (d *Decoder) pollfd(b []byte) {
	fd := int32(binary.LittleEndian.Uint32(b))
	d.S("{fd=")
	d.Fd(int(fd))
	if fd >= 0 {
		d.S(", events=")
		d.Flags(pollEvents, uint64(binary.LittleEndian.Uint16(b[4:])), "POLL???")
	}
	d.S("}")
}

// pollResult returns what poll and ppoll report after the return value:
// "Timeout" for 0; else the pollfds with revents set and, when tsp is not
// 0, the time left ("left {…}").
func (d *Decoder) pollResult(c *Call, tsp uint64) string {
	if c.Failed() {
		return ""
	}
	if c.Ret == 0 {
		return "Timeout"
	}
	if d.Terse {
		return "" // outside -e verbose=, strace names neither fds nor time left
	}
	start, n := c.Args[0], uint64(uint32(c.Args[1]))
	var out []byte
	size := n * sizeofPollfd
	if start != 0 && n != 0 && start+size > start {
		printed := uint64(0)
		limit := n
		if !d.Opts.Verbose {
			limit = uint64(d.Opts.StrSize)
		}
		for i := uint64(0); i < n && i < maxArrayBytes/sizeofPollfd; i++ {
			cur := start + i*sizeofPollfd
			b, ok := d.Read(cur, sizeofPollfd)
			if !ok {
				out = appendSep(out)
				out = format.AppendHex(out, cur)
				break
			}
			revents := binary.LittleEndian.Uint16(b[6:])
			if revents == 0 {
				continue
			}
			out = appendSep(out)
			if printed+1 > limit {
				out = append(out, "..."...)
				break
			}
			out = append(out, "{fd="...)
			out = strconv.AppendInt(out, int64(int32(binary.LittleEndian.Uint32(b))), 10)
			out = append(out, ", revents="...)
			out = pollEvents.Append(out, uint64(revents), d.Opts.Style, "")
			out = append(out, '}')
			printed++
		}
		if len(out) > 0 {
			out = append(out, ']')
		}
	}
	if tsp != 0 {
		if len(out) > 0 {
			out = append(out, ", "...)
		}
		out = append(out, "left "...)
		out = appendPollTime(out, d, tsp, false)
	}
	return string(out)
}

// appendSep starts a bracketed list or continues one.
func appendSep(out []byte) []byte {
	if len(out) == 0 {
		return append(out, '[')
	}
	return append(out, ", "...)
}

// appendPollTime appends the struct timespec (or with usec, timeval) at
// addr: {tv_sec=1, tv_nsec=0}; NULL, or the address when unreadable.
func appendPollTime(out []byte, d *Decoder, addr uint64, usec bool) []byte {
	if addr == 0 {
		return append(out, "NULL"...)
	}
	b, ok := d.Read(addr, 16)
	if !ok {
		return format.AppendHex(out, addr)
	}
	out = append(out, "{tv_sec="...)
	out = strconv.AppendInt(out, int64(binary.LittleEndian.Uint64(b)), 10)
	if usec {
		out = append(out, ", tv_usec="...)
	} else {
		out = append(out, ", tv_nsec="...)
	}
	out = strconv.AppendInt(out, int64(binary.LittleEndian.Uint64(b[8:])), 10)
	return append(out, '}')
}

// selectNfds returns select's nfds as strace bounds it.
func selectNfds(c *Call) int {
	n := int(int32(c.Args[0]))
	if n < 0 {
		n = 0
	}
	if n > maxSelectFds {
		n = maxSelectFds
	}
	return n
}

// fdSetBytes is the size of the fd_set select reads for nfds descriptors:
// whole longs.
func fdSetBytes(nfds int) int { return ((nfds+7)/8 + 7) &^ 7 }

// selectResult returns what select and pselect6 report after the return
// value: "Timeout", or the ready descriptors of each set ("in [3], out
// [4]") and the time left.
func (d *Decoder) selectResult(c *Call, usec bool) string {
	if c.Failed() {
		return ""
	}
	ready := c.Ret
	if ready == 0 {
		return "Timeout"
	}
	nfds := selectNfds(c)
	size := fdSetBytes(nfds)
	var out []byte
	sep := ""
	names := [3]string{"in", "out", "except"}
	for i := 0; i < 3 && ready > 0; i++ {
		addr := c.Args[i+1]
		if addr == 0 || size == 0 {
			continue
		}
		// strace reads the ready sets even outside -e verbose=.
		b, ok := d.readRaw(addr, size)
		if !ok {
			continue
		}
		first := true
		for j := 0; j < nfds; j++ {
			if b[j/8]&(1<<(j%8)) == 0 {
				continue
			}
			if first {
				out = append(out, sep...)
				out = append(out, names[i]...)
				out = append(out, " ["...)
				first, sep = false, ", "
			} else {
				out = append(out, ' ')
			}
			out = strconv.AppendInt(out, int64(j), 10)
			if ready--; ready == 0 {
				break
			}
		}
		// strace closes the bracket after every set it read once
		// anything was printed, even a set with no ready descriptor.
		if len(out) > 0 {
			out = append(out, ']')
		}
	}
	if tv := c.Args[4]; tv != 0 {
		out = append(out, sep...)
		out = append(out, "left "...)
		out = appendPollTime(out, d, tv, usec)
	}
	return string(out)
}

var (
	// PollFds prints poll's array of struct pollfd at entry; its count
	// is the next argument.
	PollFds = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.array(c.Args[i], uint64(uint32(c.Args[i+1])), sizeofPollfd, d.pollfd)
	}}
	// PollTimeout prints poll's timeout (an int, in ms) at entry and, at
	// exit, sets the ready pollfds or "Timeout" as the call's detail.
	PollTimeout = &Arg{AtExit: true,
		Save:  func(d *Decoder, c *Call, i int) { d.Int(int64(int32(c.Args[i]))) },
		Print: func(d *Decoder, c *Call, i int) { c.Detail = d.pollResult(c, 0) }}
	// PollTimespec prints a struct timespec the call reads at entry
	// (ppoll's and pselect6's timeout).
	PollTimespec = &Arg{Print: func(d *Decoder, c *Call, i int) { d.B = appendPollTime(d.B, d, c.Args[i], false) }}
	// SigmaskIn prints a signal mask at entry (ppoll's); its size is the
	// next argument.
	SigmaskIn = &Arg{Print: func(d *Decoder, c *Call, i int) { d.sigsetAt(c.Args[i], c.Args[i+1], 8) }}
	// PpollSigsetsize prints ppoll's sigsetsize (the last argument) at
	// entry and, at exit, sets the ready pollfds and the time left in
	// the timespec two arguments before as the call's detail.
	PpollSigsetsize = &Arg{AtExit: true,
		Save:  func(d *Decoder, c *Call, i int) { d.Uint(c.Args[i]) },
		Print: func(d *Decoder, c *Call, i int) { c.Detail = d.pollResult(c, c.Args[2]) }}
	// SelectFds prints one of select's fd_sets at entry: [3 4]; its size is
	// nfds, the first argument.
	SelectFds = &Arg{Print: func(d *Decoder, c *Call, i int) {
		nfds := selectNfds(c)
		size := fdSetBytes(nfds)
		addr := c.Args[i]
		if size == 0 {
			d.Addr(addr)
			return
		}
		b, ok := d.Read(addr, size)
		if !ok {
			d.Addr(addr)
			return
		}
		d.S("[")
		first := true
		for j := 0; j < nfds; j++ {
			if b[j/8]&(1<<(j%8)) != 0 {
				if !first {
					d.S(" ")
				}
				first = false
				d.Fd(j)
			}
		}
		d.S("]")
	}}
	// SelectTimeout prints select's struct timeval at entry and, at
	// exit, sets the ready descriptors and the time left as the call's
	// detail.
	SelectTimeout = &Arg{AtExit: true,
		Save:  func(d *Decoder, c *Call, i int) { d.B = appendPollTime(d.B, d, c.Args[i], true) },
		Print: func(d *Decoder, c *Call, i int) { c.Detail = d.selectResult(c, true) }}
	// PselectSigmask prints pselect6's last argument at entry, a pointer
	// to a sigmask pointer and its size: {sigmask=[USR1], sigsetsize=8};
	// and, at exit, sets the ready
	// descriptors and the time left in the timespec as the call's detail.
	PselectSigmask = &Arg{AtExit: true,
		Save:  func(d *Decoder, c *Call, i int) { d.kernelSigset(c.Args[i]) },
		Print: func(d *Decoder, c *Call, i int) { c.Detail = d.selectResult(c, false) }}
)
