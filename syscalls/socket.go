package syscalls

import (
	"encoding/binary"
	"strconv"
	"sync"

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

// socket.go's flag and value sets are listed in xlat/socket.txt, from which
// go generate writes zxlat.go.

// Message flag bits x/sys does not name (strace 6.1 does): two
// sendpage-internal bits and the CONFIG_COMPAT-dependent MSG_CMSG_COMPAT.
const (
	msgSendpageNotlast = 0x20000
	msgNoSharedFrags   = 0x80000
	msgCmsgCompat      = 0x80000000
	msgProbe           = 0x10 // MSG_PROBE: x/sys names it MSG_PROXY only
)

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
	sockAtEntry        // printed whole at entry (accept's NULL, NULL): nothing at exit
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
	// accept4, getsockname, getpeername) at exit, cut to the length the
	// call returned in *addrlen (the next argument). At entry it keeps
	// the length *addrlen held before the call; when there is none to
	// keep (a NULL pointer, an unreadable length) it prints both
	// pointers at entry instead, as strace does, so a blocked
	// accept(3, NULL, NULL) line is whole before "<unfinished ...>".
	SockaddrOut = &Arg{AtExit: true, Save: saveSocklenOrPrint, Print: printSockaddrOut}
	// RecvAddrOut is SockaddrOut for recvfrom, which strace always
	// prints at exit.
	RecvAddrOut = &Arg{AtExit: true, Save: saveSocklen, Print: printSockaddrOut}
	// SocklenOut prints the socklen_t pointer after a SockaddrOut at
	// exit: [16], [128 => 16] when the call changed it, the address when
	// it could not be read at entry.
	SocklenOut = &Arg{AtExit: true, Skip: printedAtEntry, Print: func(d *Decoder, c *Call, i int) {
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
	// SockFlags prints accept4's SOCK_* flags (after a SockaddrOut: at
	// entry with it when it printed there).
	SockFlags = &Arg{Skip: printedAtEntry,
		Save: func(d *Decoder, c *Call, i int) {
			if c.Saved[savedState] == sockAtEntry {
				d.S(", ")
				d.Flags(sockTypeFlags, uint64(uint32(c.Args[i])), "SOCK_???")
			}
		},
		Print: func(d *Decoder, c *Call, i int) {
			d.Flags(sockTypeFlags, uint64(uint32(c.Args[i])), "SOCK_???")
		}}
	// MsgFlags prints send/recv MSG_* flags.
	MsgFlags = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Flags(msgFlags, uint64(uint32(c.Args[i])), "MSG_???")
	}}
	// SockBufIn prints the buffer a send call sends (its length is the
	// next argument): netlink messages on a netlink socket (the fd is
	// the first argument), else a string.
	SockBufIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.sockBuf(int(int32(c.Args[0])), c.Args[i], c.Args[i+1])
	}}
	// RecvBuf prints a buffer a receive call fills at exit: as many
	// bytes as it returned (at most the length, the next argument), as
	// SockBufIn does; the bare address if it failed.
	RecvBuf = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		n := uint64(c.Ret)
		if n > c.Args[i+1] {
			n = c.Args[i+1]
		}
		d.sockBuf(int(int32(c.Args[0])), c.Args[i], n)
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

// saveSocklenOrPrint is saveSocklen, printing the address and length
// pointers at entry when there is no length to keep.
func saveSocklenOrPrint(d *Decoder, c *Call, i int) {
	saveSocklen(d, c, i)
	if c.Saved[savedState] == sockNoLen {
		c.Saved[savedState] = sockAtEntry
		d.Addr(c.Args[i])
		d.S(", ")
		d.Addr(c.Args[i+1])
	}
}

// printedAtEntry says an argument after a SockaddrOut was printed at entry
// (for Skip, at exit; the state is set at entry by the SockaddrOut).
func printedAtEntry(c *Call, i int) bool {
	return c.next > 0 && c.Saved[savedState] == sockAtEntry
}

