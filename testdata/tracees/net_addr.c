/* net_addr: socket addresses of every family gotrace decodes, passed to
 * bind/connect/sendto (some fail on purpose; only the decoding matters).
 * Loopback only; interface index 1 is the loopback device. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_un un;
	struct sockaddr_in6 s6;
	struct sockaddr_nl nl;
	struct sockaddr_ll ll;
	struct sockaddr_storage ss;
	int u = socket(AF_UNIX, SOCK_DGRAM, 0);

	memset(&un, 0, sizeof un);
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/nonexistent/gotrace.sock");
	connect(u, (struct sockaddr *)&un, sizeof un);
	connect(u, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 5);
	memset(un.sun_path, 0, sizeof un.sun_path);
	memcpy(un.sun_path, "\0gotrace\0x\377", 12);
	connect(u, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 12);
	connect(u, (struct sockaddr *)&un, 2);
	connect(u, (struct sockaddr *)&un, 1);
	connect(u, (struct sockaddr *)&un, 0);
	connect(u, NULL, 16);
	connect(u, (struct sockaddr *)8, 16);
	connect(u, (struct sockaddr *)&un, -1);
	memset(&un, 'A', sizeof un);
	un.sun_family = AF_UNIX;
	connect(u, (struct sockaddr *)&un, sizeof un);
	connect(u, (struct sockaddr *)&un, sizeof un + 10);

	int s = socket(AF_INET6, SOCK_DGRAM, 0);
	memset(&s6, 0, sizeof s6);
	s6.sin6_family = AF_INET6;
	s6.sin6_port = htons(29614);
	s6.sin6_addr = in6addr_loopback;
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	connect(s, (struct sockaddr *)&s6, 24);
	inet_pton(AF_INET6, "fe80::1", &s6.sin6_addr);
	s6.sin6_scope_id = 1 /* lo */;
	s6.sin6_flowinfo = htonl(0x12345);
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	s6.sin6_scope_id = 12345;
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &s6.sin6_addr);
	s6.sin6_scope_id = 0;
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	inet_pton(AF_INET6, "::1.2.3.4", &s6.sin6_addr);
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	inet_pton(AF_INET6, "2001:db8:0:1:0:0:0:1", &s6.sin6_addr);
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	inet_pton(AF_INET6, "1:0:0:2:0:0:0:3", &s6.sin6_addr);
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	inet_pton(AF_INET6, "1:0:2:0:3:0:4:0", &s6.sin6_addr);
	connect(s, (struct sockaddr *)&s6, sizeof s6);
	connect(s, (struct sockaddr *)&s6, 20);
	sendto(s, "x", 1, 0, (struct sockaddr *)&s6, sizeof s6);

	int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	memset(&nl, 0, sizeof nl);
	nl.nl_family = AF_NETLINK;
	bind(n, (struct sockaddr *)&nl, sizeof nl);
	nl.nl_pid = 1234567;
	nl.nl_groups = 0x51;
	connect(n, (struct sockaddr *)&nl, sizeof nl);
	nl.nl_pad = 7;
	connect(n, (struct sockaddr *)&nl, sizeof nl);

	int p = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP));
	memset(&ll, 0, sizeof ll);
	ll.sll_family = AF_PACKET;
	ll.sll_protocol = htons(ETH_P_IP);
	ll.sll_ifindex = 1 /* lo */;
	ll.sll_hatype = 1;
	ll.sll_pkttype = PACKET_BROADCAST;
	ll.sll_halen = 6;
	memcpy(ll.sll_addr, "\x00\x11\x22\xaa\xbb\x0c", 6);
	bind(p, (struct sockaddr *)&ll, sizeof ll);
	connect(p, (struct sockaddr *)&ll, 22);
	ll.sll_protocol = htons(0x1234);
	ll.sll_hatype = 0x7777;
	ll.sll_pkttype = 99;
	connect(p, (struct sockaddr *)&ll, sizeof ll);

	memset(&ss, 0, sizeof ss);
	ss.ss_family = AF_UNSPEC;
	memcpy((char *)&ss + 2, "ab\0\1\377", 5);
	connect(s, (struct sockaddr *)&ss, 7);
	ss.ss_family = 4000;
	connect(s, (struct sockaddr *)&ss, 16);
	ss.ss_family = AF_INET;
	connect(s, (struct sockaddr *)&ss, 8);
	return 0;
}
