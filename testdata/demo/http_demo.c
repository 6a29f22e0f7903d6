#define _GNU_SOURCE
/* http_demo: a tiny loopback HTTP exchange for `make demo`. The parent
 * serves one request on 127.0.0.1 (epoll_wait, accept4, recvfrom, writev);
 * a forked child is the client (socket, connect, sendto, recvfrom). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	int one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(sa);
	if (bind(ls, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(ls, 16) < 0)
		return 1;
	getsockname(ls, (struct sockaddr *)&sa, &len);
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = ls };
	epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);

	pid_t child = fork();
	if (child == 0) {
		int c = socket(AF_INET, SOCK_STREAM, 0);
		if (connect(c, (struct sockaddr *)&sa, sizeof(sa)) < 0)
			_exit(1);
		const char req[] = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
		sendto(c, req, sizeof(req) - 1, MSG_NOSIGNAL, NULL, 0);
		char buf[512];
		ssize_t n = recvfrom(c, buf, sizeof(buf), 0, NULL, NULL);
		close(c);
		_exit(n > 0 ? 0 : 2);
	}
	struct epoll_event out[4];
	epoll_wait(ep, out, 4, 5000);
	struct sockaddr_in peer;
	socklen_t plen = sizeof(peer);
	int conn = accept4(ls, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
	char buf[512];
	recvfrom(conn, buf, sizeof(buf), 0, NULL, NULL);
	const char head[] = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\n";
	const char body[] = "hello, world\n";
	struct iovec iov[2] = { { (void *)head, sizeof(head) - 1 }, { (void *)body, sizeof(body) - 1 } };
	writev(conn, iov, 2);
	close(conn);
	int status;
	waitpid(child, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
