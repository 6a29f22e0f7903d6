package main

// The /proc/PID/net fallback of -yy: when sock_diag cannot answer for a
// socket (fds.go, socketDetails), its details come from the process's
// table for the protocol — tcp, tcp6, udp, udp6, udplite, udplite6, raw,
// raw6, icmp and icmp6 (ping sockets), unix, netlink — the line whose
// inode is the socket's, printed as the sock_diag path prints it. A table
// is read only on a cache miss, line by line until that line, at most
// procNetMaxBytes of it; a line longer than procNetMaxLine, or one that
// does not read as the table's format, is skipped.
//
// What the tables cannot say: a unix socket's peer (/proc/net/unix has no
// peer inode), so a connected unix socket prints as strace prints one
// whose only details are its inode and path ("UNIX-STREAM:[123]",
// "UNIX-STREAM:[123,\"/run/x.sock\"]"); the NULs of an abstract name, which
// the kernel shows as '@'; and TCP sockets that are bound but neither
// listening nor connected, which sock_diag lists on recent kernels and
// /proc/net/tcp does not.

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strconv"
)

const (
	procNetMaxBytes = 32 << 20 // read no more of a table (some 200,000 TCP sockets)
	procNetMaxLine  = 4096     // a longer line is skipped (a unix path is at most 108 bytes)
)

// procNetTables names the table of each protocol (the names of
// sockProtos).
var procNetTables = map[string]string{
	"TCP": "tcp", "TCPv6": "tcp6", "UDP": "udp", "UDPv6": "udp6",
	"UDPLITE": "udplite", "UDPLITEv6": "udplite6", "RAW": "raw", "RAWv6": "raw6",
	"PING": "icmp", "PINGv6": "icmp6",
	"UNIX": "unix", "UNIX-STREAM": "unix", "UNIX-DGRAM": "unix", "UNIX-SEQPACKET": "unix",
	"NETLINK": "netlink",
}

// procNet reads the tables; its buffer is kept between lookups.
type procNet struct {
	rd *bufio.Reader
}

func (pn *procNet) close() { pn.rd = nil }

// scan calls fn on each line of pid's table (gotrace's own, /proc/net, if
// the process's cannot be opened), without its newline, until fn returns
// true; it reports whether one did.
func (pn *procNet) scan(pid int, table string, fn func(line []byte) bool) bool {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/net/" + table)
	if err != nil {
		if f, err = os.Open("/proc/net/" + table); err != nil {
			return false
		}
	}
	defer f.Close()
	return pn.scanReader(f, procNetMaxBytes, fn)
}

// scanReader is scan over r, reading at most limit bytes of it.
func (pn *procNet) scanReader(r io.Reader, limit int, fn func(line []byte) bool) bool {
	if pn.rd == nil {
		pn.rd = bufio.NewReaderSize(r, 64<<10)
	} else {
		pn.rd.Reset(r)
	}
	defer pn.rd.Reset(nil)
	skip := false // in the rest of a line too long for the buffer
	for read := 0; read < limit; {
		line, err := pn.rd.ReadSlice('\n')
		read += len(line)
		if read > limit {
			return false // a line cut short by the limit is not read
		}
		if err == bufio.ErrBufferFull {
			skip = true
			continue
		}
		if !skip && len(line) > 0 && len(line) <= procNetMaxLine && fn(bytes.TrimSuffix(line, []byte{'\n'})) {
			return true
		}
		skip = false
		if err != nil {
			return false
		}
	}
	return false
}

// procNetDetails looks ino up in pid's table for proto. found is as for
// sock_diag: an IP or netlink socket is found when its line is there, a
// unix socket when its line is and it has a path or is connected (its
// peer, which strace would print, cannot be known).
func (fc *fdCache) procNetDetails(pid int, ino uint64, proto string) (text string, found bool) {
	table, ok := procNetTables[proto]
	if !ok || ino == 0 {
		return "", false
	}
	fc.pn.scan(pid, table, func(line []byte) bool {
		switch table {
		case "unix":
			u, ok := parseUnixLine(line)
			if !ok || u.ino != ino {
				return false
			}
			if u.path != nil || u.state == ssConnected {
				text, found = unixSockText(proto, ino, 0, u.path, fc.x), true
			}
		case "netlink":
			n, ok := parseNetlinkLine(line)
			if !ok || n.ino != ino {
				return false
			}
			text, found = netlinkSockText(proto, n.proto, n.portid), true
		default:
			s, ok := parseInetLine(line)
			if !ok || s.ino != ino {
				return false
			}
			text, found = inetSockText(proto, s.src[:s.alen], s.dst[:s.alen], s.sport, s.dport), true
		}
		return true
	})
	return text, found
}

// inetLine is what a line of /proc/net/{tcp,udp,udplite,raw,icmp}[6]
// says of a socket.
type inetLine struct {
	src, dst     [16]byte // network order, alen bytes used
	alen         int      // 4 or 16
	sport, dport uint16
	ino          uint64
}

