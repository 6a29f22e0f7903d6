package main

// -y, -yy and --decode-fds: what an fd refers to, as strace prints it after
// the number. The text is built once per (process, fd) from
// /proc/PID/fd/FD (and, for sockets, the sock_diag netlink interface, with
// the /proc/PID/net tables as a fallback: procnet.go) and cached until a
// syscall can have changed it: close, dup2/dup3 onto it, a call returning
// it, close_range, execve, fd passing. A traced call costs a map lookup,
// not a /proc read.
//
// Test hook: GOTRACE_NO_SOCK_DIAG=1 in gotrace's environment turns
// sock_diag off, so every socket is looked up in /proc/PID/net — the path
// taken where the kernel has no sock_diag, which the tests cannot arrange.

import (
	"bytes"
	"encoding/binary"
	"os"
	"strconv"
	"strings"

	"github.com/gotrace/gotrace/format"
	"github.com/gotrace/gotrace/ptrace"
	"github.com/gotrace/gotrace/syscalls"
	"golang.org/x/sys/unix"
)

// The --decode-fds words.
const (
	decodePath uint8 = 1 << iota
	decodeSocket
	decodeDev
	decodePidfd
)

// parseDecodeFds reads a --decode-fds / -e decode-fds= set.
func parseDecodeFds(spec string) (uint8, error) {
	set, err := syscalls.ParseWordSet("decode-fds", spec)
	if err != nil {
		return 0, err
	}
	var m uint8
	for i, w := range []string{"path", "socket", "dev", "pidfd"} {
		if set.Has(w) {
			m |= 1 << i
		}
	}
	return m, nil
}

// fdEntry is what is known of one fd of one process.
type fdEntry struct {
	link  string // readlink of /proc/PID/fd/FD; "" if that failed
	decor string // the decoration after the number, brackets included
	// sock is the socket inode, when link is "socket:[N]"; sockDone says
	// its details were found (strace caches only found ones), sockStale
	// that a network call on the fd may have changed what a lookup finds.
	sock     uint64
	proto    string
	sockDone bool
	// nlProto is what NetlinkProto found, when nlKnown: a netlink
	// protocol, or -2 for an fd that is not a netlink socket. An unknown
	// protocol (an unbound socket) is not kept: the next call asks again.
	nlProto   int
	nlKnown   bool
	sockStale bool
}

// fdTable is the fds of one process (a thread group shares them).
type fdTable struct {
	pid   int
	fds   map[int]*fdEntry
	cwd   string
	cwdOK bool
	netns uint8 // netnsUnknown, netnsSame or netnsOther: the process's network namespace against gotrace's
}

// fdCache resolves fds for every traced process.
type fdCache struct {
	mode   uint8
	x      format.XMode
	tables map[int]*fdTable // by tgid
	tgids  map[int]int      // tid → tgid
	cur    *fdTable         // the process of the event being handled
	// inodes holds the socket details found, by inode, as strace's
	// cache does: a socket keeps the text of its first successful lookup.
	inodes map[uint64]string
	nl     int // the NETLINK_SOCK_DIAG socket, -1 until needed, nlNone if there is none
	nlBuf  []byte
	buf    []byte
	pn     procNet // the /proc/PID/net fallback's reader
	selfNS [2]uint64
	selfOK uint8 // 0: gotrace's netns not read yet, 1: read, 2: unreadable
}

// nlNone is fdCache.nl when sock_diag is unavailable: the socket could
// not be created, or the test hook turned it off.
const nlNone = -2

// noSockDiag is the test hook (see the top of the file).
var noSockDiag = os.Getenv("GOTRACE_NO_SOCK_DIAG") == "1"

func newFdCache(mode uint8, x format.XMode) *fdCache {
	fc := &fdCache{
		mode: mode, x: x, tables: map[int]*fdTable{}, tgids: map[int]int{},
		inodes: map[uint64]string{}, nl: -1, buf: make([]byte, 0, 256),
	}
	if noSockDiag {
		fc.nl = nlNone
	}
	return fc
}

// tgid returns the thread group of tid, read from /proc once per thread.
func (fc *fdCache) tgid(tid int) int {
	if g, ok := fc.tgids[tid]; ok {
		return g
	}
	g := tid
	if b, err := os.ReadFile("/proc/" + strconv.Itoa(tid) + "/status"); err == nil {
		if i := bytes.Index(b, []byte("\nTgid:")); i >= 0 {
			rest := b[i+6:]
			if j := bytes.IndexByte(rest, '\n'); j >= 0 {
				rest = rest[:j]
			}
			if n, err := strconv.Atoi(strings.TrimSpace(string(rest))); err == nil && n > 0 {
				g = n // (a reaped thread's status says 0)
			}
		}
	}
	fc.tgids[tid] = g
	return g
}

// use makes tid's process the current one.
func (fc *fdCache) use(tid int) *fdTable {
	g := fc.tgid(tid)
	t := fc.tables[g]
	if t == nil {
		t = &fdTable{pid: g, fds: map[int]*fdEntry{}}
		fc.tables[g] = t
	}
	fc.cur = t
	return t
}

