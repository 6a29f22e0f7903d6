package syscalls

import (
	"encoding/binary"

	"golang.org/x/sys/unix"
)

// NETLINK_ROUTE's neighbour (struct ndmsg, NDA_*), rule (struct
// fib_rule_hdr, FRA_*) and netconf (struct netconfmsg, NETCONFA_*)
// messages, as strace 6.1 decodes them.

// nudState appends ndm_state: NUD_* bits, NUD_NONE for none.
func (d *Decoder) nudState(v uint64) {
	if v == 0 {
		d.Value(nudNone, 0, "")
		return
	}
	d.Flags(nudStates, v, "NUD_???")
}

// nudNone names ndm_state's zero.
var nudNone = indexedNames("NUD_NONE")

// ndmsg appends a struct ndmsg and its NDA_* attributes.
func (d *Decoder) ndmsg(m *nlMem, family uint8, off, n uint64) {
	const size = 12
	b := d.familyHead(m, "ndm_family", off, n, size)
	if b == nil {
		return
	}
	le := binary.LittleEndian
	d.S("ndm_ifindex=")
	d.ifindex(le.Uint32(b[4:]))
	d.S(", ndm_state=")
	d.nudState(uint64(le.Uint16(b[8:])))
	d.S(", ndm_flags=")
	d.Flags(ntfFlags, uint64(b[10]), "NTF_???")
	d.S(", ndm_type=")
	d.Value(routingTypes, uint64(b[11]), "RTN_???")
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, size, ndaAttrSpec(family))
}

// ndaAttrSpec returns the NDA_* decoders for an address family.
func ndaAttrSpec(family uint8) *nlaSpec {
	return &nlaSpec{names: ndaAttrs, dflt: "NDA_???",
		dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
			switch typ {
			case 1: // NDA_DST
				return d.nlaInet(m, family, off, n)
			case 2: // NDA_LLADDR
				return d.nlaHwaddr(m, off, n)
			case 3: // NDA_CACHEINFO: struct nda_cacheinfo
				b, fits, ok := d.nlStruct(m, off, n, 16)
				if ok {
					d.nlFields(b, 4, "ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt")
				}
				return fits
			case 4, 7, 10, 11, 13: // PROBES, VNI, LINK_NETNSID, SRC_VNI, NH_ID
				return d.nlaUint(m, off, n, 4)
			case 5: // NDA_VLAN
				return d.nlaUint(m, off, n, 2)
			case 6: // NDA_PORT
				return d.nlaBe16(m, off, n)
			case 8, 9: // NDA_IFINDEX, NDA_MASTER
				return d.nlaIfindex(m, off, n)
			case 12: // NDA_PROTOCOL
				return d.nlaXval(m, off, n, 0, inetProtocols, "IPPROTO_???", nil)
			case 14: // NDA_FDB_EXT_ATTRS
				d.nlAttrs(m, off, n, nfeaSpec)
				return true
			case 15: // NDA_FLAGS_EXT
				return d.nlaXval(m, off, n, 4, nil, "NTF_EXT_???", ntfExtFlags)
			case 16: // NDA_NDM_STATE_MASK
				if n > 8 || n < 2 {
					return false
				}
				b, ok := m.get(off, 2)
				if !ok {
					d.Addr(m.base + off)
					return true
				}
				d.nudState(uint64(binary.LittleEndian.Uint16(b)))
				return true
			case 17: // NDA_NDM_FLAGS_MASK
				return d.nlaXval(m, off, n, 1, nil, "NTF_???", ntfFlags)
			}
			return false
		}}
}

var nfeaSpec = &nlaSpec{names: nfeaAttrs, dflt: "NFEA_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		if typ == 1 { // NFEA_ACTIVITY_NOTIFY
			return d.nlaXval(m, off, n, 1, nil, "FDB_NOTIFY_???", fdbNotifyFlags)
		}
		return false
	}}

