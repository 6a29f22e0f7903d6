package syscalls

import (
	"encoding/binary"

	"github.com/gotrace/gotrace/format"
	"golang.org/x/sys/unix"
)

// Socket options: setsockopt and getsockopt, with the option names of the
// SOL_SOCKET, SOL_IP, SOL_IPV6, SOL_TCP, SOL_UDP, SOL_NETLINK, SOL_PACKET
// and SOL_RAW levels, int values as [1], struct linger, struct ucred,
// SO_ERROR as an errno, multicast requests, and other values as strings.

// socketLevels names setsockopt's level.
var socketLevels = format.ValueSet{
	{Val: unix.SOL_IP, Name: "SOL_IP"},
	{Val: unix.SOL_SOCKET, Name: "SOL_SOCKET"},
	{Val: unix.SOL_TCP, Name: "SOL_TCP"},
	{Val: unix.SOL_UDP, Name: "SOL_UDP"},
	{Val: unix.AF_VSOCK, Name: "AF_VSOCK"},
	{Val: unix.SOL_IPV6, Name: "SOL_IPV6"},
	{Val: unix.SOL_ICMPV6, Name: "SOL_ICMPV6"},
	{Val: unix.SOL_CAN_BASE, Name: "SOL_CAN_BASE"},
	{Val: unix.SOL_CAN_RAW, Name: "SOL_CAN_RAW"},
	{Val: unix.IPPROTO_SCTP, Name: "SOL_SCTP"},
	{Val: unix.IPPROTO_UDPLITE, Name: "SOL_UDPLITE"},
	{Val: unix.SOL_RAW, Name: "SOL_RAW"},
	{Val: 256, Name: "SOL_IPX"}, // SOL_IPX…SOL_ROSE: not in x/sys
	{Val: 257, Name: "SOL_AX25"},
	{Val: 258, Name: "SOL_ATALK"},
	{Val: 259, Name: "SOL_NETROM"},
	{Val: 260, Name: "SOL_ROSE"},
	{Val: unix.SOL_DECNET, Name: "SOL_DECNET"},
	{Val: unix.SOL_X25, Name: "SOL_X25"},
	{Val: unix.SOL_PACKET, Name: "SOL_PACKET"},
	{Val: unix.SOL_ATM, Name: "SOL_ATM"},
	{Val: unix.SOL_AAL, Name: "SOL_AAL"},
	{Val: unix.SOL_IRDA, Name: "SOL_IRDA"},
	{Val: unix.SOL_NETBEUI, Name: "SOL_NETBEUI"},
	{Val: unix.SOL_LLC, Name: "SOL_LLC"},
	{Val: unix.SOL_DCCP, Name: "SOL_DCCP"},
	{Val: unix.SOL_NETLINK, Name: "SOL_NETLINK"},
	{Val: unix.SOL_TIPC, Name: "SOL_TIPC"},
	{Val: unix.SOL_RXRPC, Name: "SOL_RXRPC"},
	{Val: unix.SOL_PPPOL2TP, Name: "SOL_PPPOL2TP"},
	{Val: unix.SOL_BLUETOOTH, Name: "SOL_BLUETOOTH"},
	{Val: unix.SOL_PNPIPE, Name: "SOL_PNPIPE"},
	{Val: unix.SOL_RDS, Name: "SOL_RDS"},
	{Val: unix.SOL_IUCV, Name: "SOL_IUCV"},
	{Val: unix.SOL_CAIF, Name: "SOL_CAIF"},
	{Val: unix.SOL_ALG, Name: "SOL_ALG"},
	{Val: unix.SOL_NFC, Name: "SOL_NFC"},
	{Val: unix.SOL_KCM, Name: "SOL_KCM"},
	{Val: unix.SOL_TLS, Name: "SOL_TLS"},
	{Val: unix.SOL_XDP, Name: "SOL_XDP"},
}