// forgetThread drops what is kept for a thread that is gone; the leader's
// exit drops its process's fds.
func (fc *fdCache) forgetThread(tid int) {
	if g, ok := fc.tgids[tid]; ok && g == tid {
		delete(fc.tables, g)
	}
	delete(fc.tgids, tid)
	fc.cur = nil
}

// invalidate forgets one fd of the current process.
func (fc *fdCache) invalidate(fd int) {
	if fc.cur != nil {
		delete(fc.cur.fds, fd)
	}
}

// clear forgets every fd of the current process (execve, close_range).
func (fc *fdCache) clear() {
	if fc.cur != nil {
		fc.cur.fds = map[int]*fdEntry{}
		fc.cur.cwdOK = false
	}
}

// touchSocket notes a network call on fd: an unresolved socket is looked up
// again the next time it prints.
func (fc *fdCache) touchSocket(fd int) {
	if fc.cur != nil {
		if e := fc.cur.fds[fd]; e != nil && e.sock != 0 && !e.sockDone {
			e.sockStale = true
		}
	}
}

// entry returns fd's entry in the current process, resolving it if new.
func (fc *fdCache) entry(fd int) *fdEntry {
	t := fc.cur
	if t == nil {
		return nil
	}
	e := t.fds[fd]
	if e == nil {
		e = &fdEntry{}
		n, err := unix.Readlink("/proc/"+strconv.Itoa(t.pid)+"/fd/"+strconv.Itoa(fd), fc.buf[:cap(fc.buf)])
		if err == nil {
			e.link = string(fc.buf[:n])
		}
		fc.build(t, fd, e)
		t.fds[fd] = e
	} else if e.sockStale {
		e.sockStale = false
		fc.build(t, fd, e)
	}
	return e
}

// Path returns the link of fd in the current process ("" if unknown), for
// -P.
func (fc *fdCache) Path(fd int) string {
	if fd < 0 {
		return ""
	}
	if e := fc.entry(fd); e != nil {
		return e.link
	}
	return ""
}

// Decor appends fd's decoration: the FdDecor hook of the decoder.
func (fc *fdCache) Decor(dst []byte, fd int) []byte {
	if fd == unix.AT_FDCWD {
		if fc.mode&decodePath == 0 || fc.cur == nil {
			return dst
		}
		t := fc.cur
		if !t.cwdOK {
			n, err := unix.Readlink("/proc/"+strconv.Itoa(t.pid)+"/cwd", fc.buf[:cap(fc.buf)])
			t.cwd, t.cwdOK = "", true
			if err == nil {
				t.cwd = string(quoteAngle(nil, fc.buf[:n], fc.x, '<', '>'))
			}
		}
		if t.cwd == "" {
			return dst
		}
		dst = append(dst, '<')
		dst = append(dst, t.cwd...)
		return append(dst, '>')
	}
	e := fc.entry(fd)
	if e == nil {
		return dst
	}
	return append(dst, e.decor...)
}

// build computes e.decor from e.link, as strace 6.1 chooses: a socket's
// protocol details, a device's type and numbers, a pidfd's pid, else the
// path — each only when its --decode-fds word is on.
func (fc *fdCache) build(t *fdTable, fd int, e *fdEntry) {
	e.decor = ""
	if e.link == "" {
		return
	}
	if fc.mode&decodeSocket != 0 {
		if ino := socketInode(e.link); ino != 0 {
			e.sock = ino
			if e.proto == "" {
				p := make([]byte, 32)
				if n, err := unix.Getxattr("/proc/"+strconv.Itoa(t.pid)+"/fd/"+strconv.Itoa(fd), "system.sockprotoname", p); err == nil {
					e.proto = strings.TrimRight(string(p[:n]), "\x00")
				}
			}
			text, found := fc.socketDetails(t, ino, e.proto)
			e.sockDone = found
			e.decor = "<" + text + ">"
			return
		}
	}
	if fc.mode&decodeDev != 0 && strings.HasPrefix(e.link, "/") {
		var st unix.Stat_t
		if unix.Stat(e.link, &st) == nil && (st.Mode&unix.S_IFMT == unix.S_IFCHR || st.Mode&unix.S_IFMT == unix.S_IFBLK) {
			kind := "char"
			if st.Mode&unix.S_IFMT == unix.S_IFBLK {
				kind = "block"
			}
			b := append([]byte{'<'}, quoteAngle(nil, []byte(e.link), fc.x, '<', '>')...)
			b = append(b, '<')
			b = append(b, kind...)
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(unix.Major(st.Rdev)), 10)
			b = append(b, ':')
			b = strconv.AppendUint(b, uint64(unix.Minor(st.Rdev)), 10)
			e.decor = string(append(b, '>', '>'))
			return
		}
	}
	if fc.mode&decodePidfd != 0 && e.link == "anon_inode:[pidfd]" {
		if pid := fdinfoPid(t.pid, fd); pid > 0 {
			e.decor = "<pid:" + strconv.Itoa(pid) + ">"
			return
		}
	}
	if fc.mode&decodePath != 0 {
		link, deleted := e.link, ""
		if strings.HasSuffix(link, " (deleted)") {
			// The kernel marks an unlinked file; strace moves the mark
			// after the brackets when the path no longer names it.
			var a, b unix.Stat_t
			p := link[:len(link)-len(" (deleted)")]
			if unix.Stat("/proc/"+strconv.Itoa(t.pid)+"/fd/"+strconv.Itoa(fd), &a) == nil &&
				(unix.Lstat(p, &b) != nil || a.Ino != b.Ino || a.Dev != b.Dev) {
				link, deleted = p, "(deleted)"
			}
		}
		b := append([]byte{'<'}, quoteAngle(nil, []byte(link), fc.x, '<', '>')...)
		e.decor = string(append(b, '>')) + deleted
	}
}

