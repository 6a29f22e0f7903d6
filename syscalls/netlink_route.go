package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// NETLINK_ROUTE payloads: struct ifaddrmsg (RTM_*ADDR), struct ifinfomsg
// (RTM_*LINK) and struct rtmsg (RTM_*ROUTE) with their attributes; other
// message types print their family and bytes.

// rtnlPayload appends the payload of a NETLINK_ROUTE message; false for
// NLMSG_DONE, whose payload prints as the control messages' do.
func (d *Decoder) rtnlPayload(m *nlMem, typ uint16, off, n uint64) bool {
	if typ == unix.NLMSG_DONE {
		return false
	}
	fb, ok := m.get(off, 1)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	family := fb[0]
	switch typ {
	case unix.RTM_NEWLINK, unix.RTM_DELLINK, unix.RTM_GETLINK, unix.RTM_SETLINK:
		d.ifinfomsg(m, family, off, n)
	case unix.RTM_NEWADDR, unix.RTM_DELADDR, unix.RTM_GETADDR, 58, 62: // RTM_GETMULTICAST, RTM_GETANYCAST
		d.ifaddrmsg(m, family, off, n)
	case unix.RTM_NEWROUTE, unix.RTM_DELROUTE, unix.RTM_GETROUTE:
		d.rtmsg(m, family, off, n)
	default:
		if isTcMsg(typ) {
			d.tcmsg(m, off, n)
			return true
		}
		if d.rtnlNeighRuleNetconf(m, typ, family, off, n) {
			return true
		}
		d.familyData(m, family, off, n)
	}
	return true
}

// rtnlAttrsAfter appends ", " and the attributes after a header of size
// bytes, if any.
func (d *Decoder) rtnlAttrsAfter(m *nlMem, off, n, size uint64, spec *nlaSpec) {
	size = (size + 3) &^ 3
	if n > size {
		d.S(", ")
		d.nlAttrs(m, off+size, n-size, spec)
	}
}

// ifaddrmsg appends a struct ifaddrmsg and its IFA_* attributes.
func (d *Decoder) ifaddrmsg(m *nlMem, family uint8, off, n uint64) {
	const size = 8
	b := d.familyHead(m, "ifa_family", off, n, size)
	if b == nil {
		return
	}
	d.S("ifa_prefixlen=")
	d.Uint(uint64(b[1]))
	d.S(", ifa_flags=")
	d.Flags(ifaFlags, uint64(b[2]), "IFA_F_???")
	d.S(", ifa_scope=")
	d.Value(routingScopes, uint64(b[3]), "RT_SCOPE_???")
	d.S(", ifa_index=")
	d.ifindex(binary.LittleEndian.Uint32(b[4:]))
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, size, ifaAttrSpec(family))
}

// ifaAttrSpec returns the IFA_* decoders for an address family (the
// addresses' format follows ifa_family).
func ifaAttrSpec(family uint8) *nlaSpec {
	return &nlaSpec{names: ifaAttrs, dflt: "IFA_???",
		dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
			switch typ {
			case 1, 2, 4, 5, 7: // IFA_ADDRESS, IFA_LOCAL, IFA_BROADCAST, IFA_ANYCAST, IFA_MULTICAST
				return d.nlaInet(m, family, off, n)
			case 3: // IFA_LABEL
				d.nlCStr(m, off, n)
				return true
			case 6: // IFA_CACHEINFO
				b, fits, ok := d.nlStruct(m, off, n, 16)
				if ok {
					d.nlFields(b, 4, "ifa_prefered", "ifa_valid", "cstamp", "tstamp")
				}
				return fits
			case 8: // IFA_FLAGS
				return d.nlaXval(m, off, n, 4, nil, "IFA_F_???", ifaFlags)
			case 9: // IFA_RT_PRIORITY
				return d.nlaUint(m, off, n, 4)
			case 10: // IFA_TARGET_NETNSID
				return d.nlaInt(m, off, n, 4)
			}
			return false
		}}
}

