/* net_netlink2: RTM_*LINK attributes strace decodes in nested forms: an
 * RTM_GETLINK for lo (ifindex 1) with IFLA_EXT_MASK and its reply, then
 * made-up RTM_NEWLINK messages sent to a port no socket binds (the kernel
 * never reads them): IFLA_LINKINFO of bridge, tun, can and other kinds,
 * IFLA_VFINFO_LIST, IFLA_VF_PORTS, IFLA_PORT_SELF, IFLA_PROP_LIST,
 * IFLA_PROTO_DOWN_REASON, IFLA_XDP flags, IFLA_EVENT, and an AF_BRIDGE
 * message's IFLA_PROTINFO and IFLA_AF_SPEC, with values strace names and
 * values it does not, sizes that fit no structure and truncated nests.
 * Then an RTM_GETRULE dump (AF_INET) and RTM_GETNETCONF for lo with their
 * replies, and made-up neighbour, rule
 * and netconf messages with every attribute strace 6.1 decodes.
 * The socket binds a fixed port id. Nothing here changes the machine's
 * network configuration. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char buf[32768];
static char nl[8192];
static int fd;
static struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
static struct sockaddr_nl nobody = { .nl_family = AF_NETLINK, .nl_pid = 296423 };

/* nla_put appends an attribute of len bytes at *off in b (val NULL: the
 * header alone, for a nest closed by nla_end) and returns its offset. */
static size_t nla_put(char *b, size_t *off, unsigned short type, const void *val, unsigned short len)
{
	size_t at = *off;
	struct nlattr *a = (struct nlattr *)(b + at);
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	if (val)
		memcpy(b + at + NLA_HDRLEN, val, len);
	*off = at + NLA_ALIGN(a->nla_len);
	return at;
}

/* nla_end sets the length of the nest at offset at, up to *off. */
static void nla_end(char *b, size_t at, size_t off)
{
	((struct nlattr *)(b + at))->nla_len = off - at;
}

/* start returns the offset of the first attribute after an ifinfomsg. */
static size_t start(void)
{
	memset(nl, 0, sizeof nl);
	return NLMSG_SPACE(sizeof(struct ifinfomsg));
}

/* send_link sends the RTM_NEWLINK of off bytes in nl to nobody. */
static void send_link(unsigned char family, size_t off, unsigned int seq)
{
	struct nlmsghdr *h = (struct nlmsghdr *)nl;
	h->nlmsg_len = off;
	h->nlmsg_type = RTM_NEWLINK;
	h->nlmsg_flags = NLM_F_REQUEST;
	h->nlmsg_seq = seq;
	((struct ifinfomsg *)NLMSG_DATA(h))->ifi_family = family;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
}

/* recv_all reads replies until NLMSG_DONE, an error message or a reply
 * that is not a dump part. */
static void recv_all(void)
{
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof buf, 0);
		if (n <= 0)
			return;
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		int more = 0;
		for (; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				return;
			if (h->nlmsg_flags & NLM_F_MULTI)
				more = 1;
		}
		if (!more)
			return;
	}
}

