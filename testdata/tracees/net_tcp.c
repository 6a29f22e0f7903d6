/* net_tcp: a loopback TCP server and client in one process, driven by
 * epoll, for the socket, epoll and vectored-I/O decoders. Port 29613 on
 * 127.0.0.1 is fixed, and so is the client's (29612), so the output is
 * deterministic; both ends reset (SO_LINGER 0) so no TIME_WAIT keeps the
 * ports busy for the next run. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define PORT 29613
#define CPORT 29612

int main(void)
{
	int one = 1, val = 0;
	socklen_t len;
	struct sockaddr_in sa, peer;
	struct linger lg = { 1, 0 };
	char buf[256];

	int srv = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons(PORT);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(srv, (struct sockaddr *)&sa, sizeof sa) < 0)
		return 1;
	listen(srv, 128);

	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = 0x1122334455667788ULL };
	epoll_ctl(ep, EPOLL_CTL_ADD, srv, &ev);

	int cli = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	setsockopt(cli, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	sa.sin_port = htons(CPORT);
	bind(cli, (struct sockaddr *)&sa, sizeof sa);
	sa.sin_port = htons(PORT);
	connect(cli, (struct sockaddr *)&sa, sizeof sa);

	struct epoll_event out[4];
	int n = epoll_wait(ep, out, 4, 1000);
	(void)n;
	len = 128;
	int conn = accept4(srv, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK);
	/* accept with no connection pending: EAGAIN */
	len = sizeof peer;
	accept(srv, (struct sockaddr *)&peer, &len);
	accept4(srv, NULL, NULL, SOCK_CLOEXEC);

	len = sizeof val;
	getsockopt(cli, SOL_SOCKET, SO_ERROR, &val, &len);
	len = sizeof val;
	getsockopt(cli, SOL_SOCKET, SO_TYPE, &val, &len);
	len = sizeof lg;
	getsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, &len);
	len = 128;
	getsockname(conn, (struct sockaddr *)&peer, &len);
	len = sizeof peer;
	getpeername(conn, (struct sockaddr *)&peer, &len);

	ev.events = EPOLLIN | EPOLLRDHUP;
	ev.data.fd = conn;
	epoll_ctl(ep, EPOLL_CTL_ADD, conn, &ev);
	epoll_ctl(ep, EPOLL_CTL_MOD, conn, &ev);

	sendto(cli, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 27, MSG_NOSIGNAL, NULL, 0);
	epoll_pwait(ep, out, 4, 1000, NULL);
	recvfrom(conn, buf, sizeof buf, 0, (struct sockaddr *)&peer, &len);
	recvfrom(conn, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);

	struct iovec iov[3] = {
		{ "HTTP/1.1 304 Not Modified\r\nServer: gotrace-test\r\n", 50 },
		{ "Connection: close\r\n\r\n", 21 },
		{ "\xff\xfe\x01tail", 7 },
	};
	writev(conn, iov, 3);
	char a[10], b[100];
	struct iovec riov[2] = { { a, sizeof a }, { b, sizeof b } };
	readv(cli, riov, 2);

	epoll_ctl(ep, EPOLL_CTL_DEL, conn, NULL);
	setsockopt(conn, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	shutdown(conn, SHUT_WR);
	shutdown(cli, SHUT_RDWR);

	int sv[2];
	socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
	socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
	socket(AF_PACKET, SOCK_RAW, htons(0x0003));
	socket(AF_NETLINK, SOCK_RAW, 0);
	socket(12345, SOCK_STREAM, 0);
	socket(AF_INET, 0x77, 0);
	close(conn);
	close(cli);
	close(srv);
	close(ep);
	return 0;
}
