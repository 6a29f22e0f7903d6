package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// NETLINK_SOCK_DIAG payloads: AF_INET/AF_INET6 requests (struct
// inet_diag_req_v2) and replies (struct inet_diag_msg), AF_UNIX's (struct
// unix_diag_req, unix_diag_msg) and AF_NETLINK's (struct
// netlink_diag_req, netlink_diag_msg) and AF_PACKET's, the replies with their attributes.
// Other families' payloads print as {family, data}.

const (
	sizeofInetDiagReqV2 = 56
	sizeofInetDiagMsg   = 72
)

// sockDiagPayload appends the payload of a NETLINK_SOCK_DIAG message;
// false for NLMSG_DONE, whose payload prints as the control messages' do.
func (d *Decoder) sockDiagPayload(m *nlMem, h []byte, off, n uint64) bool {
	if binary.LittleEndian.Uint16(h[4:]) == unix.NLMSG_DONE {
		return false
	}
	fb, ok := m.get(off, 1)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	family := fb[0]
	request := binary.LittleEndian.Uint16(h[6:])&unix.NLM_F_REQUEST != 0
	switch {
	case (family == unix.AF_INET || family == unix.AF_INET6) && request:
		d.inetDiagReq(m, family, off, n)
	case family == unix.AF_INET || family == unix.AF_INET6:
		d.inetDiagMsg(m, family, off, n)
	case family == unix.AF_UNIX && request:
		d.unixDiagReq(m, off, n)
	case family == unix.AF_UNIX:
		d.unixDiagMsg(m, off, n)
	case family == unix.AF_NETLINK && request:
		d.netlinkDiagReq(m, off, n)
	case family == unix.AF_NETLINK:
		d.netlinkDiagMsg(m, off, n)
	case family == unix.AF_PACKET && request:
		d.packetDiagReq(m, off, n)
	case family == unix.AF_PACKET:
		d.packetDiagMsg(m, off, n)
	default:
		d.familyData(m, family, off, n)
	}
	return true
}

// inetDiagSockid appends a struct inet_diag_sockid (48 bytes).
func (d *Decoder) inetDiagSockid(family uint8, b []byte) {
	le := binary.LittleEndian
	d.S("{idiag_sport=")
	d.netPort(b[0:2])
	d.S(", idiag_dport=")
	d.netPort(b[2:4])
	alen := 4
	if family == unix.AF_INET6 {
		alen = 16
	}
	d.S(", ")
	d.diagAddr(family, "idiag_src", b[4:20], alen)
	d.S(", ")
	d.diagAddr(family, "idiag_dst", b[20:36], alen)
	d.S(", idiag_if=")
	d.ifindex(le.Uint32(b[36:]))
	d.S(", idiag_cookie=[")
	d.Uint(uint64(le.Uint32(b[40:])))
	d.S(", ")
	d.Uint(uint64(le.Uint32(b[44:])))
	d.S("]}")
}

// diagAddr appends one of the sockid's addresses, the field name first:
// the address of the family (its 16 bytes with -X raw and verbose, as
// strace prints them). An IPv6 address in the default style names its
// field inside, as inet_pton(AF_INET6, "::1", &idiag_src).
func (d *Decoder) diagAddr(family uint8, field string, b []byte, alen int) {
	st := d.Opts.Style
	if st == format.Abbrev && family == unix.AF_INET6 {
		d.inetAddr(unix.AF_INET6, b[:alen], field)
		return
	}
	d.S(field)
	d.S("=")
	if st != format.Abbrev {
		d.hexBytes(b)
	}
	if st == format.Raw {
		return
	}
	if st == format.Verbose {
		d.S(" /* ")
	}
	saved := d.Opts.Style
	d.Opts.Style = format.Abbrev
	d.inetAddr(int(family), b[:alen], "")
	d.Opts.Style = saved
	if st == format.Verbose {
		d.S(" */")
	}
}

// inetDiagReq appends a struct inet_diag_req_v2 and its attributes.
func (d *Decoder) inetDiagReq(m *nlMem, family uint8, off, n uint64) {
	b := d.familyHead(m, "sdiag_family", off, n, sizeofInetDiagReqV2)
	if b == nil {
		return
	}
	d.S("sdiag_protocol=")
	d.Value(inetProtocols, uint64(b[1]), "IPPROTO_???")
	d.S(", idiag_ext=")
	d.Flags(inetDiagExtFlags, uint64(b[2]), "1<<(INET_DIAG_???-1)")
	d.S(", idiag_states=")
	d.Flags(tcpStateFlags, uint64(binary.LittleEndian.Uint32(b[4:])), "1<<TCP_???")
	d.S(", id=")
	d.inetDiagSockid(family, b[8:56])
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, sizeofInetDiagReqV2, inetDiagReqAttrSpec)
}

