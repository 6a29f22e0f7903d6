package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// Netlink messages in the data of sendto, recvfrom, sendmsg, recvmsg,
// sendmmsg and recvmmsg, decoded as strace 6.1 decodes them: an array of
// [{nlmsghdr}, payload] elements, the payload by the socket's netlink
// protocol (NETLINK_ROUTE and NETLINK_SOCK_DIAG here), with attributes as
// [{nla_len, nla_type}, value] arrays.

// netlink.go's flag and value sets are listed in xlat/netlink.txt, from
// which go generate writes zxlat.go.

const (
	nlmsgHdrLen = 16 // sizeof(struct nlmsghdr)
	nlaHdrLen   = 4  // sizeof(struct nlattr)
	nlmsgMinTyp = 0x10
	nlaFNested  = 0x8000
	nlaFNetByte = 0x4000
	nlaTypeMask = 0x3fff
)

// nlNoProto is the protocol of a netlink socket whose protocol is unknown
// (strace could not find it through sock_diag: an unbound socket).
const nlNoProto = -1

// nlMem is the netlink buffer being decoded: the bytes of [base,
// base+len) that could be read (a prefix; memory past it is unreadable).
type nlMem struct {
	base uint64
	b    []byte
}

// get returns n bytes at offset off, if readable.
func (m *nlMem) get(off, n uint64) ([]byte, bool) {
	if off > uint64(len(m.b)) || n > uint64(len(m.b))-off {
		return nil, false
	}
	return m.b[off : off+n], true
}

// netlinkData appends n bytes of netlink messages at addr, sent or
// received on a socket of netlink protocol proto (nlNoProto if unknown).
func (d *Decoder) netlinkData(proto int, addr, n uint64) {
	if addr == 0 {
		d.S("NULL")
		return
	}
	want := n
	if want > maxRead {
		want = maxRead
	}
	m := &nlMem{base: addr}
	if d.Mem != nil && want > 0 {
		b := make([]byte, want)
		got, _ := d.Mem.ReadMem(addr, b)
		if got < 0 {
			got = 0
		}
		m.b = b[:got]
	}
	d.nlMessages(m, proto, 0, n)
}

// nlHexStr appends n bytes at off as a string of \x escapes (strace's
// QUOTE_FORCE_HEX): -s bytes at most, then "..."; the address when
// unreadable.
func (d *Decoder) nlHexStr(m *nlMem, off, n uint64) {
	show := n
	if show > uint64(d.Opts.StrSize) {
		show = uint64(d.Opts.StrSize)
	}
	b, ok := m.get(off, show)
	if !ok {
		d.Addr(m.base + off)
		return
	}
	d.B = format.AppendQuoted(d.B, b, format.XAll, false)
	if n > show {
		d.S("...")
	}
}

// nlCStr appends an attribute's string: without its trailing NUL, with
// "..." when there is none or it is cut at -s bytes.
func (d *Decoder) nlCStr(m *nlMem, off, n uint64) {
	show := n
	if show > uint64(d.Opts.StrSize) {
		show = uint64(d.Opts.StrSize)
	}
	b, ok := m.get(off, show)
	if !ok {
		d.Addr(m.base + off)
		return
	}
	more := n > show
	if d.Opts.X == format.XAll || (d.Opts.X == format.XNonASCII && hexNeeded(b)) {
		// strace's -x sees the trailing NUL as a byte to escape: the
		// whole string, NUL included, prints in hex, with "...".
		d.B = format.AppendQuoted(d.B, b, format.XAll, false)
		d.S("...")
		return
	}
	if !more {
		if len(b) > 0 && b[len(b)-1] == 0 {
			b = b[:len(b)-1]
		} else {
			more = true
		}
	}
	d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
	if more {
		d.S("...")
	}
}

// hexNeeded says -x prints b in hex: a byte that is neither printable
// ASCII nor one of \t\n\v\f\r.
func hexNeeded(b []byte) bool {
	for _, c := range b {
		if c > 0x7e || (c < ' ' && (c < 9 || c > 13)) {
			return true
		}
	}
	return false
}

// moreAt appends "... /* addr */", where an array's memory ends.
func (d *Decoder) moreAt(addr uint64) {
	d.S("... /* ")
	d.Hex(addr)
	d.S(" */")
}

