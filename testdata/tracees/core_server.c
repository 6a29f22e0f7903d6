#define _GNU_SOURCE
/* core_server: a loopback HTTP-ish server blocked in epoll_wait(-1) between
 * requests, for the attach/detach tests. It prints its port, then answers
 * each connection with "ok N\n"; a request "QUIT" ends it. Bounded. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(sa);
	if (bind(ls, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(ls, 64) < 0)
		return 1;
	getsockname(ls, (struct sockaddr *)&sa, &len);
	printf("%d\n", ntohs(sa.sin_port));
	fflush(stdout);
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = ls };
	epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
	for (int served = 0; served < 100000; served++) {
		struct epoll_event out[8];
		int n = epoll_wait(ep, out, 8, -1);
		if (n < 0)
			continue; /* EINTR: a signal with a handler, or none */
		int c = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
		if (c < 0)
			continue;
		char buf[256];
		ssize_t r = recvfrom(c, buf, sizeof(buf) - 1, 0, NULL, NULL);
		if (r > 0 && strncmp(buf, "QUIT", 4) == 0) {
			close(c);
			return 0;
		}
		char resp[64];
		int m = snprintf(resp, sizeof(resp), "ok %d\n", served);
		write(c, resp, m);
		close(c);
	}
	return 0;
}
