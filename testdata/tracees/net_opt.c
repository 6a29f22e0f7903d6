/* net_opt: setsockopt/getsockopt at several levels, with int, struct,
 * string and bad values. Loopback only. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int main(void)
{
	int one = 1, val = 0;
	socklen_t len;
	char buf[64];
	struct timeval tv = { 3, 500 };
	struct linger lg = { 1, 7 };
	struct ip_mreq mr;
	struct ipv6_mreq mr6;
	int s = socket(AF_INET, SOCK_STREAM, 0);

	setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, 4);
	setsockopt(s, SOL_SOCKET, SO_SNDBUF, NULL, 4);
	setsockopt(s, SOL_SOCKET, SO_SNDBUF, (void *)8, 4);
	setsockopt(s, SOL_TCP, TCP_CONGESTION, "cubic", 5);
	setsockopt(s, SOL_TCP, 999, &one, sizeof one);
	setsockopt(s, 12345, 1, &one, sizeof one);
	setsockopt(s, SOL_IP, IP_TOS, &one, 1);
	setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, NULL, 0);

	len = sizeof buf;
	getsockopt(s, SOL_TCP, TCP_CONGESTION, buf, &len);
	len = sizeof tv;
	getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, &len);
	len = 2;
	getsockopt(s, SOL_SOCKET, SO_LINGER, &lg, &len);
	len = sizeof val;
	getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &val, &len);
	getsockopt(s, SOL_SOCKET, SO_TYPE, &val, NULL);
	getsockopt(s, SOL_SOCKET, SO_TYPE, &val, (socklen_t *)8);
	len = 0;
	getsockopt(s, SOL_SOCKET, SO_TYPE, &val, &len);
	len = 4;
	getsockopt(s, SOL_SOCKET, 9999, &val, &len);
	getsockopt(s, SOL_IP, IP_TTL, &val, &len);

	/* A refused connection: SO_ERROR holds ECONNREFUSED. */
	int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(29611) };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	connect(c, (struct sockaddr *)&sa, sizeof sa);
	struct pollfd p = { c, POLLOUT, 0 };
	poll(&p, 1, 1000);
	len = sizeof val;
	getsockopt(c, SOL_SOCKET, SO_ERROR, &val, &len);

	int u = socket(AF_INET, SOCK_DGRAM, 0);
	mr.imr_multiaddr.s_addr = inet_addr("224.0.0.251");
	mr.imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(u, SOL_IP, IP_ADD_MEMBERSHIP, &mr, sizeof mr);
	setsockopt(u, SOL_IP, IP_DROP_MEMBERSHIP, &mr, 4);
	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	inet_pton(AF_INET6, "ff02::fb", &mr6.ipv6mr_multiaddr);
	mr6.ipv6mr_interface = 1;
	setsockopt(u6, SOL_IPV6, IPV6_ADD_MEMBERSHIP, &mr6, sizeof mr6);
	setsockopt(u6, SOL_IPV6, IPV6_V6ONLY, &one, sizeof one);

	/* Every SOL_SOCKET option read into one byte: strace 6.1 prints the
	 * int-valued ones' byte in hex, the others as a plain string. */
	unsigned char byte;
	for (int opt = 1; opt <= 80; opt++) {
		len = 1;
		getsockopt(u, SOL_SOCKET, opt, &byte, &len);
	}
	return 0;
}