// sockOptions names the SOL_SOCKET options (strace's names: the _OLD
// variants of the timestamp and timeout options x/sys calls plain).
var sockOptions = format.ValueSet{
	{Val: unix.SO_DEBUG, Name: "SO_DEBUG"},
	{Val: unix.SO_REUSEADDR, Name: "SO_REUSEADDR"},
	{Val: unix.SO_TYPE, Name: "SO_TYPE"},
	{Val: unix.SO_ERROR, Name: "SO_ERROR"},
	{Val: unix.SO_DONTROUTE, Name: "SO_DONTROUTE"},
	{Val: unix.SO_BROADCAST, Name: "SO_BROADCAST"},
	{Val: unix.SO_SNDBUF, Name: "SO_SNDBUF"},
	{Val: unix.SO_RCVBUF, Name: "SO_RCVBUF"},
	{Val: unix.SO_KEEPALIVE, Name: "SO_KEEPALIVE"},
	{Val: unix.SO_OOBINLINE, Name: "SO_OOBINLINE"},
	{Val: unix.SO_NO_CHECK, Name: "SO_NO_CHECK"},
	{Val: unix.SO_PRIORITY, Name: "SO_PRIORITY"},
	{Val: unix.SO_LINGER, Name: "SO_LINGER"},
	{Val: unix.SO_BSDCOMPAT, Name: "SO_BSDCOMPAT"},
	{Val: unix.SO_REUSEPORT, Name: "SO_REUSEPORT"},
	{Val: unix.SO_PASSCRED, Name: "SO_PASSCRED"},
	{Val: unix.SO_PEERCRED, Name: "SO_PEERCRED"},
	{Val: unix.SO_RCVLOWAT, Name: "SO_RCVLOWAT"},
	{Val: unix.SO_SNDLOWAT, Name: "SO_SNDLOWAT"},
	{Val: unix.SO_RCVTIMEO_OLD, Name: "SO_RCVTIMEO_OLD"},
	{Val: unix.SO_SNDTIMEO_OLD, Name: "SO_SNDTIMEO_OLD"},
	{Val: unix.SO_SECURITY_AUTHENTICATION, Name: "SO_SECURITY_AUTHENTICATION"},
	{Val: unix.SO_SECURITY_ENCRYPTION_TRANSPORT, Name: "SO_SECURITY_ENCRYPTION_TRANSPORT"},
	{Val: unix.SO_SECURITY_ENCRYPTION_NETWORK, Name: "SO_SECURITY_ENCRYPTION_NETWORK"},
	{Val: unix.SO_BINDTODEVICE, Name: "SO_BINDTODEVICE"},
	{Val: unix.SO_DETACH_FILTER, Name: "SO_DETACH_FILTER"},
	{Val: unix.SO_PEERNAME, Name: "SO_PEERNAME"},
	{Val: unix.SO_TIMESTAMP_OLD, Name: "SO_TIMESTAMP_OLD"},
	{Val: unix.SO_ACCEPTCONN, Name: "SO_ACCEPTCONN"},
	{Val: unix.SO_PEERSEC, Name: "SO_PEERSEC"},
	{Val: unix.SO_SNDBUFFORCE, Name: "SO_SNDBUFFORCE"},
	{Val: unix.SO_RCVBUFFORCE, Name: "SO_RCVBUFFORCE"},
	{Val: unix.SO_PASSSEC, Name: "SO_PASSSEC"},
	{Val: unix.SO_TIMESTAMPNS_OLD, Name: "SO_TIMESTAMPNS_OLD"},
	{Val: unix.SO_MARK, Name: "SO_MARK"},
	{Val: unix.SO_TIMESTAMPING_OLD, Name: "SO_TIMESTAMPING_OLD"},
	{Val: unix.SO_PROTOCOL, Name: "SO_PROTOCOL"},
	{Val: unix.SO_DOMAIN, Name: "SO_DOMAIN"},
	{Val: unix.SO_RXQ_OVFL, Name: "SO_RXQ_OVFL"},
	{Val: unix.SO_WIFI_STATUS, Name: "SO_WIFI_STATUS"},
	{Val: unix.SO_PEEK_OFF, Name: "SO_PEEK_OFF"},
	{Val: unix.SO_NOFCS, Name: "SO_NOFCS"},
	{Val: unix.SO_LOCK_FILTER, Name: "SO_LOCK_FILTER"},
	{Val: unix.SO_SELECT_ERR_QUEUE, Name: "SO_SELECT_ERR_QUEUE"},
	{Val: unix.SO_BUSY_POLL, Name: "SO_BUSY_POLL"},
	{Val: unix.SO_MAX_PACING_RATE, Name: "SO_MAX_PACING_RATE"},
	{Val: unix.SO_BPF_EXTENSIONS, Name: "SO_BPF_EXTENSIONS"},
	{Val: unix.SO_INCOMING_CPU, Name: "SO_INCOMING_CPU"},
	{Val: unix.SO_ATTACH_BPF, Name: "SO_ATTACH_BPF"},
	{Val: unix.SO_ATTACH_REUSEPORT_CBPF, Name: "SO_ATTACH_REUSEPORT_CBPF"},
	{Val: unix.SO_ATTACH_REUSEPORT_EBPF, Name: "SO_ATTACH_REUSEPORT_EBPF"},
	{Val: unix.SO_CNX_ADVICE, Name: "SO_CNX_ADVICE"},
	{Val: unix.SO_MEMINFO, Name: "SO_MEMINFO"},
	{Val: unix.SO_INCOMING_NAPI_ID, Name: "SO_INCOMING_NAPI_ID"},
	{Val: unix.SO_COOKIE, Name: "SO_COOKIE"},
	{Val: unix.SO_PEERGROUPS, Name: "SO_PEERGROUPS"},
	{Val: unix.SO_ZEROCOPY, Name: "SO_ZEROCOPY"},
	{Val: unix.SO_TXTIME, Name: "SO_TXTIME"},
	{Val: unix.SO_BINDTOIFINDEX, Name: "SO_BINDTOIFINDEX"},
	{Val: unix.SO_TIMESTAMP_NEW, Name: "SO_TIMESTAMP_NEW"},
	{Val: unix.SO_TIMESTAMPNS_NEW, Name: "SO_TIMESTAMPNS_NEW"},
	{Val: unix.SO_TIMESTAMPING_NEW, Name: "SO_TIMESTAMPING_NEW"},
	{Val: unix.SO_RCVTIMEO_NEW, Name: "SO_RCVTIMEO_NEW"},
	{Val: unix.SO_SNDTIMEO_NEW, Name: "SO_SNDTIMEO_NEW"},
	{Val: unix.SO_DETACH_REUSEPORT_BPF, Name: "SO_DETACH_REUSEPORT_BPF"},
	{Val: unix.SO_PREFER_BUSY_POLL, Name: "SO_PREFER_BUSY_POLL"},
	{Val: unix.SO_BUSY_POLL_BUDGET, Name: "SO_BUSY_POLL_BUDGET"},
	{Val: unix.SO_NETNS_COOKIE, Name: "SO_NETNS_COOKIE"},
	{Val: unix.SO_BUF_LOCK, Name: "SO_BUF_LOCK"},
	{Val: unix.SO_RESERVE_MEM, Name: "SO_RESERVE_MEM"},
	{Val: unix.SO_TXREHASH, Name: "SO_TXREHASH"},
	{Val: unix.SO_RCVMARK, Name: "SO_RCVMARK"},
}

