package syscalls

import (
	"encoding/binary"
	"strconv"
	"sync"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// Socket addresses: the address families, and struct sockaddr as strace
// prints it for AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET (and
// the families of sockfam.go), and in raw form (sa_data) for the others.

// sockaddr.go's flag and value sets are listed in xlat/sockaddr.txt, from which
// go generate writes zxlat.go.

// Sizes of the kernel's address structures (amd64).
const (
	sizeofSockaddrStorage = 128
	sizeofSockaddrUn      = 110
	sizeofSockaddrIn      = 16
	sin6MinLen            = 24 // offsetof(struct sockaddr_in6, sin6_scope_id)
	sizeofSockaddrNl      = 12
	sizeofSockaddrLl      = 20
)

// InterfaceName returns the name of network interface index i in the
// tracer's namespace ("" if none), for if_nametoindex("lo") forms. Tests
// may replace it.
var InterfaceName = func(i uint32) string {
	if i == 0 {
		return ""
	}
	// SIOCGIFNAME on a socket kept for it, as if_indextoname does (net's
	// InterfaceByIndex dumped every interface over netlink each time).
	ifSockOnce.Do(func() {
		if fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0); err == nil {
			ifSock = fd
		}
	})
	if ifSock < 0 {
		return ""
	}
	var ifr unix.Ifreq
	ifr.SetUint32(i)
	if unix.IoctlIfreq(ifSock, unix.SIOCGIFNAME, &ifr) != nil {
		return ""
	}
	return ifr.Name()
}

var (
	ifSockOnce sync.Once
	ifSock     = -1
)

// sockaddr appends the socket address of n bytes at addr as strace
// prints it: NULL or the bare address when n < 2 or unreadable, else
// {sa_family=…, …}. n is cut to sizeof(struct sockaddr_storage).
func (d *Decoder) sockaddr(addr uint64, n int) {
	if n < 2 {
		d.Addr(addr)
		return
	}
	if n > sizeofSockaddrStorage {
		n = sizeofSockaddrStorage
	}
	b, ok := d.Read(addr, n)
	if !ok {
		d.Addr(addr)
		return
	}
	var buf [sizeofSockaddrStorage + 1]byte
	copy(buf[:], b)
	d.sockaddrBytes(buf[:], n)
}

// sockaddr16 appends a struct sockaddr of 16 bytes held in b (an ifreq's
// address, a control message's offender).
func (d *Decoder) sockaddr16(b []byte) {
	var sa [sizeofSockaddrIn + 1]byte
	copy(sa[:], b[:sizeofSockaddrIn])
	d.sockaddrBytes(sa[:], sizeofSockaddrIn)
}

// sockaddrBytes appends the address in buf (zero padded past n, at least
// n+1 bytes long) whose length is n.
func (d *Decoder) sockaddrBytes(buf []byte, n int) {
	fam := binary.LittleEndian.Uint16(buf)
	d.S("{sa_family=")
	d.Value(addrFamilies, uint64(fam), "AF_???")
	if n > 2 {
		d.S(", ")
		switch {
		case fam == unix.AF_UNIX && n >= 3:
			d.sockaddrUnix(buf, n)
		case fam == unix.AF_INET && n >= sizeofSockaddrIn:
			d.S("sin_port=")
			d.netPort(buf[2:4])
			d.S(", sin_addr=")
			d.inetAddr(unix.AF_INET, buf[4:8], "")
		case fam == unix.AF_INET6 && n >= sin6MinLen:
			d.sockaddrIn6(buf, n)
		case fam == unix.AF_NETLINK && n >= sizeofSockaddrNl:
			if pad := binary.LittleEndian.Uint16(buf[2:]); pad != 0 {
				d.S("nl_pad=")
				d.Hex(uint64(pad))
				d.S(", ")
			}
			d.S("nl_pid=")
			d.Int(int64(int32(binary.LittleEndian.Uint32(buf[4:]))))
			d.S(", nl_groups=")
			d.hex0(uint64(binary.LittleEndian.Uint32(buf[8:])), 8)
		case fam == unix.AF_PACKET && n >= sizeofSockaddrLl:
			d.sockaddrLl(buf, n)
		case d.sockaddrOther(fam, buf, n):
		default:
			d.S("sa_data=")
			d.B = format.AppendQuoted(d.B, buf[2:n], d.Opts.X, false)
		}
	}
	d.S("}")
}