// nlHdr reads the nlmsghdr at off of a buffer of n bytes left, printing
// what strace prints when it cannot: the bytes of a buffer shorter than a
// header, or the address.
func (d *Decoder) nlHdr(m *nlMem, off, n uint64, inArray bool) ([]byte, bool) {
	if n < nlmsgHdrLen {
		d.nlHexStr(m, off, n)
		return nil, false
	}
	h, ok := m.get(off, nlmsgHdrLen)
	if !ok {
		if inArray {
			d.moreAt(m.base + off)
		} else {
			d.Addr(m.base + off)
		}
		return nil, false
	}
	return h, true
}

// nlMessages appends the messages of n bytes at off: one message bare,
// several as an array (cut after -s messages unless -v).
func (d *Decoder) nlMessages(m *nlMem, proto int, off, n uint64) {
	le := binary.LittleEndian
	isArray := false
	for elt := 0; ; elt++ {
		h, ok := d.nlHdr(m, off, n, isArray)
		if !ok {
			break
		}
		if !d.Opts.Verbose && elt == d.Opts.StrSize {
			d.S("...")
			break
		}
		mlen := le.Uint32(h)
		step := uint64((mlen + 3) &^ 3) // wraps to 0 as the C unsigned int does
		var nextOff, nextLen uint64
		hasNext := false
		if mlen >= nlmsgHdrLen {
			if n >= step {
				nextLen = n - step
			}
			if nextLen != 0 && m.base+off+step > m.base+off {
				nextOff, hasNext = off+step, true
			}
		}
		if !isArray && hasNext {
			d.S("[")
			isArray = true
		}
		d.nlMessage(m, proto, h, off, n)
		if !hasNext {
			break
		}
		d.S(", ")
		off, n = nextOff, nextLen
	}
	if isArray {
		d.S("]")
	}
}

// nlMessage appends one message (header h at off, n bytes left): the
// header alone, or [header, payload].
func (d *Decoder) nlMessage(m *nlMem, proto int, h []byte, off, n uint64) {
	mlen := uint64(binary.LittleEndian.Uint32(h))
	if mlen > n {
		mlen = n
	}
	if mlen > nlmsgHdrLen {
		d.S("[")
	}
	d.nlmsghdr(proto, h)
	if mlen > nlmsgHdrLen {
		d.S(", ")
		d.nlPayload(m, proto, h, off+nlmsgHdrLen, mlen-nlmsgHdrLen)
		d.S("]")
	}
}

// nlmsghdr appends a struct nlmsghdr, whatever its nlmsg_len says.
func (d *Decoder) nlmsghdr(proto int, h []byte) {
	le := binary.LittleEndian
	typ := le.Uint16(h[4:])
	flags := le.Uint16(h[6:])
	d.S("{nlmsg_len=")
	d.Uint(uint64(le.Uint32(h)))
	d.S(", nlmsg_type=")
	d.nlType(proto, typ)
	d.S(", nlmsg_flags=")
	d.Flags(nlFlagSet(proto, typ), uint64(flags), "NLM_F_???")
	d.S(", nlmsg_seq=")
	d.Uint(uint64(le.Uint32(h[8:])))
	d.S(", nlmsg_pid=")
	d.Int(int64(int32(le.Uint32(h[12:]))))
	d.S("}")
}

// nlType appends a message type: a control type, or one of the
// protocol's.
func (d *Decoder) nlType(proto int, typ uint16) {
	vs, dflt := nlmsgTypes, "NLMSG_???"
	if typ >= nlmsgMinTyp {
		switch proto {
		case unix.NETLINK_ROUTE:
			vs, dflt = nlRouteTypes, "RTM_???"
		case unix.NETLINK_SOCK_DIAG:
			vs, dflt = nlSockDiagTypes, "SOCK_DIAG_???"
		case unix.NETLINK_AUDIT:
			vs, dflt = nil, "AUDIT_???"
		case unix.NETLINK_CRYPTO:
			vs, dflt = nil, "CRYPTO_MSG_???"
		case unix.NETLINK_GENERIC:
			vs, dflt = nil, "GENERIC_FAMILY_???"
		case unix.NETLINK_NETFILTER:
			vs, dflt = nil, "NFNL_SUBSYS_???"
		case unix.NETLINK_SELINUX:
			vs, dflt = nil, "SELNL_MSG_???"
		case unix.NETLINK_XFRM:
			vs, dflt = nil, "XFRM_MSG_???"
		}
	}
	d.Value(vs, uint64(typ), dflt)
}