// getsockOptions and setsockOptions: the SOL_SOCKET option whose name
// depends on the direction (26 is SO_GET_FILTER to getsockopt,
// SO_ATTACH_FILTER to setsockopt).
var (
	getsockOptions = format.ValueSet{{Val: unix.SO_GET_FILTER, Name: "SO_GET_FILTER"}}
	setsockOptions = format.ValueSet{{Val: unix.SO_ATTACH_FILTER, Name: "SO_ATTACH_FILTER"}}
)

// sockIPOptions names the SOL_IP options.
var sockIPOptions = format.ValueSet{
	{Val: unix.IP_TOS, Name: "IP_TOS"},
	{Val: unix.IP_TTL, Name: "IP_TTL"},
	{Val: unix.IP_HDRINCL, Name: "IP_HDRINCL"},
	{Val: unix.IP_OPTIONS, Name: "IP_OPTIONS"},
	{Val: unix.IP_ROUTER_ALERT, Name: "IP_ROUTER_ALERT"},
	{Val: unix.IP_RECVOPTS, Name: "IP_RECVOPTS"},
	{Val: unix.IP_RETOPTS, Name: "IP_RETOPTS"},
	{Val: unix.IP_PKTINFO, Name: "IP_PKTINFO"},
	{Val: unix.IP_PKTOPTIONS, Name: "IP_PKTOPTIONS"},
	{Val: unix.IP_MTU_DISCOVER, Name: "IP_MTU_DISCOVER"},
	{Val: unix.IP_RECVERR, Name: "IP_RECVERR"},
	{Val: unix.IP_RECVTTL, Name: "IP_RECVTTL"},
	{Val: unix.IP_RECVTOS, Name: "IP_RECVTOS"},
	{Val: unix.IP_MTU, Name: "IP_MTU"},
	{Val: unix.IP_FREEBIND, Name: "IP_FREEBIND"},
	{Val: unix.IP_IPSEC_POLICY, Name: "IP_IPSEC_POLICY"},
	{Val: unix.IP_XFRM_POLICY, Name: "IP_XFRM_POLICY"},
	{Val: unix.IP_PASSSEC, Name: "IP_PASSSEC"},
	{Val: unix.IP_TRANSPARENT, Name: "IP_TRANSPARENT"},
	{Val: unix.IP_ORIGDSTADDR, Name: "IP_ORIGDSTADDR"},
	{Val: unix.IP_MINTTL, Name: "IP_MINTTL"},
	{Val: unix.IP_NODEFRAG, Name: "IP_NODEFRAG"},
	{Val: unix.IP_CHECKSUM, Name: "IP_CHECKSUM"},
	{Val: unix.IP_BIND_ADDRESS_NO_PORT, Name: "IP_BIND_ADDRESS_NO_PORT"},
	{Val: unix.IP_RECVFRAGSIZE, Name: "IP_RECVFRAGSIZE"},
	{Val: unix.IP_RECVERR_RFC4884, Name: "IP_RECVERR_RFC4884"},
	{Val: unix.IP_MULTICAST_IF, Name: "IP_MULTICAST_IF"},
	{Val: unix.IP_MULTICAST_TTL, Name: "IP_MULTICAST_TTL"},
	{Val: unix.IP_MULTICAST_LOOP, Name: "IP_MULTICAST_LOOP"},
	{Val: unix.IP_ADD_MEMBERSHIP, Name: "IP_ADD_MEMBERSHIP"},
	{Val: unix.IP_DROP_MEMBERSHIP, Name: "IP_DROP_MEMBERSHIP"},
	{Val: unix.IP_UNBLOCK_SOURCE, Name: "IP_UNBLOCK_SOURCE"},
	{Val: unix.IP_BLOCK_SOURCE, Name: "IP_BLOCK_SOURCE"},
	{Val: unix.IP_ADD_SOURCE_MEMBERSHIP, Name: "IP_ADD_SOURCE_MEMBERSHIP"},
	{Val: unix.IP_DROP_SOURCE_MEMBERSHIP, Name: "IP_DROP_SOURCE_MEMBERSHIP"},
	{Val: unix.IP_MSFILTER, Name: "IP_MSFILTER"},
	{Val: unix.MCAST_JOIN_GROUP, Name: "MCAST_JOIN_GROUP"},
	{Val: unix.MCAST_BLOCK_SOURCE, Name: "MCAST_BLOCK_SOURCE"},
	{Val: unix.MCAST_UNBLOCK_SOURCE, Name: "MCAST_UNBLOCK_SOURCE"},
	{Val: unix.MCAST_LEAVE_GROUP, Name: "MCAST_LEAVE_GROUP"},
	{Val: unix.MCAST_JOIN_SOURCE_GROUP, Name: "MCAST_JOIN_SOURCE_GROUP"},
	{Val: unix.MCAST_LEAVE_SOURCE_GROUP, Name: "MCAST_LEAVE_SOURCE_GROUP"},
	{Val: unix.MCAST_MSFILTER, Name: "MCAST_MSFILTER"},
	{Val: unix.IP_MULTICAST_ALL, Name: "IP_MULTICAST_ALL"},
	{Val: unix.IP_UNICAST_IF, Name: "IP_UNICAST_IF"},
}

