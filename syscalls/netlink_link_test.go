package syscalls

import (
	"math/rand"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// linkinfoBridge is an IFLA_LINKINFO of a bridge with a bridge port's
// slave data (as strace 6.1 printed the same attributes in a sendto).
func linkinfoBridge() []byte {
	return nla(unix.IFLA_LINKINFO, cat(
		nla(unix.IFLA_INFO_KIND, []byte("bridge\x00")...),
		nla(unix.IFLA_INFO_DATA, cat(
			nla(unix.IFLA_BR_FORWARD_DELAY, le32s(1500)...),
			nla(unix.IFLA_BR_VLAN_PROTOCOL, 0x81, 0x00),
			nla(unix.IFLA_BR_ROOT_ID, 0x80, 0, 2, 0, 0, 0, 0, 1),
			nla(unix.IFLA_BR_MULTI_BOOLOPT, le32s(3, 0x80000001)...),
			nla(47, nla(1, 127, 0, 0, 1)...))...),
		nla(unix.IFLA_INFO_SLAVE_KIND, []byte("bridge\x00")...),
		nla(unix.IFLA_INFO_SLAVE_DATA, nla(unix.IFLA_BRPORT_GROUP_FWD_MASK, 0x81, 0)...))...)
}

func TestNetlinkLinkinfo(t *testing.T) {
	m := newFakeMem()
	req := newlinkReq(0, linkinfoBridge()...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Equal(t, `sendto(3, [{nlmsg_len=128, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=96, nla_type=IFLA_LINKINFO}, [[{nla_len=11, nla_type=IFLA_INFO_KIND}, "bridge"], [{nla_len=56, nla_type=IFLA_INFO_DATA}, [[{nla_len=8, nla_type=IFLA_BR_FORWARD_DELAY}, 1500 /* 15.00 s */], [{nla_len=6, nla_type=IFLA_BR_VLAN_PROTOCOL}, htons(ETH_P_8021Q)], [{nla_len=12, nla_type=IFLA_BR_ROOT_ID}, {prio=[128, 0], addr=02:00:00:00:00:01}], [{nla_len=12, nla_type=IFLA_BR_MULTI_BOOLOPT}, {optval=1<<BR_BOOLOPT_NO_LL_LEARN|1<<BR_BOOLOPT_MCAST_VLAN_SNOOPING, optmask=1<<BR_BOOLOPT_NO_LL_LEARN|0x80000000}], [{nla_len=12, nla_type=IFLA_BR_MCAST_QUERIER_STATE}, [{nla_len=8, nla_type=BRIDGE_QUERIER_IP_ADDRESS}, inet_addr("127.0.0.1")]]]], [{nla_len=11, nla_type=IFLA_INFO_SLAVE_KIND}, "bridge"], [{nla_len=12, nla_type=IFLA_INFO_SLAVE_DATA}, [{nla_len=6, nla_type=IFLA_BRPORT_GROUP_FWD_MASK}, 0x81]]]]], 128, 0, NULL, 0) = 128`,
		sendtoLine(t, d, 3, a, len(req)))
	d.Opts.Style = format.Verbose
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[{nla_len=8, nla_type=0x1 /* IFLA_BR_FORWARD_DELAY */}, 1500 /* 15.00 s */], [{nla_len=6, nla_type=0x8 /* IFLA_BR_VLAN_PROTOCOL */}, htons(0x8100 /* ETH_P_8021Q */)], [{nla_len=12, nla_type=0xa /* IFLA_BR_ROOT_ID */}, {prio=[128, 0], addr="\x02\x00\x00\x00\x00\x01" /* 02:00:00:00:00:01 */}]`)
	d.Opts.Style = format.Raw
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[{nla_len=8, nla_type=0x1}, 1500], [{nla_len=6, nla_type=0x8}, htons(0x8100)]`)
}

// TestNetlinkLinkinfoKind: the data follows the kind named before it, up
// to its NUL; a kind strace has no decoder for, or none, leaves bytes.
func TestNetlinkLinkinfoKind(t *testing.T) {
	data := nla(unix.IFLA_INFO_DATA, nla(unix.IFLA_TUN_OWNER, le32s(0xffffffff)...)...)
	for _, c := range []struct {
		attrs []byte
		want  string
	}{
		{cat(nla(unix.IFLA_INFO_KIND, []byte("tun\x00")...), data),
			`[[{nla_len=8, nla_type=IFLA_INFO_KIND}, "tun"], [{nla_len=12, nla_type=IFLA_INFO_DATA}, [{nla_len=8, nla_type=IFLA_TUN_OWNER}, -1]]]`},
		{cat(data, nla(unix.IFLA_INFO_KIND, []byte("tun\x00")...)),
			`[[{nla_len=12, nla_type=IFLA_INFO_DATA}, "\x08\x00\x01\x00\xff\xff\xff\xff"], [{nla_len=8, nla_type=IFLA_INFO_KIND}, "tun"]]`},
		{cat(nla(unix.IFLA_INFO_KIND, []byte("veth\x00tun\x00")...), data),
			`[[{nla_len=13, nla_type=IFLA_INFO_KIND}, "veth"], [{nla_len=12, nla_type=IFLA_INFO_DATA}, "\x08\x00\x01\x00\xff\xff\xff\xff"]]`},
		{cat(nla(unix.IFLA_INFO_KIND, []byte("tun")...), data),
			`[[{nla_len=7, nla_type=IFLA_INFO_KIND}, "tun"...], [{nla_len=12, nla_type=IFLA_INFO_DATA}, "\x08\x00\x01\x00\xff\xff\xff\xff"]]`},
		{cat(nla(unix.IFLA_INFO_KIND, []byte("can\x00")...), nla(unix.IFLA_INFO_XSTATS, le32s(1, 2, 3, 4, 5, 6)...), nla(unix.IFLA_INFO_XSTATS, le32s(1, 2)...)),
			`[[{nla_len=8, nla_type=IFLA_INFO_KIND}, "can"], [{nla_len=28, nla_type=IFLA_INFO_XSTATS}, {bus_error=1, error_warning=2, error_passive=3, bus_off=4, arbitration_lost=5, restarts=6}], [{nla_len=12, nla_type=IFLA_INFO_XSTATS}, "\x01\x00\x00\x00\x02\x00\x00\x00"]]`},
	} {
		m := newFakeMem()
		req := newlinkReq(0, nla(unix.IFLA_LINKINFO, c.attrs...)...)
		a := m.put(0x1000, req)
		d := netlinkDecoder(m, unix.NETLINK_ROUTE)
		assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `nla_type=IFLA_LINKINFO}, `+c.want+`]], `)
	}
}

