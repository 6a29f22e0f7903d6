package syscalls

import (
	"encoding/binary"
	"strconv"

	"github.com/gotrace/gotrace/format"
)

// NETLINK_SOCK_DIAG payloads of AF_UNIX (linux/unix_diag.h) and
// AF_NETLINK (linux/netlink_diag.h) sockets.

const (
	sizeofUnixDiagReq    = 24
	sizeofUnixDiagMsg    = 16
	sizeofNetlinkDiagReq = 20
	sizeofNetlinkDiagMsg = 28
	ndiagProtoAll        = 255
)

// ndiagProtoAllName names netlink_diag_req's protocol that asks for all.
var ndiagProtoAllName = format.ValueSet{{Val: ndiagProtoAll, Name: "NDIAG_PROTO_ALL"}}

// diagCookie appends ", name=[lo, hi]" for a socket cookie's two words.
func (d *Decoder) diagCookie(name string, b []byte) {
	d.S(", ")
	d.S(name)
	d.S("=[")
	d.Uint(uint64(binary.LittleEndian.Uint32(b)))
	d.S(", ")
	d.Uint(uint64(binary.LittleEndian.Uint32(b[4:])))
	d.S("]")
}

// diagU32 appends ", name=value" for an unsigned 32-bit field.
func (d *Decoder) diagU32(name string, b []byte) {
	d.S(", ")
	d.S(name)
	d.S("=")
	d.Uint(uint64(binary.LittleEndian.Uint32(b)))
}

// unixDiagReq appends a struct unix_diag_req (strace decodes no
// attributes after it).
func (d *Decoder) unixDiagReq(m *nlMem, off, n uint64) {
	b := d.familyHead(m, "sdiag_family", off, n, sizeofUnixDiagReq)
	if b == nil {
		return
	}
	le := binary.LittleEndian
	d.S("sdiag_protocol=")
	d.Uint(uint64(b[1]))
	d.S(", udiag_states=")
	d.Flags(tcpStateFlags, uint64(le.Uint32(b[4:])), "1<<TCP_???")
	d.diagU32("udiag_ino", b[8:])
	d.S(", udiag_show=")
	d.Flags(unixDiagShow, uint64(le.Uint32(b[12:])), "UDIAG_SHOW_???")
	d.diagCookie("udiag_cookie", b[16:])
	d.S("}")
}

// unixDiagMsg appends a struct unix_diag_msg and its attributes.
func (d *Decoder) unixDiagMsg(m *nlMem, off, n uint64) {
	b := d.familyHead(m, "udiag_family", off, n, sizeofUnixDiagMsg)
	if b == nil {
		return
	}
	d.S("udiag_type=")
	d.Value(sockTypes, uint64(b[1]), "SOCK_???")
	d.S(", udiag_state=")
	d.Value(tcpStates, uint64(b[2]), "TCP_???")
	d.diagU32("udiag_ino", b[4:])
	d.diagCookie("udiag_cookie", b[8:])
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, sizeofUnixDiagMsg, unixDiagAttrSpec)
}

var unixDiagAttrSpec = &nlaSpec{names: unixDiagAttrs, dflt: "UNIX_DIAG_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 0: // UNIX_DIAG_NAME
			d.nlCStr(m, off, n)
			return true
		case 1: // UNIX_DIAG_VFS: struct unix_diag_vfs, the inode first
			b, fits, ok := d.nlStruct(m, off, n, 8)
			if ok {
				d.S("{udiag_vfs_dev=")
				d.dev(uint64(binary.LittleEndian.Uint32(b[4:])))
				d.diagU32("udiag_vfs_ino", b)
				d.S("}")
			}
			return fits
		case 2: // UNIX_DIAG_PEER
			return d.nlaUint(m, off, n, 4)
		case 3: // UNIX_DIAG_ICONS: the inodes of the pending connections
			return d.nlU32Array(m, off, n, func(b []byte) {
				d.Uint(uint64(binary.LittleEndian.Uint32(b)))
			})
		case 4: // UNIX_DIAG_RQLEN: struct unix_diag_rqlen
			b, fits, ok := d.nlStruct(m, off, n, 8)
			if ok {
				d.nlFields(b, 4, "udiag_rqueue", "udiag_wqueue")
			}
			return fits
		case 5: // UNIX_DIAG_MEMINFO
			return d.nlaMeminfo(m, off, n)
		case 6: // UNIX_DIAG_SHUTDOWN
			return d.nlaUint(m, off, n, 1)
		case 7: // UNIX_DIAG_UID
			return d.nlaUID(m, off, n)
		}
		return false
	}}