// ifinfomsg appends a struct ifinfomsg and its IFLA_* attributes.
func (d *Decoder) ifinfomsg(m *nlMem, family uint8, off, n uint64) {
	const size = 16
	b := d.familyHead(m, "ifi_family", off, n, size)
	if b == nil {
		return
	}
	le := binary.LittleEndian
	d.S("ifi_type=")
	d.Value(arpHardwareTypes, uint64(le.Uint16(b[2:])), "ARPHRD_???")
	d.S(", ifi_index=")
	d.ifindex(le.Uint32(b[4:]))
	d.S(", ifi_flags=")
	d.Flags(iffFlags, uint64(le.Uint32(b[8:])), "IFF_???")
	d.S(", ifi_change=")
	d.Hex(uint64(le.Uint32(b[12:])))
	d.S("}")
	spec := iflaAttrSpec
	switch family {
	case unix.AF_INET6:
		spec = iflaInet6AttrSpec
	case unix.AF_BRIDGE:
		spec = iflaBridgeAttrSpec
	}
	d.rtnlAttrsAfter(m, off, n, size, spec)
}

// Interface statistics: struct rtnl_link_stats (32-bit counters) and
// rtnl_link_stats64, the fields strace 6.1 prints.
var linkStatsFields = []string{
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors",
	"tx_errors", "rx_dropped", "tx_dropped", "multicast", "collisions",
	"rx_length_errors", "rx_over_errors", "rx_crc_errors",
	"rx_frame_errors", "rx_fifo_errors", "rx_missed_errors",
	"tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed",
	"tx_compressed", "rx_nohandler",
}

// linkStats appends a statistics structure of 4- or 8-byte counters:
// the 23 fields every kernel sends, then rx_nohandler (and, for the
// 64-bit one, rx_otherhost_dropped) when the attribute holds them.
func (d *Decoder) linkStats(m *nlMem, off, n uint64, size int) bool {
	min := uint64(23 * size)
	if n < min {
		return false
	}
	names := linkStatsFields[:23]
	count := uint64(23)
	if n >= 24*uint64(size) {
		names, count = linkStatsFields, 24
	}
	other := size == 8 && n >= 25*8
	if other {
		count = 25
	}
	b, ok := m.get(off, count*uint64(size))
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.nlFields(b[:len(names)*size], size, names...)
	if other {
		d.B = d.B[:len(d.B)-1]
		d.S(", rx_otherhost_dropped=")
		d.Uint(leUint(b[24*8 : 25*8]))
		d.S("}")
	}
	return true
}

// hwaddr appends a hardware address as strace prints one: hex bytes
// joined by colons (the bytes as a string with -X raw, both with -X
// verbose).
func (d *Decoder) hwaddr(b []byte) {
	st := d.Opts.Style
	if st != format.Abbrev {
		d.B = format.AppendQuoted(d.B, b, format.XAll, false)
		if st == format.Raw {
			return
		}
		d.S(" /* ")
		defer d.S(" */")
	}
	const digits = "0123456789abcdef"
	for i, c := range b {
		if i > 0 {
			d.S(":")
		}
		d.B = append(d.B, digits[c>>4], digits[c&15]) // %02x, not %#x
	}
}

var iflaXdpAttrSpec = &nlaSpec{names: iflaXdpAttrs, dflt: "IFLA_XDP_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1, 8: // IFLA_XDP_FD, IFLA_XDP_EXPECTED_FD
			if n < 4 {
				return false
			}
			b, ok := m.get(off, 4)
			if !ok {
				d.Addr(m.base + off)
				return true
			}
			d.Fd(int(int32(binary.LittleEndian.Uint32(b))))
			return true
		case 2: // IFLA_XDP_ATTACHED
			return d.nlaXval(m, off, n, 1, xdpAttached, "XDP_ATTACHED_???", nil)
		case 3: // IFLA_XDP_FLAGS
			if n < 4 {
				return false
			}
			b, ok := m.get(off, 4)
			if !ok {
				d.Addr(m.base + off)
				return true
			}
			d.Flags(xdpFlags, uint64(binary.LittleEndian.Uint32(b)), "XDP_FLAGS_???")
			return true
		case 4, 5, 6, 7: // IFLA_XDP_*PROG_ID
			return d.nlaUint(m, off, n, 4)
		}
		return false
	}}

// iflaAttrSpec: the IFLA_* attributes.
var iflaAttrSpec = &nlaSpec{names: iflaAttrs, dflt: "IFLA_???", dec: iflaAttr}

