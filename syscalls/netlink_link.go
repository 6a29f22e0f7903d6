package syscalls

import (
	"bytes"
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The nested IFLA_* attributes of RTM_*LINK messages, as strace 6.1
// decodes them: IFLA_LINKINFO (with the data of bridge and tun devices,
// a CAN device's statistics and a bridge port's slave data),
// IFLA_VFINFO_LIST, IFLA_VF_PORTS and IFLA_PORT_SELF, IFLA_PROP_LIST,
// IFLA_PROTO_DOWN_REASON, and an AF_BRIDGE message's IFLA_PROTINFO
// (IFLA_BRPORT_*) and IFLA_AF_SPEC (IFLA_BRIDGE_*).

// Attribute value decoders shared by the tables below. Each returns false
// when n does not fit its type, so the bytes print instead.

// nlaHex appends an unsigned integer of size bytes in hex (strace's
// decode_nla_x16, x32).
func (d *Decoder) nlaHex(m *nlMem, off, n uint64, size int) bool {
	if n < uint64(size) {
		return false
	}
	b, ok := m.get(off, uint64(size))
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.Hex(leUint(b))
	return true
}

// nlaClockT appends a clock_t of n bytes (up to 8), in ticks with its
// seconds.
func (d *Decoder) nlaClockT(m *nlMem, off, n uint64) bool {
	if n > 8 {
		return false
	}
	b, ok := m.get(off, n)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.clockT(leUint(b))
	return true
}

// nlaUID appends a uid or gid (-1 as such).
func (d *Decoder) nlaUID(m *nlMem, off, n uint64) bool {
	if n < 4 {
		return false
	}
	b, ok := m.get(off, 4)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.uid32(binary.LittleEndian.Uint32(b))
	return true
}

// uid32 appends a uid_t as strace's printuid: -1, or unsigned.
func (d *Decoder) uid32(v uint32) {
	if v == ^uint32(0) {
		d.S("-1")
		return
	}
	d.Uint(uint64(v))
}

// nlaHwaddr appends a hardware address of n bytes (at most MAX_ADDR_LEN).
func (d *Decoder) nlaHwaddr(m *nlMem, off, n uint64) bool {
	if n > 32 {
		return false
	}
	b, ok := m.get(off, n)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.hwaddr(b)
	return true
}

// ethProto appends an ETH_P_* value held in network byte order:
// htons(ETH_P_8021Q).
func (d *Decoder) ethProto(v uint16, dflt string) {
	d.S("htons(")
	d.Value(ethernetProtocols, uint64(v), dflt)
	d.S(")")
}

// nlaEthProto appends a big-endian ETH_P_* value (decode_nla_ether_proto,
// whose unknown values strace comments as ETHER_P_???).
func (d *Decoder) nlaEthProto(m *nlMem, off, n uint64) bool {
	if n > 8 || n < 2 {
		return false
	}
	b, ok := m.get(off, 2)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.ethProto(binary.BigEndian.Uint16(b), "ETHER_P_???")
	return true
}

// nlaU32Xval appends a 32-bit value through vs (n at least 4).
func (d *Decoder) nlaU32Xval(m *nlMem, off, n uint64, vs format.ValueSet, dflt string) bool {
	if n < 4 {
		return false
	}
	b, ok := m.get(off, 4)
	if !ok {
		d.Addr(m.base + off)
		return true
	}
	d.Value(vs, uint64(binary.LittleEndian.Uint32(b)), dflt)
	return true
}

// nlZStr appends a string that ends at its first NUL (strace's
// QUOTE_0_TERMINATED): a NUL right after the -s bytes shown still ends it;
// "..." after them when none does.
func (d *Decoder) nlZStr(m *nlMem, off, n uint64) {
	look := n
	if look > uint64(d.Opts.StrSize)+1 {
		look = uint64(d.Opts.StrSize) + 1
	}
	b, ok := m.get(off, look)
	if !ok {
		d.Addr(m.base + off)
		return
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		d.B = format.AppendQuoted(d.B, b[:i], d.Opts.X, false)
		return
	}
	if uint64(len(b)) > uint64(d.Opts.StrSize) {
		b = b[:d.Opts.StrSize]
	}
	d.B = format.AppendQuoted(d.B, b, d.Opts.X, false)
	d.S("...")
}

// nlKind returns the device kind an IFLA_INFO_KIND holds: its bytes up to
// a NUL within the 16 strace keeps, else "".
func nlKind(m *nlMem, off, n uint64) string {
	if n >= 16 {
		return ""
	}
	b, ok := m.get(off, n)
	if !ok {
		return ""
	}
	i := bytes.IndexByte(b, 0)
	if i < 0 {
		return ""
	}
	return string(b[:i])
}

// nlaBridgeID appends a struct ifla_bridge_id: {prio=[128, 0],
// addr=02:00:00:00:00:01}.
func (d *Decoder) nlaBridgeID(m *nlMem, off, n uint64) bool {
	b, fits, ok := d.nlStruct(m, off, n, 8)
	if ok {
		d.S("{prio=[")
		d.Uint(uint64(b[0]))
		d.S(", ")
		d.Uint(uint64(b[1]))
		d.S("], addr=")
		d.hwaddr(b[2:8])
		d.S("}")
	}
	return fits
}

// linkinfoSpec returns the IFLA_INFO_* decoders of one IFLA_LINKINFO: the
// data and statistics follow the kind named before them.
func linkinfoSpec() *nlaSpec {
	var kind, slaveKind string
	return &nlaSpec{names: iflaInfoAttrs, dflt: "IFLA_INFO_???",
		dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
			switch typ {
			case 1: // IFLA_INFO_KIND
				kind = nlKind(m, off, n)
				d.nlZStr(m, off, n)
				return true
			case 2: // IFLA_INFO_DATA
				switch kind {
				case "bridge":
					d.nlAttrs(m, off, n, iflaBrSpec)
					return true
				case "tun":
					d.nlAttrs(m, off, n, iflaTunSpec)
					return true
				}
			case 3: // IFLA_INFO_XSTATS
				if kind == "can" {
					b, fits, ok := d.nlStruct(m, off, n, 24)
					if ok {
						d.nlFields(b, 4, "bus_error", "error_warning", "error_passive",
							"bus_off", "arbitration_lost", "restarts")
					}
					return fits
				}
			case 4: // IFLA_INFO_SLAVE_KIND
				slaveKind = nlKind(m, off, n)
				d.nlZStr(m, off, n)
				return true
			case 5: // IFLA_INFO_SLAVE_DATA
				if slaveKind == "bridge" {
					d.nlAttrs(m, off, n, iflaBrportSpec)
					return true
				}
			}
			return false
		}}
}