// Flag sets of the message kinds: the common flags, then those of the
// kind (a GET, NEW or DEL request, an ack).
var (
	nlFlagsGet = append(append(format.FlagSet{}, nlmsgFlags...), nlmsgGetFlags...)
	nlFlagsNew = append(append(format.FlagSet{}, nlmsgFlags...), nlmsgNewFlags...)
	nlFlagsDel = append(append(format.FlagSet{}, nlmsgFlags...), nlmsgDelFlags...)
	nlFlagsAck = append(append(format.FlagSet{}, nlmsgFlags...), nlmsgAckFlags...)
)

// nlFlagSet returns the flags of a message of type typ: NETLINK_ROUTE
// tells the kind by the type's low bits, sock_diag has GET requests only.
func nlFlagSet(proto int, typ uint16) format.FlagSet {
	if typ < nlmsgMinTyp {
		if typ == unix.NLMSG_ERROR {
			return nlFlagsAck
		}
		return nlmsgFlags
	}
	switch proto {
	case unix.NETLINK_ROUTE:
		if typ == unix.RTM_DELACTION {
			return nlFlagsGet // RTM_DELACTION takes NLM_F_ROOT
		}
		switch typ & 3 {
		case 0:
			return nlFlagsNew
		case 1:
			return nlFlagsDel
		case 2:
			return nlFlagsGet
		}
	case unix.NETLINK_SOCK_DIAG:
		return nlFlagsGet
	}
	return nlmsgFlags
}

// nlPayload appends a message's payload of n bytes at off.
func (d *Decoder) nlPayload(m *nlMem, proto int, h []byte, off, n uint64) {
	le := binary.LittleEndian
	typ := le.Uint16(h[4:])
	if typ == unix.NLMSG_ERROR {
		d.nlmsgerr(m, proto, off, n, le.Uint16(h[6:])&0x100 != 0)
		return
	}
	if typ >= nlmsgMinTyp || typ == unix.NLMSG_DONE {
		switch proto {
		case unix.NETLINK_ROUTE:
			if d.rtnlPayload(m, typ, off, n) {
				return
			}
		case unix.NETLINK_SOCK_DIAG:
			if d.sockDiagPayload(m, h, off, n) {
				return
			}
		}
	}
	if typ == unix.NLMSG_DONE && n == 4 {
		if b, ok := m.get(off, 4); ok {
			d.Int(int64(int32(le.Uint32(b))))
		} else {
			d.Addr(m.base + off)
		}
		return
	}
	d.nlHexStr(m, off, n)
}

// nlmsgerr appends an NLMSG_ERROR's payload: {error=-EINVAL, msg=…} and
// the extended ack attributes after the message. capped: the kernel sent
// only the header of the message in error (NLM_F_CAPPED).
func (d *Decoder) nlmsgerr(m *nlMem, proto int, off, n uint64, capped bool) {
	if n < 4 {
		d.nlHexStr(m, off, n)
		return
	}
	b, ok := m.get(off, 4)
	if !ok {
		d.Addr(m.base + off)
		return
	}
	d.S("{error=")
	d.nlErrno(int32(binary.LittleEndian.Uint32(b)))
	off += 4
	n -= 4
	if n > 0 {
		d.S(", msg=")
		if h, ok := d.nlHdr(m, off, n, false); ok {
			payload := uint64(binary.LittleEndian.Uint32(h))
			if capped {
				payload = nlmsgHdrLen
			}
			if payload > n {
				payload = n
			}
			d.nlMessage(m, proto, h, off, payload)
			if n > payload {
				d.S(", ")
				d.nlAttrs(m, off+payload, n-payload, nlmsgerrAttrSpec)
			}
		}
	}
	d.S("}")
}

// nlErrno appends an error field: -ENODEV, 0, or the number when it names
// no error (and per -X).
func (d *Decoder) nlErrno(v int32) {
	name := ""
	if v < 0 {
		name = ErrnoName(int(-v))
	} else if v > 0 {
		name = ErrnoName(int(v))
	}
	if name == "" || d.Opts.Style != format.Abbrev {
		d.Int(int64(v))
	}
	if name == "" || d.Opts.Style == format.Raw {
		return
	}
	if d.Opts.Style == format.Verbose {
		d.S(" /* ")
	}
	if v < 0 {
		d.S("-")
	}
	d.S(name)
	if d.Opts.Style == format.Verbose {
		d.S(" */")
	}
}

// nlaSpec says how the attributes of one kind print: their names, and a
// decoder per type (nil or returning false: the value prints as hex
// bytes).
type nlaSpec struct {
	names format.ValueSet
	dflt  string
	dec   func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool
}