// TestNetlinkBridgeFamily: an AF_BRIDGE message's IFLA_PROTINFO and
// IFLA_AF_SPEC.
func TestNetlinkBridgeFamily(t *testing.T) {
	m := newFakeMem()
	attrs := cat(
		nla(unix.IFLA_PROTINFO|nlaFNested, cat(nla(unix.IFLA_BRPORT_STATE, 1), nla(unix.IFLA_BRPORT_MESSAGE_AGE_TIMER, le64s(12345)...), nla(40, 1))...),
		nla(unix.IFLA_AF_SPEC, cat(nla(0, 0x81, 0), nla(1, 0x81, 0), nla(2, 6, 0, 100, 0, 0xcd, 0xab))...))
	req := newlinkReq(unix.AF_BRIDGE, attrs...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `{ifi_family=AF_BRIDGE, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, [[{nla_len=32, nla_type=NLA_F_NESTED|IFLA_PROTINFO}, [[{nla_len=5, nla_type=IFLA_BRPORT_STATE}, 1], [{nla_len=12, nla_type=IFLA_BRPORT_MESSAGE_AGE_TIMER}, 12345 /* 123.45 s */], [{nla_len=5, nla_type=0x28 /* IFLA_BRPORT_??? */}, "\x01"]]], [{nla_len=32, nla_type=IFLA_AF_SPEC}, [[{nla_len=6, nla_type=IFLA_BRIDGE_FLAGS}, BRIDGE_FLAGS_MASTER|0x80], [{nla_len=6, nla_type=IFLA_BRIDGE_MODE}, 0x81 /* BRIDGE_MODE_??? */], [{nla_len=10, nla_type=IFLA_BRIDGE_VLAN_INFO}, {flags=BRIDGE_VLAN_INFO_PVID|BRIDGE_VLAN_INFO_UNTAGGED, vid=100}, "\xcd\xab"]]]]]`)
}

