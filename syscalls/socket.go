package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// Sockets: socket, socketpair, bind, connect, listen, accept, accept4,
// getsockname, getpeername, shutdown, sendto, recvfrom, sendmsg, recvmsg,
// sendmmsg, recvmmsg.

// sockTypeMask is the socket type field of socket's type argument; the
// bits above it are SOCK_* flags. The kernel's SOCK_TYPE_MASK is not in
// x/sys.
const sockTypeMask = 0xf

// sockTypes names the socket type field.
var sockTypes = format.ValueSet{
	{Val: unix.SOCK_STREAM, Name: "SOCK_STREAM"},
	{Val: unix.SOCK_DGRAM, Name: "SOCK_DGRAM"},
	{Val: unix.SOCK_RAW, Name: "SOCK_RAW"},
	{Val: unix.SOCK_RDM, Name: "SOCK_RDM"},
	{Val: unix.SOCK_SEQPACKET, Name: "SOCK_SEQPACKET"},
	{Val: unix.SOCK_DCCP, Name: "SOCK_DCCP"},
	{Val: unix.SOCK_PACKET, Name: "SOCK_PACKET"},
}

// sockTypeFlags are the flags above the type field (and accept4's flags).
var sockTypeFlags = format.FlagSet{
	{Val: unix.SOCK_CLOEXEC, Name: "SOCK_CLOEXEC"},
	{Val: unix.SOCK_NONBLOCK, Name: "SOCK_NONBLOCK"},
}

// inetProtocols names IPPROTO_* (AF_INET/AF_INET6 socket protocols).
var inetProtocols = format.ValueSet{
	{Val: unix.IPPROTO_IP, Name: "IPPROTO_IP"},
	{Val: unix.IPPROTO_ICMP, Name: "IPPROTO_ICMP"},
	{Val: unix.IPPROTO_IGMP, Name: "IPPROTO_IGMP"},
	{Val: unix.IPPROTO_IPIP, Name: "IPPROTO_IPIP"},
	{Val: unix.IPPROTO_TCP, Name: "IPPROTO_TCP"},
	{Val: unix.IPPROTO_EGP, Name: "IPPROTO_EGP"},
	{Val: unix.IPPROTO_PUP, Name: "IPPROTO_PUP"},
	{Val: unix.IPPROTO_UDP, Name: "IPPROTO_UDP"},
	{Val: unix.IPPROTO_IDP, Name: "IPPROTO_IDP"},
	{Val: unix.IPPROTO_TP, Name: "IPPROTO_TP"},
	{Val: unix.IPPROTO_DCCP, Name: "IPPROTO_DCCP"},
	{Val: unix.IPPROTO_IPV6, Name: "IPPROTO_IPV6"},
	{Val: unix.IPPROTO_ROUTING, Name: "IPPROTO_ROUTING"},
	{Val: unix.IPPROTO_FRAGMENT, Name: "IPPROTO_FRAGMENT"},
	{Val: unix.IPPROTO_RSVP, Name: "IPPROTO_RSVP"},
	{Val: unix.IPPROTO_GRE, Name: "IPPROTO_GRE"},
	{Val: unix.IPPROTO_ESP, Name: "IPPROTO_ESP"},
	{Val: unix.IPPROTO_AH, Name: "IPPROTO_AH"},
	{Val: unix.IPPROTO_ICMPV6, Name: "IPPROTO_ICMPV6"},
	{Val: unix.IPPROTO_NONE, Name: "IPPROTO_NONE"},
	{Val: unix.IPPROTO_DSTOPTS, Name: "IPPROTO_DSTOPTS"},
	{Val: unix.IPPROTO_MTP, Name: "IPPROTO_MTP"},
	{Val: unix.IPPROTO_BEETPH, Name: "IPPROTO_BEETPH"},
	{Val: unix.IPPROTO_ENCAP, Name: "IPPROTO_ENCAP"},
	{Val: unix.IPPROTO_PIM, Name: "IPPROTO_PIM"},
	{Val: unix.IPPROTO_COMP, Name: "IPPROTO_COMP"},
	{Val: unix.IPPROTO_L2TP, Name: "IPPROTO_L2TP"},
	{Val: unix.IPPROTO_SCTP, Name: "IPPROTO_SCTP"},
	{Val: unix.IPPROTO_MH, Name: "IPPROTO_MH"},
	{Val: unix.IPPROTO_UDPLITE, Name: "IPPROTO_UDPLITE"},
	{Val: unix.IPPROTO_MPLS, Name: "IPPROTO_MPLS"},
	{Val: unix.IPPROTO_ETHERNET, Name: "IPPROTO_ETHERNET"},
	{Val: unix.IPPROTO_RAW, Name: "IPPROTO_RAW"},
	{Val: unix.IPPROTO_SMC, Name: "IPPROTO_SMC"},
	{Val: unix.IPPROTO_MPTCP, Name: "IPPROTO_MPTCP"},
}