// iflaInet6AttrSpec: the IFLA_* attributes of an AF_INET6 message, whose
// IFLA_PROTINFO holds the IFLA_INET6_* ones (the kernel's reply to an
// AF_INET6 RTM_GETLINK; strace 6.1 decodes it so, other families' as
// bytes).
var iflaInet6AttrSpec = &nlaSpec{names: iflaAttrs, dflt: "IFLA_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == unix.IFLA_PROTINFO {
			d.nlAttrs(m, off, n, iflaInet6Spec)
			return true
		}
		return iflaAttr(d, m, typ, off, n)
	}}

func iflaAttr(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
	switch typ {
	case 1, 2, 54: // IFLA_ADDRESS, IFLA_BROADCAST, IFLA_PERM_ADDRESS
		if n > 32 { // MAX_ADDR_LEN
			return false
		}
		b, ok := m.get(off, n)
		if !ok {
			d.Addr(m.base + off)
			return true
		}
		d.hwaddr(b)
		return true
	case 3, 6, 20, 38, 53, 56, 57: // IFLA_IFNAME, QDISC, IFALIAS, PHYS_PORT_NAME, ALT_IFNAME, PARENT_DEV_*
		d.nlCStr(m, off, n)
		return true
	case 4, 5, 10, 13, 15, 19, 21, 27, 30, 31, 32, 35, 40, 41, 47, 48, 50, 51, 58, 59, 60, 61:
		return d.nlaUint(m, off, n, 4)
	case 16, 17, 33, 39: // IFLA_OPERSTATE, LINKMODE, CARRIER, PROTO_DOWN
		return d.nlaUint(m, off, n, 1)
	case 37, 45, 46: // IFLA_LINK_NETNSID, NEW_NETNSID, TARGET_NETNSID
		return d.nlaInt(m, off, n, 4)
	case 49: // IFLA_NEW_IFINDEX
		return d.nlaIfindex(m, off, n)
	case 7: // IFLA_STATS
		return d.linkStats(m, off, n, 4)
	case 23: // IFLA_STATS64
		return d.linkStats(m, off, n, 8)
	case 14: // IFLA_MAP: struct rtnl_link_ifmap
		b, fits, ok := d.nlStruct(m, off, n, 32)
		if ok {
			le := binary.LittleEndian
			d.S("{mem_start=")
			d.Hex(le.Uint64(b))
			d.S(", mem_end=")
			d.Hex(le.Uint64(b[8:]))
			d.S(", base_addr=")
			d.Hex(le.Uint64(b[16:]))
			d.S(", irq=")
			d.Uint(uint64(le.Uint16(b[24:])))
			d.S(", dma=")
			d.Uint(uint64(b[26]))
			d.S(", port=")
			d.Uint(uint64(b[27]))
			d.S("}")
		}
		return fits
	case 28: // IFLA_NET_NS_FD
		if n < 4 {
			return false
		}
		b, ok := m.get(off, 4)
		if !ok {
			d.Addr(m.base + off)
			return true
		}
		d.Fd(int(int32(binary.LittleEndian.Uint32(b))))
		return true
	case 43: // IFLA_XDP
		d.nlAttrs(m, off, n, iflaXdpAttrSpec)
		return true
	case 26: // IFLA_AF_SPEC
		d.nlAttrs(m, off, n, iflaAfSpecSpec)
		return true
	case 29: // IFLA_EXT_MASK
		return d.nlaXval(m, off, n, 4, nil, "RTEXT_FILTER_???", rtextFilterFlags)
	case 44: // IFLA_EVENT
		return d.nlaU32Xval(m, off, n, iflaEvents, "IFLA_EVENT_???")
	case 18: // IFLA_LINKINFO
		d.nlAttrs(m, off, n, linkinfoSpec())
		return true
	case 22: // IFLA_VFINFO_LIST
		d.nlAttrs(m, off, n, iflaVfinfoListSpec)
		return true
	case 24: // IFLA_VF_PORTS
		d.nlAttrs(m, off, n, iflaVfPortsSpec)
		return true
	case 25: // IFLA_PORT_SELF
		d.nlAttrs(m, off, n, iflaPortSpec)
		return true
	case 52: // IFLA_PROP_LIST
		d.nlAttrs(m, off, n, iflaPropListSpec)
		return true
	case 55: // IFLA_PROTO_DOWN_REASON
		d.nlAttrs(m, off, n, iflaProtoDownReasonSpec)
		return true
	}
	return false
}