func printSockaddrOut(d *Decoder, c *Call, i int) {
	if c.Saved[savedState] == sockAtEntry {
		return
	}
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

// Message headers: struct msghdr, its control messages, and struct
// mmsghdr (amd64 layouts).
const (
	sizeofMsghdr  = 56
	sizeofMmsghdr = 64
	sizeofCmsghdr = 16
	// iovMax bounds the messages of one sendmmsg/recvmmsg printed, as
	// the kernel's UIO_MAXIOV bounds them.
	iovMax = 1024
)

// OptmemMax bounds the control data read for one message, as the
// kernel's net.core.optmem_max bounds it (strace reads the tracer's
// setting; tests may change this).
var OptmemMax uint64 = 131072

// msghdr is a struct msghdr read from the tracee.
type msghdr struct {
	name       uint64
	namelen    uint32
	iov        uint64
	iovlen     uint64
	control    uint64
	controllen uint64
	flags      uint32
}

func parseMsghdr(b []byte) msghdr {
	le := binary.LittleEndian
	return msghdr{
		name: le.Uint64(b), namelen: le.Uint32(b[8:]),
		iov: le.Uint64(b[16:]), iovlen: le.Uint64(b[24:]),
		control: le.Uint64(b[32:]), controllen: le.Uint64(b[40:]),
		flags: le.Uint32(b[48:]),
	}
}

// readMsghdr reads the struct msghdr at addr.
func (d *Decoder) readMsghdr(addr uint64) (msghdr, bool) {
	b, ok := d.Read(addr, sizeofMsghdr)
	if !ok {
		return msghdr{}, false
	}
	return parseMsghdr(b), true
}

// msghdr appends a struct msghdr: its address (msg_name, cut to the
// length the caller had, userLen, when it is not negative), the iovec data
// (at most dataSize bytes), the control messages and the flags.
func (d *Decoder) msghdr(fd int, m msghdr, userLen int64, dataSize uint64) {
	namelen := int64(int32(m.namelen))
	if userLen >= 0 && namelen > userLen {
		namelen = userLen
	}
	d.S("{msg_name=")
	d.sockaddr(m.name, int(namelen))
	d.S(", msg_namelen=")
	if userLen >= 0 && userLen != int64(int32(m.namelen)) {
		d.Int(userLen)
		d.S(" => ")
	}
	d.Int(int64(int32(m.namelen)))
	d.S(", msg_iov=")
	if d.nameFamily(m.name, int(namelen)) == unix.AF_NETLINK {
		// strace decodes the data as netlink messages by the address's
		// family, not the socket's: a netlink socket's message without
		// msg_name prints as a string.
		proto := d.netlinkOf(fd)
		if proto < nlNoProto {
			proto = nlNoProto
		}
		d.iovecData(m.iov, m.iovlen, true, dataSize, func(addr, n uint64) { d.netlinkData(proto, addr, n) })
	} else {
		d.iovec(m.iov, m.iovlen, true, dataSize)
	}
	d.S(", msg_iovlen=")
	d.Uint(m.iovlen)
	if m.controllen != 0 {
		d.S(", msg_control=")
		d.msgControl(m.control, m.controllen)
	}
	d.S(", msg_controllen=")
	d.Uint(m.controllen)
	d.S(", msg_flags=")
	d.Flags(msgFlags, uint64(m.flags), "MSG_???")
	d.S("}")
}

// nameFamily returns the family of the socket address of n bytes at
// addr, -1 when there is none (as strace's decode_sockaddr returns it).
func (d *Decoder) nameFamily(addr uint64, n int) int {
	if addr == 0 || n < 2 {
		return -1
	}
	b, ok := d.Read(addr, 2)
	if !ok {
		return -1
	}
	return int(binary.LittleEndian.Uint16(b))
}

// msgControl appends the control messages of n bytes at addr:
// [{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS,
// cmsg_data=[3]}]; the address when shorter than one header or
// unreadable.
func (d *Decoder) msgControl(addr, n uint64) {
	limit := (OptmemMax + 7) &^ 7
	ctl := n
	if ctl > limit {
		ctl = limit
	}
	if ctl > maxRead {
		ctl = maxRead
	}
	if ctl < sizeofCmsghdr {
		d.Addr(addr)
		return
	}
	b, ok := d.Read(addr, int(ctl))
	if !ok {
		d.Addr(addr)
		return
	}
	buf := append([]byte(nil), b...)
	left := uint64(len(buf))
	off := uint64(0)
	d.S("[")
	for left >= sizeofCmsghdr {
		h := buf[off:]
		clen := binary.LittleEndian.Uint64(h)
		level := int32(binary.LittleEndian.Uint32(h[8:]))
		typ := int32(binary.LittleEndian.Uint32(h[12:]))
		if off > 0 {
			d.S(", ")
		}
		d.S("{cmsg_len=")
		d.Uint(clen)
		d.S(", cmsg_level=")
		d.Value(socketLevels, uint64(uint32(level)), "SOL_???")
		d.S(", cmsg_type=")
		l := clen
		if l > left {
			l = left
		}
		var data []byte
		if l > sizeofCmsghdr {
			data = h[sizeofCmsghdr:l]
		}
		d.cmsgData(level, typ, data)
		d.S("}")
		if l < sizeofCmsghdr {
			left -= sizeofCmsghdr
			break
		}
		step := (clen + 7) &^ 7
		if step >= left || step < clen {
			left = 0
			break
		}
		off += step
		left -= step
	}
	if left != 0 {
		d.S(", ... /* ")
		d.Hex(addr + (ctl - left))
		d.S(" */")
	} else if ctl < n {
		d.S(", ...")
	}
	d.S("]")
}

// cmsgData appends a control message's type and, for the types strace
// decodes, ", cmsg_data=…".
func (d *Decoder) cmsgData(level, typ int32, data []byte) {
	n := len(data)
	le := binary.LittleEndian
	switch level {
	case unix.SOL_SOCKET:
		d.Value(scmTypes, uint64(uint32(typ)), "SCM_???")
		switch {
		case typ == unix.SCM_RIGHTS && n >= 4:
			d.S(", cmsg_data=")
			d.localArray(data, 4, func(b []byte) { d.Fd(int(int32(le.Uint32(b)))) })
		case typ == unix.SCM_CREDENTIALS && n >= 12:
			d.S(", cmsg_data={pid=")
			d.Int(int64(int32(le.Uint32(data))))
			d.S(", uid=")
			d.Uint(uint64(le.Uint32(data[4:])))
			d.S(", gid=")
			d.Uint(uint64(le.Uint32(data[8:])))
			d.S("}")
		case typ == unix.SCM_SECURITY && n >= 1:
			d.S(", cmsg_data=")
			d.B = format.AppendQuoted(d.B, data, d.Opts.X, false)
		case (typ == unix.SO_TIMESTAMP_OLD || typ == unix.SO_TIMESTAMP_NEW) && n >= 1:
			d.S(", cmsg_data=")
			d.timeData(data, true)
		case (typ == unix.SO_TIMESTAMPNS_OLD || typ == unix.SO_TIMESTAMPNS_NEW) && n >= 1:
			d.S(", cmsg_data=")
			d.timeData(data, false)
		case (typ == unix.SO_TIMESTAMPING_OLD || typ == unix.SO_TIMESTAMPING_NEW) && n >= 1:
			d.S(", cmsg_data=")
			if n < 48 {
				d.S("???")
				return
			}
			d.S("[")
			for k := 0; k < 3; k++ {
				if k > 0 {
					d.S(", ")
				}
				d.timeData(data[16*k:], false)
			}
			d.S("]")
		}
	case unix.SOL_IP:
		d.Value(ipCmsgTypes, uint64(uint32(typ)), "IP_???")
		switch {
		case typ == unix.IP_PKTINFO && n >= 12:
			d.S(", cmsg_data={ipi_ifindex=")
			d.ifindex(le.Uint32(data))
			d.S(", ipi_spec_dst=")
			d.inetAddr(unix.AF_INET, data[4:8], "")
			d.S(", ipi_addr=")
			d.inetAddr(unix.AF_INET, data[8:12], "")
			d.S("}")
		case (typ == unix.IP_TTL || typ == unix.IP_CHECKSUM) && n >= 4:
			d.S(", cmsg_data=")
			d.localArray(data, 4, func(b []byte) { d.Uint(uint64(le.Uint32(b))) })
		case (typ == unix.IP_TOS || typ == unix.IP_RECVOPTS || typ == unix.IP_RETOPTS) && n >= 1:
			d.S(", cmsg_data=")
			d.localArray(data, 1, func(b []byte) { d.Hex(uint64(b[0])) })
		case typ == unix.IP_RECVERR && n >= 32:
			// struct sock_extended_err, then the offender's
			// struct sockaddr_in (SO_EE_OFFENDER).
			d.S(", cmsg_data={ee_errno=")
			d.Uint(uint64(le.Uint32(data)))
			d.S(", ee_origin=")
			d.Uint(uint64(data[4]))
			d.S(", ee_type=")
			d.Uint(uint64(data[5]))
			d.S(", ee_code=")
			d.Uint(uint64(data[6]))
			d.S(", ee_info=")
			d.Uint(uint64(le.Uint32(data[8:])))
			d.S(", ee_data=")
			d.Uint(uint64(le.Uint32(data[12:])))
			d.S(", offender=")
			d.sockaddr16(data[16:])
			d.S("}")
		case typ == unix.SCM_SECURITY && n >= 1: // the security context, as at SOL_SOCKET
			d.S(", cmsg_data=")
			d.B = format.AppendQuoted(d.B, data, d.Opts.X, false)
		case typ == unix.IP_ORIGDSTADDR && n >= sizeofSockaddrIn:
			d.S(", cmsg_data=")
			var buf [sizeofSockaddrStorage + 1]byte
			k := copy(buf[:sizeofSockaddrStorage], data)
			d.sockaddrBytes(buf[:], k)
		}
	default:
		d.Hex(uint64(uint32(typ)))
	}
}

// localArray appends the elements of size bytes in b (already read) as
// strace prints an array, with "..." after -s elements unless -v.
func (d *Decoder) localArray(b []byte, size int, elem func([]byte)) {
	n := len(b) / size
	d.S("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			d.S(", ")
		}
		if !d.Opts.Verbose && i >= d.Opts.StrSize {
			d.S("...")
			break
		}
		elem(b[i*size : (i+1)*size])
	}
	d.S("]")
}

