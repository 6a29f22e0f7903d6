package syscalls

import (
	"encoding/binary"
	"math/rand"
	"net"
	"strings"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

func le32(v uint32) []byte { b := make([]byte, 4); binary.LittleEndian.PutUint32(b, v); return b }

func sockaddrIn(port uint16, ip [4]byte) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint16(b, unix.AF_INET)
	binary.BigEndian.PutUint16(b[2:], port)
	copy(b[4:], ip[:])
	return b
}

func TestSocket(t *testing.T) {
	d := testDecoder(newFakeMem())
	assert.Equal(t, "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_TCP) = 3",
		decodeLine(t, d, unix.SYS_SOCKET, 3, unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, unix.IPPROTO_TCP))
	assert.Equal(t, "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 11",
		decodeLine(t, d, unix.SYS_SOCKET, 11, unix.AF_PACKET, unix.SOCK_RAW, 0x300))
	assert.Equal(t, "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 12",
		decodeLine(t, d, unix.SYS_SOCKET, 12, unix.AF_NETLINK, unix.SOCK_RAW, 0))
	assert.Equal(t, "socket(0x3039 /* AF_??? */, SOCK_STREAM, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)",
		decodeLine(t, d, unix.SYS_SOCKET, -97, 12345, unix.SOCK_STREAM, 0))
	assert.Equal(t, "socket(AF_INET, 0x77 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)",
		decodeLine(t, d, unix.SYS_SOCKET, -22, unix.AF_INET, 0x77, 0))
	d.Opts.Style = format.Raw
	assert.Equal(t, "socket(0x2, 0x1|0x80800, 0x6) = 3",
		decodeLine(t, d, unix.SYS_SOCKET, 3, unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, unix.IPPROTO_TCP))
	assert.Equal(t, "socket(0x11, 0x3, htons(0x3)) = 11",
		decodeLine(t, d, unix.SYS_SOCKET, 11, unix.AF_PACKET, unix.SOCK_RAW, 0x300))
	d.Opts.Style = format.Verbose
	assert.Equal(t, "socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */|0x80800 /* SOCK_CLOEXEC|SOCK_NONBLOCK */, 0x6 /* IPPROTO_TCP */) = 3",
		decodeLine(t, d, unix.SYS_SOCKET, 3, unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, unix.IPPROTO_TCP))
	assert.Equal(t, "socket(0x11 /* AF_PACKET */, 0x3 /* SOCK_RAW */, htons(0x3 /* ETH_P_ALL */)) = 11",
		decodeLine(t, d, unix.SYS_SOCKET, 11, unix.AF_PACKET, unix.SOCK_RAW, 0x300))
}