// sockIPv6Options names the SOL_IPV6 options.
var sockIPv6Options = format.ValueSet{
	{Val: unix.IPV6_ADDRFORM, Name: "IPV6_ADDRFORM"},
	{Val: unix.IPV6_2292PKTINFO, Name: "IPV6_2292PKTINFO"},
	{Val: unix.IPV6_2292HOPOPTS, Name: "IPV6_2292HOPOPTS"},
	{Val: unix.IPV6_2292DSTOPTS, Name: "IPV6_2292DSTOPTS"},
	{Val: unix.IPV6_2292RTHDR, Name: "IPV6_2292RTHDR"},
	{Val: unix.IPV6_2292PKTOPTIONS, Name: "IPV6_2292PKTOPTIONS"},
	{Val: unix.IPV6_CHECKSUM, Name: "IPV6_CHECKSUM"},
	{Val: unix.IPV6_2292HOPLIMIT, Name: "IPV6_2292HOPLIMIT"},
	{Val: unix.IPV6_NEXTHOP, Name: "IPV6_NEXTHOP"},
	{Val: unix.IPV6_AUTHHDR, Name: "IPV6_AUTHHDR"},
	{Val: 11, Name: "IPV6_FLOWINFO"}, // not in x/sys
	{Val: unix.IPV6_UNICAST_HOPS, Name: "IPV6_UNICAST_HOPS"},
	{Val: unix.IPV6_MULTICAST_IF, Name: "IPV6_MULTICAST_IF"},
	{Val: unix.IPV6_MULTICAST_HOPS, Name: "IPV6_MULTICAST_HOPS"},
	{Val: unix.IPV6_MULTICAST_LOOP, Name: "IPV6_MULTICAST_LOOP"},
	{Val: unix.IPV6_ADD_MEMBERSHIP, Name: "IPV6_ADD_MEMBERSHIP"},
	{Val: unix.IPV6_DROP_MEMBERSHIP, Name: "IPV6_DROP_MEMBERSHIP"},
	{Val: unix.IPV6_ROUTER_ALERT, Name: "IPV6_ROUTER_ALERT"},
	{Val: unix.IPV6_MTU_DISCOVER, Name: "IPV6_MTU_DISCOVER"},
	{Val: unix.IPV6_MTU, Name: "IPV6_MTU"},
	{Val: unix.IPV6_RECVERR, Name: "IPV6_RECVERR"},
	{Val: unix.IPV6_V6ONLY, Name: "IPV6_V6ONLY"},
	{Val: unix.IPV6_JOIN_ANYCAST, Name: "IPV6_JOIN_ANYCAST"},
	{Val: unix.IPV6_LEAVE_ANYCAST, Name: "IPV6_LEAVE_ANYCAST"},
	{Val: unix.IPV6_MULTICAST_ALL, Name: "IPV6_MULTICAST_ALL"},
	{Val: unix.IPV6_ROUTER_ALERT_ISOLATE, Name: "IPV6_ROUTER_ALERT_ISOLATE"},
	{Val: unix.IPV6_RECVERR_RFC4884, Name: "IPV6_RECVERR_RFC4884"},
	{Val: 32, Name: "IPV6_FLOWLABEL_MGR"}, // not in x/sys
	{Val: 33, Name: "IPV6_FLOWINFO_SEND"}, // not in x/sys
	{Val: unix.IPV6_IPSEC_POLICY, Name: "IPV6_IPSEC_POLICY"},
	{Val: unix.IPV6_XFRM_POLICY, Name: "IPV6_XFRM_POLICY"},
	{Val: unix.IPV6_HDRINCL, Name: "IPV6_HDRINCL"},
	{Val: unix.MCAST_JOIN_GROUP, Name: "MCAST_JOIN_GROUP"},
	{Val: unix.MCAST_BLOCK_SOURCE, Name: "MCAST_BLOCK_SOURCE"},
	{Val: unix.MCAST_UNBLOCK_SOURCE, Name: "MCAST_UNBLOCK_SOURCE"},
	{Val: unix.MCAST_LEAVE_GROUP, Name: "MCAST_LEAVE_GROUP"},
	{Val: unix.MCAST_JOIN_SOURCE_GROUP, Name: "MCAST_JOIN_SOURCE_GROUP"},
	{Val: unix.MCAST_LEAVE_SOURCE_GROUP, Name: "MCAST_LEAVE_SOURCE_GROUP"},
	{Val: unix.MCAST_MSFILTER, Name: "MCAST_MSFILTER"},
	{Val: unix.IPV6_RECVPKTINFO, Name: "IPV6_RECVPKTINFO"},
	{Val: unix.IPV6_PKTINFO, Name: "IPV6_PKTINFO"},
	{Val: unix.IPV6_RECVHOPLIMIT, Name: "IPV6_RECVHOPLIMIT"},
	{Val: unix.IPV6_HOPLIMIT, Name: "IPV6_HOPLIMIT"},
	{Val: unix.IPV6_RECVHOPOPTS, Name: "IPV6_RECVHOPOPTS"},
	{Val: unix.IPV6_HOPOPTS, Name: "IPV6_HOPOPTS"},
	{Val: unix.IPV6_RTHDRDSTOPTS, Name: "IPV6_RTHDRDSTOPTS"},
	{Val: unix.IPV6_RECVRTHDR, Name: "IPV6_RECVRTHDR"},
	{Val: unix.IPV6_RTHDR, Name: "IPV6_RTHDR"},
	{Val: unix.IPV6_RECVDSTOPTS, Name: "IPV6_RECVDSTOPTS"},
	{Val: unix.IPV6_DSTOPTS, Name: "IPV6_DSTOPTS"},
	{Val: unix.IPV6_RECVPATHMTU, Name: "IPV6_RECVPATHMTU"},
	{Val: unix.IPV6_PATHMTU, Name: "IPV6_PATHMTU"},
	{Val: unix.IPV6_DONTFRAG, Name: "IPV6_DONTFRAG"},
	{Val: 63, Name: "IPV6_USE_MIN_MTU"}, // not in x/sys
	{Val: unix.IPV6_RECVTCLASS, Name: "IPV6_RECVTCLASS"},
	{Val: unix.IPV6_TCLASS, Name: "IPV6_TCLASS"},
	{Val: unix.IPV6_AUTOFLOWLABEL, Name: "IPV6_AUTOFLOWLABEL"},
	{Val: unix.IPV6_ADDR_PREFERENCES, Name: "IPV6_ADDR_PREFERENCES"},
	{Val: unix.IPV6_MINHOPCOUNT, Name: "IPV6_MINHOPCOUNT"},
	{Val: unix.IPV6_ORIGDSTADDR, Name: "IPV6_ORIGDSTADDR"},
	{Val: unix.IPV6_TRANSPARENT, Name: "IPV6_TRANSPARENT"},
	{Val: unix.IPV6_UNICAST_IF, Name: "IPV6_UNICAST_IF"},
	{Val: unix.IPV6_RECVFRAGSIZE, Name: "IPV6_RECVFRAGSIZE"},
	{Val: unix.IPV6_FREEBIND, Name: "IPV6_FREEBIND"},
}