// quoteAngle quotes s as strace prints a path inside angle brackets: its
// string quoting without the quotes, and the brackets escaped too.
func quoteAngle(dst, s []byte, x format.XMode, esc ...byte) []byte {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && bytes.IndexByte(esc, s[i]) < 0 {
			continue
		}
		if i > start {
			q := format.AppendQuoted(nil, s[start:i], x, false)
			dst = append(dst, q[1:len(q)-1]...)
		}
		if i < len(s) {
			c := s[i]
			if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7' {
				dst = append(dst, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
			} else {
				dst = append(dst, '\\', '0'+(c>>3)&7, '0'+c&7)
			}
		}
		start = i + 1
	}
	return dst
}

// socketInode reads "socket:[N]".
func socketInode(link string) uint64 {
	if !strings.HasPrefix(link, "socket:[") || !strings.HasSuffix(link, "]") {
		return 0
	}
	n, err := strconv.ParseUint(link[8:len(link)-1], 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// fdinfoPid reads the "Pid:" line of a pidfd's fdinfo.
func fdinfoPid(pid, fd int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/fdinfo/" + strconv.Itoa(fd))
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "Pid:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err == nil {
				return n
			}
		}
	}
	return -1
}

// sockProtos maps the protocol names the kernel reports (the
// system.sockprotoname attribute) to the sock_diag query that finds the
// socket: the family and the IP protocol.
var sockProtos = map[string][2]uint8{
	"TCP": {unix.AF_INET, unix.IPPROTO_TCP}, "TCPv6": {unix.AF_INET6, unix.IPPROTO_TCP},
	"UDP": {unix.AF_INET, unix.IPPROTO_UDP}, "UDPv6": {unix.AF_INET6, unix.IPPROTO_UDP},
	"UDPLITE": {unix.AF_INET, unix.IPPROTO_UDPLITE}, "UDPLITEv6": {unix.AF_INET6, unix.IPPROTO_UDPLITE},
	"DCCP": {unix.AF_INET, unix.IPPROTO_DCCP}, "DCCPv6": {unix.AF_INET6, unix.IPPROTO_DCCP},
	"SCTP": {unix.AF_INET, unix.IPPROTO_SCTP}, "SCTPv6": {unix.AF_INET6, unix.IPPROTO_SCTP},
	"L2TP/IP": {unix.AF_INET, unix.IPPROTO_L2TP}, "L2TP/IPv6": {unix.AF_INET6, unix.IPPROTO_L2TP},
	"PING": {unix.AF_INET, unix.IPPROTO_ICMP}, "PINGv6": {unix.AF_INET6, unix.IPPROTO_ICMP},
	"RAW": {unix.AF_INET, unix.IPPROTO_RAW}, "RAWv6": {unix.AF_INET6, unix.IPPROTO_RAW},
	"UNIX": {unix.AF_UNIX}, "UNIX-STREAM": {unix.AF_UNIX}, "UNIX-DGRAM": {unix.AF_UNIX},
	"UNIX-SEQPACKET": {unix.AF_UNIX}, "NETLINK": {unix.AF_NETLINK},
}

// socketDetails returns the text strace prints for a socket inode of t's
// process: "TCP:[src->dst]", "UNIX-STREAM:[ino->peer]"…, found says the
// lookup succeeded (else the text is "PROTO:[ino]", or "socket:[ino]" for
// an unknown protocol). sock_diag answers first; the /proc/PID/net tables
// when it could not answer (no sock_diag socket, no diag module for the
// protocol, an error), or when its complete answer lacks the socket and
// the process is in another network namespace than gotrace (sock_diag
// sees gotrace's, /proc/PID/net the process's; in the same namespace the
// table would not have it either, and is not read).
func (fc *fdCache) socketDetails(t *fdTable, ino uint64, proto string) (string, bool) {
	if s, ok := fc.inodes[ino]; ok {
		return s, true
	}
	q, known := sockProtos[proto]
	if !known {
		return "socket:[" + strconv.FormatUint(ino, 10) + "]", false
	}
	var s string
	var r diagResult
	switch q[0] {
	case unix.AF_UNIX:
		s, r = fc.unixDiag(ino, proto)
	case unix.AF_NETLINK:
		s, r = fc.netlinkDiag(ino, proto)
	default:
		s, r = fc.inetDiag(ino, proto, q[0], q[1])
	}
	found := r == diagFound
	if r == diagFailed || (r == diagAbsent && fc.otherNetns(t)) {
		s, found = fc.procNetDetails(t.pid, ino, proto)
	}
	if !found {
		return proto + ":[" + strconv.FormatUint(ino, 10) + "]", false
	}
	fc.inodes[ino] = s
	return s, true
}