func TestBindConnect(t *testing.T) {
	m := newFakeMem()
	sa := m.put(0x1000, sockaddrIn(47613, [4]byte{127, 0, 0, 1}))
	d := testDecoder(m)
	assert.Equal(t, `bind(3, {sa_family=AF_INET, sin_port=htons(47613), sin_addr=inet_addr("127.0.0.1")}, 16) = 0`,
		decodeLine(t, d, unix.SYS_BIND, 0, 3, sa, 16))
	assert.Equal(t, `connect(5, {sa_family=AF_INET, sin_port=htons(47613), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)`,
		decodeLine(t, d, unix.SYS_CONNECT, -int64(unix.EINPROGRESS), 5, sa, 16))
	// Short, NULL, unreadable, negative, absurd lengths.
	assert.Equal(t, `connect(3, 0x1000, 1) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_CONNECT, -22, 3, sa, 1))
	assert.Equal(t, `connect(3, NULL, 16) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_CONNECT, -14, 3, 0, 16))
	assert.Equal(t, `connect(3, 0x8, 16) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_CONNECT, -14, 3, 8, 16))
	assert.Equal(t, `connect(3, 0x1000, -1) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_CONNECT, -22, 3, sa, 0xffffffff))
	// Longer than the readable region: unreadable.
	assert.Equal(t, `connect(3, 0x1000, 1000000) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_CONNECT, -22, 3, sa, 1000000))
	// AF_INET too short for sockaddr_in: raw sa_data.
	assert.Equal(t, `connect(3, {sa_family=AF_INET, sa_data="\271\375\177\0\0\1"}, 8) = -1 EINVAL (Invalid argument)`,
		decodeLine(t, d, unix.SYS_CONNECT, -22, 3, sa, 8))
	d.Opts.Style = format.Raw
	assert.Equal(t, `bind(3, {sa_family=0x2, sin_port="\xb9\xfd", sin_addr="\x7f\x00\x00\x01"}, 16) = 0`,
		decodeLine(t, d, unix.SYS_BIND, 0, 3, sa, 16))
	d.Opts.Style = format.Verbose
	assert.Equal(t, `bind(3, {sa_family=0x2 /* AF_INET */, sin_port="\xb9\xfd" /* htons(47613) */, sin_addr="\x7f\x00\x00\x01" /* inet_addr("127.0.0.1") */}, 16) = 0`,
		decodeLine(t, d, unix.SYS_BIND, 0, 3, sa, 16))
}

func TestSockaddrFamilies(t *testing.T) {
	saved := InterfaceName
	InterfaceName = func(i uint32) string {
		if i == 1 {
			return "lo"
		}
		return ""
	}
	defer func() { InterfaceName = saved }()
	m := newFakeMem()
	d := testDecoder(m)
	conn := func(b []byte, n int) string {
		a := m.put(0x5000, b)
		return decodeLine(t, d, unix.SYS_CONNECT, 0, 3, a, uint64(n))
	}
	un := make([]byte, 110)
	un[0] = unix.AF_UNIX
	copy(un[2:], "/nonexistent/gotrace.sock")
	assert.Equal(t, `connect(3, {sa_family=AF_UNIX, sun_path="/nonexistent/gotrace.sock"}, 110) = 0`, conn(un, 110))
	assert.Equal(t, `connect(3, {sa_family=AF_UNIX, sun_path="/none"}, 7) = 0`, conn(un, 7))
	assert.Equal(t, `connect(3, {sa_family=AF_UNIX}, 2) = 0`, conn(un, 2))
	copy(un[2:], "\x00gotrace\x00x\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00")
	assert.Equal(t, `connect(3, {sa_family=AF_UNIX, sun_path=@"gotrace\0x\377\0"}, 14) = 0`, conn(un, 14))
	big := make([]byte, 128)
	big[0] = unix.AF_UNIX
	for i := 2; i < len(big); i++ {
		big[i] = 'A'
	}
	want := `connect(3, {sa_family=AF_UNIX, sun_path="` + string(big[2:110]) + `"}, 120) = 0`
	assert.Equal(t, want, conn(big, 120))

	s6 := make([]byte, 28)
	s6[0] = unix.AF_INET6
	binary.BigEndian.PutUint16(s6[2:], 47614)
	s6[23] = 1
	assert.Equal(t, `connect(3, {sa_family=AF_INET6, sin6_port=htons(47614), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0`, conn(s6, 28))
	assert.Equal(t, `connect(3, {sa_family=AF_INET6, sin6_port=htons(47614), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr)}, 24) = 0`, conn(s6, 24))
	assert.Equal(t, `connect(3, {sa_family=AF_INET6, sa_data="\271\376\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 20) = 0`, conn(s6, 20))
	s6[8], s6[9] = 0xfe, 0x80
	binary.BigEndian.PutUint32(s6[4:], 0x12345)
	s6[24] = 1
	assert.Equal(t, `connect(3, {sa_family=AF_INET6, sin6_port=htons(47614), sin6_flowinfo=htonl(74565), inet_pton(AF_INET6, "fe80::1", &sin6_addr), sin6_scope_id=if_nametoindex("lo")}, 28) = 0`, conn(s6, 28))
	s6[24] = 57
	assert.Equal(t, `connect(3, {sa_family=AF_INET6, sin6_port=htons(47614), sin6_flowinfo=htonl(74565), inet_pton(AF_INET6, "fe80::1", &sin6_addr), sin6_scope_id=57}, 28) = 0`, conn(s6, 28))
	d.Opts.Style = format.Verbose
	s6[24] = 1
	assert.Equal(t, `connect(3, {sa_family=0xa /* AF_INET6 */, sin6_port="\xb9\xfe" /* htons(47614) */, sin6_flowinfo="\x00\x01\x23\x45" /* htonl(74565) */, sin6_addr="\xfe\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01" /* inet_pton(AF_INET6, "fe80::1") */, sin6_scope_id=1 /* if_nametoindex("lo") */}, 28) = 0`, conn(s6, 28))
	d.Opts.Style = format.Raw
	assert.Equal(t, `connect(3, {sa_family=0xa, sin6_port="\xb9\xfe", sin6_flowinfo="\x00\x01\x23\x45", sin6_addr="\xfe\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01", sin6_scope_id=1}, 28) = 0`, conn(s6, 28))
	d.Opts.Style = format.Abbrev

	nl := make([]byte, 12)
	nl[0] = unix.AF_NETLINK
	assert.Equal(t, `connect(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0`, conn(nl, 12))
	nl[2] = 7
	binary.LittleEndian.PutUint32(nl[4:], 1234567)
	binary.LittleEndian.PutUint32(nl[8:], 0x51)
	assert.Equal(t, `connect(3, {sa_family=AF_NETLINK, nl_pad=0x7, nl_pid=1234567, nl_groups=0x000051}, 12) = 0`, conn(nl, 12))

	ll := make([]byte, 20)
	ll[0] = unix.AF_PACKET
	ll[2], ll[3] = 0x08, 0x00
	ll[4] = 1
	ll[8] = 1
	ll[10] = 1
	ll[11] = 6
	copy(ll[12:], "\x00\x11\x22\xaa\xbb\x0c")
	assert.Equal(t, `connect(3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_BROADCAST, sll_halen=6, sll_addr=[00, 0x11, 0x22, 0xaa, 0xbb, 0xc]}, 20) = 0`, conn(ll, 20))
	ll[2], ll[3] = 0x12, 0x34
	ll[8], ll[9] = 0x77, 0x77
	ll[10] = 99
	ll[11] = 12
	assert.Equal(t, `connect(3, {sa_family=AF_PACKET, sll_protocol=htons(0x1234 /* ETH_P_??? */), sll_ifindex=if_nametoindex("lo"), sll_hatype=0x7777 /* ARPHRD_??? */, sll_pkttype=0x63 /* PACKET_??? */, sll_halen=12, sll_addr=[00, 0x11, 0x22, 0xaa, 0xbb, 0xc, 00, 00, ...]}, 20) = 0`, conn(ll, 20))

	raw := make([]byte, 16)
	copy(raw[2:], "ab\x00\x01\xff")
	assert.Equal(t, `connect(3, {sa_family=AF_UNSPEC, sa_data="ab\0\1\377"}, 7) = 0`, conn(raw, 7))
	binary.LittleEndian.PutUint16(raw, 4000)
	assert.Equal(t, `connect(3, {sa_family=0xfa0 /* AF_??? */, sa_data="ab\0\1\377\0\0\0\0\0\0\0\0\0"}, 16) = 0`, conn(raw, 16))
}

func TestIPv6Text(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "::"},
		{"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x7f\x00\x00\x01", "::ffff:127.0.0.1"},
		{"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04", "::1.2.3.4"},
		{"\x20\x01\x0d\xb8\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x01", "2001:db8:0:1::1"},
		{"\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x03", "1:0:0:2::3"},
		{"\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00", "1:0:2:0:3:0:4:0"},
		{"\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "1::"},
		{"\xfe\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01", "fe80::1"},
	} {
		assert.Equal(t, c.want, string(appendIPv6(nil, []byte(c.in))))
	}
}

func TestAcceptFamily(t *testing.T) {
	m := newFakeMem()
	sa := m.put(0x1000, sockaddrIn(39442, [4]byte{127, 0, 0, 1}))
	lenp := m.put(0x2000, le32(128))
	d := testDecoder(m)
	// The kernel writes 16 into *addrlen: simulate it between entry and exit.
	c := &Call{Nr: unix.SYS_ACCEPT4}
	c.Args = [6]uint64{3, sa, lenp, unix.SOCK_NONBLOCK}
	b := d.Enter(nil, c)
	assert.Equal(t, "accept4(3, ", string(b))
	m.put(0x2000, le32(16))
	c.Ret = 6
	b = d.Exit(b, c)
	b = append(b, ") = "...)
	b = d.Return(b, c)
	assert.Equal(t, `accept4(3, {sa_family=AF_INET, sin_port=htons(39442), sin_addr=inet_addr("127.0.0.1")}, [128 => 16], SOCK_NONBLOCK) = 6`, string(b))

	assert.Equal(t, `getpeername(6, {sa_family=AF_INET, sin_port=htons(39442), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0`,
		decodeLine(t, d, unix.SYS_GETPEERNAME, 0, 6, sa, lenp))
	assert.Equal(t, `accept(3, 0x1000, [16]) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_ACCEPT, -11, 3, sa, lenp))
	assert.Equal(t, `accept4(3, NULL, NULL, SOCK_CLOEXEC) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_ACCEPT4, -11, 3, 0, 0, unix.SOCK_CLOEXEC))
	// No length to keep: all printed at entry, so a blocked accept reads
	// as strace's "accept4(3, NULL, NULL, SOCK_CLOEXEC <unfinished ...>".
	c = &Call{Nr: unix.SYS_ACCEPT4, Args: [6]uint64{3, 0, 0, unix.SOCK_CLOEXEC}}
	assert.Equal(t, "accept4(3, NULL, NULL, SOCK_CLOEXEC", string(d.Enter(nil, c)))
	c.Ret = 4
	assert.Equal(t, "", string(d.Exit(nil, c)))
	// Unreadable addrlen: both pointers bare.
	assert.Equal(t, `accept(3, 0x1000, 0xdead) = -1 EFAULT (Bad address)`,
		decodeLine(t, d, unix.SYS_ACCEPT, -14, 3, sa, 0xdead))
	// Unreadable address with a good length.
	assert.Equal(t, `getsockname(3, 0xbad000, [16]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKNAME, 0, 3, 0xbad000, lenp))
	// An absurd length the kernel would never return: bounded.
	m.put(0x2000, le32(0x7fffffff))
	assert.Equal(t, `getsockname(3, 0x1000, [2147483647]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKNAME, 0, 3, sa, lenp))
	m.put(0x2000, le32(0xffffffff))
	assert.Equal(t, `getsockname(3, 0x1000, [-1]) = 0`,
		decodeLine(t, d, unix.SYS_GETSOCKNAME, 0, 3, sa, lenp))
}

func TestSendRecv(t *testing.T) {
	m := newFakeMem()
	msg := m.put(0x1000, []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
	sa := m.put(0x3000, sockaddrIn(1, [4]byte{10, 2, 31, 67}))
	lenp := m.put(0x4000, le32(16))
	d := testDecoder(m)
	assert.Equal(t, `sendto(5, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 27, MSG_NOSIGNAL, NULL, 0) = 27`,
		decodeLine(t, d, unix.SYS_SENDTO, 27, 5, msg, 27, unix.MSG_NOSIGNAL, 0, 0))
	assert.Equal(t, `sendto(5, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 27, MSG_DONTWAIT|MSG_NOSIGNAL|0x10000000, {sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr("10.2.31.67")}, 16) = 27`,
		decodeLine(t, d, unix.SYS_SENDTO, 27, 5, msg, 27, unix.MSG_NOSIGNAL|unix.MSG_DONTWAIT|0x10000000, sa, 16))
	assert.Equal(t, `recvfrom(6, "GET / HTTP/1.1", 256, 0, {sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr("10.2.31.67")}, [16]) = 14`,
		decodeLine(t, d, unix.SYS_RECVFROM, 14, 6, msg, 256, 0, sa, lenp))
	assert.Equal(t, `recvfrom(6, 0x1000, 256, MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_RECVFROM, -11, 6, msg, 256, unix.MSG_DONTWAIT, 0, 0))
	assert.Equal(t, `recvfrom(6, 0x1000, 256, 0, 0x3000, [16]) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_RECVFROM, -11, 6, msg, 256, 0, sa, lenp))
	// A return beyond the length argument is cut to it.
	assert.Equal(t, `recvfrom(6, "GET", 3, 0, NULL, NULL) = 100`,
		decodeLine(t, d, unix.SYS_RECVFROM, 100, 6, msg, 3, 0, 0, 0))
	assert.Equal(t, `shutdown(6, SHUT_WR) = 0`, decodeLine(t, d, unix.SYS_SHUTDOWN, 0, 6, unix.SHUT_WR))
	assert.Equal(t, `shutdown(6, 0x7 /* SHUT_??? */) = -1 EINVAL (Invalid argument)`, decodeLine(t, d, unix.SYS_SHUTDOWN, -22, 6, 7))
	assert.Equal(t, `listen(3, 128) = 0`, decodeLine(t, d, unix.SYS_LISTEN, 0, 3, 128))
}

func TestSocketpair(t *testing.T) {
	m := newFakeMem()
	sv := m.put(0x1000, append(le32(7), le32(8)...))
	d := testDecoder(m)
	assert.Equal(t, `socketpair(AF_UNIX, SOCK_SEQPACKET|SOCK_CLOEXEC, 0, [7, 8]) = 0`,
		decodeLine(t, d, unix.SYS_SOCKETPAIR, 0, unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_CLOEXEC, 0, sv))
	assert.Equal(t, `socketpair(AF_UNIX, SOCK_STREAM, 0, 0x1000) = -1 EMFILE (Too many open files)`,
		decodeLine(t, d, unix.SYS_SOCKETPAIR, -24, unix.AF_UNIX, unix.SOCK_STREAM, 0, sv))
	assert.Equal(t, `socketpair(AF_UNIX, SOCK_STREAM, 0, 0xdead) = 0`,
		decodeLine(t, d, unix.SYS_SOCKETPAIR, 0, unix.AF_UNIX, unix.SOCK_STREAM, 0, 0xdead))
}

// msghdrBytes lays out a struct msghdr.
func msghdrBytes(name uint64, namelen uint32, iov, iovlen, control, controllen uint64, flags uint32) []byte {
	b := make([]byte, 56)
	le := binary.LittleEndian
	le.PutUint64(b, name)
	le.PutUint32(b[8:], namelen)
	le.PutUint64(b[16:], iov)
	le.PutUint64(b[24:], iovlen)
	le.PutUint64(b[32:], control)
	le.PutUint64(b[40:], controllen)
	le.PutUint32(b[48:], flags)
	return b
}

func cmsg(level, typ int32, data []byte) []byte {
	n := 16 + len(data)
	b := make([]byte, (n+7)&^7)
	binary.LittleEndian.PutUint64(b, uint64(n))
	binary.LittleEndian.PutUint32(b[8:], uint32(level))
	binary.LittleEndian.PutUint32(b[12:], uint32(typ))
	copy(b[16:], data)
	return b
}

func TestSendRecvmsg(t *testing.T) {
	m := newFakeMem()
	data := m.put(0x1000, []byte("fd passing"))
	iov := m.put(0x2000, iovecs(data, 10))
	ctl := m.put(0x3000, cmsg(unix.SOL_SOCKET, unix.SCM_RIGHTS, append(le32(0), le32(1)...)))
	msg := m.put(0x4000, msghdrBytes(0, 0, iov, 1, ctl, 24, 0))
	d := testDecoder(m)
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="fd passing", iov_len=10}], msg_iovlen=1, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, MSG_DONTWAIT) = 10`,
		decodeLine(t, d, unix.SYS_SENDMSG, 10, 3, msg, unix.MSG_DONTWAIT))
	assert.Equal(t, `sendmsg(3, 0x8, 0) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_SENDMSG, -14, 3, 8, 0))

	// recvmsg: the name length changed by the call, the data cut by the
	// return value, credentials.
	from := m.put(0x5000, sockaddrIn(47615, [4]byte{127, 0, 0, 1}))
	creds := m.put(0x6000, cmsg(unix.SOL_SOCKET, unix.SCM_CREDENTIALS, append(le32(42), append(le32(0), le32(0)...)...)))
	rmsg := m.put(0x7000, msghdrBytes(from, 128, iov, 1, creds, 32, 0))
	c := &Call{Nr: unix.SYS_RECVMSG, Args: [6]uint64{4, rmsg, unix.MSG_CMSG_CLOEXEC}}
	b := d.Enter(nil, c)
	m.put(0x7000, msghdrBytes(from, 16, iov, 1, creds, 32, unix.MSG_CMSG_CLOEXEC))
	c.Ret = 2
	b = d.Exit(b, c)
	assert.Equal(t, `recvmsg(4, {msg_name={sa_family=AF_INET, sin_port=htons(47615), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=128 => 16, msg_iov=[{iov_base="fd", iov_len=10}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=42, uid=0, gid=0}}], msg_controllen=32, msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC`, string(b))
	assert.Equal(t, `recvmsg(4, {msg_namelen=16}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_RECVMSG, -11, 4, rmsg, unix.MSG_DONTWAIT))
	assert.Equal(t, `recvmsg(4, 0xbad, 0) = -1 EFAULT (Bad address)`, decodeLine(t, d, unix.SYS_RECVMSG, -14, 4, 0xbad, 0))
}

func TestMsgControlHostile(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	// A control message claiming more than the buffer holds, then an
	// unknown level; a too-short buffer; an unreadable one; a huge length.
	ctl := append(cmsg(unix.SOL_IP, unix.IP_TTL, le32(64)), cmsg(99, 5, nil)...)
	binary.LittleEndian.PutUint64(ctl[24:], 1000)
	a := m.put(0x1000, ctl)
	msg := m.put(0x2000, msghdrBytes(0, 0, 0, 0, a, uint64(len(ctl)), 0))
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}, {cmsg_len=1000, cmsg_level=0x63 /* SOL_??? */, cmsg_type=0x5}], msg_controllen=40, msg_flags=0}, 0) = 0`,
		decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, msg))
	short := m.put(0x3000, msghdrBytes(0, 0, 0, 0, a, 8, 0))
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_control=0x1000, msg_controllen=8, msg_flags=0}, 0) = 0`,
		decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, short))
	huge := m.put(0x4000, msghdrBytes(0, 0, 0, 1<<62, a, 1<<62, 0))
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=4611686018427387904, msg_control=0x1000, msg_controllen=4611686018427387904, msg_flags=0}, 0) = -1 EMSGSIZE (Message too long)`,
		decodeLine(t, d, unix.SYS_SENDMSG, -90, 3, huge))
	// Many SCM_RIGHTS descriptors: bounded by -s.
	fds := make([]byte, 4*40)
	for i := range 40 {
		binary.LittleEndian.PutUint32(fds[4*i:], uint32(i))
	}
	many := m.put(0x5000, cmsg(unix.SOL_SOCKET, unix.SCM_RIGHTS, fds))
	mm := m.put(0x6000, msghdrBytes(0, 0, 0, 0, many, 16+160, 0))
	out := decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, mm)
	assert.Contains(t, out, "cmsg_data=[0, 1, 2,")
	assert.Contains(t, out, ", 31, ...]}]")
	// A NUL-free, non-ASCII security label.
	sec := m.put(0x7000, cmsg(unix.SOL_SOCKET, unix.SCM_SECURITY, []byte("lab\xe9l")))
	ms := m.put(0x8000, msghdrBytes(0, 0, 0, 0, sec, 24, 0))
	assert.True(t, strings.Contains(decodeLine(t, d, unix.SYS_SENDMSG, 0, 3, ms), `cmsg_type=SCM_SECURITY, cmsg_data="lab\351l"`))
}

