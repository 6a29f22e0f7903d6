package syscalls

import (
	"encoding/binary"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// diagMsg is a SOCK_DIAG_BY_FAMILY message of flags around payload.
func diagMsg(flags uint16, seq uint32, payload []byte) []byte {
	return nlmsg(uint32(16+len(payload)), 20, flags, seq, 0, payload...)
}

func unixDiagReply() []byte {
	p := append([]byte{unix.AF_UNIX, unix.SOCK_SEQPACKET, 10, 0}, u32s(0, 7, 8)...)
	p = append(p, nla(0, []byte("/tmp/sock\x00")...)...)
	p = append(p, nla(1, u32s(4242, 8<<20|3)...)...)
	p = append(p, nla(2, u32s(99)...)...)
	p = append(p, nla(3, u32s(11, 12)...)...)
	p = append(p, nla(4, u32s(1, 2)...)...)
	p = append(p, nla(5, u32s(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)...)...)
	p = append(p, nla(6, 3)...)
	p = append(p, nla(7, u32s(^uint32(0))...)...)
	return diagMsg(unix.NLM_F_MULTI, 3020, p)
}

func TestSockDiagUnix(t *testing.T) {
	m := newFakeMem()
	msg := unixDiagReply()
	a := m.put(0x1000, msg)
	d := netlinkDecoder(m, unix.NETLINK_SOCK_DIAG)
	n := strconv.Itoa(len(msg))
	assert.Equal(t, `sendto(3, [{nlmsg_len=`+n+`, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=3020, nlmsg_pid=0}, {udiag_family=AF_UNIX, udiag_type=SOCK_SEQPACKET, udiag_state=TCP_LISTEN, udiag_ino=0, udiag_cookie=[7, 8]}, [[{nla_len=14, nla_type=UNIX_DIAG_NAME}, "/tmp/sock"], [{nla_len=12, nla_type=UNIX_DIAG_VFS}, {udiag_vfs_dev=makedev(0, 0x803), udiag_vfs_ino=4242}], [{nla_len=8, nla_type=UNIX_DIAG_PEER}, 99], [{nla_len=12, nla_type=UNIX_DIAG_ICONS}, [11, 12]], [{nla_len=12, nla_type=UNIX_DIAG_RQLEN}, {udiag_rqueue=1, udiag_wqueue=2}], [{nla_len=44, nla_type=UNIX_DIAG_MEMINFO}, [[SK_MEMINFO_RMEM_ALLOC]=1, [SK_MEMINFO_RCVBUF]=2, [SK_MEMINFO_WMEM_ALLOC]=3, [SK_MEMINFO_SNDBUF]=4, [SK_MEMINFO_FWD_ALLOC]=5, [SK_MEMINFO_WMEM_QUEUED]=6, [SK_MEMINFO_OPTMEM]=7, [SK_MEMINFO_BACKLOG]=8, [SK_MEMINFO_DROPS]=9, [9 /* SK_MEMINFO_??? */]=10]], [{nla_len=5, nla_type=UNIX_DIAG_SHUTDOWN}, 3], [{nla_len=8, nla_type=UNIX_DIAG_UID}, -1]]], `+n+`, 0, NULL, 0) = `+n,
		sendtoLine(t, d, 3, a, len(msg)))

	// The request, and one too short for its structure.
	req := diagMsg(unix.NLM_F_REQUEST, 5, append([]byte{unix.AF_UNIX, 0, 0, 0}, u32s(1<<10, 77, 0x45, ^uint32(0), ^uint32(0))...))
	a = m.put(0x3000, req)
	assert.Equal(t, `sendto(3, [{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=5, nlmsg_pid=0}, {sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_LISTEN, udiag_ino=77, udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_PEER|UDIAG_SHOW_UID, udiag_cookie=[4294967295, 4294967295]}], 40, 0, NULL, 0) = 40`,
		sendtoLine(t, d, 3, a, len(req)))
	short := append([]byte(nil), req[:39]...)
	binary.LittleEndian.PutUint32(short, 39)
	a = m.put(0x4000, short)
	assert.Equal(t, `sendto(3, [{nlmsg_len=39, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=5, nlmsg_pid=0}, {sdiag_family=AF_UNIX, ...}], 39, 0, NULL, 0) = 39`,
		sendtoLine(t, d, 3, a, len(short)))

	// The structure cut by the end of memory: its address after the family.
	a = m.put(0x5000, msg[:24])
	assert.Equal(t, `sendto(3, [{nlmsg_len=`+n+`, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=3020, nlmsg_pid=0}, {udiag_family=AF_UNIX, 0x5011}], `+n+`, 0, NULL, 0) = `+n,
		sendtoLine(t, d, 3, a, len(msg)))
	// An ICONS array cut after its first inode: where memory ends.
	icons := 16 + 16 + 16 + 12 + 8
	a = m.put(0x6000, msg[:icons+4+4])
	assert.Contains(t, sendtoLine(t, d, 3, a, len(msg)), `[{nla_len=12, nla_type=UNIX_DIAG_ICONS}, [11, ... /* 0x604c */]]`)
}

func TestSockDiagNetlink(t *testing.T) {
	m := newFakeMem()
	p := append([]byte{unix.AF_NETLINK, unix.SOCK_DGRAM, unix.NETLINK_ROUTE, 1}, u32s(5, 6, 7, 0, 3, 4)...)
	p = append(p, nla(1, append(u64s(0, 5), u64s(0x8000000000000011)...)...)...)
	p = append(p, nla(2, u32s(4096, 2, 2048, 4)...)...)
	p = append(p, nla(3, u32s(4096, 2, 2048)...)...)
	p = append(p, nla(4, u32s(0x41)...)...)
	msg := diagMsg(unix.NLM_F_MULTI, 9, p)
	a := m.put(0x1000, msg)
	d := netlinkDecoder(m, unix.NETLINK_SOCK_DIAG)
	n := strconv.Itoa(len(msg))
	assert.Equal(t, `sendto(3, [{nlmsg_len=`+n+`, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=9, nlmsg_pid=0}, {ndiag_family=AF_NETLINK, ndiag_type=SOCK_DGRAM, ndiag_protocol=NETLINK_ROUTE, ndiag_state=NETLINK_CONNECTED, ndiag_portid=5, ndiag_dst_portid=6, ndiag_dst_group=7, ndiag_ino=0, ndiag_cookie=[3, 4]}, [[{nla_len=28, nla_type=NETLINK_DIAG_GROUPS}, [0000000000000000, 0x00000000000005, 0x8000000000000011]], [{nla_len=20, nla_type=NETLINK_DIAG_RX_RING}, {ndr_block_size=4096, ndr_block_nr=2, ndr_frame_size=2048, ndr_frame_nr=4}], [{nla_len=16, nla_type=NETLINK_DIAG_TX_RING}, "\x00\x10\x00\x00\x02\x00\x00\x00\x00\x08\x00\x00"], [{nla_len=8, nla_type=NETLINK_DIAG_FLAGS}, NDIAG_FLAG_CB_RUNNING|0x40]]], `+n+`, 0, NULL, 0) = `+n,
		sendtoLine(t, d, 3, a, len(msg)))

	req := diagMsg(unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 10, append([]byte{unix.AF_NETLINK, 255, 0, 0}, u32s(0, 0x9, 0, 0)...))
	a = m.put(0x2000, req)
	assert.Equal(t, `sendto(3, [{nlmsg_len=36, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=10, nlmsg_pid=0}, {sdiag_family=AF_NETLINK, sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0, ndiag_show=NDIAG_SHOW_MEMINFO|NDIAG_SHOW_FLAGS, ndiag_cookie=[0, 0]}], 36, 0, NULL, 0) = 36`,
		sendtoLine(t, d, 3, a, len(req)))
	d.Opts.Style = 1 // raw
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `sdiag_protocol=0xff, `)
}