// nlAttrs appends the attributes of n bytes at off: one bare, several as
// an array (cut after -s attributes unless -v).
func (d *Decoder) nlAttrs(m *nlMem, off, n uint64, spec *nlaSpec) {
	le := binary.LittleEndian
	isArray := false
	for elt := 0; ; elt++ {
		if n < nlaHdrLen {
			d.nlHexStr(m, off, n)
			break
		}
		h, ok := m.get(off, nlaHdrLen)
		if !ok {
			if isArray {
				d.moreAt(m.base + off)
			} else {
				d.Addr(m.base + off)
			}
			break
		}
		if !d.Opts.Verbose && elt == d.Opts.StrSize {
			d.S("...")
			break
		}
		alen := uint32(le.Uint16(h))
		step := uint64((alen + 3) &^ 3)
		var nextOff, nextLen uint64
		hasNext := false
		if alen >= nlaHdrLen {
			if n >= step {
				nextLen = n - step
			}
			if nextLen != 0 {
				nextOff, hasNext = off+step, true
			}
		}
		if !isArray && hasNext {
			d.S("[")
			isArray = true
		}
		d.nlAttr(m, h, off, n, spec)
		if !hasNext {
			break
		}
		d.S(", ")
		off, n = nextOff, nextLen
	}
	if isArray {
		d.S("]")
	}
}

// nlAttr appends one attribute (header h at off, n bytes left): the
// header alone, or [header, value].
func (d *Decoder) nlAttr(m *nlMem, h []byte, off, n uint64, spec *nlaSpec) {
	alen := uint64(binary.LittleEndian.Uint16(h))
	typ := binary.LittleEndian.Uint16(h[2:])
	if alen > n {
		alen = n
	}
	if alen > nlaHdrLen {
		d.S("[")
	}
	d.S("{nla_len=")
	d.Uint(uint64(binary.LittleEndian.Uint16(h)))
	d.S(", nla_type=")
	if typ&nlaFNested != 0 {
		d.nlaFlag(nlaFNested, "NLA_F_NESTED")
	}
	if typ&nlaFNetByte != 0 {
		d.nlaFlag(nlaFNetByte, "NLA_F_NET_BYTEORDER")
	}
	d.Value(spec.names, uint64(typ&nlaTypeMask), spec.dflt)
	d.S("}")
	if alen > nlaHdrLen {
		d.S(", ")
		if spec.dec == nil || !spec.dec(d, m, typ&nlaTypeMask, off+nlaHdrLen, alen-nlaHdrLen) {
			d.nlHexStr(m, off+nlaHdrLen, alen-nlaHdrLen)
		}
		d.S("]")
	}
}

// nlaFlag appends one of nla_type's flag bits and the "|" after it.
func (d *Decoder) nlaFlag(v uint64, name string) {
	switch d.Opts.Style {
	case format.Raw:
		d.Hex(v)
	case format.Verbose:
		d.Hex(v)
		d.S(" /* ")
		d.S(name)
		d.S(" */")
	default:
		d.S(name)
	}
	d.S("|")
}

// Attribute values (the decoders of nlaSpec). Each returns false when n
// does not fit its type, so the bytes print instead.

// nlaUint appends an unsigned integer of size bytes (n at least size).
func (d *Decoder) nlaUint(m *nlMem, off, n uint64, size int) bool {
	if n < uint64(size) {
		return false
	}
	b, ok := m.get(off, uint64(size))
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.Uint(leUint(b))
	return true
}

// nlaInt appends a signed integer of size bytes.
func (d *Decoder) nlaInt(m *nlMem, off, n uint64, size int) bool {
	if n < uint64(size) {
		return false
	}
	b, ok := m.get(off, uint64(size))
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	v := leUint(b)
	shift := 64 - 8*size
	d.Int(int64(v<<shift) >> shift)
	return true
}