// TestNetlinkVf: IFLA_VFINFO_LIST's structures, and one too short.
func TestNetlinkVf(t *testing.T) {
	m := newFakeMem()
	mac := append(le32s(1), make([]byte, 32)...)
	copy(mac[4:], []byte{1, 2, 3, 4, 5, 6})
	attrs := nla(unix.IFLA_VFINFO_LIST, nla(unix.IFLA_VF_INFO, cat(
		nla(unix.IFLA_VF_MAC, mac...),
		nla(unix.IFLA_VF_LINK_STATE, le32s(1, 7)...),
		nla(unix.IFLA_VF_RATE, le32s(1, 2)...),
		nla(unix.IFLA_VF_IB_NODE_GUID, le32s(3, 0x11223344, 0x55667788)...),
		nla(unix.IFLA_VF_VLAN_LIST, nla(unix.IFLA_VF_VLAN_INFO, cat(le32s(1, 100, 2), []byte{0x88, 0xa8, 0, 0})...)...))...)...)
	req := newlinkReq(0, attrs...)
	a := m.put(0x1000, req)
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[{nla_len=40, nla_type=IFLA_VF_MAC}, {vf=1, mac=01:02:03:04:05:06:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00}], [{nla_len=12, nla_type=IFLA_VF_LINK_STATE}, {vf=1, link_state=0x7 /* IFLA_VF_LINK_STATE_??? */}], [{nla_len=12, nla_type=IFLA_VF_RATE}, "\x01\x00\x00\x00\x02\x00\x00\x00"], [{nla_len=16, nla_type=IFLA_VF_IB_NODE_GUID}, {vf=3, guid=0x5566778811223344}], [{nla_len=24, nla_type=IFLA_VF_VLAN_LIST}, [{nla_len=20, nla_type=IFLA_VF_VLAN_INFO}, {vf=1, vlan=100, qos=2, vlan_proto=htons(ETH_P_8021AD)}]]]]]`)
}

// TestNetlinkLinkUnreadable: a nest cut by the end of readable memory
// prints the address where it stops.
func TestNetlinkLinkUnreadable(t *testing.T) {
	req := newlinkReq(0, linkinfoBridge()...)
	m := newFakeMem()
	a := m.put(0x2000-uint64(len(req)-40), req[:len(req)-40])
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	assert.Contains(t, sendtoLine(t, d, 3, a, len(req)), `[{nla_len=12, nla_type=IFLA_BR_ROOT_ID}, {prio=[128, 0], addr=02:00:00:00:00:01}], [{nla_len=12, nla_type=IFLA_BR_MULTI_BOOLOPT}, 0x1ffc], ... /* 0x2004 */]], ... /* 0x2010 */]]], 128, 0, NULL, 0) = 128`)
}

// TestNetlinkLinkNoPanic mutates and cuts messages holding every new
// nest at random: a line always comes out.
func TestNetlinkLinkNoPanic(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	vf := nla(unix.IFLA_VFINFO_LIST, nla(unix.IFLA_VF_INFO, cat(nla(unix.IFLA_VF_MAC, make([]byte, 36)...),
		nla(unix.IFLA_VF_STATS, nla(0, le64s(1)...)...), nla(unix.IFLA_VF_IB_PORT_GUID, make([]byte, 16)...))...)...)
	ports := nla(unix.IFLA_VF_PORTS, nla(1, cat(nla(unix.IFLA_PORT_VSI_TYPE, 1, 2, 3, 4, 5, 6, 7, 8), nla(unix.IFLA_PORT_PROFILE, 'p', 0))...)...)
	seeds := [][]byte{
		newlinkReq(0, cat(linkinfoBridge(), vf, ports, nla(unix.IFLA_PROP_LIST, nla(unix.IFLA_ALT_IFNAME, 'x', 0)...))...),
		newlinkReq(unix.AF_BRIDGE, cat(nla(unix.IFLA_PROTINFO, nla(unix.IFLA_BRPORT_ROOT_ID, make([]byte, 8)...)...),
			nla(unix.IFLA_AF_SPEC, nla(3, nla(3, 1, 0)...)...))...),
	}
	for i := 0; i < 4000; i++ {
		seed := seeds[i%len(seeds)]
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
		d.Opts.StrSize = 1 + r.Intn(40)
		c := &Call{Nr: unix.SYS_SENDTO, Args: [6]uint64{3, a, uint64(len(b) + r.Intn(64))}}
		out := string(d.Enter(nil, c))
		assert.Contains(t, out, "sendto(3, ", "decoding %x", b)
	}
}