// diagResult is what a sock_diag lookup came to.
type diagResult uint8

const (
	diagFailed diagResult = iota // no answer: no socket, an error reply, a cut-short answer
	diagAbsent                   // a complete answer without the socket (or without details)
	diagFound
)

// Network namespaces of a process against gotrace's (fdTable.netns).
const (
	netnsUnknown uint8 = iota
	netnsSame
	netnsOther
)

// otherNetns says whether t's process is in another network namespace
// than gotrace, read once per process (and again after unshare or setns).
// If either cannot be read, it says no.
func (fc *fdCache) otherNetns(t *fdTable) bool {
	if t.netns == netnsUnknown {
		t.netns = netnsSame
		var st unix.Stat_t
		if fc.selfOK == 0 {
			fc.selfOK = 2
			if unix.Stat("/proc/self/ns/net", &st) == nil {
				fc.selfNS, fc.selfOK = [2]uint64{st.Dev, st.Ino}, 1
			}
		}
		if fc.selfOK == 1 && unix.Stat("/proc/"+strconv.Itoa(t.pid)+"/ns/net", &st) == nil &&
			[2]uint64{st.Dev, st.Ino} != fc.selfNS {
			t.netns = netnsOther
		}
	}
	return t.netns == netnsOther
}

const sockDiagByFamily = 20 // SOCK_DIAG_BY_FAMILY

var ne = binary.NativeEndian

// diag sends one sock_diag request and calls parse on each response
// message's payload until it returns true (found), the dump ends, or an
// error. It reports whether a message was found, or the answer was
// complete without one, or there was no answer.
func (fc *fdCache) diag(req []byte, dump bool, parse func(p []byte) bool) diagResult {
	if fc.nl == nlNone {
		return diagFailed
	}
	if fc.nl < 0 {
		s, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_SOCK_DIAG)
		if err != nil {
			fc.nl = nlNone // not retried: the /proc/PID/net tables answer
			return diagFailed
		}
		fc.nl = s
		fc.nlBuf = make([]byte, 32<<10)
	}
	flags := uint16(unix.NLM_F_REQUEST)
	if dump {
		flags |= unix.NLM_F_DUMP
	}
	msg := make([]byte, unix.NLMSG_HDRLEN+len(req))
	ne.PutUint32(msg[0:], uint32(len(msg)))
	ne.PutUint16(msg[4:], sockDiagByFamily)
	ne.PutUint16(msg[6:], flags)
	copy(msg[unix.NLMSG_HDRLEN:], req)
	if err := unix.Sendto(fc.nl, msg, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return diagFailed
	}
	found := false
	result := func(r diagResult) diagResult {
		if found {
			return diagFound
		}
		return r
	}
	for {
		n, _, err := unix.Recvfrom(fc.nl, fc.nlBuf, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return result(diagFailed)
		}
		b := fc.nlBuf[:n]
		for len(b) >= unix.NLMSG_HDRLEN {
			l := int(ne.Uint32(b))
			typ := ne.Uint16(b[4:])
			if l < unix.NLMSG_HDRLEN || l > len(b) {
				return result(diagFailed)
			}
			switch typ {
			case sockDiagByFamily:
			case unix.NLMSG_DONE:
				// The end of a dump; a dump that failed (no diag
				// module for the protocol…) carries its errno.
				if l >= unix.NLMSG_HDRLEN+4 && int32(ne.Uint32(b[unix.NLMSG_HDRLEN:])) < 0 {
					return result(diagFailed)
				}
				return result(diagAbsent)
			default:
				// NLMSG_ERROR: no handler for the family or protocol,
				// or (unix, asked by inode) no such socket here.
				return result(diagFailed)
			}
			if !found && parse(b[unix.NLMSG_HDRLEN:l]) {
				found = true
				if !dump {
					return diagFound
				}
			}
			b = b[(l+3)&^3:]
		}
		if !dump {
			// The answer to a single request: its message, without
			// the socket or its details.
			return result(diagAbsent)
		}
	}
}

// inetDiag finds an IP socket by dumping its protocol's sockets.
func (fc *fdCache) inetDiag(ino uint64, proto string, family, ipproto uint8) (string, diagResult) {
	req := make([]byte, 56) // struct inet_diag_req_v2
	req[0], req[1] = family, ipproto
	ne.PutUint32(req[4:], 0xffffffff) // every state
	var out string
	r := fc.diag(req, true, func(p []byte) bool {
		if len(p) < 72 || uint64(ne.Uint32(p[68:])) != ino {
			return false
		}
		alen := 4
		if p[0] == unix.AF_INET6 {
			alen = 16
		}
		sport, dport := binary.BigEndian.Uint16(p[4:]), binary.BigEndian.Uint16(p[6:])
		out = inetSockText(proto, p[8:8+alen], p[24:24+alen], sport, dport)
		return true
	})
	return out, r
}