// Message flag bits x/sys does not name (strace 6.1 does): two
// sendpage-internal bits and the CONFIG_COMPAT-dependent MSG_CMSG_COMPAT.
const (
	msgSendpageNotlast = 0x20000
	msgNoSharedFrags   = 0x80000
	msgCmsgCompat      = 0x80000000
	msgProbe           = 0x10 // MSG_PROBE: x/sys names it MSG_PROXY only
)

// msgFlags are the MSG_* flags of send/recv calls and msghdr.msg_flags.
var msgFlags = format.FlagSet{
	{Val: unix.MSG_OOB, Name: "MSG_OOB"},
	{Val: unix.MSG_PEEK, Name: "MSG_PEEK"},
	{Val: unix.MSG_DONTROUTE, Name: "MSG_DONTROUTE"},
	{Val: unix.MSG_CTRUNC, Name: "MSG_CTRUNC"},
	{Val: msgProbe, Name: "MSG_PROBE"},
	{Val: unix.MSG_TRUNC, Name: "MSG_TRUNC"},
	{Val: unix.MSG_DONTWAIT, Name: "MSG_DONTWAIT"},
	{Val: unix.MSG_EOR, Name: "MSG_EOR"},
	{Val: unix.MSG_WAITALL, Name: "MSG_WAITALL"},
	{Val: unix.MSG_FIN, Name: "MSG_FIN"},
	{Val: unix.MSG_SYN, Name: "MSG_SYN"},
	{Val: unix.MSG_CONFIRM, Name: "MSG_CONFIRM"},
	{Val: unix.MSG_RST, Name: "MSG_RST"},
	{Val: unix.MSG_ERRQUEUE, Name: "MSG_ERRQUEUE"},
	{Val: unix.MSG_NOSIGNAL, Name: "MSG_NOSIGNAL"},
	{Val: unix.MSG_MORE, Name: "MSG_MORE"},
	{Val: unix.MSG_WAITFORONE, Name: "MSG_WAITFORONE"},
	{Val: msgSendpageNotlast, Name: "MSG_SENDPAGE_NOTLAST"},
	{Val: unix.MSG_BATCH, Name: "MSG_BATCH"},
	{Val: msgNoSharedFrags, Name: "MSG_NO_SHARED_FRAGS"},
	{Val: unix.MSG_ZEROCOPY, Name: "MSG_ZEROCOPY"},
	{Val: unix.MSG_FASTOPEN, Name: "MSG_FASTOPEN"},
	{Val: unix.MSG_CMSG_CLOEXEC, Name: "MSG_CMSG_CLOEXEC"},
	{Val: msgCmsgCompat, Name: "MSG_CMSG_COMPAT"},
}

// shutdownHow names shutdown's how.
var shutdownHow = format.ValueSet{
	{Val: unix.SHUT_RD, Name: "SHUT_RD"},
	{Val: unix.SHUT_WR, Name: "SHUT_WR"},
	{Val: unix.SHUT_RDWR, Name: "SHUT_RDWR"},
}

// sockType appends socket's type: the type field by name, then the flags
// (an unknown type prints the whole word through the flags).
func (d *Decoder) sockType(v uint32) {
	if name, ok := sockTypes.Name(uint64(v & sockTypeMask)); ok {
		switch d.Opts.Style {
		case format.Raw:
			d.Hex(uint64(v & sockTypeMask))
		case format.Verbose:
			d.Hex(uint64(v & sockTypeMask))
			d.S(" /* ")
			d.S(name)
			d.S(" */")
		default:
			d.S(name)
		}
		v &^= sockTypeMask
		if v == 0 {
			return
		}
		d.S("|")
	}
	d.Flags(sockTypeFlags, uint64(v), "SOCK_???")
}

// Entry-state slots in Call.Saved for the socket-address out-parameters.
const (
	savedSocklen = 0 // the *addrlen value before the call
	savedState   = 1 // sockState
	savedRlen    = 2 // the *addrlen value after the call
)

// sockState says how an out-parameter address and its length print at
// exit.
const (
	sockNoLen   = iota // no readable length at entry: both addresses
	sockFailed         // the call failed (or the length is unreadable now): addr, [ulen]
	sockDecoded        // the address, and [ulen] or [ulen => rlen]
)

