package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// The socket address families strace 6.1 decodes besides AF_UNIX,
// AF_INET, AF_INET6, AF_NETLINK and AF_PACKET: AF_AX25, AF_IPX, AF_X25,
// AF_BLUETOOTH, AF_RXRPC, AF_IEEE802154, AF_ALG, AF_NFC, AF_VSOCK,
// AF_QIPCRTR, AF_XDP and AF_MCTP. (strace 6.1 prints AF_TIPC and
// AF_APPLETALK as sa_data.)

// The least address length each family is decoded from (the size of the
// kernel's structure; amd64); a shorter one prints as sa_data.
var sockFamilyMinLen = map[uint16]int{
	unix.AF_AX25:       16, // struct sockaddr_ax25
	unix.AF_IPX:        16, // struct sockaddr_ipx
	unix.AF_X25:        18, // struct sockaddr_x25
	unix.AF_BLUETOOTH:  3,  // by length: sockaddr_hci, _sco, _rc, _l2
	unix.AF_RXRPC:      36, // struct sockaddr_rxrpc
	unix.AF_IEEE802154: 20, // struct sockaddr_ieee802154
	unix.AF_ALG:        25, // struct sockaddr_alg and one byte of salg_name
	unix.AF_NFC:        16, // struct sockaddr_nfc
	unix.AF_VSOCK:      16, // struct sockaddr_vm
	unix.AF_QIPCRTR:    12, // struct sockaddr_qrtr
	unix.AF_XDP:        16, // struct sockaddr_xdp
	unix.AF_MCTP:       12, // struct sockaddr_mctp
}

// sockaddrOther appends the fields after sa_family of an address of one
// of the families above, and reports whether it did (false: the caller
// prints sa_data). buf is zero padded past n.
func (d *Decoder) sockaddrOther(fam uint16, buf []byte, n int) bool {
	least, ok := sockFamilyMinLen[fam]
	if !ok || n < least {
		return false
	}
	le16 := func(off int) uint64 { return uint64(binary.LittleEndian.Uint16(buf[off:])) }
	le32 := func(off int) uint64 { return uint64(binary.LittleEndian.Uint32(buf[off:])) }
	switch fam {
	case unix.AF_AX25:
		d.sockaddrAx25(buf, n)
	case unix.AF_IPX:
		d.S("sipx_port=")
		d.netPort(buf[2:4])
		d.S(", sipx_network=htonl(")
		d.Hex(uint64(binary.BigEndian.Uint32(buf[4:])))
		d.S("), sipx_node=[")
		for i := 8; i < 14; i++ {
			if i > 8 {
				d.S(", ")
			}
			d.hex0(uint64(buf[i]), 2)
		}
		d.S("], sipx_type=")
		d.hex0(uint64(buf[14]), 2)
		if buf[15] != 0 {
			d.S(", sipx_zero=")
			d.Hex(uint64(buf[15]))
		}
	case unix.AF_X25:
		d.S("sx25_addr={x25_addr=")
		d.fixedCString(buf[2:18])
		d.S("}")
	case unix.AF_BLUETOOTH:
		return d.sockaddrBt(buf, n)
	case unix.AF_RXRPC:
		d.sockaddrRxrpc(buf, n)
	case unix.AF_IEEE802154:
		d.S("addr={addr_type=")
		typ := le32(4)
		d.valueVerbose(ieee802154AddrTypes, typ, "IEEE802154_ADDR_???")
		d.S(", pan_id=")
		d.valueVerbose(ieee802154PanIDs, le16(8), "")
		switch typ {
		case 0: // IEEE802154_ADDR_NONE
		case 2: // IEEE802154_ADDR_SHORT
			d.S(", short_addr=")
			d.valueVerbose(ieee802154Addrs, le16(10), "")
		default:
			d.S(", hwaddr=")
			d.hwaddr(buf[10:18])
		}
		d.S("}")
	case unix.AF_ALG:
		d.S("salg_type=")
		d.fixedCString(buf[2:16])
		d.S(", salg_feat=")
		d.flagsVerbose(algSockaddrFlags, le32(16), "CRYPTO_ALG_???")
		d.S(", salg_mask=")
		d.flagsVerbose(algSockaddrFlags, le32(20), "CRYPTO_ALG_???")
		d.S(", salg_name=")
		d.fixedCString(buf[24:n])
	case unix.AF_NFC:
		d.sockaddrNfc(buf, n)
	case unix.AF_VSOCK:
		if r := le16(2); r != 0 {
			d.S("svm_reserved1=")
			d.Hex(r)
			d.S(", ")
		}
		d.S("svm_cid=")
		d.Value(vsockCids, le32(8), "")
		d.S(", svm_port=")
		d.Value(vsockPorts, le32(4), "")
		d.S(", svm_flags=")
		d.Flags(vsockFlags, uint64(buf[12]), "VMADDR_FLAG_???")
		if buf[13]|buf[14]|buf[15] != 0 {
			d.S(", svm_zero=")
			d.hexBytes(buf[13:16])
		}
	case unix.AF_QIPCRTR:
		d.S("sq_node=")
		d.Value(qrtrNodes, le32(4), "")
		d.S(", sq_port=")
		d.Value(qrtrPorts, le32(8), "")
	case unix.AF_XDP:
		flags := le16(2)
		d.S("sxdp_flags=")
		d.Flags(xdpSockaddrFlags, flags, "XDP_???")
		d.S(", sxdp_ifindex=")
		d.ifindex(uint32(le32(4)))
		d.S(", sxdp_queue_id=")
		d.Uint(le32(8))
		fd := le32(12)
		if flags&unix.XDP_SHARED_UMEM != 0 {
			d.S(", sxdp_shared_umem_fd=")
			d.Fd(int(int32(fd)))
		} else if fd != 0 {
			d.S(", sxdp_shared_umem_fd=")
			d.Hex(fd)
		}
	case unix.AF_MCTP:
		if p := le16(2); p != 0 {
			d.S("__smctp_pad0=")
			d.Hex(p)
			d.S(", ")
		}
		d.S("smctp_network=")
		d.Value(mctpNets, le32(4), "")
		d.S(", smctp_addr={s_addr=")
		d.Value(mctpAddrs, uint64(buf[8]), "")
		d.S("}, smctp_type=")
		d.Hex(uint64(buf[9]))
		d.S(", smctp_tag=")
		d.Hex(uint64(buf[10]))
		if buf[11] != 0 {
			d.S(", __smctp_pad1=")
			d.Hex(uint64(buf[11]))
		}
	}
	return true
}