// brBooloptFlags are struct br_boolopt_multi's bits, 1 << BR_BOOLOPT_*
// (names that are not identifiers, so not in xlat/netlink.txt).
var brBooloptFlags = format.FlagSet{
	{Val: 1 << 0, Name: "1<<BR_BOOLOPT_NO_LL_LEARN"},
	{Val: 1 << 1, Name: "1<<BR_BOOLOPT_MCAST_VLAN_SNOOPING"},
	{Val: 1 << 2, Name: "1<<BR_BOOLOPT_MST_ENABLE"},
}

// iflaBrSpec: a bridge's IFLA_INFO_DATA.
var iflaBrSpec = &nlaSpec{names: iflaBrAttrs, dflt: "IFLA_BR_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1, 2, 3, 4, 16, 17, 18, 19, 30, 31, 32, 33, 34, 35: // delays, timers, intervals
			return d.nlaClockT(m, off, n)
		case 5, 13, 26, 27, 28, 29: // STP_STATE, ROOT_PATH_COST, MCAST_HASH_*, *_CNT
			return d.nlaUint(m, off, n, 4)
		case 6, 12, 39: // PRIORITY, ROOT_PORT, VLAN_DEFAULT_PVID
			return d.nlaUint(m, off, n, 2)
		case 7, 14, 15, 22, 23, 24, 25, 36, 37, 38, 41, 42, 43, 44, 45:
			return d.nlaUint(m, off, n, 1)
		case 8: // IFLA_BR_VLAN_PROTOCOL
			return d.nlaEthProto(m, off, n)
		case 9: // IFLA_BR_GROUP_FWD_MASK
			return d.nlaHex(m, off, n, 2)
		case 10, 11: // IFLA_BR_ROOT_ID, IFLA_BR_BRIDGE_ID
			return d.nlaBridgeID(m, off, n)
		case 20: // IFLA_BR_GROUP_ADDR
			return d.nlaHwaddr(m, off, n)
		case 46: // IFLA_BR_MULTI_BOOLOPT: struct br_boolopt_multi
			b, fits, ok := d.nlStruct(m, off, n, 8)
			if ok {
				d.S("{optval=")
				d.Flags(brBooloptFlags, uint64(binary.LittleEndian.Uint32(b)), "1<<BR_BOOLOPT_???")
				d.S(", optmask=")
				d.Flags(brBooloptFlags, uint64(binary.LittleEndian.Uint32(b[4:])), "1<<BR_BOOLOPT_???")
				d.S("}")
			}
			return fits
		case 47: // IFLA_BR_MCAST_QUERIER_STATE
			d.nlAttrs(m, off, n, bridgeQuerierSpec)
			return true
		}
		return false
	}}

