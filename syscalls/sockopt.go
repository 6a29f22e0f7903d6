package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// Socket options: setsockopt and getsockopt, with the option names of the
// SOL_SOCKET, SOL_IP, SOL_IPV6, SOL_TCP, SOL_UDP, SOL_NETLINK, SOL_PACKET
// and SOL_RAW levels, int values as [1], struct linger, struct ucred,
// SO_ERROR as an errno, multicast requests, and other values as strings.

// sockopt.go's flag and value sets are listed in xlat/sockopt.txt, from which
// go generate writes zxlat.go.

// sockoptName appends an option name by its level; get selects the
// getsockopt-only names.
func (d *Decoder) sockoptName(level, name uint32, get bool) {
	v := uint64(name)
	var sets [2]format.ValueSet
	dflt := ""
	switch level {
	case unix.SOL_SOCKET:
		sets[0], dflt = sockOptions, "SO_???"
		sets[1] = setsockOptions
		if get {
			sets[1] = getsockOptions
		}
	case unix.SOL_IP:
		sets[0], dflt = sockIPOptions, "IP_???"
	case unix.SOL_IPV6:
		sets[0], dflt = sockIPv6Options, "IPV6_???"
	case unix.SOL_TCP:
		sets[0], dflt = sockTCPOptions, "TCP_???"
	case unix.SOL_UDP:
		sets[0], dflt = sockUDPOptions, "UDP_???"
	case unix.SOL_NETLINK:
		sets[0], dflt = sockNetlinkOptions, "NETLINK_???"
	case unix.SOL_PACKET:
		sets[0], dflt = sockPacketOptions, "PACKET_???"
	case unix.SOL_RAW:
		sets[0], dflt = sockRawOptions, "RAW_???"
	default:
		d.Uint(v)
		return
	}
	for _, s := range sets {
		if _, ok := s.Name(v); ok {
			d.Value(s, v, dflt)
			return
		}
	}
	d.Value(sets[0], v, dflt)
}

// intPtr appends the int at addr in brackets: [1]; NULL or the address
// when unreadable.
func (d *Decoder) intPtr(addr uint64) {
	if addr == 0 {
		d.S("NULL")
		return
	}
	v, ok := d.ReadU32(addr)
	if !ok {
		d.Hex(addr)
		return
	}
	d.S("[")
	d.Int(int64(int32(v)))
	d.S("]")
}