// hex0 appends v as C's "%#0*x" with the given width: 0 as width zeros,
// else 0x and the digits, zero padded to the width.
func (d *Decoder) hex0(v uint64, width int) {
	if v == 0 {
		for i := 0; i < width; i++ {
			d.B = append(d.B, '0')
		}
		return
	}
	s := strconv.FormatUint(v, 16)
	d.S("0x")
	for i := len(s) + 2; i < width; i++ {
		d.B = append(d.B, '0')
	}
	d.S(s)
}

// hexBytes appends b as a string of \xNN escapes, as strace prints the raw
// bytes of an address.
func (d *Decoder) hexBytes(b []byte) {
	d.B = format.AppendQuoted(d.B, b, format.XAll, false)
}

// netPort appends a port in network byte order: htons(80).
func (d *Decoder) netPort(b []byte) {
	port := binary.BigEndian.Uint16(b)
	switch d.Opts.Style {
	case format.Raw:
		d.hexBytes(b)
		return
	case format.Verbose:
		d.hexBytes(b)
		d.S(" /* htons(")
		d.Uint(uint64(port))
		d.S(") */")
		return
	}
	d.S("htons(")
	d.Uint(uint64(port))
	d.S(")")
}

// inetAddr appends an IPv4 or IPv6 address as strace prints one:
// inet_addr("127.0.0.1") or inet_pton(AF_INET6, "::1"[, &field]), the raw
// bytes with -X raw, both with -X verbose. field is the name of an IPv6
// struct field (printed as "&field" and instead of "field=" in the abbrev
// style); IPv4 field names are printed by the caller.
func (d *Decoder) inetAddr(af int, b []byte, field string) {
	st := d.Opts.Style
	if af == unix.AF_INET6 && st != format.Abbrev && field != "" {
		d.S(field)
		d.S("=")
	}
	if st != format.Abbrev {
		d.hexBytes(b)
	}
	if st == format.Raw {
		return
	}
	if st == format.Verbose {
		d.S(" /* ")
	}
	if af == unix.AF_INET {
		var txt [16]byte
		d.S("inet_addr(")
		d.B = format.AppendQuoted(d.B, appendIPv4(txt[:0], b), d.Opts.X, false)
		d.S(")")
	} else {
		var txt [48]byte
		d.S("inet_pton(AF_INET6, ")
		d.B = format.AppendQuoted(d.B, appendIPv6(txt[:0], b), d.Opts.X, false)
		if field != "" && st == format.Abbrev {
			d.S(", &")
			d.S(field)
		}
		d.S(")")
	}
	if st == format.Verbose {
		d.S(" */")
	}
}

func appendIPv4(dst, b []byte) []byte {
	for i := 0; i < 4; i++ {
		if i > 0 {
			dst = append(dst, '.')
		}
		dst = strconv.AppendUint(dst, uint64(b[i]), 10)
	}
	return dst
}