// valueVerbose appends v as strace's "verbose" fields do: the number and
// its name (or dflt) in a comment even in the default style; the number
// alone with -X raw, and without a comment when v has no name and dflt
// is empty.
func (d *Decoder) valueVerbose(vs format.ValueSet, v uint64, dflt string) {
	st := d.Opts.Style
	if st != format.Raw {
		st = format.Verbose
	}
	d.B = vs.Append(d.B, v, st, dflt, false)
}

// flagsVerbose is valueVerbose for a flag set.
func (d *Decoder) flagsVerbose(fs format.FlagSet, v uint64, dflt string) {
	st := d.Opts.Style
	if st != format.Raw {
		st = format.Verbose
	}
	d.B = fs.Append(d.B, v, st, dflt)
}

// sockaddrBt appends a Bluetooth address, whose shape its length tells:
// sockaddr_hci (without or with hci_channel), sockaddr_sco, sockaddr_rc,
// sockaddr_l2 (without or with l2_bdaddr_type). Other lengths: false.
func (d *Decoder) sockaddrBt(buf []byte, n int) bool {
	le16 := func(off int) uint64 { return uint64(binary.LittleEndian.Uint16(buf[off:])) }
	switch n {
	case 4, 6:
		d.S("hci_dev=htobs(")
		d.Uint(le16(2))
		d.S(")")
		if n == 6 {
			d.S(", hci_channel=")
			d.Value(hciChannels, le16(4), "HCI_CHANNEL_???")
		}
	case 8:
		d.S("sco_bdaddr=")
		d.hwaddr(buf[2:8])
	case 10:
		d.S("rc_bdaddr=")
		d.hwaddr(buf[2:8])
		d.S(", rc_channel=")
		d.Uint(uint64(buf[8]))
	case 12, 14:
		d.S("l2_psm=")
		d.l2capNum(le16(2), l2capPsms, true, "L2CAP_PSM_???")
		d.S(", l2_bdaddr=")
		d.hwaddr(buf[4:10])
		d.S(", l2_cid=")
		d.l2capNum(le16(10), l2capCids, false, "L2CAP_CID_???")
		if n == 14 {
			d.S(", l2_bdaddr_type=")
			d.Value(bdaddrTypes, uint64(buf[12]), "BDADDR_???")
		}
	default:
		return false
	}
	return true
}