// parseInetLine reads a line of an IP table:
//
//	sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode …
//	 0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345 …
//
// An address is the kernel's 32-bit words printed as host-order numbers
// (%08X each), a port a host-order number (%04X). The header and any line
// not of this form read as not ok.
func parseInetLine(line []byte) (s inetLine, ok bool) {
	var f [10][]byte
	if _, ok := fields(line, f[:]); !ok || !isSlot(f[0]) {
		return s, false
	}
	var n1, n2 int
	if n1, s.sport, ok = inetAddr(f[1], s.src[:]); !ok {
		return s, false
	}
	if n2, s.dport, ok = inetAddr(f[2], s.dst[:]); !ok || n1 != n2 {
		return s, false
	}
	s.alen = n1
	if s.ino, ok = decimal(f[9]); !ok {
		return s, false
	}
	return s, true
}

// isSlot checks a line's first field, "N:" (the slot of an IP table) or
// the hex address of a unix table's.
func isSlot(b []byte) bool {
	if len(b) < 2 || b[len(b)-1] != ':' {
		return false
	}
	for _, c := range b[:len(b)-1] {
		if hexVal(c) < 0 {
			return false
		}
	}
	return true
}

// inetAddr reads "ADDR:PORT" into a (16 bytes) and returns the address's
// length.
func inetAddr(b, a []byte) (int, uint16, bool) {
	i := bytes.IndexByte(b, ':')
	if i < 0 || (i != 8 && i != 32) || len(b)-i-1 != 4 {
		return 0, 0, false
	}
	for w := 0; w < i/8; w++ {
		v, ok := hexWord(b[8*w : 8*w+8])
		if !ok {
			return 0, 0, false
		}
		ne.PutUint32(a[4*w:], uint32(v))
	}
	p, ok := hexWord(b[i+1:])
	return i / 2, uint16(p), ok
}

// hexWord reads up to 8 hex digits.
func hexWord(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 8 {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		d := hexVal(c)
		if d < 0 {
			return 0, false
		}
		v = v<<4 | uint64(d)
	}
	return v, true
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return -1
}

// decimal reads a decimal number of at most 19 digits.
func decimal(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}

// fields reads the first len(f) blank-separated words of line into f and
// returns the index after the last; ok says there were that many.
func fields(line []byte, f [][]byte) (end int, ok bool) {
	for k := range f {
		f[k], end = nextField(line, end)
		if f[k] == nil {
			return end, false
		}
	}
	return end, true
}

// nextField returns the word of line at or after i (after blanks) and the
// index after it; nil when there is none.
func nextField(line []byte, i int) ([]byte, int) {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	for j < len(line) && line[j] != ' ' && line[j] != '\t' {
		j++
	}
	if j == i {
		return nil, i
	}
	return line[i:j], j
}

// ssConnected is the St column of a connected unix socket.
const ssConnected = 3

// unixLine is what a line of /proc/net/unix says of a socket.
type unixLine struct {
	ino   uint64
	state int
	path  []byte // as sock_diag gives it: an abstract name with its leading NUL; nil if none
}

// parseUnixLine reads a line of /proc/net/unix:
//
//	Num       RefCount Protocol Flags    Type St Inode Path
//	0000000000000000: 00000002 00000000 00010000 0001 01 12345 /run/x.sock
//
// The path is the rest of the line after one blank (it may hold blanks);
// an abstract name is shown with an '@' for its leading NUL (and for any
// other NUL in it, which cannot be told from an '@').
func parseUnixLine(line []byte) (u unixLine, ok bool) {
	var f [7][]byte
	end, ok := fields(line, f[:])
	if !ok || !isSlot(f[0]) {
		return u, false
	}
	for _, k := range []int{1, 2, 3, 4, 5} {
		if _, ok := hexWord(f[k]); !ok {
			return u, false
		}
	}
	st, _ := hexWord(f[5])
	u.state = int(st)
	if u.ino, ok = decimal(f[6]); !ok {
		return u, false
	}
	// the path starts one blank after the inode
	if rest := line[end:]; len(rest) > 1 && rest[0] == ' ' {
		p := rest[1:]
		if p[0] == '@' {
			u.path = append([]byte{0}, p[1:]...)
		} else {
			u.path = append([]byte(nil), p...)
		}
	}
	return u, true
}

// netlinkLine is what a line of /proc/net/netlink says of a socket.
type netlinkLine struct {
	proto  int
	portid uint32
	ino    uint64
}

// parseNetlinkLine reads a line of /proc/net/netlink:
//
//	sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode
//	0000000086da814d 0   1234       00000000 0        0        0     2        0        4
func parseNetlinkLine(line []byte) (n netlinkLine, ok bool) {
	var f [10][]byte
	if _, ok := fields(line, f[:]); !ok || len(f[0]) > 16 {
		return n, false
	}
	for _, c := range f[0] {
		if hexVal(c) < 0 {
			return n, false // the header's "sk"
		}
	}
	p, ok1 := decimal(f[1])
	id, ok2 := decimal(f[2])
	ino, ok3 := decimal(f[9])
	if !ok1 || !ok2 || !ok3 || p > 255 || id > 1<<32-1 {
		return n, false
	}
	return netlinkLine{proto: int(p), portid: uint32(id), ino: ino}, true
}
