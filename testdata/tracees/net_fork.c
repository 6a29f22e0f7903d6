/* net_fork: a blocking loopback server (port 29617) and a forked client,
 * so that accept4, poll, epoll_wait and recvfrom block and strace -f cuts
 * their lines with <unfinished ...>. The client waits briefly so the
 * server is blocked first; output interleaving can still vary. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PORT 29617

static void pause_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };
	nanosleep(&ts, NULL);
}

int main(void)
{
	int one = 1;
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(PORT) };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int srv = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(srv, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(srv, 4) < 0)
		return 1;
	pid_t pid = fork();
	if (pid == 0) {
		pause_ms(100);
		int c = socket(AF_INET, SOCK_STREAM, 0);
		connect(c, (struct sockaddr *)&sa, sizeof sa);
		pause_ms(100);
		sendto(c, "ping", 4, 0, NULL, 0);
		pause_ms(100);
		sendto(c, "pong", 4, 0, NULL, 0);
		pause_ms(100);
		close(c);
		_exit(0);
	}
	int conn = accept4(srv, NULL, NULL, SOCK_CLOEXEC);
	struct pollfd p = { conn, POLLIN, 0 };
	poll(&p, 1, 2000);
	char buf[16];
	recvfrom(conn, buf, sizeof buf, 0, NULL, NULL);
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = conn }, out;
	epoll_ctl(ep, EPOLL_CTL_ADD, conn, &ev);
	epoll_wait(ep, &out, 1, 2000);
	recvfrom(conn, buf, sizeof buf, 0, NULL, NULL);
	waitpid(pid, NULL, 0);
	return 0;
}