// l2capNum appends an L2CAP PSM (psm) or CID as htobs(…): its name, or
// a dynamic range's start and the offset in it, or the number and the
// dflt comment. The PSMs have two dynamic ranges (LE: 0x80-0xff, and from
// 0x1001), the CIDs one (from 0x40).
func (d *Decoder) l2capNum(v uint64, vs format.ValueSet, psm bool, dflt string) {
	name, named := vs.Name(v)
	var start uint64
	switch {
	case psm && v >= 0x80 && v <= 0xff:
		start = 0x80
	case psm && v >= 0x1001:
		start = 0x1001
	case !psm && v >= 0x40:
		start = 0x40
	}
	known := named || start != 0
	st := d.Opts.Style
	d.S("htobs(")
	defer d.S(")")
	if st != format.Abbrev || !known {
		d.Hex(v)
	}
	if st == format.Raw {
		return
	}
	comment := st == format.Verbose || !known
	if comment {
		d.S(" /* ")
	}
	switch {
	case named:
		d.S(name)
	case start != 0:
		d.Value(vs, start, "")
		d.S("+")
		d.Uint(v - start)
	default:
		d.S(dflt)
	}
	if comment {
		d.S(" */")
	}
}

// sockaddrRxrpc appends a sockaddr_rxrpc: the service, the transport's
// type and length, and the transport address (AF_INET or AF_INET6, else
// its family and bytes), cut to the length given and the one returned.
func (d *Decoder) sockaddrRxrpc(buf []byte, n int) {
	le16 := func(off int) int { return int(binary.LittleEndian.Uint16(buf[off:])) }
	d.S("srx_service=")
	d.valueVerbose(rxrpcServices, uint64(le16(2)), "???_SERVICE")
	d.S(", transport_type=")
	d.Value(sockTypes, uint64(le16(4)), "SOCK_???")
	tlen := le16(6)
	d.S(", transport_len=")
	d.Uint(uint64(tlen))
	d.S(", transport={")
	eff := min(tlen, n-8)
	rest := max(0, eff-2)
	t := buf[8:]
	fam := uint16(le16(8))
	raw := func() {
		if rest > 0 {
			d.S(", ")
			d.B = format.AppendQuoted(d.B, t[2:2+rest], d.Opts.X, false)
		}
	}
	switch fam {
	case unix.AF_INET:
		d.S("sin={sin_family=")
		d.Value(addrFamilies, uint64(fam), "AF_???")
		if tlen >= sizeofSockaddrIn {
			d.S(", sin_port=")
			d.netPort(t[2:4])
			d.S(", sin_addr=")
			d.inetAddr(unix.AF_INET, t[4:8], "")
		} else {
			raw()
		}
		d.S("}")
	case unix.AF_INET6:
		d.S("sin6={sin6_family=")
		d.Value(addrFamilies, uint64(fam), "AF_???")
		if tlen >= sin6MinLen {
			d.S(", ")
			d.sockaddrIn6(t, eff)
		} else {
			raw()
		}
		d.S("}")
	default:
		d.S("family=")
		d.Value(addrFamilies, uint64(fam), "AF_???")
		raw()
	}
	d.S("}")
}

// sockaddrNfc appends a sockaddr_nfc, and the fields of a
// sockaddr_nfc_llcp (96 bytes on amd64) when the length holds one.
func (d *Decoder) sockaddrNfc(buf []byte, n int) {
	le32 := func(off int) uint64 { return uint64(binary.LittleEndian.Uint32(buf[off:])) }
	d.S("dev_idx=")
	d.ifindex(uint32(le32(4)))
	d.S(", target_idx=")
	d.Hex(le32(8))
	d.S(", nfc_protocol=")
	d.Value(nfcProtocols, le32(12), "NFC_PROTO_???")
	const llcpLen = 96
	if n < llcpLen {
		if n > 16 {
			d.S(", ...")
		}
		return
	}
	snsz := binary.LittleEndian.Uint64(buf[88:])
	d.S(", dsap=")
	d.valueVerbose(nfcSaps, uint64(buf[16]), "")
	d.S(", ssap=")
	d.valueVerbose(nfcSaps, uint64(buf[17]), "")
	d.S(", service_name=")
	d.B = format.AppendQuoted(d.B, buf[18:18+min(63, snsz)], d.Opts.X, false)
	d.S(", service_name_len=")
	d.Uint(snsz)
}