// sockTCPOptions names the SOL_TCP options (those strace 6.1 knows).
var sockTCPOptions = format.ValueSet{
	{Val: unix.TCP_NODELAY, Name: "TCP_NODELAY"},
	{Val: unix.TCP_MAXSEG, Name: "TCP_MAXSEG"},
	{Val: unix.TCP_CORK, Name: "TCP_CORK"},
	{Val: unix.TCP_KEEPIDLE, Name: "TCP_KEEPIDLE"},
	{Val: unix.TCP_KEEPINTVL, Name: "TCP_KEEPINTVL"},
	{Val: unix.TCP_KEEPCNT, Name: "TCP_KEEPCNT"},
	{Val: unix.TCP_SYNCNT, Name: "TCP_SYNCNT"},
	{Val: unix.TCP_LINGER2, Name: "TCP_LINGER2"},
	{Val: unix.TCP_DEFER_ACCEPT, Name: "TCP_DEFER_ACCEPT"},
	{Val: unix.TCP_WINDOW_CLAMP, Name: "TCP_WINDOW_CLAMP"},
	{Val: unix.TCP_INFO, Name: "TCP_INFO"},
	{Val: unix.TCP_QUICKACK, Name: "TCP_QUICKACK"},
	{Val: unix.TCP_CONGESTION, Name: "TCP_CONGESTION"},
	{Val: unix.TCP_MD5SIG, Name: "TCP_MD5SIG"},
	{Val: unix.TCP_COOKIE_TRANSACTIONS, Name: "TCP_COOKIE_TRANSACTIONS"},
	{Val: unix.TCP_THIN_LINEAR_TIMEOUTS, Name: "TCP_THIN_LINEAR_TIMEOUTS"},
	{Val: unix.TCP_THIN_DUPACK, Name: "TCP_THIN_DUPACK"},
	{Val: unix.TCP_USER_TIMEOUT, Name: "TCP_USER_TIMEOUT"},
	{Val: unix.TCP_REPAIR, Name: "TCP_REPAIR"},
	{Val: unix.TCP_REPAIR_QUEUE, Name: "TCP_REPAIR_QUEUE"},
	{Val: unix.TCP_QUEUE_SEQ, Name: "TCP_QUEUE_SEQ"},
	{Val: unix.TCP_REPAIR_OPTIONS, Name: "TCP_REPAIR_OPTIONS"},
	{Val: unix.TCP_FASTOPEN, Name: "TCP_FASTOPEN"},
	{Val: unix.TCP_TIMESTAMP, Name: "TCP_TIMESTAMP"},
	{Val: unix.TCP_NOTSENT_LOWAT, Name: "TCP_NOTSENT_LOWAT"},
	{Val: unix.TCP_CC_INFO, Name: "TCP_CC_INFO"},
	{Val: unix.TCP_SAVE_SYN, Name: "TCP_SAVE_SYN"},
	{Val: unix.TCP_SAVED_SYN, Name: "TCP_SAVED_SYN"},
	{Val: unix.TCP_REPAIR_WINDOW, Name: "TCP_REPAIR_WINDOW"},
	{Val: unix.TCP_FASTOPEN_CONNECT, Name: "TCP_FASTOPEN_CONNECT"},
	{Val: unix.TCP_ULP, Name: "TCP_ULP"},
	{Val: unix.TCP_MD5SIG_EXT, Name: "TCP_MD5SIG_EXT"},
	{Val: unix.TCP_FASTOPEN_KEY, Name: "TCP_FASTOPEN_KEY"},
	{Val: unix.TCP_FASTOPEN_NO_COOKIE, Name: "TCP_FASTOPEN_NO_COOKIE"},
	{Val: unix.TCP_ZEROCOPY_RECEIVE, Name: "TCP_ZEROCOPY_RECEIVE"},
	{Val: unix.TCP_INQ, Name: "TCP_INQ"},
	{Val: unix.TCP_TX_DELAY, Name: "TCP_TX_DELAY"},
}