// IFLA_AF_SPEC: attributes typed by address family, each holding that
// family's attributes. strace 6.1 decodes AF_INET's, AF_INET6's and
// AF_MCTP's; the others (AF_MPLS…) print as bytes. An AF_BRIDGE message's
// IFLA_AF_SPEC holds IFLA_BRIDGE_* attributes instead (iflaBridgeSpec).
var iflaAfSpecSpec = &nlaSpec{names: addrFamilies, dflt: "AF_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case unix.AF_INET:
			d.nlAttrs(m, off, n, iflaInetSpec)
			return true
		case unix.AF_INET6:
			d.nlAttrs(m, off, n, iflaInet6Spec)
			return true
		case unix.AF_MCTP:
			d.nlAttrs(m, off, n, iflaMctpSpec)
			return true
		}
		return false
	}}

var iflaMctpSpec = &nlaSpec{names: iflaMctpAttrs, dflt: "IFLA_MCTP_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == 1 { // IFLA_MCTP_NET
			return d.nlaUint(m, off, n, 4)
		}
		return false
	}}

var iflaInetSpec = &nlaSpec{names: iflaInetAttrs, dflt: "IFLA_INET_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == unix.IFLA_INET_CONF {
			return d.nlIndexedArray(m, off, n, 4, inetDevconfIndices, "IPV4_DEVCONF_???")
		}
		return false
	}}

var iflaInet6Spec = &nlaSpec{names: iflaInet6Attrs, dflt: "IFLA_INET6_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case unix.IFLA_INET6_FLAGS:
			return d.nlaXval(m, off, n, 4, nil, "IF_???", inet6IfFlags)
		case unix.IFLA_INET6_CONF:
			return d.nlIndexedArray(m, off, n, 4, inet6DevconfIndices, "DEVCONF_???")
		case unix.IFLA_INET6_STATS:
			return d.nlIndexedArray(m, off, n, 8, snmpIPStats, "IPSTATS_MIB_???")
		case unix.IFLA_INET6_CACHEINFO: // struct ifla_cacheinfo
			b, fits, ok := d.nlStruct(m, off, n, 16)
			if ok {
				d.nlFields(b, 4, "max_reasm_len", "tstamp", "reachable_time", "retrans_time")
			}
			return fits
		case unix.IFLA_INET6_ICMP6STATS:
			return d.nlIndexedArray(m, off, n, 8, snmpICMP6Stats, "ICMP6_MIB_???")
		case unix.IFLA_INET6_TOKEN:
			return d.nlaInet(m, unix.AF_INET6, off, n)
		case unix.IFLA_INET6_ADDR_GEN_MODE:
			return d.nlaXval(m, off, n, 1, in6AddrGenModes, "IN6_ADDR_GEN_MODE_???", nil)
		case unix.IFLA_INET6_RA_MTU:
			return d.nlaUint(m, off, n, 4)
		}
		return false
	}}

// nlIndexedArray appends the n/size integers at off (int32 when size is
// 4, uint64 when 8) as [[INDEX]=value, …], each index named by vs (in
// decimal when unnamed); false when n holds none, so the bytes print.
// Like strace it cuts after -s elements unless -v, reading the element
// after the last one shown first: an unreadable one ends the array with
// where memory ends, not "...".
func (d *Decoder) nlIndexedArray(m *nlMem, off, n uint64, size int, vs format.ValueSet, dflt string) bool {
	return d.nlIndexedArrayOf(m, off, n, size, true, vs, dflt)
}

// nlIndexedArrayOf is nlIndexedArray with 4-byte values signed or not.
func (d *Decoder) nlIndexedArrayOf(m *nlMem, off, n uint64, size int, signed bool, vs format.ValueSet, dflt string) bool {
	sz := uint64(size)
	cnt := n / sz
	if cnt == 0 {
		return false
	}
	limit := cnt
	if !d.Opts.Verbose && uint64(d.Opts.StrSize) < cnt {
		limit = uint64(d.Opts.StrSize)
	}
	for i := uint64(0); i < cnt; i++ {
		cur := off + i*sz
		if i > 0 {
			d.S(", ")
		}
		b, ok := m.get(cur, sz)
		if !ok {
			if i == 0 {
				d.Addr(m.base + cur)
				return true
			}
			d.moreAt(m.base + cur)
			break
		}
		if i == 0 {
			d.S("[")
		}
		if i == limit {
			d.S("...")
			break
		}
		d.S("[")
		d.ValueDec(vs, i, dflt)
		d.S("]=")
		if size == 4 && signed {
			d.Int(int64(int32(binary.LittleEndian.Uint32(b))))
		} else if size == 4 {
			d.Uint(uint64(binary.LittleEndian.Uint32(b)))
		} else {
			d.Uint(binary.LittleEndian.Uint64(b))
		}
	}
	d.S("]")
	return true
}

