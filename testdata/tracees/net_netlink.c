/* net_netlink: netlink requests with fixed sequence numbers and their
 * replies, through sendto/recvfrom and sendmsg/recvmsg: an RTM_GETADDR
 * dump, RTM_GETLINK for ifindex 1, an RTM_GETROUTE for 127.0.0.1,
 * requests the kernel answers with NLMSG_ERROR, several messages in one
 * buffer, short and truncated buffers, a message split across iovecs, a
 * protocol strace does not decode, and a sock_diag request for a
 * listening TCP socket on 127.0.0.1:29641 (fixed port), and a made-up
 * RTM_NEWLINK with every IFLA_AF_SPEC shape sent to a port no socket
 * binds (the kernel never reads it). The route and
 * sock_diag sockets bind fixed port ids, so the replies' bytes are the same
 * in every run; the NETLINK_USERSOCK one stays unbound, so its protocol is
 * unknown at its sendto (as strace finds it through sock_diag). Nothing
 * here changes the machine's network configuration. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

static char buf[32768];

static struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };

/* recv_all reads replies with recvfrom until NLMSG_DONE, an error
 * message or a reply that is not a dump part. */
static void recv_all(int fd)
{
	for (;;) {
		socklen_t alen = sizeof kernel;
		struct sockaddr_nl from;
		ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &alen);
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

/* recvmsg_one reads one reply with recvmsg into one iovec. */
static ssize_t recvmsg_one(int fd, int flags)
{
	struct sockaddr_nl from;
	struct iovec iov = { buf, sizeof buf };
	struct msghdr m = { &from, sizeof from, &iov, 1, NULL, 0, 0 };
	return recvmsg(fd, &m, flags);
}

int main(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl local = { .nl_family = AF_NETLINK, .nl_pid = 296410 };
	bind(fd, (struct sockaddr *)&local, sizeof local);

	/* RTM_GETADDR dump (what getaddrinfo's AI_ADDRCONFIG sends). */
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg a;
	} addr_req = {
		{ sizeof addr_req, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1000, 0 },
		{ .ifa_family = AF_UNSPEC },
	};
	sendto(fd, &addr_req, sizeof addr_req, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all(fd);

	/* RTM_GETLINK for ifindex 1 (lo), through sendmsg/recvmsg. */
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
	} link_req = {
		{ sizeof link_req, RTM_GETLINK, NLM_F_REQUEST, 1001, 0 },
		{ .ifi_family = AF_UNSPEC, .ifi_index = 1 },
	};
	struct iovec liov = { &link_req, sizeof link_req };
	struct msghdr lm = { &kernel, sizeof kernel, &liov, 1, NULL, 0, 0 };
	sendmsg(fd, &lm, 0);
	recvmsg_one(fd, 0);

	/* RTM_GETROUTE for 127.0.0.1 with RTA_DST. */
	struct {
		struct nlmsghdr h;
		struct rtmsg r;
		struct rtattr a;
		struct in_addr dst;
	} route_req = {
		{ sizeof route_req, RTM_GETROUTE, NLM_F_REQUEST, 1002, 0 },
		{ .rtm_family = AF_INET, .rtm_dst_len = 32 },
		{ RTA_LENGTH(4), RTA_DST },
		{ htonl(INADDR_LOOPBACK) },
	};
	sendto(fd, &route_req, sizeof route_req, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all(fd);

	/* RTM_GETLINK for a missing interface: NLMSG_ERROR -ENODEV. */
	link_req.h.nlmsg_seq = 1003;
	link_req.i.ifi_index = 0x7ffffff0;
	sendto(fd, &link_req, sizeof link_req, 0, NULL, 0);
	recv_all(fd);

	/* Two requests in one buffer: NLMSG_NOOP and RTM_GETADDR without
	 * NLM_F_DUMP, both with NLM_F_ACK: an ack (error=0) and
	 * -EOPNOTSUPP. */
	struct {
		struct nlmsghdr noop;
		struct nlmsghdr get;
		struct ifaddrmsg a;
	} two = {
		{ sizeof(struct nlmsghdr), NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, 1004, 0 },
		{ sizeof(struct nlmsghdr) + sizeof(struct ifaddrmsg), RTM_GETADDR,
		  NLM_F_REQUEST | NLM_F_ACK, 1005, 0 },
		{ .ifa_family = AF_INET },
	};
	sendto(fd, &two, sizeof two, 0, NULL, 0);
	recvmsg_one(fd, MSG_DONTWAIT);
	recvmsg_one(fd, MSG_DONTWAIT);
	recvmsg_one(fd, MSG_DONTWAIT);

	/* Extended acks with strict checking: the error carries
	 * NLMSGERR_ATTR_MSG. */
	int one = 1;
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one);
	setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof one);
	addr_req.h.nlmsg_seq = 1006;
	addr_req.a.ifa_prefixlen = 8;
	sendto(fd, &addr_req, sizeof addr_req, 0, NULL, 0);
	recv_all(fd);

	/* Short and truncated buffers: shorter than a header, and a header
	 * whose nlmsg_len says more than was sent (the kernel drops both). */
	sendto(fd, &addr_req, 10, 0, NULL, 0);
	addr_req.h.nlmsg_len = 200;
	sendto(fd, &addr_req, sizeof addr_req, 0, NULL, 0);
	/* A garbage length below the header's size, then another message. */
	struct {
		struct nlmsghdr a;
		struct nlmsghdr b;
	} bad = {
		{ 3, RTM_NEWLINK, NLM_F_REQUEST, 1007, 0 },
		{ 16, 0x7f, 0x7700, 1008, 1 },
	};
	sendto(fd, &bad, sizeof bad, MSG_DONTWAIT, NULL, 0);
	recvmsg_one(fd, MSG_DONTWAIT);

	/* A reply split across two iovecs, and one peeked into a buffer too
	 * small for it (MSG_TRUNC returns its whole length). */
	link_req.h.nlmsg_seq = 1009;
	link_req.i.ifi_index = 1;
	sendto(fd, &link_req, sizeof link_req, 0, NULL, 0);
	char small[40];
	recvfrom(fd, small, sizeof small, MSG_PEEK | MSG_TRUNC, NULL, NULL);
	char part1[24];
	struct iovec split[2] = { { part1, sizeof part1 }, { buf, sizeof buf } };
	struct sockaddr_nl from;
	struct msghdr sm = { &from, sizeof from, split, 2, NULL, 0, 0 };
	recvmsg(fd, &sm, 0);
	/* recvmsg without msg_name. */
	link_req.h.nlmsg_seq = 1010;
	sendto(fd, &link_req, sizeof link_req, 0, NULL, 0);
	struct iovec whole = { buf, sizeof buf };
	struct msghdr nm = { NULL, 0, &whole, 1, NULL, 0, 0 };
	recvmsg(fd, &nm, 0);
	/* IFLA_AF_SPEC: AF_INET's and AF_INET6's attributes (names unknown
	 * to strace 6.1, arrays longer than -s, sizes that fit no value)
	 * and families strace prints as bytes. */
	static char nl[1024];
	int conf[40];
	for (int i = 0; i < 40; i++)
		conf[i] = i - 1;
	unsigned long long stats[2] = { 38, 18446744073709551615ULL };
	unsigned int flags = 0x800000f0, unknown_flag = 0x100, mtu = 1280;
	unsigned int cacheinfo[4] = { 65535, 22, 30000, 1000 };
	unsigned char token[16] = { 0xfe, 0x80, [15] = 1 }, gen_mode = 9;
	size_t off = NLMSG_SPACE(sizeof(struct ifinfomsg));
	size_t spec = nla_put(nl, &off, IFLA_AF_SPEC, NULL, 0);
	size_t fam = nla_put(nl, &off, AF_INET, NULL, 0);
	nla_put(nl, &off, IFLA_INET_CONF, conf, 3 * sizeof(int));
	nla_put(nl, &off, 2, &mtu, sizeof mtu);
	nla_end(nl, fam, off);
	fam = nla_put(nl, &off, AF_INET6 | NLA_F_NESTED, NULL, 0);
	nla_put(nl, &off, IFLA_INET6_FLAGS, &flags, sizeof flags);
	nla_put(nl, &off, IFLA_INET6_FLAGS, &unknown_flag, sizeof unknown_flag);
	nla_put(nl, &off, IFLA_INET6_CACHEINFO, cacheinfo, sizeof cacheinfo);
	nla_put(nl, &off, IFLA_INET6_CONF, conf, sizeof conf);
	nla_put(nl, &off, IFLA_INET6_STATS, stats, sizeof stats);
	nla_put(nl, &off, IFLA_INET6_ICMP6STATS, stats, 12);
	nla_put(nl, &off, IFLA_INET6_TOKEN, token, sizeof token);
	nla_put(nl, &off, IFLA_INET6_ADDR_GEN_MODE, &gen_mode, 1);
	nla_put(nl, &off, 9 /* IFLA_INET6_RA_MTU */, &mtu, sizeof mtu);
	nla_put(nl, &off, IFLA_INET6_MCAST, &mtu, sizeof mtu);
	nla_put(nl, &off, IFLA_INET6_CONF, conf, 3);
	nla_put(nl, &off, IFLA_INET6_CACHEINFO, cacheinfo, 15);
	nla_end(nl, fam, off);
	nla_put(nl, &off, AF_MPLS, &mtu, sizeof mtu);
	nla_put(nl, &off, AF_BRIDGE | NLA_F_NESTED, &mtu, sizeof mtu);
	nla_end(nl, spec, off);
	struct nlmsghdr *nh = (struct nlmsghdr *)nl;
	nh->nlmsg_len = off;
	nh->nlmsg_type = RTM_NEWLINK;
	nh->nlmsg_flags = NLM_F_REQUEST;
	nh->nlmsg_seq = 1013;
	struct sockaddr_nl nobody = { .nl_family = AF_NETLINK, .nl_pid = 296413 };
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);

	/* write and read are not decoded. */
	addr_req.h.nlmsg_len = sizeof addr_req;
	addr_req.h.nlmsg_seq = 1011;
	addr_req.a.ifa_prefixlen = 0;
	int nfd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	local.nl_pid = 296411;
	bind(nfd, (struct sockaddr *)&local, sizeof local);
	write(nfd, &addr_req, sizeof addr_req);
	read(nfd, buf, 64);
	close(nfd);
	close(fd);

	/* A protocol without a decoder: the payload prints as a string. */
	int ufd = socket(AF_NETLINK, SOCK_RAW, NETLINK_USERSOCK);
	addr_req.h.nlmsg_seq = 1012;
	sendto(ufd, &addr_req, sizeof addr_req, MSG_DONTWAIT, (struct sockaddr *)&kernel, sizeof kernel);
	close(ufd);

	/* sock_diag: the listening TCP socket on 127.0.0.1:29641. */
	int lfd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(29641) };
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(lfd, (struct sockaddr *)&sin, sizeof sin);
	listen(lfd, 4);
	int dfd = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG);
	local.nl_pid = 296412;
	bind(dfd, (struct sockaddr *)&local, sizeof local);
	struct {
		struct nlmsghdr h;
		struct inet_diag_req_v2 r;
	} diag_req = {
		{ sizeof diag_req, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 1100, 0 },
		{ .sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_TCP,
		  .idiag_ext = 0, .idiag_states = 1 << 10 /* TCP_LISTEN */ },
	};
	diag_req.r.id.idiag_sport = htons(29641);
	diag_req.r.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
	diag_req.r.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
	sendto(dfd, &diag_req, sizeof diag_req, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all(dfd);
	/* The same for AF_INET6, a listening socket on [::1]:29642 and ::1 in
	 * the request: strace names an IPv6 address's field inside
	 * inet_pton(AF_INET6, "::1", &idiag_src). */
	int l6 = socket(AF_INET6, SOCK_STREAM, 0);
	setsockopt(l6, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = htons(29642) };
	sin6.sin6_addr = in6addr_loopback;
	bind(l6, (struct sockaddr *)&sin6, sizeof sin6);
	listen(l6, 4);
	diag_req.h.nlmsg_seq = 1101;
	diag_req.r.sdiag_family = AF_INET6;
	diag_req.r.id.idiag_sport = htons(29642);
	memcpy(diag_req.r.id.idiag_src, &in6addr_loopback, sizeof in6addr_loopback);
	sendto(dfd, &diag_req, sizeof diag_req, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all(dfd);
	close(l6);
	close(dfd);
	close(lfd);
	return 0;
}