// inetDiagMsg appends a struct inet_diag_msg and its attributes.
func (d *Decoder) inetDiagMsg(m *nlMem, family uint8, off, n uint64) {
	b := d.familyHead(m, "idiag_family", off, n, sizeofInetDiagMsg)
	if b == nil {
		return
	}
	le := binary.LittleEndian
	d.S("idiag_state=")
	d.Value(tcpStates, uint64(b[1]), "TCP_???")
	d.S(", idiag_timer=")
	d.Uint(uint64(b[2]))
	d.S(", idiag_retrans=")
	d.Uint(uint64(b[3]))
	d.S(", id=")
	d.inetDiagSockid(family, b[4:52])
	for i, name := range []string{"idiag_expires", "idiag_rqueue", "idiag_wqueue", "idiag_uid", "idiag_inode"} {
		d.S(", ")
		d.S(name)
		d.S("=")
		d.Uint(uint64(le.Uint32(b[52+4*i:])))
	}
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, sizeofInetDiagMsg, inetDiagAttrSpec)
}

var inetDiagReqAttrSpec = &nlaSpec{names: inetDiagReqAttrs, dflt: "INET_DIAG_REQ_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == 3 { // INET_DIAG_REQ_PROTOCOL
			return d.nlaUint(m, off, n, 4)
		}
		return false
	}}

// inetDiagSockoptBits names struct inet_diag_sockopt's one-bit fields,
// of which strace prints those set.
var inetDiagSockoptBits = []string{
	"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent",
	"mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884",
	"defer_connect",
}

var inetDiagAttrSpec = &nlaSpec{names: inetDiagAttrs, dflt: "INET_DIAG_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // INET_DIAG_MEMINFO
			b, fits, ok := d.nlStruct(m, off, n, 16)
			if ok {
				d.nlFields(b, 4, "idiag_rmem", "idiag_wmem", "idiag_fmem", "idiag_tmem")
			}
			return fits
		case 7: // INET_DIAG_SKMEMINFO
			return d.nlaMeminfo(m, off, n)
		case 4: // INET_DIAG_CONG
			d.nlCStr(m, off, n)
			return true
		case 5, 6, 8, 11: // INET_DIAG_TOS, TCLASS, SHUTDOWN, SKV6ONLY
			return d.nlaUint(m, off, n, 1)
		case 10: // INET_DIAG_PROTOCOL
			return d.nlaXval(m, off, n, 1, inetProtocols, "IPPROTO_???", nil)
		case 15, 17: // INET_DIAG_MARK, INET_DIAG_CLASS_ID
			return d.nlaUint(m, off, n, 4)
		case 21: // INET_DIAG_CGROUP_ID
			return d.nlaUint(m, off, n, 8)
		case 22: // INET_DIAG_SOCKOPT
			b, fits, ok := d.nlStruct(m, off, n, 2)
			if ok {
				v := uint64(binary.LittleEndian.Uint16(b))
				d.S("{")
				first := true
				// -v prints every field, else those set.
				for i, name := range inetDiagSockoptBits {
					bit := v >> i & 1
					if bit == 0 && !d.Opts.Verbose {
						continue
					}
					if !first {
						d.S(", ")
					}
					first = false
					d.S(name)
					d.S("=")
					d.Uint(bit)
				}
				if rest := v >> len(inetDiagSockoptBits); rest != 0 || d.Opts.Verbose {
					if !first {
						d.S(", ")
					}
					d.S("unused=")
					d.Hex(rest)
					d.S(" /* bits 3..8 */")
				}
				d.S("}")
			}
			return fits
		}
		return false
	}}

// tcpStateFlags are idiag_states' bits, 1 << TCP_* (names that are not
// identifiers, so not in xlat/netlink.txt).
var tcpStateFlags = func() format.FlagSet {
	var fs format.FlagSet
	for _, v := range tcpStates {
		fs = append(fs, format.Flag{Val: 1 << v.Val, Name: "1<<" + v.Name})
	}
	return fs
}()

// inetDiagExtFlags are idiag_ext's bits, 1 << (INET_DIAG_* - 1).
var inetDiagExtFlags = func() format.FlagSet {
	var fs format.FlagSet
	for _, v := range inetDiagAttrs {
		if v.Val >= 1 && v.Val <= 8 {
			fs = append(fs, format.Flag{Val: 1 << (v.Val - 1), Name: "1<<(" + v.Name + "-1)"})
		}
	}
	return fs
}()