// inetSockText is strace's text for an IP socket: "TCP:[src:port]", with
// "->dst:port" unless the destination is all zeros, IPv6 addresses in
// brackets. src and dst are 4 or 16 bytes, in network order.
func inetSockText(proto string, src, dst []byte, sport, dport uint16) string {
	addr := func(a []byte, port uint16) string {
		s := inetText(a)
		if len(a) == 16 {
			s = "[" + s + "]"
		}
		return s + ":" + strconv.Itoa(int(port))
	}
	s := proto + ":[" + addr(src, sport)
	if dport != 0 || !allZero(dst) {
		s += "->" + addr(dst, dport)
	}
	return s + "]"
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// inetText formats an IPv4 or IPv6 address as inet_ntop does.
func inetText(a []byte) string {
	if len(a) == 4 {
		return strconv.Itoa(int(a[0])) + "." + strconv.Itoa(int(a[1])) + "." + strconv.Itoa(int(a[2])) + "." + strconv.Itoa(int(a[3]))
	}
	var sa unix.SockaddrInet6
	copy(sa.Addr[:], a)
	return ipv6Text(sa.Addr)
}

// ipv6Text is RFC 5952 text (as glibc's inet_ntop writes it, with a
// v4-mapped or v4-compatible tail in dotted form).
func ipv6Text(a [16]byte) string {
	var w [8]int
	for i := range w {
		w[i] = int(a[2*i])<<8 | int(a[2*i+1])
	}
	// the longest run of zero words (at least two) becomes "::"
	best, bestLen := -1, 1
	for i := 0; i < 8; {
		if w[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && w[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	v4 := allZero(a[:10]) && ((a[10] == 0xff && a[11] == 0xff) || (allZero(a[10:12]) && best == 0 && bestLen == 6 && !(a[12] == 0 && a[13] == 0)))
	var sb strings.Builder
	end := 8
	if v4 {
		end = 6
	}
	for i := 0; i < end; i++ {
		if i == best {
			sb.WriteString("::")
			i += bestLen - 1
			continue
		}
		if i > 0 && i != best+bestLen {
			sb.WriteByte(':')
		}
		sb.WriteString(strconv.FormatInt(int64(w[i]), 16))
	}
	if v4 {
		if best+bestLen != 6 {
			sb.WriteByte(':')
		}
		sb.WriteString(inetText(a[12:]))
	}
	return sb.String()
}

// unixDiag asks for one unix socket by inode, with its name and peer.
func (fc *fdCache) unixDiag(ino uint64, proto string) (string, diagResult) {
	req := make([]byte, 24) // struct unix_diag_req
	req[0] = unix.AF_UNIX
	ne.PutUint32(req[4:], 0xffffffff)
	ne.PutUint32(req[8:], uint32(ino))
	ne.PutUint32(req[12:], 1|4) // UDIAG_SHOW_NAME | UDIAG_SHOW_PEER
	ne.PutUint32(req[16:], 0xffffffff)
	ne.PutUint32(req[20:], 0xffffffff)
	var out string
	r := fc.diag(req, false, func(p []byte) bool {
		if len(p) < 16 || uint64(ne.Uint32(p[4:])) != ino || p[0] != unix.AF_UNIX {
			return false
		}
		var peer uint32
		var name []byte
		havePath := false
		for a := p[16:]; len(a) >= 4; {
			l, typ := int(ne.Uint16(a)), ne.Uint16(a[2:])
			if l < 4 || l > len(a) {
				break
			}
			switch typ {
			case 0: // UNIX_DIAG_NAME
				if !havePath {
					name, havePath = append([]byte(nil), a[4:l]...), true
				}
			case 2: // UNIX_DIAG_PEER
				if l >= 8 {
					peer = ne.Uint32(a[4:])
				}
			}
			a = a[(l+3)&^3:]
		}
		if peer == 0 && len(name) == 0 {
			return false
		}
		out = unixSockText(proto, ino, peer, name, fc.x)
		return true
	})
	return out, r
}

// unixSockText is strace's text for a unix socket: "UNIX-STREAM:[ino]",
// with "->peer" when the peer is known and the quoted path after a comma
// (after ",@" for an abstract name, which starts with a NUL) when it has
// one.
func unixSockText(proto string, ino uint64, peer uint32, name []byte, x format.XMode) string {
	s := proto + ":[" + strconv.FormatUint(ino, 10)
	if peer != 0 {
		s += "->" + strconv.FormatUint(uint64(peer), 10)
	}
	if len(name) > 0 {
		s += ","
		if name[0] == 0 {
			s += "@"
			name = name[1:]
		}
		s += string(format.AppendQuoted(nil, name, x, true))
	}
	return s + "]"
}

// netlinkProtos names the netlink protocols (strace prints them without
// the NETLINK_ prefix).
var netlinkProtos = map[uint8]string{
	unix.NETLINK_ROUTE: "ROUTE", unix.NETLINK_UNUSED: "UNUSED", unix.NETLINK_USERSOCK: "USERSOCK",
	unix.NETLINK_FIREWALL: "FIREWALL", unix.NETLINK_SOCK_DIAG: "SOCK_DIAG", unix.NETLINK_NFLOG: "NFLOG",
	unix.NETLINK_XFRM: "XFRM", unix.NETLINK_SELINUX: "SELINUX", unix.NETLINK_ISCSI: "ISCSI",
	unix.NETLINK_AUDIT: "AUDIT", unix.NETLINK_FIB_LOOKUP: "FIB_LOOKUP", unix.NETLINK_CONNECTOR: "CONNECTOR",
	unix.NETLINK_NETFILTER: "NETFILTER", unix.NETLINK_IP6_FW: "IP6_FW", unix.NETLINK_DNRTMSG: "DNRTMSG",
	unix.NETLINK_KOBJECT_UEVENT: "KOBJECT_UEVENT", unix.NETLINK_GENERIC: "GENERIC",
	unix.NETLINK_SCSITRANSPORT: "SCSITRANSPORT", unix.NETLINK_ECRYPTFS: "ECRYPTFS",
	unix.NETLINK_RDMA: "RDMA", unix.NETLINK_CRYPTO: "CRYPTO", unix.NETLINK_SMC: "SMC",
}

// netlinkDiag dumps the netlink sockets for one inode.
func (fc *fdCache) netlinkDiag(ino uint64, proto string) (string, diagResult) {
	req := make([]byte, 24)               // struct netlink_diag_req
	req[0], req[1] = unix.AF_NETLINK, 255 // NDIAG_PROTO_ALL
	var out string
	r := fc.diag(req, true, func(p []byte) bool {
		if len(p) < 28 || uint64(ne.Uint32(p[16:])) != ino || p[0] != unix.AF_NETLINK {
			return false
		}
		out = netlinkSockText(proto, int(p[2]), ne.Uint32(p[4:]))
		return true
	})
	return out, r
}

// NetlinkProto is the decoder's NetlinkProto hook: the netlink protocol
// of fd in the current process, found as strace finds it (the socket's
// "NETLINK:[ROUTE:portid]" details through sock_diag, whatever -y says)
// and kept with the fd's entry; -1 for a netlink socket sock_diag does not
// list yet (not bound), -2 for any other fd.
func (fc *fdCache) NetlinkProto(fd int) int {
	if fd < 0 {
		return -2
	}
	e := fc.entry(fd)
	if e == nil {
		return -2
	}
	if e.nlKnown {
		return e.nlProto
	}
	ino := socketInode(e.link)
	if ino != 0 && e.proto == "" {
		p := make([]byte, 32)
		if n, err := unix.Getxattr("/proc/"+strconv.Itoa(fc.cur.pid)+"/fd/"+strconv.Itoa(fd), "system.sockprotoname", p); err == nil {
			e.proto = strings.TrimRight(string(p[:n]), "\x00")
		}
	}
	if ino == 0 || e.proto != "NETLINK" {
		e.nlProto, e.nlKnown = -2, true
		return -2
	}
	text, found := fc.socketDetails(fc.cur, ino, e.proto)
	if !found {
		return -1
	}
	e.nlProto, e.nlKnown = netlinkProtoOf(text), true
	return e.nlProto
}

// netlinkProtoOf reads the protocol out of "NETLINK:[ROUTE:1234]" (or
// "NETLINK:[16]"): -1 when there is none.
func netlinkProtoOf(text string) int {
	rest, ok := strings.CutPrefix(text, "NETLINK:[")
	if !ok {
		return -1
	}
	for p := 0; p < 256; p++ {
		if name, ok := netlinkProtos[uint8(p)]; ok && strings.HasPrefix(rest, name) {
			return p
		}
	}
	n := 0
	i := 0
	for ; i < len(rest) && rest[i] >= '0' && rest[i] <= '9'; i++ {
		n = n*10 + int(rest[i]-'0')
		if n > 1<<20 {
			return -1
		}
	}
	if i == 0 {
		return -1
	}
	return n
}

// netlinkSockText is strace's text for a netlink socket:
// "NETLINK:[ROUTE:portid]", or "NETLINK:[N]" for a protocol it does not
// name.
func netlinkSockText(proto string, nlproto int, portid uint32) string {
	if nlproto >= 0 && nlproto < 256 {
		if name, ok := netlinkProtos[uint8(nlproto)]; ok {
			return proto + ":[" + name + ":" + strconv.FormatUint(uint64(portid), 10) + "]"
		}
	}
	return proto + ":[" + strconv.Itoa(nlproto) + "]"
}

// fdEffects updates the cache after a syscall returned: the fds it closed,
// replaced or created, the working directory it changed. It runs for every
// syscall while the cache is in use (traced or not), before the exit is
// printed, so a returned fd prints what it now refers to.
func (fc *fdCache) fdEffects(c *syscalls.Call, ret int64, mem func(addr uint64, b []byte) bool) {
	if fc.cur == nil {
		return
	}
	a := c.Args
	ok := ret >= 0 || ret < -4095
	switch c.Nr {
	case unix.SYS_CLOSE:
		fc.invalidate(int(int32(a[0])))
		return
	case unix.SYS_DUP2, unix.SYS_DUP3:
		fc.invalidate(int(int32(a[1])))
		return
	case unix.SYS_CLOSE_RANGE, unix.SYS_EXECVE, unix.SYS_EXECVEAT:
		if ok {
			fc.clear()
		}
		return
	case unix.SYS_UNSHARE:
		if ok && a[0]&unix.CLONE_FILES != 0 {
			fc.clear()
		}
		if ok && a[0]&unix.CLONE_NEWNET != 0 {
			fc.cur.netns = netnsUnknown
		}
		return
	case unix.SYS_SETNS:
		if ok {
			fc.cur.netns = netnsUnknown
		}
		return
	case unix.SYS_CHDIR, unix.SYS_FCHDIR:
		if ok {
			fc.cur.cwdOK = false
		}
		return
	case unix.SYS_PIPE, unix.SYS_PIPE2, unix.SYS_SOCKETPAIR:
		arg := a[0]
		if c.Nr == unix.SYS_SOCKETPAIR {
			arg = a[3]
		}
		var b [8]byte
		if ok && mem(arg, b[:]) {
			fc.invalidate(int(int32(ne.Uint32(b[:]))))
			fc.invalidate(int(int32(ne.Uint32(b[4:]))))
		}
		return
	case unix.SYS_RECVMSG:
		if ok && ret > 0 {
			fc.passedFds(a[1], mem)
		}
		return
	case unix.SYS_FCNTL:
		if ok && (a[1] == unix.F_DUPFD || a[1] == unix.F_DUPFD_CLOEXEC) {
			fc.invalidate(int(ret))
		}
		return
	}
	e := syscalls.Lookup(c.Nr)
	if ok && (e.Ret == syscalls.RetFd || c.RetAs == syscalls.RetFd) {
		fc.invalidate(int(ret))
	}
	if e.Class&syscalls.TN != 0 && e.NArgs > 0 {
		fc.touchSocket(int(int32(a[0])))
	}
}

// passedFds forgets the fds an SCM_RIGHTS message brought in.
func (fc *fdCache) passedFds(msghdr uint64, mem func(addr uint64, b []byte) bool) {
	var h [56]byte // struct msghdr
	if !mem(msghdr, h[:]) {
		return
	}
	ctl, clen := ne.Uint64(h[32:]), ne.Uint64(h[40:])
	if ctl == 0 || clen < 16 || clen > 4096 {
		return
	}
	b := make([]byte, clen)
	if !mem(ctl, b) {
		return
	}
	for len(b) >= 16 {
		l := int(ne.Uint64(b))
		if l < 16 || l > len(b) {
			return
		}
		if int32(ne.Uint32(b[8:])) == unix.SOL_SOCKET && int32(ne.Uint32(b[12:])) == unix.SCM_RIGHTS {
			for d := b[16:l]; len(d) >= 4; d = d[4:] {
				fc.invalidate(int(int32(ne.Uint32(d))))
			}
		}
		// The next header is 8-aligned; a last message's padding may
		// lie past the buffer.
		next := (l + 7) &^ 7
		if next >= len(b) {
			return
		}
		b = b[next:]
	}
}

func (fc *fdCache) close() {
	if fc.nl >= 0 {
		unix.Close(fc.nl)
		fc.nl = -1
	}
	fc.pn.close()
}

// pathMatch is -P and --trace-fds: whether the syscall at entry touches one
// of the paths (by a path argument, or an fd whose link is one of them) or
// one of the fds. The arguments tested per syscall follow strace's
// pathtrace.
func (a *analysis) pathMatch(ev *ptrace.Event) bool {
	e := syscalls.Lookup(ev.Sysno)
	if e.Class&(syscalls.TF|syscalls.TD|syscalls.TN) == 0 {
		return false
	}
	g := ev.Args
	fd := func(i int) bool { return a.fdMatch(int(int32(g[i]))) }
	path := func(i int) bool { return a.upathMatch(ev.Tid, g[i]) }
	switch ev.Sysno {
	case unix.SYS_DUP2, unix.SYS_DUP3, unix.SYS_SENDFILE, unix.SYS_TEE, unix.SYS_KEXEC_FILE_LOAD:
		return fd(0) || fd(1)
	case unix.SYS_EXECVEAT, unix.SYS_FACCESSAT, unix.SYS_FACCESSAT2, unix.SYS_FCHMODAT, unix.SYS_FCHOWNAT,
		unix.SYS_FSPICK, unix.SYS_NEWFSTATAT, unix.SYS_FUTIMESAT, unix.SYS_INOTIFY_ADD_WATCH,
		unix.SYS_MKDIRAT, unix.SYS_MKNODAT, unix.SYS_MOUNT_SETATTR, unix.SYS_NAME_TO_HANDLE_AT,
		unix.SYS_OPEN_TREE, unix.SYS_OPENAT, unix.SYS_OPENAT2, unix.SYS_READLINKAT, unix.SYS_STATX,
		unix.SYS_UNLINKAT, unix.SYS_UTIMENSAT:
		return fd(0) || path(1)
	case unix.SYS_LINK, unix.SYS_MOUNT, unix.SYS_PIVOT_ROOT:
		return path(0) || path(1)
	case unix.SYS_QUOTACTL, unix.SYS_SYMLINK:
		return path(1)
	case unix.SYS_LINKAT, unix.SYS_MOVE_MOUNT, unix.SYS_RENAMEAT2, unix.SYS_RENAMEAT:
		return fd(0) || fd(2) || path(1) || path(3)
	case unix.SYS_MMAP:
		return fd(4)
	case unix.SYS_SYMLINKAT:
		return fd(1) || path(2)
	case unix.SYS_COPY_FILE_RANGE, unix.SYS_SPLICE:
		return fd(0) || fd(2)
	case unix.SYS_EPOLL_CTL:
		return fd(2)
	case unix.SYS_FANOTIFY_MARK:
		return fd(3) || path(4)
	case unix.SYS_SELECT, unix.SYS_PSELECT6:
		return a.selectMatch(ev.Tid, g)
	case unix.SYS_POLL, unix.SYS_PPOLL:
		n := g[1]
		if n > 1<<20 {
			n = 1 << 20
		}
		var p [8]byte
		for i := uint64(0); i < n; i++ {
			if n, _ := a.s.tr.ReadMem(ev.Tid, g[0]+8*i, p[:]); n != 8 {
				break
			}
			if a.fdMatch(int(int32(ne.Uint32(p[:])))) {
				return true
			}
		}
		return false
	case unix.SYS_BPF, unix.SYS_EPOLL_CREATE, unix.SYS_EPOLL_CREATE1, unix.SYS_EVENTFD2, unix.SYS_EVENTFD,
		unix.SYS_FANOTIFY_INIT, unix.SYS_FSOPEN, unix.SYS_INOTIFY_INIT, unix.SYS_INOTIFY_INIT1,
		unix.SYS_IO_URING_SETUP, unix.SYS_LANDLOCK_CREATE_RULESET, unix.SYS_MEMFD_CREATE,
		unix.SYS_MEMFD_SECRET, unix.SYS_MQ_OPEN, unix.SYS_PERF_EVENT_OPEN, unix.SYS_PIDFD_OPEN,
		unix.SYS_PIPE, unix.SYS_PIPE2, unix.SYS_SOCKET, unix.SYS_SOCKETPAIR, unix.SYS_TIMERFD_CREATE,
		unix.SYS_USERFAULTFD:
		return false
	}
	if e.Class&syscalls.TF != 0 {
		return path(0)
	}
	return fd(0)
}

func (a *analysis) fdMatch(fd int) bool {
	if a.cfg.traceFdsSet && fd >= 0 && a.cfg.traceFds.Has(fd) {
		return true
	}
	if len(a.paths) == 0 || fd < 0 || a.fds == nil {
		return false
	}
	return a.isPath(a.fds.Path(fd))
}

func (a *analysis) isPath(p string) bool {
	for _, x := range a.paths {
		if p == x {
			return true
		}
	}
	return false
}

// upathMatch reads the path at addr in tid's memory and compares it.
func (a *analysis) upathMatch(tid int, addr uint64) bool {
	if len(a.paths) == 0 || addr == 0 {
		return false
	}
	if cap(a.pathBuf) < 4096 {
		a.pathBuf = make([]byte, 4096)
	}
	out := a.pathBuf[:0]
	for len(out) < 4096 {
		chunk := 4096 - int(addr%4096)
		if chunk > 4096-len(out) {
			chunk = 4096 - len(out)
		}
		b := a.pathBuf[len(out) : len(out)+chunk]
		n, _ := a.s.tr.ReadMem(tid, addr, b)
		if i := bytes.IndexByte(b[:n], 0); i >= 0 {
			out = out[:len(out)+i]
			if len(out) == 0 {
				return false
			}
			for _, x := range a.paths {
				if string(out) == x {
					return true
				}
			}
			return false
		}
		if n < chunk {
			return false
		}
		out = out[:len(out)+n]
		addr += uint64(n)
	}
	return false
}

// selectMatch tests the fds of select's three sets.
func (a *analysis) selectMatch(tid int, g [6]uint64) bool {
	nfds := int(int32(g[0]))
	if nfds <= 0 {
		return false
	}
	if nfds > 1<<20 {
		nfds = 1 << 20
	}
	size := ((nfds+7)/8 + 7) &^ 7
	b := make([]byte, size)
	for i := 1; i <= 3; i++ {
		if g[i] == 0 {
			continue
		}
		if n, _ := a.s.tr.ReadMem(tid, g[i], b); n != size {
			continue
		}
		for j := 0; j < nfds; j++ {
			if b[j/8]&(1<<(j%8)) != 0 && a.fdMatch(j) {
				return true
			}
		}
	}
	return false
}