// timeData appends a struct timeval (usec) or timespec held in a control
// message: {tv_sec=…, tv_usec=…}; "???" when too short (strace 6.1).
func (d *Decoder) timeData(b []byte, usec bool) {
	if len(b) < 16 {
		d.S("???")
		return
	}
	d.B = appendTimeFields(d.B, b, usec)
}

// appendTimeFields appends the 16-byte timeval/timespec in b.
func appendTimeFields(out, b []byte, usec bool) []byte {
	out = append(out, "{tv_sec="...)
	out = strconv.AppendInt(out, int64(binary.LittleEndian.Uint64(b)), 10)
	if usec {
		out = append(out, ", tv_usec="...)
	} else {
		out = append(out, ", tv_nsec="...)
	}
	// Unsigned, as strace 6.1 prints a control message's sub-second
	// field (found by the poke hunt).
	out = strconv.AppendUint(out, binary.LittleEndian.Uint64(b[8:]), 10)
	return append(out, '}')
}

var (
	// MsghdrIn prints sendmsg's struct msghdr at entry, with all its
	// iovec data.
	MsghdrIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		m, ok := d.readMsghdr(c.Args[i])
		if !ok {
			d.Addr(c.Args[i])
			return
		}
		d.msghdr(int(int32(c.Args[0])), m, -1, ^uint64(0))
	}}
	// MsghdrOut prints recvmsg's struct msghdr at exit: the data of the
	// bytes received, the sender's address cut to the msg_namelen the
	// caller had (kept at entry), {msg_namelen=…} if the call failed.
	MsghdrOut = &Arg{AtExit: true,
		Save: func(d *Decoder, c *Call, i int) {
			c.Saved[savedState] = sockNoLen
			if m, ok := d.readMsghdr(c.Args[i]); ok {
				c.Saved[savedSocklen] = uint64(m.namelen)
				c.Saved[savedState] = sockDecoded
			}
		},
		Print: func(d *Decoder, c *Call, i int) {
			if c.Saved[savedState] == sockNoLen {
				d.Addr(c.Args[i])
				return
			}
			user := int64(int32(c.Saved[savedSocklen]))
			if c.Failed() {
				d.S("{msg_namelen=")
				d.Int(user)
				d.S("}")
				return
			}
			m, ok := d.readMsghdr(c.Args[i])
			if !ok {
				d.Addr(c.Args[i])
				return
			}
			d.msghdr(int(int32(c.Args[0])), m, user, uint64(c.Ret))
		}}
	// MmsgSend prints sendmmsg's array of struct mmsghdr at exit (vlen,
	// the next argument, elements), with msg_len for the messages sent.
	MmsgSend = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		sent := uint64(0)
		if !c.Failed() {
			sent = uint64(c.Ret)
		}
		d.mmsgvec(int(int32(c.Args[0])), c.Args[i], uint64(uint32(c.Args[i+1])), sent, false, nil)
	}}
	// MmsgRecv prints recvmmsg's array of struct mmsghdr at exit: the
	// messages received (the return value), each with its data and
	// msg_len; the address if the call failed. At entry it keeps each
	// message's msg_namelen and the timeout (the argument three after).
	MmsgRecv = &Arg{AtExit: true, Save: saveMmsg, Print: func(d *Decoder, c *Call, i int) {
		st := takeMmsgState(c)
		if c.Failed() {
			d.Addr(c.Args[i])
			return
		}
		d.mmsgvec(int(int32(c.Args[0])), c.Args[i], uint64(c.Ret), uint64(c.Ret), true, st.namelen)
	}}
	// MmsgTimeout prints recvmmsg's timeout as it was at entry (kept by
	// MmsgRecv), and sets "Timeout" or the time left as the detail.
	MmsgTimeout = &Arg{AtExit: true, Print: func(d *Decoder, c *Call, i int) {
		mmsgMu.Lock()
		st := mmsgStates[c]
		delete(mmsgStates, c)
		mmsgMu.Unlock()
		if st != nil {
			d.S(st.timeout)
		} else {
			d.B = appendPollTime(d.B, d, c.Args[i], false)
		}
		switch {
		case c.Failed():
		case c.Ret == 0:
			c.Detail = "Timeout"
		case c.Args[i] != 0 && !d.Terse:
			c.Detail = "left " + string(appendPollTime(nil, d, c.Args[i], false))
		}
	}}
)