// sockUDPOptions names the SOL_UDP options.
var sockUDPOptions = format.ValueSet{
	{Val: unix.UDP_CORK, Name: "UDP_CORK"},
	{Val: unix.UDP_ENCAP, Name: "UDP_ENCAP"},
	{Val: unix.UDP_NO_CHECK6_TX, Name: "UDP_NO_CHECK6_TX"},
	{Val: unix.UDP_NO_CHECK6_RX, Name: "UDP_NO_CHECK6_RX"},
	{Val: unix.UDP_SEGMENT, Name: "UDP_SEGMENT"},
	{Val: unix.UDP_GRO, Name: "UDP_GRO"},
}

// sockNetlinkOptions names the SOL_NETLINK options.
var sockNetlinkOptions = format.ValueSet{
	{Val: unix.NETLINK_ADD_MEMBERSHIP, Name: "NETLINK_ADD_MEMBERSHIP"},
	{Val: unix.NETLINK_DROP_MEMBERSHIP, Name: "NETLINK_DROP_MEMBERSHIP"},
	{Val: unix.NETLINK_PKTINFO, Name: "NETLINK_PKTINFO"},
	{Val: unix.NETLINK_BROADCAST_ERROR, Name: "NETLINK_BROADCAST_ERROR"},
	{Val: unix.NETLINK_NO_ENOBUFS, Name: "NETLINK_NO_ENOBUFS"},
	{Val: unix.NETLINK_RX_RING, Name: "NETLINK_RX_RING"},
	{Val: unix.NETLINK_TX_RING, Name: "NETLINK_TX_RING"},
	{Val: unix.NETLINK_LISTEN_ALL_NSID, Name: "NETLINK_LISTEN_ALL_NSID"},
	{Val: unix.NETLINK_LIST_MEMBERSHIPS, Name: "NETLINK_LIST_MEMBERSHIPS"},
	{Val: unix.NETLINK_CAP_ACK, Name: "NETLINK_CAP_ACK"},
	{Val: unix.NETLINK_EXT_ACK, Name: "NETLINK_EXT_ACK"},
	{Val: unix.NETLINK_GET_STRICT_CHK, Name: "NETLINK_GET_STRICT_CHK"},
}

// sockPacketOptions names the SOL_PACKET options.
var sockPacketOptions = format.ValueSet{
	{Val: unix.PACKET_ADD_MEMBERSHIP, Name: "PACKET_ADD_MEMBERSHIP"},
	{Val: unix.PACKET_DROP_MEMBERSHIP, Name: "PACKET_DROP_MEMBERSHIP"},
	{Val: unix.PACKET_RECV_OUTPUT, Name: "PACKET_RECV_OUTPUT"},
	{Val: unix.PACKET_RX_RING, Name: "PACKET_RX_RING"},
	{Val: unix.PACKET_STATISTICS, Name: "PACKET_STATISTICS"},
	{Val: unix.PACKET_COPY_THRESH, Name: "PACKET_COPY_THRESH"},
	{Val: unix.PACKET_AUXDATA, Name: "PACKET_AUXDATA"},
	{Val: unix.PACKET_ORIGDEV, Name: "PACKET_ORIGDEV"},
	{Val: unix.PACKET_VERSION, Name: "PACKET_VERSION"},
	{Val: unix.PACKET_HDRLEN, Name: "PACKET_HDRLEN"},
	{Val: unix.PACKET_RESERVE, Name: "PACKET_RESERVE"},
	{Val: unix.PACKET_TX_RING, Name: "PACKET_TX_RING"},
	{Val: unix.PACKET_LOSS, Name: "PACKET_LOSS"},
	{Val: unix.PACKET_VNET_HDR, Name: "PACKET_VNET_HDR"},
	{Val: unix.PACKET_TX_TIMESTAMP, Name: "PACKET_TX_TIMESTAMP"},
	{Val: unix.PACKET_TIMESTAMP, Name: "PACKET_TIMESTAMP"},
	{Val: unix.PACKET_FANOUT, Name: "PACKET_FANOUT"},
	{Val: unix.PACKET_TX_HAS_OFF, Name: "PACKET_TX_HAS_OFF"},
	{Val: unix.PACKET_QDISC_BYPASS, Name: "PACKET_QDISC_BYPASS"},
	{Val: unix.PACKET_ROLLOVER_STATS, Name: "PACKET_ROLLOVER_STATS"},
	{Val: unix.PACKET_FANOUT_DATA, Name: "PACKET_FANOUT_DATA"},
	{Val: unix.PACKET_IGNORE_OUTGOING, Name: "PACKET_IGNORE_OUTGOING"},
	{Val: unix.PACKET_VNET_HDR_SZ, Name: "PACKET_VNET_HDR_SZ"},
}