var bridgeQuerierSpec = &nlaSpec{names: bridgeQuerierAttrs, dflt: "BRIDGE_QUERIER_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // BRIDGE_QUERIER_IP_ADDRESS
			return d.nlaInet(m, unix.AF_INET, off, n)
		case 5: // BRIDGE_QUERIER_IPV6_ADDRESS
			return d.nlaInet(m, unix.AF_INET6, off, n)
		case 2, 6: // BRIDGE_QUERIER_IP_PORT, BRIDGE_QUERIER_IPV6_PORT
			return d.nlaIfindex(m, off, n)
		case 3, 7: // BRIDGE_QUERIER_IP_OTHER_TIMER, IPV6_OTHER_TIMER
			return d.nlaClockT(m, off, n)
		}
		return false
	}}

// iflaTunSpec: a tun device's IFLA_INFO_DATA.
var iflaTunSpec = &nlaSpec{names: iflaTunAttrs, dflt: "IFLA_TUN_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1, 2: // IFLA_TUN_OWNER, IFLA_TUN_GROUP
			return d.nlaUID(m, off, n)
		case 3: // IFLA_TUN_TYPE
			return d.nlaXval(m, off, n, 1, tunDeviceTypes, "IFF_???", nil)
		case 4, 5, 6, 7: // PI, VNET_HDR, PERSIST, MULTI_QUEUE
			return d.nlaUint(m, off, n, 1)
		case 8, 9: // NUM_QUEUES, NUM_DISABLED_QUEUES
			return d.nlaUint(m, off, n, 4)
		}
		return false
	}}

// iflaBrportSpec: a bridge port's IFLA_BRPORT_* attributes.
var iflaBrportSpec = &nlaSpec{names: iflaBrportAttrs, dflt: "IFLA_BRPORT_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 25, 27, 28, 29, 30, 32, 33, 35, 36, 39:
			return d.nlaUint(m, off, n, 1)
		case 2, 15, 16, 17, 18: // PRIORITY, DESIGNATED_*, ID, NO
			return d.nlaUint(m, off, n, 2)
		case 3, 37, 38: // COST, MCAST_EHT_HOSTS_*
			return d.nlaUint(m, off, n, 4)
		case 13, 14: // ROOT_ID, BRIDGE_ID
			return d.nlaBridgeID(m, off, n)
		case 21, 22, 23: // the timers
			return d.nlaClockT(m, off, n)
		case 31: // IFLA_BRPORT_GROUP_FWD_MASK
			return d.nlaHex(m, off, n, 2)
		case 34: // IFLA_BRPORT_BACKUP_PORT
			return d.nlaIfindex(m, off, n)
		}
		return false
	}}

// iflaVfinfoListSpec: IFLA_VFINFO_LIST, a list of IFLA_VF_INFO.
var iflaVfinfoListSpec = &nlaSpec{names: iflaVfinfoListAttrs, dflt: "IFLA_VF_INFO_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == 1 { // IFLA_VF_INFO
			d.nlAttrs(m, off, n, iflaVfSpec)
			return true
		}
		return false
	}}

// vfStruct appends a VF's structure of fixed u32 fields {vf=…, …} (the
// last one through vs when vs is not nil).
func (d *Decoder) vfStruct(m *nlMem, off, n uint64, vs format.ValueSet, dflt string, names ...string) bool {
	b, fits, ok := d.nlStruct(m, off, n, uint64(4*len(names)))
	if !ok {
		return fits
	}
	d.S("{")
	for i, name := range names {
		if i > 0 {
			d.S(", ")
		}
		d.S(name)
		d.S("=")
		v := uint64(binary.LittleEndian.Uint32(b[4*i:]))
		if vs != nil && i == len(names)-1 {
			d.Value(vs, v, dflt)
		} else {
			d.Uint(v)
		}
	}
	d.S("}")
	return true
}

