package syscalls

import (
	"encoding/binary"
	"math/rand"
	"testing"

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
