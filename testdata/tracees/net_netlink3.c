/* net_netlink3: NETLINK_SOCK_DIAG requests of AF_UNIX and AF_NETLINK
 * sockets (and made-up AF_PACKET ones) and their replies: an exact unix_diag request for a listening
 * stream socket with a fixed abstract name and one for an end of a
 * socketpair holding 5 unread bytes (every UDIAG_SHOW_* bit), a
 * netlink_diag dump of NETLINK_USERSOCK sockets, which finds the one this
 * tracee binds to a fixed port id, then made-up replies sent to a port no
 * socket binds (the kernel never reads them) with the attributes the
 * kernel would not send here, sizes that fit no structure, and short
 * structures. Then traffic control: an RTM_GETQDISC for lo's root qdisc
 * (noqueue, whose counters stay 0) and its reply, and a made-up RTM_NEWQDISC with the TCA_* attributes strace
 * decodes. Nothing here changes the machine's configuration. */
#define _GNU_SOURCE
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/gen_stats.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

static char buf[32768];
static char nl[4096];
static int fd;
static struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
static struct sockaddr_nl nobody = { .nl_family = AF_NETLINK, .nl_pid = 296433 };

/* use_msg makes recv_all read with recvmsg. */
static int use_msg;

/* recv_all reads replies until NLMSG_DONE, an error message or a reply
 * that is not a dump part. */
static void recv_all(void)
{
	for (;;) {
		struct iovec iov = { buf, sizeof buf };
		struct sockaddr_nl from;
		struct msghdr mh = { .msg_name = &from, .msg_namelen = sizeof from,
				     .msg_iov = &iov, .msg_iovlen = 1 };
		ssize_t n = use_msg ? recvmsg(fd, &mh, 0) : recv(fd, buf, sizeof buf, 0);
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

/* unix_exact asks for the unix socket of inode ino with sendmsg and
 * recvmsg, whose structures -e verbose=none prints as addresses (the
 * inode would show in a string). */
static void unix_exact(unsigned int ino, unsigned int seq)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} req = {
		{ sizeof req, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, seq, 0 },
		{ .sdiag_family = AF_UNIX, .udiag_states = ~0U, .udiag_ino = ino,
		  .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_VFS | UDIAG_SHOW_PEER |
				UDIAG_SHOW_ICONS | UDIAG_SHOW_RQLEN | UDIAG_SHOW_MEMINFO |
				UDIAG_SHOW_UID,
		  .udiag_cookie = { ~0U, ~0U } },
	};
	struct iovec iov = { &req, sizeof req };
	struct msghdr mh = { .msg_name = &kernel, .msg_namelen = sizeof kernel,
			     .msg_iov = &iov, .msg_iovlen = 1 };
	sendmsg(fd, &mh, 0);
	use_msg = 1;
	recv_all();
	use_msg = 0;
}

/* nla_put appends an attribute of len bytes at *off in nl. */
static void nla_put(size_t *off, unsigned short type, const void *val, unsigned short len)
{
	struct nlattr *a = (struct nlattr *)(nl + *off);
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	memcpy(nl + *off + NLA_HDRLEN, val, len);
	*off += NLA_ALIGN(a->nla_len);
}

/* send_fake sends the off bytes in nl as a SOCK_DIAG_BY_FAMILY message
 * with flags to nobody. */
static void send_fake(size_t off, unsigned short flags, unsigned int seq)
{
	struct nlmsghdr *h = (struct nlmsghdr *)nl;
	h->nlmsg_len = off;
	h->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = seq;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
}