// indexedNames is a value set numbered 0, 1, 2… in order.
func indexedNames(names ...string) format.ValueSet {
	vs := make(format.ValueSet, len(names))
	for i, n := range names {
		vs[i] = format.Value{Val: uint64(i), Name: n}
	}
	return vs
}

// The index names of IFLA_INET_CONF's, IFLA_INET6_CONF's and the IPv6
// statistics' arrays, as far as strace 6.1 knows them. IPv4's are the
// IPV4_DEVCONF_* numbers less one, and strace names them so.
var (
	inetDevconfIndices = indexedNames(
		"IPV4_DEVCONF_FORWARDING-1", "IPV4_DEVCONF_MC_FORWARDING-1",
		"IPV4_DEVCONF_PROXY_ARP-1", "IPV4_DEVCONF_ACCEPT_REDIRECTS-1",
		"IPV4_DEVCONF_SECURE_REDIRECTS-1", "IPV4_DEVCONF_SEND_REDIRECTS-1",
		"IPV4_DEVCONF_SHARED_MEDIA-1", "IPV4_DEVCONF_RP_FILTER-1",
		"IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE-1", "IPV4_DEVCONF_BOOTP_RELAY-1",
		"IPV4_DEVCONF_LOG_MARTIANS-1", "IPV4_DEVCONF_TAG-1",
		"IPV4_DEVCONF_ARPFILTER-1", "IPV4_DEVCONF_MEDIUM_ID-1",
		"IPV4_DEVCONF_NOXFRM-1", "IPV4_DEVCONF_NOPOLICY-1",
		"IPV4_DEVCONF_FORCE_IGMP_VERSION-1", "IPV4_DEVCONF_ARP_ANNOUNCE-1",
		"IPV4_DEVCONF_ARP_IGNORE-1", "IPV4_DEVCONF_PROMOTE_SECONDARIES-1",
		"IPV4_DEVCONF_ARP_ACCEPT-1", "IPV4_DEVCONF_ARP_NOTIFY-1",
		"IPV4_DEVCONF_ACCEPT_LOCAL-1", "IPV4_DEVCONF_SRC_VMARK-1",
		"IPV4_DEVCONF_PROXY_ARP_PVLAN-1", "IPV4_DEVCONF_ROUTE_LOCALNET-1",
		"IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL-1",
		"IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL-1",
		"IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN-1",
		"IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST-1",
		"IPV4_DEVCONF_DROP_GRATUITOUS_ARP-1", "IPV4_DEVCONF_BC_FORWARDING-1",
		"IPV4_DEVCONF_ARP_EVICT_NOCARRIER-1")
	inet6DevconfIndices = indexedNames(
		"DEVCONF_FORWARDING", "DEVCONF_HOPLIMIT", "DEVCONF_MTU6",
		"DEVCONF_ACCEPT_RA", "DEVCONF_ACCEPT_REDIRECTS", "DEVCONF_AUTOCONF",
		"DEVCONF_DAD_TRANSMITS", "DEVCONF_RTR_SOLICITS",
		"DEVCONF_RTR_SOLICIT_INTERVAL", "DEVCONF_RTR_SOLICIT_DELAY",
		"DEVCONF_USE_TEMPADDR", "DEVCONF_TEMP_VALID_LFT",
		"DEVCONF_TEMP_PREFERED_LFT", "DEVCONF_REGEN_MAX_RETRY",
		"DEVCONF_MAX_DESYNC_FACTOR", "DEVCONF_MAX_ADDRESSES",
		"DEVCONF_FORCE_MLD_VERSION", "DEVCONF_ACCEPT_RA_DEFRTR",
		"DEVCONF_ACCEPT_RA_PINFO", "DEVCONF_ACCEPT_RA_RTR_PREF",
		"DEVCONF_RTR_PROBE_INTERVAL", "DEVCONF_ACCEPT_RA_RT_INFO_MAX_PLEN",
		"DEVCONF_PROXY_NDP", "DEVCONF_OPTIMISTIC_DAD",
		"DEVCONF_ACCEPT_SOURCE_ROUTE", "DEVCONF_MC_FORWARDING",
		"DEVCONF_DISABLE_IPV6", "DEVCONF_ACCEPT_DAD", "DEVCONF_FORCE_TLLAO",
		"DEVCONF_NDISC_NOTIFY", "DEVCONF_MLDV1_UNSOLICITED_REPORT_INTERVAL",
		"DEVCONF_MLDV2_UNSOLICITED_REPORT_INTERVAL",
		"DEVCONF_SUPPRESS_FRAG_NDISC", "DEVCONF_ACCEPT_RA_FROM_LOCAL",
		"DEVCONF_USE_OPTIMISTIC", "DEVCONF_ACCEPT_RA_MTU",
		"DEVCONF_STABLE_SECRET", "DEVCONF_USE_OIF_ADDRS_ONLY",
		"DEVCONF_ACCEPT_RA_MIN_HOP_LIMIT", "DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN",
		"DEVCONF_DROP_UNICAST_IN_L2_MULTICAST", "DEVCONF_DROP_UNSOLICITED_NA",
		"DEVCONF_KEEP_ADDR_ON_DOWN", "DEVCONF_RTR_SOLICIT_MAX_INTERVAL",
		"DEVCONF_SEG6_ENABLED", "DEVCONF_SEG6_REQUIRE_HMAC",
		"DEVCONF_ENHANCED_DAD", "DEVCONF_ADDR_GEN_MODE",
		"DEVCONF_DISABLE_POLICY", "DEVCONF_ACCEPT_RA_RT_INFO_MIN_PLEN",
		"DEVCONF_NDISC_TCLASS", "DEVCONF_RPL_SEG_ENABLED",
		"DEVCONF_RA_DEFRTR_METRIC", "DEVCONF_IOAM6_ENABLED", "DEVCONF_IOAM6_ID",
		"DEVCONF_IOAM6_ID_WIDE", "DEVCONF_NDISC_EVICT_NOCARRIER",
		"DEVCONF_ACCEPT_UNTRACKED_NA")
	snmpIPStats = indexedNames(
		"IPSTATS_MIB_NUM", "IPSTATS_MIB_INPKTS", "IPSTATS_MIB_INOCTETS",
		"IPSTATS_MIB_INDELIVERS", "IPSTATS_MIB_OUTFORWDATAGRAMS",
		"IPSTATS_MIB_OUTPKTS", "IPSTATS_MIB_OUTOCTETS",
		"IPSTATS_MIB_INHDRERRORS", "IPSTATS_MIB_INTOOBIGERRORS",
		"IPSTATS_MIB_INNOROUTES", "IPSTATS_MIB_INADDRERRORS",
		"IPSTATS_MIB_INUNKNOWNPROTOS", "IPSTATS_MIB_INTRUNCATEDPKTS",
		"IPSTATS_MIB_INDISCARDS", "IPSTATS_MIB_OUTDISCARDS",
		"IPSTATS_MIB_OUTNOROUTES", "IPSTATS_MIB_REASMTIMEOUT",
		"IPSTATS_MIB_REASMREQDS", "IPSTATS_MIB_REASMOKS",
		"IPSTATS_MIB_REASMFAILS", "IPSTATS_MIB_FRAGOKS",
		"IPSTATS_MIB_FRAGFAILS", "IPSTATS_MIB_FRAGCREATES",
		"IPSTATS_MIB_INMCASTPKTS", "IPSTATS_MIB_OUTMCASTPKTS",
		"IPSTATS_MIB_INBCASTPKTS", "IPSTATS_MIB_OUTBCASTPKTS",
		"IPSTATS_MIB_INMCASTOCTETS", "IPSTATS_MIB_OUTMCASTOCTETS",
		"IPSTATS_MIB_INBCASTOCTETS", "IPSTATS_MIB_OUTBCASTOCTETS",
		"IPSTATS_MIB_CSUMERRORS", "IPSTATS_MIB_NOECTPKTS",
		"IPSTATS_MIB_ECT1PKTS", "IPSTATS_MIB_ECT0PKTS", "IPSTATS_MIB_CEPKTS",
		"IPSTATS_MIB_REASM_OVERLAPS")
	snmpICMP6Stats = indexedNames(
		"ICMP6_MIB_NUM", "ICMP6_MIB_INMSGS", "ICMP6_MIB_INERRORS",
		"ICMP6_MIB_OUTMSGS", "ICMP6_MIB_OUTERRORS", "ICMP6_MIB_CSUMERRORS")
)