// sockRawOptions names the SOL_RAW options (ICMP_FILTER; not in x/sys).
var sockRawOptions = format.ValueSet{{Val: 1, Name: "ICMP_FILTER"}}

// sockoptName appends an option name by its level; get selects the
// getsockopt-only names.
func (d *Decoder) sockoptName(level, name uint32, get bool) {
	v := uint64(name)
	var sets [2]format.ValueSet
	dflt := ""
	switch level {
	case unix.SOL_SOCKET:
		sets[0], dflt = sockOptions, "SO_???"
		sets[1] = setsockOptions
		if get {
			sets[1] = getsockOptions
		}
	case unix.SOL_IP:
		sets[0], dflt = sockIPOptions, "IP_???"
	case unix.SOL_IPV6:
		sets[0], dflt = sockIPv6Options, "IPV6_???"
	case unix.SOL_TCP:
		sets[0], dflt = sockTCPOptions, "TCP_???"
	case unix.SOL_UDP:
		sets[0], dflt = sockUDPOptions, "UDP_???"
	case unix.SOL_NETLINK:
		sets[0], dflt = sockNetlinkOptions, "NETLINK_???"
	case unix.SOL_PACKET:
		sets[0], dflt = sockPacketOptions, "PACKET_???"
	case unix.SOL_RAW:
		sets[0], dflt = sockRawOptions, "RAW_???"
	default:
		d.Uint(v)
		return
	}
	for _, s := range sets {
		if _, ok := s.Name(v); ok {
			d.Value(s, v, dflt)
			return
		}
	}
	d.Value(sets[0], v, dflt)
}

// intPtr appends the int at addr in brackets: [1]; NULL or the address
// when unreadable.
func (d *Decoder) intPtr(addr uint64) {
	if addr == 0 {
		d.S("NULL")
		return
	}
	v, ok := d.ReadU32(addr)
	if !ok {
		d.Hex(addr)
		return
	}
	d.S("[")
	d.Int(int64(int32(v)))
	d.S("]")
}

// intFields appends a struct of 4-byte fields from the n bytes at addr as
// strace prints one the kernel may have cut short: whole fields by name,
// a partial last field as its raw bytes, nothing past n. signed says which
// fields are signed.
func (d *Decoder) intFields(addr uint64, n int, names []string, signed []bool) {
	if max := 4 * len(names); n > max {
		n = max
	}
	b, ok := d.Read(addr, n)
	if !ok {
		d.Addr(addr)
		return
	}
	d.S("{")
	for k, name := range names {
		off := 4 * k
		if off >= n {
			break
		}
		if k > 0 {
			d.S(", ")
		}
		d.S(name)
		d.S("=")
		if off+4 > n {
			d.hexBytes(b[off:n])
			break
		}
		v := binary.LittleEndian.Uint32(b[off:])
		if signed[k] {
			d.Int(int64(int32(v)))
		} else {
			d.Uint(uint64(v))
		}
	}
	d.S("}")
}

var (
	lingerFields = []string{"l_onoff", "l_linger"}
	lingerSigned = []bool{true, true}
	ucredFields  = []string{"pid", "uid", "gid"}
	ucredSigned  = []bool{true, false, false}
)

// errnoVal appends an errno value as SO_ERROR prints: its name (0 and
// unknown values as numbers), in the -X style.
func (d *Decoder) errnoVal(e uint32) {
	name := ""
	if e != 0 {
		name = ErrnoName(int(e))
	}
	switch {
	case name == "":
		d.Uint(uint64(e))
	case d.Opts.Style == format.Raw:
		d.Uint(uint64(e))
	case d.Opts.Style == format.Verbose:
		d.Uint(uint64(e))
		d.S(" /* ")
		d.S(name)
		d.S(" */")
	default:
		d.S(name)
	}
}