// mmsgState is what recvmmsg keeps from entry to exit beyond Call.Saved:
// each message's msg_namelen and the timeout's text.
type mmsgState struct {
	namelen []int32
	timeout string
}

// mmsgStates holds the entry state of recvmmsg calls in flight, keyed by
// their Call; the exit takes it out. (Call.Saved has only four words.)
var (
	mmsgMu     sync.Mutex
	mmsgStates = map[*Call]*mmsgState{}
)

func saveMmsg(d *Decoder, c *Call, i int) {
	vlen := uint64(uint32(c.Args[i+1]))
	if vlen > iovMax {
		vlen = iovMax
	}
	st := &mmsgState{timeout: string(appendPollTime(nil, d, c.Args[i+3], false))}
	for k := uint64(0); k < vlen; k++ {
		m, ok := d.readMsghdr(c.Args[i] + k*sizeofMmsghdr)
		if !ok {
			break
		}
		st.namelen = append(st.namelen, int32(m.namelen))
	}
	mmsgMu.Lock()
	if len(mmsgStates) > 4096 {
		// Calls that never exited (their threads died): drop them.
		clear(mmsgStates)
	}
	mmsgStates[c] = st
	mmsgMu.Unlock()
}

// takeMmsgState returns the entry state of recvmmsg call c (empty if
// none), leaving the timeout for MmsgTimeout.
func takeMmsgState(c *Call) *mmsgState {
	mmsgMu.Lock()
	defer mmsgMu.Unlock()
	if st := mmsgStates[c]; st != nil {
		return st
	}
	return &mmsgState{}
}

// mmsgvec appends n struct mmsghdr at addr: {msg_hdr={…}, msg_len=…},
// msg_len for the first withLen; with useLen each message's data is cut
// to its msg_len; namelen holds the msg_namelen each had at entry.
func (d *Decoder) mmsgvec(fd int, addr, n, withLen uint64, useLen bool, namelen []int32) {
	k := 0
	count := iovMax
	if namelen != nil && len(namelen) < count {
		count = len(namelen)
	}
	d.arrayUntil(addr, n, sizeofMmsghdr, func(b []byte) bool {
		if k >= count {
			d.S("...")
			return false
		}
		m := parseMsghdr(b)
		msgLen := uint64(binary.LittleEndian.Uint32(b[56:]))
		user := int64(-1)
		if namelen != nil {
			user = int64(namelen[k])
		}
		data := ^uint64(0)
		if useLen {
			data = msgLen
		}
		d.S("{msg_hdr=")
		d.msghdr(fd, m, user, data)
		if uint64(k) < withLen {
			d.S(", msg_len=")
			d.Uint(msgLen)
		}
		d.S("}")
		k++
		return true
	})
}