// nlaMeminfo appends a *_MEMINFO attribute: its uint32 counters indexed
// by SK_MEMINFO_* names.
func (d *Decoder) nlaMeminfo(m *nlMem, off, n uint64) bool {
	return d.nlIndexedArrayOf(m, off, n, 4, false, skMeminfoIndices, "SK_MEMINFO_???")
}

// nlU32Array appends the n/4 elements of size 4 at off with elem as
// strace's print_array does (cut after -s elements unless -v, where
// memory ends after the last readable one); false when n holds none.
func (d *Decoder) nlU32Array(m *nlMem, off, n uint64, elem func([]byte)) bool {
	return d.nlArray(m, off, n, 4, elem)
}

// nlArray is nlU32Array for elements of size bytes.
func (d *Decoder) nlArray(m *nlMem, off, n, size uint64, elem func([]byte)) bool {
	cnt := n / size
	if cnt == 0 {
		return false
	}
	for i := uint64(0); i < cnt; i++ {
		cur := off + i*size
		if i > 0 {
			d.S(", ")
		}
		b, ok := m.get(cur, size)
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
		if !d.Opts.Verbose && i == uint64(d.Opts.StrSize) {
			d.S("...")
			break
		}
		elem(b)
	}
	d.S("]")
	return true
}

// netlinkDiagReq appends a struct netlink_diag_req.
func (d *Decoder) netlinkDiagReq(m *nlMem, off, n uint64) {
	b := d.familyHead(m, "sdiag_family", off, n, sizeofNetlinkDiagReq)
	if b == nil {
		return
	}
	d.S("sdiag_protocol=")
	if b[1] == ndiagProtoAll {
		d.Value(ndiagProtoAllName, ndiagProtoAll, "")
	} else {
		d.Value(netlinkProtocols, uint64(b[1]), "NETLINK_???")
	}
	d.diagU32("ndiag_ino", b[4:])
	d.S(", ndiag_show=")
	d.Flags(netlinkDiagShow, uint64(binary.LittleEndian.Uint32(b[8:])), "NDIAG_SHOW_???")
	d.diagCookie("ndiag_cookie", b[12:])
	d.S("}")
}

// netlinkDiagMsg appends a struct netlink_diag_msg and its attributes.
func (d *Decoder) netlinkDiagMsg(m *nlMem, off, n uint64) {
	b := d.familyHead(m, "ndiag_family", off, n, sizeofNetlinkDiagMsg)
	if b == nil {
		return
	}
	d.S("ndiag_type=")
	d.Value(sockTypes, uint64(b[1]), "SOCK_???")
	d.S(", ndiag_protocol=")
	d.Value(netlinkProtocols, uint64(b[2]), "NETLINK_???")
	d.S(", ndiag_state=")
	d.Value(netlinkStates, uint64(b[3]), "NETLINK_???")
	d.diagU32("ndiag_portid", b[4:])
	d.diagU32("ndiag_dst_portid", b[8:])
	d.diagU32("ndiag_dst_group", b[12:])
	d.diagU32("ndiag_ino", b[16:])
	d.diagCookie("ndiag_cookie", b[20:])
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, sizeofNetlinkDiagMsg, netlinkDiagAttrSpec)
}

var netlinkDiagAttrSpec = &nlaSpec{names: netlinkDiagAttrs, dflt: "NETLINK_DIAG_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		switch typ {
		case 0: // NETLINK_DIAG_MEMINFO
			return d.nlaMeminfo(m, off, n)
		case 1: // NETLINK_DIAG_GROUPS: the bitmap's unsigned longs
			return d.nlArray(m, off, n, 8, func(b []byte) {
				d.S(hexWidth16(binary.LittleEndian.Uint64(b)))
			})
		case 2, 3: // NETLINK_DIAG_RX_RING, TX_RING: struct netlink_diag_ring
			b, fits, ok := d.nlStruct(m, off, n, 16)
			if ok {
				d.nlFields(b, 4, "ndr_block_size", "ndr_block_nr", "ndr_frame_size", "ndr_frame_nr")
			}
			return fits
		case 4: // NETLINK_DIAG_FLAGS
			b, fits, ok := d.nlStruct(m, off, n, 4)
			if ok {
				d.Flags(netlinkSocketFlags, uint64(binary.LittleEndian.Uint32(b)), "NDIAG_FLAG_???")
			}
			return fits
		}
		return false
	}}

// hexWidth16 formats v as C's %#016lx: 0x and at least 14 hex digits,
// but a zero as 16 zeros (the # flag adds no 0x to zero).
func hexWidth16(v uint64) string {
	if v == 0 {
		return "0000000000000000"
	}
	h := strconv.FormatUint(v, 16)
	for len(h) < 14 {
		h = "0" + h
	}
	return "0x" + h
}