// nlaBe16 appends a big-endian 16-bit value: htons(4789).
func (d *Decoder) nlaBe16(m *nlMem, off, n uint64) bool {
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

// fibRuleHdr appends a struct fib_rule_hdr and its FRA_* attributes.
func (d *Decoder) fibRuleHdr(m *nlMem, family uint8, off, n uint64) {
	const size = 12
	b := d.familyHead(m, "family", off, n, size)
	if b == nil {
		return
	}
	d.S("dst_len=")
	d.Uint(uint64(b[1]))
	d.S(", src_len=")
	d.Uint(uint64(b[2]))
	d.S(", tos=")
	d.Flags(ipTOS, uint64(b[3]), "IPTOS_TOS_???")
	d.S(", table=")
	d.Value(routingTables, uint64(b[4]), "RT_TABLE_???")
	d.S(", action=")
	d.Value(fibRuleActions, uint64(b[7]), "FR_ACT_???")
	d.S(", flags=")
	d.Flags(fibRuleFlags, uint64(binary.LittleEndian.Uint32(b[8:])), "FIB_RULE_???")
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, size, fraAttrSpec(family))
}

// fraAttrSpec returns the FRA_* decoders for an address family.
func fraAttrSpec(family uint8) *nlaSpec {
	return &nlaSpec{names: fraAttrs, dflt: "FRA_???",
		dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
			switch typ {
			case 1, 2: // FRA_DST, FRA_SRC
				return d.nlaInet(m, family, off, n)
			case 3, 17: // FRA_IIFNAME, FRA_OIFNAME
				d.nlCStr(m, off, n)
				return true
			case 4, 6, 10, 11, 13, 14, 16: // GOTO, PRIORITY, FWMARK, FLOW, SUPPRESS_*, FWMASK
				return d.nlaUint(m, off, n, 4)
			case 12: // FRA_TUN_ID
				if n < 8 {
					return false
				}
				b, ok := m.get(off, 8)
				if !ok {
					d.Addr(m.base + off)
					return true
				}
				d.S("htobe64(")
				d.Uint(binary.BigEndian.Uint64(b))
				d.S(")")
				return true
			case 15: // FRA_TABLE: an unknown table prints bare
				return d.nlaXval(m, off, n, 4, routingTables, "", nil)
			case 19: // FRA_L3MDEV
				return d.nlaUint(m, off, n, 1)
			case 20: // FRA_UID_RANGE: struct fib_rule_uid_range
				b, fits, ok := d.nlStruct(m, off, n, 8)
				if ok {
					d.nlFields(b, 4, "start", "end")
				}
				return fits
			case 21: // FRA_PROTOCOL
				return d.nlaXval(m, off, n, 1, routingProtocols, "RTPROT_???", nil)
			case 22: // FRA_IP_PROTO
				return d.nlaXval(m, off, n, 0, inetProtocols, "IPPROTO_???", nil)
			case 23, 24: // FRA_SPORT_RANGE, FRA_DPORT_RANGE
				b, fits, ok := d.nlStruct(m, off, n, 4)
				if ok {
					d.nlFields(b, 2, "start", "end")
				}
				return fits
			}
			return false
		}}
}

// netconfmsg appends a struct netconfmsg and its NETCONFA_* attributes.
func (d *Decoder) netconfmsg(m *nlMem, family uint8, off, n uint64) {
	d.S("{ncm_family=")
	d.Value(addrFamilies, uint64(family), "AF_???")
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, 1, netconfAttrSpec)
}

var netconfAttrSpec = &nlaSpec{names: netconfAttrs, dflt: "NETCONFA_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // NETCONFA_IFINDEX
			return d.nlaIfindex(m, off, n)
		case 2, 3, 4, 5, 6, 7, 8:
			return d.nlaInt(m, off, n, 4)
		}
		return false
	}}

// rtnlNeighRuleNetconf appends the payload of a neighbour, rule or
// netconf message; false for other types.
func (d *Decoder) rtnlNeighRuleNetconf(m *nlMem, typ uint16, family uint8, off, n uint64) bool {
	switch typ {
	case unix.RTM_GETNEIGH:
		if family == unix.AF_BRIDGE {
			d.ifinfomsg(m, family, off, n)
			return true
		}
		d.ndmsg(m, family, off, n)
	case unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH:
		d.ndmsg(m, family, off, n)
	case unix.RTM_NEWRULE, unix.RTM_DELRULE, unix.RTM_GETRULE:
		d.fibRuleHdr(m, family, off, n)
	case 80, 81, 82: // RTM_NEWNETCONF, RTM_DELNETCONF, RTM_GETNETCONF
		d.netconfmsg(m, family, off, n)
	default:
		return false
	}
	return true
}