// rtmsg appends a struct rtmsg and its RTA_* attributes.
func (d *Decoder) rtmsg(m *nlMem, family uint8, off, n uint64) {
	const size = 12
	b := d.familyHead(m, "rtm_family", off, n, size)
	if b == nil {
		return
	}
	d.S("rtm_dst_len=")
	d.Uint(uint64(b[1]))
	d.S(", rtm_src_len=")
	d.Uint(uint64(b[2]))
	d.S(", rtm_tos=")
	d.Flags(ipTOS, uint64(b[3]), "IPTOS_TOS_???")
	d.S(", rtm_table=") // strace 6.1 comments no unknown table here
	d.Value(routingTables, uint64(b[4]), "")
	d.S(", rtm_protocol=")
	d.Value(routingProtocols, uint64(b[5]), "RTPROT_???")
	d.S(", rtm_scope=")
	d.Value(routingScopes, uint64(b[6]), "RT_SCOPE_???")
	d.S(", rtm_type=")
	d.Value(routingTypes, uint64(b[7]), "RTN_???")
	d.S(", rtm_flags=")
	d.Flags(routingFlags, uint64(binary.LittleEndian.Uint32(b[8:])), "RTM_F_???")
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, size, rtaAttrSpec(family))
}

// rtaAttrSpec returns the RTA_* decoders for an address family.
func rtaAttrSpec(family uint8) *nlaSpec {
	return &nlaSpec{names: rtaAttrs, dflt: "RTA_???",
		dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
			switch typ {
			case 1, 2, 5, 7, 19: // RTA_DST, SRC, GATEWAY, PREFSRC, NEWDST
				return d.nlaInet(m, family, off, n)
			case 3, 4: // RTA_IIF, RTA_OIF
				return d.nlaIfindex(m, off, n)
			case 6, 11, 16, 25, 30: // RTA_PRIORITY, FLOW, MARK, UID, NH_ID
				return d.nlaUint(m, off, n, 4)
			case 15: // RTA_TABLE: an unknown table prints bare
				return d.nlaXval(m, off, n, 4, routingTables, "", nil)
			case 12: // RTA_CACHEINFO
				b, fits, ok := d.nlStruct(m, off, n, 32)
				if ok {
					le := binary.LittleEndian
					d.S("{rta_clntref=")
					d.Uint(uint64(le.Uint32(b)))
					d.S(", rta_lastuse=")
					d.Uint(uint64(le.Uint32(b[4:])))
					d.S(", rta_expires=")
					d.Int(int64(int32(le.Uint32(b[8:]))))
					d.S(", rta_error=")
					d.Uint(uint64(le.Uint32(b[12:])))
					d.S(", rta_used=")
					d.Int(int64(int32(le.Uint32(b[16:]))))
					d.S(", rta_id=")
					d.Uint(uint64(le.Uint32(b[20:])))
					d.S(", rta_ts=")
					d.Uint(uint64(le.Uint32(b[24:])))
					d.S(", rta_tsage=")
					d.Uint(uint64(le.Uint32(b[28:])))
					d.S("}")
				}
				return fits
			case 20, 26, 27: // RTA_PREF, TTL_PROPAGATE, IP_PROTO
				if typ == 27 {
					return d.nlaXval(m, off, n, 0, inetProtocols, "IPPROTO_???", nil)
				}
				return d.nlaUint(m, off, n, 1)
			case 23: // RTA_EXPIRES
				return d.nlaUint(m, off, n, 8)
			case 28, 29: // RTA_SPORT, RTA_DPORT
				if n < 2 {
					return false
				}
				b, ok := m.get(off, 2)
				if !ok {
					d.Addr(m.base + off)
					return true
				}
				d.S("htons(")
				d.Uint(uint64(binary.BigEndian.Uint16(b)))
				d.S(")")
				return true
			}
			return false
		}}
}