// AF_PACKET (linux/packet_diag.h).
const (
	sizeofPacketDiagReq    = 20
	sizeofPacketDiagMsg    = 16
	sizeofPacketDiagMclist = 44
)

// packetDiagReq appends a struct packet_diag_req.
func (d *Decoder) packetDiagReq(m *nlMem, off, n uint64) {
	b := d.familyHead(m, "sdiag_family", off, n, sizeofPacketDiagReq)
	if b == nil {
		return
	}
	d.S("sdiag_protocol=")
	d.Hex(uint64(b[1]))
	d.diagU32("pdiag_ino", b[4:])
	d.S(", pdiag_show=")
	d.Flags(packetDiagShow, uint64(binary.LittleEndian.Uint32(b[8:])), "PACKET_SHOW_???")
	d.diagCookie("pdiag_cookie", b[12:])
	d.S("}")
}

// packetDiagMsg appends a struct packet_diag_msg and its attributes.
func (d *Decoder) packetDiagMsg(m *nlMem, off, n uint64) {
	b := d.familyHead(m, "pdiag_family", off, n, sizeofPacketDiagMsg)
	if b == nil {
		return
	}
	d.S("pdiag_type=")
	d.Value(sockTypes, uint64(b[1]), "SOCK_???")
	d.S(", pdiag_num=")
	d.Value(ethernetProtocols, uint64(binary.LittleEndian.Uint16(b[2:])), "ETH_P_???")
	d.diagU32("pdiag_ino", b[4:])
	d.diagCookie("pdiag_cookie", b[8:])
	d.S("}")
	d.rtnlAttrsAfter(m, off, n, sizeofPacketDiagMsg, packetDiagAttrSpec)
}

var packetDiagAttrSpec = &nlaSpec{names: packetDiagAttrs, dflt: "PACKET_DIAG_???",
	dec: func(d *Decoder, m *nlMem, typ uint16, off, n uint64) bool {
		le := binary.LittleEndian
		switch typ {
		case 0: // PACKET_DIAG_INFO: struct packet_diag_info
			b, fits, ok := d.nlStruct(m, off, n, 24)
			if ok {
				d.S("{pdi_index=")
				d.ifindex(le.Uint32(b))
				d.S(", pdi_version=")
				d.Value(afPacketVersions, uint64(le.Uint32(b[4:])), "TPACKET_???")
				d.diagU32("pdi_reserve", b[8:])
				d.diagU32("pdi_copy_thresh", b[12:])
				d.diagU32("pdi_tstamp", b[16:])
				d.S(", pdi_flags=")
				d.Flags(packetDiagInfoFlags, uint64(le.Uint32(b[20:])), "PDI_???")
				d.S("}")
			}
			return fits
		case 1: // PACKET_DIAG_MCLIST: struct packet_diag_mclist array
			return d.nlArray(m, off, n, sizeofPacketDiagMclist, func(b []byte) {
				alen := le.Uint16(b[10:])
				d.S("{pdmc_index=")
				d.ifindex(le.Uint32(b))
				d.diagU32("pdmc_count", b[4:])
				d.S(", pdmc_type=")
				d.Uint(uint64(le.Uint16(b[8:])))
				d.S(", pdmc_alen=")
				d.Uint(uint64(alen))
				d.S(", pdmc_addr=")
				d.hexBytes(b[12 : 12+min(int(alen), 32)])
				d.S("}")
			})
		case 2, 3: // PACKET_DIAG_RX_RING, TX_RING: struct packet_diag_ring
			b, fits, ok := d.nlStruct(m, off, n, 28)
			if ok {
				d.nlFields(b, 4, "pdr_block_size", "pdr_block_nr", "pdr_frame_size",
					"pdr_frame_nr", "pdr_retire_tmo", "pdr_sizeof_priv", "pdr_features")
			}
			return fits
		case 4: // PACKET_DIAG_FANOUT
			return d.nlaUint(m, off, n, 4)
		case 5: // PACKET_DIAG_UID
			return d.nlaUID(m, off, n)
		case 6: // PACKET_DIAG_MEMINFO
			return d.nlaMeminfo(m, off, n)
		case 7: // PACKET_DIAG_FILTER: sock_filter instructions, their
			// address unless -v (whose decoding gotrace lacks: bytes).
			if cnt := n / 8; cnt == 0 || cnt > 0xffff || d.Opts.Verbose {
				return false
			}
			d.Addr(m.base + off)
			return true
		}
		return false
	}}