// Every cut of the messages by the end of memory, and random bytes after
// each family, decode without a panic and within the bytes readable.
func TestSockDiagMalformed(t *testing.T) {
	msgs := [][]byte{unixDiagReply()}
	r := rand.New(rand.NewSource(1))
	for _, fam := range []byte{unix.AF_UNIX, unix.AF_NETLINK, unix.AF_PACKET} {
		for _, flags := range []uint16{unix.NLM_F_REQUEST, unix.NLM_F_MULTI} {
			for i := 0; i < 200; i++ {
				p := make([]byte, 1+r.Intn(120))
				r.Read(p)
				p[0] = fam
				msgs = append(msgs, diagMsg(flags, 1, p))
			}
		}
	}
	for _, msg := range msgs {
		for cut := 0; cut <= len(msg); cut++ {
			m := newFakeMem()
			a := m.put(0x1000, msg[:cut])
			d := netlinkDecoder(m, unix.NETLINK_SOCK_DIAG)
			line := sendtoLine(t, d, 3, a, len(msg))
			if !strings.HasPrefix(line, "sendto(3, ") || !strings.HasSuffix(line, ") = "+strconv.Itoa(len(msg))) {
				t.Fatalf("cut %d: %s", cut, line)
			}
		}
	}
}

func TestSockDiagPacket(t *testing.T) {
	m := newFakeMem()
	p := append([]byte{unix.AF_PACKET, unix.SOCK_RAW, 3, 0}, u32s(0, 5, 6)...)
	p = append(p, nla(4, u32s(0x10002)...)...)
	p = append(p, nla(7, u64s(0x6, 0)...)...)
	p = append(p, nla(7, 1, 2, 3)...)
	msg := diagMsg(unix.NLM_F_MULTI, 9, p)
	a := m.put(0x1000, msg)
	d := netlinkDecoder(m, unix.NETLINK_SOCK_DIAG)
	n := strconv.Itoa(len(msg))
	// A filter prints as its address unless -v; too short for an
	// instruction, as bytes.
	assert.Equal(t, `sendto(3, [{nlmsg_len=`+n+`, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=9, nlmsg_pid=0}, {pdiag_family=AF_PACKET, pdiag_type=SOCK_RAW, pdiag_num=ETH_P_ALL, pdiag_ino=0, pdiag_cookie=[5, 6]}, [[{nla_len=8, nla_type=PACKET_DIAG_FANOUT}, 65538], [{nla_len=20, nla_type=PACKET_DIAG_FILTER}, 0x102c], [{nla_len=7, nla_type=PACKET_DIAG_FILTER}, "\x01\x02\x03"]]], `+n+`, 0, NULL, 0) = `+n,
		sendtoLine(t, d, 3, a, len(msg)))
	req := diagMsg(unix.NLM_F_REQUEST, 10, append([]byte{unix.AF_PACKET, 0, 0, 0}, u32s(0, 0x21, 0, 0)...))
	a = m.put(0x2000, req)
	assert.Equal(t, `sendto(3, [{nlmsg_len=36, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=10, nlmsg_pid=0}, {sdiag_family=AF_PACKET, sdiag_protocol=0, pdiag_ino=0, pdiag_show=PACKET_SHOW_INFO|PACKET_SHOW_FILTER, pdiag_cookie=[0, 0]}], 36, 0, NULL, 0) = 36`,
		sendtoLine(t, d, 3, a, len(req)))
}