func TestMmsg(t *testing.T) {
	m := newFakeMem()
	d := testDecoder(m)
	to := m.put(0x1000, sockaddrIn(47616, [4]byte{127, 0, 0, 1}))
	data := m.put(0x2000, []byte("firstsecond"))
	iov := m.put(0x3000, iovecs(data, 5, data+5, 6))
	vec := append(append(msghdrBytes(to, 16, iov, 1, 0, 0, 0), le32(5)...), 0, 0, 0, 0)
	vec = append(vec, append(append(msghdrBytes(to, 16, iov+16, 1, 0, 0, 0), le32(0)...), 0, 0, 0, 0)...)
	v := m.put(0x4000, vec)
	assert.Equal(t, `sendmmsg(7, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(47616), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="first", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(47616), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="second", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 2, 0) = 1`,
		decodeLine(t, d, unix.SYS_SENDMMSG, 1, 7, v, 2, 0))
	ts := m.put(0x5000, timespec(0, 20000000))
	assert.Equal(t, `recvmmsg(8, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(47616), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="first", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, MSG_WAITFORONE, {tv_sec=0, tv_nsec=20000000}) = 1 (left {tv_sec=0, tv_nsec=20000000})`,
		decodeLine(t, d, unix.SYS_RECVMMSG, 1, 8, v, 2, unix.MSG_WAITFORONE, ts))
	assert.Equal(t, `recvmmsg(8, 0x4000, 2, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)`,
		decodeLine(t, d, unix.SYS_RECVMMSG, -11, 8, v, 2, unix.MSG_DONTWAIT, 0))
	assert.Equal(t, `recvmmsg(8, [], 2, 0, {tv_sec=0, tv_nsec=20000000}) = 0 (Timeout)`,
		decodeLine(t, d, unix.SYS_RECVMMSG, 0, 8, v, 2, 0, ts))
	assert.Empty(t, mmsgStates, "recvmmsg entry state left behind")
}

