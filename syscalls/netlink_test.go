package syscalls

import (
	"encoding/binary"
	"fmt"
	"math/rand"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// nlmsg builds a netlink message: header fields and payload (nlmsg_len
// is given, so tests can lie about it).
func nlmsg(length uint32, typ, flags uint16, seq, pid uint32, payload ...byte) []byte {
	b := make([]byte, 16, 16+len(payload))
	le := binary.LittleEndian
	le.PutUint32(b, length)
	le.PutUint16(b[4:], typ)
	le.PutUint16(b[6:], flags)
	le.PutUint32(b[8:], seq)
	le.PutUint32(b[12:], pid)
	return append(b, payload...)
}

// netlinkDecoder returns a decoder whose fd 3 is a netlink socket of
// protocol proto (fd 4 is not one).
func netlinkDecoder(m Memory, proto int) *Decoder {
	d := testDecoder(m)
	d.Opts.NetlinkProto = func(fd int) int {
		if fd == 3 {
			return proto
		}
		return -2
	}
	return d
}

func sendtoLine(t *testing.T, d *Decoder, fd int, addr uint64, n int) string {
	t.Helper()
	return decodeLine(t, d, unix.SYS_SENDTO, int64(n), uint64(fd), addr, uint64(n), 0, 0, 0)
}

func TestNetlinkRouteGetaddr(t *testing.T) {
	m := newFakeMem()
	req := nlmsg(24, unix.RTM_GETADDR, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 1000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Equal(t, `sendto(3, [{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1000, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ifa_prefixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}], 24, 0, NULL, 0) = 24`,
		sendtoLine(t, d, 3, a, len(req)))
	// Not a netlink socket, or the call outside -e verbose=: a string.
	assert.Equal(t, `sendto(4, "\30\0\0\0\26\0\1\3\350\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 24, 0, NULL, 0) = 24`,
		sendtoLine(t, d, 4, a, len(req)))
	d.Terse = true
	assert.Equal(t, `sendto(3, "\30\0\0\0\26\0\1\3\350\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 24, 0, NULL, 0) = 24`,
		sendtoLine(t, d, 3, a, len(req)))
}

func TestNetlinkNewaddrReply(t *testing.T) {
	m := newFakeMem()
	// RTM_NEWADDR with IFA_ADDRESS, IFA_LABEL and IFA_FLAGS.
	payload := []byte{unix.AF_INET, 8, 0x80, unix.RT_SCOPE_HOST, 0x7f, 0xff, 0xff, 0x7f,
		8, 0, 1, 0, 127, 0, 0, 1,
		7, 0, 3, 0, 'l', 'o', 0, 0,
		8, 0, 8, 0, 0x80, 0, 0, 0}
	msg := nlmsg(uint32(16+len(payload)), unix.RTM_NEWADDR, unix.NLM_F_MULTI, 1, 42, payload...)
	done := nlmsg(20, unix.NLMSG_DONE, unix.NLM_F_MULTI, 1, 42, 0, 0, 0, 0)
	a := m.put(0x1000, append(append([]byte(nil), msg...), done...))
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	got := decodeLine(t, d, unix.SYS_RECVFROM, int64(len(msg)+len(done)), 3, a, 4096, 0, 0, 0)
	assert.Equal(t, `recvfrom(3, [[{nlmsg_len=48, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=42}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=2147483519}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("127.0.0.1")], [{nla_len=7, nla_type=IFA_LABEL}, "lo"], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT]]], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=42}, 0]], 4096, 0, NULL, NULL) = 68`, got)
	// -s 2: two attributes, then "..."; the received length cuts the
	// buffer (only the first message).
	d.Opts.StrSize = 2
	got = decodeLine(t, d, unix.SYS_RECVFROM, int64(len(msg)), 3, a, 4096, 0, 0, 0)
	assert.Equal(t, `recvfrom(3, [{nlmsg_len=48, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=42}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=2147483519}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("127.0.0.1")], [{nla_len=7, nla_type=IFA_LABEL}, "lo"...], ...]], 4096, 0, NULL, NULL) = 48`, got)
	// -x: the label prints in hex with its NUL, as strace 6.1 does.
	d.Opts.StrSize = 32
	d.Opts.X = 1
	got = decodeLine(t, d, unix.SYS_RECVFROM, int64(len(msg)), 3, a, 4096, 0, 0, 0)
	assert.Contains(t, got, `[{nla_len=7, nla_type=IFA_LABEL}, "\x6c\x6f\x00"...]`)
}

func TestNetlinkError(t *testing.T) {
	m := newFakeMem()
	inner := nlmsg(32, unix.RTM_GETLINK, unix.NLM_F_REQUEST, 1003, 0, make([]byte, 16)...)
	errno := make([]byte, 4)
	binary.LittleEndian.PutUint32(errno, uint32(0x100000000-int64(unix.ENODEV)))
	msg := nlmsg(uint32(16+4+len(inner)), unix.NLMSG_ERROR, 0, 1003, 7, append(errno, inner...)...)
	a := m.put(0x1000, msg)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Equal(t, `sendto(3, [{nlmsg_len=52, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=1003, nlmsg_pid=7}, {error=-ENODEV, msg=[{nlmsg_len=32, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1003, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}]}], 52, 0, NULL, 0) = 52`,
		sendtoLine(t, d, 3, a, len(msg)))
	// An ack: error 0, NLM_F_CAPPED (only the header comes back), and an
	// extended ack message after it.
	ack := nlmsg(16, unix.NLMSG_NOOP, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 5, 0)
	attr := []byte{8, 0, 1, 0, 'b', 'a', 'd', 0}
	msg = nlmsg(uint32(16+4+16+len(attr)), unix.NLMSG_ERROR, 0x100, 5, 7, append(append([]byte{0, 0, 0, 0}, ack...), attr...)...)
	a = m.put(0x2000, msg)
	assert.Equal(t, `sendto(3, [{nlmsg_len=44, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED, nlmsg_seq=5, nlmsg_pid=7}, {error=0, msg={nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=5, nlmsg_pid=0}, [{nla_len=8, nla_type=NLMSGERR_ATTR_MSG}, "bad"]}], 44, 0, NULL, 0) = 44`,
		sendtoLine(t, d, 3, a, len(msg)))
}

func TestNetlinkMalformed(t *testing.T) {
	m := newFakeMem()
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	short := m.put(0x1000, []byte{0x18, 0, 0, 0, 0x16, 0, 1, 3, 0xee, 3})
	assert.Equal(t, `sendto(3, "\x18\x00\x00\x00\x16\x00\x01\x03\xee\x03", 10, 0, NULL, 0) = 10`,
		sendtoLine(t, d, 3, short, 10))
	// nlmsg_len below a header: that header alone, nothing after it.
	bad := append(nlmsg(3, unix.RTM_NEWLINK, unix.NLM_F_REQUEST, 1007, 0), nlmsg(16, 0x7f, 0x7700, 1008, 1)...)
	a := m.put(0x2000, bad)
	assert.Equal(t, `sendto(3, {nlmsg_len=3, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1007, nlmsg_pid=0}, 32, 0, NULL, 0) = 32`,
		sendtoLine(t, d, 3, a, len(bad)))
	// nlmsg_len beyond the buffer: the payload is what there is.
	long := nlmsg(200, unix.RTM_GETLINK, unix.NLM_F_REQUEST, 9, 0, 0, 0)
	a = m.put(0x3000, long)
	assert.Equal(t, `sendto(3, [{nlmsg_len=200, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=9, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}], 18, 0, NULL, 0) = 18`,
		sendtoLine(t, d, 3, a, len(long)))
	// A second message in unreadable memory.
	two := nlmsg(16, unix.NLMSG_NOOP, 0, 1, 0)
	a = m.put(0x4000, two)
	assert.Equal(t, `sendto(3, [{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=0}, ... /* 0x4010 */], 32, 0, NULL, 0) = 32`,
		sendtoLine(t, d, 3, a, 32))
	assert.Equal(t, `sendto(3, 0x9000, 32, 0, NULL, 0) = 32`, sendtoLine(t, d, 3, 0x9000, 32))
	// nlmsg_len 0xffffffff aligns to 0: one message.
	a = m.put(0x5000, nlmsg(0xffffffff, unix.NLMSG_DONE, 0, 1, 0, 0, 0, 0, 0))
	assert.Equal(t, `sendto(3, [{nlmsg_len=4294967295, nlmsg_type=NLMSG_DONE, nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=0}, 0], 20, 0, NULL, 0) = 20`,
		sendtoLine(t, d, 3, a, 20))
}

func TestNetlinkUnknownProtocol(t *testing.T) {
	m := newFakeMem()
	d := netlinkDecoder(m, nlNoProto)
	req := nlmsg(24, unix.RTM_GETADDR, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 1012, 0, make([]byte, 8)...)
	a := m.put(0x1000, req)
	assert.Equal(t, `sendto(3, [{nlmsg_len=24, nlmsg_type=0x16 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=1012, nlmsg_pid=0}, "\x00\x00\x00\x00\x00\x00\x00\x00"], 24, 0, NULL, 0) = 24`,
		sendtoLine(t, d, 3, a, len(req)))
}

func TestNetlinkMsghdrByFamily(t *testing.T) {
	m := newFakeMem()
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	data := m.put(0x1000, nlmsg(16, unix.NLMSG_NOOP, 0, 1, 0))
	iov := make([]byte, 16)
	binary.LittleEndian.PutUint64(iov, data)
	binary.LittleEndian.PutUint64(iov[8:], 16)
	iovAddr := m.put(0x2000, iov)
	name := m.put(0x3000, []byte{unix.AF_NETLINK, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	hdr := make([]byte, sizeofMsghdr)
	le := binary.LittleEndian
	le.PutUint64(hdr, name)
	le.PutUint32(hdr[8:], 12)
	le.PutUint64(hdr[16:], iovAddr)
	le.PutUint64(hdr[24:], 1)
	mh := m.put(0x4000, hdr)
	assert.Equal(t, `sendmsg(3, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base={nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=0}, iov_len=16}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 16`,
		decodeLine(t, d, unix.SYS_SENDMSG, 16, 3, mh, 0))
	// Without msg_name the data is a string, even on a netlink socket.
	le.PutUint64(hdr, 0)
	le.PutUint32(hdr[8:], 0)
	mh = m.put(0x5000, hdr)
	assert.Equal(t, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="\20\0\0\0\1\0\0\0\1\0\0\0\0\0\0\0", iov_len=16}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 16`,
		decodeLine(t, d, unix.SYS_SENDMSG, 16, 3, mh, 0))
}

func TestNetlinkSockDiag(t *testing.T) {
	m := newFakeMem()
	d := netlinkDecoder(m, unix.NETLINK_SOCK_DIAG)
	req := make([]byte, 56)
	req[0], req[1] = unix.AF_INET, unix.IPPROTO_TCP
	binary.LittleEndian.PutUint32(req[4:], 1<<10)
	binary.BigEndian.PutUint16(req[8:], 29641)
	msg := nlmsg(72, 20, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 1100, 0, req...)
	a := m.put(0x1000, msg)
	assert.Equal(t, `sendto(3, [{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1100, nlmsg_pid=0}, {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=0, idiag_states=1<<TCP_LISTEN, id={idiag_sport=htons(29641), idiag_dport=htons(0), idiag_src=inet_addr("0.0.0.0"), idiag_dst=inet_addr("0.0.0.0"), idiag_if=0, idiag_cookie=[0, 0]}}], 72, 0, NULL, 0) = 72`,
		sendtoLine(t, d, 3, a, len(msg)))
}

// TestNetlinkNoPanic feeds random and mutated buffers to every protocol's
// decoder: whatever the bytes, a line comes out.
func TestNetlinkNoPanic(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	seeds := [][]byte{
		nlmsg(40, unix.NLMSG_ERROR, 0, 1, 2, append([]byte{0xea, 0xff, 0xff, 0xff}, nlmsg(20, unix.RTM_NEWLINK, 0, 1, 2, 1, 0, 0, 0)...)...),
		nlmsg(60, unix.RTM_NEWLINK, 0, 1, 2, append(make([]byte, 16), 12, 0, 43, 0x80, 5, 0, 2, 0, 0, 0, 0, 0, 8, 0, 7, 0)...),
		nlmsg(96, 20, 2, 1, 2, make([]byte, 80)...),
	}
	for i := 0; i < 3000; i++ {
		var b []byte
		if i%2 == 0 {
			b = append([]byte(nil), seeds[r.Intn(len(seeds))]...)
			for k := 0; k < 3; k++ {
				b[r.Intn(len(b))] = byte(r.Intn(256))
			}
		} else {
			b = make([]byte, r.Intn(200))
			r.Read(b)
		}
		m := newFakeMem()
		a := m.put(0x1000, b)
		for _, proto := range []int{nlNoProto, unix.NETLINK_ROUTE, unix.NETLINK_SOCK_DIAG} {
			d := netlinkDecoder(m, proto)
			d.Opts.Verbose = i%3 == 0
			n := len(b) + r.Intn(8)
			c := &Call{Nr: unix.SYS_SENDTO, Args: [6]uint64{3, a, uint64(n)}}
			out := d.Enter(nil, c)
			// The safety net (a panic) would print "sendto(0x3, ".
			assert.Contains(t, string(out), "sendto(3, ", "decoding %x", b)
		}
	}
}

// nla builds a netlink attribute: its header and value, padded to 4
// bytes (nla_len counts the value unpadded).
func nla(typ uint16, val ...byte) []byte {
	b := make([]byte, 4, 4+len(val)+3)
	binary.LittleEndian.PutUint16(b, uint16(4+len(val)))
	binary.LittleEndian.PutUint16(b[2:], typ)
	b = append(b, val...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// cat joins byte slices: the attributes of a nest.
func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// le32s and le64s are integers as little-endian bytes.
func le32s(vs ...uint32) []byte {
	b := make([]byte, 4*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func le64s(vs ...uint64) []byte {
	b := make([]byte, 8*len(vs))
	for i, v := range vs {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

// newlinkReq is an RTM_NEWLINK request (seq 7, AF_UNSPEC) with attrs.
func newlinkReq(family byte, attrs ...byte) []byte {
	payload := append(append(make([]byte, 0, 16+len(attrs)), family), make([]byte, 15)...)
	payload = append(payload, attrs...)
	return nlmsg(uint32(16+len(payload)), unix.RTM_NEWLINK, unix.NLM_F_REQUEST, 7, 0, payload...)
}

const newlinkHdr = `{nlmsg_len=%d, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}`

// afSpecAll is IFLA_AF_SPEC with every AF_INET and AF_INET6 attribute,
// RA_MTU, MCAST and names strace 6.1 lacks (as a sendto traced by strace
// 6.1 printed it).
func afSpecAll() []byte {
	conf := le32s(0, 1, 0xffffffff, 64, 7, 9)
	stats := le64s(5, 1, 2, 3, 1<<64-1)
	mtu := le32s(1500)
	token := make([]byte, 16)
	token[0], token[1], token[15] = 0xfe, 0x80, 1
	return nla(unix.IFLA_AF_SPEC, cat(
		nla(unix.AF_INET, cat(nla(unix.IFLA_INET_CONF, conf...), nla(0, 0, 0, 0, 0), nla(2, 0, 0, 0, 0))...),
		nla(unix.AF_INET6, cat(
			nla(unix.IFLA_INET6_FLAGS, le32s(0x800000f0)...),
			nla(unix.IFLA_INET6_CACHEINFO, le32s(1, 2, 3, 4)...),
			nla(unix.IFLA_INET6_CONF, conf...),
			nla(unix.IFLA_INET6_STATS, stats...),
			nla(unix.IFLA_INET6_ICMP6STATS, stats...),
			nla(unix.IFLA_INET6_TOKEN, token...),
			nla(unix.IFLA_INET6_ADDR_GEN_MODE, 3),
			nla(unix.IFLA_INET6_RA_MTU, mtu...),
			nla(unix.IFLA_INET6_MCAST, mtu...),
			nla(10, mtu...))...))...)
}

func TestNetlinkAfSpec(t *testing.T) {
	m := newFakeMem()
	req := newlinkReq(0, afSpecAll()...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Equal(t, fmt.Sprintf(`sendto(3, [`+newlinkHdr+`, [{nla_len=252, nla_type=IFLA_AF_SPEC}, [[{nla_len=48, nla_type=AF_INET}, [[{nla_len=28, nla_type=IFLA_INET_CONF}, [[IPV4_DEVCONF_FORWARDING-1]=0, [IPV4_DEVCONF_MC_FORWARDING-1]=1, [IPV4_DEVCONF_PROXY_ARP-1]=-1, [IPV4_DEVCONF_ACCEPT_REDIRECTS-1]=64, [IPV4_DEVCONF_SECURE_REDIRECTS-1]=7, [IPV4_DEVCONF_SEND_REDIRECTS-1]=9]], [{nla_len=8, nla_type=IFLA_INET_UNSPEC}, "\x00\x00\x00\x00"], [{nla_len=8, nla_type=0x2 /* IFLA_INET_??? */}, "\x00\x00\x00\x00"]]], [{nla_len=200, nla_type=AF_INET6}, [[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, IF_RS_SENT|IF_RA_RCVD|IF_RA_MANAGED|IF_RA_OTHERCONF|IF_READY], [{nla_len=20, nla_type=IFLA_INET6_CACHEINFO}, {max_reasm_len=1, tstamp=2, reachable_time=3, retrans_time=4}], [{nla_len=28, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=0, [DEVCONF_HOPLIMIT]=1, [DEVCONF_MTU6]=-1, [DEVCONF_ACCEPT_RA]=64, [DEVCONF_ACCEPT_REDIRECTS]=7, [DEVCONF_AUTOCONF]=9]], [{nla_len=44, nla_type=IFLA_INET6_STATS}, [[IPSTATS_MIB_NUM]=5, [IPSTATS_MIB_INPKTS]=1, [IPSTATS_MIB_INOCTETS]=2, [IPSTATS_MIB_INDELIVERS]=3, [IPSTATS_MIB_OUTFORWDATAGRAMS]=18446744073709551615]], [{nla_len=44, nla_type=IFLA_INET6_ICMP6STATS}, [[ICMP6_MIB_NUM]=5, [ICMP6_MIB_INMSGS]=1, [ICMP6_MIB_INERRORS]=2, [ICMP6_MIB_OUTMSGS]=3, [ICMP6_MIB_OUTERRORS]=18446744073709551615]], [{nla_len=20, nla_type=IFLA_INET6_TOKEN}, inet_pton(AF_INET6, "fe80::1")], [{nla_len=5, nla_type=IFLA_INET6_ADDR_GEN_MODE}, IN6_ADDR_GEN_MODE_RANDOM], [{nla_len=8, nla_type=IFLA_INET6_RA_MTU}, 1500], [{nla_len=8, nla_type=IFLA_INET6_MCAST}, "\xdc\x05\x00\x00"], [{nla_len=8, nla_type=0xa /* IFLA_INET6_??? */}, "\xdc\x05\x00\x00"]]]]]], 284, 0, NULL, 0) = 284`, 284),
		sendtoLine(t, d, 3, a, len(req)))

	// -X raw: indices and values as numbers, the token as its bytes.
	d.Opts.Style = format.Raw
	assert.Equal(t, `sendto(3, [{nlmsg_len=284, nlmsg_type=0x10, nlmsg_flags=0x1, nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=0, ifi_type=0, ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=252, nla_type=0x1a}, [[{nla_len=48, nla_type=0x2}, [[{nla_len=28, nla_type=0x1}, [[0]=0, [1]=1, [2]=-1, [3]=64, [4]=7, [5]=9]], [{nla_len=8, nla_type=0}, "\x00\x00\x00\x00"], [{nla_len=8, nla_type=0x2}, "\x00\x00\x00\x00"]]], [{nla_len=200, nla_type=0xa}, [[{nla_len=8, nla_type=0x1}, 0x800000f0], [{nla_len=20, nla_type=0x5}, {max_reasm_len=1, tstamp=2, reachable_time=3, retrans_time=4}], [{nla_len=28, nla_type=0x2}, [[0]=0, [1]=1, [2]=-1, [3]=64, [4]=7, [5]=9]], [{nla_len=44, nla_type=0x3}, [[0]=5, [1]=1, [2]=2, [3]=3, [4]=18446744073709551615]], [{nla_len=44, nla_type=0x6}, [[0]=5, [1]=1, [2]=2, [3]=3, [4]=18446744073709551615]], [{nla_len=20, nla_type=0x7}, "\xfe\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"], [{nla_len=5, nla_type=0x8}, 0x3], [{nla_len=8, nla_type=0x9}, 1500], [{nla_len=8, nla_type=0x4}, "\xdc\x05\x00\x00"], [{nla_len=8, nla_type=0xa}, "\xdc\x05\x00\x00"]]]]]], 284, 0, NULL, 0) = 284`,
		sendtoLine(t, d, 3, a, len(req)))

	// -X verbose: numbers with their names in comments.
	d.Opts.Style = format.Verbose
	got := sendtoLine(t, d, 3, a, len(req))
	for _, want := range []string{
		`[{nla_len=28, nla_type=0x1 /* IFLA_INET_CONF */}, [[0 /* IPV4_DEVCONF_FORWARDING-1 */]=0, [1 /* IPV4_DEVCONF_MC_FORWARDING-1 */]=1, `,
		`[{nla_len=8, nla_type=0 /* IFLA_INET_UNSPEC */}, "\x00\x00\x00\x00"], [{nla_len=8, nla_type=0x2 /* IFLA_INET_??? */}, "\x00\x00\x00\x00"]`,
		`[{nla_len=8, nla_type=0x1 /* IFLA_INET6_FLAGS */}, 0x800000f0 /* IF_RS_SENT|IF_RA_RCVD|IF_RA_MANAGED|IF_RA_OTHERCONF|IF_READY */]`,
		`[4 /* IPSTATS_MIB_OUTFORWDATAGRAMS */]=18446744073709551615]]`,
		`[{nla_len=20, nla_type=0x7 /* IFLA_INET6_TOKEN */}, "\xfe\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01" /* inet_pton(AF_INET6, "fe80::1") */]`,
		`[{nla_len=5, nla_type=0x8 /* IFLA_INET6_ADDR_GEN_MODE */}, 0x3 /* IN6_ADDR_GEN_MODE_RANDOM */]`,
		`[{nla_len=8, nla_type=0x9 /* IFLA_INET6_RA_MTU */}, 1500]`,
	} {
		assert.Contains(t, got, want)
	}
}

// TestNetlinkAfSpecOther: families strace 6.1 has no decoder for print
// as bytes; unknown flags and modes as numbers; a nest flag is kept.
func TestNetlinkAfSpecOther(t *testing.T) {
	m := newFakeMem()
	mtu := le32s(1500)
	req := newlinkReq(0, nla(unix.IFLA_AF_SPEC, cat(
		nla(unix.AF_MPLS, mtu...), nla(unix.AF_BRIDGE, mtu...), nla(unix.AF_UNSPEC, mtu...), nla(200, mtu...),
		nla(unix.AF_INET|nlaFNested),
		nla(unix.AF_INET6|nlaFNested, cat(nla(unix.IFLA_INET6_FLAGS, le32s(0x100)...), nla(unix.IFLA_INET6_ADDR_GEN_MODE, 9))...))...)...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Equal(t, fmt.Sprintf(`sendto(3, [`+newlinkHdr+`, [{nla_len=60, nla_type=IFLA_AF_SPEC}, [[{nla_len=8, nla_type=AF_MPLS}, "\xdc\x05\x00\x00"], [{nla_len=8, nla_type=AF_BRIDGE}, "\xdc\x05\x00\x00"], [{nla_len=8, nla_type=AF_UNSPEC}, "\xdc\x05\x00\x00"], [{nla_len=8, nla_type=0xc8 /* AF_??? */}, "\xdc\x05\x00\x00"], {nla_len=4, nla_type=NLA_F_NESTED|AF_INET}, [{nla_len=20, nla_type=NLA_F_NESTED|AF_INET6}, [[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, 0x100 /* IF_??? */], [{nla_len=5, nla_type=IFLA_INET6_ADDR_GEN_MODE}, 0x9 /* IN6_ADDR_GEN_MODE_??? */]]]]]], 92, 0, NULL, 0) = 92`, 92),
		sendtoLine(t, d, 3, a, len(req)))
}

// TestNetlinkAfSpecSizes: values too short for their type print as bytes,
// longer ones decode their start, arrays ignore a partial element.
func TestNetlinkAfSpecSizes(t *testing.T) {
	m := newFakeMem()
	conf := le32s(0, 1, 0xffffffff, 64, 7, 9)
	stats := le64s(5, 1)
	token := make([]byte, 17)
	token[0], token[1], token[15] = 0xfe, 0x80, 1
	req := newlinkReq(0, nla(unix.IFLA_AF_SPEC, cat(
		nla(unix.AF_INET, nla(unix.IFLA_INET_CONF, conf[:3]...)...),
		nla(unix.AF_INET6, cat(
			nla(unix.IFLA_INET6_FLAGS, 0xf0, 0, 0),
			nla(unix.IFLA_INET6_CACHEINFO, le32s(1, 2, 3, 4)[:15]...),
			nla(unix.IFLA_INET6_CONF, conf[:6]...),
			nla(unix.IFLA_INET6_STATS, stats[:7]...),
			nla(unix.IFLA_INET6_STATS, stats[:12]...),
			nla(unix.IFLA_INET6_TOKEN, token[:15]...),
			nla(unix.IFLA_INET6_TOKEN, token...),
			nla(unix.IFLA_INET6_ADDR_GEN_MODE),
			nla(unix.IFLA_INET6_ADDR_GEN_MODE, 0, 0),
			nla(unix.IFLA_INET6_FLAGS, stats[:8]...),
			nla(unix.IFLA_INET6_CACHEINFO, le64s(5, 1, 0)[:20]...))...))...)...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Equal(t, fmt.Sprintf(`sendto(3, [`+newlinkHdr+`, [{nla_len=180, nla_type=IFLA_AF_SPEC}, [[{nla_len=12, nla_type=AF_INET}, [{nla_len=7, nla_type=IFLA_INET_CONF}, "\x00\x00\x00"]], [{nla_len=164, nla_type=AF_INET6}, [[{nla_len=7, nla_type=IFLA_INET6_FLAGS}, "\xf0\x00\x00"], [{nla_len=19, nla_type=IFLA_INET6_CACHEINFO}, "\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00"], [{nla_len=10, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=0]], [{nla_len=11, nla_type=IFLA_INET6_STATS}, "\x05\x00\x00\x00\x00\x00\x00"], [{nla_len=16, nla_type=IFLA_INET6_STATS}, [[IPSTATS_MIB_NUM]=5]], [{nla_len=19, nla_type=IFLA_INET6_TOKEN}, "\xfe\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"], [{nla_len=21, nla_type=IFLA_INET6_TOKEN}, inet_pton(AF_INET6, "fe80::1")], {nla_len=4, nla_type=IFLA_INET6_ADDR_GEN_MODE}, [{nla_len=6, nla_type=IFLA_INET6_ADDR_GEN_MODE}, IN6_ADDR_GEN_MODE_EUI64], [{nla_len=12, nla_type=IFLA_INET6_FLAGS}, 0x5 /* IF_??? */], [{nla_len=24, nla_type=IFLA_INET6_CACHEINFO}, {max_reasm_len=5, tstamp=0, reachable_time=1, retrans_time=0}]]]]]], 212, 0, NULL, 0) = 212`, 212),
		sendtoLine(t, d, 3, a, len(req)))
	// -s 4 cuts the attributes after four; -x changes nothing here.
	d.Opts.StrSize = 4
	d.Opts.X = format.XAll
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[{nla_len=10, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=0]], [{nla_len=11, nla_type=IFLA_INET6_STATS}, "\x05\x00\x00\x00"...], ...]]]]], 212, 0, NULL, 0) = 212`)
}

// TestNetlinkAfSpecArrays: the configuration and statistics arrays are
// cut after -s elements unless -v, with strace 6.1's names and numbers
// past them.
func TestNetlinkAfSpecArrays(t *testing.T) {
	m := newFakeMem()
	var conf, stats []byte
	for i := uint32(0); i < 70; i++ {
		conf = append(conf, le32s(i)...)
	}
	for i := uint64(0); i < 40; i++ {
		stats = append(stats, le64s(i<<32|2*i)...)
	}
	req := newlinkReq(0, nla(unix.IFLA_AF_SPEC, cat(
		nla(unix.AF_INET, nla(unix.IFLA_INET_CONF, conf...)...),
		nla(unix.AF_INET6, cat(nla(unix.IFLA_INET6_CONF, conf...), nla(unix.IFLA_INET6_STATS, stats...),
			nla(unix.IFLA_INET6_ICMP6STATS, stats[:8*8]...))...))...)...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	d.Opts.StrSize = 4
	assert.Equal(t, fmt.Sprintf(`sendto(3, [`+newlinkHdr+`, [{nla_len=972, nla_type=IFLA_AF_SPEC}, [[{nla_len=288, nla_type=AF_INET}, [{nla_len=284, nla_type=IFLA_INET_CONF}, [[IPV4_DEVCONF_FORWARDING-1]=0, [IPV4_DEVCONF_MC_FORWARDING-1]=1, [IPV4_DEVCONF_PROXY_ARP-1]=2, [IPV4_DEVCONF_ACCEPT_REDIRECTS-1]=3, ...]]], [{nla_len=680, nla_type=AF_INET6}, [[{nla_len=284, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=0, [DEVCONF_HOPLIMIT]=1, [DEVCONF_MTU6]=2, [DEVCONF_ACCEPT_RA]=3, ...]], [{nla_len=324, nla_type=IFLA_INET6_STATS}, [[IPSTATS_MIB_NUM]=0, [IPSTATS_MIB_INPKTS]=4294967298, [IPSTATS_MIB_INOCTETS]=8589934596, [IPSTATS_MIB_INDELIVERS]=12884901894, ...]], [{nla_len=68, nla_type=IFLA_INET6_ICMP6STATS}, [[ICMP6_MIB_NUM]=0, [ICMP6_MIB_INMSGS]=4294967298, [ICMP6_MIB_INERRORS]=8589934596, [ICMP6_MIB_OUTMSGS]=12884901894, ...]]]]]]], 1004, 0, NULL, 0) = 1004`, 1004),
		sendtoLine(t, d, 3, a, len(req)))
	// -v: every element; those past strace 6.1's names print their number.
	d.Opts.Verbose = true
	got := sendtoLine(t, d, 3, a, len(req))
	for _, want := range []string{
		`[IPV4_DEVCONF_ARP_EVICT_NOCARRIER-1]=32, [33 /* IPV4_DEVCONF_??? */]=33, `,
		`[69 /* IPV4_DEVCONF_??? */]=69]]], `,
		`[DEVCONF_ACCEPT_UNTRACKED_NA]=57, [58 /* DEVCONF_??? */]=58, `,
		`[IPSTATS_MIB_REASM_OVERLAPS]=154618822728, [37 /* IPSTATS_MIB_??? */]=158913790026, `,
		`[ICMP6_MIB_CSUMERRORS]=21474836490, [6 /* ICMP6_MIB_??? */]=25769803788, [7 /* ICMP6_MIB_??? */]=30064771086]]`,
	} {
		assert.Contains(t, got, want)
	}
	// -X verbose: unnamed indices keep the default comment.
	d.Opts.Style = format.Verbose
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[57 /* DEVCONF_ACCEPT_UNTRACKED_NA */]=57, [58 /* DEVCONF_??? */]=58, `)
}

// TestNetlinkAfSpecUnreadable: an array whose memory ends mid-way ends
// with where it does; one unreadable from its first element prints its
// address; nested attributes cut by their parent stop there; no decoder
// reads past the buffer.
func TestNetlinkAfSpecUnreadable(t *testing.T) {
	var stats []byte
	for i := uint64(0); i < 35; i++ {
		stats = append(stats, le64s(i<<32|2*i)...)
	}
	req := newlinkReq(0, nla(unix.IFLA_AF_SPEC, nla(unix.AF_INET6, nla(unix.IFLA_INET6_STATS, stats...)...)...)...)
	m := newFakeMem()
	a := m.put(0x2000-uint64(len(req)-200), req[:len(req)-200])
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	hdr := `sendto(3, [{nlmsg_len=324, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=292, nla_type=IFLA_AF_SPEC}, [{nla_len=288, nla_type=AF_INET6}, [{nla_len=284, nla_type=IFLA_INET6_STATS}, `
	assert.Equal(t, hdr+`[[IPSTATS_MIB_NUM]=0, [IPSTATS_MIB_INPKTS]=4294967298, [IPSTATS_MIB_INOCTETS]=8589934596, [IPSTATS_MIB_INDELIVERS]=12884901894, [IPSTATS_MIB_OUTFORWDATAGRAMS]=17179869192, [IPSTATS_MIB_OUTPKTS]=21474836490, [IPSTATS_MIB_OUTOCTETS]=25769803788, [IPSTATS_MIB_INHDRERRORS]=30064771086, [IPSTATS_MIB_INTOOBIGERRORS]=34359738384, [IPSTATS_MIB_INNOROUTES]=38654705682, ... /* 0x2000 */]]]]], 324, 0, NULL, 0) = 324`,
		sendtoLine(t, d, 3, a, len(req)))
	// strace reads the element after the last shown before cutting: at
	// -s 10 the unreadable eleventh ends the array, at -s 9 "...".
	d.Opts.StrSize = 10
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `=38654705682, ... /* 0x2000 */]]]]], 324, `)
	d.Opts.StrSize = 9
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `=34359738384, ...]]]]], 324, `)
	d.Opts.StrSize = 32
	m = newFakeMem()
	a = m.put(0x2000-uint64(len(req)-276), req[:len(req)-276])
	d = netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Equal(t, hdr+`0x1ffc]]]], 324, 0, NULL, 0) = 324`, sendtoLine(t, d, 3, a, len(req)))

	// A family's nla_len beyond the IFLA_AF_SPEC holding it: its
	// attributes stop where the parent ends.
	inner := nla(unix.AF_INET6, nla(unix.IFLA_INET6_CONF, le32s(0, 1, 0xffffffff, 64, 7, 9)...)...)
	binary.LittleEndian.PutUint16(inner, 200)
	req = newlinkReq(0, nla(unix.IFLA_AF_SPEC, inner...)...)
	a = m.put(0x3000, req)
	assert.Equal(t, fmt.Sprintf(`sendto(3, [`+newlinkHdr+`, [{nla_len=36, nla_type=IFLA_AF_SPEC}, [{nla_len=200, nla_type=AF_INET6}, [{nla_len=28, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=0, [DEVCONF_HOPLIMIT]=1, [DEVCONF_MTU6]=-1, [DEVCONF_ACCEPT_RA]=64, [DEVCONF_ACCEPT_REDIRECTS]=7, [DEVCONF_AUTOCONF]=9]]]]], 68, 0, NULL, 0) = 68`, 68),
		sendtoLine(t, d, 3, a, len(req)))
}

// TestNetlinkAfSpecNoPanic mutates and cuts IFLA_AF_SPEC messages at
// random: whatever the bytes, a line comes out and the decoder reads
// nothing outside the buffer.
func TestNetlinkAfSpecNoPanic(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	seed := newlinkReq(0, afSpecAll()...)
	for i := 0; i < 3000; i++ {
		b := append([]byte(nil), seed...)
		for k := 0; k < 1+r.Intn(4); k++ {
			b[16+r.Intn(len(b)-16)] = byte(r.Intn(256))
		}
		b = b[:16+r.Intn(len(b)-15)]
		m := newFakeMem()
		a := m.put(0x1000, b)
		d := netlinkDecoder(m, unix.NETLINK_ROUTE)
		d.Opts.Verbose = i%2 == 0
		d.Opts.Style = format.Style(i % 3)
		c := &Call{Nr: unix.SYS_SENDTO, Args: [6]uint64{3, a, uint64(len(b) + r.Intn(64))}}
		out := string(d.Enter(nil, c))
		assert.Contains(t, out, "sendto(3, ", "decoding %x", b)
	}
}

// TestNetlinkProtinfoInet6: an AF_INET6 message's IFLA_PROTINFO holds
// the IFLA_INET6_* attributes; other families' print as bytes.
func TestNetlinkProtinfoInet6(t *testing.T) {
	m := newFakeMem()
	attrs := cat(nla(unix.IFLA_PROTINFO, cat(nla(unix.IFLA_INET6_FLAGS, le32s(0x80000000)...), nla(unix.IFLA_INET6_CONF, le32s(1, 2)...),
		nla(unix.IFLA_INET6_ADDR_GEN_MODE, 3))...),
		nla(unix.IFLA_PROTINFO|nlaFNested, nla(unix.IFLA_INET6_FLAGS, 3)...))
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	req := newlinkReq(unix.AF_INET6, attrs...)
	a := m.put(0x1000, req)
	assert.Equal(t, `sendto(3, [{nlmsg_len=76, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_INET6, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, [[{nla_len=32, nla_type=IFLA_PROTINFO}, [[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, IF_READY], [{nla_len=12, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=1, [DEVCONF_HOPLIMIT]=2]], [{nla_len=5, nla_type=IFLA_INET6_ADDR_GEN_MODE}, IN6_ADDR_GEN_MODE_RANDOM]]], [{nla_len=12, nla_type=NLA_F_NESTED|IFLA_PROTINFO}, [{nla_len=5, nla_type=IFLA_INET6_FLAGS}, "\x03"]]]], 76, 0, NULL, 0) = 76`,
		sendtoLine(t, d, 3, a, len(req)))
	req = newlinkReq(unix.AF_INET, attrs...)
	a = m.put(0x2000, req)
	assert.Equal(t, `sendto(3, [{nlmsg_len=76, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_INET, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, [[{nla_len=32, nla_type=IFLA_PROTINFO}, "\x08\x00\x01\x00\x00\x00\x00\x80\x0c\x00\x02\x00\x01\x00\x00\x00\x02\x00\x00\x00\x05\x00\x08\x00\x03\x00\x00\x00"], [{nla_len=12, nla_type=NLA_F_NESTED|IFLA_PROTINFO}, "\x05\x00\x01\x00\x03\x00\x00\x00"]]], 76, 0, NULL, 0) = 76`,
		sendtoLine(t, d, 3, a, len(req)))
}

// TestNetlinkHwaddr: IFLA_ADDRESS prints two hex digits a byte, as
// strace 6.1 prints a real interface's (the raw bytes with -X raw, both
// with -X verbose).
func TestNetlinkHwaddr(t *testing.T) {
	m := newFakeMem()
	mac := []byte{0x06, 0xc7, 0x64, 0x1b, 0x3e, 0x0a}
	req := newlinkReq(0, cat(nla(unix.IFLA_ADDRESS, mac...), nla(unix.IFLA_BROADCAST, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[[{nla_len=10, nla_type=IFLA_ADDRESS}, 06:c7:64:1b:3e:0a], [{nla_len=10, nla_type=IFLA_BROADCAST}, ff:ff:ff:ff:ff:ff]]`)
	d.Opts.Style = format.Verbose
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[{nla_len=10, nla_type=0x1 /* IFLA_ADDRESS */}, "\x06\xc7\x64\x1b\x3e\x0a" /* 06:c7:64:1b:3e:0a */]`)
	d.Opts.Style = format.Raw
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[{nla_len=10, nla_type=0x1}, "\x06\xc7\x64\x1b\x3e\x0a"]`)
}