// leUint reads a little-endian unsigned integer of len(b) (1, 2, 4, 8)
// bytes.
func leUint(b []byte) uint64 {
	var v uint64
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// nlaXval appends an integer of size bytes (or of n bytes, up to 8, when
// size is 0) through a value set; false when n is shorter than size or
// longer than 8.
func (d *Decoder) nlaXval(m *nlMem, off, n uint64, size int, vs format.ValueSet, dflt string, flags format.FlagSet) bool {
	if n > 8 || n < uint64(size) {
		return false
	}
	fetch := n
	if size != 0 {
		fetch = uint64(size)
	}
	b, ok := m.get(off, fetch)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	if flags != nil {
		d.Flags(flags, leUint(b), dflt)
	} else {
		d.Value(vs, leUint(b), dflt)
	}
	return true
}

// nlaInet appends an address of family af (false when n is too short or
// the family has none).
func (d *Decoder) nlaInet(m *nlMem, af uint8, off, n uint64) bool {
	size := uint64(0)
	switch af {
	case unix.AF_INET:
		size = 4
	case unix.AF_INET6:
		size = 16
	default:
		return false
	}
	if n < size {
		return false
	}
	b, ok := m.get(off, size)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.inetAddr(int(af), b, "")
	return true
}

// nlaIfindex appends an interface index.
func (d *Decoder) nlaIfindex(m *nlMem, off, n uint64) bool {
	if n < 4 {
		return false
	}
	b, ok := m.get(off, 4)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.ifindex(binary.LittleEndian.Uint32(b))
	return true
}

// nlStruct reads size bytes at off for a structure value: false when n is
// shorter; ok false (the address printed) when unreadable.
func (d *Decoder) nlStruct(m *nlMem, off, n, size uint64) (b []byte, fits, ok bool) {
	if n < size {
		return nil, false, false
	}
	b, ok = m.get(off, size)
	if !ok {
		d.Addr(m.base + off)
	}
	return b, true, ok
}

// nlFields appends {name=value, …} for consecutive unsigned fields of
// size bytes each.
func (d *Decoder) nlFields(b []byte, size int, names ...string) {
	d.S("{")
	for i, name := range names {
		if i > 0 {
			d.S(", ")
		}
		d.S(name)
		d.S("=")
		d.Uint(leUint(b[i*size : (i+1)*size]))
	}
	d.S("}")
}

// nlmsgerrAttrSpec: the extended ack attributes.
var nlmsgerrAttrSpec = &nlaSpec{names: nlmsgerrAttrs, dflt: "NLMSGERR_ATTR_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // NLMSGERR_ATTR_MSG
			d.nlCStr(m, off, n)
			return true
		case 2: // NLMSGERR_ATTR_OFFS
			return d.nlaUint(m, off, n, 4)
		case 3: // NLMSGERR_ATTR_COOKIE
			b, ok := m.get(off, n)
			if !ok {
				d.Addr(m.base + off)
				return true
			}
			d.localArray(b, 1, func(e []byte) { d.Uint(uint64(e[0])) })
			return true
		}
		return false
	}}

// netlinkOf returns the netlink protocol of fd for a call's data: the
// protocol, nlNoProto for a netlink socket whose protocol is unknown, or
// -2 when fd is not a netlink socket (or there is no hook).
func (d *Decoder) netlinkOf(fd int) int {
	if d.Opts.NetlinkProto == nil || d.Terse {
		return -2
	}
	return d.Opts.NetlinkProto(fd)
}

// sockBuf appends a send/recv buffer of n bytes: netlink messages on a
// netlink socket (when the call is verbose), else a string.
func (d *Decoder) sockBuf(fd int, addr, n uint64) {
	if p := d.netlinkOf(fd); p >= nlNoProto {
		d.netlinkData(p, addr, n)
		return
	}
	d.Buf(addr, n)
}

// familyData appends a payload of a family no decoder knows, as strace:
// "{family=AF_…, data=…}".
func (d *Decoder) familyData(m *nlMem, family uint8, off, n uint64) {
	d.S("{family=")
	d.Value(addrFamilies, uint64(family), "AF_???")
	if n > 1 {
		d.S(", data=")
		d.nlHexStr(m, off+1, n-1)
	}
	d.S("}")
}

// familyHead appends "{field=AF_…, " and reads the size bytes of a
// netlink payload's header whose first byte is its address family (the
// routing and sock_diag messages): nil after "...}" when the message is
// shorter, or after the address and "}" when unreadable. The caller has
// read the family byte already.
func (d *Decoder) familyHead(m *nlMem, field string, off, n, size uint64) []byte {
	fb, _ := m.get(off, 1)
	d.S("{")
	d.S(field)
	d.S("=")
	d.Value(addrFamilies, uint64(fb[0]), "AF_???")
	d.S(", ")
	if n < size {
		d.S("...}")
		return nil
	}
	b, ok := m.get(off, size)
	if !ok {
		d.Addr(m.base + off + 1)
		d.S("}")
		return nil
	}
	return b
}