var (
	// SockFamily prints an address family (socket's domain): AF_INET.
	SockFamily = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(addrFamilies, uint64(uint32(c.Args[i])), "AF_???")
	}}
	// SockType prints socket's type: the type, then SOCK_* flags.
	SockType = &Arg{Print: func(d *Decoder, c *Call, i int) { d.sockType(uint32(c.Args[i])) }}
	// SockProto prints socket's protocol by the family two arguments
	// before it: IPPROTO_* for AF_INET/AF_INET6, NETLINK_* for
	// AF_NETLINK, htons(ETH_P_*) for AF_PACKET, else a number.
	SockProto = &Arg{Print: func(d *Decoder, c *Call, i int) {
		v := c.Args[i]
		switch c.Args[i-2] {
		case unix.AF_INET, unix.AF_INET6:
			d.Value(inetProtocols, uint64(uint32(v)), "IPPROTO_???")
		case unix.AF_NETLINK:
			d.Value(netlinkProtocols, uint64(uint32(v)), "NETLINK_???")
		case unix.AF_PACKET:
			p := uint16(v)
			d.S("htons(")
			d.Value(ethernetProtocols, uint64(p>>8|p<<8), "ETH_P_???")
			d.S(")")
		default:
			d.Uint(v)
		}
	}}
	// SockaddrIn prints a socket address the call reads (bind, connect,
	// sendto) at entry; its length is the next argument.
	SockaddrIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.sockaddr(c.Args[i], int(int32(c.Args[i+1])))
	}}
	// SockaddrOut prints a socket address the call fills (accept,
	// getsockname, recvfrom) at exit, cut to the length the call
	// returned in *addrlen (the next argument). At entry it keeps the
	// length *addrlen held before the call.
	SockaddrOut = &Arg{AtExit: true, Save: saveSocklen, Print: printSockaddrOut}
	// SocklenOut prints the socklen_t pointer after a SockaddrOut at
	// exit: [16], [128 => 16] when the call changed it, the address when
	// it could not be read at entry.
	SocklenOut = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		switch c.Saved[savedState] {
		case sockNoLen:
			d.Addr(c.Args[i])
		case sockFailed:
			d.S("[")
			d.Int(int64(int32(c.Saved[savedSocklen])))
			d.S("]")
		default:
			ulen, rlen := int32(c.Saved[savedSocklen]), int32(c.Saved[savedRlen])
			d.S("[")
			if ulen != rlen {
				d.Int(int64(ulen))
				d.S(" => ")
			}
			d.Int(int64(rlen))
			d.S("]")
		}
	}}
	// SockFlags prints accept4's SOCK_* flags.
	SockFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(sockTypeFlags, uint64(uint32(c.Args[i])), "SOCK_???")
	}}
	// MsgFlags prints send/recv MSG_* flags.
	MsgFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(msgFlags, uint64(uint32(c.Args[i])), "MSG_???")
	}}
	// RecvBuf prints a buffer a receive call fills at exit: as many
	// bytes as it returned (at most the length, the next argument); the
	// bare address if it failed.
	RecvBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		n := uint64(c.Ret)
		if n > c.Args[i+1] {
			n = c.Args[i+1]
		}
		d.Buf(c.Args[i], n)
	}}
	// ShutdownHow prints shutdown's SHUT_* value.
	ShutdownHow = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(shutdownHow, uint64(uint32(c.Args[i])), "SHUT_???")
	}}
	// FdPair prints the two descriptors socketpair (or pipe2) stored at
	// exit: [3, 4]; the address if the call failed.
	FdPair = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.array(c.Args[i], 2, 4, func(b []byte) { d.Fd(int(int32(binary.LittleEndian.Uint32(b)))) })
	}}
)

// saveSocklen keeps, at entry, the value of the socklen_t the argument
// after arg i points to (when both pointers are set and it is readable).
func saveSocklen(d *Decoder, c *Call, i int) {
	c.Saved[savedState] = sockNoLen
	c.Saved[savedSocklen] = 0
	if c.Args[i] == 0 || c.Args[i+1] == 0 {
		return
	}
	if v, ok := d.ReadU32(c.Args[i+1]); ok {
		c.Saved[savedSocklen] = uint64(v)
		c.Saved[savedState] = sockDecoded
	}
}

func printSockaddrOut(d *Decoder, c *Call, i int) {
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
	ulen, r := int32(c.Saved[savedSocklen]), int32(rlen)
	if r < ulen {
		ulen = r
	}
	d.sockaddr(c.Args[i], int(ulen))
}
