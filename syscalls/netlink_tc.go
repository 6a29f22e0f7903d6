package syscalls

import (
	"encoding/binary"
)

// Traffic control messages of NETLINK_ROUTE (RTM_*QDISC, RTM_*TCLASS,
// RTM_*TFILTER): struct tcmsg and its TCA_* attributes
// (linux/rtnetlink.h, pkt_sched.h, gen_stats.h).

const sizeofTcmsg = 20

// isTcMsg tells the message types whose payload is a struct tcmsg.
func isTcMsg(typ uint16) bool {
	return typ >= 36 && typ <= 46 && typ%4 != 3
}

// tcmsg appends a struct tcmsg and its attributes.
func (d *Decoder) tcmsg(m *nlMem, off, n uint64) {
	b := d.familyHead(m, "tcm_family", off, n, sizeofTcmsg)
	if b == nil {
		return
	}
	le := binary.LittleEndian
	d.S("tcm_ifindex=")
	d.ifindex(le.Uint32(b[4:]))
	d.diagU32("tcm_handle", b[8:])
	d.diagU32("tcm_parent", b[12:])
	d.diagU32("tcm_info", b[16:])
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, sizeofTcmsg, tcaAttrSpec)
}

var tcaAttrSpec = &nlaSpec{names: tcaAttrs, dflt: "TCA_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1: // TCA_KIND
			d.nlCStr(m, off, n)
			return true
		case 3: // TCA_STATS: struct tc_stats up to backlog
			b, fits, ok := d.nlStruct(m, off, n, 36)
			if ok {
				d.S("{bytes=")
				d.Uint(binary.LittleEndian.Uint64(b))
				for i, name := range []string{"packets", "drops", "overlimits", "bps", "pps", "qlen", "backlog"} {
					d.diagU32(name, b[8+4*i:])
				}
				d.S("}")
			}
			return fits
		case 5: // TCA_RATE: struct tc_estimator
			b, fits, ok := d.nlStruct(m, off, n, 2)
			if ok {
				d.S("{interval=")
				d.Int(int64(int8(b[0])))
				d.S(", ewma_log=")
				d.Uint(uint64(b[1]))
				d.S("}")
			}
			return fits
		case 6, 11, 13, 14, 15: // TCA_FCNT, CHAIN, INGRESS_BLOCK, EGRESS_BLOCK, DUMP_FLAGS
			return d.nlaUint(m, off, n, 4)
		case 7: // TCA_STATS2
			d.nlAttrs(m, off, n, tcaStatsAttrSpec)
			return true
		case 8: // TCA_STAB
			d.nlAttrs(m, off, n, tcaStabAttrSpec)
			return true
		case 12: // TCA_HW_OFFLOAD
			return d.nlaUint(m, off, n, 1)
		}
		return false
	}}

var tcaStatsAttrSpec = &nlaSpec{names: tcaStatsAttrs, dflt: "TCA_STATS_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 1, 7: // TCA_STATS_BASIC, BASIC_HW: struct gnet_stats_basic
			b, fits, ok := d.nlStruct(m, off, n, 12)
			if ok {
				d.S("{bytes=")
				d.Uint(binary.LittleEndian.Uint64(b))
				d.diagU32("packets", b[8:])
				d.S("}")
			}
			return fits
		case 2: // TCA_STATS_RATE_EST: struct gnet_stats_rate_est
			b, fits, ok := d.nlStruct(m, off, n, 8)
			if ok {
				d.nlFields(b, 4, "bps", "pps")
			}
			return fits
		case 3: // TCA_STATS_QUEUE: struct gnet_stats_queue
			b, fits, ok := d.nlStruct(m, off, n, 20)
			if ok {
				d.nlFields(b, 4, "qlen", "backlog", "drops", "requeues", "overlimits")
			}
			return fits
		case 5: // TCA_STATS_RATE_EST64: struct gnet_stats_rate_est64
			b, fits, ok := d.nlStruct(m, off, n, 16)
			if ok {
				d.nlFields(b, 8, "bps", "pps")
			}
			return fits
		case 8: // TCA_STATS_PKT64
			return d.nlaUint(m, off, n, 8)
		}
		return false
	}}

var tcaStabAttrSpec = &nlaSpec{names: tcaStabAttrs, dflt: "TCA_STAB_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		le := binary.LittleEndian
		switch typ {
		case 1: // TCA_STAB_BASE: struct tc_sizespec
			b, fits, ok := d.nlStruct(m, off, n, 24)
			if ok {
				d.S("{cell_log=")
				d.Uint(uint64(b[0]))
				d.S(", size_log=")
				d.Uint(uint64(b[1]))
				d.S(", cell_align=")
				d.Int(int64(int16(le.Uint16(b[2:]))))
				d.S(", overhead=")
				d.Int(int64(int32(le.Uint32(b[4:]))))
				for i, name := range []string{"linklayer", "mpu", "mtu", "tsize"} {
					d.diagU32(name, b[8+4*i:])
				}
				d.S("}")
			}
			return fits
		case 2: // TCA_STAB_DATA: uint16 array
			return d.nlArray(m, off, n, 2, func(b []byte) {
				d.Uint(uint64(le.Uint16(b)))
			})
		}
		return false
	}}