// TestNetFamilyHostile runs every socket, epoll, poll and vectored I/O
// decoder over random arguments pointing into random memory (and just past
// it, and nowhere), in every style: none may panic, whatever it reads.
func TestNetFamilyHostile(t *testing.T) {
	nrs := []int{
		unix.SYS_SOCKET, unix.SYS_SOCKETPAIR, unix.SYS_BIND, unix.SYS_CONNECT, unix.SYS_LISTEN,
		unix.SYS_ACCEPT, unix.SYS_ACCEPT4, unix.SYS_GETSOCKNAME, unix.SYS_GETPEERNAME,
		unix.SYS_SHUTDOWN, unix.SYS_SENDTO, unix.SYS_RECVFROM, unix.SYS_SENDMSG, unix.SYS_RECVMSG,
		unix.SYS_SENDMMSG, unix.SYS_RECVMMSG, unix.SYS_SETSOCKOPT, unix.SYS_GETSOCKOPT,
		unix.SYS_EPOLL_CREATE, unix.SYS_EPOLL_CREATE1, unix.SYS_EPOLL_CTL, unix.SYS_EPOLL_WAIT,
		unix.SYS_EPOLL_PWAIT, unix.SYS_EPOLL_PWAIT2, unix.SYS_POLL, unix.SYS_PPOLL,
		unix.SYS_SELECT, unix.SYS_PSELECT6, unix.SYS_READV, unix.SYS_WRITEV, unix.SYS_PREADV,
		unix.SYS_PWRITEV, unix.SYS_PREADV2, unix.SYS_PWRITEV2, unix.SYS_SENDFILE,
		unix.SYS_SPLICE, unix.SYS_TEE, unix.SYS_COPY_FILE_RANGE,
	}
	rng := rand.New(rand.NewSource(1))
	m := newFakeMem()
	const base = 0x100000
	mem := make([]byte, 8192)
	rng.Read(mem)
	// Sprinkle pointers back into the region and small lengths, so the
	// decoders follow them.
	for i := 0; i+8 <= len(mem); i += 8 {
		switch rng.Intn(4) {
		case 0:
			v := uint64(base + rng.Intn(len(mem)))
			for k := 0; k < 8; k++ {
				mem[i+k] = byte(v >> (8 * k))
			}
		case 1:
			v := uint64(rng.Intn(300))
			for k := 0; k < 8; k++ {
				mem[i+k] = byte(v >> (8 * k))
			}
		}
	}
	m.put(base, mem)
	pick := func() uint64 {
		switch rng.Intn(8) {
		case 0:
			return 0
		case 1:
			return uint64(rng.Intn(64))
		case 2:
			return ^uint64(0) - uint64(rng.Intn(4))
		case 3:
			return base + uint64(len(mem)) - uint64(rng.Intn(64))
		case 4:
			return uint64(rng.Int63())
		default:
			return base + uint64(rng.Intn(len(mem)))
		}
	}
	for _, st := range []format.Style{format.Abbrev, format.Raw, format.Verbose} {
		for _, v := range []bool{false, true} {
			d := testDecoder(m)
			d.Opts.Style, d.Opts.Verbose, d.Opts.X = st, v, format.XMode(rng.Intn(3))
			for iter := 0; iter < 100; iter++ {
				for _, nr := range nrs {
					var args [6]uint64
					for k := range args {
						args[k] = pick()
					}
					ret := int64(pick())
					if rng.Intn(3) == 0 {
						ret = -int64(rng.Intn(140))
					}
					decodeLine(t, d, nr, ret, args[:]...)
				}
			}
		}
	}
}

// TestInterfaceName: the tracer's interface names by index, as
// if_indextoname gives them.
func TestInterfaceName(t *testing.T) {
	lo, err := net.InterfaceByName("lo")
	require.NoError(t, err)
	assert.Equal(t, "lo", InterfaceName(uint32(lo.Index)))
	assert.Equal(t, "", InterfaceName(0))
	assert.Equal(t, "", InterfaceName(1<<31-1))
}