// sockaddrAx25 appends a sockaddr_ax25, or a full_sockaddr_ax25 (with
// its digipeaters) when sax25_ndigis is not 0 or the length is larger.
func (d *Decoder) sockaddrAx25(buf []byte, n int) {
	const (
		ax25Len  = 16 // struct sockaddr_ax25
		digiLen  = 7  // ax25_address
		maxDigis = 8  // AX25_MAX_DIGIS
	)
	ndigis := int32(binary.LittleEndian.Uint32(buf[12:]))
	full := ndigis != 0 || n > ax25Len
	if full {
		d.S("fsa_ax25={")
	}
	d.S("sax25_call=")
	d.ax25Addr(buf[2:9])
	d.S(", sax25_ndigis=")
	d.Int(int64(ndigis))
	if !full {
		return
	}
	d.S("}")
	has := min((n-ax25Len)/digiLen, maxDigis)
	want := min(int(max(ndigis, 0)), maxDigis)
	if want > 0 {
		d.S(", fsa_digipeater=[")
		for i := 0; i < min(has, want); i++ {
			if i > 0 {
				d.S(", ")
			}
			off := ax25Len + i*digiLen
			d.ax25Addr(buf[off : off+digiLen])
		}
		if want > has {
			if has > 0 {
				d.S(", ")
			}
			d.S("...")
		}
		d.S("]")
	}
	if n > has*digiLen+ax25Len {
		d.S(", ...")
	}
}

// ax25Addr appends an AX.25 address (7 bytes: six shifted callsign
// characters and the SSID byte) as strace does: the callsign ("N0CALL-5",
// "*" for an empty one), its raw bytes too with -X verbose or when it is
// not a sane callsign, the raw bytes alone with -X raw or when the
// callsign would not print.
func (d *Decoder) ax25Addr(a []byte) {
	st := d.Opts.Style
	switch ax25Check(a) {
	case format.Verbose:
		st = format.Verbose
	case format.Raw:
		st = format.Raw
	}
	if st != format.Abbrev {
		d.S("{ax25_call=")
		d.hexBytes(a)
		d.S("}")
	}
	if st == format.Raw {
		return
	}
	var s []byte
	end := 6
	for end > 0 && a[end-1]>>1 == ' ' {
		end--
	}
	for i := 0; i < end; i++ {
		s = append(s, a[i]>>1)
	}
	s = append(s, '-')
	ssid := (a[6] >> 1) & 0xf
	if ssid > 9 {
		s = append(s, '1')
		ssid -= 10
	}
	s = append(s, '0'+ssid)
	if s[0] == '-' && s[1] == '0' {
		s = []byte("*")
	}
	if st == format.Verbose {
		d.S(" /* ")
		d.B = append(d.B, s...)
		d.S(" */")
		return
	}
	d.B = append(d.B, s...)
}

// ax25Check tells how an AX.25 address must print whatever the -X style:
// Raw when a callsign character would not print, Verbose when the
// address is not a sane one, Abbrev (the -X style decides) otherwise.
func ax25Check(a []byte) format.Style {
	ret := format.Abbrev
	space, char := false, false
	for i := 0; i < 6; i++ {
		c := a[i]
		if c&1 != 0 {
			ret = format.Verbose
		}
		c >>= 1
		if c == ' ' {
			space = true
		} else {
			char = true
		}
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == ' ') {
			ret = format.Verbose
		}
		if c != ' ' && space {
			ret = format.Verbose
		}
		if c < ' ' || c > 0x7e || c == '*' || c == '/' {
			return format.Raw
		}
	}
	if a[6]&^0x1e != 0 {
		ret = format.Verbose
	}
	if !char && a[6] != 0 {
		ret = format.Verbose
	}
	return ret
}
