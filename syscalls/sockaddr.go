package syscalls

import (
	"encoding/binary"
	"net"
	"strconv"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// Socket addresses: the address families, and struct sockaddr as strace
// prints it for AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, and in
// raw form (sa_data) for the others.

// addrFamilies names the AF_* values (socket's domain, sa_family).
var addrFamilies = format.ValueSet{
	{Val: unix.AF_UNSPEC, Name: "AF_UNSPEC"},
	{Val: unix.AF_UNIX, Name: "AF_UNIX"},
	{Val: unix.AF_INET, Name: "AF_INET"},
	{Val: unix.AF_AX25, Name: "AF_AX25"},
	{Val: unix.AF_IPX, Name: "AF_IPX"},
	{Val: unix.AF_APPLETALK, Name: "AF_APPLETALK"},
	{Val: unix.AF_NETROM, Name: "AF_NETROM"},
	{Val: unix.AF_BRIDGE, Name: "AF_BRIDGE"},
	{Val: unix.AF_ATMPVC, Name: "AF_ATMPVC"},
	{Val: unix.AF_X25, Name: "AF_X25"},
	{Val: unix.AF_INET6, Name: "AF_INET6"},
	{Val: unix.AF_ROSE, Name: "AF_ROSE"},
	{Val: unix.AF_DECnet, Name: "AF_DECnet"},
	{Val: unix.AF_NETBEUI, Name: "AF_NETBEUI"},
	{Val: unix.AF_SECURITY, Name: "AF_SECURITY"},
	{Val: unix.AF_KEY, Name: "AF_KEY"},
	{Val: unix.AF_NETLINK, Name: "AF_NETLINK"},
	{Val: unix.AF_PACKET, Name: "AF_PACKET"},
	{Val: unix.AF_ASH, Name: "AF_ASH"},
	{Val: unix.AF_ECONET, Name: "AF_ECONET"},
	{Val: unix.AF_ATMSVC, Name: "AF_ATMSVC"},
	{Val: unix.AF_RDS, Name: "AF_RDS"},
	{Val: unix.AF_SNA, Name: "AF_SNA"},
	{Val: unix.AF_IRDA, Name: "AF_IRDA"},
	{Val: unix.AF_PPPOX, Name: "AF_PPPOX"},
	{Val: unix.AF_WANPIPE, Name: "AF_WANPIPE"},
	{Val: unix.AF_LLC, Name: "AF_LLC"},
	{Val: unix.AF_IB, Name: "AF_IB"},
	{Val: unix.AF_MPLS, Name: "AF_MPLS"},
	{Val: unix.AF_CAN, Name: "AF_CAN"},
	{Val: unix.AF_TIPC, Name: "AF_TIPC"},
	{Val: unix.AF_BLUETOOTH, Name: "AF_BLUETOOTH"},
	{Val: unix.AF_IUCV, Name: "AF_IUCV"},
	{Val: unix.AF_RXRPC, Name: "AF_RXRPC"},
	{Val: unix.AF_ISDN, Name: "AF_ISDN"},
	{Val: unix.AF_PHONET, Name: "AF_PHONET"},
	{Val: unix.AF_IEEE802154, Name: "AF_IEEE802154"},
	{Val: unix.AF_CAIF, Name: "AF_CAIF"},
	{Val: unix.AF_ALG, Name: "AF_ALG"},
	{Val: unix.AF_NFC, Name: "AF_NFC"},
	{Val: unix.AF_VSOCK, Name: "AF_VSOCK"},
	{Val: unix.AF_KCM, Name: "AF_KCM"},
	{Val: unix.AF_QIPCRTR, Name: "AF_QIPCRTR"},
	{Val: unix.AF_SMC, Name: "AF_SMC"},
	{Val: unix.AF_XDP, Name: "AF_XDP"},
	{Val: unix.AF_MCTP, Name: "AF_MCTP"},
}

// ethernetProtocols names the ETH_P_* values (AF_PACKET's protocol,
// sll_protocol), in host byte order.
var ethernetProtocols = format.ValueSet{
	{Val: unix.ETH_P_802_3, Name: "ETH_P_802_3"},
	{Val: unix.ETH_P_AX25, Name: "ETH_P_AX25"},
	{Val: unix.ETH_P_ALL, Name: "ETH_P_ALL"},
	{Val: unix.ETH_P_802_2, Name: "ETH_P_802_2"},
	{Val: unix.ETH_P_SNAP, Name: "ETH_P_SNAP"},
	{Val: unix.ETH_P_DDCMP, Name: "ETH_P_DDCMP"},
	{Val: unix.ETH_P_WAN_PPP, Name: "ETH_P_WAN_PPP"},
	{Val: unix.ETH_P_PPP_MP, Name: "ETH_P_PPP_MP"},
	{Val: unix.ETH_P_LOCALTALK, Name: "ETH_P_LOCALTALK"},
	{Val: unix.ETH_P_CAN, Name: "ETH_P_CAN"},
	{Val: unix.ETH_P_CANFD, Name: "ETH_P_CANFD"},
	{Val: unix.ETH_P_PPPTALK, Name: "ETH_P_PPPTALK"},
	{Val: unix.ETH_P_TR_802_2, Name: "ETH_P_TR_802_2"},
	{Val: unix.ETH_P_MOBITEX, Name: "ETH_P_MOBITEX"},
	{Val: unix.ETH_P_CONTROL, Name: "ETH_P_CONTROL"},
	{Val: unix.ETH_P_IRDA, Name: "ETH_P_IRDA"},
	{Val: unix.ETH_P_ECONET, Name: "ETH_P_ECONET"},
	{Val: unix.ETH_P_HDLC, Name: "ETH_P_HDLC"},
	{Val: unix.ETH_P_ARCNET, Name: "ETH_P_ARCNET"},
	{Val: unix.ETH_P_DSA, Name: "ETH_P_DSA"},
	{Val: unix.ETH_P_TRAILER, Name: "ETH_P_TRAILER"},
	{Val: unix.ETH_P_LOOP, Name: "ETH_P_LOOP"},
	{Val: unix.ETH_P_PHONET, Name: "ETH_P_PHONET"},
	{Val: unix.ETH_P_IEEE802154, Name: "ETH_P_IEEE802154"},
	{Val: unix.ETH_P_CAIF, Name: "ETH_P_CAIF"},
	{Val: unix.ETH_P_XDSA, Name: "ETH_P_XDSA"},
	{Val: unix.ETH_P_MAP, Name: "ETH_P_MAP"},
	{Val: unix.ETH_P_MCTP, Name: "ETH_P_MCTP"},
	{Val: unix.ETH_P_PUP, Name: "ETH_P_PUP"},
	{Val: unix.ETH_P_PUPAT, Name: "ETH_P_PUPAT"},
	{Val: unix.ETH_P_802_3_MIN, Name: "ETH_P_802_3_MIN"},
	{Val: unix.ETH_P_IP, Name: "ETH_P_IP"},
	{Val: unix.ETH_P_X25, Name: "ETH_P_X25"},
	{Val: unix.ETH_P_ARP, Name: "ETH_P_ARP"},
	{Val: unix.ETH_P_BPQ, Name: "ETH_P_BPQ"},
	{Val: unix.ETH_P_IEEEPUP, Name: "ETH_P_IEEEPUP"},
	{Val: unix.ETH_P_IEEEPUPAT, Name: "ETH_P_IEEEPUPAT"},
	{Val: unix.ETH_P_ERSPAN2, Name: "ETH_P_ERSPAN2"},
	{Val: unix.ETH_P_TSN, Name: "ETH_P_TSN"},
	{Val: unix.ETH_P_BATMAN, Name: "ETH_P_BATMAN"},
	{Val: unix.ETH_P_DEC, Name: "ETH_P_DEC"},
	{Val: unix.ETH_P_DNA_DL, Name: "ETH_P_DNA_DL"},
	{Val: unix.ETH_P_DNA_RC, Name: "ETH_P_DNA_RC"},
	{Val: unix.ETH_P_DNA_RT, Name: "ETH_P_DNA_RT"},
	{Val: unix.ETH_P_LAT, Name: "ETH_P_LAT"},
	{Val: unix.ETH_P_DIAG, Name: "ETH_P_DIAG"},
	{Val: unix.ETH_P_CUST, Name: "ETH_P_CUST"},
	{Val: unix.ETH_P_SCA, Name: "ETH_P_SCA"},
	{Val: unix.ETH_P_TEB, Name: "ETH_P_TEB"},
	{Val: unix.ETH_P_RARP, Name: "ETH_P_RARP"},
	{Val: unix.ETH_P_ATALK, Name: "ETH_P_ATALK"},
	{Val: unix.ETH_P_AARP, Name: "ETH_P_AARP"},
	{Val: unix.ETH_P_8021Q, Name: "ETH_P_8021Q"},
	{Val: unix.ETH_P_IPX, Name: "ETH_P_IPX"},
	{Val: unix.ETH_P_IPV6, Name: "ETH_P_IPV6"},
	{Val: unix.ETH_P_PAUSE, Name: "ETH_P_PAUSE"},
	{Val: unix.ETH_P_SLOW, Name: "ETH_P_SLOW"},
	{Val: unix.ETH_P_WCCP, Name: "ETH_P_WCCP"},
	{Val: unix.ETH_P_MPLS_UC, Name: "ETH_P_MPLS_UC"},
	{Val: unix.ETH_P_MPLS_MC, Name: "ETH_P_MPLS_MC"},
	{Val: unix.ETH_P_ATMMPOA, Name: "ETH_P_ATMMPOA"},
	{Val: unix.ETH_P_PPP_DISC, Name: "ETH_P_PPP_DISC"},
	{Val: unix.ETH_P_PPP_SES, Name: "ETH_P_PPP_SES"},
	{Val: unix.ETH_P_LINK_CTL, Name: "ETH_P_LINK_CTL"},
	{Val: unix.ETH_P_ATMFATE, Name: "ETH_P_ATMFATE"},
	{Val: unix.ETH_P_PAE, Name: "ETH_P_PAE"},
	{Val: unix.ETH_P_AOE, Name: "ETH_P_AOE"},
	{Val: unix.ETH_P_8021AD, Name: "ETH_P_8021AD"},
	{Val: unix.ETH_P_802_EX1, Name: "ETH_P_802_EX1"},
	{Val: unix.ETH_P_ERSPAN, Name: "ETH_P_ERSPAN"},
	{Val: unix.ETH_P_PREAUTH, Name: "ETH_P_PREAUTH"},
	{Val: unix.ETH_P_TIPC, Name: "ETH_P_TIPC"},
	{Val: unix.ETH_P_LLDP, Name: "ETH_P_LLDP"},
	{Val: unix.ETH_P_MRP, Name: "ETH_P_MRP"},
	{Val: unix.ETH_P_MACSEC, Name: "ETH_P_MACSEC"},
	{Val: unix.ETH_P_8021AH, Name: "ETH_P_8021AH"},
	{Val: unix.ETH_P_MVRP, Name: "ETH_P_MVRP"},
	{Val: unix.ETH_P_1588, Name: "ETH_P_1588"},
	{Val: unix.ETH_P_NCSI, Name: "ETH_P_NCSI"},
	{Val: unix.ETH_P_PRP, Name: "ETH_P_PRP"},
	{Val: unix.ETH_P_CFM, Name: "ETH_P_CFM"},
	{Val: unix.ETH_P_FCOE, Name: "ETH_P_FCOE"},
	{Val: unix.ETH_P_TDLS, Name: "ETH_P_TDLS"},
	{Val: unix.ETH_P_FIP, Name: "ETH_P_FIP"},
	{Val: unix.ETH_P_IBOE, Name: "ETH_P_IBOE"},
	{Val: unix.ETH_P_80221, Name: "ETH_P_80221"},
	{Val: unix.ETH_P_HSR, Name: "ETH_P_HSR"},
	{Val: unix.ETH_P_NSH, Name: "ETH_P_NSH"},
	{Val: unix.ETH_P_LOOPBACK, Name: "ETH_P_LOOPBACK"},
	{Val: unix.ETH_P_QINQ1, Name: "ETH_P_QINQ1"},
	{Val: unix.ETH_P_QINQ2, Name: "ETH_P_QINQ2"},
	{Val: unix.ETH_P_QINQ3, Name: "ETH_P_QINQ3"},
	{Val: unix.ETH_P_EDSA, Name: "ETH_P_EDSA"},
	{Val: unix.ETH_P_DSA_8021Q, Name: "ETH_P_DSA_8021Q"},
	{Val: unix.ETH_P_DSA_A5PSW, Name: "ETH_P_DSA_A5PSW"},
	{Val: unix.ETH_P_IFE, Name: "ETH_P_IFE"},
	{Val: unix.ETH_P_AF_IUCV, Name: "ETH_P_AF_IUCV"},
}

// netlinkProtocols names the NETLINK_* protocols (AF_NETLINK's protocol).
var netlinkProtocols = format.ValueSet{
	{Val: unix.NETLINK_ROUTE, Name: "NETLINK_ROUTE"},
	{Val: unix.NETLINK_UNUSED, Name: "NETLINK_UNUSED"},
	{Val: unix.NETLINK_USERSOCK, Name: "NETLINK_USERSOCK"},
	{Val: unix.NETLINK_FIREWALL, Name: "NETLINK_FIREWALL"},
	{Val: unix.NETLINK_SOCK_DIAG, Name: "NETLINK_SOCK_DIAG"},
	{Val: unix.NETLINK_NFLOG, Name: "NETLINK_NFLOG"},
	{Val: unix.NETLINK_XFRM, Name: "NETLINK_XFRM"},
	{Val: unix.NETLINK_SELINUX, Name: "NETLINK_SELINUX"},
	{Val: unix.NETLINK_ISCSI, Name: "NETLINK_ISCSI"},
	{Val: unix.NETLINK_AUDIT, Name: "NETLINK_AUDIT"},
	{Val: unix.NETLINK_FIB_LOOKUP, Name: "NETLINK_FIB_LOOKUP"},
	{Val: unix.NETLINK_CONNECTOR, Name: "NETLINK_CONNECTOR"},
	{Val: unix.NETLINK_NETFILTER, Name: "NETLINK_NETFILTER"},
	{Val: unix.NETLINK_IP6_FW, Name: "NETLINK_IP6_FW"},
	{Val: unix.NETLINK_DNRTMSG, Name: "NETLINK_DNRTMSG"},
	{Val: unix.NETLINK_KOBJECT_UEVENT, Name: "NETLINK_KOBJECT_UEVENT"},
	{Val: unix.NETLINK_GENERIC, Name: "NETLINK_GENERIC"},
	{Val: unix.NETLINK_SCSITRANSPORT, Name: "NETLINK_SCSITRANSPORT"},
	{Val: unix.NETLINK_ECRYPTFS, Name: "NETLINK_ECRYPTFS"},
	{Val: unix.NETLINK_RDMA, Name: "NETLINK_RDMA"},
	{Val: unix.NETLINK_CRYPTO, Name: "NETLINK_CRYPTO"},
	{Val: unix.NETLINK_SMC, Name: "NETLINK_SMC"},
}

// packetTypes names sockaddr_ll's sll_pkttype.
var packetTypes = format.ValueSet{
	{Val: unix.PACKET_HOST, Name: "PACKET_HOST"},
	{Val: unix.PACKET_BROADCAST, Name: "PACKET_BROADCAST"},
	{Val: unix.PACKET_MULTICAST, Name: "PACKET_MULTICAST"},
	{Val: unix.PACKET_OTHERHOST, Name: "PACKET_OTHERHOST"},
	{Val: unix.PACKET_OUTGOING, Name: "PACKET_OUTGOING"},
	{Val: unix.PACKET_LOOPBACK, Name: "PACKET_LOOPBACK"},
	{Val: unix.PACKET_USER, Name: "PACKET_USER"},
	{Val: unix.PACKET_KERNEL, Name: "PACKET_KERNEL"},
}

// arpHardwareTypes names sockaddr_ll's sll_hatype (the common ones).
var arpHardwareTypes = format.ValueSet{
	{Val: unix.ARPHRD_NETROM, Name: "ARPHRD_NETROM"},
	{Val: unix.ARPHRD_ETHER, Name: "ARPHRD_ETHER"},
	{Val: unix.ARPHRD_EETHER, Name: "ARPHRD_EETHER"},
	{Val: unix.ARPHRD_AX25, Name: "ARPHRD_AX25"},
	{Val: unix.ARPHRD_PRONET, Name: "ARPHRD_PRONET"},
	{Val: unix.ARPHRD_CHAOS, Name: "ARPHRD_CHAOS"},
	{Val: unix.ARPHRD_IEEE802, Name: "ARPHRD_IEEE802"},
	{Val: unix.ARPHRD_ARCNET, Name: "ARPHRD_ARCNET"},
	{Val: unix.ARPHRD_APPLETLK, Name: "ARPHRD_APPLETLK"},
	{Val: unix.ARPHRD_DLCI, Name: "ARPHRD_DLCI"},
	{Val: unix.ARPHRD_ATM, Name: "ARPHRD_ATM"},
	{Val: unix.ARPHRD_METRICOM, Name: "ARPHRD_METRICOM"},
	{Val: unix.ARPHRD_IEEE1394, Name: "ARPHRD_IEEE1394"},
	{Val: unix.ARPHRD_EUI64, Name: "ARPHRD_EUI64"},
	{Val: unix.ARPHRD_INFINIBAND, Name: "ARPHRD_INFINIBAND"},
	{Val: unix.ARPHRD_SLIP, Name: "ARPHRD_SLIP"},
	{Val: unix.ARPHRD_CSLIP, Name: "ARPHRD_CSLIP"},
	{Val: unix.ARPHRD_SLIP6, Name: "ARPHRD_SLIP6"},
	{Val: unix.ARPHRD_CSLIP6, Name: "ARPHRD_CSLIP6"},
	{Val: unix.ARPHRD_RSRVD, Name: "ARPHRD_RSRVD"},
	{Val: unix.ARPHRD_ADAPT, Name: "ARPHRD_ADAPT"},
	{Val: unix.ARPHRD_ROSE, Name: "ARPHRD_ROSE"},
	{Val: unix.ARPHRD_X25, Name: "ARPHRD_X25"},
	{Val: unix.ARPHRD_HWX25, Name: "ARPHRD_HWX25"},
	{Val: unix.ARPHRD_CAN, Name: "ARPHRD_CAN"},
	{Val: unix.ARPHRD_MCTP, Name: "ARPHRD_MCTP"},
	{Val: unix.ARPHRD_PPP, Name: "ARPHRD_PPP"},
	{Val: unix.ARPHRD_CISCO, Name: "ARPHRD_CISCO"},
	{Val: unix.ARPHRD_LAPB, Name: "ARPHRD_LAPB"},
	{Val: unix.ARPHRD_DDCMP, Name: "ARPHRD_DDCMP"},
	{Val: unix.ARPHRD_RAWHDLC, Name: "ARPHRD_RAWHDLC"},
	{Val: unix.ARPHRD_RAWIP, Name: "ARPHRD_RAWIP"},
	{Val: unix.ARPHRD_TUNNEL, Name: "ARPHRD_TUNNEL"},
	{Val: unix.ARPHRD_TUNNEL6, Name: "ARPHRD_TUNNEL6"},
	{Val: unix.ARPHRD_FRAD, Name: "ARPHRD_FRAD"},
	{Val: unix.ARPHRD_SKIP, Name: "ARPHRD_SKIP"},
	{Val: unix.ARPHRD_LOOPBACK, Name: "ARPHRD_LOOPBACK"},
	{Val: unix.ARPHRD_LOCALTLK, Name: "ARPHRD_LOCALTLK"},
	{Val: unix.ARPHRD_FDDI, Name: "ARPHRD_FDDI"},
	{Val: unix.ARPHRD_BIF, Name: "ARPHRD_BIF"},
	{Val: unix.ARPHRD_SIT, Name: "ARPHRD_SIT"},
	{Val: unix.ARPHRD_IPDDP, Name: "ARPHRD_IPDDP"},
	{Val: unix.ARPHRD_IPGRE, Name: "ARPHRD_IPGRE"},
	{Val: unix.ARPHRD_PIMREG, Name: "ARPHRD_PIMREG"},
	{Val: unix.ARPHRD_HIPPI, Name: "ARPHRD_HIPPI"},
	{Val: unix.ARPHRD_ASH, Name: "ARPHRD_ASH"},
	{Val: unix.ARPHRD_ECONET, Name: "ARPHRD_ECONET"},
	{Val: unix.ARPHRD_IRDA, Name: "ARPHRD_IRDA"},
	{Val: unix.ARPHRD_FCPP, Name: "ARPHRD_FCPP"},
	{Val: unix.ARPHRD_FCAL, Name: "ARPHRD_FCAL"},
	{Val: unix.ARPHRD_FCPL, Name: "ARPHRD_FCPL"},
	{Val: unix.ARPHRD_FCFABRIC, Name: "ARPHRD_FCFABRIC"},
	{Val: unix.ARPHRD_IEEE802_TR, Name: "ARPHRD_IEEE802_TR"},
	{Val: unix.ARPHRD_IEEE80211, Name: "ARPHRD_IEEE80211"},
	{Val: unix.ARPHRD_IEEE80211_PRISM, Name: "ARPHRD_IEEE80211_PRISM"},
	{Val: unix.ARPHRD_IEEE80211_RADIOTAP, Name: "ARPHRD_IEEE80211_RADIOTAP"},
	{Val: unix.ARPHRD_IEEE802154, Name: "ARPHRD_IEEE802154"},
	{Val: unix.ARPHRD_IEEE802154_MONITOR, Name: "ARPHRD_IEEE802154_MONITOR"},
	{Val: unix.ARPHRD_PHONET, Name: "ARPHRD_PHONET"},
	{Val: unix.ARPHRD_PHONET_PIPE, Name: "ARPHRD_PHONET_PIPE"},
	{Val: unix.ARPHRD_CAIF, Name: "ARPHRD_CAIF"},
	{Val: unix.ARPHRD_IP6GRE, Name: "ARPHRD_IP6GRE"},
	{Val: unix.ARPHRD_NETLINK, Name: "ARPHRD_NETLINK"},
	{Val: unix.ARPHRD_6LOWPAN, Name: "ARPHRD_6LOWPAN"},
	{Val: unix.ARPHRD_VSOCKMON, Name: "ARPHRD_VSOCKMON"},
	{Val: unix.ARPHRD_VOID, Name: "ARPHRD_VOID"},
	{Val: unix.ARPHRD_NONE, Name: "ARPHRD_NONE"},
}

// Sizes of the kernel's address structures (amd64).
const (
	sizeofSockaddrStorage = 128
	sizeofSockaddrUn      = 110
	sizeofSockaddrIn      = 16
	sin6MinLen            = 24 // offsetof(struct sockaddr_in6, sin6_scope_id)
	sizeofSockaddrNl      = 12
	sizeofSockaddrLl      = 20
)

// InterfaceName returns the name of network interface index i in the
// tracer's namespace ("" if none), for if_nametoindex("lo") forms. Tests
// may replace it.
var InterfaceName = func(i uint32) string {
	if i == 0 {
		return ""
	}
	ifc, err := net.InterfaceByIndex(int(i))
	if err != nil {
		return ""
	}
	return ifc.Name
}

// sockaddr appends the socket address of n bytes at addr as strace
// prints it: NULL or the bare address when n < 2 or unreadable, else
// {sa_family=…, …}. n is cut to sizeof(struct sockaddr_storage).
func (d *Decoder) sockaddr(addr uint64, n int) {
	if n < 2 {
		d.Addr(addr)
		return
	}
	if n > sizeofSockaddrStorage {
		n = sizeofSockaddrStorage
	}
	b, ok := d.Read(addr, n)
	if !ok {
		d.Addr(addr)
		return
	}
	var buf [sizeofSockaddrStorage + 1]byte
	copy(buf[:], b)
	d.sockaddrBytes(buf[:], n)
}

// sockaddrBytes appends the address in buf (zero padded past n, at least
// n+1 bytes long) whose length is n.
func (d *Decoder) sockaddrBytes(buf []byte, n int) {
	fam := binary.LittleEndian.Uint16(buf)
	d.S("{sa_family=")
	d.Value(addrFamilies, uint64(fam), "AF_???")
	if n > 2 {
		d.S(", ")
		switch {
		case fam == unix.AF_UNIX && n >= 3:
			d.sockaddrUnix(buf, n)
		case fam == unix.AF_INET && n >= sizeofSockaddrIn:
			d.S("sin_port=")
			d.netPort(buf[2:4])
			d.S(", sin_addr=")
			d.inetAddr(unix.AF_INET, buf[4:8], "")
		case fam == unix.AF_INET6 && n >= sin6MinLen:
			d.sockaddrIn6(buf, n)
		case fam == unix.AF_NETLINK && n >= sizeofSockaddrNl:
			if pad := binary.LittleEndian.Uint16(buf[2:]); pad != 0 {
				d.S("nl_pad=")
				d.Hex(uint64(pad))
				d.S(", ")
			}
			d.S("nl_pid=")
			d.Int(int64(int32(binary.LittleEndian.Uint32(buf[4:]))))
			d.S(", nl_groups=")
			d.hex0(uint64(binary.LittleEndian.Uint32(buf[8:])), 8)
		case fam == unix.AF_PACKET && n >= sizeofSockaddrLl:
			d.sockaddrLl(buf, n)
		default:
			d.S("sa_data=")
			d.B = format.AppendQuoted(d.B, buf[2:n], d.Opts.X, false)
		}
	}
	d.S("}")
}

// hex0 appends v as C's "%#0*x" with the given width: 0 as width zeros,
// else 0x and the digits, zero padded to the width.
func (d *Decoder) hex0(v uint64, width int) {
	if v == 0 {
		for i := 0; i < width; i++ {
			d.B = append(d.B, '0')
		}
		return
	}
	s := strconv.FormatUint(v, 16)
	d.S("0x")
	for i := len(s) + 2; i < width; i++ {
		d.B = append(d.B, '0')
	}
	d.S(s)
}

// hexBytes appends b as a string of \xNN escapes, as strace prints the raw
// bytes of an address.
func (d *Decoder) hexBytes(b []byte) {
	d.B = format.AppendQuoted(d.B, b, format.XAll, false)
}

// netPort appends a port in network byte order: htons(80).
func (d *Decoder) netPort(b []byte) {
	port := binary.BigEndian.Uint16(b)
	switch d.Opts.Style {
	case format.Raw:
		d.hexBytes(b)
		return
	case format.Verbose:
		d.hexBytes(b)
		d.S(" /* htons(")
		d.Uint(uint64(port))
		d.S(") */")
		return
	}
	d.S("htons(")
	d.Uint(uint64(port))
	d.S(")")
}

// inetAddr appends an IPv4 or IPv6 address as strace prints one:
// inet_addr("127.0.0.1") or inet_pton(AF_INET6, "::1"[, &field]), the raw
// bytes with -X raw, both with -X verbose. field is the name of an IPv6
// struct field (printed as "&field" and instead of "field=" in the abbrev
// style); IPv4 field names are printed by the caller.
func (d *Decoder) inetAddr(af int, b []byte, field string) {
	st := d.Opts.Style
	if af == unix.AF_INET6 && st != format.Abbrev && field != "" {
		d.S(field)
		d.S("=")
	}
	if st != format.Abbrev {
		d.hexBytes(b)
	}
	if st == format.Raw {
		return
	}
	if st == format.Verbose {
		d.S(" /* ")
	}
	if af == unix.AF_INET {
		var txt [16]byte
		d.S("inet_addr(")
		d.B = format.AppendQuoted(d.B, appendIPv4(txt[:0], b), d.Opts.X, false)
		d.S(")")
	} else {
		var txt [48]byte
		d.S("inet_pton(AF_INET6, ")
		d.B = format.AppendQuoted(d.B, appendIPv6(txt[:0], b), d.Opts.X, false)
		if field != "" && st == format.Abbrev {
			d.S(", &")
			d.S(field)
		}
		d.S(")")
	}
	if st == format.Verbose {
		d.S(" */")
	}
}

func appendIPv4(dst, b []byte) []byte {
	for i := 0; i < 4; i++ {
		if i > 0 {
			dst = append(dst, '.')
		}
		dst = strconv.AppendUint(dst, uint64(b[i]), 10)
	}
	return dst
}

// appendIPv6 appends a 16-byte address as the C library's inet_ntop does:
// the longest run of two or more zero groups (the first of equal runs)
// compressed to "::", and the last 32 bits in dotted form for IPv4
// compatible (::a.b.c.d) and mapped (::ffff:a.b.c.d) addresses.
func appendIPv6(dst, b []byte) []byte {
	var w [8]uint16
	for i := range w {
		w[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	best, bestLen, cur, curLen := -1, 0, -1, 0
	for i := 0; i < 8; i++ {
		if w[i] == 0 {
			if cur < 0 {
				cur, curLen = i, 1
			} else {
				curLen++
			}
			if curLen > bestLen {
				best, bestLen = cur, curLen
			}
		} else {
			cur = -1
		}
	}
	if bestLen < 2 {
		best = -1
	}
	for i := 0; i < 8; i++ {
		if best >= 0 && i >= best && i < best+bestLen {
			if i == best {
				dst = append(dst, ':')
			}
			continue
		}
		if i != 0 {
			dst = append(dst, ':')
		}
		if i == 6 && best == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			return appendIPv4(dst, b[12:16])
		}
		dst = strconv.AppendUint(dst, uint64(w[i]), 16)
	}
	if best >= 0 && best+bestLen == 8 {
		dst = append(dst, ':')
	}
	return dst
}

// sockaddrUnix appends sun_path: a quoted path up to its NUL, or "@" and
// the bytes of an abstract name.
func (d *Decoder) sockaddrUnix(buf []byte, n int) {
	if n > sizeofSockaddrUn {
		n = sizeofSockaddrUn
	}
	path := buf[2:n]
	d.S("sun_path=")
	if path[0] != 0 {
		d.B = format.AppendQuoted(d.B, path, d.Opts.X, true)
		return
	}
	d.S("@")
	d.B = format.AppendQuoted(d.B, path[1:], d.Opts.X, false)
}

// sockaddrIn6 appends the fields of a sockaddr_in6 after sa_family.
func (d *Decoder) sockaddrIn6(buf []byte, n int) {
	d.S("sin6_port=")
	d.netPort(buf[2:4])
	d.S(", sin6_flowinfo=")
	flow := buf[4:8]
	st := d.Opts.Style
	if st != format.Abbrev {
		d.hexBytes(flow)
	}
	if st == format.Verbose {
		d.S(" /* ")
	}
	if st != format.Raw {
		d.S("htonl(")
		d.Uint(uint64(binary.BigEndian.Uint32(flow)))
		d.S(")")
	}
	if st == format.Verbose {
		d.S(" */")
	}
	d.S(", ")
	addr := buf[8:24]
	d.inetAddr(unix.AF_INET6, addr, "sin6_addr")
	if n <= sin6MinLen {
		return
	}
	d.S(", sin6_scope_id=")
	scope := binary.LittleEndian.Uint32(buf[24:])
	linkLocal := addr[0] == 0xfe && addr[1]&0xc0 == 0x80
	mcLinkLocal := addr[0] == 0xff && addr[1]&0x0f == 0x2
	if linkLocal || mcLinkLocal {
		d.ifindex(scope)
		return
	}
	d.Uint(uint64(scope))
}

// ifindex appends an interface index: if_nametoindex("lo") when the index
// names an interface, else the number (both with -X verbose).
func (d *Decoder) ifindex(i uint32) {
	name := ""
	if d.Opts.Style != format.Raw {
		name = InterfaceName(i)
	}
	if name == "" {
		d.Uint(uint64(i))
		return
	}
	if d.Opts.Style == format.Verbose {
		d.Uint(uint64(i))
		d.S(" /* ")
	}
	d.S("if_nametoindex(")
	d.B = format.AppendQuoted(d.B, []byte(name), d.Opts.X, false)
	d.S(")")
	if d.Opts.Style == format.Verbose {
		d.S(" */")
	}
}

// sockaddrLl appends the fields of a sockaddr_ll after sa_family.
func (d *Decoder) sockaddrLl(buf []byte, n int) {
	proto := buf[2:4]
	d.S("sll_protocol=")
	st := d.Opts.Style
	if st != format.Abbrev {
		d.hexBytes(proto)
	}
	if st != format.Raw {
		if st == format.Verbose {
			d.S(" /* ")
		}
		d.S("htons(")
		d.B = ethernetProtocols.Append(d.B, uint64(binary.BigEndian.Uint16(proto)), format.Abbrev, "ETH_P_???", false)
		d.S(")")
		if st == format.Verbose {
			d.S(" */")
		}
	}
	d.S(", sll_ifindex=")
	d.ifindex(binary.LittleEndian.Uint32(buf[4:]))
	d.S(", sll_hatype=")
	d.Value(arpHardwareTypes, uint64(binary.LittleEndian.Uint16(buf[8:])), "ARPHRD_???")
	d.S(", sll_pkttype=")
	d.Value(packetTypes, uint64(buf[10]), "PACKET_???")
	halen := int(buf[11])
	d.S(", sll_halen=")
	d.Uint(uint64(halen))
	if halen == 0 {
		return
	}
	d.S(", sll_addr=[")
	room := n - 12
	for i := 0; i < halen; i++ {
		if i > 0 {
			d.S(", ")
		}
		if i >= room || 12+i >= len(buf) {
			d.S("...")
			break
		}
		d.hex0(uint64(buf[12+i]), 2)
	}
	d.S("]")
}