int main(void)
{
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	struct sockaddr_nl local = { .nl_family = AF_NETLINK, .nl_pid = 296430 };
	bind(fd, (struct sockaddr *)&local, sizeof local);

	/* A listening socket with an abstract name, a socketpair with 5
	 * bytes queued. */
	int lfd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	memcpy(sun.sun_path, "\0gotrace-diag3", 14);
	bind(lfd, (struct sockaddr *)&sun, sizeof(sa_family_t) + 14);
	listen(lfd, 3);
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "hello", 5);
	struct stat st;
	fstat(lfd, &st);
	unix_exact(st.st_ino, 3001);
	fstat(sv[1], &st);
	unix_exact(st.st_ino, 3002);

	/* netlink_diag: the NETLINK_USERSOCK sockets, of which this one,
	 * bound to a fixed port and group 1 and 3. */
	int ufd = socket(AF_NETLINK, SOCK_RAW, NETLINK_USERSOCK);
	struct sockaddr_nl ul = { .nl_family = AF_NETLINK, .nl_pid = 296431, .nl_groups = 5 };
	bind(ufd, (struct sockaddr *)&ul, sizeof ul);
	struct {
		struct nlmsghdr h;
		struct netlink_diag_req r;
	} nreq = {
		{ sizeof nreq, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 3003, 0 },
		{ .sdiag_family = AF_NETLINK, .sdiag_protocol = NETLINK_USERSOCK,
		  .ndiag_show = NDIAG_SHOW_MEMINFO | NDIAG_SHOW_GROUPS |
				NDIAG_SHOW_RING_CFG | NDIAG_SHOW_FLAGS },
	};
	sendto(fd, &nreq, sizeof nreq, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all();

	/* Made-up requests: every flag and more, NDIAG_PROTO_ALL, short. */
	memset(nl, 0, sizeof nl);
	struct unix_diag_req *ur = NLMSG_DATA(nl);
	*ur = (struct unix_diag_req){ .sdiag_family = AF_UNIX, .sdiag_protocol = 3,
		.udiag_states = 0x80000003, .udiag_ino = 77, .udiag_show = 0x1ff,
		.udiag_cookie = { 1, 2 } };
	send_fake(NLMSG_SPACE(sizeof *ur), NLM_F_REQUEST, 3010);
	send_fake(NLMSG_LENGTH(sizeof *ur - 1), NLM_F_REQUEST, 3011);
	memset(nl, 0, sizeof nl);
	struct netlink_diag_req *nr = NLMSG_DATA(nl);
	*nr = (struct netlink_diag_req){ .sdiag_family = AF_NETLINK,
		.sdiag_protocol = NDIAG_PROTO_ALL, .ndiag_ino = 5, .ndiag_show = 0x3f };
	send_fake(NLMSG_SPACE(sizeof *nr), NLM_F_REQUEST, 3012);
	nr->sdiag_protocol = 200;
	send_fake(NLMSG_SPACE(sizeof *nr), NLM_F_REQUEST, 3013);
	send_fake(NLMSG_LENGTH(sizeof *nr - 4), NLM_F_REQUEST, 3014);

	/* Made-up unix_diag_msg replies with every attribute. */
	memset(nl, 0, sizeof nl);
	struct unix_diag_msg *um = NLMSG_DATA(nl);
	*um = (struct unix_diag_msg){ .udiag_family = AF_UNIX, .udiag_type = SOCK_SEQPACKET,
		.udiag_state = 10, .udiag_ino = 0, .udiag_cookie = { 7, 8 } };
	size_t off = NLMSG_SPACE(sizeof *um);
	struct unix_diag_vfs vfs = { .udiag_vfs_dev = (8 << 20) | 3, .udiag_vfs_ino = 4242 };
	struct unix_diag_rqlen rq = { 1, 2 };
	unsigned int icons[3] = { 11, 12, 13 }, mem[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	unsigned int uid = 1000, nouid = ~0U;
	unsigned char shut = 3;
	nla_put(&off, UNIX_DIAG_NAME, "/tmp/sock", 10);
	nla_put(&off, UNIX_DIAG_VFS, &vfs, sizeof vfs);
	nla_put(&off, UNIX_DIAG_VFS, &vfs, 6);
	nla_put(&off, UNIX_DIAG_ICONS, icons, sizeof icons);
	nla_put(&off, UNIX_DIAG_ICONS, icons, 3);
	nla_put(&off, UNIX_DIAG_RQLEN, &rq, sizeof rq);
	nla_put(&off, UNIX_DIAG_MEMINFO, mem, sizeof mem);
	nla_put(&off, UNIX_DIAG_MEMINFO, mem, 6);
	nla_put(&off, UNIX_DIAG_SHUTDOWN, &shut, 1);
	nla_put(&off, UNIX_DIAG_UID, &uid, 4);
	nla_put(&off, UNIX_DIAG_UID, &nouid, 4);
	nla_put(&off, 9, &uid, 4);
	send_fake(off, NLM_F_MULTI, 3020);
	um->udiag_type = 9;
	um->udiag_state = 99;
	send_fake(NLMSG_LENGTH(sizeof *um), NLM_F_MULTI, 3021);
	send_fake(NLMSG_LENGTH(sizeof *um - 2), NLM_F_MULTI, 3022);

	/* Made-up netlink_diag_msg replies. */
	memset(nl, 0, sizeof nl);
	struct netlink_diag_msg *nm = NLMSG_DATA(nl);
	*nm = (struct netlink_diag_msg){ .ndiag_family = AF_NETLINK, .ndiag_type = SOCK_DGRAM,
		.ndiag_protocol = NETLINK_ROUTE, .ndiag_state = 1, .ndiag_portid = 5,
		.ndiag_dst_portid = 6, .ndiag_dst_group = 7, .ndiag_ino = 0,
		.ndiag_cookie = { 3, 4 } };
	off = NLMSG_SPACE(sizeof *nm);
	unsigned long groups[2] = { 0, 0x8000000000000011UL };
	struct netlink_diag_ring ring = { 4096, 2, 2048, 4 };
	unsigned int flags = 0x7f;
	nla_put(&off, NETLINK_DIAG_MEMINFO, mem, 36);
	nla_put(&off, NETLINK_DIAG_GROUPS, groups, sizeof groups);
	nla_put(&off, NETLINK_DIAG_GROUPS, groups, 4);
	nla_put(&off, NETLINK_DIAG_RX_RING, &ring, sizeof ring);
	nla_put(&off, NETLINK_DIAG_TX_RING, &ring, 12);
	nla_put(&off, NETLINK_DIAG_FLAGS, &flags, 4);
	nla_put(&off, NETLINK_DIAG_FLAGS, &flags, 2);
	nla_put(&off, 5, &flags, 4);
	send_fake(off, NLM_F_MULTI, 3030);
	nm->ndiag_state = 7;
	nm->ndiag_protocol = 40;
	send_fake(NLMSG_LENGTH(sizeof *nm), NLM_F_MULTI, 3031);
	nm->ndiag_state = 5;
	send_fake(NLMSG_LENGTH(sizeof *nm), NLM_F_MULTI, 3032);
	send_fake(NLMSG_LENGTH(sizeof *nm - 1), NLM_F_MULTI, 3033);

	/* Made-up packet_diag request and replies (PACKET_DIAG_FILTER aside:
	 * with -v strace decodes its instructions, gotrace not). */
	memset(nl, 0, sizeof nl);
	struct packet_diag_req *pr = NLMSG_DATA(nl);
	*pr = (struct packet_diag_req){ .sdiag_family = AF_PACKET, .sdiag_protocol = 3,
		.pdiag_ino = 9, .pdiag_show = 0x7f, .pdiag_cookie = { 1, 2 } };
	send_fake(NLMSG_SPACE(sizeof *pr), NLM_F_REQUEST | NLM_F_DUMP, 3040);
	send_fake(NLMSG_LENGTH(sizeof *pr - 1), NLM_F_REQUEST, 3041);
	memset(nl, 0, sizeof nl);
	struct packet_diag_msg *pm = NLMSG_DATA(nl);
	*pm = (struct packet_diag_msg){ .pdiag_family = AF_PACKET, .pdiag_type = SOCK_DGRAM,
		.pdiag_num = 0x800, .pdiag_ino = 0, .pdiag_cookie = { 5, 6 } };
	off = NLMSG_SPACE(sizeof *pm);
	struct packet_diag_info pi = { 1, 2, 3, 4, 5, 0x3f };
	struct packet_diag_mclist mc[2] = {
		{ .pdmc_index = 1, .pdmc_count = 2, .pdmc_type = 1, .pdmc_alen = 6,
		  .pdmc_addr = { 1, 2, 3, 4, 5, 6 } },
		{ .pdmc_index = 1, .pdmc_count = 1, .pdmc_type = 2, .pdmc_alen = 40 },
	};
	struct packet_diag_ring pring = { 4096, 4, 2048, 8, 60, 0, 1 };
	unsigned int fanout = 0x10002;
	pi.pdi_version = 7;
	nla_put(&off, PACKET_DIAG_INFO, &pi, sizeof pi);
	pi.pdi_version = 2; /* TPACKET_V3 */
	nla_put(&off, PACKET_DIAG_INFO, &pi, sizeof pi);
	nla_put(&off, PACKET_DIAG_INFO, &pi, 20);
	nla_put(&off, PACKET_DIAG_MCLIST, mc, sizeof mc);
	nla_put(&off, PACKET_DIAG_MCLIST, mc, 10);
	nla_put(&off, PACKET_DIAG_RX_RING, &pring, sizeof pring);
	nla_put(&off, PACKET_DIAG_TX_RING, &pring, 8);
	nla_put(&off, PACKET_DIAG_FANOUT, &fanout, 4);
	nla_put(&off, PACKET_DIAG_UID, &nouid, 4);
	nla_put(&off, PACKET_DIAG_MEMINFO, mem, 8);
	nla_put(&off, 8, &fanout, 4);
	send_fake(off, NLM_F_MULTI, 3042);
	pm->pdiag_num = 0x1234;
	pm->pdiag_type = 0;
	send_fake(NLMSG_LENGTH(sizeof *pm), NLM_F_MULTI, 3043);
	send_fake(NLMSG_LENGTH(sizeof *pm - 3), NLM_F_MULTI, 3044);

	/* Traffic control on a NETLINK_ROUTE socket. */
	int rfd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl rl = { .nl_family = AF_NETLINK, .nl_pid = 296432 };
	bind(rfd, (struct sockaddr *)&rl, sizeof rl);
	struct {
		struct nlmsghdr h;
		struct tcmsg t;
	} qreq = {
		{ sizeof qreq, RTM_GETQDISC, NLM_F_REQUEST | NLM_F_ECHO, 3050, 0 },
		{ .tcm_family = AF_UNSPEC, .tcm_ifindex = 1, .tcm_parent = TC_H_ROOT },
	};
	int saved = fd;
	fd = rfd;
	sendto(fd, &qreq, sizeof qreq, 0, (struct sockaddr *)&kernel, sizeof kernel);
	recv_all();
	memset(nl, 0, sizeof nl);
	struct tcmsg *tm = NLMSG_DATA(nl);
	*tm = (struct tcmsg){ .tcm_family = AF_UNSPEC, .tcm_ifindex = 1,
		.tcm_handle = 0x10000, .tcm_parent = 0xffffffff, .tcm_info = 2 };
	off = NLMSG_SPACE(sizeof *tm);
	struct tc_stats ts = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct tc_estimator te = { -2, 9 };
	struct gnet_stats_basic gb = { 100, 7 };
	struct gnet_stats_rate_est gr = { 10, 11 };
	struct gnet_stats_queue gq = { 1, 2, 3, 4, 5 };
	struct gnet_stats_rate_est64 gr64 = { 12, 13 };
	struct tc_sizespec sz = { 1, 2, -3, -4, 5, 6, 7, 8 };
	unsigned short stab[3] = { 1, 2, 3 };
	unsigned long long pkt64 = 99;
	unsigned char opts[4] = { 1, 2, 3, 4 };
	nla_put(&off, TCA_KIND, "pfifo", 6);
	nla_put(&off, TCA_OPTIONS, opts, 4);
	nla_put(&off, TCA_STATS, &ts, 36);
	nla_put(&off, TCA_STATS, &ts, 20);
	nla_put(&off, TCA_RATE, &te, sizeof te);
	nla_put(&off, TCA_FCNT, &uid, 4);
	nla_put(&off, TCA_CHAIN, &fanout, 4);
	nla_put(&off, TCA_HW_OFFLOAD, &shut, 1);
	nla_put(&off, TCA_INGRESS_BLOCK, &fanout, 4);
	nla_put(&off, 15 /* TCA_DUMP_FLAGS */, &fanout, 4);
	nla_put(&off, 20, &fanout, 4);
	size_t nest = off;
	nla_put(&off, TCA_STATS2, "", 0);
	nla_put(&off, TCA_STATS_BASIC, &gb, 12);
	nla_put(&off, TCA_STATS_RATE_EST, &gr, sizeof gr);
	nla_put(&off, TCA_STATS_QUEUE, &gq, sizeof gq);
	nla_put(&off, TCA_STATS_APP, opts, 4);
	nla_put(&off, TCA_STATS_RATE_EST64, &gr64, sizeof gr64);
	nla_put(&off, 7 /* TCA_STATS_BASIC_HW */, &gb, 12);
	nla_put(&off, 8 /* TCA_STATS_PKT64 */, &pkt64, 8);
	nla_put(&off, TCA_STATS_QUEUE, &gq, 8);
	((struct nlattr *)(nl + nest))->nla_len = off - nest;
	nest = off;
	nla_put(&off, TCA_STAB, "", 0);
	nla_put(&off, TCA_STAB_BASE, &sz, sizeof sz);
	nla_put(&off, TCA_STAB_DATA, stab, sizeof stab);
	((struct nlattr *)(nl + nest))->nla_len = off - nest;
	struct nlmsghdr *qh = (struct nlmsghdr *)nl;
	qh->nlmsg_len = off;
	qh->nlmsg_type = RTM_NEWQDISC;
	qh->nlmsg_flags = NLM_F_REQUEST;
	qh->nlmsg_seq = 3051;
	sendto(fd, nl, off, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	qh->nlmsg_type = RTM_GETTFILTER;
	qh->nlmsg_len = NLMSG_LENGTH(sizeof *tm - 1);
	sendto(fd, nl, qh->nlmsg_len, MSG_DONTWAIT, (struct sockaddr *)&nobody, sizeof nobody);
	fd = saved;
	close(rfd);

	close(ufd);
	close(sv[0]);
	close(sv[1]);
	close(lfd);
	close(fd);
	return 0;
}