func TestTcmsg(t *testing.T) {
	m := newFakeMem()
	p := append([]byte{0, 0, 0, 0}, u32s(1, 0x10000, ^uint32(0), 2)...)
	p = append(p, nla(1, []byte("noqueue\x00")...)...)
	p = append(p, nla(7, cat(nla(1, append(u64s(5), u32s(6)...)...), nla(3, u32s(1, 2)...))...)...)
	msg := nlmsg(uint32(16+len(p)), unix.RTM_NEWQDISC, 0, 3, 0, p...)
	a := m.put(0x1000, msg)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	n := strconv.Itoa(len(msg))
	assert.Equal(t, `sendto(3, [{nlmsg_len=`+n+`, nlmsg_type=RTM_NEWQDISC, nlmsg_flags=0, nlmsg_seq=3, nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex("lo"), tcm_handle=65536, tcm_parent=4294967295, tcm_info=2}, [[{nla_len=12, nla_type=TCA_KIND}, "noqueue"], [{nla_len=32, nla_type=TCA_STATS2}, [[{nla_len=16, nla_type=TCA_STATS_BASIC}, {bytes=5, packets=6}], [{nla_len=12, nla_type=TCA_STATS_QUEUE}, "\x01\x00\x00\x00\x02\x00\x00\x00"]]]]], `+n+`, 0, NULL, 0) = `+n,
		sendtoLine(t, d, 3, a, len(msg)))
	// Every cut by the end of memory decodes without a panic.
	for cut := 0; cut <= len(msg); cut++ {
		m := newFakeMem()
		a := m.put(0x1000, msg[:cut])
		line := sendtoLine(t, netlinkDecoder(m, unix.NETLINK_ROUTE), 3, a, len(msg))
		assert.True(t, strings.HasSuffix(line, ") = "+n), line)
	}
}