// intFields appends a struct of 4-byte fields from the n bytes at addr as
// strace prints one the kernel may have cut short: whole fields by name,
// a partial last field as its raw bytes, nothing past n. signed says which
// fields are signed.
func (d *Decoder) intFields(addr uint64, n int, names []string, signed []bool) {
	if max := 4 * len(names); n > max {
		n = max
	}
	b, ok := d.Read(addr, n)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{")
	for k, name := range names {
		off := 4 * k
		if off >= n {
			break
		}
		if k > 0 {
			d.S(", ")
		}
		d.S(name)
		d.S("=")
		if off+4 > n {
			d.hexBytes(b[off:n])
			break
		}
		v := binary.LittleEndian.Uint32(b[off:])
		if signed[k] {
			d.Int(int64(int32(v)))
		} else {
			d.id(v) // a uid or gid: (uid_t)-1 as -1
		}
	}
	d.S("}")
}

var (
	lingerFields = []string{"l_onoff", "l_linger"}
	lingerSigned = []bool{true, true}
	ucredFields  = []string{"pid", "uid", "gid"}
	ucredSigned  = []bool{true, false, false}
)

// errnoVal appends an errno value as SO_ERROR prints: its name (0 and
// unknown values as numbers), in the -X style.
func (d *Decoder) errnoVal(e uint32) {
	name := ""
	if e != 0 {
		name = ErrnoName(int(e))
	}
	switch {
	case name == "":
		d.Uint(uint64(e))
	case d.Opts.Style == format.Raw:
		d.Uint(uint64(e))
	case d.Opts.Style == format.Verbose:
		d.Uint(uint64(e))
		d.S(" /* ")
		d.S(name)
		d.S(" */")
	default:
		d.S(name)
	}
}

// solSocketInts are the SOL_SOCKET options strace 6.1 prints as an int
// field at getsockopt's exit: the int from the first 4 bytes of a longer
// value, the bytes in hex of a shorter one (found by asking strace for
// every option with a short optlen). Others of the level print as a plain
// string unless 4 bytes long.
var solSocketInts = map[uint32]bool{
	unix.SO_DEBUG: true, unix.SO_REUSEADDR: true, unix.SO_DONTROUTE: true,
	unix.SO_BROADCAST: true, unix.SO_SNDBUF: true, unix.SO_RCVBUF: true,
	unix.SO_KEEPALIVE: true, unix.SO_OOBINLINE: true, unix.SO_NO_CHECK: true,
	unix.SO_PRIORITY: true, unix.SO_BSDCOMPAT: true, unix.SO_REUSEPORT: true,
	unix.SO_PASSCRED: true, unix.SO_RCVLOWAT: true, unix.SO_SNDLOWAT: true,
	unix.SO_TIMESTAMP_OLD: true, unix.SO_ACCEPTCONN: true, unix.SO_PASSSEC: true,
	unix.SO_TIMESTAMPNS_OLD: true, unix.SO_MARK: true, unix.SO_TIMESTAMPING_OLD: true,
	unix.SO_RXQ_OVFL: true, unix.SO_WIFI_STATUS: true, unix.SO_PEEK_OFF: true,
	unix.SO_NOFCS: true, unix.SO_LOCK_FILTER: true, unix.SO_SELECT_ERR_QUEUE: true,
	unix.SO_BUSY_POLL: true, unix.SO_INCOMING_CPU: true, unix.SO_INCOMING_NAPI_ID: true,
	unix.SO_ZEROCOPY: true, unix.SO_TIMESTAMP_NEW: true, unix.SO_TIMESTAMPNS_NEW: true,
	unix.SO_TIMESTAMPING_NEW: true, unix.SO_PREFER_BUSY_POLL: true,
	unix.SO_RESERVE_MEM: true, unix.SO_TXREHASH: true, unix.SO_RCVMARK: true,
}

// getsockoptVal appends getsockopt's optval at exit, ulen and rlen being
// *optlen before and after the call.
func (d *Decoder) getsockoptVal(level, name uint32, addr uint64, ulen, rlen int32) {
	if ulen <= 0 || rlen <= 0 {
		d.Addr(addr)
		return
	}
	if addr != 0 {
		switch {
		case level == unix.SOL_SOCKET && name == unix.SO_LINGER:
			d.intFields(addr, int(rlen), lingerFields, lingerSigned)
			return
		case level == unix.SOL_SOCKET && name == unix.SO_PEERCRED:
			d.intFields(addr, int(rlen), ucredFields, ucredSigned)
			return
		case level == unix.SOL_SOCKET && (name == unix.SO_ERROR || solSocketInts[name]):
			// An int, or the bytes of a shorter one in hex (strace
			// 6.1 prints a field cut short so).
			n := int(rlen)
			if n > 4 {
				n = 4
			}
			b, ok := d.Read(addr, n)
			if !ok {
				d.Addr(addr)
				return
			}
			if n < 4 {
				d.B = format.AppendQuoted(d.B, b, format.XAll, false)
				return
			}
			v := binary.LittleEndian.Uint32(b)
			d.S("[")
			if name == unix.SO_ERROR {
				d.errnoVal(v)
			} else {
				d.Int(int64(int32(v)))
			}
			d.S("]")
			return
		case level == unix.SOL_NETLINK && name == unix.NETLINK_LIST_MEMBERSHIPS:
			n := ulen
			if rlen < n {
				n = rlen
			}
			d.array(addr, uint64(n)/4, 4, func(b []byte) { d.Uint(uint64(binary.LittleEndian.Uint32(b))) })
			return
		case level == unix.SOL_NETLINK:
			d.intPtr(addr)
			return
		}
	}
	if rlen == 4 {
		d.intPtr(addr)
		return
	}
	d.Buf(addr, uint64(rlen))
}

// setsockoptVal appends setsockopt's optval of n bytes at entry.
func (d *Decoder) setsockoptVal(level, name uint32, addr uint64, n int32) {
	if addr != 0 {
		switch level {
		case unix.SOL_SOCKET:
			if name == unix.SO_LINGER {
				if n < 8 {
					d.Addr(addr)
					return
				}
				d.intFields(addr, 8, lingerFields, lingerSigned)
				return
			}
		case unix.SOL_IP:
			if name == unix.IP_ADD_MEMBERSHIP || name == unix.IP_DROP_MEMBERSHIP {
				b, ok := d.Read(addr, 8)
				if n < 8 || !ok {
					d.Addr(addr)
					return
				}
				var mreq [8]byte
				copy(mreq[:], b)
				d.S("{imr_multiaddr=")
				d.inetAddr(unix.AF_INET, mreq[:4], "")
				d.S(", imr_interface=")
				d.inetAddr(unix.AF_INET, mreq[4:], "")
				d.S("}")
				return
			}
		case unix.SOL_IPV6:
			switch name {
			case unix.IPV6_ADD_MEMBERSHIP, unix.IPV6_DROP_MEMBERSHIP, unix.IPV6_JOIN_ANYCAST, unix.IPV6_LEAVE_ANYCAST:
				b, ok := d.Read(addr, 20)
				if n < 20 || !ok {
					d.Addr(addr)
					return
				}
				var mreq [20]byte
				copy(mreq[:], b)
				d.S("{")
				d.inetAddr(unix.AF_INET6, mreq[:16], "ipv6mr_multiaddr")
				d.S(", ipv6mr_interface=")
				d.ifindex(binary.LittleEndian.Uint32(mreq[16:]))
				d.S("}")
				return
			}
		case unix.SOL_NETLINK:
			if n < 4 {
				d.Addr(addr)
				return
			}
			d.intPtr(addr)
			return
		}
	}
	if n == 4 {
		d.intPtr(addr)
		return
	}
	d.Buf(addr, uint64(uint32(n)))
}

var (
	// SockLevel prints a socket option level: SOL_SOCKET…
	SockLevel = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(socketLevels, uint64(uint32(c.Args[i])), "SOL_??")
	}}
	// SockoptName prints an option name by the level before it.
	SockoptName = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.sockoptName(uint32(c.Args[i-1]), uint32(c.Args[i]), c.Nr == unix.SYS_GETSOCKOPT)
	}}
	// SockoptIn prints setsockopt's optval at entry by the level and
	// name before it; its length is the next argument.
	SockoptIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		if d.Terse {
			d.Addr(c.Args[i]) // outside -e verbose=: the address
			return
		}
		d.setsockoptVal(uint32(c.Args[i-2]), uint32(c.Args[i-1]), c.Args[i], int32(c.Args[i+1]))
	}}
	// SockoptOut prints getsockopt's optval at exit, by the level and
	// name before it, cut to the length the call returned in *optlen
	// (the next argument). At entry it keeps *optlen's value.
	SockoptOut = &Arg{AtExit: true, Save: saveOptlen, Print: func(d *Decoder, c *Call, i int) {
		if c.Saved[savedState] == sockNoLen {
			d.Addr(c.Args[i])
			return
		}
		var rlen uint32
		ok := false
		if !c.Failed() {
			rlen, ok = d.ReadU32(c.Args[i+1])
		}
		if !ok {
			c.Saved[savedState] = sockFailed
			d.Addr(c.Args[i])
			return
		}
		c.Saved[savedRlen] = uint64(rlen)
		d.getsockoptVal(uint32(c.Args[i-2]), uint32(c.Args[i-1]), c.Args[i], int32(c.Saved[savedSocklen]), int32(rlen))
	}}
)

// saveOptlen keeps getsockopt's *optlen (the argument after arg i) at
// entry; unlike a socket address, a NULL optval still has its length.
func saveOptlen(d *Decoder, c *Call, i int) {
	c.Saved[savedState] = sockNoLen
	c.Saved[savedSocklen] = 0
	if c.Args[i+1] == 0 {
		return
	}
	if v, ok := d.ReadU32(c.Args[i+1]); ok {
		c.Saved[savedSocklen] = uint64(v)
		c.Saved[savedState] = sockDecoded
	}
}