int main(void)
{
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl local = { .nl_family = AF_NETLINK, .nl_pid = 296420 };
	bind(fd, (struct sockaddr *)&local, sizeof local);

	/* RTM_GETLINK for lo with IFLA_EXT_MASK, and its reply. */
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
		struct nlattr a;
		unsigned int mask;
	} link_req = {
		{ sizeof link_req, RTM_GETLINK, NLM_F_REQUEST, 2001, 0 },
		{ .ifi_family = AF_UNSPEC, .ifi_index = 1 },
		{ NLA_HDRLEN + 4, IFLA_EXT_MASK },
		RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS,
	};
	sendto(fd, &link_req, sizeof link_req, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv(fd, buf, sizeof buf, 0);

	unsigned int u32 = 0x10001, mask = 0xff | 0x100, ev = 5, big = 0x7fffffff;
	unsigned short u16 = 0x81;
	unsigned char u8 = 7;
	unsigned long long u64 = 12345, zero64 = 0;
	unsigned char id[8] = { 0x80, 0, 2, 0, 0, 0, 0, 1 };
	unsigned char mac[6] = { 1, 2, 3, 4, 5, 6 };
	unsigned int words[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	/* Plain and nested IFLA_* attributes. */
	size_t off = start(), nest;
	nla_put(nl, &off, IFLA_EXT_MASK, &mask, 4);
	nla_put(nl, &off, IFLA_EXT_MASK, &u16, 2);
	nla_put(nl, &off, IFLA_EVENT, &ev, 4);
	nla_put(nl, &off, IFLA_EVENT, &big, 4);
	nla_put(nl, &off, IFLA_EVENT, &u16, 2);
	nla_put(nl, &off, IFLA_PROTINFO, &u32, 4);
	nla_put(nl, &off, IFLA_PHYS_PORT_ID, &u32, 4);
	nest = nla_put(nl, &off, IFLA_PROP_LIST | NLA_F_NESTED, NULL, 0);
	nla_put(nl, &off, IFLA_ALT_IFNAME, "altname0", 9);
	nla_put(nl, &off, IFLA_MTU, &u32, 4);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_PROTO_DOWN_REASON, NULL, 0);
	nla_put(nl, &off, IFLA_PROTO_DOWN_REASON_MASK, &u32, 4);
	nla_put(nl, &off, IFLA_PROTO_DOWN_REASON_VALUE, &u16, 2);
	nla_put(nl, &off, 3, &u32, 4);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_XDP, NULL, 0);
	nla_put(nl, &off, IFLA_XDP_FLAGS, &mask, 4);
	nla_put(nl, &off, IFLA_XDP_FLAGS, &big, 4);
	nla_end(nl, nest, off);
	send_link(AF_UNSPEC, off, 2002);

	/* IFLA_LINKINFO of a bridge and a bridge port. */
	off = start();
	nest = nla_put(nl, &off, IFLA_LINKINFO, NULL, 0);
	nla_put(nl, &off, IFLA_INFO_KIND, "bridge", 7);
	size_t data = nla_put(nl, &off, IFLA_INFO_DATA, NULL, 0);
	nla_put(nl, &off, IFLA_BR_FORWARD_DELAY, &u32, 4);
	nla_put(nl, &off, IFLA_BR_AGEING_TIME, &zero64, 4);
	nla_put(nl, &off, IFLA_BR_STP_STATE, &u32, 4);
	nla_put(nl, &off, IFLA_BR_PRIORITY, &u16, 2);
	nla_put(nl, &off, IFLA_BR_VLAN_FILTERING, &u8, 1);
	unsigned short proto = htons(0x8100), odd_proto = htons(0x1234);
	nla_put(nl, &off, IFLA_BR_VLAN_PROTOCOL, &proto, 2);
	nla_put(nl, &off, IFLA_BR_VLAN_PROTOCOL, &odd_proto, 2);
	nla_put(nl, &off, IFLA_BR_GROUP_FWD_MASK, &u16, 2);
	nla_put(nl, &off, IFLA_BR_ROOT_ID, id, 8);
	nla_put(nl, &off, IFLA_BR_BRIDGE_ID, id, 7);
	nla_put(nl, &off, IFLA_BR_ROOT_PORT, &u16, 2);
	nla_put(nl, &off, IFLA_BR_HELLO_TIMER, &u64, 8);
	nla_put(nl, &off, IFLA_BR_GC_TIMER, &u64, 12);
	nla_put(nl, &off, IFLA_BR_GROUP_ADDR, mac, 6);
	nla_put(nl, &off, IFLA_BR_FDB_FLUSH, &u8, 1);
	nla_put(nl, &off, IFLA_BR_MCAST_HASH_MAX, &u32, 4);
	nla_put(nl, &off, IFLA_BR_MCAST_QUERY_INTVL, &u64, 8);
	nla_put(nl, &off, IFLA_BR_NF_CALL_ARPTABLES, &u8, 1);
	nla_put(nl, &off, IFLA_BR_VLAN_DEFAULT_PVID, &u16, 2);
	nla_put(nl, &off, IFLA_BR_VLAN_STATS_PER_PORT, &u8, 1);
	unsigned int bo[2] = { 3, 0x80000001 }, bo2[2] = { 0xff, 0 };
	nla_put(nl, &off, 46 /* IFLA_BR_MULTI_BOOLOPT */, bo, 8);
	nla_put(nl, &off, 46 /* IFLA_BR_MULTI_BOOLOPT */, bo2, 8);
	nla_put(nl, &off, 46 /* IFLA_BR_MULTI_BOOLOPT */, bo2, 4);
	size_t q = nla_put(nl, &off, 47 /* IFLA_BR_MCAST_QUERIER_STATE */, NULL, 0);
	struct in_addr a4 = { htonl(0x7f000001) };
	struct in6_addr a6 = IN6ADDR_LOOPBACK_INIT;
	nla_put(nl, &off, 1, &a4, 4);
	nla_put(nl, &off, 2, &u32, 4);
	nla_put(nl, &off, 3, &u64, 8);
	nla_put(nl, &off, 4, &u32, 4);
	nla_put(nl, &off, 5, &a6, 16);
	unsigned int lo = 1;
	nla_put(nl, &off, 6, &lo, 4);
	nla_put(nl, &off, 7, &zero64, 8);
	nla_put(nl, &off, 8, &u32, 4);
	nla_end(nl, q, off);
	nla_put(nl, &off, 48, &u32, 4);
	nla_end(nl, data, off);
	nla_put(nl, &off, IFLA_INFO_XSTATS, &u32, 4);
	nla_put(nl, &off, IFLA_INFO_SLAVE_KIND, "bridge", 7);
	data = nla_put(nl, &off, IFLA_INFO_SLAVE_DATA, NULL, 0);
	nla_put(nl, &off, IFLA_BRPORT_STATE, &u8, 1);
	nla_put(nl, &off, IFLA_BRPORT_MESSAGE_AGE_TIMER, &u64, 8);
	nla_put(nl, &off, IFLA_BRPORT_GROUP_FWD_MASK, &u16, 2);
	nla_end(nl, data, off);
	nla_put(nl, &off, 6, &u32, 4);
	nla_end(nl, nest, off);
	send_link(AF_UNSPEC, off, 2003);

	/* IFLA_LINKINFO of tun, can, and kinds strace has no decoder for. */
	off = start();
	nest = nla_put(nl, &off, IFLA_LINKINFO, NULL, 0);
	nla_put(nl, &off, IFLA_INFO_KIND, "tun", 4);
	data = nla_put(nl, &off, IFLA_INFO_DATA, NULL, 0);
	unsigned int uid = 1000, nouid = -1;
	nla_put(nl, &off, IFLA_TUN_OWNER, &uid, 4);
	nla_put(nl, &off, IFLA_TUN_GROUP, &nouid, 4);
	u8 = 2;
	nla_put(nl, &off, IFLA_TUN_TYPE, &u8, 1);
	u8 = 9;
	nla_put(nl, &off, IFLA_TUN_TYPE, &u8, 1);
	u8 = 1;
	nla_put(nl, &off, IFLA_TUN_PI, &u8, 1);
	nla_put(nl, &off, IFLA_TUN_PERSIST, &u8, 1);
	nla_put(nl, &off, IFLA_TUN_NUM_QUEUES, &u32, 4);
	nla_put(nl, &off, IFLA_TUN_NUM_DISABLED_QUEUES, &u16, 2);
	nla_put(nl, &off, 10, &u32, 4);
	nla_end(nl, data, off);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_LINKINFO, NULL, 0);
	nla_put(nl, &off, IFLA_INFO_KIND, "can", 4);
	nla_put(nl, &off, IFLA_INFO_XSTATS, words, 24);
	nla_put(nl, &off, IFLA_INFO_XSTATS, words, 20);
	nla_put(nl, &off, IFLA_INFO_DATA, words, 8);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_LINKINFO | NLA_F_NESTED, NULL, 0);
	nla_put(nl, &off, IFLA_INFO_KIND, "ifb", 3);
	nla_put(nl, &off, IFLA_INFO_DATA, words, 8);
	nla_put(nl, &off, IFLA_INFO_SLAVE_KIND, "bond", 5);
	nla_put(nl, &off, IFLA_INFO_SLAVE_DATA, words, 8);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_LINKINFO, NULL, 0);
	nla_put(nl, &off, IFLA_INFO_KIND, "veth\0bridge", 12);
	nla_put(nl, &off, IFLA_INFO_DATA, words, 8);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_LINKINFO, NULL, 0);
	nla_put(nl, &off, IFLA_INFO_KIND, "bridge", 7);
	nla_put(nl, &off, IFLA_INFO_DATA, words, 2);
	nla_end(nl, nest, off);
	send_link(AF_UNSPEC, off, 2004);

	/* SR-IOV: IFLA_VFINFO_LIST, IFLA_VF_PORTS, IFLA_PORT_SELF. */
	off = start();
	nest = nla_put(nl, &off, IFLA_VFINFO_LIST, NULL, 0);
	size_t vf = nla_put(nl, &off, IFLA_VF_INFO, NULL, 0);
	struct ifla_vf_mac vm = { .vf = 1, .mac = { 1, 2, 3, 4, 5, 6 } };
	nla_put(nl, &off, IFLA_VF_MAC, &vm, sizeof vm);
	struct ifla_vf_vlan vv = { 1, 2, 3 };
	nla_put(nl, &off, IFLA_VF_VLAN, &vv, sizeof vv);
	struct ifla_vf_tx_rate tr = { 1, 1000 };
	nla_put(nl, &off, IFLA_VF_TX_RATE, &tr, sizeof tr);
	struct ifla_vf_spoofchk sc = { 1, 1 };
	nla_put(nl, &off, IFLA_VF_SPOOFCHK, &sc, sizeof sc);
	struct ifla_vf_link_state ls = { 1, 2 }, ls2 = { 2, 7 };
	nla_put(nl, &off, IFLA_VF_LINK_STATE, &ls, sizeof ls);
	nla_put(nl, &off, IFLA_VF_LINK_STATE, &ls2, sizeof ls2);
	struct ifla_vf_rate rt = { 1, 10, 20 };
	nla_put(nl, &off, IFLA_VF_RATE, &rt, sizeof rt);
	nla_put(nl, &off, IFLA_VF_RATE, &rt, 8);
	nla_put(nl, &off, IFLA_VF_RSS_QUERY_EN, &sc, sizeof sc);
	size_t st = nla_put(nl, &off, IFLA_VF_STATS, NULL, 0);
	nla_put(nl, &off, IFLA_VF_STATS_RX_PACKETS, &u64, 8);
	nla_put(nl, &off, IFLA_VF_STATS_PAD, &u64, 8);
	nla_put(nl, &off, IFLA_VF_STATS_TX_DROPPED, &u64, 8);
	nla_put(nl, &off, 9, &u64, 8);
	nla_end(nl, st, off);
	nla_put(nl, &off, IFLA_VF_TRUST, &sc, sizeof sc);
	unsigned int guid[4] = { 3, 0x11223344, 0x55667788, 0x99aabbcc };
	nla_put(nl, &off, IFLA_VF_IB_NODE_GUID, guid, 12);
	nla_put(nl, &off, IFLA_VF_IB_PORT_GUID, guid, 16);
	nla_put(nl, &off, IFLA_VF_IB_PORT_GUID, guid, 8);
	st = nla_put(nl, &off, IFLA_VF_VLAN_LIST, NULL, 0);
	struct ifla_vf_vlan_info vi = { 1, 100, 2, htons(0x88a8) };
	nla_put(nl, &off, IFLA_VF_VLAN_INFO, &vi, sizeof vi);
	vi.vlan_proto = htons(0x4321);
	nla_put(nl, &off, IFLA_VF_VLAN_INFO, &vi, sizeof vi);
	nla_put(nl, &off, 2, &vi, sizeof vi);
	nla_end(nl, st, off);
	struct ifla_vf_broadcast vb = { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
	nla_put(nl, &off, IFLA_VF_BROADCAST, &vb, sizeof vb);
	nla_put(nl, &off, 14, &u32, 4);
	nla_end(nl, vf, off);
	nla_put(nl, &off, 2, &u32, 4);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_VF_PORTS, NULL, 0);
	vf = nla_put(nl, &off, IFLA_VF_PORT, NULL, 0);
	nla_put(nl, &off, IFLA_PORT_VF, &u32, 4);
	nla_put(nl, &off, IFLA_PORT_PROFILE, "prof", 5);
	struct ifla_port_vsi vsi = { 1, { 2, 3, 4 }, 5, { 0 } };
	nla_put(nl, &off, IFLA_PORT_VSI_TYPE, &vsi, sizeof vsi);
	vsi.pad[0] = 0x1f;
	nla_put(nl, &off, IFLA_PORT_VSI_TYPE, &vsi, sizeof vsi);
	nla_put(nl, &off, IFLA_PORT_INSTANCE_UUID, mac, 6);
	nla_put(nl, &off, IFLA_PORT_REQUEST, &u8, 1);
	nla_put(nl, &off, IFLA_PORT_RESPONSE, &u16, 2);
	nla_put(nl, &off, 8, &u16, 2);
	nla_end(nl, vf, off);
	nla_put(nl, &off, 2, &u32, 4);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_PORT_SELF, NULL, 0);
	nla_put(nl, &off, IFLA_PORT_VF, &u32, 4);
	nla_put(nl, &off, IFLA_PORT_RESPONSE, &u16, 2);
	nla_end(nl, nest, off);
	send_link(AF_UNSPEC, off, 2005);

	/* AF_BRIDGE: IFLA_PROTINFO's IFLA_BRPORT_* and IFLA_AF_SPEC's
	 * IFLA_BRIDGE_*. */
	off = start();
	nest = nla_put(nl, &off, IFLA_PROTINFO | NLA_F_NESTED, NULL, 0);
	nla_put(nl, &off, IFLA_BRPORT_STATE, &u8, 1);
	nla_put(nl, &off, IFLA_BRPORT_PRIORITY, &u16, 2);
	nla_put(nl, &off, IFLA_BRPORT_COST, &u32, 4);
	nla_put(nl, &off, IFLA_BRPORT_MODE, &u8, 1);
	nla_put(nl, &off, IFLA_BRPORT_ROOT_ID, id, 8);
	nla_put(nl, &off, IFLA_BRPORT_DESIGNATED_COST, &u16, 2);
	nla_put(nl, &off, IFLA_BRPORT_MESSAGE_AGE_TIMER, &u64, 8);
	nla_put(nl, &off, IFLA_BRPORT_HOLD_TIMER, &zero64, 8);
	nla_put(nl, &off, IFLA_BRPORT_FLUSH, &u8, 1);
	nla_put(nl, &off, IFLA_BRPORT_GROUP_FWD_MASK, &u16, 2);
	nla_put(nl, &off, IFLA_BRPORT_BACKUP_PORT, &lo, 4);
	nla_put(nl, &off, IFLA_BRPORT_BACKUP_PORT, &u32, 4);
	nla_put(nl, &off, IFLA_BRPORT_MCAST_EHT_HOSTS_CNT, &u32, 4);
	nla_put(nl, &off, 39 /* IFLA_BRPORT_LOCKED */, &u8, 1);
	nla_put(nl, &off, 40, &u8, 1);
	nla_put(nl, &off, 41, &u32, 4);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_AF_SPEC | NLA_F_NESTED, NULL, 0);
	nla_put(nl, &off, 0 /* IFLA_BRIDGE_FLAGS */, &u16, 2);
	unsigned short mode = 1, undef = 0xffff, vinfo[3] = { 6, 100, 0xabcd };
	nla_put(nl, &off, 1 /* IFLA_BRIDGE_MODE */, &mode, 2);
	nla_put(nl, &off, 1 /* IFLA_BRIDGE_MODE */, &undef, 2);
	nla_put(nl, &off, 1 /* IFLA_BRIDGE_MODE */, &u16, 2);
	nla_put(nl, &off, 2 /* IFLA_BRIDGE_VLAN_INFO */, vinfo, 4);
	vinfo[0] = 0xff;
	nla_put(nl, &off, 2 /* IFLA_BRIDGE_VLAN_INFO */, vinfo, 6);
	q = nla_put(nl, &off, 3 /* IFLA_BRIDGE_VLAN_TUNNEL_INFO */, NULL, 0);
	nla_put(nl, &off, 1, &u32, 4);
	nla_put(nl, &off, 2, &u16, 2);
	nla_put(nl, &off, 3, &u16, 2);
	nla_put(nl, &off, 4, &u16, 2);
	nla_end(nl, q, off);
	nla_put(nl, &off, 4 /* IFLA_BRIDGE_MRP */, &u32, 4);
	nla_put(nl, &off, 7, &u32, 4);
	nla_end(nl, nest, off);
	send_link(AF_BRIDGE, off, 2006);

	/* Other families' IFLA_PROTINFO, IFLA_AF_SPEC with AF_MCTP, and a
	 * nest whose length runs past the message. */
	off = start();
	nest = nla_put(nl, &off, IFLA_PROTINFO | NLA_F_NESTED, NULL, 0);
	nla_put(nl, &off, IFLA_BRPORT_STATE, &u8, 1);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_AF_SPEC, NULL, 0);
	q = nla_put(nl, &off, AF_MCTP, NULL, 0);
	nla_put(nl, &off, 1 /* IFLA_MCTP_NET */, &u32, 4);
	nla_end(nl, q, off);
	nla_end(nl, nest, off);
	nest = nla_put(nl, &off, IFLA_LINKINFO, NULL, 0);
	nla_put(nl, &off, IFLA_INFO_KIND, "bridge", 7);
	data = nla_put(nl, &off, IFLA_INFO_DATA, NULL, 0);
	nla_put(nl, &off, IFLA_BR_MAX_AGE, &u32, 4);
	nla_end(nl, data, off + 16);
	nla_end(nl, nest, off + 16);
	send_link(AF_INET, off, 2007);

	/* A dump and a request whose replies are the same on every machine:
	 * the default IPv4 rules, lo's IPv4 netconf. */
	struct {
		struct nlmsghdr h;
		struct fib_rule_hdr r;
	} rule_req = {
		{ sizeof rule_req, RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP, 2101, 0 },
		{ .family = AF_INET },
	};
	sendto(fd, &rule_req, sizeof rule_req, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all();
	struct {
		struct nlmsghdr h;
		struct netconfmsg c;
		char pad[3];
		struct nlattr a;
		int ifindex;
	} conf_req = {
		{ sizeof conf_req, RTM_GETNETCONF, NLM_F_REQUEST, 2102, 0 },
		{ AF_INET }, { 0 },
		{ NLA_HDRLEN + 4, NETCONFA_IFINDEX }, 1,
	};
	sendto(fd, &conf_req, sizeof conf_req, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all();

	/* Made-up RTM_NEWNEIGH messages: AF_INET, AF_INET6, AF_BRIDGE (an
	 * FDB entry), a GETNEIGH of AF_BRIDGE (an ifinfomsg) and one too
	 * short. */
	struct ndmsg nd = { .ndm_family = AF_INET, .ndm_ifindex = 1, .ndm_state = NUD_REACHABLE | NUD_PERMANENT | 0x100,
			    .ndm_flags = NTF_SELF | NTF_ROUTER, .ndm_type = RTN_UNICAST };
	off = NLMSG_SPACE(sizeof nd);
	memset(nl, 0, sizeof nl);
	memcpy(NLMSG_DATA(nl), &nd, sizeof nd);
	nla_put(nl, &off, NDA_DST, &a4, 4);
	nla_put(nl, &off, NDA_DST, &a4, 2);
	nla_put(nl, &off, NDA_LLADDR, mac, 6);
	struct nda_cacheinfo ci = { 1, 2, 3, 4 };
	nla_put(nl, &off, NDA_CACHEINFO, &ci, sizeof ci);
	nla_put(nl, &off, NDA_PROBES, &u32, 4);
	nla_put(nl, &off, NDA_VLAN, &u16, 2);
	unsigned short port = htons(4789);
	nla_put(nl, &off, NDA_PORT, &port, 2);
	nla_put(nl, &off, NDA_VNI, &u32, 4);
	nla_put(nl, &off, NDA_IFINDEX, &lo, 4);
	nla_put(nl, &off, NDA_MASTER, &u32, 4);
	nla_put(nl, &off, NDA_LINK_NETNSID, &u32, 4);
	nla_put(nl, &off, NDA_SRC_VNI, &u32, 4);
	u8 = IPPROTO_TCP;
	nla_put(nl, &off, NDA_PROTOCOL, &u8, 1);
	nla_put(nl, &off, 13 /* NDA_NH_ID */, &u32, 4);
	q = nla_put(nl, &off, 14 /* NDA_FDB_EXT_ATTRS */, NULL, 0);
	u8 = 3;
	nla_put(nl, &off, 1 /* NFEA_ACTIVITY_NOTIFY */, &u8, 1);
	u8 = 0x84;
	nla_put(nl, &off, 1 /* NFEA_ACTIVITY_NOTIFY */, &u8, 1);
	nla_put(nl, &off, 2 /* NFEA_DONT_REFRESH */, &u8, 1);
	nla_end(nl, q, off);
	unsigned int ext = 0x7;
	nla_put(nl, &off, 15 /* NDA_FLAGS_EXT */, &ext, 4);
	unsigned short smask = 0, smask2 = 0x1ff;
	nla_put(nl, &off, 16 /* NDA_NDM_STATE_MASK */, &smask, 2);
	nla_put(nl, &off, 16 /* NDA_NDM_STATE_MASK */, &smask2, 2);
	u8 = 0xff;
	nla_put(nl, &off, 17 /* NDA_NDM_FLAGS_MASK */, &u8, 1);
	nla_put(nl, &off, 18, &u32, 4);
	struct nlmsghdr *h = (struct nlmsghdr *)nl;
	h->nlmsg_len = off;
	h->nlmsg_type = RTM_NEWNEIGH;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE;
	h->nlmsg_seq = 2104;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	nd.ndm_family = AF_INET6;
	nd.ndm_state = 0;
	nd.ndm_flags = 0;
	nd.ndm_type = 77;
	off = NLMSG_SPACE(sizeof nd);
	memcpy(NLMSG_DATA(nl), &nd, sizeof nd);
	nla_put(nl, &off, NDA_DST, &a6, 16);
	h->nlmsg_len = off;
	h->nlmsg_type = RTM_DELNEIGH;
	h->nlmsg_seq = 2105;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	nd.ndm_family = AF_BRIDGE;
	h->nlmsg_type = RTM_GETNEIGH;
	h->nlmsg_seq = 2106;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	h->nlmsg_len = NLMSG_HDRLEN + 8;
	h->nlmsg_type = RTM_NEWNEIGH;
	h->nlmsg_seq = 2107;
	sendto(fd, nl, h->nlmsg_len, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);

	/* A made-up RTM_NEWRULE with every FRA_* strace 6.1 decodes. */
	struct fib_rule_hdr fr = { .family = AF_INET, .dst_len = 32, .src_len = 8, .tos = 0x10, .table = RT_TABLE_MAIN,
				   .action = FR_ACT_GOTO, .flags = FIB_RULE_INVERT | FIB_RULE_FIND_SADDR | 0x100 };
	memset(nl, 0, sizeof nl);
	off = NLMSG_SPACE(sizeof fr);
	memcpy(NLMSG_DATA(nl), &fr, sizeof fr);
	nla_put(nl, &off, FRA_DST, &a4, 4);
	nla_put(nl, &off, FRA_SRC, &a4, 4);
	nla_put(nl, &off, FRA_IIFNAME, "lo", 3);
	nla_put(nl, &off, FRA_OIFNAME, "eth0", 4);
	nla_put(nl, &off, FRA_GOTO, &u32, 4);
	nla_put(nl, &off, FRA_PRIORITY, &u32, 4);
	nla_put(nl, &off, FRA_FWMARK, &u32, 4);
	nla_put(nl, &off, FRA_FLOW, &u32, 4);
	unsigned long long tun = 0x0102030405060708ULL;
	nla_put(nl, &off, FRA_TUN_ID, &tun, 8);
	nla_put(nl, &off, FRA_SUPPRESS_IFGROUP, &u32, 4);
	nla_put(nl, &off, FRA_SUPPRESS_PREFIXLEN, &big, 4);
	unsigned int table = 1000;
	nla_put(nl, &off, FRA_TABLE, &table, 4);
	table = RT_TABLE_LOCAL;
	nla_put(nl, &off, FRA_TABLE, &table, 4);
	nla_put(nl, &off, FRA_FWMASK, &u32, 4);
	u8 = 1;
	nla_put(nl, &off, FRA_L3MDEV, &u8, 1);
	struct fib_rule_uid_range ur = { 1000, 2000 };
	nla_put(nl, &off, FRA_UID_RANGE, &ur, sizeof ur);
	u8 = RTPROT_BOOT;
	nla_put(nl, &off, FRA_PROTOCOL, &u8, 1);
	u8 = 250;
	nla_put(nl, &off, FRA_PROTOCOL, &u8, 1);
	u8 = IPPROTO_UDP;
	nla_put(nl, &off, FRA_IP_PROTO, &u8, 1);
	struct fib_rule_port_range pr = { 1024, 65535 };
	nla_put(nl, &off, FRA_SPORT_RANGE, &pr, sizeof pr);
	nla_put(nl, &off, FRA_DPORT_RANGE, &pr, 2);
	nla_put(nl, &off, 25, &u8, 1);
	h->nlmsg_len = off;
	h->nlmsg_type = RTM_NEWRULE;
	h->nlmsg_flags = NLM_F_REQUEST;
	h->nlmsg_seq = 2108;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	fr.family = AF_INET6;
	fr.action = 99;
	fr.table = 7;
	off = NLMSG_SPACE(sizeof fr);
	memcpy(NLMSG_DATA(nl), &fr, sizeof fr);
	nla_put(nl, &off, FRA_DST, &a6, 16);
	h->nlmsg_len = off;
	h->nlmsg_type = RTM_DELRULE;
	h->nlmsg_seq = 2109;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	/* RTA_TABLE and FRA_TABLE print unknown tables alike. */
	h->nlmsg_type = RTM_NEWROUTE;
	h->nlmsg_seq = 2112;
	off = NLMSG_SPACE(sizeof(struct rtmsg));
	table = 1000;
	nla_put(nl, &off, RTA_TABLE, &table, 4);
	h->nlmsg_len = off;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);

	/* A made-up RTM_NEWNETCONF, and one with the header alone. */
	memset(nl, 0, sizeof nl);
	off = NLMSG_SPACE(sizeof(struct netconfmsg));
	((struct netconfmsg *)NLMSG_DATA(nl))->ncm_family = AF_INET6;
	int all = NETCONFA_IFINDEX_ALL, minus = -5;
	nla_put(nl, &off, NETCONFA_IFINDEX, &all, 4);
	nla_put(nl, &off, NETCONFA_IFINDEX, &lo, 4);
	for (int t = NETCONFA_FORWARDING; t <= 9; t++)
		nla_put(nl, &off, t, &minus, 4);
	nla_put(nl, &off, NETCONFA_FORWARDING, &u16, 2);
	h->nlmsg_len = off;
	h->nlmsg_type = RTM_NEWNETCONF;
	h->nlmsg_flags = NLM_F_REQUEST;
	h->nlmsg_seq = 2110;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	h->nlmsg_len = NLMSG_HDRLEN + 1;
	h->nlmsg_seq = 2111;
	sendto(fd, nl, h->nlmsg_len, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	close(fd);
	return 0;
}