// appendIPv6 appends a 16-byte address as the C library's inet_ntop does:
// the longest run of two or more zero groups (the first of equal runs)
// compressed to "::", and the last 32 bits in dotted form for IPv4
// compatible (::a.b.c.d) and mapped (::ffff:a.b.c.d) addresses.
func appendIPv6(dst, b []byte) []byte {
	var w [8]uint16
	for i := range w {
		w[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	best, bestLen, cur, curLen := -1, 0, -1, 0
	for i := 0; i < 8; i++ {
		if w[i] == 0 {
			if cur < 0 {
				cur, curLen = i, 1
			} else {
				curLen++
			}
			if curLen > bestLen {
				best, bestLen = cur, curLen
			}
		} else {
			cur = -1
		}
	}
	if bestLen < 2 {
		best = -1
	}
	for i := 0; i < 8; i++ {
		if best >= 0 && i >= best && i < best+bestLen {
			if i == best {
				dst = append(dst, ':')
			}
			continue
		}
		if i != 0 {
			dst = append(dst, ':')
		}
		if i == 6 && best == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			return appendIPv4(dst, b[12:16])
		}
		dst = strconv.AppendUint(dst, uint64(w[i]), 16)
	}
	if best >= 0 && best+bestLen == 8 {
		dst = append(dst, ':')
	}
	return dst
}

// sockaddrUnix appends sun_path: a quoted path up to its NUL, or "@" and
// the bytes of an abstract name.
func (d *Decoder) sockaddrUnix(buf []byte, n int) {
	if n > sizeofSockaddrUn {
		n = sizeofSockaddrUn
	}
	path := buf[2:n]
	d.S("sun_path=")
	if path[0] != 0 {
		d.B = format.AppendQuoted(d.B, path, d.Opts.X, true)
		return
	}
	d.S("@")
	d.B = format.AppendQuoted(d.B, path[1:], d.Opts.X, false)
}

// sockaddrIn6 appends the fields of a sockaddr_in6 after sa_family.
func (d *Decoder) sockaddrIn6(buf []byte, n int) {
	d.S("sin6_port=")
	d.netPort(buf[2:4])
	d.S(", sin6_flowinfo=")
	flow := buf[4:8]
	st := d.Opts.Style
	if st != format.Abbrev {
		d.hexBytes(flow)
	}
	if st == format.Verbose {
		d.S(" /* ")
	}
	if st != format.Raw {
		d.S("htonl(")
		d.Uint(uint64(binary.BigEndian.Uint32(flow)))
		d.S(")")
	}
	if st == format.Verbose {
		d.S(" */")
	}
	d.S(", ")
	addr := buf[8:24]
	d.inetAddr(unix.AF_INET6, addr, "sin6_addr")
	if n <= sin6MinLen {
		return
	}
	d.S(", sin6_scope_id=")
	scope := binary.LittleEndian.Uint32(buf[24:])
	linkLocal := addr[0] == 0xfe && addr[1]&0xc0 == 0x80
	mcLinkLocal := addr[0] == 0xff && addr[1]&0x0f == 0x2
	if linkLocal || mcLinkLocal {
		d.ifindex(scope)
		return
	}
	d.Uint(uint64(scope))
}

// ifindex appends an interface index: if_nametoindex("lo") when the index
// names an interface, else the number (both with -X verbose).
func (d *Decoder) ifindex(i uint32) {
	name := ""
	if d.Opts.Style != format.Raw {
		name = InterfaceName(i)
	}
	if name == "" {
		d.Uint(uint64(i))
		return
	}
	if d.Opts.Style == format.Verbose {
		d.Uint(uint64(i))
		d.S(" /* ")
	}
	d.S("if_nametoindex(")
	d.B = format.AppendQuoted(d.B, []byte(name), d.Opts.X, false)
	d.S(")")
	if d.Opts.Style == format.Verbose {
		d.S(" */")
	}
}

// sockaddrLl appends the fields of a sockaddr_ll after sa_family.
func (d *Decoder) sockaddrLl(buf []byte, n int) {
	proto := buf[2:4]
	d.S("sll_protocol=")
	st := d.Opts.Style
	if st != format.Abbrev {
		d.hexBytes(proto)
	}
	if st != format.Raw {
		if st == format.Verbose {
			d.S(" /* ")
		}
		d.S("htons(")
		d.B = ethernetProtocols.Append(d.B, uint64(binary.BigEndian.Uint16(proto)), format.Abbrev, "ETH_P_???", false)
		d.S(")")
		if st == format.Verbose {
			d.S(" */")
		}
	}
	d.S(", sll_ifindex=")
	d.ifindex(binary.LittleEndian.Uint32(buf[4:]))
	d.S(", sll_hatype=")
	d.Value(arpHardwareTypes, uint64(binary.LittleEndian.Uint16(buf[8:])), "ARPHRD_???")
	d.S(", sll_pkttype=")
	d.Value(packetTypes, uint64(buf[10]), "PACKET_???")
	halen := int(buf[11])
	d.S(", sll_halen=")
	d.Uint(uint64(halen))
	if halen == 0 {
		return
	}
	d.S(", sll_addr=[")
	room := n - 12
	for i := 0; i < halen; i++ {
		if i > 0 {
			d.S(", ")
		}
		if i >= room || 12+i >= len(buf) {
			d.S("...")
			break
		}
		d.hex0(uint64(buf[12+i]), 2)
	}
	d.S("]")
}
