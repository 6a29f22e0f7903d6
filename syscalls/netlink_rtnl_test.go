package syscalls

import (
	"math/rand"
	"testing"

	"github.com/gotrace/gotrace/format"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// rtnlReq is a request of type typ (seq 7) with a header and attrs.
func rtnlReq(typ uint16, hdr []byte, attrs ...byte) []byte {
	payload := append(append([]byte(nil), hdr...), attrs...)
	return nlmsg(uint32(16+len(payload)), typ, unix.NLM_F_REQUEST, 7, 0, payload...)
}

func TestNetlinkNeighRuleNetconf(t *testing.T) {
	m := newFakeMem()
	d := netlinkDecoder(m, unix.NETLINK_ROUTE)
	neigh := rtnlReq(unix.RTM_NEWNEIGH, cat([]byte{unix.AF_INET, 0, 0, 0}, le32s(0x7ffffff0), []byte{0x82, 0, 0x82, 1}),
		cat(nla(1, 127, 0, 0, 1), nla(3, le32s(1, 2, 3, 4)...), nla(6, 0x12, 0xb5), nla(16, 0, 0))...)
	a := m.put(0x1000, neigh)
	assert.Equal(t, `sendto(3, [{nlmsg_len=72, nlmsg_type=RTM_NEWNEIGH, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {ndm_family=AF_INET, ndm_ifindex=2147483632, ndm_state=NUD_REACHABLE|NUD_PERMANENT, ndm_flags=NTF_SELF|NTF_ROUTER, ndm_type=RTN_UNICAST}, [[{nla_len=8, nla_type=NDA_DST}, inet_addr("127.0.0.1")], [{nla_len=20, nla_type=NDA_CACHEINFO}, {ndm_confirmed=1, ndm_used=2, ndm_updated=3, ndm_refcnt=4}], [{nla_len=6, nla_type=NDA_PORT}, htons(4789)], [{nla_len=6, nla_type=NDA_NDM_STATE_MASK}, NUD_NONE]]], 72, 0, NULL, 0) = 72`,
		sendtoLine(t, d, 3, a, len(neigh)))
	rule := rtnlReq(unix.RTM_NEWRULE, cat([]byte{unix.AF_INET, 32, 0, 0, 7, 0, 0, 2}, le32s(0x10002)),
		cat(nla(15, le32s(1000)...), nla(21, 3), nla(23, 0, 4, 0xff, 0xff))...)
	a = m.put(0x2000, rule)
	assert.Equal(t, `sendto(3, [{nlmsg_len=52, nlmsg_type=RTM_NEWRULE, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {family=AF_INET, dst_len=32, src_len=0, tos=0, table=0x7 /* RT_TABLE_??? */, action=FR_ACT_GOTO, flags=FIB_RULE_INVERT|FIB_RULE_FIND_SADDR}, [[{nla_len=8, nla_type=FRA_TABLE}, 0x3e8], [{nla_len=5, nla_type=FRA_PROTOCOL}, RTPROT_BOOT], [{nla_len=8, nla_type=FRA_SPORT_RANGE}, {start=1024, end=65535}]]], 52, 0, NULL, 0) = 52`,
		sendtoLine(t, d, 3, a, len(rule)))
	conf := rtnlReq(82, []byte{unix.AF_INET6, 0, 0, 0}, cat(nla(1, le32s(0xffffffff)...), nla(2, le32s(0xfffffffb)...))...)
	a = m.put(0x3000, conf)
	assert.Equal(t, `sendto(3, [{nlmsg_len=36, nlmsg_type=RTM_GETNETCONF, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {ncm_family=AF_INET6}, [[{nla_len=8, nla_type=NETCONFA_IFINDEX}, 4294967295], [{nla_len=8, nla_type=NETCONFA_FORWARDING}, -5]]], 36, 0, NULL, 0) = 36`,
		sendtoLine(t, d, 3, a, len(conf)))
	// Too short for the header, and the header alone.
	short := rtnlReq(unix.RTM_DELNEIGH, []byte{unix.AF_INET, 0, 0, 0, 1, 0, 0, 0})
	a = m.put(0x4000, short)
	assert.Contains(t, sendtoLine(t, d, 3, a, len(short)), `{ndm_family=AF_INET, ...}], 24, `)
	short = rtnlReq(82, []byte{unix.AF_INET})
	a = m.put(0x5000, short)
	assert.Contains(t, sendtoLine(t, d, 3, a, len(short)), `{ncm_family=AF_INET}], 17, `)
}

// TestNetlinkNeighRuleNoPanic mutates and cuts neighbour, rule and
// netconf messages at random: a line always comes out.
func TestNetlinkNeighRuleNoPanic(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	seeds := [][]byte{
		rtnlReq(unix.RTM_NEWNEIGH, make([]byte, 12), cat(nla(1, 1, 2, 3, 4), nla(3, make([]byte, 16)...), nla(14, nla(1, 3)...), nla(16, 1, 0))...),
		rtnlReq(unix.RTM_GETNEIGH, append([]byte{unix.AF_BRIDGE}, make([]byte, 15)...), nla(2, 1, 2, 3, 4, 5, 6)...),
		rtnlReq(unix.RTM_NEWRULE, make([]byte, 12), cat(nla(12, make([]byte, 8)...), nla(20, make([]byte, 8)...), nla(3, 'l', 'o', 0))...),
		rtnlReq(80, []byte{unix.AF_INET, 0, 0, 0}, cat(nla(1, 1, 0, 0, 0), nla(2, 1, 0, 0, 0))...),
	}
	for i := 0; i < 4000; i++ {
		b := append([]byte(nil), seeds[i%len(seeds)]...)
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
		assert.Contains(t, string(d.Enter(nil, c)), "sendto(3, ", "decoding %x", b)
	}
}