// iflaVfSpec: one VF's IFLA_VF_* attributes.
var iflaVfSpec = &nlaSpec{names: iflaVfAttrs, dflt: "IFLA_VF_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // IFLA_VF_MAC: struct ifla_vf_mac
			b, fits, ok := d.nlStruct(m, off, n, 36)
			if ok {
				d.S("{vf=")
				d.Uint(uint64(binary.LittleEndian.Uint32(b)))
				d.S(", mac=")
				d.hwaddr(b[4:36])
				d.S("}")
			}
			return fits
		case 2: // IFLA_VF_VLAN
			return d.vfStruct(m, off, n, nil, "", "vf", "vlan", "qos")
		case 3: // IFLA_VF_TX_RATE
			return d.vfStruct(m, off, n, nil, "", "vf", "rate")
		case 4, 7, 9: // IFLA_VF_SPOOFCHK, RSS_QUERY_EN, TRUST
			return d.vfStruct(m, off, n, nil, "", "vf", "setting")
		case 5: // IFLA_VF_LINK_STATE
			return d.vfStruct(m, off, n, iflaVfLinkStates, "IFLA_VF_LINK_STATE_???", "vf", "link_state")
		case 6: // IFLA_VF_RATE
			return d.vfStruct(m, off, n, nil, "", "vf", "min_tx_rate", "max_tx_rate")
		case 8: // IFLA_VF_STATS
			d.nlAttrs(m, off, n, iflaVfStatsSpec)
			return true
		case 10, 11: // IFLA_VF_IB_NODE_GUID, IFLA_VF_IB_PORT_GUID
			// struct ifla_vf_guid: its guid packed after vf or aligned.
			if n != 12 && n != 16 {
				return false
			}
			b, ok := m.get(off, n)
			if !ok {
				d.Addr(m.base + off)
				return true
			}
			d.S("{vf=")
			d.Uint(uint64(binary.LittleEndian.Uint32(b)))
			d.S(", guid=")
			d.Hex(binary.LittleEndian.Uint64(b[n-8:]))
			d.S("}")
			return true
		case 12: // IFLA_VF_VLAN_LIST
			d.nlAttrs(m, off, n, iflaVfVlanListSpec)
			return true
		case 13: // IFLA_VF_BROADCAST
			b, fits, ok := d.nlStruct(m, off, n, 32)
			if ok {
				d.S("{broadcast=")
				d.hwaddr(b)
				d.S("}")
			}
			return fits
		}
		return false
	}}

var iflaVfStatsSpec = &nlaSpec{names: iflaVfStatsAttrs, dflt: "IFLA_VF_STATS_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ <= 8 && typ != 6 { // all but IFLA_VF_STATS_PAD
			return d.nlaUint(m, off, n, 8)
		}
		return false
	}}

var iflaVfVlanListSpec = &nlaSpec{names: iflaVfVlanListAttrs, dflt: "IFLA_VF_VLAN_INFO_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ != 1 { // IFLA_VF_VLAN_INFO: struct ifla_vf_vlan_info
			return false
		}
		b, fits, ok := d.nlStruct(m, off, n, 16)
		if ok {
			d.nlFields(b[:12], 4, "vf", "vlan", "qos")
			d.B = d.B[:len(d.B)-1]
			d.S(", vlan_proto=")
			d.ethProto(binary.BigEndian.Uint16(b[12:]), "ETH_P_???")
			d.S("}")
		}
		return fits
	}}

// iflaVfPortsSpec: IFLA_VF_PORTS, a list of IFLA_VF_PORT.
var iflaVfPortsSpec = &nlaSpec{names: iflaVfPortAttrs, dflt: "IFLA_VF_PORT_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == 1 { // IFLA_VF_PORT
			d.nlAttrs(m, off, n, iflaPortSpec)
			return true
		}
		return false
	}}