// getsockoptVal appends getsockopt's optval at exit, ulen and rlen being
// *optlen before and after the call.
func (d *Decoder) getsockoptVal(level, name uint32, addr uint64, ulen, rlen int32) {
	if ulen <= 0 || rlen <= 0 {
		d.Addr(addr)
		return
	}
	if addr != 0 {
		switch {
		case level == unix.SOL_SOCKET && name == unix.SO_LINGER:
			d.intFields(addr, int(rlen), lingerFields, lingerSigned)
			return
		case level == unix.SOL_SOCKET && name == unix.SO_PEERCRED:
			d.intFields(addr, int(rlen), ucredFields, ucredSigned)
			return
		case level == unix.SOL_SOCKET && name == unix.SO_ERROR:
			n := int(rlen)
			if n > 4 {
				n = 4
			}
			b, ok := d.Read(addr, n)
			if !ok {
				d.Addr(addr)
				return
			}
			var w [4]byte
			copy(w[:], b)
			d.S("[")
			d.errnoVal(binary.LittleEndian.Uint32(w[:]))
			d.S("]")
			return
		case level == unix.SOL_NETLINK && name == unix.NETLINK_LIST_MEMBERSHIPS:
			n := ulen
			if rlen < n {
				n = rlen
			}
			d.array(addr, uint64(n)/4, 4, func(b []byte) { d.Uint(uint64(binary.LittleEndian.Uint32(b))) })
			return
		case level == unix.SOL_NETLINK:
			d.intPtr(addr)
			return
		}
	}
	if rlen == 4 {
		d.intPtr(addr)
		return
	}
	d.Buf(addr, uint64(rlen))
}

// setsockoptVal appends setsockopt's optval of n bytes at entry.
func (d *Decoder) setsockoptVal(level, name uint32, addr uint64, n int32) {
	if addr != 0 {
		switch level {
		case unix.SOL_SOCKET:
			if name == unix.SO_LINGER {
				if n < 8 {
					d.Addr(addr)
					return
				}
				d.intFields(addr, 8, lingerFields, lingerSigned)
				return
			}
		case unix.SOL_IP:
			if name == unix.IP_ADD_MEMBERSHIP || name == unix.IP_DROP_MEMBERSHIP {
				b, ok := d.Read(addr, 8)
				if n < 8 || !ok {
					d.Addr(addr)
					return
				}
				var mreq [8]byte
				copy(mreq[:], b)
				d.S("{imr_multiaddr=")
				d.inetAddr(unix.AF_INET, mreq[:4], "")
				d.S(", imr_interface=")
				d.inetAddr(unix.AF_INET, mreq[4:], "")
				d.S("}")
				return
			}
		case unix.SOL_IPV6:
			switch name {
			case unix.IPV6_ADD_MEMBERSHIP, unix.IPV6_DROP_MEMBERSHIP, unix.IPV6_JOIN_ANYCAST, unix.IPV6_LEAVE_ANYCAST:
				b, ok := d.Read(addr, 20)
				if n < 20 || !ok {
					d.Addr(addr)
					return
				}
				var mreq [20]byte
				copy(mreq[:], b)
				d.S("{")
				d.inetAddr(unix.AF_INET6, mreq[:16], "ipv6mr_multiaddr")
				d.S(", ipv6mr_interface=")
				d.ifindex(binary.LittleEndian.Uint32(mreq[16:]))
				d.S("}")
				return
			}
		case unix.SOL_NETLINK:
			if n < 4 {
				d.Addr(addr)
				return
			}
			d.intPtr(addr)
			return
		}
	}
	if n == 4 {
		d.intPtr(addr)
		return
	}
	d.Buf(addr, uint64(uint32(n)))
}

var (
	// SockLevel prints a socket option level: SOL_SOCKET…
	SockLevel = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.Value(socketLevels, uint64(uint32(c.Args[i])), "SOL_??")
	}}
	// SockoptName prints an option name by the level before it.
	SockoptName = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.sockoptName(uint32(c.Args[i-1]), uint32(c.Args[i]), c.Nr == unix.SYS_GETSOCKOPT)
	}}
	// SockoptIn prints setsockopt's optval at entry by the level and
	// name before it; its length is the next argument.
	SockoptIn = &Arg{Print: func(d *Decoder, c *Call, i int) {
		d.setsockoptVal(uint32(c.Args[i-2]), uint32(c.Args[i-1]), c.Args[i], int32(c.Args[i+1]))
	}}
	// SockoptOut prints getsockopt's optval at exit, by the level and
	// name before it, cut to the length the call returned in *optlen
	// (the next argument). At entry it keeps *optlen's value.
	SockoptOut = &Arg{AtExit: true, Save: saveOptlen, Print: func(d *Decoder, c *Call, i int) {
		if c.Saved[savedState] == sockNoLen {
			d.Addr(c.Args[i])
			return
		}
		var rlen uint32
		ok := false
		if !c.Failed() {
			rlen, ok = d.ReadU32(c.Args[i+1])
		}
		if !ok {
			c.Saved[savedState] = sockFailed
			d.Addr(c.Args[i])
			return
		}
		c.Saved[savedRlen] = uint64(rlen)
		d.getsockoptVal(uint32(c.Args[i-2]), uint32(c.Args[i-1]), c.Args[i], int32(c.Saved[savedSocklen]), int32(rlen))
	}}
)

// saveOptlen keeps getsockopt's *optlen (the argument after arg i) at
// entry; unlike a socket address, a NULL optval still has its length.
func saveOptlen(d *Decoder, c *Call, i int) {
	c.Saved[savedState] = sockNoLen
	c.Saved[savedSocklen] = 0
	if c.Args[i+1] == 0 {
		return
	}
	if v, ok := d.ReadU32(c.Args[i+1]); ok {
		c.Saved[savedSocklen] = uint64(v)
		c.Saved[savedState] = sockDecoded
	}
}