// iflaPortSpec: IFLA_PORT_* attributes (strace names unknown ones
// IFLA_VF_PORT_???).
var iflaPortSpec = &nlaSpec{names: iflaPortAttrs, dflt: "IFLA_VF_PORT_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // IFLA_PORT_VF
			return d.nlaUint(m, off, n, 4)
		case 2: // IFLA_PORT_PROFILE
			d.nlCStr(m, off, n)
			return true
		case 3: // IFLA_PORT_VSI_TYPE: struct ifla_port_vsi
			b, fits, ok := d.nlStruct(m, off, n, 8)
			if ok {
				d.S("{vsi_mgr_id=")
				d.Uint(uint64(b[0]))
				d.S(", vsi_type_id=")
				d.hexBytes(b[1:4])
				d.S(", vsi_type_version=")
				d.Uint(uint64(b[4]))
				if b[5]|b[6]|b[7] != 0 {
					d.S(", pad=")
					d.hexBytes(b[5:8])
				}
				d.S("}")
			}
			return fits
		case 6: // IFLA_PORT_REQUEST
			return d.nlaUint(m, off, n, 1)
		case 7: // IFLA_PORT_RESPONSE
			return d.nlaUint(m, off, n, 2)
		}
		return false
	}}

// iflaPropListSpec: IFLA_PROP_LIST, whose attributes are IFLA_* ones, of
// which strace decodes IFLA_ALT_IFNAME.
var iflaPropListSpec = &nlaSpec{names: iflaAttrs, dflt: "IFLA_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == unix.IFLA_ALT_IFNAME {
			d.nlCStr(m, off, n)
			return true
		}
		return false
	}}

var iflaProtoDownReasonSpec = &nlaSpec{names: iflaProtoDownReasonAttrs, dflt: "IFLA_PROTO_DOWN_REASON_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == 1 || typ == 2 { // MASK, VALUE
			return d.nlaHex(m, off, n, 4)
		}
		return false
	}}

// iflaBridgeSpec: an AF_BRIDGE message's IFLA_AF_SPEC (IFLA_BRIDGE_*).
var iflaBridgeSpec = &nlaSpec{names: iflaBridgeAttrs, dflt: "IFLA_BRIDGE_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 0: // IFLA_BRIDGE_FLAGS
			return d.nlaXval(m, off, n, 2, nil, "BRIDGE_FLAGS_???", bridgeFlags)
		case 1: // IFLA_BRIDGE_MODE
			return d.nlaXval(m, off, n, 2, bridgeModes, "BRIDGE_MODE_???", nil)
		case 2: // IFLA_BRIDGE_VLAN_INFO: struct bridge_vlan_info, then bytes
			b, fits, ok := d.nlStruct(m, off, n, 4)
			if ok {
				le := binary.LittleEndian
				d.S("{flags=")
				d.Flags(bridgeVlanFlags, uint64(le.Uint16(b)), "BRIDGE_VLAN_INFO_???")
				d.S(", vid=")
				d.Uint(uint64(le.Uint16(b[2:])))
				d.S("}")
				if n > 4 {
					d.S(", ")
					d.nlHexStr(m, off+4, n-4)
				}
			}
			return fits
		case 3: // IFLA_BRIDGE_VLAN_TUNNEL_INFO
			d.nlAttrs(m, off, n, bridgeVlanTunnelSpec)
			return true
		}
		return false
	}}

var bridgeVlanTunnelSpec = &nlaSpec{names: iflaBridgeVlanTunnelAttrs, dflt: "IFLA_BRIDGE_VLAN_TUNNEL_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // IFLA_BRIDGE_VLAN_TUNNEL_ID
			return d.nlaUint(m, off, n, 4)
		case 2: // IFLA_BRIDGE_VLAN_TUNNEL_VID
			return d.nlaUint(m, off, n, 2)
		case 3: // IFLA_BRIDGE_VLAN_TUNNEL_FLAGS
			return d.nlaXval(m, off, n, 2, nil, "BRIDGE_VLAN_INFO_???", bridgeVlanFlags)
		}
		return false
	}}

// iflaBridgeAttrSpec: the IFLA_* attributes of an AF_BRIDGE message,
// whose IFLA_PROTINFO holds IFLA_BRPORT_* attributes and IFLA_AF_SPEC
// IFLA_BRIDGE_* ones.
var iflaBridgeAttrSpec = &nlaSpec{names: iflaAttrs, dflt: "IFLA_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case unix.IFLA_PROTINFO:
			d.nlAttrs(m, off, n, iflaBrportSpec)
			return true
		case unix.IFLA_AF_SPEC:
			d.nlAttrs(m, off, n, iflaBridgeSpec)
			return true
		}
		return iflaAttr(d, m, typ, off, n)
	}}
